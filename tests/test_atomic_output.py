"""Output is written atomically and mode 0600: a killed run never leaves a file that looks complete."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import time

import pytest

from phi_guard import atomic, deadline, runguard
from phi_guard.cli import main
from subproc import child_env, cli_argv, dev_drafts, write_jsonl

from conftest import DEV


def _wait_for_temp(directory, proc, timeout=90.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        temps = [p for p in directory.iterdir() if p.name.startswith(".out.jsonl.") and p.name.endswith(".tmp")]
        if temps and temps[0].stat().st_size > 0:
            return temps[0]
        if proc.poll() is not None:
            raise AssertionError(f"the run ended early ({proc.returncode}): {proc.stderr.read()}")
        time.sleep(0.05)
    raise AssertionError("no temporary output file appeared")


def _start_long_audit(directory):
    directory.mkdir()
    src = write_jsonl(directory / "in.jsonl", dev_drafts(250) * 12)  # minutes of work; stopped early
    return subprocess.Popen(cli_argv("audit", str(src), "--profile", str(DEV / "profile.json"), "--format",
                                     "jsonl", "-o", str(directory / "out.jsonl"), "--batch-size", "8"),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=child_env())


HANG = (
    "import sys, time\n"
    "from phi_guard import deadline\n"
    "from phi_guard.detectors import terms\n"
    "deadline.hard_limit = lambda limit: 1.0\n"
    "real = terms.TermDetector.detect\n"
    "def detect(self, text):\n"
    "    if 'HANG' in text:\n"
    "        time.sleep(600)\n"
    "    return real(self, text)\n"
    "terms.TermDetector.detect = detect\n"
    "from phi_guard.cli import main\n"
    "sys.exit(main(sys.argv[1:]))\n"
)


def _start_hanging_audit(directory):
    directory.mkdir()
    src = write_jsonl(directory / "in.jsonl", [{"id": 1, "text": "Flu shots are in."},
                                               {"id": 2, "text": "HANG Flu shots are in."}])
    return subprocess.Popen([cli_argv()[0], "-c", HANG, "audit", str(src), "--format", "jsonl",
                             "-o", str(directory / "out.jsonl")],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=child_env())


def _stop(proc):
    if proc.poll() is None:
        proc.kill()
        proc.wait()


def test_a_run_stopped_early_leaves_no_output_file(tmp_path):
    """Two real runs at once: one killed mid-run (SIGKILL), one whose draft hangs (the watchdog
    ends it at the hard limit). Neither leaves a file at the output path."""
    procs = {"kill": _start_long_audit(tmp_path / "kill"), "hang": _start_hanging_audit(tmp_path / "hang")}
    try:
        temp = _wait_for_temp(tmp_path / "kill", procs["kill"])
        procs["kill"].send_signal(signal.SIGKILL)
        for proc in procs.values():
            proc.wait(timeout=120)
    finally:
        for proc in procs.values():
            _stop(proc)

    def left(name):
        return sorted(p.name for p in (tmp_path / name).iterdir() if p.name != "in.jsonl")

    # nothing can clean up after SIGKILL: what is left is hidden, named .tmp, partial and 0600
    assert left("kill") == [temp.name]
    assert stat.S_IMODE(temp.stat().st_mode) == 0o600
    assert procs["hang"].returncode == 2 and left("hang") == []
    assert "ran past the hard time limit" in procs["hang"].stderr.read()


def test_sigterm_mid_run_removes_the_temporary_file(tmp_path, linter, monkeypatch, capsys):
    """A real SIGTERM to this process while records are being written."""
    import phi_guard.cli as cli

    real = cli.audit_records

    def records_then_sigterm(*args, **kwargs):
        for i, rec in enumerate(real(*args, **kwargs)):
            yield rec
            if i == 1:
                os.kill(os.getpid(), signal.SIGTERM)
                time.sleep(1)  # the handler runs before this returns

    monkeypatch.setattr(cli, "_linter", lambda *a, **k: linter)
    monkeypatch.setattr(cli, "audit_records", records_then_sigterm)
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": i, "text": "Flu shots are in."} for i in range(5)])
    before = signal.getsignal(signal.SIGTERM)
    assert main(["audit", str(src), "--format", "jsonl", "-o", str(tmp_path / "out.jsonl")]) == 2
    assert "interrupted; no output file was written" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl"]
    assert signal.getsignal(signal.SIGTERM) is before  # the handler is restored


def test_files_are_created_0600_whatever_the_umask(tmp_path, linter, monkeypatch):
    import phi_guard.cli as cli

    monkeypatch.setattr(cli, "_linter", lambda *a, **k: linter)
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": 1, "text": "Flu shots are in."}])
    old = os.umask(0)
    try:
        code = main(["audit", str(src), "--format", "jsonl", "-o", str(tmp_path / "out.jsonl"),
                     "--metadata", str(tmp_path / "meta.json")])
    finally:
        os.umask(old)
    assert code == 0
    for name in ("out.jsonl", "meta.json"):
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o600, name
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "meta.json", "out.jsonl"]


def test_atomic_writer_removes_its_temporary_file_on_any_exception(tmp_path):
    target = tmp_path / "report.txt"
    with pytest.raises(KeyboardInterrupt):
        with atomic.atomic_writer(target) as fh:
            fh.write("half a report")
            raise KeyboardInterrupt
    assert list(tmp_path.iterdir()) == []


def test_the_watchdog_ends_a_run_whose_draft_never_returns(monkeypatch):
    """In-process, with the exit replaced: a budget past its hard limit triggers the abort."""
    aborted = []
    monkeypatch.setattr(runguard, "_abort", lambda limit: aborted.append(limit))
    monkeypatch.setattr(deadline, "hard_limit", lambda limit: 0.05)
    with runguard.watchdog(interval=0.02), deadline.budget(0.01):
        time.sleep(0.4)
    assert aborted and aborted[0] == 0.01


def test_remove_temporaries_removes_what_is_being_written(tmp_path):
    with pytest.raises(FileNotFoundError):
        with atomic.atomic_writer(tmp_path / "x") as fh:
            fh.write("partial")
            assert len(atomic.remove_temporaries()) == 1
    assert list(tmp_path.iterdir()) == []


def test_metadata_is_json_with_counts(tmp_path, linter, monkeypatch):
    import phi_guard.cli as cli

    monkeypatch.setattr(cli, "_linter", lambda *a, **k: linter)
    src = tmp_path / "in.jsonl"
    src.write_bytes(b'{"id": 1, "text": "Flu shots are in."}\n\n{"id": 2, "text": 5}\n')
    assert main(["audit", str(src), "--format", "jsonl", "-o", str(tmp_path / "o.jsonl"),
                 "--metadata", str(tmp_path / "m.json")]) == 2
    meta = json.loads((tmp_path / "m.json").read_text(encoding="utf-8"))
    assert meta["counts"] == {"block": 0, "warn": 0, "pass": 1, "error": 1, "records": 2, "blank_lines": 1}
