"""Fractions read aloud: "a phần b" (a share of a whole) or "a trên b" (a count out of a total).

>>> from vnnews.spoken._context import Context
>>> from vnnews.spoken._style import SpokenStyle
>>> text = "có 22/28 chỉ tiêu, 1/3 dân số"
>>> ctx = Context(text, SpokenStyle(), {})
>>> fraction_reading(ctx, "22", "28", text.index(" chỉ"))
('hai mươi hai trên hai mươi tám', ())
>>> fraction_reading(ctx, "1", "3", text.index(" dân"))
('một phần ba', ())
"""

from __future__ import annotations

from vnnews.spoken import _lexicon as lex
from vnnews.spoken._context import Context, next_words
from vnnews.spoken._numerals import cardinal

__all__ = ["fraction_reading", "proper"]


def fraction_reading(
    ctx: Context, numerator: str, denominator: str, following: int
) -> tuple[str, tuple[str, ...]]:
    """ "a phần b" or "a trên b" for "a/b", by the style and the noun after it.

    With ``fraction="auto"`` a noun of a whole after it ("dân số") reads "phần", a counted
    noun ("chỉ tiêu") reads "trên"; with neither, a proper fraction with a denominator up
    to 10 reads "phần", anything else "trên", and the other reading is an alternative.
    """
    style = ctx.style
    top = cardinal(numerator, style)
    bottom = "tư" if denominator.lstrip("0") == "4" else cardinal(denominator, style)
    part = f"{top} phần {bottom}"
    over = f"{top} trên {cardinal(denominator, style)}"
    if style.fraction == "phần":
        return part, ()
    if style.fraction == "trên":
        return over, ()
    roles = lex.context_words()
    after = next_words(ctx.text, following, 2)
    if after and ctx.text[following : following + 1] == " ":
        one, two = after[0], " ".join(after[:2])
        if two in roles["fraction_whole"] or one in roles["fraction_whole"]:
            return part, ()
        if two in roles["fraction_count"] or one in roles["fraction_count"]:
            return over, ()
    small = len(denominator.lstrip("0")) == 1 or denominator == "10"
    if proper(numerator, denominator) and small:
        return part, (over,)
    return over, (part,)


def proper(numerator: str, denominator: str) -> bool:
    if len(numerator) > 6 or len(denominator) > 6:
        return False
    return int(numerator) < int(denominator)
