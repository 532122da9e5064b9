"""The benchmark workload (benchmarks/workload.py) is reproducible and has the promised mix. No timing here."""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import workload  # noqa: E402
from phi_guard.records import Record, iter_records  # noqa: E402

N = 10_000


@pytest.fixture(scope="module")
def records():
    return workload.generate(N)


def test_same_seed_gives_byte_identical_jsonl(records):
    assert workload.to_jsonl(workload.generate(N)) == workload.to_jsonl(records)


def test_another_seed_gives_another_workload():
    one, other = workload.generate(500), workload.generate(500, seed=workload.DEFAULT_SEED + 1)
    assert [r["text"] for r in one] != [r["text"] for r in other]


@pytest.mark.parametrize("n, short, medium, long", [
    (10_000, 7_000, 2_500, 500),
    (1_000, 700, 250, 50),
    (100_000, 70_000, 25_000, 5_000),
])
def test_size_counts_are_exact(n, short, medium, long, records):
    got = records if n == N else workload.generate(n) if n < N else None
    if got is None:  # 100k: the schedule alone, without building every draft
        sizes = round(n * workload.MIX["medium"]), round(n * workload.MIX["long"])
        assert (n - sum(sizes), *sizes) == (short, medium, long)
        return
    assert workload.describe(got)["sizes"] == {"short": short, "medium": medium, "long": long, "oversize": 0}


@pytest.mark.parametrize("size, lo, hi", [
    ("short", 1, workload.SHORT_MAX),
    ("medium", workload.SHORT_MAX + 1, workload.MEDIUM_MAX),
    ("long", workload.MEDIUM_MAX + 1, workload.LONG_MAX),
])
def test_each_size_class_stays_in_its_length_range(records, size, lo, hi):
    lengths = [len(r["text"]) for r in records if workload.size_class(r["text"]) == size]
    assert lengths and lo <= min(lengths) and max(lengths) <= hi


def test_every_record_is_a_valid_input_record_with_a_unique_id(records):
    items = list(iter_records(io.BytesIO(workload.to_jsonl(records))))
    assert len(items) == N and all(isinstance(it, Record) for it in items)
    assert len({it.draft.id for it in items}) == N


def test_replies_comments_and_dms_carry_in_reply_to_and_posts_do_not(records):
    for r in records:
        assert (r["in_reply_to"] is not None) == (r["kind"] != "post"), r["id"]
    x_replies = [r for r in records if r["platform"] == "x" and r["in_reply_to"]]
    assert x_replies and all(r["in_reply_to"]["text"] is None for r in x_replies)


@pytest.mark.parametrize("what, pattern, at_least", [
    ("phone number", r"\(?\d{3}\)?[ .-]\d{3}[ .-]\d{4}|\+1 \d{3} \d{3} \d{4}", 0.15),
    ("date", r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December) \d|\b\d{1,2}/\d{1,2}\b", 0.10),
    ("hashtag", r"#\w+", 0.20),
    ("emoji", r"[\U0001F300-\U0001FAFF\u2600-\u27BF]", 0.30),
    ("staff or practice name", r"Dr\. |Cedar Hollow|CHHP|Dawn|Keoni", 0.15),
    ("condition or procedure", r"diabetes|asthma|root canal|filling|crown|braces|flu|cancer|chemo|biopsy", 0.15),
    ("Spanish", workload.SPANISH.pattern, 0.05),
])
def test_the_workload_holds_realistic_content(records, what, pattern, at_least):
    share = sum(bool(re.search(pattern, r["text"])) for r in records) / N
    assert share >= at_least, f"{what}: {share:.1%}"


def test_short_drafts_are_mostly_posts_and_replies(records):
    short = [r for r in records if workload.size_class(r["text"]) == "short"]
    kinds = {k: sum(r["kind"] == k for r in short) / len(short) for k in ("post", "reply", "comment", "dm")}
    assert kinds["post"] > 0.35 and kinds["reply"] > 0.25 and kinds["comment"] > 0.05 and kinds["dm"] > 0.05
