"""Offsets -> 1-based line:column in the file, for text drafts and JSONL records."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from phi_guard.locate import RecordLocator, TextLocator, text_columns


@pytest.mark.parametrize("text, offset, point", [
    ("abc", 0, (1, 1)), ("abc", 3, (1, 4)), ("ab\ncd", 3, (2, 1)), ("ab\ncd", 4, (2, 2)),
    ("ab\r\ncd", 4, (2, 1)), ("\n\nx", 2, (3, 1)), ("é😀x", 2, (1, 3)),
])
def test_text_points(text, offset, point):
    assert TextLocator(text).point(offset) == point


@given(st.text(min_size=1, max_size=40), st.booleans(), st.data())
@settings(max_examples=200, deadline=None)
def test_record_columns_point_at_the_raw_characters(text, ascii_only, data):
    raw = json.dumps({"id": 1, "in_reply_to": {"text": "x"}, "text": text}, ensure_ascii=ascii_only)
    cols = text_columns(raw)
    assert cols is not None and len(cols) == len(text) + 1
    i = data.draw(st.integers(0, len(text) - 1))
    piece = raw[cols[i]:cols[i + 1]]
    assert json.loads(f'"{piece}"') == text[i]


@pytest.mark.parametrize("raw", ['[1, 2]', '{"id": 1}', '{"text": 3}', '{"a": {"text": "x"}}', "{"])
def test_no_top_level_text_string_gives_the_line_only(raw):
    assert text_columns(raw) is None
    place = RecordLocator(raw, 7).place(0, 1)
    assert (place.line, place.column) == (7, None)


def test_record_place():
    raw = '{"id": "x", "text": "Call 503-555-0100"}'
    p = RecordLocator(raw, 4).place(5, 17)
    assert (p.line, p.column, p.end_column) == (4, 27, 39)
    assert raw[p.column - 1:p.end_column - 1] == "503-555-0100"
