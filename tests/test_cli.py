"""`phi-guard audit`: one output line per input record, in order; exit status per CONTRACTS."""

from __future__ import annotations

import json

from phi_guard.cli import main

from conftest import DEV


def write(tmp_path, lines):
    p = tmp_path / "in.jsonl"
    p.write_bytes(b"".join(lines))
    return p


def run(tmp_path, lines, *extra):
    src = write(tmp_path, lines)
    out = tmp_path / "out.jsonl"
    code = main(["audit", str(src), "--profile", str(DEV / "profile.json"), "--format", "jsonl", "-o", str(out), *extra])
    return code, [json.loads(l) for l in out.read_text(encoding="utf-8").splitlines()]


def test_exit_zero_when_nothing_blocks(tmp_path):
    code, recs = run(tmp_path, [b'{"id": 1, "text": "Flu shots are in! Call (503) 555-0142."}\n'])
    assert code == 0 and recs[0]["level"] == "pass"


def test_exit_one_when_a_draft_blocks(tmp_path):
    code, recs = run(tmp_path, [b'{"id": 1, "kind": "reply", "in_reply_to": {"author": "Jane D."}, '
                                b'"text": "Jane, sorry your visit ran late."}\n'])
    assert code == 1 and recs[0]["level"] == "block"


def test_error_record_wins_and_nothing_is_lost(tmp_path):
    lines = [b'{"id": 1, "kind": "reply", "in_reply_to": {"author": "Jane D."}, "text": "Jane, sorry your visit ran late."}\n',
             b'not json\n', b'\n', b'{"id": 3, "text": "hello"}\n']
    code, recs = run(tmp_path, lines)
    assert code == 2
    assert [r["line"] for r in recs] == [1, 2, 4]
    assert [r["level"] for r in recs] == ["block", "error", "pass"]
    assert recs[1]["error"].startswith("PG910: invalid_json")


def test_exit_zero_flag_leaves_errors_alone(tmp_path):
    code, _ = run(tmp_path, [b'{"id": 1, "kind": "reply", "in_reply_to": {"author": "Jane D."}, '
                             b'"text": "Jane, sorry your visit ran late."}\n'], "--exit-zero")
    assert code == 0


def test_output_holds_no_text_but_redacted(tmp_path):
    secret = "Zebulon Quartermaine"
    code, recs = run(tmp_path, [json.dumps({"id": 1, "text": f"{secret} came in for his chemo today."}).encode() + b"\n"])
    rec = dict(recs[0])
    rec.pop("redacted")
    assert secret not in json.dumps(rec)
    assert "Zebulon" not in recs[0]["redacted"]


def test_usage_error_is_two(capsys):
    assert main(["audit"]) == 2
    assert main(["frobnicate"]) == 2


def test_rules_and_explain(capsys):
    assert main(["rules"]) == 0
    assert "PG210" in capsys.readouterr().out
    assert main(["explain", "PG101"]) == 0
    out = capsys.readouterr().out
    assert "164.514(b)(2)" in out and "## Use instead" in out
    assert main(["explain", "PG999"]) == 2
