"""`phi-guard audit EXPORT`: provenance in the JSONL output, --emit-jsonl, --from, files not read."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from conftest import DEV

from phi_guard.cli import main
from phi_guard.records import Record, iter_records

FIX = Path(__file__).parent / "fixtures"
X = FIX / "x-archive" / "twitter-2024-05-01-fixture"
LINKEDIN = FIX / "linkedin" / "Basic_LinkedInDataExport_05-01-2024"
PROFILE = str(DEV / "profile.json")


def audit(tmp_path, *args):
    out = tmp_path / "out.jsonl"
    code = main(["audit", *map(str, args), "--profile", PROFILE, "--format", "jsonl", "-o", str(out)])
    return code, [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def test_export_records_carry_source_platform_id_date_and_url(tmp_path):
    code, recs = audit(tmp_path, X)
    assert code in (0, 1)
    first = recs[0]
    assert (first["line"], first["id"], first["platform_id"], first["source"]) == \
        (1, "1780000000000000001", "1780000000000000001", "data/tweets.js#/0/tweet")
    assert first["created_at"] == "2023-10-02T16:05:11Z"
    assert first["url"] == "https://x.com/CedarHollowHP/status/1780000000000000001"
    assert [r["line"] for r in recs] == list(range(1, len(recs) + 1))


def test_a_post_naming_a_patient_in_an_export_blocks(tmp_path):
    code, recs = audit(tmp_path, LINKEDIN, "--from", "linkedin")
    by_source = {r["source"]: r for r in recs}
    assert code == 1 and by_source["Shares.csv:4"]["level"] == "block"
    assert "Dunmore" not in json.dumps({k: v for k, v in by_source["Shares.csv:4"].items() if k != "redacted"})


def test_jsonl_input_keeps_created_at_and_url(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": 7, "text": "Open Saturday!", "created_at": "2024-05-01T10:00:00Z", "url": "https://x.example/1"}\n'
                   '{"id": 8, "text": "No dates here."}\n')
    _, recs = audit(tmp_path, src)
    assert (recs[0]["created_at"], recs[0]["url"]) == ("2024-05-01T10:00:00Z", "https://x.example/1")
    assert "created_at" not in recs[1] and "source" not in recs[1]


def test_emit_jsonl_writes_drafts_that_read_back_and_warns_of_phi(tmp_path, capsys):
    out = tmp_path / "drafts.jsonl"
    assert main(["audit", str(X), "--emit-jsonl", str(out)]) == 0
    err = capsys.readouterr().err
    assert "PHI" in err and "drafts.jsonl" in err
    assert "4 file(s) seen but not read" in err and "Your archive" not in err  # file types only on stderr
    assert out.stat().st_mode & 0o777 == 0o600
    items = list(iter_records(io.BytesIO(out.read_bytes())))
    assert len(items) == 6 and all(isinstance(i, Record) for i in items)
    assert items[1].draft.kind == "reply" and items[1].draft.in_reply_to.author == "@jdoe_pdx"
    assert json.loads(out.read_text().splitlines()[0])["source"] == "data/tweets.js#/0/tweet"


def test_emit_jsonl_reports_unreadable_files_and_exits_two(tmp_path, capsys):
    root = tmp_path / "archive" / "data"
    root.mkdir(parents=True)
    (root / "tweets.js").write_text('window.YTD.tweets.part0 = [{"tweet": {"full_text": "Zebulon"')
    assert main(["audit", str(tmp_path / "archive"), "--emit-jsonl", str(tmp_path / "o.jsonl")]) == 2
    err = capsys.readouterr().err
    assert "data/tweets.js" in err and "Zebulon" not in err


def test_csv_map_through_the_cli(tmp_path, capsys):
    src = FIX / "csv" / "yelp_replies.csv"
    out = tmp_path / "d.jsonl"
    assert main(["audit", str(src), "--from", "csv", "--csv-map", "text=Body,id=ReplyId,platform==yelp",
                 "--emit-jsonl", str(out)]) == 0
    recs = [json.loads(line) for line in out.read_text().splitlines()]
    assert [(r["id"], r["platform"], r["source"]) for r in recs] == [("r-1", "yelp", "yelp_replies.csv:2"),
                                                                     ("r-2", "yelp", "yelp_replies.csv:3")]


@pytest.mark.parametrize("args", [
    ["--format", "jsonl", "--include-text"],
    ["--from", "linkedin", "--csv-map", "text=Body"],
    ["--from", "csv"],
])
def test_option_misuse_is_a_usage_error(args, capsys):
    assert main(["audit", str(FIX / "csv" / "yelp_replies.csv"), *args]) == 2
    assert "PG901" in capsys.readouterr().err


def test_unknown_folder_asks_for_from(tmp_path, capsys):
    (tmp_path / "stuff").mkdir()
    (tmp_path / "stuff" / "notes.txt").write_text("x")
    assert main(["audit", str(tmp_path / "stuff"), "--emit-jsonl", str(tmp_path / "o")]) == 2
    assert "--from" in capsys.readouterr().err
