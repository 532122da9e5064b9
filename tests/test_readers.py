"""Platform export readers: golden drafts per fixture export, and each export's quirks as tables.

Fixtures under tests/fixtures/ are synthetic exports in each platform's real layout. Set
UPDATE_GOLDEN=1 to rewrite tests/fixtures/golden/ after a deliberate change (then read the diff).
"""

from __future__ import annotations

import json
import os
import shutil
import zipfile
from pathlib import Path

import pytest

from phi_guard._errors import ConfigError
from phi_guard.audit_io import draft_record
from phi_guard.readers import ReadOptions, detect_format, read_input
from phi_guard.readers._base import export_order, fix_mojibake
from phi_guard.readers.csv_map import ColumnMap
from phi_guard.readers.facebook import answered
from phi_guard.readers.google_reviews import original_text
from phi_guard.records import Record, RecordError

FIX = Path(__file__).parent / "fixtures"
GOLDEN = FIX / "golden"
EXPORTS = {
    "x-archive": FIX / "x-archive" / "twitter-2024-05-01-fixture",
    "facebook-new": FIX / "facebook" / "new-layout",
    "facebook-old": FIX / "facebook" / "old-layout",
    "instagram-new": FIX / "instagram" / "new-layout",
    "instagram-old": FIX / "instagram" / "old-layout",
    "google-reviews": FIX / "google-reviews",
    "linkedin": FIX / "linkedin" / "Basic_LinkedInDataExport_05-01-2024",
}
YELP_MAP = "text=Body,id=ReplyId,in_reply_to.author=Reviewer,in_reply_to.text=ReviewText,created_at=RepliedAt,platform==yelp"


def read_all(path: Path | str, fmt: str | None = None, options: ReadOptions | None = None):
    unread: list = []
    items = list(read_input(str(path), fmt, options or ReadOptions(), unread))
    return items, unread


def snapshot(path: Path, fmt: str | None = None, options: ReadOptions | None = None) -> dict:
    items, unread = read_all(path, fmt, options)
    return {"drafts": [draft_record(i) if isinstance(i, Record) else {"error": i.error, "line": i.line} for i in items],
            "lines": [i.line for i in items],
            "unread": [[u.path, u.reason] for u in unread]}


def check_golden(name: str, got: dict) -> None:
    path = GOLDEN / f"{name}.json"
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.mkdir(exist_ok=True)
        path.write_text(json.dumps(got, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    assert got == json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(EXPORTS))
def test_golden_drafts_per_export(name):
    check_golden(name, snapshot(EXPORTS[name]))


def test_golden_csv_with_column_map():
    check_golden("csv-yelp", snapshot(FIX / "csv" / "yelp_replies.csv", "csv", ReadOptions(ColumnMap.parse(YELP_MAP))))


@pytest.mark.parametrize(("name", "fmt"), [
    ("x-archive", "x-archive"), ("facebook-new", "facebook"), ("facebook-old", "facebook"),
    ("instagram-new", "instagram"), ("instagram-old", "instagram"), ("google-reviews", "google-reviews"),
    ("linkedin", "linkedin"),
])
def test_format_is_detected_from_folder_and_zip(name, fmt, tmp_path):
    assert detect_format(str(EXPORTS[name])) == fmt
    archive = Path(shutil.make_archive(str(tmp_path / name), "zip", EXPORTS[name].parent, EXPORTS[name].name))
    assert detect_format(str(archive)) == fmt


@pytest.mark.parametrize("name", ["x-archive", "facebook-new", "linkedin"])
def test_zip_reads_like_the_folder(name, tmp_path):
    archive = Path(shutil.make_archive(str(tmp_path / name), "zip", EXPORTS[name]))
    folder, zipped = snapshot(EXPORTS[name]), snapshot(archive)
    assert zipped["drafts"] == folder["drafts"]
    assert [p.split("/", 1)[1] for p, _ in zipped["unread"]] == [p.split("/", 1)[1] for p, _ in folder["unread"]]


@pytest.mark.parametrize(("file", "fmt"), [
    ("in.jsonl", "jsonl"), ("in.txt", "jsonl"), ("Shares.csv", "linkedin"), ("posts.csv", "csv"),
])
def test_format_of_a_single_file(file, fmt, tmp_path):
    (tmp_path / file).write_text("Date,ShareLink,ShareCommentary\n" if file.endswith(".csv") else "{}\n")
    assert detect_format(str(tmp_path / file)) == fmt


def test_meta_inbox_alone_is_ambiguous(tmp_path):
    thread = tmp_path / "export" / "messages" / "inbox" / "someone_1" / "message_1.json"
    thread.parent.mkdir(parents=True)
    thread.write_text('{"participants": [], "messages": []}')
    with pytest.raises(ConfigError, match="--from facebook or --from instagram"):
        detect_format(str(tmp_path / "export"))


# ------------------------------------------------------------------ X archive quirks
def x_file(tmp_path: Path, body: bytes, name: str = "tweets.js") -> Path:
    root = tmp_path / "archive"
    (root / "data").mkdir(parents=True)
    (root / "data" / name).write_bytes(body)
    return root


@pytest.mark.parametrize("body", [
    b'var tweets = [{"tweet": {"id_str": "1", "full_text": "Zebulon"}}]',
    b'window.YTD.tweets.part0 = alert(1)',
    b'window.YTD.tweets.part0 = [{"tweet": {"id_str": "1", "full_text": "Zebulon"}}]; alert(1)',
    b'window["YTD"].tweets.part0 = []',
    b'window.YTD.tweets.part0 = (function(){return []})()',
    b'/* comment */ window.YTD.tweets.part0 = []',
])
def test_x_prefix_is_strict_and_nothing_is_evaluated(body, tmp_path):
    items, _ = read_all(x_file(tmp_path, body), "x-archive")
    assert len(items) == 1 and isinstance(items[0], RecordError)
    assert items[0].source == "data/tweets.js" and "Zebulon" not in items[0].message


@pytest.mark.parametrize(("entity_text", "plain"), [
    ("a &amp; b", "a & b"), ("&lt;3", "<3"), ("it&#39;s", "it's"), ("&quot;ok&quot;", '"ok"'), ("no entities", "no entities"),
])
def test_x_html_entities_are_unescaped(entity_text, plain, tmp_path):
    body = ("window.YTD.tweets.part0 = " + json.dumps([{"tweet": {"id_str": "9", "full_text": entity_text}}])).encode()
    (item,), _ = read_all(x_file(tmp_path, body), "x-archive")
    assert item.draft.text == plain


def test_x_reply_to_another_account_and_thread_continuation():
    items, _ = read_all(EXPORTS["x-archive"])
    by_id = {i.platform_id: i for i in items}
    reply, thread = by_id["1780000000000000002"], by_id["1780000000000000003"]
    assert (reply.draft.kind, reply.draft.in_reply_to.author) == ("reply", "@jdoe_pdx")
    assert (thread.draft.kind, thread.draft.in_reply_to) == ("post", None)
    assert reply.url == "https://x.com/CedarHollowHP/status/1780000000000000002"


def test_x_dms_without_account_file_check_every_message(tmp_path):
    src = EXPORTS["x-archive"] / "data" / "direct-messages.js"
    root = x_file(tmp_path, src.read_bytes(), "direct-messages.js")
    items, _ = read_all(root, "x-archive")
    assert [i.platform_id for i in items] == ["1700000000000000010", "1700000000000000020"]
    assert all(i.draft.kind == "dm" for i in items)


# ------------------------------------------------------------------ Meta quirks
@pytest.mark.parametrize(("stored", "fixed"), [
    ("Rados\u00c5\u0082aw", "Radosław"),
    ("Zo\u00c3\u00ab", "Zoë"),
    ("\u00f0\u009f\u0092\u00aa", "💪"),
    ("caf\u00e9", "café"),            # a real Latin-1 é is not valid UTF-8 alone: left alone
    ("plain ASCII", "plain ASCII"),
    ("Łódź", "Łódź"),                  # code points above 255: already right
])
def test_mojibake_is_fixed_only_when_it_round_trips(stored, fixed):
    assert fix_mojibake({"k": [stored]}) == {"k": [fixed]}


@pytest.mark.parametrize(("title", "expected"), [
    ("Cedar Hollow Health Partners replied to Zoë Brandt's comment.", ("reply", "Zoë Brandt")),
    ("Cedar Hollow Health Partners replied to Thomas' comment.", ("reply", "Thomas")),
    ("Cedar Hollow Health Partners replied to Ana María’s comment.", ("reply", "Ana María")),
    ("Cedar Hollow Health Partners replied to their own comment.", ("reply", None)),
    ("Cedar Hollow Health Partners commented on Ollie Park's post.", ("comment", "Ollie Park")),
    ("Cedar Hollow Health Partners commented on Ollie Park's photo.", ("comment", "Ollie Park")),
    ("Cedar Hollow Health Partners commented on his own post.", ("comment", None)),
    ("Cedar Hollow Health Partners commented on a post.", ("comment", None)),
    ("Something else entirely", ("comment", None)),
    (None, ("comment", None)),
])
def test_facebook_comment_title_tells_whom_it_answers(title, expected):
    assert answered(title) == expected


def test_facebook_offsets_refer_to_fixed_text():
    items, _ = read_all(EXPORTS["facebook-new"])
    post = items[0].draft.text
    assert post.startswith("Welcome back, Radosław!") and post[14:22] == "Radosław"


def test_meta_owner_is_guessed_from_threads_when_no_profile():
    items, _ = read_all(EXPORTS["facebook-old"])
    dms = [i.draft for i in items if i.draft.kind == "dm"]
    assert [(d.text, d.in_reply_to.author) for d in dms] == [
        ("Please call our main line.", "Kim Lee"), ("Yes, we open at 8.", "Sam Brook")]


def test_meta_file_with_wrong_shape_is_one_error_not_a_crash(tmp_path):
    comments = tmp_path / "fb" / "comments" / "comments.json"
    comments.parent.mkdir(parents=True)
    comments.write_text('{"comments_v2": [{"title": "x", "data": [{"comment": 5}]}, 7]}')
    posts = tmp_path / "fb" / "posts" / "your_posts_1.json"
    posts.parent.mkdir(parents=True)
    posts.write_text('{"a": 1, "a": 2}')
    items, _ = read_all(tmp_path / "fb", "facebook")
    assert [type(i).__name__ for i in items] == ["RecordError"]
    assert "duplicate_key" in items[0].message


# ------------------------------------------------------------------ Google reviews
@pytest.mark.parametrize(("text", "original"), [
    ("(Translated by Google) Great care\n\n(Original)\nExcelente atención", "Excelente atención"),
    ("Friendly front desk.\n\n(Translated by Google)\nフレンドリーな受付。", "Friendly front desk."),
    ("No translation here.", "No translation here."),
    (None, None),
])
def test_google_translation_keeps_the_authors_words(text, original):
    assert original_text(text) == original


def test_google_reviews_without_reply_give_no_draft():
    items, _ = read_all(EXPORTS["google-reviews"])
    assert [i.platform_id for i in items] == ["AbFvOqn1", "AbFvOqn2", "AbFvOqn4"]
    assert all(i.draft.kind == "reply" and i.draft.in_reply_to.author for i in items)


# ------------------------------------------------------------------ LinkedIn and CSV
def test_linkedin_multiline_commentary_keeps_its_first_line_as_source():
    items, unread = read_all(EXPORTS["linkedin"])
    assert [i.source for i in items] == ["Shares.csv:2", "Shares.csv:4", "Comments.csv:2"]
    assert items[1].draft.text.count("\n") == 2 and '"Alder Falls 10K"' in items[1].draft.text
    assert sorted(Path(u.path).name for u in unread) == ["Profile.csv", "Rich_Media.csv"]


@pytest.mark.parametrize("spec", ["id=PostID", "text", "body=Body", "text=", ""])
def test_csv_map_errors_name_the_problem(spec):
    with pytest.raises(ConfigError, match="--csv-map"):
        ColumnMap.parse(spec)


def test_csv_column_missing_from_header_is_an_error_record(tmp_path):
    src = tmp_path / "posts.csv"
    src.write_text("PostID,Message\n1,hello\n")
    items, _ = read_all(src, "csv", ReadOptions(ColumnMap.parse("text=Body")))
    assert len(items) == 1 and isinstance(items[0], RecordError) and "csv_column" in items[0].message


def test_csv_bad_kind_is_an_error_naming_the_row(tmp_path):
    src = tmp_path / "posts.csv"
    src.write_text("Body,Type\nhello,tweet\nfine,post\n")
    items, _ = read_all(src, "csv", ReadOptions(ColumnMap.parse("text=Body,kind=Type")))
    assert isinstance(items[0], RecordError) and items[0].source == "posts.csv:2" and "hello" not in items[0].message
    assert isinstance(items[1], Record) and items[1].line == 2


def test_export_order_puts_a_file_before_its_parts():
    names = ["d/tweets-part10.js", "d/tweets-part2.js", "d/tweets.js", "d/tweets-part1.js"]
    assert sorted(names, key=export_order) == ["d/tweets.js", "d/tweets-part1.js", "d/tweets-part2.js", "d/tweets-part10.js"]


def test_zip_member_escaping_the_root_is_ignored(tmp_path):
    archive = tmp_path / "x.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("data/tweets.js", 'window.YTD.tweets.part0 = [{"tweet": {"id_str": "1", "full_text": "ok"}}]')
        z.writestr("../evil/tweets.js", 'window.YTD.tweets.part0 = [{"tweet": {"id_str": "2", "full_text": "no"}}]')
    items, _ = read_all(archive)
    assert [i.platform_id for i in items] == ["1"]
