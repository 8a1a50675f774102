"""Transitional: the old path of :mod:`vnnews.normalization`, for code not yet moved to it.

``vnnews.normalize`` is the function :func:`vnnews.normalize`; the module that defines it is
:mod:`vnnews.normalization`. ``from vnnews.normalize import …`` keeps working until the last
imports through this path are moved; nothing documented uses it, and it will be removed.
"""

from vnnews.normalization import NormalizedText, normalize, normalize_with_offsets

__all__ = ["NormalizedText", "normalize", "normalize_with_offsets"]
