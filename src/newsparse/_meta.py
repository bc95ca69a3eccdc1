"""The one rule for article metadata (id, title, published, url, source, author) in records.

A value is usable when it is a string that UTF-8 can encode (no lone surrogate), or an integer,
which stands for its decimal string (``{"id": 17}`` is common in JSONL corpora); ``published``
may also be a date or datetime, and must be ISO 8601. ``None`` means absent, and so does an
empty ``id``. Any other value is a *problem*: ``newsparse.parse`` raises it as an
``InputError``, while ``parse_many`` and the command line drop that one
field with a warning and still parse the text.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

__all__ = ["META_KEYS", "Problem", "meta_value", "record_meta", "surrogate_at"]

META_KEYS = ("id", "title", "published", "url", "source", "author")


class Problem(NamedTuple):
    """Why a metadata value was not used: the field, an error code and a message."""

    key: str
    code: str
    message: str


def surrogate_at(value: str) -> int | None:
    """Offset of the first lone surrogate in ``value``, or None when UTF-8 can encode it all."""
    if value.isascii():
        return None
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        return exc.start
    return None


def _valid_iso(value: str) -> bool:
    import datetime as dt

    try:
        dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            return False
    return True


def meta_value(key: str, value: object) -> tuple[str | None, Problem | None]:
    """``value`` as the string stored for metadata field ``key``, or the problem with it."""
    if value is None or (key == "id" and value == ""):  # an empty id is no id
        return None, None
    if key == "published" and hasattr(value, "isoformat") and not isinstance(value, str):
        value = value.isoformat()
    if isinstance(value, int) and not isinstance(value, bool):
        try:
            value = str(value)
        except ValueError:  # more digits than int-to-str conversion allows
            return None, Problem(key, "NP106", f"{key} is an integer too long to write")
    if not isinstance(value, str):
        return None, Problem(key, "NP106", f"{key} must be a string, not {type(value).__name__}")
    at = surrogate_at(value)
    if at is not None:
        return None, Problem(
            key, "NP105", f"{key} holds a lone surrogate U+{ord(value[at]):04X} at offset {at}"
        )
    if key == "published" and not _valid_iso(value):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return None, Problem(
            key, "NP106", f"published must be an ISO 8601 date or datetime, got {shown!r}"
        )
    return value, None


def record_meta(record: Mapping[str, Any]) -> tuple[dict[str, str], list[Problem]]:
    """The usable metadata of a record and the problems of the values left out.

    Each field comes from the record's own key, else from its ``meta`` mapping (``published``
    also from ``meta.publication_date``); the first usable value wins and every unusable one
    is reported. ``id`` is only read from the record itself.
    """
    nested = record.get("meta")
    meta: Mapping[str, Any] = nested if isinstance(nested, Mapping) else {}
    out: dict[str, str] = {}
    problems: list[Problem] = []
    if nested is not None and not isinstance(nested, Mapping):
        problems.append(
            Problem("meta", "NP106", f"meta must be an object, not {type(nested).__name__}")
        )
    for key in META_KEYS:
        candidates = [record.get(key)]
        if key != "id":
            candidates.append(meta.get(key))
        if key == "published":
            candidates.append(meta.get("publication_date"))
        for value in candidates:
            clean, problem = meta_value(key, value)
            if problem is not None:
                problems.append(problem)
            elif clean is not None:
                out[key] = clean
                break
    return out, problems
