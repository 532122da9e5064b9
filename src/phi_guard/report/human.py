"""``check``'s text output: each finding under the line of the suggested (redacted) text, a caret
under its placeholder, then rule, label, line:col in the file; a summary line at the end.

The original text is printed only with ``--show-source`` (the CLI refuses it under CI). Colour
only when writing to a terminal. Control characters are shown as U+FFFD so a draft cannot
drive the terminal.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from difflib import SequenceMatcher
from typing import IO

from .._types import Finding, Severity
from ..checking import Checked, Tally
from ..locate import Place
from ..packs import RulePack
from . import common

_ALIGN_LIMIT = 20_000  # longer drafts get no carets (the alignment is quadratic)
_COLOURS = {
    "block": "1;31",
    "warn": "1;33",
    "pass": "32",
    "error": "1;35",
    "high": "31",
    "critical": "31",
    "medium": "33",
    "low": "33",
    "info": "34",
}


class Reporter:
    def __init__(
        self, out: IO[str], pack: RulePack, *, colour: bool = False, show_source: bool = False
    ) -> None:
        self.out, self.pack, self.colour, self.show_source = out, pack, colour, show_source

    def paint(self, text: str, key: str) -> str:
        return f"\x1b[{_COLOURS[key]}m{text}\x1b[0m" if self.colour and key in _COLOURS else text

    def add(self, c: Checked) -> None:
        r = c.result
        counted = [(f, p) for f, p in zip(r.findings, c.places) if f.severity is not Severity.INFO]
        if not (counted or r.error or c.outcome.allowances or c.outcome.suppressed):
            return
        level = r.level.value
        reasons = f" [{' '.join(r.reasons)}]" if r.reasons and not r.error else ""
        lines = [
            f"{_safe(common.draft_name(c))}: {self.paint(level.upper(), level)} risk {r.risk}{reasons}"
        ]
        if r.error:
            lines.append(f"  error {r.error}")
        text = c.item.draft.text if c.item.draft is not None else ""
        lines += self._findings(text, r.redacted, counted)
        if self.show_source and c.item.draft is not None:
            lines += self._source(c.item.draft.text, counted)
        lines += self._allowances(c)
        self.out.write("\n".join(lines) + "\n\n")

    def _row(self, f: Finding, p: Place | None) -> str:
        at = f" at {p.line}:{p.column}" if p and p.column else (f" at line {p.line}" if p else "")
        return f"{f.rule} {f.label or '-'}{at} ({common.rule_name(self.pack, f.rule)}, {self.paint(f.severity.value, f.severity.value)})"

    def _findings(
        self, text: str, redacted: str, counted: Sequence[tuple[Finding, Place | None]]
    ) -> list[str]:
        spans = placeholders(text, redacted, [f for f, _ in counted])
        red_lines = redacted.split("\n")
        starts = _line_starts(red_lines)
        groups: dict[int, list[tuple[int, int, Finding, Place | None]]] = {}
        loose = []
        for (f, p), span in zip(counted, spans):
            if span is None:
                loose.append(
                    (
                        f,
                        p,
                        "about the draft as a whole"
                        if f.start == f.end
                        else "removed with its sentence",
                    )
                )
                continue
            li = max(i for i, st in enumerate(starts) if st <= span[0])
            a = span[0] - starts[li]
            groups.setdefault(li, []).append(
                (a, min(span[1] - starts[li], len(red_lines[li])), f, p)
            )
        out = []
        for li in sorted(groups):
            line = red_lines[li]
            out.append(f"  | {_safe(line)}")
            for a, b, f, p in sorted(groups[li], key=lambda g: (g[0], g[1], g[2].rule)):
                carets = self.paint("^" * max(1, _width(line[a:b])), f.severity.value)
                out.append(f"  | {' ' * _width(line[:a])}{carets} {self._row(f, p)}")
        out += [f"  - {self._row(f, p)}: {why}" for f, p, why in loose]
        return out

    def _source(self, text: str, counted: Sequence[tuple[Finding, Place | None]]) -> list[str]:
        lines = text.split("\n")
        starts = _line_starts(lines)
        out: list[str] = []
        for li, line in enumerate(lines):
            lo, hi = starts[li], starts[li] + len(line)
            here = sorted(
                (f.start - lo, min(f.end, hi) - lo, f.rule)
                for f, _ in counted
                if lo <= f.start < hi and f.start != f.end
            )
            if not here:
                continue
            out.append(f"  source {li + 1} | {_safe(line)}")
            gutter = " " * len(f"  source {li + 1} ")
            out += [
                f"{gutter}| {' ' * _width(line[:a])}{'^' * max(1, _width(line[a:b]))} {rule}"
                for a, b, rule in here
            ]
        return out

    def _allowances(self, c: Checked) -> list[str]:
        out = []
        for use in c.outcome.allowances:
            a = use.allowance
            ref = f"{a.rule} by authorization {_safe(a.authorization)}"
            if use.status == "used":
                out.append(
                    f"  allowed {ref} (approved by {_safe(a.approved_by)}, expires {a.expires}): "
                    f"{use.findings} finding(s)"
                )
            elif use.status == "unused":
                out.append(f"  unused allowance {ref}: it matched no finding; remove it")
            else:
                out.append(f"  expired allowance {ref} (expired {a.expires}): it no longer applies")
        baselined = sum(1 for s in c.outcome.suppressed if s.by == "baseline")
        if baselined:
            out.append(f"  {baselined} finding(s) accepted in the baseline")
        return out

    def finish(self, tally: Tally) -> None:
        for e, why in tally.stale:
            self.out.write(
                f"stale baseline entry ({why}): {_safe(e.draft)} {e.rule} {e.label or '-'}\n"
            )
        self.out.write(common.summary_line(tally) + "\n")
        self.out.write(f"scope: {common.SCOPE}\n")


def placeholders(
    text: str, redacted: str, findings: Sequence[Finding]
) -> list[tuple[int, int] | None]:
    """Where each finding's replacement sits in ``redacted`` (None: removed, or whole-draft)."""
    if len(text) > _ALIGN_LIMIT or len(redacted) > _ALIGN_LIMIT:
        return [None] * len(findings)
    ops = SequenceMatcher(None, text, redacted, autojunk=False).get_opcodes()
    out: list[tuple[int, int] | None] = []
    for f in findings:
        if f.start == f.end:
            out.append(None)
            continue
        j1, j2 = _map(ops, f.start, start=True), _map(ops, f.end, start=False)
        if j1 is None or j2 is None:
            out.append(None)
            continue
        shown = redacted[j1:j2].strip()
        out.append((j1, j2) if shown and ("[" in shown or shown.isdigit()) else None)
    return out


def _map(ops: Sequence[tuple[str, int, int, int, int]], pos: int, *, start: bool) -> int | None:
    for tag, i1, i2, j1, j2 in ops:
        inside = i1 <= pos < i2 if start else i1 < pos <= i2
        if not inside:
            continue
        if tag == "equal":
            return j1 + (pos - i1)
        return j1 if start or tag == "delete" else j2
    return None


def _line_starts(lines: Sequence[str]) -> list[int]:
    starts, at = [], 0
    for line in lines:
        starts.append(at)
        at += len(line) + 1
    return starts


def _safe(text: str) -> str:
    return "".join(
        "\ufffd"
        if unicodedata.category(ch) in ("Cc", "Cf") and ch != "\t"
        else (" " if ch == "\t" else ch)
        for ch in text
    )


def _width(text: str) -> int:
    return sum(
        0
        if unicodedata.combining(ch)
        else 2
        if unicodedata.east_asian_width(ch) in ("W", "F")
        else 1
        for ch in text
    )
