"""Bounded time: catastrophic patterns refused at load, slow ones cut off by their timeout.

(The per-draft budget is tested in test_fail_closed.py.)
"""

from __future__ import annotations

import time

import pytest
import regex

from phi_guard import Draft, Level, RulePackError
from phi_guard.packs import builtin_pack, load_pack
from phi_guard.safety import check_patterns, slow_input

RULES = '''[[rule]]
code = "PG199"
name = "test-id"
label = "OTHER_ID"
severity = "high"
what = "w"
why = "w"
example = "e"
instead = "i"
fix = "none"
'''


def write_pack(root, patterns: dict[str, str]):
    root.mkdir()
    (root / "rules.toml").write_text(RULES, encoding="utf-8")
    body = "".join(f"[[pattern]]\nname = \"{name}\"\nlabel = \"OTHER_ID\"\nregex = '{rx}'\n\n"
                   for name, rx in patterns.items())
    (root / "patterns.toml").write_text(body, encoding="utf-8")
    return root


@pytest.mark.parametrize(
    ("source", "catastrophic"),
    [
        (r"(a+)+$", True),
        (r"(a|aa)+$", True),
        (r"(\w+\s?)+$", True),
        (r"(?i)\b(?:ref)\s*((?:\d+-?)+)x", False),  # polynomial in `regex`, not refused
        (r"\b\d{3}-\d{2}-\d{4}\b", False),
        (r"(?i)\bmrn[:#]?\s*(\d{6,10})\b", False),
    ],
)
def test_slow_input(source, catastrophic):
    assert (slow_input(regex.compile(source)) is not None) is catastrophic


def test_a_pack_with_a_catastrophic_pattern_is_refused_at_load(tmp_path):
    pack = write_pack(tmp_path / "thirdparty", {"ok-id": r"\bID-\d{6}\b", "bad-id": r"((?:[a-z]+\s?)+)$"})
    with pytest.raises(RulePackError) as info:
        load_pack(pack)
    msg = str(info.value)
    assert "pattern bad-id: catastrophic backtracking" in msg and "ok-id" not in msg


def test_a_pack_with_safe_patterns_loads(tmp_path):
    pack = load_pack(write_pack(tmp_path / "thirdparty", {"ok-id": r"\bID-\d{6}\b"}))
    assert [p.name for p in pack.patterns] == ["ok-id"]


def test_a_slow_pattern_the_load_check_lets_through_is_an_error_at_run_time(tmp_path):
    """Behind a literal word, the same nested quantifier is only quadratic in `regex` and passes
    the load check; on a long draft its run-time timeout makes the draft an ERROR."""
    from phi_guard import Linter, Settings

    pack = load_pack(write_pack(tmp_path / "thirdparty", {"ref-id": r"\bref ((?:[a-z]+\s?)+)$"}))
    slow = Linter(pack=pack, settings=Settings(regex_timeout=0.05))
    result = slow.check(Draft(text="ref " + "a" * 60_000 + "!"))
    assert result.level is Level.ERROR and result.error.startswith("PG920: timeout")


def test_the_built_in_patterns_pass_the_load_check():
    assert check_patterns(builtin_pack().patterns) == []


def test_a_slow_built_in_pattern_on_adversarial_input_is_an_error_not_a_hang(linter, monkeypatch):
    """'plate' and a long run of spaces: a built-in pattern with three \\s* in a row is cubic
    here. Its timeout makes the draft an ERROR instead of a minutes-long search. (A plate number
    at the end: without one, the pattern scanner may rule the pattern out and never run it.)"""
    monkeypatch.setattr(linter._patterns._inner, "_cap", 0.05)
    text = "Her plate" + " " * 20_000 + "! Room 1. Plate 7QX 123"
    started = time.monotonic()
    result = linter.check(Draft(text=text))
    assert result.level is Level.ERROR and result.error.startswith("PG920: timeout")
    assert time.monotonic() - started < 10
