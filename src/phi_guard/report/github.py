"""GitHub Actions workflow commands: ``::error file=...,line=...,col=...::message``.

high and critical findings are errors, low and medium warnings; info findings (look-alikes)
are counted in the closing notice, not annotated. Messages name rule and label, never text.
"""

from __future__ import annotations

from typing import IO

from .._types import Severity
from ..checking import Checked, Tally
from ..packs import RulePack
from . import common

_COMMAND = {
    Severity.LOW: "warning",
    Severity.MEDIUM: "warning",
    Severity.HIGH: "error",
    Severity.CRITICAL: "error",
}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(kind: str, message: str, **props: object) -> str:
    head = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items() if v is not None)
    return f"::{kind}{' ' + head if head else ''}::{escape_data(message)}"


class Reporter:
    def __init__(self, out: IO[str], pack: RulePack) -> None:
        self.out, self.pack = out, pack
        self.info = 0

    def add(self, c: Checked) -> None:
        file = None if c.item.source == "-" else c.item.source
        if c.result.error:
            code = c.result.reasons[0] if c.result.reasons else "PG930"
            self._emit(
                "error",
                f"the draft could not be checked ({c.result.error})",
                file=file,
                line=c.item.line,
                title=common.title(self.pack, code),
            )
        for f, p in zip(c.result.findings, c.places):
            if f.severity is Severity.INFO:
                self.info += 1
                continue
            span = (
                {}
                if f.start == f.end or p is None or p.column is None
                else {"col": p.column, "endLine": p.end_line, "endColumn": p.end_column}
            )
            self._emit(
                _COMMAND[f.severity],
                common.message(f, self.pack),
                file=file,
                line=p.line if p else c.item.line,
                **span,
                title=common.title(self.pack, f.rule),
            )
        for use in c.outcome.allowances:
            a = use.allowance
            kind = "notice" if use.status == "used" else "warning"
            self._emit(
                kind,
                f"allowance {a.rule} (authorization {a.authorization}) {use.status}"
                + (f" for {use.findings} finding(s)" if use.status == "used" else ""),
                file=file,
                line=c.item.line,
                title=f"phi-guard allowance {use.status}",
            )

    def _emit(self, kind: str, message: str, **props: object) -> None:
        self.out.write(command(kind, message, **props) + "\n")

    def finish(self, tally: Tally) -> None:
        for e, why in tally.stale:
            self._emit(
                "warning",
                f"stale baseline entry ({why}): {e.rule} {e.label or '-'}",
                file=e.source,
                title="phi-guard baseline",
            )
        info = f"; {self.info} info finding(s) not annotated" if self.info else ""
        self._emit(
            "notice",
            common.summary_line(tally) + info + f"; scope: {common.SCOPE}",
            title="phi-guard",
        )
