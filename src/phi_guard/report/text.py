"""Human-readable output: the redacted text, then each finding with rule, label and place."""

from __future__ import annotations

from typing import Any

_LEVEL_MARK = {"block": "BLOCK", "warn": "WARN ", "pass": "PASS ", "error": "ERROR"}


def _line_col(text_len_lines: list[int], offset: int) -> tuple[int, int]:
    line, start = 1, 0
    for length in text_len_lines:
        if offset <= start + length:
            break
        start += length + 1
        line += 1
    return line, offset - start + 1


def format_record(rec: dict[str, Any], original_line_lengths: list[int] | None = None) -> str:
    head = f"{_LEVEL_MARK.get(rec['level'], rec['level'])} {rec.get('id') if rec.get('id') is not None else '-'}" \
           f" (line {rec['line']}) risk {rec['risk']}"
    out = [head]
    if rec.get("error"):
        out.append(f"    error {rec['error']}")
        return "\n".join(out)
    counted = [f for f in rec["findings"] if f["severity"] != "info"]
    if counted:
        out.append("    suggested: " + rec["redacted"].replace("\n", "\n               "))
    for f in counted:
        where = ""
        if original_line_lengths is not None:
            line, col = _line_col(original_line_lengths, f["start"])
            where = f" {line}:{col}"
        out.append(f"    {f['rule']} {f['label'] or '-':<14} {f['severity']:<8}{where}")
    info = len(rec["findings"]) - len(counted)
    if info:
        out.append(f"    ({info} look-alike or general finding(s) at severity info)")
    return "\n".join(out)


def summary(counts: dict[str, int]) -> str:
    total = sum(counts.values())
    parts = ", ".join(f"{counts.get(k, 0)} {k}" for k in ("block", "warn", "pass", "error"))
    return f"{total} draft(s): {parts}"
