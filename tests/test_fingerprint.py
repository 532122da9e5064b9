"""Fingerprints and baselines (CONTRACTS 7): never a function of span text alone."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os

import pytest

from phi_guard import ConfigError
from phi_guard._types import Finding, Severity
from phi_guard.baseline import Baseline, Entry, Tracker, load, render
from phi_guard.fingerprint import Fingerprinter, from_environment

KEY = b"k" * 32


def name_at(start, end):
    return Finding(start, end, "NAME", "PG101", Severity.HIGH, 0.9, "")


def test_identity_scheme_ignores_the_text_and_numbers_repeats():
    fp = Fingerprinter()
    a = fp.of_all("posts/a.md", "Hi Jane and Jane", [name_at(3, 7), name_at(12, 16)])
    b = fp.of_all("posts/a.md", "Hi Omar and Luis", [name_at(3, 7), name_at(12, 16)])
    assert a == b and a[0] != a[1]
    assert fp.of_all("posts/b.md", "Hi Jane", [name_at(3, 7)])[0] != a[0]


def test_hmac_scheme_follows_the_span_not_its_place():
    fp = Fingerprinter(KEY)
    a = fp.of_all("d", "Hi Jane", [name_at(3, 7)])
    b = fp.of_all("d", "Well, hi JANE", [name_at(9, 13)])
    assert a == b
    assert fp.of_all("d", "Hi Omar", [name_at(3, 7)]) != a
    assert Fingerprinter(b"x" * 32).of_all("d", "Hi Jane", [name_at(3, 7)]) != a


@pytest.mark.parametrize("fp", [Fingerprinter(), Fingerprinter(KEY)])
def test_no_fingerprint_is_a_plain_or_salted_hash_of_the_span(fp):
    (got,) = fp.of_all("d", "Hi Jane", [name_at(3, 7)])
    for candidate in ("Jane", "jane", "PG101Jane", "d\x1fPG101\x1fNAME\x1fjane"):
        assert got not in (hashlib.sha256(candidate.encode()).hexdigest(), hashlib.md5(candidate.encode()).hexdigest())


def test_key_from_environment(monkeypatch, tmp_path):
    monkeypatch.delenv("PHI_GUARD_KEY_FILE", raising=False)
    monkeypatch.setenv("PHI_GUARD_KEY", "s" * 20)
    assert from_environment(tmp_path).scheme == "hmac-sha256"
    monkeypatch.setenv("PHI_GUARD_KEY", "short")
    with pytest.raises(ConfigError, match="at least 16"):
        from_environment(tmp_path)
    monkeypatch.delenv("PHI_GUARD_KEY")
    assert from_environment(tmp_path).scheme == "identity-sha256"


def test_key_file_must_live_outside_the_repository_and_be_private(monkeypatch, tmp_path):
    monkeypatch.delenv("PHI_GUARD_KEY", raising=False)
    repo, outside = tmp_path / "repo", tmp_path / "keys"
    (repo / ".git").mkdir(parents=True)
    outside.mkdir()
    for folder in (repo, outside):
        (folder / "key").write_bytes(b"q" * 32)
        os.chmod(folder / "key", 0o600)
    monkeypatch.setenv("PHI_GUARD_KEY_FILE", str(repo / "key"))
    with pytest.raises(ConfigError, match="inside the repository"):
        from_environment(repo)
    monkeypatch.setenv("PHI_GUARD_KEY_FILE", str(outside / "key"))
    assert from_environment(repo).key == b"q" * 32
    os.chmod(outside / "key", 0o644)
    with pytest.raises(ConfigError, match="readable by others"):
        from_environment(repo)


def entry(fp="a" * 64, draft="posts/a.md", expires=None):
    return Entry(fp, "posts/a.md", draft, "PG101", "NAME", expires)


def test_baseline_round_trip(tmp_path):
    fp = Fingerprinter(KEY)
    path = tmp_path / "b.json"
    path.write_text(render([entry(expires=dt.date(2027, 1, 1)), entry("b" * 64)], fp, dt.date(2026, 6, 1)))
    got = load(path)
    assert got.scheme == "hmac-sha256" and got.key_check == fp.key_check
    assert {e.fingerprint for e in got.entries} == {"a" * 64, "b" * 64}
    assert got.fingerprinter(fp) is fp
    with pytest.raises(ConfigError, match="different key"):
        got.fingerprinter(Fingerprinter(b"z" * 32))
    with pytest.raises(ConfigError, match="set PHI_GUARD_KEY"):
        got.fingerprinter(Fingerprinter())


def test_tracker_reports_fixed_and_expired_for_checked_drafts_only():
    b = Baseline("identity-sha256", None, (entry("a" * 64), entry("b" * 64), entry("c" * 64, expires=dt.date(2026, 1, 1)),
                                           entry("d" * 64, draft="posts/other.md")))
    t = Tracker(b, dt.date(2026, 6, 1))
    t.drafts.add("posts/a.md")
    assert t.match("a" * 64) is not None and t.match("c" * 64) is None
    assert [(e.fingerprint[0], why) for e, why in t.stale()] == [("b", "fixed"), ("c", "expired")]


@pytest.mark.parametrize("doc, message", [
    ("not json", "not JSON"),
    ('{"phi_guard_baseline": 2}', "not a phi-guard baseline"),
    ('{"phi_guard_baseline": 1, "scheme": "md5", "entries": []}', "scheme"),
    ('{"phi_guard_baseline": 1, "scheme": "identity-sha256", "entries": {}}', "entries"),
    ('{"phi_guard_baseline": 1, "scheme": "identity-sha256", "entries": [{"fingerprint": "x"}]}', "entries[0].source"),
    ('{"phi_guard_baseline": 1, "scheme": "identity-sha256", "entries": [{"fingerprint": "x", "source": "s", '
     '"draft": "s", "rule": "PG101", "expires": "soon"}]}', "entries[0].expires"),
])
def test_bad_baseline_files(tmp_path, doc, message):
    path = tmp_path / "b.json"
    path.write_text(doc)
    with pytest.raises(ConfigError) as exc:
        load(path)
    assert message in str(exc.value)


def test_a_baseline_holds_no_text():
    text = render([entry()], Fingerprinter(), dt.date(2026, 6, 1))
    assert set(json.loads(text)["entries"][0]) == {"fingerprint", "source", "draft", "rule", "label", "expires"}
