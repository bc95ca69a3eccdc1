"""newsparse: typed, offset-exact records of actors, quotes and ceasefire claims in news articles.

>>> import newsparse
>>> article = newsparse.parse("“We will stay,” said Jane Doe.")
>>> article.quotes[0].text
'We will stay,'
"""

from __future__ import annotations

from ._version import __version__
from .api import parse, parse_many
from .draft import CAPABILITIES, Draft
from .errors import DraftError, InputError, NewsparseError, PipelineError, PluginError
from .extractor import Extractor, extractor
from .hookspecs import hookimpl
from .models import (
    Actor,
    ActorRef,
    Article,
    CeasefireClaim,
    ClaimRef,
    Diagnostic,
    Mention,
    Place,
    Quote,
    QuoteRef,
    Span,
    TimeExpression,
)

__all__ = [
    "CAPABILITIES",
    "Actor",
    "ActorRef",
    "Article",
    "CeasefireClaim",
    "ClaimRef",
    "Diagnostic",
    "Draft",
    "DraftError",
    "Extractor",
    "InputError",
    "Mention",
    "NewsparseError",
    "PipelineError",
    "Place",
    "PluginError",
    "Quote",
    "QuoteRef",
    "Span",
    "TimeExpression",
    "__version__",
    "extractor",
    "hookimpl",
    "parse",
    "parse_many",
]
