"""A rule's docs, in one place: what ``phi-guard explain`` prints, SARIF's help text, and
``docs/rules/<CODE>.md`` (written by ``python -m phi_guard.docs``)."""

from __future__ import annotations

from .packs import Rule


def explain_text(r: Rule) -> str:
    return (
        f"# {r.code} ({r.name})\n\nLabel: {r.label or '-'}    Default severity: {r.severity.value}\n\n"
        f"## What it does\n{r.what}\n\n## Why it matters\n{r.why}\n\n## Example\n{r.example}\n\n"
        f"## Use instead\n{r.instead}\n\n## Fix safety\n{r.fix}\n"
    )
