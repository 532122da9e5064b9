"""No network and no PHI outside `redacted`: a whole audit in a fresh interpreter, at debug level.

The child runs under an audit hook that refuses every connection and name lookup
(tests/guarded_run.py) and with a detector that logs the draft text through every channel a
careless dependency might use. Nothing of the draft may reach stderr, the metadata, the text
report (outside its "suggested:" lines, which are the redacted text) or the JSONL output
(outside the `redacted` field, CONTRACTS 6).
"""

from __future__ import annotations

import ast
import json
import logging
import subprocess
from pathlib import Path

import pytest

from phi_guard.canary import CANARY_VALUES
from phi_guard.logs import RedactingFilter, Safe
from subproc import PYTHON, child_env, write_jsonl

from conftest import DEV, ROOT

HERE = Path(__file__).parent
DRAFTS = [
    {"id": "n1", "text": "Email ottoline.farquharson@example.com about Zebulon Quartermaine's HIV test results."},
    {"id": "n2", "text": "Read Harold Brightwater's recovery story at https://www.brightwater-recovery.example/story "
                         "or www.zebulon-strong.org today!"},
    {"id": "n3", "kind": "reply", "in_reply_to": {"author": "Ottoline F.", "text": "Thanks!"},
     "text": "Ottoline, so glad your MRN 00482913 chart is updated after your root canal."},
    {"id": "n4", "text": "Margaret Pemberton was diagnosed with breast cancer."},  # the injected fault
    {"id": "n5", "text": "Flu shots are in! Call (503) 555-0142 or write hello@cedarhollowhealth.example."},
]


VALUES = (*CANARY_VALUES, "Pemberton", "brightwater-recovery", "zebulon-strong")


def leaks(text: str) -> list[str]:
    return [v for v in VALUES if v.lower() in text.lower()]


@pytest.fixture(scope="module")
def guarded_audit(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("guarded")
    src = write_jsonl(tmp / "in.jsonl", DRAFTS)
    profile = str(DEV / "profile.json")
    common = ["audit", str(src), "--profile", profile, "--log-level", "debug"]
    proc = subprocess.run(
        [PYTHON, str(HERE / "guarded_run.py"), str(tmp / "events.json"), "--inject", "--",
         *common, "--format", "jsonl", "-o", str(tmp / "out.jsonl"), "--metadata", str(tmp / "meta.json"),
         "--", *common, "--format", "text",
         "--", *common, "--format", "jsonl"],
        capture_output=True, text=True, timeout=300, env=child_env(), cwd=tmp)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return tmp, proc, json.loads((tmp / "events.json").read_text(encoding="utf-8"))


def test_a_whole_audit_makes_no_network_attempt(guarded_audit):
    _, _, run = guarded_audit
    assert run["codes"] == [2, 2, 2]  # n4 is an error record (the injected fault); all ran
    assert run["probe"] == "refused"  # the hook was live
    assert run["events"] == ["socket.getaddrinfo"]  # the probe's lookup, and nothing before it


def test_no_canary_value_in_stderr(guarded_audit):
    _, proc, _ = guarded_audit
    assert "message withheld" in proc.stderr  # the injected third-party records did arrive
    assert "internal error" in proc.stderr  # and the injected fault was logged, by type only
    assert leaks(proc.stderr) == []


def test_no_canary_value_outside_redacted(guarded_audit):
    tmp, proc, _ = guarded_audit
    records = [json.loads(line) for line in (tmp / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == [d["id"] for d in DRAFTS]
    assert records[3]["level"] == "error" and records[3]["error"] == "PG930: internal error in terms (ValueError)"
    for rec in records:
        rest = {k: v for k, v in rec.items() if k != "redacted"}
        assert leaks(json.dumps(rest)) == [], rec["id"]
    assert leaks((tmp / "meta.json").read_text(encoding="utf-8")) == []
    lines = proc.stdout.splitlines()
    assert lines[0].startswith("# phi-guard ") and sum(line.startswith("{") for line in lines) == len(DRAFTS)
    for line in lines:  # the text report, then the JSONL report
        if line.startswith("{"):
            rec = json.loads(line)
            rec.pop("redacted")
            assert leaks(json.dumps(rec)) == [], rec["id"]
        elif not line.startswith("    suggested:"):  # the redacted text, in the text report
            assert leaks(line) == [], line


@pytest.mark.parametrize(
    ("name", "msg", "args", "shown"),
    [
        ("phi_guard", "internal error in stage %s (%s)", (Safe("terms"), Safe("ValueError")),
         "internal error in stage terms (ValueError)"),
        ("phi_guard", "draft %s", ("Zebulon Quartermaine",), "draft str"),
        ("phi_guard", "one word %s", ("Zebulon",), "one word str"),  # an identifier-like word too
        ("phi_guard", "count %d in %.1f s", (3, 0.5), "count 3 in 0.5 s"),
        ("presidio-analyzer", "Failed to validate text %s", ("Zebulon",), "[presidio-analyzer] message withheld"),
        ("some.lib", "found Zebulon", (), "[some.lib] message withheld"),
        ("py.warnings", "strange text: Zebulon", (), "[py.warnings] message withheld"),
    ],
)
def test_the_redacting_filter(name, msg, args, shown):
    record = logging.LogRecord(name, logging.ERROR, __file__, 1, msg, args, None)
    assert RedactingFilter().filter(record)
    assert record.getMessage().startswith(shown) and "Zebulon" not in record.getMessage()


def test_the_filter_drops_tracebacks_and_quiet_third_party_records():
    try:
        raise ValueError("Zebulon Quartermaine")
    except ValueError:
        import sys

        exc_info = sys.exc_info()
    record = logging.LogRecord("phi_guard", logging.ERROR, __file__, 1, "failed", (), exc_info)
    RedactingFilter().filter(record)
    assert record.exc_info is None and record.exc_text is None
    debug = logging.LogRecord("spacy", logging.DEBUG, __file__, 1, "x", (), None)
    assert RedactingFilter().filter(debug) is False


def _log_calls(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and node.func.attr in {"debug", "info", "warning", "error", "exception", "critical", "log"} \
                and isinstance(node.func.value, ast.Name) and node.func.value.id in {"log", "logger", "logging"}:
            yield node


def test_every_log_message_in_phi_guard_is_a_constant_string():
    """A message built with an f-string or % from a value would carry that value past the filter."""
    offenders = []
    for path in sorted((ROOT / "src" / "phi_guard").rglob("*.py")):
        for call in _log_calls(ast.parse(path.read_text(encoding="utf-8"))):
            first = call.args[1] if call.func.attr == "log" and len(call.args) > 1 else (call.args[0] if call.args else None)
            if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
                offenders.append(f"{path.name}:{call.lineno}")
            if any(k.arg in ("exc_info", "stack_info") for k in call.keywords) or call.func.attr == "exception":
                offenders.append(f"{path.name}:{call.lineno} (traceback)")
    assert offenders == []
