"""Every user-facing error newsparse raises, each with a stable code and a hint on what to do."""

from __future__ import annotations

__all__ = ["CODES", "DraftError", "InputError", "NewsparseError", "PipelineError", "PluginError"]

#: Stable error codes with the hint shown to the user. Codes are never reused for another meaning.
CODES: dict[str, str] = {
    # input
    "NP101": "Pass a str; decode bytes first (e.g. data.decode('utf-8')).",
    "NP102": "The file is not valid UTF-8: re-encode it as UTF-8 (e.g. with iconv).",
    "NP103": "Check the path; use '-' to read standard input.",
    "NP104": "Each JSONL line must be a JSON object with at least a string 'text' field.",
    "NP105": "Lone surrogate code points cannot be encoded: clean the text before parsing.",
    "NP106": "Metadata must be strings; 'published' must be ISO 8601 (2017-02-23 or with a time).",
    "NP107": "Install the HTML extra: pip install 'newsparse[html]'.",
    # plugins and pipeline
    "NP201": "Install or enable a plugin that provides it, or disable the extractor that needs it.",
    "NP202": "Two extractors require each other: break the cycle in their 'requires'.",
    "NP203": "Give each third-party extractor a unique name, or block one of the plugins.",
    "NP204": "A hook implementation does not match hookspecs.py: check its name and arguments.",
    "NP205": "Register the record kind with newsparse_record_kinds before adding records.",
    "NP206": "Each entry of newsparse_extractors must be an Extractor (see newsparse.extractor).",
    "NP207": "Declare what the extractor writes in its 'provides' or 'amends'.",
    "NP208": "Use a name from newsparse.CAPABILITIES, or records:<kind> of a registered kind.",
    "NP209": "An installed plugin failed to load and is skipped: reinstall it or block it.",
    "NP210": "Two plugins have the same name: rename one, or block one of them.",
    "NP211": "A plugin's hook raised or returned the wrong shape: see hookspecs.py for each hook.",
    # extraction
    "NP301": "An extractor raised: its output is missing. Report it to the plugin's author.",
    "NP302": "An invalid write was refused: the record dropped, or the extractor's output undone.",
    "NP303": "The time budget (parse(timeout=...)) ran out: what was found so far is returned.",
    # packaging and data
    "NP501": "A rules file under newsparse/data is invalid: fix the file and key named.",
    # cli
    "NP401": "See 'newsparse --help'.",
    # html input and the annotated view (appended)
    "NP108": "No article text was found in the page: pass the article's own page, or its text.",
    "NP402": "Give 'newsparse show' one .txt, .html, .jsonl or article .json file (see --help).",
    # cli and streams (robust)
    "NP109": "JSON nested this deep is not an article record: flatten it (at most 100 levels).",
    "NP403": "Use --resume with --format jsonl and -o OUT; rerun other formats from the start.",
    "NP404": "OUT is not a JSONL file newsparse wrote: pick another -o, or move the file away.",
    "NP405": "Reading or writing a file failed mid-run (disk full, device error): fix it, rerun.",
    "NP601": "A worker process died on this record (a crash or kill in an extractor or plugin).",
    "NP602": "The record cannot be sent to a worker process: give plain str/dict/list values.",
    "NP603": "The article cannot be written as JSON (e.g. a plugin's lone surrogate): report it.",
}


class NewsparseError(Exception):
    """Base class for newsparse errors; ``code`` is stable and ``hint`` says what to do."""

    def __init__(self, code: str, message: str) -> None:
        self.code = code
        self.message = message
        self.hint = CODES.get(code, "")
        super().__init__(f"[{code}] {message}" + (f" — {self.hint}" if self.hint else ""))


class InputError(NewsparseError, ValueError):
    """The input cannot be read as an article."""


class PluginError(NewsparseError):
    """A plugin or extractor is misconfigured."""


class DraftError(NewsparseError, ValueError):
    """An extractor wrote something invalid (``NP302``) or undeclared (``NP207``) to the draft."""


class PipelineError(NewsparseError):
    """Extraction failed and ``strict=True`` was asked for."""
