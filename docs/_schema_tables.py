"""MkDocs hook: replace ``<!-- schema-tables -->`` with field tables of docs/schema/article.json."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

MARKER = "<!-- schema-tables -->"
SCHEMA = Path(__file__).resolve().parent / "schema" / "article.json"


def _type(prop: Any) -> str:
    if not isinstance(prop, dict):
        return "any"
    if "$ref" in prop:
        name = prop["$ref"].rsplit("/", 1)[-1]
        return f"[{name}](#schema-{name.lower()})"
    if "anyOf" in prop:
        return " or ".join(_type(p) for p in prop["anyOf"])
    if "enum" in prop:
        return ", ".join(f"`{v}`" for v in prop["enum"])
    if "const" in prop:
        return f"`{prop['const']}`"
    kind = prop.get("type", "any")
    if kind == "array":
        return f"list of {_type(prop.get('items', {}))}"
    if kind == "object" and isinstance(prop.get("additionalProperties"), dict):
        return f"map to {_type(prop['additionalProperties'])}"
    extra = f" `{prop['pattern']}`" if "pattern" in prop else ""
    fmt = f" ({prop['format']})" if "format" in prop else ""
    return f"{kind}{fmt}{extra}"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _table(name: str, schema: dict[str, Any]) -> str:
    required = set(schema.get("required", ()))
    rows = [
        f"### {name} {{#schema-{name.lower()}}}",
        "",
        _cell(schema.get("description", "")),
        "",
        "| field | type | required | description |",
        "|---|---|---|---|",
    ]
    for field, prop in schema.get("properties", {}).items():
        rows.append(
            f"| `{field}` | {_cell(_type(prop))} | {'yes' if field in required else ''} "
            f"| {_cell(prop.get('description', ''))} |"
        )
    return "\n".join(rows) + "\n"


def schema_tables() -> str:
    """Markdown tables, one per model of the committed article schema, Article first."""
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    parts = [_table(schema.get("title", "Article"), schema)]
    for name, sub in sorted(schema.get("$defs", {}).items()):
        parts.append(_table(name, sub))
    return "\n".join(parts)


def on_page_markdown(markdown: str, **kwargs: Any) -> str:
    """MkDocs hook: fill the marker on the page that has it."""
    if MARKER not in markdown:
        return markdown
    return markdown.replace(MARKER, schema_tables())
