"""The JSON Schema of :class:`~newsparse.models.Article`, as committed under ``docs/``."""

from __future__ import annotations

import json
from typing import Any

from .models import Article

__all__ = ["article_schema", "schema_json"]


def article_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a serialised article."""
    schema = Article.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://newsparse.invalid/schema/article.json"
    return schema


def schema_json() -> str:
    """The schema as stable, indented JSON text with a final newline."""
    return json.dumps(article_schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
