"""The pre-commit hook definition and the sample config in the docs."""

from __future__ import annotations

import re

import pytest
import yaml
from conftest import ROOT

HOOKS = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))


def test_the_hook():
    (hook,) = HOOKS
    assert hook["id"] == "phi-guard" and hook["require_serial"] is True
    assert hook["entry"].split()[:2] == ["phi-guard", "check"]


@pytest.mark.parametrize("path, matched", [("posts/a.txt", True), ("posts/a.md", True), ("drafts.jsonl", True),
                                           ("src/app.py", False), ("notes.md.bak", False), ("a.json", False)])
def test_files_pattern(path, matched):
    assert bool(re.search(HOOKS[0]["files"], path)) is matched


def test_the_sample_config_in_the_docs_uses_the_hook():
    text = (ROOT / "docs" / "getting-started.md").read_text(encoding="utf-8")
    block = text.split("```yaml\n", 1)[1].split("```", 1)[0]
    config = yaml.safe_load(block)
    hooks = [h for repo in config["repos"] for h in repo["hooks"]]
    assert any(h["id"] == "phi-guard" for h in hooks)
