"""Each HIPAA-context rule: a draft that fires it, and its minimal pair that does not (synthetic)."""

from __future__ import annotations

import pytest

from phi_guard import Authorization, Draft, InReplyTo, Level, Severity

REVIEW = InReplyTo(author="Dana R.", text="Front desk was slow.")


def reply(text: str) -> Draft:
    return Draft(text=text, kind="reply", platform="google", in_reply_to=REVIEW)


def raised(result) -> set[str]:
    return {f.rule for f in result.findings if f.severity is not Severity.INFO}


# (rule, draft that fires it, minimal pair that does not)
CASES = [
    ("PG210", reply("We're sorry your appointment ran late."),
              reply("We're sorry to hear this; please call us so we can help.")),
    ("PG211", reply("Dana, glad your crown feels better!"),
              reply("Dana, thank you for the feedback!")),
    ("PG212", reply("You've missed three appointments this year."),
              reply("We'd be glad to help with scheduling.")),
    ("PG213", reply("Your balance of $240 is from the strep test."),
              reply("For privacy we can't discuss account details here.")),
    ("PG213", reply("Your Aetna plan only covers two cleanings a year."),
              reply("Many plans cover two cleanings a year; check with your insurer.")),
    ("PG213", reply("Your HSA card was declined at checkout."),
              reply("We take HSA cards at checkout.")),
    ("PG215", reply("So proud of you for staying sober, we love seeing you at group!"),
              reply("So proud of our community for showing up this year!")),
    ("PG220", reply("You should double your metformin dose until your sugars come down."),
              reply("Please call our nurse line so a clinician can advise you privately.")),
    ("PG220", reply("Give him 2 teaspoons of the cough syrup tonight."),
              reply("Give us a call tonight and the nurse will help.")),
    ("PG201", Draft(text="Congrats Maya Torres on beating leukemia!"),
              Draft(text="Leukemia is the most common cancer in children.")),
    ("PG202", Draft(text="Leo Marsh had his knee replacement yesterday and is walking already!"),
              Draft(text="Knee replacement recovery usually takes a few months.")),
    ("PG203", Draft(text="Gina Park, your Ozempic is ready for pickup."),
              Draft(text="Ozempic is in short supply nationwide.")),
]


@pytest.mark.parametrize(("rule", "fires", "quiet"), CASES, ids=[c[0] for c in CASES])
def test_rule_fires_and_its_minimal_pair_does_not(linter, rule, fires, quiet):
    hit = linter.check(fires)
    assert rule in raised(hit), hit.findings
    assert hit.level is Level.BLOCK
    miss = linter.check(quiet)
    assert rule not in raised(miss)
    assert miss.level is not Level.BLOCK


def test_hostile_reply_warns_but_does_not_block(linter):
    r = linter.check(reply("That's a lie and you know it."))
    assert "PG218" in raised(r) and r.level is Level.WARN
    assert linter.check(reply("Thank you for telling us.")).level is Level.PASS


# (hostile or defensive, its calm minimal pair)
TONE = [
    ("Maybe if you showed up on time you wouldn't be upset.", "If you arrive early, we can often see you sooner."),
    ("This review is completely false.", "We'd like to learn more about what happened."),
    ("Please stop spreading lies about our practice.", "Please call us so we can make this right."),
    ("We will be contacting our attorney about this review.", "We will be contacting our office manager about this."),
    ("People like you are why we have a cancellation fee.", "Our cancellation policy is posted at the front desk."),
    ("Frankly, your attitude was unacceptable.", "Frankly, that was unacceptable, and we have addressed it."),
    ("You clearly didn't read the form.", "Your feedback clearly matters to us."),
]


@pytest.mark.parametrize(("hostile", "calm"), TONE, ids=[t[0][:24] for t in TONE])
def test_hostile_tone_warns_and_its_calm_pair_does_not(linter, hostile, calm):
    assert "PG218" in raised(linter.check(reply(hostile)))
    assert "PG218" not in raised(linter.check(reply(calm)))


def test_story_without_authorization_blocks_and_with_it_passes(linter):
    text = "Patient spotlight: meet Ana Ruiz, who finished chemo this spring!"
    assert linter.check(Draft(text=text)).level is Level.BLOCK
    assert linter.check(Draft(text=text, consent=True)).level is not Level.BLOCK


def test_consent_covers_its_subject_not_others(linter):
    text = "Ana Ruiz finished chemo this spring! Her friend Carla Diaz had her gallbladder surgery too."
    covered = Authorization(subjects=("Ana Ruiz",), reference="AUTH-1")
    assert linter.check(Draft(text=text, consent=covered)).level is Level.BLOCK
    only_ana = "Ana Ruiz finished chemo this spring!"
    assert linter.check(Draft(text=only_ana, consent=covered)).level is not Level.BLOCK


@pytest.mark.parametrize(("mention", "covered"), [
    ("Ms. Ruiz", True), ("Ana", True), ("Mrs. Ana Ruiz", True),
    ("Tom Ruiz", False),  # her husband shares her surname, not her authorization
])
def test_consent_covers_the_subject_by_name_not_a_relative_by_surname(linter, mention, covered):
    text = f"Ana Ruiz finished chemo this spring! {mention} drove in for every session."
    result = linter.check(Draft(text=text, consent=Authorization(subjects=("Ana Ruiz",))))
    flagged = [f for f in result.findings if f.label == "NAME" and f.severity is not Severity.INFO]
    assert (not flagged) is covered


def test_spoken_ok_is_not_consent(linter):
    text = "Mr. Greene with his new walker! He said 'ok fine post it'."
    assert linter.check(Draft(text=text)).level is Level.BLOCK


@pytest.mark.parametrize("text", [
    "Flu season is here: get your flu shot at any office.",
    "1 in 3 adults has prediabetes. Ask your doctor about an A1c test.",
    "If you ever need a root canal, Dr. Zhou is the gentlest in town.",
    "Our patients love the new waiting room.",
])
def test_education_aggregates_hypotheticals_and_groups_pass(linter, text):
    assert linter.check(Draft(text=text)).level is Level.PASS


@pytest.mark.parametrize(("text", "level"), [
    # an invitation speaks to anyone, even in a reply: its health words are no one's
    ("We'd love to see you! Book your first visit online.", Level.PASS),
    # its minimal pair: the same sentence once care is confirmed
    ("Thanks for coming in last week! Book your follow-up online.", Level.BLOCK),
])
def test_invitation_in_a_reply_confirms_nothing(linter, text, level):
    review = InReplyTo(author="Dana R.", text="Looking for a new dentist.")
    assert linter.check(Draft(text=text, kind="reply", in_reply_to=review)).level is level


def test_relationship_cue_in_a_denial_is_info_not_a_warning(linter):
    denial = linter.check(Draft(text="We cannot confirm whether anyone came in on Friday."))
    assert denial.level is Level.PASS
    assert all(f.severity is Severity.INFO for f in denial.findings if f.label == "RELATIONSHIP")
    lone = linter.check(Draft(text="Someone came in on Friday."))
    assert any(f.label == "RELATIONSHIP" and f.severity is not Severity.INFO for f in lone.findings)


@pytest.mark.parametrize(("text", "level"), [
    # an age as a noun ("a 3-year-old") is a described person; "this morning" dates it
    ("This morning we helped a 3-year-old who swallowed a magnet.", Level.BLOCK),
    ("Most 3-year-olds are curious about magnets, so keep them out of reach.", Level.PASS),
    # a room or bed number points at one person as a name does
    ("Room 12 is finally going home after 40 days in the NICU.", Level.BLOCK),
    ("Our NICU has 40 private rooms.", Level.PASS),
    # a bed holds a patient; an exam room is part of the building, not a person
    ("Thank you to the family in bed 4 for the lovely flowers.", Level.BLOCK),
    ("Exam room 3 got a makeover!", Level.PASS),
    # one of a kind: the first patient of a year
    ("Our very first patient of 2026 arrived at 12:03 am: a baby boy!", Level.BLOCK),
    ("Our very first patient of the day always gets a sticker.", Level.WARN),
])
def test_described_or_numbered_person_without_a_name(linter, text, level):
    assert linter.check(Draft(text=text)).level is level


def test_dated_anecdote_without_a_name_blocks(linter):
    text = "A guy came into urgent care yesterday with a fishhook in his thumb."
    assert linter.check(Draft(text=text)).level is Level.BLOCK


def test_staff_revealed_as_patient_blocks_but_staff_news_passes(linter):
    patient = "Our hygienist Dawn delivered on Saturday after three rounds of IVF!"
    news = "Say hi to Dawn Kowalski, RDH, our lead hygienist!"
    assert linter.check(Draft(text=patient)).level is Level.BLOCK
    assert linter.check(Draft(text=news)).level is Level.PASS


def test_unmasking_a_pseudonymous_reviewer_is_critical(linter):
    d = Draft(text="Jennifer Park, your crown is ready.", kind="reply",
              in_reply_to=InReplyTo(author="J. Park", text="Where is my crown?"))
    sev = {f.severity for f in linter.check(d).findings if f.rule == "PG211"}
    assert Severity.CRITICAL in sev


def test_findings_explain_without_quoting(linter):
    d = reply("Dana, your root canal on May 3 went great.")
    for f in linter.check(d).findings:
        assert f.rule in f.message and "root canal" not in f.message and "Dana" not in f.message


def test_blocked_reply_offers_a_compliant_rewrite_that_passes(linter, dev_profile):
    r = linter.check(reply("Dana, we're sorry your appointment ran late."))
    assert r.level is Level.BLOCK and r.rewrite
    assert dev_profile.phones[0] in r.rewrite and "Dana" not in r.rewrite
    assert linter.check(reply(r.rewrite)).level is not Level.BLOCK
    assert linter.check(reply("Thanks Dana!")).rewrite is None
