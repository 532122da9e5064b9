"""The policy the CLI applies after the linter: it never lowers a level something still drives."""

from __future__ import annotations

import datetime as dt

import pytest

from phi_guard._types import Finding, Level, Result, Severity
from phi_guard.allow import Allowance
from phi_guard.suppress import Policy, apply

TODAY = dt.date(2026, 6, 1)
H, M, I = Severity.HIGH, Severity.MEDIUM, Severity.INFO


def f(rule, sev=H, label="NAME", start=0):
    return Finding(start, start + 4, label, rule, sev, 0.9, "")


def result(level, *findings):
    reasons = tuple(sorted({x.rule for x in findings if x.severity is not I}))
    return Result(level, {Level.BLOCK: 90, Level.WARN: 30, Level.PASS: 0}[level], findings, "r", reasons)


def run(res, policy=Policy(), allow=(), baselined=()):
    return apply(res, [str(i) for i in range(len(res.findings))], policy, allow, TODAY, baselined)


def allowance(rule, expires=dt.date(2027, 1, 1)):
    return Allowance(rule, "AUTH-1", "r", "Dana Lee", expires)


BLOCK = result(Level.BLOCK, f("PG101"), f("PG202", label="PROCEDURE", start=10), f("PG203", I, "MEDICATION", 20))


@pytest.mark.parametrize("policy, level, rules", [
    (Policy(), Level.BLOCK, ["PG101", "PG202", "PG203"]),
    (Policy(ignore=("PG202",)), Level.BLOCK, ["PG101", "PG203"]),
    (Policy(ignore=("PG1", "PG202")), Level.PASS, ["PG203"]),
    (Policy(select=("PG2",)), Level.BLOCK, ["PG202", "PG203"]),
    (Policy(select=("PG203",)), Level.PASS, ["PG203"]),
    (Policy(severity=(("PG1", I), ("PG202", I))), Level.PASS, ["PG101", "PG202", "PG203"]),
])
def test_select_ignore_and_severity(policy, level, rules):
    out = run(BLOCK, policy)
    assert out.result.level is level
    assert [x.rule for x in out.result.findings] == rules
    assert (out.result.risk == 0) == (level is Level.PASS)


def test_severity_never_promotes_an_info_finding():
    out = run(BLOCK, Policy(severity=(("PG2", Severity.CRITICAL),)))
    assert [x.severity for x in out.result.findings] == [H, Severity.CRITICAL, I]


def test_most_specific_severity_wins():
    out = run(BLOCK, Policy(severity=(("PG2", M), ("PG202", Severity.LOW))))
    assert out.result.findings[1].severity is Severity.LOW


@pytest.mark.parametrize("res, warn_as_block, level", [
    (result(Level.WARN, f("PG101", M)), True, Level.BLOCK),
    (result(Level.WARN, f("PG101", M)), False, Level.WARN),
    (result(Level.PASS, f("PG203", I, "MEDICATION")), True, Level.PASS),
])
def test_warn_as_block(res, warn_as_block, level):
    assert run(res, Policy(warn_as_block=warn_as_block)).result.level is level


def test_an_error_result_is_never_changed():
    err = Result(Level.ERROR, 100, (), "", ("PG910",), error="PG910: x")
    out = run(err, Policy(ignore=("PG1",)), [allowance("PG1")])
    assert out.result == err
    assert [u.status for u in out.allowances] == ["unused"]


def test_allowances_used_unused_expired():
    allow = [allowance("PG1"), allowance("PG2"), allowance("PG4"), allowance("PG202", dt.date(2026, 5, 31))]
    out = run(BLOCK, allow=allow)
    assert [(u.status, u.findings) for u in out.allowances] == [("used", 1), ("used", 1), ("unused", 0), ("expired", 0)]
    assert [s.finding.rule for s in out.suppressed] == ["PG101", "PG202"]
    assert all(s.by == "allowance" for s in out.suppressed)
    assert out.result.level is Level.PASS and [x.rule for x in out.result.findings] == ["PG203"]


def test_an_expired_allowance_stops_applying():
    out = run(BLOCK, allow=[allowance("PG1", dt.date(2026, 5, 31)), allowance("PG2", dt.date(2026, 5, 31))])
    assert out.result.level is Level.BLOCK and not out.suppressed


def test_an_allowance_on_an_info_finding_is_unused():
    out = run(BLOCK, allow=[allowance("PG203")])
    assert out.allowances[0].status == "unused"


def test_baseline_suppression_and_fingerprints_stay_paired():
    out = run(BLOCK, baselined=[True, False, False])
    assert [s.by for s in out.suppressed] == ["baseline"]
    assert out.fingerprints == ("1", "2")
    assert out.result.level is Level.BLOCK and out.result.reasons == ("PG202",)
