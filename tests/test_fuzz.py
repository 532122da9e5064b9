"""Hypothesis: `check` on arbitrary Unicode raises nothing, keeps spans in bounds, never passes a
draft a canary sentence was added to. Derandomized, so a run is repeatable."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from phi_guard import Draft, InReplyTo, Level
from phi_guard.normalize import normalize
from subproc import dev_drafts

FUZZ = settings(max_examples=60, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

# every code point, surrogates and unassigned ones included
ANY_TEXT = st.text(st.characters(blacklist_categories=()), max_size=300)
# and text that looks like drafts: words, names, digits, punctuation, some odd characters
WORDS = st.lists(st.sampled_from(["Jane", "Dr.", "Okafor", "your", "visit", "root canal", "chemo", "we", "so",
                                  "sorry", "503-555-0199", "jane@example.com", "#JakeStrong", "!", ".", ",",
                                  "\n", "\u200b", "Ｍａｒｇａｒｅｔ", "🦷", "\u2028", "@rob", "May 3", "1957"]),
                 max_size=40).map(" ".join)
DRAFT_TEXT = st.one_of(ANY_TEXT, WORDS)


@st.composite
def drafts(draw) -> Draft:
    kind = draw(st.sampled_from(["post", "reply", "comment", "dm"]))
    reply = None
    if kind != "post" and draw(st.booleans()):
        reply = InReplyTo(author=draw(st.one_of(st.none(), st.text(max_size=20))),
                          text=draw(st.one_of(st.none(), st.text(max_size=60))))
    return Draft(text=draw(DRAFT_TEXT), kind=kind, in_reply_to=reply, consent=draw(st.booleans()))


def check_invariants(draft: Draft, result) -> None:
    assert isinstance(result.level, Level)
    assert 0 <= result.risk <= 100
    assert isinstance(result.redacted, str)
    for f in result.findings:
        assert 0 <= f.start <= f.end <= len(draft.text), f
    if result.level is Level.ERROR:
        assert result.error and result.error.startswith("PG9") and result.blocks
    else:
        assert result.error is None


@FUZZ
@given(draft=drafts())
def test_check_on_arbitrary_unicode(linter, draft):
    result = linter.check(draft)  # raises nothing: the test fails on any exception
    check_invariants(draft, result)
    assert result.level is not Level.ERROR  # a short draft is never a fault


@FUZZ
@given(texts=st.lists(DRAFT_TEXT, min_size=1, max_size=5), batch=st.integers(1, 4))
def test_check_many_is_check(linter, texts, batch):
    ds = [Draft(text=t) for t in texts]
    assert list(linter.check_many(ds, batch_size=batch)) == [linter.check(d) for d in ds]


@settings(max_examples=300, deadline=None, derandomize=True)
@given(text=ANY_TEXT)
def test_normalize_maps_back_in_bounds_and_in_order(text):
    norm = normalize(text)
    if norm.orig is None:
        assert norm.text == text
        return
    assert len(norm.orig) == len(norm.text) + 1 and norm.orig[-1] == len(text)
    assert list(norm.orig) == sorted(norm.orig)
    for i in range(len(norm.text)):
        start, end = norm.to_original(i, i + 1)
        assert 0 <= start < end <= len(text)


CANARIES = [
    "Zebulon Quartermaine was diagnosed with diabetes.",
    "Our patient Ottoline Farquharson had her root canal with us yesterday.",
    "Harold Brightwater started chemotherapy this week.",
]
BASES = st.one_of(st.sampled_from([r["text"] for r in dev_drafts(80)]), WORDS,
                  st.text(st.characters(blacklist_categories=("Cs",)), max_size=120))


_TITLES = {"dr.", "mr.", "mrs.", "ms.", "mx.", "prof.", "st."}  # "Dr." ends no sentence


def _at_sentence_boundary(base: str, canary: str, before: bool) -> str:
    if before:
        return f"{canary} {base}"
    stripped = base.rstrip()
    if stripped and (not stripped.endswith((".", "!", "?")) or stripped.split()[-1].lower() in _TITLES):
        stripped += "."
    return f"{stripped} {canary}".lstrip()


@FUZZ
@given(base=BASES, canary=st.sampled_from(CANARIES), before=st.booleans())
def test_adding_a_canary_sentence_never_leaves_a_draft_below_block(linter, base, canary, before):
    """CONTRACTS 10: with consent false, a sentence naming a new person and their condition or
    treatment, added at a sentence boundary, leaves the draft at BLOCK."""
    result = linter.check(Draft(text=_at_sentence_boundary(base, canary, before)))
    assert result.level is Level.BLOCK, (result.level, result.reasons)
