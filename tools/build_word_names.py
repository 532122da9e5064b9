"""Build rules/core/names/word_names.txt: surnames and first names that are also English words.

Source: Debian's `wamerican` word list (/usr/share/dict/american-english, SCOWL, permissive
license) intersected with the pack's own surnames.txt and first_names.txt. Used so that a
capitalized ordinary word ("Messenger", "Hollywood", "Kindness") is not read as a surname on
the strength of the Census list alone. Run: python3 tools/build_word_names.py
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NAMES = ROOT / "rules" / "core" / "names"
WORDS = Path("/usr/share/dict/american-english")


def read(path: Path) -> set[str]:
    return {l.strip().lower() for l in path.read_text(encoding="utf-8").splitlines() if l.strip() and not l.startswith("#")}


def main() -> None:
    words = {w.strip() for w in WORDS.read_text(encoding="utf-8").splitlines()}
    lower = {w for w in words if w.islower() and w.isalpha() and len(w) >= 3}
    names = read(NAMES / "surnames.txt") | read(NAMES / "first_names.txt")
    out = sorted(lower & names)
    header = [
        "# Surnames and first names that are also lowercase English words (ordinary-word readings).",
        f"# source: Debian wamerican (SCOWL; permissive) x rules/core/names/{{surnames,first_names}}.txt; built {dt.date.today()}",
        "# by tools/build_word_names.py. A name guess that is only one of these needs context.",
    ]
    (NAMES / "word_names.txt").write_text("\n".join(header + out) + "\n", encoding="utf-8")
    print(len(out))


if __name__ == "__main__":
    main()
