"""Read a news web page into an article record (text, title, author, date, url) with trafilatura.

Needs the ``html`` extra (``pip install 'newsparse[html]'``). The record's ``text`` is the page's
main content, one paragraph per block separated by blank lines; every newsparse offset indexes
that text, not the HTML.
"""

from __future__ import annotations

import datetime as _dt
import importlib
import warnings
from typing import Any

from .errors import InputError

__all__ = ["read_html"]

# Keys of the record read_html returns, besides ``id`` and ``text``; ``author`` and ``language``
# are not Article fields, newsparse.parse ignores them, callers may keep them.
META_KEYS = ("title", "published", "url", "source", "author", "language")

# Pages larger than this are refused instead of parsed: an HTML tree of this size is a dump, not
# an article, and building it costs a lot of memory.
MAX_BYTES = 20_000_000


def _trafilatura() -> Any:
    try:
        return importlib.import_module("trafilatura")
    except ImportError:
        raise InputError(
            "NP107", "reading HTML needs trafilatura, which is not installed"
        ) from None


def _iso(value: object) -> str | None:
    """The date as ISO 8601 when it reads as one, else None (a page's date is often junk)."""
    if not isinstance(value, str) or not value.strip():
        return None
    v = value.strip()
    try:
        _dt.datetime.fromisoformat(v.replace("Z", "+00:00"))
    except ValueError:
        try:
            _dt.date.fromisoformat(v[:10])
        except ValueError:
            return None
        return v[:10]
    return v


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    v = " ".join(value.split())
    return v or None


def _paragraphs(text: str) -> str:
    """Blank-line separated paragraphs, as newsparse's segmentation expects them."""
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n\n".join(line for line in lines if line)


def read_html(data: bytes | str, *, id: str | None = None) -> dict[str, Any]:
    """Extract an article record ``{"id", "text", "title", "published", "url", …}`` from a page."""
    if not isinstance(data, (bytes, str)):
        raise InputError(
            "NP101", f"read_html takes the page as bytes or str, not {type(data).__name__}"
        )
    size = len(data)
    if size > MAX_BYTES:
        raise InputError(
            "NP108", f"the page has {size} bytes, more than the {MAX_BYTES} read_html accepts"
        )
    trafilatura = _trafilatura()
    if isinstance(data, str) and "\x00" in data:
        data = data.replace("\x00", "")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            doc = trafilatura.bare_extraction(
                data,
                with_metadata=True,
                include_comments=False,
                include_tables=False,
                favor_precision=True,
            )
    except Exception as exc:  # trafilatura and lxml raise many kinds on junk input
        raise InputError(
            "NP108", f"the page could not be read as HTML ({type(exc).__name__}: {exc})"
        ) from None
    if doc is None:
        raise InputError("NP108", "no article text found in the page")
    found: dict[str, Any] = doc if isinstance(doc, dict) else doc.as_dict()
    text = _paragraphs(found.get("text") or "")
    if not text:
        raise InputError("NP108", "no article text found in the page")
    record: dict[str, Any] = {"text": text}
    if id is not None:
        record["id"] = id
    meta = {
        "title": _clean(found.get("title")),
        "published": _iso(found.get("date")),
        "url": _clean(found.get("url")),
        "source": _clean(found.get("sitename")) or _clean(found.get("hostname")),
        "author": _clean(found.get("author")),
        "language": _clean(found.get("language")),
    }
    record.update({k: v for k, v in meta.items() if v is not None})
    return record
