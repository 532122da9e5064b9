"""Every check report format against its golden file, from synthetic results (no model).

Regenerate after a deliberate format change: PHI_GUARD_UPDATE_GOLDEN=1 make test.
"""

from __future__ import annotations

import io
import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from checked_fixtures import METADATA, PACK, SECRET_WORDS, checked_set, render

from phi_guard._types import Finding, Severity
from phi_guard.report import github, human, jsondoc, junit, sarif

GOLDEN = Path(__file__).parent / "golden"
SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))

FORMATS = {
    "check.txt": lambda out, pack: human.Reporter(out, pack),
    "check.json": lambda out, pack: jsondoc.Reporter(out, METADATA),
    "check.jsonl": lambda out, pack: jsondoc.LinesReporter(out),
    "check.sarif": lambda out, pack: sarif.Reporter(out, pack, METADATA),
    "check.junit.xml": lambda out, pack: junit.Reporter(out, pack, METADATA),
    "check.github": lambda out, pack: github.Reporter(out, pack),
}


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_matches_golden(name):
    got = render(FORMATS[name])
    path = GOLDEN / name
    if os.environ.get("PHI_GUARD_UPDATE_GOLDEN"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(got, encoding="utf-8")
    assert got == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(set(FORMATS) - {"check.txt", "check.json", "check.jsonl"}))
def test_no_draft_text_outside_redacted(name):
    got = render(FORMATS[name])
    for word in SECRET_WORDS:
        assert word not in got, (name, word)


@pytest.mark.parametrize("name", ["check.json", "check.jsonl"])
def test_json_formats_hold_text_only_in_redacted(name):
    got = render(FORMATS[name])
    docs = [json.loads(got)] if name == "check.json" else [json.loads(l) for l in got.splitlines()]
    records = docs[0]["results"] if name == "check.json" else docs
    for rec in records:
        rest = json.dumps({k: v for k, v in rec.items() if k != "redacted"})
        assert not any(word in rest for word in SECRET_WORDS)
        assert not any(word in rec["redacted"] for word in SECRET_WORDS)


def test_sarif_validates_against_the_oasis_schema():
    doc = json.loads(render(FORMATS["check.sarif"]))
    jsonschema.validate(doc, SCHEMA, cls=jsonschema.Draft4Validator)


def test_sarif_follows_github_code_scanning_rules():
    run = json.loads(render(FORMATS["check.sarif"]))["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    assert ids == [r.code for r in PACK.rules]
    assert all(r["help"]["text"].startswith(f"# {r['id']} ") for r in rules)
    assert run["columnKind"] == "unicodeCodePoints"
    for res in run["results"]:
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"]
        region = res["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region.get("startColumn", 1) >= 1
    fps = [r["partialFingerprints"] for r in run["results"] if "partialFingerprints" in r]
    assert fps and all(set(fp) == {"phiGuardFinding/v1", "primaryLocationLineHash"} for fp in fps)
    assert run["properties"]["model_fingerprint"] == METADATA["model_fingerprint"]
    assert run["properties"]["started_at"] == METADATA["started_at"]


@pytest.mark.parametrize("severity, level", [(Severity.INFO, "note"), (Severity.LOW, "warning"),
                                             (Severity.MEDIUM, "warning"), (Severity.HIGH, "error"),
                                             (Severity.CRITICAL, "error")])
def test_sarif_levels_follow_severity(severity, level):
    from phi_guard.report.common import sarif_level

    assert sarif_level(severity) == level


def test_sarif_column_of_a_jsonl_finding_points_into_the_raw_line():
    checked, _ = checked_set()
    run = json.loads(render(FORMATS["check.sarif"]))["runs"][0]
    res = next(r for r in run["results"] if r["ruleId"] == "PG106")
    region = res["locations"][0]["physicalLocation"]["region"]
    raw = checked[1].item.locator  # the record's locator holds the raw line's columns
    assert region["startLine"] == 2
    item_raw = json.dumps({"id": "p-2", "text": "Caf\u00e9 note \U0001F600: call 503-555-0188 today"})
    assert item_raw[region["startColumn"] - 1:region["endColumn"] - 1] == "503-555-0188"
    assert raw is not None


def test_sarif_suppressions_for_allowance_and_baseline():
    run = json.loads(render(FORMATS["check.sarif"]))["runs"][0]
    kinds = sorted(r["suppressions"][0]["kind"] for r in run["results"] if "suppressions" in r)
    assert kinds == ["external", "inSource"]
    allowance = [a for a in run["properties"]["summary"]["allowances"]]
    assert {(a["authorization"], a["status"]) for a in allowance} == {
        ("AUTH-2026-001", "used"), ("AUTH-2026-002", "unused"), ("AUTH-2025-009", "expired")}


def test_sarif_caps_results_keeping_the_most_severe(monkeypatch):
    monkeypatch.setattr(sarif, "MAX_RESULTS", 3)
    run = json.loads(render(FORMATS["check.sarif"]))["runs"][0]
    assert len(run["results"]) == 3
    assert {r["level"] for r in run["results"]} == {"error"}
    assert run["properties"]["resultsOmitted"] > 0


def test_junit_parses_and_has_one_testcase_per_draft():
    root = ET.fromstring(render(FORMATS["check.junit.xml"]))
    cases = root.findall(".//testcase")
    assert len(cases) == 4
    assert [c.find("failure") is not None for c in cases] == [True, False, False, False]
    assert cases[2].find("error").get("type") == "PG910"
    props = {p.get("name"): p.get("value") for p in root.find("testsuite/properties")}
    assert props["phi_guard.model_fingerprint"] == "f" * 64


@pytest.mark.parametrize("bad", ["\x00", "\x07", "\x1b[31m", "\ud800", "\ufffe"])
def test_junit_sanitizes_control_characters(bad):
    assert ET.fromstring(f"<a b='{junit.clean('x' + bad + 'y')}'/>") is not None


@pytest.mark.parametrize("raw, escaped", [("a%b", "a%25b"), ("a\nb", "a%0Ab"), ("a\rb", "a%0Db")])
def test_github_escapes_data(raw, escaped):
    assert github.escape_data(raw) == escaped


@pytest.mark.parametrize("raw, escaped", [("a:b", "a%3Ab"), ("a,b", "a%2Cb"), ("a%b", "a%25b")])
def test_github_escapes_properties(raw, escaped):
    assert github.escape_property(raw) == escaped


def test_human_caret_sits_under_the_placeholder():
    out = render(FORMATS["check.txt"]).splitlines()
    i = next(n for n, line in enumerate(out) if "[PROCEDURE]" in line)
    line, caret = out[i], next(l for l in out[i + 1:] if "PG202" in l)
    assert line[caret.index("^"):].startswith("[PROCEDURE]")
    assert caret.count("^") == len("[PROCEDURE]")


@pytest.mark.parametrize("text, redacted, span, shown", [
    ("Hi Jane!", "Hi [NAME]!", (3, 7), "[NAME]"),
    ("Call 503-555-0100 now", "Call [########] now", (5, 17), "[########]"),
    ("Seen on May 3, 2024.", "Seen on 2024.", (8, 19), "2024"),
    ("Jane had a crown. Bye.", "Bye.", (0, 4), None),
])
def test_placeholder_alignment(text, redacted, span, shown):
    f = Finding(span[0], span[1], "NAME", "PG101", Severity.HIGH, 1.0, "")
    (got,) = human.placeholders(text, redacted, [f])
    assert (redacted[got[0]:got[1]] if got else None) == shown


def test_human_colour_only_when_asked():
    checked, tally = checked_set()
    plain, coloured = io.StringIO(), io.StringIO()
    for buf, colour in ((plain, False), (coloured, True)):
        rep = human.Reporter(buf, PACK, colour=colour)
        for c in checked:
            rep.add(c)
        rep.finish(tally)
    assert "\x1b[" not in plain.getvalue() and "\x1b[" in coloured.getvalue()


def test_human_neutralizes_terminal_control_characters():
    assert human._safe("a\x1b[2Jb\u202ec") == "a\ufffd[2Jb\ufffdc"
