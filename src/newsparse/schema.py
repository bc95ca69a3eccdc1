"""The JSON Schema of an `Article`: built-in (as committed under ``docs/``) or with plugin records.

The built-in schema leaves ``records`` open (any kind, any JSON object), since any plugin may
add records. With plugins installed, ``newsparse schema`` adds each registered record kind as a
property of ``records``: an array of the kind's own model, whose definitions join ``$defs``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, PydanticUserError
from pydantic.json_schema import models_json_schema

from .errors import PluginError
from .models import Article

__all__ = ["article_schema", "schema_json"]

_DIALECT = "https://json-schema.org/draft/2020-12/schema"
_ID = "https://newsparse.invalid/schema/article.json"


def article_schema(record_kinds: Mapping[str, type[BaseModel]] | None = None) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a serialised article.

    ``record_kinds`` (``{kind: model}``, as ``Pipeline.record_kinds`` holds them) adds one property
    per kind to ``records``; without it, the built-in schema, the same as the committed copy.
    """
    if not record_kinds:
        schema = Article.model_json_schema(mode="serialization")
    else:
        schema = _with_kinds(record_kinds)
    schema["$schema"] = _DIALECT
    schema["$id"] = _ID
    return schema


def _with_kinds(record_kinds: Mapping[str, type[BaseModel]]) -> dict[str, Any]:
    kinds = sorted(record_kinds.items())
    for kind, model in kinds:
        try:
            model.model_json_schema(mode="serialization")
        except PydanticUserError as exc:  # e.g. a field of an arbitrary Python type
            raise PluginError(
                "NP211", f"record kind {kind!r}: {model.__qualname__} has no JSON Schema: {exc}"
            ) from None
    # One generation for all models, so pydantic gives two different models of one name two
    # different definitions, and the models shared with the article (Span…) one.
    refs, top = models_json_schema(
        [(Article, "serialization"), *((model, "serialization") for _, model in kinds)],
        ref_template="#/$defs/{model}",
    )
    defs: dict[str, Any] = top.get("$defs", {})
    article_ref = refs[(Article, "serialization")]["$ref"]
    schema: dict[str, Any] = defs.pop(article_ref.rsplit("/", 1)[-1])
    records = schema["properties"]["records"]
    records["properties"] = {
        kind: {
            "type": "array",
            "items": refs[(model, "serialization")],
            "description": f"Records of kind {kind!r}, each a {model.__module__}.{model.__name__}.",
        }
        for kind, model in kinds
    }
    schema["$defs"] = defs
    return schema


def schema_json(record_kinds: Mapping[str, type[BaseModel]] | None = None) -> str:
    """The schema as stable, indented JSON text with a final newline."""
    return (
        json.dumps(article_schema(record_kinds), indent=2, sort_keys=True, ensure_ascii=False)
        + "\n"
    )
