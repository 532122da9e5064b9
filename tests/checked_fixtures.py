"""Synthetic Checked items for the report tests: fixed Results, no model, so golden files only
change when a report's format does. Every name, number and date here is made up."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

from phi_guard._types import Draft, Finding, Level, Result, Severity
from phi_guard.allow import Allowance
from phi_guard.baseline import Baseline, Entry, Tracker
from phi_guard.checking import RunOptions, Tally, finish
from phi_guard.fingerprint import Fingerprinter
from phi_guard.inputs import Item
from phi_guard.locate import RecordLocator, TextLocator
from phi_guard.packs import Rule, RulePack
from phi_guard.suppress import Policy

TODAY = dt.date(2026, 6, 1)
METADATA = {"tool": "phi-guard", "version": "0.0.0-test", "model_fingerprint": "f" * 64,
            "rule_pack_hash": "sha256:" + "a" * 64, "profile_hash": None,
            "settings": {"select": [], "ignore": [], "warn_as_block": False}, "fingerprints": "identity-sha256",
            "started_at": "2026-06-01T08:00:00Z", "scope": "text only"}
def _rule(code: str, name: str, label: str | None, severity: str) -> Rule:
    return Rule(code, name, label, Severity(severity), f"Finds {name}.", "45 CFR 164.514(b)(2).",
                "An example.", "Write this instead.", "unsafe: a person reviews it")


# A fixed pack, so the golden files do not move when the built-in rules' docs do.
PACK = RulePack("test", Path("."), tuple(_rule(*r) for r in (
    ("PG101", "person-name", "NAME", "high"), ("PG104", "date-element", "DATE", "medium"),
    ("PG106", "phone-number", "PHONE", "high"), ("PG201", "health-condition", "CONDITION", "high"),
    ("PG202", "health-procedure", "PROCEDURE", "high"), ("PG214", "story-without-authorization", None, "high"),
    ("PG910", "invalid-input", None, "critical"))), ())
SECRET_WORDS = ("Zebulon", "apicoectomy", "503-555-0188", "Quartermaine")


def _f(text: str, needle: str, label: str | None, rule: str, sev: Severity, nth: int = 0) -> Finding:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return Finding(start, start + len(needle), label, rule, sev, 0.8, f"{rule} test")


def text_item() -> tuple[Item, Result]:
    text = "Thanks Zebulon, glad your apicoectomy went well.\nSee you again on May 3.\n"
    findings = (
        _f(text, "Zebulon", "NAME", "PG101", Severity.HIGH),
        _f(text, "apicoectomy", "PROCEDURE", "PG202", Severity.HIGH),
        _f(text, "May 3", "DATE", "PG104", Severity.MEDIUM),
        Finding(0, 0, None, "PG214", Severity.HIGH, 0.7, "PG214 test"),
        _f(text, "well", "CONDITION", "PG201", Severity.INFO),
    )
    result = Result(Level.BLOCK, 94, findings, "Thanks [NAME], glad your [PROCEDURE] went well.\nSee you again on [DATE].",
                    ("PG101", "PG104", "PG202", "PG214"))
    allow = (Allowance("PG214", "AUTH-2026-001", "story release on file", "Dana Lee", dt.date(2027, 1, 31)),
             Allowance("PG106", "AUTH-2026-002", "old phone", "Dana Lee", dt.date(2027, 1, 31)),
             Allowance("PG101", "AUTH-2025-009", "expired release", "Dana Lee", dt.date(2026, 1, 31)))
    item = Item("posts/thanks.md", 1, "posts/thanks.md", Draft(text=text), None, allow, TextLocator(text))
    return item, result


def record_item() -> tuple[Item, Result]:
    raw = json.dumps({"id": "p-2", "text": "Caf\u00e9 note \U0001F600: call 503-555-0188 today"}, ensure_ascii=True)
    text = json.loads(raw)["text"]
    findings = (_f(text, "503-555-0188", "PHONE", "PG106", Severity.MEDIUM),)
    result = Result(Level.WARN, 28, findings, "Caf\u00e9 note \U0001F600: call [########] today", ("PG106",), id="p-2")
    item = Item("drafts/posts.jsonl", 2, "drafts/posts.jsonl#p-2", Draft(text=text, id="p-2"), None, (),
                RecordLocator(raw, 2), "p-2")
    return item, result


def error_item() -> tuple[Item, Result]:
    item = Item("drafts/posts.jsonl", 3, "drafts/posts.jsonl:3", None, "PG910: invalid_json: not valid JSON (column 1)")
    result = Result(Level.ERROR, 100, (), "", ("PG910",), error=item.error)
    return item, result


def baselined_item() -> tuple[Item, Result, str]:
    text = "Congrats Quartermaine on the marathon!"
    findings = (_f(text, "Quartermaine", "NAME", "PG101", Severity.MEDIUM),)
    result = Result(Level.WARN, 24, findings, "Congrats [NAME] on the marathon!", ("PG101",))
    item = Item("posts/old.txt", 1, "posts/old.txt", Draft(text=text), None, (), TextLocator(text))
    fp = Fingerprinter().of_all(item.identity, text, findings)[0]
    return item, result, fp


def checked_set():
    """(list of Checked, Tally) for the four synthetic drafts, as ``phi-guard check`` makes them."""
    old_item, old_result, old_fp = baselined_item()
    baseline = Baseline("identity-sha256", None, (
        Entry(old_fp, "posts/old.txt", "posts/old.txt", "PG101", "NAME", None),
        Entry("0" * 64, "posts/old.txt", "posts/old.txt", "PG104", "DATE", None)))
    tracker = Tracker(baseline, TODAY)
    opts = RunOptions(Policy(), Fingerprinter(), tracker, None, TODAY)
    tally = Tally()
    out = []
    for item, result in (text_item(), record_item(), error_item(), (old_item, old_result)):
        c = finish(item, result, opts)
        tally.add(c)
        out.append(c)
    tally.stale = tracker.stale()
    return out, tally


def render(reporter_factory) -> str:
    checked, tally = checked_set()
    buf = io.StringIO()
    reporter = reporter_factory(buf, PACK)
    for c in checked:
        reporter.add(c)
    reporter.finish(tally)
    return buf.getvalue()
