"""The `phi-guard` command: ``main(argv=None) -> int``.

Exit status: 0 nothing blocks; 1 a draft blocks; 2 usage, configuration or internal error, or
any error record (2 wins over 1). ``--exit-zero`` turns 1 into 0 and leaves 2 alone.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import tempfile
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from . import __version__, cli_check
from ._errors import PhiGuardError
from .evaluate import score
from .packs import builtin_pack
from .profile import Profile
from .records import Record, RecordError, iter_records
from .audit_io import add_export_args, emit_drafts, read_inputs, read_options, report_unread
from .report import jsonl, text

EXIT_OK, EXIT_BLOCK, EXIT_ERROR = 0, 1, 2


class _Usage(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise _Usage(message)


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="phi-guard", description="Find protected health information in social-media drafts.")
    p.add_argument("--version", action="version", version=f"phi-guard {__version__}")
    sub = p.add_subparsers(dest="command", required=True)
    audit = sub.add_parser("audit", help="check JSON Lines drafts and write one result per record")
    audit.add_argument("inputs", nargs="+", metavar="INPUT",
                       help="JSON Lines file (- for stdin), CSV, or a platform export folder or ZIP")
    audit.add_argument("--profile", type=Path, help="the practice's profile.json")
    audit.add_argument("--format", choices=("jsonl", "text", "html"), default="text")
    add_export_args(audit)
    audit.add_argument("-o", "--output", type=Path, help="write here (atomically) instead of stdout")
    audit.add_argument("--batch-size", type=int, default=64)
    audit.add_argument("--jobs", "-j", type=int, default=1, help="worker processes (default 1)")
    audit.add_argument("--exit-zero", action="store_true", help="exit 0 even when drafts block")
    audit.add_argument("--log-level", default="warning", choices=("debug", "info", "warning", "error"))
    ev = sub.add_parser("eval", help="score phi-guard on a labeled corpus (the figures of score.py)")
    ev.add_argument("corpus", type=Path)
    ev.add_argument("--profile", type=Path)
    ev.add_argument("--json", action="store_true")
    ev.add_argument("--log-level", default="warning", choices=("debug", "info", "warning", "error"))
    sub.add_parser("rules", help="list every rule: code, name, severity, label")
    ex = sub.add_parser("explain", help="print a rule's docs")
    ex.add_argument("code")
    cli_check.add_parsers(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    try:
        args = _parser().parse_args(argv)
    except _Usage as exc:
        print(f"phi-guard: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except SystemExit as exc:  # --help, --version
        return int(exc.code or 0)
    _setup_logging(getattr(args, "log_level", "warning"))
    try:
        return _COMMANDS[args.command](args)
    except PhiGuardError as exc:
        print(f"phi-guard: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return EXIT_ERROR
    except BrokenPipeError:  # the reader went away (| head): say nothing more, fail as incomplete
        try:
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the flush at exit
        except OSError:
            pass
        return EXIT_ERROR


def _setup_logging(level: str) -> None:
    from .logs import configure

    configure(level)


def _linter(profile_path: Path | None):  # type: ignore[no-untyped-def]
    from .linter import Linter

    profile = Profile.load(profile_path) if profile_path else None
    return Linter(profile=profile)


def _records(paths: list[str]) -> Iterator[Record | RecordError]:
    for path in paths:
        if path == "-":
            yield from iter_records(sys.stdin.buffer)
            continue
        try:
            with open(path, "rb") as fh:
                yield from iter_records(fh)
        except OSError as exc:
            raise PhiGuardError(f"PG901: cannot read input '{Path(path).name}' ({exc.strerror})") from None


def audit_records(linter, items: Iterator[Record | RecordError], batch_size: int,  # type: ignore[no-untyped-def]
                  jobs: int = 1) -> Iterator[dict[str, Any]]:
    """One output record per input record, in input order, checking in batches (one pool)."""
    return (rec for _, rec in audit_pairs(linter, items, batch_size, jobs))


def audit_pairs(linter, items: Iterator[Record | RecordError], batch_size: int,  # type: ignore[no-untyped-def]
                jobs: int = 1) -> Iterator[tuple[Record | RecordError, dict[str, Any]]]:
    """(input item, output record) per input record, in input order, with the reader's provenance."""
    queue: deque[Record | RecordError] = deque()

    def drafts() -> Iterator[Any]:
        for item in items:
            queue.append(item)
            if isinstance(item, Record):
                yield item.draft

    def error(item: RecordError) -> tuple[RecordError, dict[str, Any]]:
        return item, jsonl.with_provenance(jsonl.error_record(item), item)

    for result in linter.check_many(drafts(), batch_size=batch_size, n_process=max(1, jobs)):
        while True:
            item = queue.popleft()
            if isinstance(item, RecordError):
                yield error(item)
                continue
            yield item, jsonl.with_provenance(jsonl.result_record(item.line, result), item)
            break
    while queue:
        item = queue.popleft()
        if isinstance(item, RecordError):
            yield error(item)


@contextmanager
def _output(path: Path | None) -> Iterator[IO[str]]:
    if path is None:
        yield sys.stdout
        return
    directory = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        os.chmod(tmp, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            yield fh
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _cmd_audit(args: argparse.Namespace) -> int:
    options = read_options(args)
    unread: list = []
    items = read_inputs(args.inputs, args.from_format, options, unread)
    if args.emit_jsonl is not None:
        with _output(args.emit_jsonl) as out:
            errors = emit_drafts(items, out)
        report_unread(unread)
        return EXIT_ERROR if errors else EXIT_OK
    linter = _linter(args.profile)
    if args.format == "html":
        return _audit_html(args, linter, items, unread)
    counts = {"block": 0, "warn": 0, "pass": 0, "error": 0}
    with _output(args.output) as out:
        for rec in audit_records(linter, items, max(1, args.batch_size), max(1, args.jobs)):
            counts[rec["level"]] += 1
            if args.format == "jsonl":
                out.write(jsonl.dumps(rec) + "\n")
            else:
                out.write(text.format_record(rec) + "\n")
        if args.format == "text":
            out.write(text.summary(counts) + "\n")
    report_unread(unread)
    return _exit_status(counts, args.exit_zero)


def _audit_html(args: argparse.Namespace, linter, items: Iterator[Record | RecordError], unread: list) -> int:  # type: ignore[no-untyped-def]
    from .report import html

    started = html.start_time()
    pairs = list(audit_pairs(linter, items, max(1, args.batch_size), max(1, args.jobs)))
    page = html.render(pairs, html.run_info(linter, args, started), unread, include_text=args.include_text)
    with _output(args.output) as out:
        out.write(page)
    report_unread(unread)
    counts = {k: sum(1 for _, r in pairs if r["level"] == k) for k in ("block", "error")}
    return _exit_status(counts, args.exit_zero)


def _exit_status(counts: dict[str, int], exit_zero: bool) -> int:
    if counts["error"]:
        return EXIT_ERROR
    if counts["block"] and not exit_zero:
        return EXIT_BLOCK
    return EXIT_OK


def _cmd_eval(args: argparse.Namespace) -> int:
    linter = _linter(args.profile)
    corpus_items = list(_records([str(args.corpus)]))
    with open(args.corpus, encoding="utf-8") as fh:
        corpus = [json.loads(line) for line in fh if line.strip()]
    preds = {r["id"]: r for r in audit_records(linter, iter(corpus_items), 64) if r.get("id") is not None}
    res = score(corpus, preds)
    res["prediction_lines_without_id"] = 0
    if args.json:
        print(json.dumps(res))
    else:
        for k, v in res.items():
            print(f"{k}: {v}")
    return EXIT_OK


def _cmd_rules(args: argparse.Namespace) -> int:
    for r in builtin_pack().rules:
        print(f"{r.code}  {r.name:<26} {r.severity.value:<9} {r.label or '-'}")
    return EXIT_OK


def explain_text(code: str) -> str:
    from .ruledocs import explain_text as rule_text

    return rule_text(builtin_pack().rule(code.upper()))


def _cmd_explain(args: argparse.Namespace) -> int:
    try:
        print(explain_text(args.code), end="")
    except KeyError:
        codes = ", ".join(r.code for r in builtin_pack().rules)
        print(f"phi-guard: unknown rule code; known codes: {codes}", file=sys.stderr)
        return EXIT_ERROR
    return EXIT_OK


_COMMANDS = {"audit": _cmd_audit, "eval": _cmd_eval, "rules": _cmd_rules, "explain": _cmd_explain,
             **cli_check.COMMANDS}

if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
