"""Nothing lost: one output record per non-blank input line, whatever the line holds.

Each row: the input bytes, then what comes out, one (line, level, start of the error) per
record. docs/security.md lists the same table with what each produced.
"""

from __future__ import annotations

import io
import json
import random

import pytest

from phi_guard import Settings
from phi_guard.cli import audit_records, main
from phi_guard.records import ReadStats, RecordError, iter_records

OK = b'{"id": 1, "text": "Flu shots are in at our office this week."}'


def _binary() -> bytes:
    rng = random.Random(8)
    return b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(rng.randrange(256) for _ in range(3000))


BINARY = _binary()
BINARY_LINES = sum(1 for raw in BINARY.split(b"\n") if raw.rstrip(b"\r").strip())

CASES = [
    ("invalid JSON", b'{"id": 1, "text": "ok"\n', [(1, "error", "PG910: invalid_json")]),
    ("trailing garbage", b'{"text": "ok"} x\n', [(1, "error", "PG910: invalid_json: not valid JSON (extra data")]),
    ("two objects on a line", b'{"text": "a"}{"text": "b"}\n', [(1, "error", "PG910: invalid_json")]),
    ("duplicate keys", b'{"id": 1, "text": "ok", "text": "Zebulon has HIV"}\n', [(1, "error", "PG910: duplicate_key: key 'text'")]),
    ("text missing", b'{"id": 1}\n', [(1, "error", "PG910: missing_text")]),
    ("empty object", b'{}\n', [(1, "error", "PG910: missing_text")]),
    ("text null", b'{"id": 1, "text": null}\n', [(1, "error", "PG910: invalid_text: field 'text' must be a string, not null")]),
    ("text a number", b'{"id": 1, "text": 42}\n', [(1, "error", "PG910: invalid_text: field 'text' must be a string, not a number")]),
    ("text a list", b'{"id": 1, "text": ["a"]}\n', [(1, "error", "PG910: invalid_text: field 'text' must be a string, not a list")]),
    ("text an object", b'{"id": 1, "text": {"a": 1}}\n', [(1, "error", "PG910: invalid_text")]),
    ("not an object", b'"just a string"\n', [(1, "error", "PG910: invalid_record")]),
    ("lone surrogate, escaped", b'{"id": 1, "text": "a\\ud800b"}\n', [(1, "error", "PG910: invalid_text: field 'text' holds a lone surrogate")]),
    ("lone surrogate, raw bytes", b'{"text": "a\xed\xa0\x80b"}\n', [(1, "error", "PG910: invalid_utf8: invalid UTF-8 at byte offset 11")]),
    ("surrogate pair, escaped", b'{"text": "\\ud83e\\uddb7 smile"}\n', [(1, "pass", None)]),
    ("UTF-8 BOM", b"\xef\xbb\xbf" + OK + b"\n", [(1, "pass", None)]),
    ("CRLF", OK + b"\r\n" + OK + b"\r\n", [(1, "pass", None), (2, "pass", None)]),
    ("U+2028 and U+2029 inside a string", b'{"text": "one\xe2\x80\xa8two\xe2\x80\xa9three"}\n', [(1, "pass", None)]),
    ("U+0085 (NEL) inside a string", b'{"text": "one\xc2\x85two"}\n', [(1, "pass", None)]),
    ("blank lines", b"\n  \n" + OK + b"\n\r\n\t\n", [(3, "pass", None)]),
    ("raw control character", b'{"text": "a\x01b"}\n', [(1, "error", "PG910: invalid_json: not valid JSON (invalid control character")]),
    ("raw tab", b'{"text": "a\tb"}\n', [(1, "error", "PG910: invalid_json")]),
    ("escaped control characters and NUL", b'{"text": "a\\u0000b\\u0007c\\u001bd"}\n', [(1, "pass", None)]),
    ("form feed and vertical tab between lines", OK + b"\n\x0c\x0b\n" + OK + b"\n", [(1, "pass", None), (3, "pass", None)]),
    ("invalid UTF-8, with its byte offset", OK + b'\n{"text": "caf\xe9"}\n', [(1, "pass", None), (2, "error", f"PG910: invalid_utf8: invalid UTF-8 at byte offset {len(OK) + 14}")]),
    ("lone CR endings are one line", b'{"text": "a"}\r{"text": "b"}\r', [(1, "error", "PG910: invalid_json")]),
    ("NaN", b'{"id": NaN, "text": "a"}\n', [(1, "error", "PG910: invalid_json: NaN and Infinity are not JSON")]),
    ("an integer over the digit limit", b'{"id": 1' + b"0" * 5000 + b', "text": "a"}\n', [(1, "error", "PG910: invalid_json: a number is out of range")]),
    ("nested too deeply", b"[" * 100_000 + b"\n", [(1, "error", "PG910: invalid_json: nested too deeply")]),
    ("kind a list", b'{"id": 5, "text": "a", "kind": []}\n', [(1, "error", "PG910: invalid_kind")]),
    ("kind empty", b'{"id": 5, "text": "a", "kind": ""}\n', [(1, "error", "PG910: invalid_kind")]),
    ("consent a string", b'{"text": "a", "consent": "yes"}\n', [(1, "error", "PG910: invalid_consent")]),
    ("consent scope not a list", b'{"text": "a", "consent": {"subjects": ["A"], "scope": 5}}\n', [(1, "error", "PG910: invalid_consent")]),
    ("id a boolean", b'{"id": true, "text": "a"}\n', [(1, "error", "PG910: invalid_id")]),
    ("empty text", b'{"text": ""}\n', [(1, "pass", None)]),
    ("over the size cap", b'{"id": 9, "text": "' + b"a" * 51 + b'"}\n', [(1, "error", "PG911: input_too_large")]),
    ("at the size cap", b'{"id": 9, "text": "' + b"a" * 50 + b'"}\n', [(1, "pass", None)]),
    ("binary file", BINARY, [(None, "error", "PG910")] * BINARY_LINES),
    ("UTF-16 file", "\ufeff".encode("utf-16-le") + '{"text": "a"}\n'.encode("utf-16-le"), [(None, "error", "PG910")] * 2),
]


def run(linter, data: bytes, monkeypatch) -> tuple[list[dict], ReadStats]:
    monkeypatch.setattr(linter, "settings", Settings(max_chars=50))
    stats = ReadStats()
    out = list(audit_records(linter, iter_records(io.BytesIO(data), None, stats), 4))
    return out, stats


@pytest.mark.parametrize(("name", "data", "expected"), CASES, ids=[c[0] for c in CASES])
def test_one_output_record_per_input_record(linter, monkeypatch, name, data, expected):
    out, stats = run(linter, data, monkeypatch)
    assert len(out) == len(expected)
    for rec, (line, level, error) in zip(out, expected):
        if line is not None:
            assert rec["line"] == line
        assert rec["level"] == level
        if error is None:
            assert rec["error"] is None
        else:
            assert rec["error"].startswith(error) and rec["reasons"] == [error.split(":")[0]]
            assert "Zebulon" not in rec["error"] and "caf" not in rec["error"]
    assert stats.lines - stats.blank_lines == len(out)


def test_blank_lines_are_skipped_and_counted(linter, monkeypatch):
    _, stats = run(linter, b"\n  \n" + OK + b"\n\r\n\t\n", monkeypatch)
    assert (stats.lines, stats.blank_lines) == (5, 4)


def test_an_error_record_keeps_the_id_it_had():
    (err,) = iter_records(io.BytesIO(b'{"id": "r-7", "text": 5}\n'))
    assert isinstance(err, RecordError) and err.id == "r-7"


def test_a_line_over_the_byte_cap_is_an_error_and_the_next_line_is_read():
    data = b'{"text": "' + b"x" * 5000 + b'"}\n' + OK + b"\n" + b"y" * 300
    items = list(iter_records(io.BytesIO(data), max_line_bytes=200))
    assert [type(i).__name__ for i in items] == ["RecordError", "Record", "RecordError"]
    assert items[0].error.startswith("PG911: input_too_large: line is over 200 bytes")
    assert [i.line for i in items] == [1, 2, 3]


def test_the_whole_table_through_the_cli(tmp_path, capsys):
    """Every row in one file: one output line per input record, in order, and exit status 2."""
    rows = [data if data.endswith(b"\n") else data + b"\n" for _, data, _ in CASES
            if not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe"))]  # a BOM only starts a file
    src = tmp_path / "in.jsonl"
    src.write_bytes(b"".join(rows))
    out = tmp_path / "out.jsonl"
    code = main(["audit", str(src), "--format", "jsonl", "-o", str(out), "--max-chars", "50"])
    recs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    non_blank = [n for n, raw in enumerate(src.read_bytes().split(b"\n"), 1) if raw.rstrip(b"\r").strip()]
    assert code == 2
    assert [r["line"] for r in recs] == non_blank
    assert "blank line(s) skipped" in capsys.readouterr().err
