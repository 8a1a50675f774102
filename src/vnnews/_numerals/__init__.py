"""Number words and digit literals: the layer below :mod:`vnnews.numbers` and :mod:`vnnews.dates`.

``lexicon`` reads the number tables (``data/number_*.tsv|txt``); ``grammar`` reads a sequence
of number words and literals as one exact value. Both capabilities rest on it ("ngày mười
lăm", "3,5 triệu đồng"), and it imports neither of them: the imports point one way, down.
"""

__all__: list[str] = []  # a private layer: its modules are imported by name
