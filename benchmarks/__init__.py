"""vnnews benchmarks: each compares vnnews with the library a user would otherwise pick."""
