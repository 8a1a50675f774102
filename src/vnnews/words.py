"""Transitional: the old path of :mod:`vnnews.word_segmentation`, for code not yet moved to it.

``vnnews.words`` is the function :func:`vnnews.words`; the module that defines it is
:mod:`vnnews.word_segmentation`. ``from vnnews.words import …`` keeps working until the last
imports through this path are moved; nothing documented uses it, and it will be removed.
"""

from vnnews.word_segmentation import CHUNK_LIMIT, Word, align_tokens, segmenter_chunks, words

__all__ = ["CHUNK_LIMIT", "Word", "align_tokens", "segmenter_chunks", "words"]
