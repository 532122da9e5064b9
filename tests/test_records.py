"""Bad input gets a clear error and loses nothing: one item per non-blank line."""

from __future__ import annotations

import io

import pytest

from phi_guard.records import Record, RecordError, iter_records


def parse(data: bytes):
    return list(iter_records(io.BytesIO(data)))


@pytest.mark.parametrize(
    ("line", "code_part"),
    [
        (b'{"id": 1, "text": "ok"', "invalid_json"),
        (b'{"id": 1}', "missing_text"),
        (b'{"id": 1, "text": null}', "invalid_text"),
        (b'{"id": 1, "text": 42}', "invalid_text"),
        (b'{"id": 1, "text": ["a"]}', "invalid_text"),
        (b'{"id": 1, "text": "\\ud800"}', "lone surrogate"),
        (b'{"id": 1, "text": "ok", "text": "other"}', "duplicate_key"),
        (b'{"id": 1, "text": "ok", "consent": "yes"}', "invalid_consent"),
        (b'{"id": 1, "text": "ok", "consent": {"reference": "A-1"}}', "invalid_consent"),
        (b'{"id": 1, "text": "ok", "kind": "tweet"}', "invalid_kind"),
        (b'[1, 2]', "invalid_record"),
        (b'{"id": 1, "text": "caf\xc3"}', "invalid_utf8"),
    ],
)
def test_bad_record_is_an_error_naming_the_field(line, code_part):
    (item,) = parse(line + b"\n")
    assert isinstance(item, RecordError)
    assert code_part in item.message
    assert item.line == 1
    assert "other" not in item.message and "caf" not in item.message


def test_one_item_per_line_blank_lines_skipped_bom_crlf_u2028():
    data = ('\ufeff{"id": "a", "text": "one\u2028two"}\r\n\n{"id": "b", "text": 5}\r\n'
            '{"id": "c", "text": "three"}').encode("utf-8")
    items = parse(data)
    assert [type(i) for i in items] == [Record, RecordError, Record]
    assert items[0].draft.text == "one\u2028two"
    assert [i.line for i in items] == [1, 3, 4]


def test_invalid_utf8_reports_byte_offset():
    (item,) = parse(b'{"text": "ab\xff"}')
    assert "byte offset 12" in item.message
