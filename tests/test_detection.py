"""Real detections on the real model, as tables."""

from __future__ import annotations

import pytest

from phi_guard import Draft, InReplyTo, Level, Severity

REPLY = dict(kind="reply", platform="google", in_reply_to=InReplyTo(author="Jane D.", text="Waited 2 hours"))


def labels_raised(result):
    return {f.label for f in result.findings if f.severity is not Severity.INFO}


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Call Tom at 503-555-0199 about his results.", "PHONE"),
        ("Her SSN 078-05-1120 was on the form.", "SSN"),
        ("Email maria.lopez@example.com about her chart.", "EMAIL"),
        ("Logins to her portal came from 198.51.100.23.", "IP_ADDRESS"),
        ("MRN 00482913 belongs to Mr. Banks, our patient.", "MRN"),
        ("Mr. Banks, member ID BSK-4471-0098, our patient.", "HEALTH_PLAN_ID"),
        ("Mr. Banks, our patient, turned 97 years old today.", "AGE"),
        ("@rob_delacroix we got the recall notice for your pacemaker serial PJN301287.", "DEVICE_ID"),
        ("Mrs. Kapoor, our patient, came in on October 2nd.", "DATE"),
    ],
)
def test_identifier_is_found(linter, text, label):
    assert label in labels_raised(linter.check(Draft(text=text)))


@pytest.mark.parametrize(
    ("text", "extra", "level"),
    [
        # confirming care to the reviewer blocks, with no diagnosis at all
        ("Jane, we're sorry your visit ran late.", REPLY, Level.BLOCK),
        # a reply that only thanks and moves offline passes
        ("Jane, thank you for the feedback. Please call (503) 555-0142.", REPLY, Level.PASS),
        # the practice's own phone and staff are look-alikes
        ("Say hi to Dr. Adaeze Okafor! Call (503) 555-0142 to book.", {}, Level.PASS),
        # a named patient with a relationship cue blocks
        ("Rest easy, Mr. Harold Banks, a patient of ours for 31 years.", {}, Level.BLOCK),
        # a lone identifier warns
        ("Whoever lost a phone, the number on the case is 541-555-0199.", {}, Level.WARN),
    ],
)
def test_levels(linter, text, extra, level):
    assert linter.check(Draft(text=text, **extra)).level is level


def test_message_never_contains_text(linter):
    text = "Jane, we're sorry your visit on May 3 ran late; call 541-555-0199."
    result = linter.check(Draft(text=text, **REPLY))
    assert result.findings
    for f in result.findings:
        assert text[f.start:f.end] not in f.message


def test_offsets_are_code_points(linter):
    text = "🦷🦷 Jane, we're sorry your visit ran late."
    result = linter.check(Draft(text=text, **REPLY))
    names = [f for f in result.findings if f.label == "NAME"]
    assert names and text[names[0].start:names[0].end] == "Jane"


def test_without_profile_nothing_is_the_practices_own(bare_linter):
    result = bare_linter.check(Draft(text="Call Cedar Hollow at (503) 555-0142 about your refill, Dana."))
    phones = [f for f in result.findings if f.label == "PHONE"]
    assert phones and phones[0].severity is not Severity.INFO


def test_redacted_draft_does_not_block_again(linter):
    text = "Jane, we're sorry your visit on May 3 ran late. Dr. Zhou will call you."
    first = linter.check(Draft(text=text, **REPLY))
    assert first.level is Level.BLOCK
    again = linter.check(Draft(text=first.redacted, **REPLY))
    assert again.level is not Level.BLOCK
    assert "visit" not in first.redacted


def test_check_many_matches_check(linter):
    drafts = [Draft(text=t, **REPLY) for t in ("Jane, sorry your visit ran late.", "Thanks Jane!", "x" * 10)]
    assert list(linter.check_many(drafts, batch_size=2)) == [linter.check(d) for d in drafts]


def test_oversized_draft_is_an_error_not_a_pass(linter):
    from phi_guard import Linter, Settings

    small = Linter(settings=Settings(max_chars=20))
    result = small.check(Draft(text="a" * 21))
    assert result.level is Level.ERROR and result.blocks
    assert result.error.startswith("PG911: input_too_large")


@pytest.mark.parametrize(("text", "name"), [
    ("Lamentamos la espera durante su visita del martes.", None),  # Spanish words, no person
    ("Meet Lotte van de Noort, our new billing lead.", "van de Noort"),  # a particle opens a surname
])
def test_a_name_never_opens_with_a_lowercase_common_word(bare_linter, text, name):
    names = [text[f.start:f.end] for f in bare_linter.check(Draft(text=text)).findings if f.label == "NAME"]
    if name is None:
        assert not any(n[:1].islower() for n in names)
    else:
        assert any(name in n for n in names)


@pytest.mark.parametrize(("author", "text", "found"), [
    ("Jessie Moore", "Jessie, thanks for the kind words!", "Jessie"),
    ("Jessie Moore", "JESSIE MOORE, thanks!", "JESSIE MOORE"),
    ("Jessie Moore", "Je\u017f\u017fie, thanks!", "Je\u017f\u017fie"),   # long s: the engine folds it to s
    ("Kim Ode", "\u212aim, thanks!", "\u212aim"),                         # Kelvin sign
    ("Jessie Moore", "Jess, thanks!", None),                              # no form of the name
])
def test_the_person_answered_is_found_in_any_case(author, text, found):
    from phi_guard.detectors.names import NameGazetteer, addressee_mentions
    from phi_guard.packs import builtin_pack

    got = [text[c.start:c.end] for c in addressee_mentions(text, author, NameGazetteer(builtin_pack()))]
    assert (got[:1] or [None])[0] == found
