"""When a claim holds: simple time expressions near its trigger, resolved to dates against the
article's publication date (``last week``, ``on Friday``, ``in January``, ``May 5, 2016``)."""

from __future__ import annotations

import calendar
import datetime as dt
from functools import cache

import regex

from ...lexicon.ceasefire import ceasefire_lexicon
from ...lexicon.english import english
from .status import Finding

__all__ = ["TimeHit", "find_times", "time_of"]

TimeHit = tuple[int, int, dt.date | None, dt.date | None]
"""``(start, end, date_from, date_to)`` of one time expression."""

_REACH = 150  # characters either side of a trigger searched for its time
_DIGIT = regex.compile(r"\d")


@cache
def _pattern() -> regex.Pattern[str]:
    t = ceasefire_lexicon().time
    en = english()
    months = [m.lower() for m in en.months]
    abbreviations = [m[:3] for m in months if m != "may"]
    return regex.compile(
        r"""(?ix)\b(?:
        (?P<today>\L<today>)
        | (?P<yesterday>\L<yesterday>)
        | (?P<last>\L<relative>)\s+(?P<lunit>\L<periods>)
        | (?P<ago>(?P<n>\L<numbers>|\d{1,2})\s+(?P<unit>\L<units>)\s+ago)
        | (?:(?P<wlead>\L<leads>)\s+)?(?P<wd>\L<weekdays>)\b
        | (?:(?P<mlead>\L<leads>)\s*)?(?:(?P<d1>\d{1,2})\s+)?
          (?P<mon>\L<months>|(?:\L<abbreviations>)\.?)\b(?:\s+(?P<d2>\d{1,2})\b)?
          (?:,?\s+(?P<y1>(?:19|20)\d\d)\b)?
        | (?P<ylead>\L<leads>)\s+(?P<y2>(?:19|20)\d\d)\b
        )""",
        today=list(t.today),
        yesterday=list(t.yesterday),
        relative=list(t.relative_leads),
        periods=list(t.periods),
        numbers=list(t.numbers),
        units=list(t.units),
        leads=list(t.leads),
        weekdays=[d.lower() for d in en.weekdays],
        months=months,
        abbreviations=abbreviations,
    )


def _month_index(name: str) -> int:
    key = name.lower().rstrip(".")[:3]
    return [m.lower()[:3] for m in english().months].index(key) + 1


def _month_range(year: int, month: int) -> tuple[dt.date, dt.date]:
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, 1), dt.date(year, month, last)


def _resolve_month(
    m: regex.Match[str], pub: dt.date | None, future: bool
) -> tuple[dt.date | None, dt.date | None]:
    month = _month_index(m.group("mon"))
    day_s = m.group("d1") or m.group("d2")
    if m.group("y1"):
        year = int(m.group("y1"))
    elif pub is None:
        return None, None
    elif future:
        year = pub.year if month >= pub.month else pub.year + 1
    else:
        year = pub.year if month <= pub.month else pub.year - 1
    if day_s:
        try:
            d = dt.date(year, month, int(day_s))
        except ValueError:
            return None, None
        return d, d
    return _month_range(year, month)


def _resolve_period(lead: str, unit: str, pub: dt.date) -> tuple[dt.date, dt.date]:
    step = {"last": -1, "next": 1}.get(lead.split()[0], 0)
    if unit in ("week", "weekend"):
        monday = pub - dt.timedelta(days=pub.weekday()) + dt.timedelta(days=7 * step)
        if unit == "weekend":
            return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
        return monday, monday + dt.timedelta(days=6)
    if unit == "month":
        index = pub.year * 12 + pub.month - 1 + step
        return _month_range(index // 12, index % 12 + 1)
    year = pub.year + step
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _resolve(
    m: regex.Match[str], pub: dt.date | None, future: bool
) -> tuple[dt.date | None, dt.date | None]:
    """Dates one match covers; (None, None) when it needs the unknown publication date."""
    t = ceasefire_lexicon().time
    if m.group("y2"):
        year = int(m.group("y2"))
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if m.group("mon"):
        return _resolve_month(m, pub, future)
    if pub is None:
        return None, None
    if m.group("today"):
        return pub, pub
    if m.group("yesterday"):
        d = pub - dt.timedelta(days=1)
        return d, d
    if m.group("last"):
        return _resolve_period(m.group("last").lower(), m.group("lunit").lower(), pub)
    if m.group("ago"):
        n = t.numbers.get(m.group("n").lower()) or int(m.group("n"))
        d = pub - dt.timedelta(days=n * t.units[m.group("unit").lower()])
        return d, d
    if m.group("wd"):
        want = [d.lower() for d in english().weekdays].index(m.group("wd").lower())
        lead = (m.group("wlead") or "").lower()
        if future or lead in t.future_leads:
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
    verb_months = ceasefire_lexicon().time.verb_months
    out: list[TimeHit] = []
    for m in _pattern().finditer(text, start, end):
        bare = m.group("mon") and not (m.group("d1") or m.group("d2") or m.group("y1"))
        if bare and m.group("mon").lower() in verb_months and not m.group("mlead"):
            continue  # "march" and "may" are also verbs
        try:
            d_from, d_to = _resolve(m, published, future)
        except (ValueError, OverflowError):
            d_from = d_to = None
        out.append((m.start(), m.end(), d_from, d_to))
    return out


@cache
def _keys() -> tuple[str, ...]:
    """Words one of which every time expression without a digit contains."""
    t = ceasefire_lexicon().time
    en = english()
    keys = {m.lower()[:3] for m in en.months} | {d.lower()[:3] for d in en.weekdays}
    keys |= set(t.today) | set(t.yesterday) | set(t.periods) | {" ago"}
    return tuple(sorted(keys))


@cache
def _future() -> regex.Pattern[str]:
    return regex.compile(r"(?i)\b\L<future>\b", future=list(ceasefire_lexicon().time.future))


def time_of(
    text: str, claim: Finding, sentence: tuple[int, int], published: dt.date | None
) -> TimeHit | None:
    """The time expression nearest a claim's trigger in its sentence, resolved forward when
    the claim looks ahead."""
    ss, se = sentence
    lo = max(ss, claim.trigger[0] - _REACH)
    hi = min(se, claim.trigger[1] + _REACH)
    if _DIGIT.search(text, lo, hi) is None and not any(k in text[lo:hi].lower() for k in _keys()):
        return None  # no digit and no time word: no time expression (a cheap check first)
    future = claim.hypothetical or _future().search(text, lo, hi) is not None
    hits = find_times(text, lo, hi, published, future=future)
    if not hits:
        return None
    t0 = claim.trigger[0]
    return min(hits, key=lambda h: abs(h[0] - t0))
