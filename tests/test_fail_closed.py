"""Fail closed: every fault inside one draft is that draft's ERROR; nothing degrades into a pass.

Faults are injected into the shared linter with monkeypatch (undone after each test).
"""

from __future__ import annotations

import json
import time

import pytest

from phi_guard import Draft, Level, ModelError, model
from phi_guard import guard
from phi_guard.canary import CANARIES, self_test
from phi_guard.cli import main

PHI = "Zebulon Quartermaine came in today for his chemotherapy."


class Boom(RuntimeError):
    pass


def boom(*args, **kwargs):
    raise Boom("Zebulon Quartermaine")  # a message quoting input must never reach the result


def assert_error(result, code: str, *words: str) -> None:
    assert result.level is Level.ERROR and result.blocks
    assert result.error.startswith(f"{code}: ")
    assert result.reasons == (code,) and result.findings == () and result.redacted == ""
    for w in words:
        assert w in result.error
    assert "Zebulon" not in result.error


@pytest.mark.parametrize(
    ("attr", "method", "stage"),
    [
        ("_presidio", "detect", "presidio"),
        ("_patterns", "detect", "patterns"),
        ("_terms", "detect", "terms"),
        ("_names", "detect", "names"),
    ],
)
def test_a_detector_that_raises_makes_the_draft_an_error(linter, monkeypatch, attr, method, stage):
    inner = getattr(linter, attr)._inner
    monkeypatch.setattr(inner, method, boom)
    assert_error(linter.check(Draft(text=PHI)), "PG930", f"internal error in {stage}", "Boom")


@pytest.mark.parametrize("target", ["phi_guard.linter.normalize", "phi_guard.linter.judge",
                                    "phi_guard.linter.redact", "phi_guard.linter.merge"])
def test_a_later_stage_that_raises_makes_the_draft_an_error(linter, monkeypatch, target):
    monkeypatch.setattr(target, boom)
    assert_error(linter.check(Draft(text=PHI)), "PG930", "Boom")


class FlakyNlp:
    """The real pipeline, except for texts holding BOOM."""

    def __init__(self, nlp):
        self.nlp = nlp

    def __getattr__(self, name):  # tag(), pos() and the rest: the real parser's
        return getattr(self.nlp, name)

    def __call__(self, text):
        if "BOOM" in text:
            raise Boom(text)
        return self.nlp(text)

    def pipe(self, texts):
        texts = list(texts)
        if any("BOOM" in t for t in texts):
            raise Boom("pipe")
        return self.nlp.pipe(texts)


def test_a_parse_failure_stays_with_its_draft_in_a_batch(linter, monkeypatch):
    monkeypatch.setattr(linter, "_nlp", FlakyNlp(linter._nlp))
    drafts = [Draft(text=PHI, id=1), Draft(text="BOOM " + PHI, id=2), Draft(text="Flu shots today.", id=3)]
    results = list(linter.check_many(drafts, batch_size=3))
    assert [r.id for r in results] == [1, 2, 3]
    assert results[0].level is Level.BLOCK and results[2].level is Level.PASS
    assert_error(results[1], "PG930", "internal error in parse")
    assert results == [linter.check(d) for d in drafts]


def test_a_pattern_timeout_is_an_error(linter, monkeypatch):
    monkeypatch.setattr(linter._patterns._inner, "_cap", 1e-9)
    assert_error(linter.check(Draft(text=PHI + " x" * 200)), "PG920", "pattern")


def test_presidio_swallowing_its_regex_timeout_is_an_error(linter, monkeypatch):
    """Presidio logs a timed-out pattern and skips it; phi-guard must not pass that draft."""
    import sys

    for name in guard.PRESIDIO_TIMEOUT_MODULES:  # the seam exists in the installed Presidio
        assert hasattr(sys.modules[name], "REGEX_TIMEOUT_SECONDS"), name
    monkeypatch.setattr(sys.modules["presidio_analyzer.pattern_recognizer"], "REGEX_TIMEOUT_SECONDS", 1e-9)
    text = "Flu shots are in. " * 400 + "Call 503-555-0142 or visit https://example.org today."
    assert_error(linter.check(Draft(text=text)), "PG920", "pattern")


def test_presidio_timeouts_are_capped_to_ours(linter, monkeypatch):
    """One value per process: the largest regex_timeout of the Linters built, never 60 s."""
    import sys

    monkeypatch.setattr(guard, "_presidio_cap", None)
    for name in guard.PRESIDIO_TIMEOUT_MODULES:
        monkeypatch.setattr(sys.modules[name], "REGEX_TIMEOUT_SECONDS", 60)
    assert guard.cap_presidio_timeouts(2.0) == 2.0
    assert guard.cap_presidio_timeouts(0.05) == 2.0  # a tiny one does not lower it for the others
    assert guard.cap_presidio_timeouts(3.0) == 3.0
    for name in guard.PRESIDIO_TIMEOUT_MODULES:
        assert sys.modules[name].REGEX_TIMEOUT_SECONDS == 3.0


def test_a_draft_past_its_budget_is_an_error(linter, monkeypatch):
    from phi_guard import Settings

    monkeypatch.setattr(linter, "settings", Settings(draft_timeout=1e-6))
    assert_error(linter.check(Draft(text=PHI)), "PG920", "time budget")
    assert_error(next(iter(linter.check_many([Draft(text=PHI)]))), "PG920", "time budget")


def test_a_slow_stage_is_cut_off_at_its_next_checkpoint(linter, monkeypatch):
    from phi_guard import Settings

    inner = linter._terms._inner
    real = inner.detect
    monkeypatch.setattr(inner, "detect", lambda text: (time.sleep(0.3), real(text))[1])
    monkeypatch.setattr(linter, "settings", Settings(draft_timeout=0.1))
    started = time.monotonic()
    result = linter.check(Draft(text=PHI))
    assert_error(result, "PG920", "time budget")
    assert time.monotonic() - started < 2.0  # the names stage and later ones never ran


def test_the_canary_blocks(linter, bare_linter):
    """The CI self-test: drafts with known PHI block, with the labels they must find."""
    assert self_test(linter) == []
    assert self_test(bare_linter) == []
    assert len(CANARIES) >= 5


def test_vocative_given_name(bare_linter):
    assert bare_linter.check(Draft(text="Ottoline, your biopsy results are ready.")).level is Level.BLOCK


def test_email_with_results(bare_linter):
    text = "Email ottoline.farquharson@example.com: your biopsy results are ready, Ottoline."
    assert bare_linter.check(Draft(text=text)).level is Level.BLOCK


class FindsNothing:
    """A linter whose detectors are broken: everything passes."""

    def __init__(self, real):
        self.real = real

    def __getattr__(self, name):
        return getattr(self.real, name)

    def check(self, draft):
        from dataclasses import replace

        return replace(self.real.check(draft), level=Level.PASS, findings=(), risk=0)


def write_input(tmp_path, texts):
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in enumerate(texts)), encoding="utf-8")
    return src


def test_a_broken_linter_fails_the_canary_and_the_run(tmp_path, monkeypatch, linter, capsys):
    import phi_guard.cli as cli

    monkeypatch.setattr(cli, "_linter", lambda *a, **k: FindsNothing(linter))
    out = tmp_path / "out.jsonl"
    code = main(["audit", str(write_input(tmp_path, [PHI])), "--format", "jsonl", "-o", str(out)])
    err = capsys.readouterr().err
    assert code == 2
    assert "self-test failed" in err and "canary 'named-patient-procedure' gave pass" in err
    assert not out.exists() and list(tmp_path.iterdir()) == [tmp_path / "in.jsonl"]


def test_the_self_test_command_passes(capsys):
    assert main(["self-test"]) == 0
    assert "self-test passed" in capsys.readouterr().out


def test_an_altered_model_refuses_to_start(tmp_path, monkeypatch, capsys):
    spec = model.expected_model()
    monkeypatch.setattr(model, "expected_model",
                        lambda: model.ModelSpec(spec.package, spec.version, spec.data_dir, "0" * 64))
    model.verified_model_path.cache_clear()
    try:
        out = tmp_path / "out.jsonl"
        code = main(["audit", str(write_input(tmp_path, [PHI])), "--format", "jsonl", "-o", str(out)])
        assert code == 2 and not out.exists()
        assert "PG903" in capsys.readouterr().err
    finally:
        monkeypatch.undo()
        model.verified_model_path.cache_clear()


def test_a_model_file_changed_on_disk_is_refused(tmp_path, monkeypatch):
    """Copy the installed model, change one byte of one file: the fingerprint check refuses it."""
    import shutil
    import sys

    real_dir, _ = model.verified_model_path()
    spec = model.expected_model()
    pkg = tmp_path / "altered_model_pkg"
    shutil.copytree(real_dir, pkg / spec.data_dir)
    (pkg / "__init__.py").write_text("", encoding="utf-8")
    cfg = pkg / spec.data_dir / "meta.json"
    cfg.write_bytes(cfg.read_bytes().replace(b"{", b"{ ", 1))
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(model, "expected_model",
                        lambda: model.ModelSpec("altered_model_pkg", spec.version, spec.data_dir, spec.sha256))
    model.verified_model_path.cache_clear()
    try:
        with pytest.raises(ModelError, match="fingerprint"):
            model.verified_model_path()
    finally:
        monkeypatch.undo()
        sys.modules.pop("altered_model_pkg", None)
        model.verified_model_path.cache_clear()


def test_an_unexpected_exception_in_the_cli_is_exit_2_without_its_message(tmp_path, monkeypatch, capsys, linter):
    import phi_guard.cli as cli

    monkeypatch.setattr(cli, "_linter", lambda *a, **k: linter)
    monkeypatch.setattr(cli, "audit_records", boom)
    out = tmp_path / "out.jsonl"
    assert main(["audit", str(write_input(tmp_path, [PHI])), "--format", "jsonl", "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "PG930: internal error (Boom)" in err and "Zebulon" not in err
    assert not out.exists()


def test_a_failed_run_leaves_an_existing_output_untouched(tmp_path, monkeypatch, linter):
    import phi_guard.cli as cli

    monkeypatch.setattr(cli, "_linter", lambda *a, **k: linter)
    out = tmp_path / "out.jsonl"
    out.write_text("the previous report\n", encoding="utf-8")
    monkeypatch.setattr(cli, "audit_records", boom)
    assert main(["audit", str(write_input(tmp_path, [PHI])), "--format", "jsonl", "-o", str(out)]) == 2
    assert out.read_text(encoding="utf-8") == "the previous report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "out.jsonl"]
