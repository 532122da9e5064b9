"""``phi-guard check`` and ``phi-guard baseline`` (registered by cli.py).

    phi-guard check PATH... [--format text|json|jsonl|sarif|junit|github] [-o OUT] [--baseline FILE]
    phi-guard baseline PATH... -o FILE [--expires YYYY-MM-DD]

Exit status as for ``audit``: 0 nothing blocks, 1 a draft blocks, 2 a usage, config or internal
error or any draft that could not be checked (2 wins); ``--exit-zero`` turns 1 into 0.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO, Any

from . import clock
from ._types import KINDS, Severity
from .baseline import Entry, Tracker, load, render
from .checking import Checked, RunOptions, Tally, run
from .config import Config, check_selectors, load_config, selectors
from .fingerprint import Fingerprinter, from_environment
from .inputs import Item, TextOptions, iter_items
from .packset import Packs, load_packs
from .profile import Profile
from .report.metadata import RunContext, run_metadata
from .suppress import Policy

FORMATS = ("text", "json", "jsonl", "sarif", "junit", "github")
EXIT_OK, EXIT_BLOCK, EXIT_ERROR = 0, 1, 2


def add_parsers(sub: Any) -> None:
    check = sub.add_parser(
        "check", help="lint drafts (.txt, .md, .jsonl or - for stdin) before they are published"
    )
    _common(check)
    check.add_argument("--format", choices=FORMATS, default="text")
    check.add_argument(
        "-o", "--output", type=Path, help="write here (atomically, mode 0600) instead of stdout"
    )
    check.add_argument("--baseline", type=Path, help="subtract the findings this baseline accepts")
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even when drafts block")
    check.add_argument(
        "--show-source",
        action="store_true",
        help="also print the original lines (refused when CI is set)",
    )
    check.add_argument(
        "--metadata", type=Path, help="write the run metadata (versions, hashes, settings) here"
    )
    base = sub.add_parser(
        "baseline", help="record current findings as fingerprints, so they stop failing"
    )
    _common(base)
    base.add_argument("-o", "--output", type=Path, required=True, help="the baseline file to write")
    base.add_argument(
        "--expires", type=_date, help="the date (YYYY-MM-DD) the entries stop applying"
    )


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "paths", nargs="+", metavar="PATH", help="a draft file, a JSON Lines file, a folder, or -"
    )
    p.add_argument(
        "--profile", type=Path, help="the practice's profile.json (overrides the config)"
    )
    p.add_argument(
        "--kind", choices=sorted(KINDS), help="what a plain-text draft is (default post)"
    )
    p.add_argument(
        "--reply-to",
        metavar="AUTHOR",
        help="a plain-text draft answers AUTHOR (implies --kind reply)",
    )
    p.add_argument(
        "--select", help="comma-separated rule codes or prefixes to report (overrides the config)"
    )
    p.add_argument(
        "--ignore",
        help="comma-separated rule codes or prefixes not to report (overrides the config)",
    )
    p.add_argument(
        "--isolated", action="store_true", help="ignore phi-guard.toml and [tool.phi-guard]"
    )
    p.add_argument("--batch-size", type=int, default=64)
    p.add_argument("--jobs", "-j", type=int, default=1, help="worker processes (default 1)")
    p.add_argument("--log-level", default="warning", choices=("debug", "info", "warning", "error"))


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError("must be a date, YYYY-MM-DD") from None


@dataclass(frozen=True)
class Session:
    config: Config
    packs: Packs
    linter: Any
    fingerprinter: Fingerprinter
    cwd: Path


def build_linter(config: Config, packs: Packs) -> Any:
    """The Linter for a config (tests replace this to share one)."""
    from .linter import Linter

    profile = Profile.load(config.profile) if config.profile else None
    return Linter(profile=profile, settings=config.settings(), pack=packs.pack)


def _session(args: argparse.Namespace) -> Session:
    cwd = Path.cwd()
    config = load_config(cwd, isolated=args.isolated)
    if args.select is not None:
        config = replace(config, select=selectors(args.select, "--select", allow_tool_codes=True))
    if args.ignore is not None:
        config = replace(config, ignore=selectors(args.ignore, "--ignore", allow_tool_codes=False))
    if args.profile is not None:
        config = replace(config, profile=args.profile)
    packs = load_packs(config.packs)
    check_selectors(config, [r.code for r in packs.pack.rules])
    return Session(config, packs, build_linter(config, packs), from_environment(cwd), cwd)


def _items(args: argparse.Namespace, s: Session) -> Any:
    opts = TextOptions(
        kind=args.kind, reply_to=args.reply_to, max_chars=s.config.settings().max_chars
    )
    return iter_items(args.paths, opts, s.cwd)


def _reporter(
    fmt: str, out: IO[str], s: Session, meta: dict[str, Any], args: argparse.Namespace
) -> Any:
    from .report import github, human, jsondoc, junit, sarif

    pack = s.packs.pack
    if fmt == "text":
        colour = args.output is None and out.isatty() and not os.environ.get("NO_COLOR")
        return human.Reporter(out, pack, colour=colour, show_source=args.show_source)
    return {
        "json": lambda: jsondoc.Reporter(out, meta),
        "jsonl": lambda: jsondoc.LinesReporter(out),
        "sarif": lambda: sarif.Reporter(out, pack, meta),
        "junit": lambda: junit.Reporter(out, pack, meta),
        "github": lambda: github.Reporter(out, pack),
    }[fmt]()


def cmd_check(args: argparse.Namespace) -> int:
    from .cli import _output

    if args.show_source and os.environ.get("CI"):
        print(
            "phi-guard: error: --show-source is refused when CI is set: CI logs are kept and read widely",
            file=sys.stderr,
        )
        return EXIT_ERROR
    if args.show_source and args.format != "text":
        print("phi-guard: error: --show-source works with --format text only", file=sys.stderr)
        return EXIT_ERROR
    s = _session(args)
    tracker, matcher = None, None
    if args.baseline is not None:
        baseline = load(args.baseline)
        tracker, matcher = Tracker(baseline, clock.today()), baseline.fingerprinter(s.fingerprinter)
    opts = RunOptions(
        Policy.from_config(s.config),
        s.fingerprinter,
        tracker,
        matcher,
        clock.today(),
        max(1, args.batch_size),
        max(1, args.jobs),
    )
    meta = run_metadata(
        RunContext(
            s.config,
            s.packs,
            s.linter.model_fingerprint,
            s.config.profile,
            s.fingerprinter,
            args.baseline,
            clock.now(),
        )
    )
    if args.show_source:
        print("phi-guard: note: --show-source prints draft text (PHI)", file=sys.stderr)
    tally = Tally()
    with _output(args.output) as out:
        reporter = _reporter(args.format, out, s, meta, args)
        for checked in run(s.linter, _items(args, s), opts, tally):
            reporter.add(checked)
        reporter.finish(tally)
    if args.metadata is not None:
        with _output(args.metadata) as fh:
            import json

            json.dump(meta, fh, indent=2, ensure_ascii=False)
            fh.write("\n")
    return exit_status(tally, args.exit_zero)


def exit_status(tally: Tally, exit_zero: bool) -> int:
    if tally.counts["error"]:
        return EXIT_ERROR
    if tally.counts["block"] and not exit_zero:
        return EXIT_BLOCK
    return EXIT_OK


def cmd_baseline(args: argparse.Namespace) -> int:
    from .cli import _output

    s = _session(args)
    opts = RunOptions(
        Policy.from_config(s.config),
        s.fingerprinter,
        today=clock.today(),
        batch_size=max(1, args.batch_size),
        jobs=max(1, args.jobs),
    )
    tally = Tally()
    entries = [
        e for c in run(s.linter, _items(args, s), opts, tally) for e in _entries(c, args.expires)
    ]
    with _output(args.output) as out:
        out.write(render(entries, s.fingerprinter, clock.today()))
    print(
        f"phi-guard: baseline of {len(entries)} finding(s) in {sum(tally.counts.values())} draft(s) "
        f"({s.fingerprinter.scheme}) written to {args.output.name}",
        file=sys.stderr,
    )
    if tally.counts["error"]:
        print(
            f"phi-guard: {tally.counts['error']} draft(s) could not be checked and are not in the baseline",
            file=sys.stderr,
        )
        return EXIT_ERROR
    return EXIT_OK


def _entries(c: Checked, expires: dt.date | None) -> list[Entry]:
    item: Item = c.item
    return [
        Entry(fp, item.source, item.identity, f.rule, f.label, expires)
        for f, fp in zip(c.result.findings, c.outcome.fingerprints)
        if f.severity is not Severity.INFO
    ]


def _os_errors(command: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """A file phi-guard cannot read or write is exit 2 with a message, never a traceback."""

    def run_command(args: argparse.Namespace) -> int:
        try:
            return command(args)
        except OSError as exc:
            name = Path(exc.filename).name if exc.filename else "a file"
            if name.startswith(".") and name.endswith(".tmp"):  # the atomic writer's temporary
                name = name[1:].rsplit(".", 2)[0]
            print(f"phi-guard: PG901: cannot use '{name}' ({exc.strerror})", file=sys.stderr)
            return EXIT_ERROR

    return run_command


COMMANDS = {"check": _os_errors(cmd_check), "baseline": _os_errors(cmd_baseline)}
