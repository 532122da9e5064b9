"""Write docs/rules/<CODE>.md (and an index) from the rule pack: ``python -m phi_guard.docs``.

Each page is exactly what ``phi-guard explain CODE`` prints, under a line saying it is
generated; ``--check`` exits 1 when a page is missing or out of date (the test suite runs it).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .packs import RulePack, builtin_pack
from .ruledocs import explain_text

GENERATED = (
    "<!-- Generated from rules/core/rules.toml by `python -m phi_guard.docs`; do not edit. -->\n"
)


def pages(pack: RulePack) -> dict[str, str]:
    """File name -> content for every rule, and README.md, the index."""
    out = {f"{r.code}.md": GENERATED + explain_text(r) for r in pack.rules}
    rows = "".join(
        f"| [{r.code}]({r.code}.md) | {r.name} | {r.severity.value} | {r.label or '-'} |\n"
        for r in pack.rules
    )
    out["README.md"] = (
        GENERATED + "# Rules\n\nEvery rule of the built-in pack; `phi-guard rules` lists "
        "them and `phi-guard explain CODE` prints a page.\n\n"
        "| code | name | severity | label |\n|---|---|---|---|\n" + rows
    )
    return out


def stale(folder: Path, pack: RulePack) -> list[str]:
    """Pages missing or different, and generated pages of rules that no longer exist."""
    want = pages(pack)
    bad = [
        name
        for name, text in want.items()
        if not (folder / name).is_file() or (folder / name).read_text(encoding="utf-8") != text
    ]
    extra = [
        p.name
        for p in folder.glob("*.md")
        if p.name not in want and p.read_text(encoding="utf-8").startswith(GENERATED)
    ]
    return sorted(bad + extra)


def write(folder: Path, pack: RulePack) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    want = pages(pack)
    for p in folder.glob("*.md"):
        if p.name not in want and p.read_text(encoding="utf-8").startswith(GENERATED):
            p.unlink()
    for name, text in want.items():
        (folder / name).write_text(text, encoding="utf-8", newline="\n")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m phi_guard.docs", description=__doc__.splitlines()[0]
    )
    ap.add_argument("--out", type=Path, default=Path("docs/rules"))
    ap.add_argument("--check", action="store_true", help="exit 1 when the pages are out of date")
    args = ap.parse_args(argv)
    pack = builtin_pack()
    if args.check:
        bad = stale(args.out, pack)
        if bad:
            print(
                f"out of date in {args.out}: {', '.join(bad)}; run python -m phi_guard.docs",
                file=sys.stderr,
            )
            return 1
        return 0
    write(args.out, pack)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
