"""The `phi-guard` command: ``main(argv=None) -> int``.

Exit status: 0 nothing blocks; 1 a draft blocks; 2 usage, configuration or internal error, or
any error record (2 wins over 1). ``--exit-zero`` turns 1 into 0 and leaves 2 alone.

Fail closed (docs/security.md): an unexpected exception, SIGTERM or a failed canary self-test
exits 2; files are written mode 0600 and atomically (``atomic.py``), so a run that stops early
leaves no output file; an audit starts with the canary self-test and runs under a watchdog.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import logging
import os
import sys
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from . import __version__, cli_check
from ._errors import PhiGuardError
from .atomic import atomic_writer, write_text
from .evaluate import score
from .packs import builtin_pack
from .profile import Profile
from .records import DEFAULT_MAX_CHARS, ReadStats, Record, RecordError, iter_records
from .audit_io import add_export_args, emit_drafts, read_inputs, read_options, report_unread
from .report import jsonl, text
from .runguard import Terminated, signals_raise, watchdog

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
    audit.add_argument("--metadata", type=Path, metavar="FILE",
                       help="write the run's metadata (versions, model fingerprint, hashes, settings) here")
    audit.add_argument("--max-chars", type=int, help=f"the size cap per draft (default {DEFAULT_MAX_CHARS})")
    audit.add_argument("--draft-timeout", type=float, help="the time budget per draft, seconds (default 60)")
    ev = sub.add_parser("eval", help="score phi-guard on a labeled corpus (the figures of score.py)")
    ev.add_argument("corpus", type=Path)
    ev.add_argument("--profile", type=Path)
    ev.add_argument("--json", action="store_true")
    ev.add_argument("--log-level", default="warning", choices=("debug", "info", "warning", "error"))
    sub.add_parser("rules", help="list every rule: code, name, severity, label")
    st = sub.add_parser("self-test", help="check that drafts with known PHI block (the canary)")
    st.add_argument("--profile", type=Path)
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
        with signals_raise():
            from .supply import refuse_conflicting_distribution

            refuse_conflicting_distribution()
            return _COMMANDS[args.command](args)
    except PhiGuardError as exc:
        print(f"phi-guard: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:  # the reader went away (| head): say nothing more, fail as incomplete
        _silence_stdout()
        return EXIT_ERROR
    except (KeyboardInterrupt, Terminated):
        print("phi-guard: interrupted; no output file was written", file=sys.stderr)
        return EXIT_ERROR
    except Exception as exc:  # noqa: BLE001 - fail closed; the type only (messages can quote input)
        print(f"phi-guard: PG930: internal error ({type(exc).__name__})", file=sys.stderr)
        return EXIT_ERROR


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so the flush at exit cannot fail again."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):
        try:
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115
        except OSError:
            pass


def _setup_logging(level: str) -> None:
    from .logs import configure

    configure(level)


def _linter(profile_path: Path | None, args: argparse.Namespace | None = None):  # type: ignore[no-untyped-def]
    from .linter import Linter, Settings

    profile = Profile.load(profile_path) if profile_path else None
    overrides = {k: v for k, v in (("max_chars", getattr(args, "max_chars", None)),
                                   ("draft_timeout", getattr(args, "draft_timeout", None))) if v is not None}
    return Linter(profile=profile, settings=Settings(**overrides) if overrides else None)


def max_line_bytes(max_chars: int) -> int:
    """The longest input line read: room for ``text`` at the cap, every character escaped, twice."""
    return 24 * max_chars + (1 << 20)


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
        else:  # never expected (check_many yields one result per draft): still one record per input
            yield item, jsonl.with_provenance(jsonl.result_record(item.line, _missing_result(item)), item)


def _missing_result(it: Record):  # type: ignore[no-untyped-def]
    from .guard import error_result

    return error_result(it.draft, "PG930", "internal error (no result for this record)")


@contextmanager
def _output(path: Path | None) -> Iterator[IO[str]]:
    """stdout, or ``path`` written atomically with mode 0600 (see atomic.py)."""
    if path is None:
        yield sys.stdout
        return
    with atomic_writer(path) as fh:
        yield fh


def _canary_failed(linter) -> bool:  # type: ignore[no-untyped-def]
    from .canary import self_test

    failures = self_test(linter)
    for f in failures:
        print(f"phi-guard: PG930: self-test failed: {f.describe()}", file=sys.stderr)
    if failures:
        print("phi-guard: the linter is not working as built; nothing was checked", file=sys.stderr)
    return bool(failures)


def _cmd_audit(args: argparse.Namespace) -> int:
    from .runinfo import header_line, run_metadata, started_at

    started = started_at()
    stats = ReadStats()
    options = dataclasses.replace(read_options(args), stats=stats,
                                  max_line_bytes=max_line_bytes(args.max_chars or DEFAULT_MAX_CHARS))
    unread: list = []
    items = read_inputs(args.inputs, args.from_format, options, unread)
    if args.emit_jsonl is not None:
        with _output(args.emit_jsonl) as out:
            errors = emit_drafts(items, out)
        report_unread(unread)
        return EXIT_ERROR if errors else EXIT_OK
    linter = _linter(args.profile, args)
    if _canary_failed(linter):
        return EXIT_ERROR
    if args.format == "html":
        return _audit_html(args, linter, items, unread)
    meta = run_metadata(linter, args.profile, started)
    counts = {"block": 0, "warn": 0, "pass": 0, "error": 0}
    with watchdog(), _output(args.output) as out:
        if args.format == "text":
            out.write(header_line(meta) + "\n")
        for rec in audit_records(linter, items, max(1, args.batch_size), max(1, args.jobs)):
            counts[rec["level"]] += 1
            if args.format == "jsonl":
                out.write(jsonl.dumps(rec) + "\n")
            else:
                out.write(text.format_record(rec) + "\n")
        if args.format == "text":
            out.write(text.summary(counts) + _blank_note(stats) + "\n")
    if stats.blank_lines and args.format != "text":
        print(f"phi-guard: {_blank_note(stats).lstrip('; ')}", file=sys.stderr)
    report_unread(unread)
    if args.metadata is not None:
        meta["counts"] = {**counts, "records": sum(counts.values()), "blank_lines": stats.blank_lines}
        write_text(args.metadata, json.dumps(meta, indent=2, sort_keys=True) + "\n")
    return _exit_status(counts, args.exit_zero)


def _blank_note(stats: ReadStats) -> str:
    return f"; {stats.blank_lines} blank line(s) skipped" if stats.blank_lines else ""


def _audit_html(args: argparse.Namespace, linter, items: Iterator[Record | RecordError], unread: list) -> int:  # type: ignore[no-untyped-def]
    from .report import html

    started = html.start_time()
    with watchdog():
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


def _cmd_self_test(args: argparse.Namespace) -> int:
    from .canary import CANARIES

    if _canary_failed(_linter(args.profile)):
        return EXIT_ERROR
    print(f"phi-guard: self-test passed ({len(CANARIES)} canary drafts blocked)")
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
             "self-test": _cmd_self_test, **cli_check.COMMANDS}

if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
