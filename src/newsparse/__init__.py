"""newsparse: typed, offset-exact records of actors, quotes and ceasefire claims in news articles.

>>> import newsparse
>>> article = newsparse.parse("“We will stay,” said Jane Doe.")
>>> article.quotes[0].text
'We will stay,'
"""

from __future__ import annotations

from .api import parse, parse_many
from .errors import InputError, NewsparseError, PipelineError, PluginError
from .hookspecs import hookimpl
from .models import (
    Actor,
    Article,
    CeasefireClaim,
    Diagnostic,
    Mention,
    Place,
    Quote,
    Span,
    TimeExpression,
)
from .pipeline import Draft, Extractor, extractor

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Article",
    "CeasefireClaim",
    "Diagnostic",
    "Draft",
    "Extractor",
    "InputError",
    "Mention",
    "NewsparseError",
    "PipelineError",
    "Place",
    "PluginError",
    "Quote",
    "Span",
    "TimeExpression",
    "__version__",
    "extractor",
    "hookimpl",
    "parse",
    "parse_many",
]
