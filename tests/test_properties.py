"""Hypothesis properties: spans in bounds, no undeclared exception, redaction never blocks again."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from phi_guard import Draft, InReplyTo, Level

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
WORDS = st.sampled_from(["Jane", "Maria Lopez", "your visit", "root canal", "chemo", "yesterday", "May 3",
                         "503-555-0199", "our patient", "flu season", "Dr. Zhou", "thanks", "we", "the",
                         "is", "and", "!", ".", "🦷", "had", "his", "her", "came in", "#JakeStrong", "leukemia"])
TEXTS = st.lists(WORDS, min_size=1, max_size=25).map(" ".join)


@SETTINGS
@given(text=st.text(max_size=300))
def test_any_unicode_gives_a_result_with_spans_in_bounds(linter, text):
    r = linter.check(Draft(text=text))
    assert r.level in tuple(Level)
    for f in r.findings:
        assert 0 <= f.start <= f.end <= len(text)


@SETTINGS
@given(text=TEXTS, kind=st.sampled_from(["post", "reply"]))
def test_checking_the_redacted_draft_never_blocks(linter, text, kind):
    irt = InReplyTo(author="Jane D.", text="hi") if kind == "reply" else None
    first = linter.check(Draft(text=text, kind=kind, in_reply_to=irt))
    again = linter.check(Draft(text=first.redacted, kind=kind, in_reply_to=irt))
    assert again.level is not Level.BLOCK


@SETTINGS
@given(text=TEXTS)
def test_check_many_is_check_for_any_batch_size(linter, text):
    drafts = [Draft(text=text), Draft(text=text + " Jane Roe had chemo yesterday.")]
    for size in (1, 2):
        assert list(linter.check_many(drafts, batch_size=size)) == [linter.check(d) for d in drafts]


def test_check_many_with_two_processes_matches(linter):
    drafts = [Draft(text=f"Patient {i}: Jane Roe had chemo on May {i % 28 + 1}.") for i in range(40)]
    assert list(linter.check_many(drafts, batch_size=7, n_process=2)) == [linter.check(d) for d in drafts]


def test_a_redacted_identifier_keeps_its_sentence_together(linter):
    """The sentence model reads "[########]" as a sentence start; the judge must not, or a
    health word the original held in a general sentence ("flu season") stands alone and blocks."""
    irt = InReplyTo(author="Jane D.", text="hi")
    first = linter.check(Draft(text="leukemia 503-555-0199 flu season", kind="reply", in_reply_to=irt))
    again = linter.check(Draft(text=first.redacted, kind="reply", in_reply_to=irt))
    assert first.level is not Level.BLOCK and again.level is not Level.BLOCK
