"""An independent computation of the Vietnamese lunar calendar, to check ``vnnews.lunar``.

It shares no code and no formula with ``vnnews.lunar`` (which follows Hồ Ngọc Đức's
low-precision series): here

- new moons come from Meeus, *Astronomical Algorithms* (2nd ed.), chapter 49, with all 25
  periodic terms and the 14 planetary corrections (a few seconds from ELP2000);
- the sun's apparent longitude comes from VSOP87 (``data/lunar_vsop87_earth_l.tsv``) with
  nutation and aberration (about 1″); the major solar terms are found by iteration;
- TT − UT is the Espenak–Meeus (2006) ΔT polynomial;
- the calendar rules are applied literally: a month starts on the civil day (at the given UTC
  offset) of a new moon, month 11 holds the December solstice, and in a 13-month span the
  first month holding no major solar term is the leap month.

Checked once against PyEphem 4.2.1 (VSOP87/ELP, its own ΔT): new moons 1900–2200 within 33 s,
solar longitude within 1.3″.

Run ``python tests/lunar_reference.py`` to regenerate ``data/lunar_tet.jsonl``.
"""

from __future__ import annotations

import json
import math
from datetime import date
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data"
TET_TABLE = DATA / "lunar_tet.jsonl"
VIETNAM = 7.0
J2000 = 2451545.0
JD_MINUS_ORDINAL = 1721425
MEAN_SYNODIC_MONTH = 29.530588861
TROPICAL_YEAR = 365.2422

# Tết years where the reference and Hồ Ngọc Đức's series put the new moon on different sides of
# local midnight (it falls within 3 minutes of it; ΔT alone is uncertain by more that far ahead).
KNOWN_TET_DIFFERENCES = {
    2175: "new moon 2175-01-22 23:59:36 UTC+7; Hồ Ngọc Đức's series puts it after midnight",
    2199: "new moon 2199-01-26 23:57:53 UTC+7; Hồ Ngọc Đức's series puts it after midnight",
}

_PLANETARY = (
    (0.000325, 299.77, 0.107408, -0.009173),
    (0.000165, 251.88, 0.016321, 0),
    (0.000164, 251.83, 26.651886, 0),
    (0.000126, 349.42, 36.412478, 0),
    (0.000110, 84.66, 18.206239, 0),
    (0.000062, 141.74, 53.303771, 0),
    (0.000060, 207.14, 2.453732, 0),
    (0.000056, 154.84, 7.306860, 0),
    (0.000047, 34.52, 27.261239, 0),
    (0.000042, 207.19, 0.121824, 0),
    (0.000040, 291.34, 1.844379, 0),
    (0.000037, 161.72, 24.198154, 0),
    (0.000035, 239.56, 25.513099, 0),
    (0.000023, 331.55, 3.592518, 0),
)


@lru_cache(maxsize=1)
def _vsop_series() -> tuple[tuple[tuple[float, float, float], ...], ...]:
    series: list[list[tuple[float, float, float]]] = [[] for _ in range(6)]
    for line in (DATA / "lunar_vsop87_earth_l.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            power, a, b, c = line.split("\t")
            series[int(power)].append((float(a), float(b), float(c)))
    return tuple(tuple(terms) for terms in series)


def delta_t_days(jd: float) -> float:
    """TT − UT in days (Espenak & Meeus 2006 polynomials, 1860–2200)."""
    y = 2000 + (jd - J2000) / 365.25
    if y < 1900:
        t = y - 1860
        s = 7.62 + 0.5737 * t - 0.251754 * t**2 + 0.01680668 * t**3
        s += -0.0004473624 * t**4 + t**5 / 233174
    elif y < 1920:
        t = y - 1900
        s = -2.79 + 1.494119 * t - 0.0598939 * t**2 + 0.0061966 * t**3 - 0.000197 * t**4
    elif y < 1941:
        t = y - 1920
        s = 21.20 + 0.84493 * t - 0.076100 * t**2 + 0.0020936 * t**3
    elif y < 1961:
        t = y - 1950
        s = 29.07 + 0.407 * t - t**2 / 233 + t**3 / 2547
    elif y < 1986:
        t = y - 1975
        s = 45.45 + 1.067 * t - t**2 / 260 - t**3 / 718
    elif y < 2005:
        t = y - 2000
        s = 63.86 + 0.3345 * t - 0.060374 * t**2 + 0.0017275 * t**3
        s += 0.000651814 * t**4 + 0.00002373599 * t**5
    elif y < 2050:
        t = y - 2000
        s = 62.92 + 0.32217 * t + 0.005589 * t**2
    elif y < 2150:
        s = -20 + 32 * ((y - 1820) / 100) ** 2 - 0.5628 * (2150 - y)
    else:
        s = -20 + 32 * ((y - 1820) / 100) ** 2
    return s / 86400


@lru_cache(maxsize=8192)
def new_moon_ut(k: int) -> float:
    """Julian date (UT) of true new moon ``k`` (k = 0 is 2000-01-06), Meeus chapter 49.

    >>> round(new_moon_ut(-283) + delta_t_days(new_moon_ut(-283)), 5)  # Meeus example 49.a
    2443192.65118
    """
    t = k / 1236.85
    jde = 2451550.09766 + 29.530588861 * k + 0.00015437 * t**2
    jde += -0.000000150 * t**3 + 0.00000000073 * t**4
    e = 1 - 0.002516 * t - 0.0000074 * t**2
    m = math.radians(2.5534 + 29.10535670 * k - 0.0000014 * t**2 - 0.00000011 * t**3)
    mp = math.radians(
        201.5643 + 385.81693528 * k + 0.0107582 * t**2 + 0.00001238 * t**3 - 0.000000058 * t**4
    )
    f = math.radians(
        160.7108 + 390.67050284 * k - 0.0016118 * t**2 - 0.00000227 * t**3 + 0.000000011 * t**4
    )
    om = math.radians(124.7746 - 1.56375588 * k + 0.0020672 * t**2 + 0.00000215 * t**3)
    s = math.sin
    jde += (
        -0.40720 * s(mp)
        + 0.17241 * e * s(m)
        + 0.01608 * s(2 * mp)
        + 0.01039 * s(2 * f)
        + 0.00739 * e * s(mp - m)
        - 0.00514 * e * s(mp + m)
        + 0.00208 * e * e * s(2 * m)
        - 0.00111 * s(mp - 2 * f)
        - 0.00057 * s(mp + 2 * f)
        + 0.00056 * e * s(2 * mp + m)
        - 0.00042 * s(3 * mp)
        + 0.00042 * e * s(m + 2 * f)
        + 0.00038 * e * s(m - 2 * f)
        - 0.00024 * e * s(2 * mp - m)
        - 0.00017 * s(om)
        - 0.00007 * s(mp + 2 * m)
        + 0.00004 * s(2 * mp - 2 * f)
        + 0.00004 * s(3 * m)
        + 0.00003 * s(mp + m - 2 * f)
        + 0.00003 * s(2 * mp + 2 * f)
        - 0.00003 * s(mp + m + 2 * f)
        + 0.00003 * s(mp - m + 2 * f)
        - 0.00002 * s(mp - m - 2 * f)
        - 0.00002 * s(3 * mp + m)
        + 0.00002 * s(4 * mp)
    )
    jde += sum(c * s(math.radians(a + b * k + q * t**2)) for c, a, b, q in _PLANETARY)
    return jde - delta_t_days(jde)


def sun_apparent_longitude(jde: float) -> float:
    """Apparent geocentric longitude of the sun in degrees, at a Julian ephemeris date (TT)."""
    tau = (jde - J2000) / 365250
    helio = sum(
        sum(a * math.cos(b + c * tau) for a, b, c in terms) * tau**power
        for power, terms in enumerate(_vsop_series())
    )
    geometric = math.degrees(helio / 1e8) + 180 - 0.09033 / 3600  # to geocentric, FK5
    t = tau * 10
    omega = math.radians(125.04452 - 1934.136261 * t)
    sun = math.radians(280.4665 + 36000.7698 * t)
    moon = math.radians(218.3165 + 481267.8813 * t)
    nutation = -17.20 * math.sin(omega) - 1.32 * math.sin(2 * sun)
    nutation += -0.23 * math.sin(2 * moon) + 0.21 * math.sin(2 * omega)
    return (geometric + (nutation - 20.4898) / 3600) % 360


def solar_term_ut(longitude: float, after: float) -> float:
    """Julian date (UT) of the first instant after ``after`` (UT) the sun reaches ``longitude``."""
    jde = after + delta_t_days(after)
    jde += (longitude - sun_apparent_longitude(jde)) % 360 / 360 * TROPICAL_YEAR
    for _ in range(30):
        step = 58 * math.sin(math.radians(longitude - sun_apparent_longitude(jde)))
        jde += step
        if abs(step) < 1e-8:
            break
    return jde - delta_t_days(jde)


def civil_day(jd_ut: float, offset: float) -> int:
    """Julian day number of the civil day, at UTC+``offset`` hours, of an instant."""
    return math.floor(jd_ut + 0.5 + offset / 24)


def minutes_from_midnight(jd_ut: float, offset: float) -> float:
    """How far (in minutes) an instant is from the nearest local midnight."""
    fraction = (jd_ut + 0.5 + offset / 24) % 1
    return min(fraction, 1 - fraction) * 1440


def _jdn(d: date) -> int:
    return d.toordinal() + JD_MINUS_ORDINAL


def _new_moon_on_or_before(day: int, offset: float) -> int:
    k = math.floor((day - 2451550.1) / MEAN_SYNODIC_MONTH)
    while civil_day(new_moon_ut(k + 1), offset) <= day:
        k += 1
    while civil_day(new_moon_ut(k), offset) > day:
        k -= 1
    return k


@lru_cache(maxsize=1024)
def sui(year: int, offset: float = VIETNAM) -> tuple[tuple[int, int, int, bool], ...]:
    """The months from month 11 of ``year - 1`` to month 11 of ``year`` (excluded).

    Each month is (new moon index k, first day as a Julian day number, month number, leap).
    """
    december = float(_jdn(date(year - 1, 12, 1)))
    first = _new_moon_on_or_before(civil_day(solar_term_ut(270, december), offset), offset)
    next_solstice = civil_day(solar_term_ut(270, december + 365), offset)
    last = _new_moon_on_or_before(next_solstice, offset)
    starts = [civil_day(new_moon_ut(k), offset) for k in range(first, last + 1)]
    terms, instant = [], december
    for step in range(14):  # the major terms 270°, 300°, …, up to the next solstice and past it
        instant = solar_term_ut((270 + 30 * step) % 360, instant)
        terms.append(civil_day(instant, offset))
        instant += 20
    leap = None
    if len(starts) == 14:
        leap = next(
            i for i in range(1, 13) if not any(starts[i] <= t < starts[i + 1] for t in terms)
        )
    months, number = [], 10
    for i in range(len(starts) - 1):
        if i != leap:
            number = number % 12 + 1
        months.append((first + i, starts[i], number, i == leap))
    return tuple(months)


def lunar_year(year: int, offset: float = VIETNAM) -> tuple[tuple[int, int, int, bool], ...]:
    """The months of lunar ``year`` (Tết first), as in :func:`sui`."""
    this, following = sui(year, offset), sui(year + 1, offset)
    head = next(i for i, m in enumerate(this) if m[2] == 1 and not m[3])
    tail = next(i for i, m in enumerate(following) if m[2] == 1 and not m[3])
    return this[head:] + following[:tail]


def tet_row(year: int, offset: float = VIETNAM) -> dict[str, object]:
    """One row of the Tết table: Tết (1/1), the leap month and the new moon's distance to midnight.

    >>> tet_row(2022)["tet"], tet_row(1985)["tet"], tet_row(1985, offset=8)["tet"]
    ('2022-02-01', '1985-01-21', '1985-02-20')
    """
    months = lunar_year(year, offset)
    k, start, _, _ = months[0]
    leap = next((m[2] for m in months if m[3]), None)
    return {
        "id": f"Tết {year}",
        "year": year,
        "tet": date.fromordinal(start - JD_MINUS_ORDINAL).isoformat(),
        "leap_month": leap,
        "new_moon_minutes_from_midnight": round(minutes_from_midnight(new_moon_ut(k), offset), 1),
    }


HEADER = """\
// Tết (lunar 1/1) and the leap month of every Vietnamese lunar year 1900-2199, UTC+7.
// Source: computed by tests/lunar_reference.py, independently of vnnews.lunar: Meeus ch. 49
// new moons (all terms), VSOP87 apparent solar longitude, Espenak-Meeus Delta T, calendar rules
// applied literally. Regenerate with `python tests/lunar_reference.py`; test_lunar.py checks
// that regeneration gives this file. Rows with "xfail" are the years where the new moon falls
// within 3 minutes of local midnight and Hồ Ngọc Đức's series (vnnews) puts it after midnight.
"""


def tet_table_text(first: int = 1900, last: int = 2199) -> str:
    """The text of ``data/lunar_tet.jsonl``."""
    lines = [HEADER.rstrip("\n")]
    for year in range(first, last + 1):
        row = tet_row(year)
        if year in KNOWN_TET_DIFFERENCES:
            row["xfail"] = KNOWN_TET_DIFFERENCES[year]
        lines.append(json.dumps(row, ensure_ascii=False))
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    TET_TABLE.write_text(tet_table_text(), encoding="utf-8")
    print(f"wrote {TET_TABLE}")
