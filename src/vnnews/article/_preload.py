"""Imported by the forkserver of vnnews's process pools: warms it up, so that every worker it
forks starts with the patterns compiled. Not for import elsewhere (importing it does the work
of :func:`vnnews.article._warm.warm_up`)."""

from vnnews.article._warm import warm_up

warm_up()
