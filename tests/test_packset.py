"""Third-party rule packs: loaded by path, combined after the built-in pack; code collisions fail."""

from __future__ import annotations

import pytest

from phi_guard import RulePackError
from phi_guard.packset import load_packs

RULE = """[[rule]]
code = "{code}"
name = "{name}"
severity = "medium"
what = "w"
why = "y"
example = "e"
instead = "i"
fix = "f"
"""


def pack(tmp_path, name, code):
    folder = tmp_path / name
    folder.mkdir()
    (folder / "rules.toml").write_text(RULE.format(code=code, name=f"{name}-rule"))
    return str(folder)


def test_a_pack_by_path_adds_its_rules(tmp_path):
    packs = load_packs([pack(tmp_path, "acme", "PG301")])
    codes = [r.code for r in packs.pack.rules]
    assert codes[-1] == "PG301" and "PG101" in codes
    assert packs.names == ("core", "acme") and len(packs.dirs) == 2
    assert packs.pack.rule("PG301").name == "acme-rule"


def test_a_code_collision_is_a_hard_error(tmp_path):
    with pytest.raises(RulePackError, match="PG101 is defined by both pack 'core' and pack 'acme'"):
        load_packs([pack(tmp_path, "acme", "PG101")])


@pytest.mark.parametrize("spec, message", [("./nowhere", "does not exist"), ("no-such-entry-point", "no rule pack entry point")])
def test_unknown_packs(spec, message):
    with pytest.raises(RulePackError, match=message):
        load_packs([spec])
