"""An annotated, self-contained HTML view of an article, and the ``newsparse show`` command.

The article text is untrusted: every character of it reaches the page escaped, and the page's
Content-Security-Policy only lets its own inline script run, so markup inside an article is shown,
never executed.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import InputError
from .models import Article

__all__ = ["Annotation", "add_show_command", "load_article", "render_html", "span_annotations"]

# Claim statuses grouped by what they say about the fighting, for colours and the legend.
_STATUS_GROUP = {
    "called_for": "proposal",
    "proposed": "proposal",
    "negotiating": "proposal",
    "accepted": "holding",
    "agreed": "holding",
    "announced": "holding",
    "in_effect": "holding",
    "reaffirmed": "holding",
    "extended": "holding",
    "monitored": "holding",
    "rejected": "broken",
    "violated": "broken",
    "collapsed": "broken",
    "excluded": "broken",
}

# Outer layers first when two spans start at the same place and are equally long.
_LAYER = {"quote": 0, "claim": 1, "cue": 2, "speaker": 3, "actor": 4, "place": 4}


@dataclass(frozen=True)
class Annotation:
    """One highlighted range of the text: its offsets, key, CSS classes and data attributes."""

    start: int
    end: int
    key: str
    """Unique per range; every fragment of the range carries it as ``data-span``."""
    layer: str
    classes: str
    data: tuple[tuple[str, str], ...]
    label: str


def _actor_annotations(article: Article) -> Iterator[Annotation]:
    for a in article.actors:
        for i, m in enumerate(a.mentions):
            yield Annotation(
                m.start,
                m.end,
                f"{a.id}-m{i}",
                "actor",
                f"actor kind-{a.kind}",
                (("actor", a.id), ("kind", a.kind), ("form", m.form)),
                f"{a.name} ({a.kind.replace('_', ' ')})",
            )
    for p in article.places:
        for i, m in enumerate(p.mentions):
            yield Annotation(
                m.start,
                m.end,
                f"{p.id}-m{i}",
                "place",
                "place",
                (("place", p.id), ("kind", "place")),
                f"{p.name} (place)",
            )


def _quote_annotations(article: Article) -> Iterator[Annotation]:
    names = {a.id: a.name for a in article.actors}
    for q in article.quotes:
        who = names.get(q.speaker or "", "speaker unknown")
        speaker = (("speaker", q.speaker),) if q.speaker else ()
        for i, s in enumerate(q.segments):
            yield Annotation(
                s.start,
                s.end,
                f"{q.id}-s{i}",
                "quote",
                f"quote quote-{q.kind}",
                (("quote", q.id), ("kind", q.kind), *speaker),
                f"{q.kind} quote by {who}",
            )
        if q.speaker_mention is not None:
            s = q.speaker_mention
            yield Annotation(
                s.start,
                s.end,
                f"{q.id}-who",
                "speaker",
                "speaker-mention",
                (("speaker-of", q.id), *speaker),
                f"speaker of {q.id}",
            )
        if q.cue is not None:
            yield Annotation(
                q.cue.start,
                q.cue.end,
                f"{q.id}-cue",
                "cue",
                "cue",
                (("cue-of", q.id),),
                f"cue of {q.id}",
            )


def _claim_annotations(article: Article) -> Iterator[Annotation]:
    for c in article.ceasefire_claims:
        group = _STATUS_GROUP.get(c.status, "other")
        flags = [f for f, on in (("negated", c.negated), ("hypothetical", c.hypothetical)) if on]
        yield Annotation(
            c.trigger.start,
            c.trigger.end,
            f"{c.id}-t",
            "claim",
            " ".join(["claim", f"status-{c.status}", f"group-{group}", *flags]),
            (("claim", c.id), ("status", c.status)),
            f"ceasefire {c.status.replace('_', ' ')}" + (f" ({', '.join(flags)})" if flags else ""),
        )


def span_annotations(article: Article) -> list[Annotation]:
    """Every highlighted range of the article, valid ranges only, outermost first."""
    n = len(article.text)
    found = [
        x
        for gen in (_actor_annotations, _quote_annotations, _claim_annotations)
        for x in gen(article)
        if 0 <= x.start < x.end <= n
    ]
    found.sort(key=lambda x: (x.start, -(x.end - x.start), _LAYER[x.layer], x.key))
    return found


# -- text with nested markup ---------------------------------------------------------------------

_TEXT_ESCAPES = {
    ord("&"): "&amp;",
    ord("<"): "&lt;",
    ord(">"): "&gt;",
    # A raw CR would be folded into LF by the HTML parser; a character reference survives.
    ord("\r"): "&#13;",
    # The parser turns NUL into U+FFFD anyway; say so explicitly.
    0: "\ufffd",
}


def _text(s: str) -> str:
    out = s.translate(_TEXT_ESCAPES)
    # Lone surrogates cannot be written as UTF-8; show them as replacement characters.
    if not out.isascii() and _has_surrogate(out):
        out = "".join("\ufffd" if "\ud800" <= c <= "\udfff" else c for c in out)
    return out


def _has_surrogate(s: str) -> bool:
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


_QUOTES = {ord('"'): "&quot;", ord("'"): "&#39;"}


def _attr(s: str) -> str:
    """Escape ``s`` for a double-quoted attribute value."""
    return _text(s).translate(_QUOTES)


def _open_tag(x: Annotation, start: int, end: int, first: bool) -> str:
    attrs = [f'class="{_attr(x.classes)}"', f'data-span="{_attr(x.key)}"']
    if first:
        attrs.append(f'id="{_attr(x.key)}"')
    attrs += [f'data-{k}="{_attr(v)}"' for k, v in x.data]
    attrs += [f'data-start="{start}"', f'data-end="{end}"', f'title="{_attr(x.label)}"']
    return f"<span {' '.join(attrs)}>"


def _marked_text(text: str, spans: list[Annotation]) -> str:
    """The text with each annotation wrapped in spans that nest properly.

    Where two ranges cross, the inner one is closed at the crossing and reopened after it, so an
    annotation may come out as several fragments; all carry its ``data-span`` key and their
    ``data-start``/``data-end`` give each fragment's own offsets.
    """
    bounds = sorted({0, len(text)} | {x.start for x in spans} | {x.end for x in spans})
    starting: dict[int, list[Annotation]] = {}
    for x in spans:
        starting.setdefault(x.start, []).append(x)
    out: list[str] = []
    stack: list[tuple[Annotation, int]] = []  # open annotations with their fragment's start
    seen: set[str] = set()
    pieces: list[list[str]] = [[]]  # per open element: the fragment's inner markup

    def push(x: Annotation, at: int) -> None:
        stack.append((x, at))
        pieces.append([])

    def pop(at: int) -> None:
        x, began = stack.pop()
        inner = "".join(pieces.pop())
        first = x.key not in seen
        seen.add(x.key)
        pieces[-1].append(_open_tag(x, began, at, first) + inner + "</span>")

    for i, b in enumerate(bounds):
        # Close everything down to the deepest annotation ending here; reopen the survivors.
        depth = next((d for d, (x, _) in enumerate(stack) if x.end <= b), None)
        if depth is not None:
            survivors = [x for x, _ in stack[depth:] if x.end > b]
            while len(stack) > depth:
                pop(b)
            for x in survivors:
                push(x, b)
        # The outermost new annotation must enclose everything it overlaps: longest first.
        for x in starting.get(b, ()):
            push(x, b)
        if i + 1 < len(bounds):
            pieces[-1].append(_text(text[b : bounds[i + 1]]))
    while stack:
        pop(len(text))
    out.extend(pieces[0])
    return "".join(out)


# -- the side panel ------------------------------------------------------------------------------


def _link(target: str, label: str) -> str:
    return f'<a href="#{_attr(target)}">{_text(label)}</a>'


def _actor_panel(article: Article) -> str:
    if not article.actors and not article.places:
        return "<p class=empty>No actors found.</p>"
    rows = []
    for a in article.actors:
        first = _link(f"{a.id}-m0", a.name) if a.mentions else _text(a.name)
        extra = ", ".join(x for x in (a.country or "", "; ".join(a.titles)) if x)
        rows.append(
            f'<li id="panel-{_attr(a.id)}" class="entry" data-actor="{_attr(a.id)}">'
            f'<span class="chip actor kind-{_attr(a.kind)}">{_text(a.kind.replace("_", " "))}'
            f"</span> {first}"
            + (f' <span class="meta">{_text(extra)}</span>' if extra else "")
            + f' <span class="count">×{len(a.mentions)}</span></li>'
        )
    for p in article.places:
        first = _link(f"{p.id}-m0", p.name) if p.mentions else _text(p.name)
        rows.append(
            f'<li id="panel-{_attr(p.id)}" class="entry" data-place="{_attr(p.id)}">'
            f'<span class="chip place">place</span> {first}'
            f' <span class="count">×{len(p.mentions)}</span></li>'
        )
    return "<ul>" + "".join(rows) + "</ul>"


def _short(s: str, n: int = 140) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


def _quote_panel(article: Article) -> str:
    if not article.quotes:
        return "<p class=empty>No quotes found.</p>"
    names = {a.id: a.name for a in article.actors}
    rows = []
    for q in article.quotes:
        if q.speaker is not None and q.speaker in names:
            who = _link(f"panel-{q.speaker}", names[q.speaker])
        else:
            who = '<span class="unknown">speaker unknown</span>'
        cue = f' <span class="meta">({_text(q.cue.text)})</span>' if q.cue else ""
        pieces = " … ".join(s.text for s in q.segments)
        rows.append(
            f'<li id="panel-{_attr(q.id)}" class="entry" data-quote="{_attr(q.id)}"'
            + (f' data-speaker="{_attr(q.speaker)}"' if q.speaker else "")
            + f'><span class="chip">{_text(q.kind)}</span> {who}{cue}: '
            f"{_link(f'{q.id}-s0', '“' + _short(pieces) + '”')}</li>"
        )
    return "<ul>" + "".join(rows) + "</ul>"


def _claim_panel(article: Article) -> str:
    if not article.ceasefire_claims:
        return "<p class=empty>No ceasefire claims found.</p>"
    names = {a.id: a.name for a in article.actors}

    def who(ids: Iterable[str]) -> str:
        return ", ".join(_link(f"panel-{i}", names.get(i, i)) for i in ids)

    rows = []
    for c in article.ceasefire_claims:
        group = _STATUS_GROUP.get(c.status, "other")
        bits = []
        for role, ids in (("parties", c.parties), ("brokers", c.brokers), ("excluded", c.excluded)):
            if ids:
                bits.append(f"{role}: {who(ids)}")
        src = "narrator" if c.source == "narrator" else who([c.source])
        bits.append(f"source: {src}")
        if c.time is not None:
            bits.append(f"time: {_text(c.time.text)}")
        if c.location is not None:
            bits.append(f"place: {_text(c.location.text)}")
        flags = "".join(
            f' <span class="flag">{f}</span>'
            for f, on in (("negated", c.negated), ("hypothetical", c.hypothetical))
            if on
        )
        rows.append(
            f'<li id="panel-{_attr(c.id)}" class="entry" data-claim="{_attr(c.id)}">'
            f'<span class="chip claim group-{group}">{_text(c.status.replace("_", " "))}</span>'
            f"{flags} {_link(f'{c.id}-t', c.trigger.text)}"
            f'<div class="meta">{"; ".join(bits)}</div></li>'
        )
    return "<ul>" + "".join(rows) + "</ul>"


def _span_texts(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        if isinstance(value.get("start"), int) and isinstance(value.get("text"), str):
            yield value["text"]
            return
        for v in value.values():
            yield from _span_texts(v)
    elif isinstance(value, list | tuple):
        for v in value:
            yield from _span_texts(v)


def _records_panel(article: Article) -> str:
    parts = []
    for kind, recs in sorted(article.records.items()):
        items = "".join(f"<li>{_text(' … '.join(_span_texts(r)))}</li>" for r in recs)
        parts.append(
            f'<h3>{_text(kind)} <span class="count">{len(recs)}</span></h3><ul>{items}</ul>'
        )
    return "".join(parts)


def _diagnostics_panel(article: Article) -> str:
    if not article.diagnostics:
        return ""
    items = "".join(
        f"<li>{_text(d.level)} {_text(d.code)} in {_text(d.extractor)}: {_text(d.message)}</li>"
        for d in article.diagnostics
    )
    return f'<section class="diagnostics"><h2>Diagnostics</h2><ul>{items}</ul></section>'


# -- the page ------------------------------------------------------------------------------------

_STYLE = """
:root{--person:#fde68a;--government:#bfdbfe;--armed_group:#fecaca;--political_group:#ddd6fe;
--country:#bbf7d0;--igo:#a5f3fc;--organization:#fed7aa;--place:#e5e7eb;--proposal:#2563eb;
--holding:#15803d;--broken:#b91c1c;--other:#6b7280}
*{box-sizing:border-box}
body{margin:0;font:16px/1.6 Georgia,serif;color:#111;background:#fafaf9;display:flex;
flex-wrap:wrap}
main{flex:3 1 32rem;padding:1.5rem 2rem;max-width:52rem}
aside{flex:1 1 20rem;padding:1rem 1.5rem;background:#fff;border-left:1px solid #ddd;
font:14px/1.45 system-ui,sans-serif;max-height:100vh;overflow:auto;position:sticky;top:0}
h1{font-size:1.6rem;line-height:1.25;margin:.2rem 0}
.meta,.count{color:#555;font-size:.85em}
.article-text{white-space:pre-wrap;overflow-wrap:anywhere}
.actor,.place{border-radius:3px;padding:0 .1em}
.kind-person{background:var(--person)}.kind-government{background:var(--government)}
.kind-armed_group{background:var(--armed_group)}
.kind-political_group{background:var(--political_group)}
.kind-country{background:var(--country)}.kind-igo{background:var(--igo)}
.kind-organization{background:var(--organization)}.place{background:var(--place)}
.quote{font-style:italic;border-bottom:2px solid #7c3aed}
.quote-indirect{border-bottom-style:dotted}.quote-partial{border-bottom-style:dashed}
.speaker-mention{outline:1px dashed #7c3aed}.cue{font-variant:small-caps}
.claim{border:2px solid var(--other);border-radius:4px;padding:0 .15em;font-weight:bold}
.group-proposal{border-color:var(--proposal)}.group-holding{border-color:var(--holding)}
.group-broken{border-color:var(--broken)}.claim.negated{text-decoration:line-through}
.claim.hypothetical{border-style:dashed}
.chip{display:inline-block;font-size:.75em;padding:0 .4em;border-radius:.6em;
background:#eee;text-transform:uppercase;letter-spacing:.03em}
.chip.claim{color:#fff;border:0;font-weight:normal}
.chip.group-proposal{background:var(--proposal)}.chip.group-holding{background:var(--holding)}
.chip.group-broken{background:var(--broken)}.chip.group-other{background:var(--other)}
.flag{font-size:.75em;color:#b91c1c}
aside ul{list-style:none;padding:0;margin:0 0 1rem}aside li{margin:.35rem 0}
.hl{outline:3px solid #f59e0b !important}
.unknown,.empty{color:#777}
.legend{font-size:.85em;margin-bottom:1rem}.legend p{margin:.3rem 0;line-height:1.9}
"""

_LEGEND = (
    '<details class="legend"><summary>Legend</summary><p>'
    + " ".join(
        f'<span class="actor kind-{k}">{k.replace("_", " ")}</span>'
        for k in ("person", "government", "armed_group", "political_group", "country", "igo")
    )
    + ' <span class="actor kind-organization">organization</span> <span class="place">place</span>'
    "</p><p>"
    '<span class="quote quote-direct">direct</span> '
    '<span class="quote quote-partial">partial</span> '
    '<span class="quote quote-indirect">indirect</span> quote, '
    '<span class="cue">cue</span>, <span class="speaker-mention">speaker</span></p><p>'
    '<span class="claim group-proposal">called for, proposed, negotiating</span> '
    '<span class="claim group-holding">accepted, agreed, in effect…</span> '
    '<span class="claim group-broken">rejected, violated, collapsed…</span> '
    '<span class="claim negated">negated</span> '
    '<span class="claim hypothetical">hypothetical</span></p></details>'
)

_SCRIPT = """
(function(){
function same(el,key,val){return el.getAttribute(key)===val;}
function mark(on,ids){
 var els=document.querySelectorAll('[data-actor],[data-quote],[data-claim]');
 for(var i=0;i<els.length;i++){
  var el=els[i],hit=false;
  for(var k in ids){if(ids[k]!==null&&same(el,'data-'+k,ids[k])){hit=true;}}
  if(on&&hit){el.classList.add('hl');}else{el.classList.remove('hl');}
 }
}
function over(ev){
 var t=ev.target;if(!t||!t.closest){return;}
 var el=t.closest('[data-quote],[data-actor],[data-claim]');
 if(!el){mark(false,{});return;}
 var q=el.getAttribute('data-quote'),a=el.getAttribute('data-actor');
 var s=el.getAttribute('data-speaker'),c=el.getAttribute('data-claim');
 mark(true,{quote:q,actor:a||s,claim:c});
}
document.addEventListener('mouseover',over);
document.addEventListener('focusin',over);
})();
""".strip()

_SCRIPT_HASH = base64.b64encode(hashlib.sha256(_SCRIPT.encode("utf-8")).digest()).decode()
_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; "
    f"script-src 'sha256-{_SCRIPT_HASH}'; base-uri 'none'; form-action 'none'"
)


def render_html(article: Article, *, title: str | None = None) -> str:
    """A self-contained HTML page showing the article with its records highlighted."""
    heading = title or article.title or article.id
    meta = [_text(x) for x in (article.source, article.published) if x]
    if article.url:
        url = _text(article.url)
        if article.url.startswith(("http://", "https://")):
            url = f'<a href="{_attr(article.url)}" rel="noreferrer noopener">{url}</a>'
        meta.append(url)
    meta_html = " · ".join(meta)
    counts = (
        f"{len(article.actors)} actors, {len(article.places)} places, "
        f"{len(article.quotes)} quotes, {len(article.ceasefire_claims)} ceasefire claims"
    )
    body = _marked_text(article.text, span_annotations(article))
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{_attr(_CSP)}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="generator" content="newsparse">'
        f"<title>{_text(heading)}</title><style>{_STYLE}</style></head>\n<body>"
        f'<main><h1>{_text(heading)}</h1><p class="meta">{meta_html}</p>'
        f'<p class="meta">{counts}</p>'
        f'<div class="article-text" id="article-text" data-article="{_attr(article.id)}">'
        f"{body}</div></main>\n"
        f"<aside>{_LEGEND}<h2>Actors</h2>"
        f"{_actor_panel(article)}<h2>Quotes</h2>{_quote_panel(article)}"
        f"<h2>Ceasefire claims</h2>{_claim_panel(article)}{_records_panel(article)}"
        f"{_diagnostics_panel(article)}</aside>\n"
        f"<script>{_SCRIPT}</script></body></html>\n"
    )


# -- newsparse show ------------------------------------------------------------------------------


def _looks_like_article(obj: object) -> bool:
    return isinstance(obj, dict) and isinstance(obj.get("text"), str) and "sentences" in obj


def _article_from(obj: dict[str, Any], where: str) -> Article:
    from pydantic import ValidationError

    try:
        return Article.model_validate(obj)
    except ValidationError as exc:
        raise InputError(
            "NP402", f"{where} looks like an article but does not validate: {exc}"
        ) from None


def load_article(path: str, *, record_id: str | None = None) -> Article:
    """The article in ``path``: parsed from text, HTML or JSONL, or read from article JSON."""
    from . import api
    from .reader import BadRecord, iter_records, load_json

    p = Path(path)
    if path != "-" and p.suffix == ".json" and p.is_file():
        try:
            obj = load_json(p.read_text(encoding="utf-8"), path)
        except UnicodeDecodeError as exc:
            raise InputError("NP402", f"{path} is not a JSON file ({exc})") from None
        except InputError as exc:
            if exc.code == "NP109":
                raise
            raise InputError("NP402", f"{path} is not a JSON file ({exc.message})") from None
        except OSError as exc:
            raise InputError("NP402", f"cannot read {path}: {exc.strerror}") from None
        if _looks_like_article(obj):
            return _article_from(obj, path)
        if isinstance(obj, dict) and isinstance(obj.get("text"), str):
            return api._parse_record(obj)
        raise InputError("NP402", f"{path} holds neither an article nor a {{'text': …}} record")
    for rec in iter_records([path]):
        if isinstance(rec, BadRecord):
            raise rec.error
        if record_id is not None and rec.get("id") != record_id:
            continue
        if _looks_like_article(rec):
            return _article_from(rec, path)
        return api._parse_record(rec)
    if record_id is not None:
        raise InputError("NP402", f"no record with id {record_id!r} in {path}")
    raise InputError("NP402", f"{path} holds no article")


def _cmd_show(args: argparse.Namespace) -> int:
    article = load_article(args.file, record_id=args.id)
    page = render_html(article)
    if args.output in (None, "-"):
        sys.stdout.write(page)
        return 0
    try:
        Path(args.output).write_text(page, encoding="utf-8")
    except OSError as exc:
        raise InputError("NP402", f"cannot write {args.output}: {exc.strerror}") from None
    print(f"newsparse: wrote {args.output}", file=sys.stderr)
    return 0


def add_show_command(subparsers: Any) -> None:
    """Add ``newsparse show FILE -o article.html`` to the command line."""
    s = subparsers.add_parser(
        "show",
        help="write an annotated HTML page of one article",
        description="Write a self-contained HTML page with the article's actors, quotes and "
        "ceasefire claims highlighted. FILE is a .txt, .html or .jsonl input, or an article "
        "JSON written by 'newsparse parse --format json'.",
    )
    s.add_argument("file", metavar="FILE", help="article to show (- for standard input)")
    s.add_argument("--output", "-o", help="HTML file to write (default: standard output)")
    s.add_argument("--id", help="in a JSONL corpus, the id of the record to show (default: first)")
    s.set_defaults(func=_cmd_show)
