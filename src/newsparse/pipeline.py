"""The pipeline: extractors ordered by what they need and write, run over a draft, built into an
``Article``.

A ``Pipeline`` is planned once per plugin manager (never per article). Running it gives each
extractor the draft with exactly the write permissions it declared, undoes everything an extractor
changed if it fails, and stops early when the per-article time budget is spent.
"""

from __future__ import annotations

import hashlib
import heapq
import os
import time
import typing
from array import array
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import pluggy
from pydantic import BaseModel

from .draft import BASE_CAPABILITIES, CAPABILITIES, Draft, Runs, _Item, _Named
from .errors import DraftError, PipelineError, PluginError
from .extractor import Extractor
from .models import (
    MENTION_FORMS,
    Actor,
    Article,
    CeasefireClaim,
    Diagnostic,
    Mentions,
    Place,
    Quote,
    Span,
    Spans,
    TimeExpression,
    unchecked,
)
from .plugins import plugin_label

__all__ = ["Pipeline", "Step", "build_article", "text_id"]

Offsets = tuple[int, int]


def text_id(text: str) -> str:
    """A stable id for a text: 16 hex digits of its BLAKE2b hash."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()


def _env_list(name: str) -> list[str]:
    return [x.strip() for x in os.environ.get(name, "").split(",") if x.strip()]


class Step(typing.NamedTuple):
    """One planned step: the extractor, the plugin it comes from, and what it replaced."""

    extractor: Extractor
    plugin: str
    replaced: str | None


def _call_each(pm: pluggy.PluginManager, hook: str) -> list[tuple[str, Any]]:
    """Call ``hook`` once per plugin (through pluggy), so each result and error has an owner."""
    plugins = pm.get_plugins()
    out: list[tuple[str, Any]] = []
    for plugin in plugins:
        caller = getattr(pm.hook, hook)
        if not any(impl.plugin is plugin for impl in caller.get_hookimpls()):
            continue
        only = pm.subset_hook_caller(hook, [p for p in plugins if p is not plugin])
        label = plugin_label(pm, plugin)
        try:
            results = only()
        except Exception as exc:
            raise PluginError(
                "NP211", f"plugin {label!r}: hook {hook} raised {type(exc).__name__}: {exc}"
            ) from exc
        out.extend((label, r) for r in results)
    return sorted(out, key=lambda x: x[0])


def _record_kinds(pm: pluggy.PluginManager) -> dict[str, type[BaseModel]]:
    kinds: dict[str, type[BaseModel]] = {}
    owner: dict[str, str] = {}
    for label, result in _call_each(pm, "newsparse_record_kinds"):
        if not isinstance(result, Mapping):
            raise PluginError(
                "NP211",
                f"plugin {label!r}: newsparse_record_kinds must return a mapping of kind to "
                f"model, not {type(result).__name__}",
            )
        for kind, model in result.items():
            if not (
                isinstance(kind, str) and isinstance(model, type) and issubclass(model, BaseModel)
            ):
                raise PluginError(
                    "NP211",
                    f"plugin {label!r}: record kind {kind!r} must map a str to a pydantic model",
                )
            if kind in kinds and kinds[kind] is not model:
                raise PluginError(
                    "NP203", f"record kind {kind!r} is registered by {owner[kind]!r} and {label!r}"
                )
            kinds[kind], owner[kind] = model, label
    return kinds


def _disabled(pm: pluggy.PluginManager) -> set[str]:
    off: set[str] = set()
    for label, result in _call_each(pm, "newsparse_disabled_extractors"):
        if isinstance(result, str) or not isinstance(result, Iterable):
            raise PluginError(
                "NP211",
                f"plugin {label!r}: newsparse_disabled_extractors must return names in a list, "
                f"not {result!r}",
            )
        names = list(result)
        if not all(isinstance(n, str) for n in names):
            raise PluginError("NP211", f"plugin {label!r}: disabled extractor names must be str")
        off.update(names)
    return off


def _collect(pm: pluggy.PluginManager) -> list[tuple[Extractor, str]]:
    found: list[tuple[Extractor, str]] = []
    for label, result in _call_each(pm, "newsparse_extractors"):
        if isinstance(result, Extractor) or not isinstance(result, Iterable):
            result = [result]
        for ex in result:
            if not isinstance(ex, Extractor):
                raise PluginError(
                    "NP206", f"plugin {label!r} returned {type(ex).__name__}, not an Extractor"
                )
            found.append((ex, label))
    return found


def _choose(found: list[tuple[Extractor, str]]) -> dict[str, Step]:
    """One extractor per name; ``replaces`` takes another's place explicitly."""
    replaced: dict[str, tuple[Extractor, str]] = {}
    for ex, label in found:
        if ex.replaces is not None:
            if ex.replaces in replaced:
                other = replaced[ex.replaces][1]
                raise PluginError(
                    "NP203",
                    f"extractor {ex.replaces!r} is replaced by both {other!r} and {label!r}",
                )
            replaced[ex.replaces] = (ex, label)
    chosen: dict[str, Step] = {}
    for ex, label in found:
        if ex.name in replaced and replaced[ex.name][0] is not ex:
            continue  # taken over by the replacing extractor
        if ex.name in chosen:
            raise PluginError(
                "NP203",
                f"extractor {ex.name!r} is provided by both {chosen[ex.name].plugin!r} and "
                f"{label!r}; give one another name or declare replaces={ex.name!r}",
            )
        gone = ex.replaces if ex.replaces is not None else None
        chosen[ex.name] = Step(ex, label, gone)
    return chosen


def _check_capabilities(steps: Iterable[Step], kinds: Mapping[str, type[BaseModel]]) -> None:
    for step in steps:
        ex = step.extractor
        for field in ("requires", "provides", "amends"):
            for cap in getattr(ex, field):
                known = cap in CAPABILITIES or (
                    cap.startswith("records:") and cap[len("records:") :] in kinds
                )
                if not known:
                    raise PluginError(
                        "NP208",
                        f"extractor {ex.name!r} of plugin {step.plugin!r} {field} unknown "
                        f"capability {cap!r}",
                    )
                if field != "requires" and cap in BASE_CAPABILITIES:
                    raise PluginError(
                        "NP207", f"extractor {ex.name!r} cannot write the input ({cap!r})"
                    )


def _plan(steps: Sequence[Step]) -> tuple[Step, ...]:
    """Order steps so what a step requires is provided first; ties break by name.

    A step that amends a capability also runs before the steps requiring it, when that creates
    no cycle, so they see the capability complete (the quotes step adds speakers to ``actors``).
    """
    by_name = {s.extractor.name: s for s in steps}
    providers: dict[str, list[str]] = {}
    amenders: dict[str, list[str]] = {}
    for s in steps:
        for cap in s.extractor.provides:
            providers.setdefault(cap, []).append(s.extractor.name)
        for cap in s.extractor.amends:
            amenders.setdefault(cap, []).append(s.extractor.name)
    after: dict[str, set[str]] = {n: set() for n in by_name}
    for s in steps:
        ex = s.extractor
        for cap in (*ex.requires, *ex.amends):
            if cap in BASE_CAPABILITIES:
                continue
            if cap not in providers:
                raise PluginError(
                    "NP201",
                    f"extractor {ex.name!r} of plugin {s.plugin!r} needs {cap!r}, which no "
                    "enabled extractor provides",
                )
            after[ex.name].update(p for p in providers[cap] if p != ex.name)
    _topological(after)  # NP202 on a cycle among the hard constraints
    for s in sorted(steps, key=lambda s: s.extractor.name):
        for cap in s.extractor.requires:
            for amender in sorted(amenders.get(cap, ())):
                if amender != s.extractor.name and not _reaches(after, amender, s.extractor.name):
                    after[s.extractor.name].add(amender)
    return tuple(by_name[n] for n in _topological(after))


def _reaches(after: dict[str, set[str]], start: str, goal: str) -> bool:
    """Whether ``start`` must run after ``goal`` already (directly or through others)."""
    seen, todo = {start}, [start]
    while todo:
        for dep in after[todo.pop()]:
            if dep == goal:
                return True
            if dep not in seen:
                seen.add(dep)
                todo.append(dep)
    return False


def _topological(after: dict[str, set[str]]) -> list[str]:
    users: dict[str, list[str]] = {n: [] for n in after}
    for n, deps in after.items():
        for d in deps:
            users[d].append(n)
    waiting = {n: len(d) for n, d in after.items()}
    ready = [n for n, k in waiting.items() if k == 0]
    heapq.heapify(ready)
    order: list[str] = []
    while ready:
        n = heapq.heappop(ready)
        order.append(n)
        for u in users[n]:
            waiting[u] -= 1
            if waiting[u] == 0:
                heapq.heappush(ready, u)
    if len(order) != len(after):
        stuck = sorted(n for n, k in waiting.items() if k > 0)
        raise PluginError("NP202", f"extractors {stuck} depend on each other in a cycle")
    return order


class Pipeline:
    """A plan of extractors built once from a plugin manager, run on many articles."""

    def __init__(self, pm: pluggy.PluginManager, *, disable: Iterable[str] = ()) -> None:
        self.pm = pm
        self.record_kinds: dict[str, type[BaseModel]] = _record_kinds(pm)
        chosen = _choose(_collect(pm))
        off = set(disable) | set(_env_list("NEWSPARSE_DISABLE")) | _disabled(pm)
        kept = [s for n, s in chosen.items() if n not in off]
        _check_capabilities(kept, self.record_kinds)
        self.steps: tuple[Step, ...] = _plan(kept)
        self.extractors: tuple[Extractor, ...] = tuple(s.extractor for s in self.steps)

    @property
    def owner(self) -> dict[str, str]:
        """Which plugin each extractor comes from, by extractor name."""
        return {s.extractor.name: s.plugin for s in self.steps}

    @property
    def names(self) -> tuple[str, ...]:
        """Extractor names in the order they run."""
        return tuple(ex.name for ex in self.extractors)

    def run(
        self,
        text: str,
        *,
        strict: bool = False,
        timeout: float | None = None,
        **meta: Any,
    ) -> Article:
        """Run every extractor on ``text`` and return the article."""
        deadline = None if timeout is None else time.monotonic() + timeout
        draft = Draft(
            text,
            id=meta.pop("id", None) or text_id(text),
            record_kinds=self.record_kinds,
            strict=strict,
            deadline=deadline,
            **meta,
        )
        for i, ex in enumerate(self.extractors):
            if draft.expired:
                left = ", ".join(x.name for x in self.extractors[i:])
                draft.report(
                    Diagnostic(
                        extractor="pipeline",
                        code="NP303",
                        level="warning",
                        message=f"time budget of {timeout} s spent; not run: {left}",
                    )
                )
                break
            self._run_one(ex, draft, strict)
        return build_article(draft)

    @staticmethod
    def _run_one(ex: Extractor, draft: Draft, strict: bool) -> None:
        draft._begin(ex.name, ex.writes)
        try:
            ex(draft)
        except Exception as exc:
            draft._rollback()
            code = exc.code if isinstance(exc, DraftError) else "NP301"
            detail = exc.message if isinstance(exc, DraftError) else f"{type(exc).__name__}: {exc}"
            if strict:
                raise PipelineError(code, f"extractor {ex.name!r} failed: {detail}") from exc
            draft.report(Diagnostic(extractor=ex.name, code=code, message=detail[:1000]))
        finally:
            draft._end()
        if draft.expired:
            draft.report(
                Diagnostic(
                    extractor=ex.name,
                    code="NP303",
                    level="warning",
                    message="time budget spent while this extractor ran; its output may be partial",
                )
            )


# -- from draft to article ----------------------------------------------------------------------


def _span(text: str, off: Offsets) -> Span:
    return unchecked(Span, {"start": off[0], "end": off[1], "text": text[off[0] : off[1]]})


def _unique(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(values))


Converter = Callable[[Any, str], Any]


def _field_converter(model: type[BaseModel], name: str) -> Converter:
    """How to read one model field off a draft item: the one place field shapes are handled."""
    info = model.model_fields[name]
    ann = info.annotation
    packed = next((m for m in info.metadata if m in (Spans, Mentions)), None)
    args = typing.get_args(ann)
    if packed is Mentions:
        return _mentions
    if packed is Spans:
        return lambda item, text: _packed_spans(text, getattr(item, name))
    if ann is TimeExpression or TimeExpression in args:
        return lambda item, text: _time(item, text, name)
    if ann is Span or Span in args:
        return lambda item, text: _opt_span(text, getattr(item, name))
    if typing.get_origin(ann) is tuple and args[:1] == (str,):
        return lambda item, text: _unique(getattr(item, name))
    if name == "text" and "start" in model.model_fields:
        return lambda item, text: text[item.start : item.end]
    if not info.is_required():
        default = info.default  # a constant of the model the draft does not keep (Place.kind)
        return lambda item, text: getattr(item, name, default)
    return lambda item, text: getattr(item, name)


_FORM_CODE = {form: n for n, form in enumerate(MENTION_FORMS)}


def _mentions(item: _Named, text: str) -> Mentions:
    # Offsets were checked when written; a repeated span keeps its first form.
    rows: dict[tuple[int, int], str] = {}
    for s, e, form in item._mention_list:
        rows.setdefault((s, e), form)
    keys = sorted(rows)
    return Mentions(
        text,
        array("q", [s for s, _ in keys]),
        array("q", [e for _, e in keys]),
        None,
        bytes([_FORM_CODE[rows[k]] for k in keys]),
    )


def _packed_spans(text: str, offsets: Sequence[Offsets]) -> Spans:
    if isinstance(offsets, Runs):  # the draft's own arrays: the draft is done with them
        return Spans(text, offsets.starts, offsets.ends)
    starts = array("q", [s for s, _ in offsets])
    ends = array("q", [e for _, e in offsets])
    return Spans(text, starts, ends)


def _opt_span(text: str, off: Offsets | None) -> Span | None:
    return None if off is None else _span(text, off)


def _time(item: Any, text: str, name: str) -> TimeExpression | None:
    off = getattr(item, name)
    if off is None:
        return None
    s, e = off
    return unchecked(
        TimeExpression,
        {
            "start": s,
            "end": e,
            "text": text[s:e],
            "date_from": item.date_from,
            "date_to": item.date_to,
        },
    )


_PLANS: dict[type[BaseModel], tuple[tuple[str, Converter], ...]] = {}


def _to_model(model: type[Any], item: _Item, text: str) -> Any:
    plan = _PLANS.get(model)
    if plan is None:
        plan = _PLANS[model] = tuple(
            (name, _field_converter(model, name)) for name in model.model_fields if name != "id"
        )
    values = {"id": item.id}
    for name, conv in plan:
        values[name] = conv(item, text)
    return unchecked(model, values)


def _drop_dangling(
    draft: Draft, ids: set[str], qids: set[str], items: dict[str, list[Any]]
) -> None:
    """References to actors or quotes that are gone (removed, or undone) are dropped, reported."""
    lost = 0
    for a in items["actors"]:
        keep = tuple(x for x in a.affiliations if x in ids and x != a.id)
        lost += len(a.affiliations) - len(keep)
        a.__dict__["affiliations"] = keep
    for q in items["quotes"]:
        if q.speaker is not None and q.speaker not in ids:
            q.__dict__["speaker"] = None
            lost += 1
    for c in items["ceasefire_claims"]:
        for role in ("parties", "brokers", "excluded"):
            keep = tuple(x for x in getattr(c, role) if x in ids)
            lost += len(getattr(c, role)) - len(keep)
            c.__dict__[role] = keep
        if c.source != "narrator" and c.source not in ids:
            c.__dict__["source"] = "narrator"
            lost += 1
        if c.quote is not None and c.quote not in qids:
            c.__dict__["quote"] = None
            lost += 1
    if lost:
        draft.report(
            Diagnostic(
                extractor="pipeline",
                code="NP302",
                level="warning",
                message=f"{lost} reference(s) to removed actors or quotes dropped",
            )
        )


def _records(draft: Draft, ids: Mapping[str, set[str]]) -> dict[str, tuple[dict[str, Any], ...]]:
    from .models import _refs_in

    out: dict[str, tuple[dict[str, Any], ...]] = {}
    for kind, recs in draft._record_data().items():
        kept = []
        for data in recs:
            bad = [r for _, key, r in _refs_in(data, kind) if r not in ids[key]]
            if bad:
                draft._drop(kind, "NP302", f"{kind} record refers to unknown id(s) {bad}; dropped")
                continue
            kept.append(data)
        if kept:
            out[kind] = tuple(kept)
    return out


def build_article(draft: Draft) -> Article:
    """Turn a finished draft into an ``Article`` (the draft's writes are already checked)."""
    text = draft.text
    items: dict[str, list[Any]] = {
        "actors": [_to_model(Actor, a, text) for a in draft.actors],
        "places": [_to_model(Place, p, text) for p in draft.places],
        "quotes": [_to_model(Quote, q, text) for q in sorted(draft.quotes, key=_segments_key)],
        "ceasefire_claims": [
            _to_model(CeasefireClaim, c, text) for c in sorted(draft.claims, key=_trigger_key)
        ],
    }
    ids = {a.id for a in items["actors"]}
    qids = {q.id for q in items["quotes"]}
    _drop_dangling(draft, ids, qids, items)
    records = _records(
        draft,
        {"actor": ids, "quote": qids, "claim": {c.id for c in items["ceasefire_claims"]}},
    )
    title = draft.title
    if title is None and draft.headline is not None:
        title = " ".join(text[draft.headline[0] : draft.headline[1]].split()) or None
    values = {
        "id": draft.id,
        "text": text,
        "title": title,
        "published": draft.published,
        "url": draft.url,
        "source": draft.source,
        "author": draft.author,
        "headline": _opt_span(text, draft.headline),
        "boilerplate": _packed_spans(text, draft.boilerplate),
        "paragraphs": _packed_spans(text, draft.paragraphs),
        "sentences": _packed_spans(text, draft.sentences),
        **items,
        "records": records,
        "diagnostics": draft.diagnostics,
    }
    # Tuples, as validation would give them.
    for key in ("actors", "places", "quotes", "ceasefire_claims"):
        values[key] = tuple(items[key])
    return unchecked(Article, values)


def _segments_key(q: Any) -> tuple[Offsets, ...]:
    return tuple(q.segments)


def _trigger_key(c: Any) -> Offsets:
    return (c.trigger[0], c.trigger[1])
