"""docs/rules/<CODE>.md is what `phi-guard explain CODE` prints; regenerate with `make docs`."""

from __future__ import annotations

import pytest
from conftest import ROOT

from phi_guard.cli import main
from phi_guard.docs import GENERATED, stale
from phi_guard.packs import builtin_pack

RULES = ROOT / "docs" / "rules"


def test_rule_pages_are_in_sync():
    assert stale(RULES, builtin_pack()) == [], "run: python -m phi_guard.docs"


@pytest.mark.parametrize("code", [r.code for r in builtin_pack().rules])
def test_each_page_is_the_explain_output(code, capsys):
    assert main(["explain", code]) == 0
    assert (RULES / f"{code}.md").read_text(encoding="utf-8") == GENERATED + capsys.readouterr().out


def test_a_changed_pack_is_caught(tmp_path):
    from phi_guard.docs import write

    write(tmp_path, builtin_pack())
    assert stale(tmp_path, builtin_pack()) == []
    (tmp_path / "PG101.md").write_text("edited by hand\n")
    (tmp_path / "PG999.md").write_text(GENERATED + "a rule that is gone\n")
    assert stale(tmp_path, builtin_pack()) == ["PG101.md", "PG999.md"]
