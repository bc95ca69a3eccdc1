"""Find simple time expressions and resolve them against a publication date."""

from __future__ import annotations

import calendar
import datetime as dt
from functools import cache

import regex

__all__ = ["TimeHit", "find_times"]

TimeHit = tuple[int, int, dt.date | None, dt.date | None]

_MONTHS = [m.lower() for m in calendar.month_name[1:]]
_MONTH_ABBR = [m.lower() for m in calendar.month_abbr[1:]]
_DAYS = [d.lower() for d in calendar.day_name]
_UNITS = {"day": 1, "days": 1, "week": 7, "weeks": 7}
_NUMBERS = {
    "a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10,
}  # fmt: skip


@cache
def _pattern() -> regex.Pattern[str]:
    month = "|".join(_MONTHS + [a + r"\.?" for a in _MONTH_ABBR if a != "may"])
    day = "|".join(_DAYS)
    num = "|".join(_NUMBERS) + r"|\d{1,2}"
    return regex.compile(
        rf"""(?ix)\b(?:
        (?P<rel>yesterday|today|tonight|this\s+(?:morning|afternoon|evening))
        | (?P<last>(?:last|this|next|earlier\s+this|later\s+this)\s+
          (?P<lunit>week|month|year|weekend))
        | (?P<ago>(?P<n>{num})\s+(?P<unit>days?|weeks?)\s+ago)
        | (?:(?:on|last|this|since|by|until|from)\s+)?(?P<wd>{day})\b
        | (?:(?:in|since|by|until|from|on|early|late|mid-?)\s+)?
          (?:(?P<d1>\d{{1,2}})\s+)?(?P<mon>{month})\b(?:\s+(?P<d2>\d{{1,2}})\b)?
          (?:,?\s+(?P<y1>(?:19|20)\d\d)\b)?
        | (?:(?:in|since|by|until|from)\s+)(?P<y2>(?:19|20)\d\d)\b
        )"""
    )


def _month_index(name: str) -> int:
    key = name.lower().rstrip(".")
    if key in _MONTHS:
        return _MONTHS.index(key) + 1
    return _MONTH_ABBR.index(key[:3]) + 1


def _month_range(year: int, month: int) -> tuple[dt.date, dt.date]:
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, 1), dt.date(year, month, last)


def _resolve(
    m: regex.Match[str], pub: dt.date | None, future: bool = False
) -> tuple[dt.date | None, dt.date | None]:
    """Dates one match covers; (None, None) when it needs the unknown publication date."""
    g = m.groupdict()
    y = g.get("y1") or g.get("y2")
    if g.get("y2"):
        year = int(g["y2"])
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if g.get("mon"):
        month = _month_index(g["mon"])
        day_s = g.get("d1") or g.get("d2")
        if y:
            year = int(y)
        elif pub is not None and future:
            year = pub.year if month >= pub.month else pub.year + 1
        elif pub is not None:
            year = pub.year if month <= pub.month else pub.year - 1
        else:
            return None, None
        if day_s:
            try:
                d = dt.date(year, month, int(day_s))
            except ValueError:
                return None, None
            return d, d
        return _month_range(year, month)
    if pub is None:
        return None, None
    if g.get("rel"):
        word = g["rel"].lower()
        d = pub - dt.timedelta(days=1) if word == "yesterday" else pub
        return d, d
    if g.get("last"):
        unit = g["lunit"].lower()
        lead = g["last"].split()[0].lower()
        if unit in ("week", "weekend"):
            monday = pub - dt.timedelta(days=pub.weekday())
            if lead == "last":
                monday -= dt.timedelta(days=7)
            elif lead == "next":
                monday += dt.timedelta(days=7)
            if unit == "weekend":
                return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
            return monday, monday + dt.timedelta(days=6)
        if unit == "month":
            year, month = pub.year, pub.month
            if lead == "last":
                year, month = (year - 1, 12) if month == 1 else (year, month - 1)
            elif lead == "next":
                year, month = (year + 1, 1) if month == 12 else (year, month + 1)
            return _month_range(year, month)
        year = pub.year - 1 if lead == "last" else pub.year + 1 if lead == "next" else pub.year
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if g.get("ago"):
        n = _NUMBERS.get(g["n"].lower()) or int(g["n"])
        d = pub - dt.timedelta(days=n * _UNITS[g["unit"].lower()])
        return d, d
    if g.get("wd"):
        want = _DAYS.index(g["wd"].lower())
        lead = m.group().split()[0].lower()
        if future or lead in ("next", "until", "from"):
            d = pub + dt.timedelta(days=(want - pub.weekday()) % 7)
        else:
            d = pub - dt.timedelta(days=(pub.weekday() - want) % 7)
        return d, d
    return None, None


def find_times(
    text: str, start: int, end: int, published: dt.date | None, *, future: bool = False
) -> list[TimeHit]:
    """Time expressions in ``text[start:end]`` as ``(start, end, date_from, date_to)``.

    A weekday or a month without a year is the latest one up to the publication date, or with
    ``future`` (the claim looks ahead: ``is due to expire on Tuesday``) the next one from it.
    """
    out: list[TimeHit] = []
    for m in _pattern().finditer(text, start, end):
        bare_month = m.group("mon") and not (m.group("d1") or m.group("d2") or m.group("y1"))
        if (
            bare_month
            and m.group("mon").lower() in ("march", "may")
            and not regex.match(r"(?i)(?:in|since|by|until|from|on|early|late|mid)", m.group())
        ):
            continue  # "march" and "may" are also verbs
        s, e = m.span()
        try:
            d_from, d_to = _resolve(m, published, future)
        except (ValueError, OverflowError):
            d_from = d_to = None
        out.append((s, e, d_from, d_to))
    return out
