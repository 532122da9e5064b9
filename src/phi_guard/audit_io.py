"""`phi-guard audit` inputs beyond JSON Lines: the export readers' options, ``--emit-jsonl`` and
the summary of files seen but not read. Stderr names counts, codes and file types, never text.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import PurePosixPath
from typing import IO, Any

from ._errors import ConfigError
from ._types import Authorization, Draft
from .readers import FORMATS, ReadOptions, Unread, detect_format, read_input
from .readers.csv_map import ColumnMap
from .records import Record, RecordError

PHI_WARNING = "phi-guard: warning: {what} holds draft text, which may be PHI: keep it as you keep patient records"


def add_export_args(audit: argparse.ArgumentParser) -> None:
    audit.add_argument("--from", dest="from_format", choices=FORMATS, metavar="FORMAT",
                       help=f"the input's format: {', '.join(FORMATS)} (detected when left out)")
    audit.add_argument("--csv-map", metavar="MAP",
                       help="CSV columns: text=COLUMN[,id=COLUMN,kind=COLUMN,...]; KEY==VALUE sets a constant")
    audit.add_argument("--emit-jsonl", metavar="OUT", type=_path,
                       help="write the normalized drafts (JSON Lines) without checking them; OUT holds PHI")
    audit.add_argument("--include-text", action="store_true",
                       help="show draft text in the HTML report (the report then holds PHI)")


def _path(value: str):  # type: ignore[no-untyped-def]
    from pathlib import Path

    return Path(value)


def read_options(args: argparse.Namespace) -> ReadOptions:
    if args.include_text and (args.format != "html" or args.emit_jsonl is not None):
        raise ConfigError("PG901: --include-text works with --format html only")
    if args.csv_map is not None and args.from_format not in (None, "csv"):
        raise ConfigError("PG901: --csv-map is for CSV input (--from csv)")
    if args.include_text:
        print(PHI_WARNING.format(what="the report (--include-text)"), file=sys.stderr)
    if args.emit_jsonl is not None:
        print(PHI_WARNING.format(what=f"'{args.emit_jsonl.name}' (--emit-jsonl)"), file=sys.stderr)
    return ReadOptions(csv_map=ColumnMap.parse(args.csv_map) if args.csv_map is not None else None)


def read_inputs(paths: list[str], fmt: str | None, options: ReadOptions, unread: list[Unread]) -> Iterator[Record | RecordError]:
    """Every input's drafts in order. Formats are settled first, so a bad input fails before the model loads."""
    formats = [fmt or detect_format(path) for path in paths]
    if "csv" in formats and options.csv_map is None:
        raise ConfigError("PG901: CSV input needs --csv-map text=COLUMN[,id=COLUMN,...]")
    return (item for path, f in zip(paths, formats) for item in read_input(path, f, options, unread))


def draft_record(item: Record) -> dict[str, Any]:
    """One normalized draft in the GUIDELINES input format, with the reader's provenance."""
    d: Draft = item.draft
    reply = None if d.in_reply_to is None else {"author": d.in_reply_to.author, "text": d.in_reply_to.text}
    consent: Any = d.consent
    if isinstance(d.consent, Authorization):
        consent = {"subjects": list(d.consent.subjects), "reference": d.consent.reference, "scope": list(d.consent.scope)}
    rec = {"id": d.id, "kind": d.kind, "platform": d.platform, "in_reply_to": reply, "consent": consent, "text": d.text}
    rec.update(item.provenance())
    return rec


def emit_drafts(items: Iterable[Record | RecordError], out: IO[str]) -> int:
    """Write each draft as JSON Lines; report each error on stderr (code, line, source). Error count."""
    errors = 0
    for item in items:
        if isinstance(item, RecordError):
            errors += 1
            where = f" at {item.source}" if item.source else ""
            print(f"phi-guard: record {item.line}{where}: {item.error}", file=sys.stderr)
            continue
        out.write(json.dumps(draft_record(item), ensure_ascii=False) + "\n")
    return errors


def unread_summary(unread: list[Unread]) -> str | None:
    """"N file(s) seen but not read: 3 .jpg, 1 .html" (file types only: names may hold PHI)."""
    if not unread:
        return None
    kinds = Counter(PurePosixPath(u.path).suffix.lower() or "(no extension)" for u in unread)
    parts = ", ".join(f"{n} {k}" for k, n in sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0])))
    return f"phi-guard: {len(unread)} file(s) seen but not read: {parts} (the HTML report lists them)"


def report_unread(unread: list[Unread]) -> None:
    line = unread_summary(unread)
    if line:
        print(line, file=sys.stderr)
