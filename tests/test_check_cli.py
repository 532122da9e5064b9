"""`phi-guard check` and `phi-guard baseline` end to end, on the real model (one shared Linter)."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import stat
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from conftest import DEV

from phi_guard import cli_check, clock
from phi_guard.cli import main
from phi_guard.inputs import TextOptions, iter_items

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
PROFILE = str(DEV / "profile.json")
BLOCK = "Zebulon Quartermaine came in for his chemo today.\n"
PASS = "Flu shots are in! Call us to book.\n"
REPLY = "Jane, sorry your visit ran late.\n"
SECRETS = ("Zebulon", "Quartermaine", "chemo")


@pytest.fixture(autouse=True)
def env(monkeypatch, tmp_path, linter, bare_linter):
    """Run in an empty folder, outside CI, with one Linter per profile shared across tests."""
    for var in ("CI", "PHI_GUARD_KEY", "PHI_GUARD_KEY_FILE", "NO_COLOR"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1780000000")
    monkeypatch.chdir(tmp_path)
    real = cli_check.build_linter

    def build(config, packs):
        default = config.max_chars is None and packs.names == ("core",)
        if default and config.profile is not None and Path(config.profile) == Path(PROFILE):
            return linter
        if default and config.profile is None:
            return bare_linter
        return real(config, packs)

    monkeypatch.setattr(cli_check, "build_linter", build)
    yield
    clock.set_today(None)


def put(name, text):
    Path(name).parent.mkdir(parents=True, exist_ok=True)
    Path(name).write_text(text, encoding="utf-8")
    return name


def jsonl(name, *records):
    return put(name, "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records))


def check(*args, profile=True):
    return main(["check", *args, *(["--profile", PROFILE] if profile else [])])


@pytest.mark.parametrize("files, extra, code", [
    ({"a.txt": PASS}, [], 0),
    ({"a.txt": BLOCK}, [], 1),
    ({"a.txt": BLOCK}, ["--exit-zero"], 0),
    ({"a.txt": BLOCK, "b.jsonl": "not json\n"}, [], 2),
    ({"a.txt": BLOCK, "b.jsonl": "not json\n"}, ["--exit-zero"], 2),
    ({"a.md": PASS}, [], 0),
])
def test_exit_status(files, extra, code, capsys):
    for name, text in files.items():
        put(name, text)
    assert check(*files, *extra) == code


def test_a_missing_file_is_an_error_and_the_rest_is_checked(capsys):
    put("a.txt", BLOCK)
    assert check("missing.txt", "a.txt", "--format", "jsonl") == 2
    recs = [json.loads(l) for l in capsys.readouterr().out.splitlines()]
    assert [(r["source"], r["level"]) for r in recs] == [("missing.txt", "error"), ("a.txt", "block")]
    assert recs[0]["error"].startswith("PG910: unreadable")


def test_stdin_is_one_draft(monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(BLOCK.encode() + b"\n{\"text\": 1}\n")))
    assert check("-", "--format", "jsonl") == 1
    (rec,) = [json.loads(l) for l in capsys.readouterr().out.splitlines()]
    assert rec["source"] == "-" and rec["level"] == "block"


def test_kind_and_reply_to_describe_text_drafts(tmp_path):
    put("r.txt", REPLY)
    (item,) = iter_items(["r.txt"], TextOptions(reply_to="Jane D."), tmp_path)
    assert item.draft.kind == "reply" and item.draft.in_reply_to.author == "Jane D."
    (item,) = iter_items(["r.txt"], TextOptions(kind="dm"), tmp_path)
    assert item.draft.kind == "dm" and item.draft.in_reply_to is None


def test_reply_to_changes_the_verdict_reasons(capsys):
    put("r.txt", REPLY)
    check("r.txt", "--reply-to", "Jane D.", "--format", "jsonl")
    assert "PG211" in json.loads(capsys.readouterr().out)["reasons"]


def test_a_folder_is_searched_in_order(capsys):
    put("posts/b.md", PASS)
    put("posts/a.txt", PASS)
    put("posts/.hidden/c.txt", BLOCK)
    put("posts/notes.py", BLOCK)
    assert check("posts", "--format", "jsonl") == 0
    assert [json.loads(l)["source"] for l in capsys.readouterr().out.splitlines()] == ["posts/a.txt", "posts/b.md"]


def test_text_output_shows_code_label_place_and_summary(capsys):
    put("a.txt", "Thanks Zebulon, see you at the 2pm checkup on May 3!\n")
    check("a.txt")
    out = capsys.readouterr().out
    assert "a.txt: BLOCK" in out and "PG101 NAME at 1:8" in out
    assert "1 draft(s): 1 block" in out and "scope: text only" in out
    assert "Zebulon" not in out and "\x1b[" not in out


def test_show_source_prints_the_original_and_is_refused_under_ci(monkeypatch, capsys):
    put("a.txt", BLOCK)
    check("a.txt", "--show-source")
    captured = capsys.readouterr()
    assert "Zebulon Quartermaine" in captured.out and "PHI" in captured.err
    monkeypatch.setenv("CI", "true")
    assert check("a.txt", "--show-source") == 2
    captured = capsys.readouterr()
    assert "refused when CI is set" in captured.err and "Zebulon" not in captured.out


@pytest.mark.parametrize("fmt", ["sarif", "junit", "github", "json", "jsonl", "text"])
def test_every_format_parses_and_leaks_nothing(fmt, capsys):
    jsonl("d.jsonl", {"id": "x1", "text": BLOCK.strip()}, {"id": "x2", "text": PASS.strip()}, "{oops")
    assert check("d.jsonl", "--format", fmt, "-o", "out") == 2
    out = Path("out").read_text(encoding="utf-8")
    assert stat.S_IMODE(os.stat("out").st_mode) == 0o600
    if fmt == "sarif":
        jsonschema.validate(json.loads(out), SCHEMA, cls=jsonschema.Draft4Validator)
    elif fmt == "junit":
        assert len(ET.fromstring(out).findall(".//testcase")) == 3
    elif fmt == "github":
        assert all(line.startswith("::") for line in out.splitlines())
    elif fmt == "json":
        assert [r["id"] for r in json.loads(out)["results"]] == ["x1", "x2", None]
    elif fmt == "jsonl":
        assert [json.loads(l)["line"] for l in out.splitlines()] == [1, 2, 3]
    if fmt in ("json", "jsonl"):
        out = "".join(json.dumps({k: v for k, v in r.items() if k != "redacted"}) for r in
                      (json.loads(out)["results"] if fmt == "json" else map(json.loads, out.splitlines())))
    assert not any(s in out for s in SECRETS)


def test_sarif_is_byte_identical_across_runs_and_batch_sizes(capsys):
    records = [{"id": i, "text": t.strip()} for i, t in enumerate([BLOCK, PASS, REPLY] * 3)]
    jsonl("d.jsonl", *records[:4], "{broken", *records[4:])
    check("d.jsonl", "--format", "sarif", "-o", "one", "--batch-size", "1")
    check("d.jsonl", "--format", "sarif", "-o", "two", "--batch-size", "64")
    check("d.jsonl", "--format", "sarif", "-o", "three", "--batch-size", "2", "--jobs", "2")
    assert Path("one").read_bytes() == Path("two").read_bytes() == Path("three").read_bytes()


def test_metadata_file(capsys):
    put("a.txt", PASS)
    assert check("a.txt", "--metadata", "meta.json") == 0
    meta = json.loads(Path("meta.json").read_text())
    assert stat.S_IMODE(os.stat("meta.json").st_mode) == 0o600
    assert meta["started_at"] == "2026-05-28T20:26:40Z"
    assert meta["profile_hash"].startswith("sha256:") and meta["rule_pack_hash"].startswith("sha256:")
    assert len(meta["model_fingerprint"]) == 64 and meta["versions"]["phi-guard-lint"]


def test_config_in_the_working_folder_applies_and_isolated_ignores_it(capsys):
    put("a.txt", BLOCK)
    put("phi-guard.toml", f'profile = "{PROFILE}"\nignore = ["PG1", "PG2"]\n')
    assert main(["check", "a.txt"]) == 0
    assert main(["check", "a.txt", "--isolated", "--profile", PROFILE]) == 1
    assert main(["check", "a.txt", "--ignore", "PG104"]) == 1


def test_a_bad_config_is_a_config_error_naming_the_key(capsys):
    put("a.txt", PASS)
    put("phi-guard.toml", 'shade = "Zebulon"\n')
    assert main(["check", "a.txt"]) == 2
    err = capsys.readouterr().err
    assert "'shade'" in err and "Zebulon" not in err


@pytest.mark.parametrize("args", [["--select", "PG7"], ["--ignore", "PG910"], ["--select", "Zebulon"], ["--format", "html"]])
def test_bad_flags_are_usage_errors(args, capsys):
    put("a.txt", PASS)
    assert check("a.txt", *args) == 2
    assert "Zebulon" not in capsys.readouterr().err


def test_warn_as_block_from_config(capsys):
    put("a.txt", "Congrats to Zebulon Quartermaine on the marathon!\n")
    check("a.txt", "--format", "jsonl")
    level = json.loads(capsys.readouterr().out)["level"]
    put("phi-guard.toml", f'profile = "{PROFILE}"\nwarn-as-block = true\n')
    code = main(["check", "a.txt"])
    assert (level, code) in (("warn", 1), ("block", 1), ("pass", 0))


def test_allowances_in_jsonl(capsys):
    allow = [{"rule": "PG1xx", "authorization": "AUTH-2026-3", "reason": "release signed", "approved_by": "Dana Lee",
              "expires": "2030-01-01"},
             {"rule": "PG2", "authorization": "AUTH-2026-4", "reason": "release signed", "approved_by": "Dana Lee",
              "expires": "2030-01-01"},
             {"rule": "PG115", "authorization": "AUTH-2026-5", "reason": "never used", "approved_by": "Dana Lee",
              "expires": "2030-01-01"}]
    jsonl("d.jsonl", {"id": 1, "text": BLOCK.strip(), "allow": allow})
    assert check("d.jsonl", "--format", "jsonl") == 0
    rec = json.loads(capsys.readouterr().out)
    assert rec["level"] == "pass" and rec["suppressed"]
    assert [(a["authorization"], a["status"]) for a in rec["allowances"]] == [
        ("AUTH-2026-3", "used"), ("AUTH-2026-4", "used"), ("AUTH-2026-5", "unused")]
    clock.set_today(dt.date(2030, 1, 2))
    assert check("d.jsonl", "--format", "text") == 1
    assert "expired allowance PG1 by authorization AUTH-2026-3" in capsys.readouterr().out


def test_an_allowance_without_authorization_is_refused(capsys):
    jsonl("d.jsonl", {"id": 1, "text": BLOCK.strip(),
                      "allow": [{"rule": "PG1", "reason": "r", "approved_by": "D", "expires": "2030-01-01"}]})
    assert check("d.jsonl", "--format", "jsonl") == 2
    assert "allow[0].authorization' is missing" in json.loads(capsys.readouterr().out)["error"]


def test_allowance_comment_in_a_text_draft(capsys):
    put("a.md", BLOCK + '<!-- phi-guard-allow rule=PG1 authorization=AUTH-9 approved_by="Dana Lee" '
        'expires=2030-01-01 reason="signed" -->\n<!-- phi-guard-allow rule=PG2 authorization=AUTH-10 '
        'approved_by="Dana Lee" expires=2030-01-01 reason="signed" -->\n')
    assert check("a.md") == 0
    out = capsys.readouterr().out
    assert "allowed PG1 by authorization AUTH-9" in out and "allowances 2 used" in out


def test_baseline_then_check(capsys):
    jsonl("d.jsonl", {"id": "old", "text": BLOCK.strip()})
    assert main(["baseline", "d.jsonl", "--profile", PROFILE, "-o", "base.json", "--expires", "2030-01-01"]) == 0
    assert stat.S_IMODE(os.stat("base.json").st_mode) == 0o600
    base = Path("base.json").read_text()
    assert not any(s in base for s in SECRETS) and json.loads(base)["scheme"] == "identity-sha256"
    assert check("d.jsonl", "--baseline", "base.json") == 0
    jsonl("d.jsonl", {"id": "old", "text": BLOCK.strip()}, {"id": "new", "text": BLOCK.strip()})
    assert check("d.jsonl", "--baseline", "base.json") == 1
    capsys.readouterr()
    clock.set_today(dt.date(2030, 1, 2))
    assert check("d.jsonl", "--baseline", "base.json") == 1
    assert "stale baseline entry (expired)" in capsys.readouterr().out


def test_a_fixed_finding_leaves_a_stale_entry(capsys):
    put("a.txt", BLOCK)
    main(["baseline", "a.txt", "--profile", PROFILE, "-o", "base.json"])
    put("a.txt", PASS)
    assert check("a.txt", "--baseline", "base.json") == 0
    assert "stale baseline entry (fixed): a.txt" in capsys.readouterr().out


def test_a_keyed_baseline_needs_its_key(monkeypatch, capsys):
    put("a.txt", BLOCK)
    monkeypatch.setenv("PHI_GUARD_KEY", "correct horse battery staple")
    main(["baseline", "a.txt", "--profile", PROFILE, "-o", "base.json"])
    assert json.loads(Path("base.json").read_text())["scheme"] == "hmac-sha256"
    assert check("a.txt", "--baseline", "base.json") == 0
    monkeypatch.setenv("PHI_GUARD_KEY", "another key of enough length")
    assert check("a.txt", "--baseline", "base.json") == 2
    monkeypatch.delenv("PHI_GUARD_KEY")
    assert check("a.txt", "--baseline", "base.json") == 2
    assert "set PHI_GUARD_KEY" in capsys.readouterr().err


def test_max_chars_from_config_caps_input(capsys):
    put("a.txt", "x" * 50)
    put("phi-guard.toml", "max-chars = 10\n")
    assert main(["check", "a.txt", "--format", "jsonl"]) == 2
    assert json.loads(capsys.readouterr().out)["error"].startswith("PG911")


def test_an_unwritable_output_is_exit_two_without_a_traceback(capsys):
    put("a.txt", PASS)
    assert check("a.txt", "-o", "nowhere/out.sarif", "--format", "sarif") == 2
    assert "cannot use 'out.sarif'" in capsys.readouterr().err
