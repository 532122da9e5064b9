"""PG210 relationship cues, family by family: a sentence that confirms someone is a patient, and
its minimal pair that does not (made-up sentences, written for these tests)."""

from __future__ import annotations

import time

import pytest

from phi_guard import Draft, InReplyTo, Severity
from phi_guard.packs import builtin_pack

REVIEW = InReplyTo(author="Dana R.", text="Front desk was slow.")


def reply(text: str) -> Draft:
    return Draft(text=text, kind="reply", platform="google", in_reply_to=REVIEW)


def cues(linter, text: str) -> list[str]:
    """RELATIONSHIP findings that count (not look-alikes, not info) in a reply."""
    result = linter.check(reply(text))
    return [text[f.start:f.end] for f in result.findings
            if f.label == "RELATIONSHIP" and f.severity is not Severity.INFO]


# (family, fires, minimal pair that stays quiet)
PAIRS = [
    ("see-you-again", "We look forward to seeing you again soon!",
     "We look forward to meeting you soon!"),
    ("experience-with-us", "Sorry your experience with our billing team was frustrating.",
     "Sorry to hear about your concerns with billing in general."),
    ("could-not-fit-in", "Sorry we couldn't fit you in sooner.",
     "We can get you in today, just call us."),
    ("call-about-results", "We'll have the nurse call you about the results.",
     "We'll have the nurse call you back about your question."),
    ("ran-late", "We apologize that Dr. Lee ran late for you.",
     "We apologize that the parking lot is under construction."),
    ("follow-up", "Let's get your follow-up on the books.",
     "Let's get a coffee on the books."),
    ("stay", "We're sorry your stay on the third floor was noisy.",
     "We're sorry the third floor is noisy during construction."),
    ("billing", "Thanks for your payment last week.",
     "Thanks for your patience last week."),
    ("invitation", "Sorry we had to move your appointment.",
     "Schedule your appointment today at our new office."),
    ("invitation-first-visit", "It was great to meet you at your first visit last week.",
     "Your first visit with us includes a full exam."),
    ("records-request", "We pulled up your records before calling.",
     "You can request your records through the portal."),
    ("care-team-said", "Your hygienist told us you were a champ.",
     "Please talk to your doctor about any new symptoms."),
    ("care-team-said-name", "Your provider Dr. Ames noted the swelling is down.",
     "Check in with your provider if the rash spreads."),
    ("we-have-cared", "We've been treating her since she was a toddler.",
     "Our doctors have been treating families here since 1985."),
    ("watched-grow", "It was a joy watching him grow up.",
     "It was a joy watching the new building go up."),
    ("care-received", "We're sorry about the care you received on Tuesday.",
     "We're sorry to hear about your experience."),
    ("delivered", "We delivered all three of her babies!",
     "We delivered all three boxes of toys!"),
    ("results-ready", "Your A1c came back at 6.1.",
     "An A1c test shows average blood sugar over three months."),
    ("results-look", "Your X-rays look great.",
     "Dental X-rays look at what the eye can't see."),
    ("device-ready", "Your retainer is ready at the front desk.",
     "Retainers are ready in about a week after the scan."),
    ("insurance", "Your insurance denied the claim, so we are appealing.",
     "Your insurance card has the member services number on the back."),
    ("we-billed", "We resubmitted your claim on Monday.",
     "We accept most plans, including Medicare."),
    ("feeling-better", "So glad to hear you're feeling better!",
     "So glad to hear you're doing well!"),
    ("healing", "Hope your tooth is healing nicely.",
     "Hope you have a great weekend."),
    ("curly-apostrophe", "So glad you’re feeling better!",
     "So glad you’re enjoying the new website!"),
    ("was-here", "I see you were in on Monday.",
     "I see you were at the game on Monday."),
    ("was-back", "He was back for his two-week weigh-in.",
     "He was back from vacation for a week."),
    ("had-to-wait", "We're sorry you had to wait so long.",
     "We're sorry you had a frustrating day."),
    ("new-smile", "Enjoy your new smile!",
     "Get your new smile with clear aligners."),
    ("front-desk-dated", "Sorry for the mix-up at the front desk on Monday.",
     "Our front desk is open at 8 on Monday."),
    ("sees-dr", "She sees Dr. Patel for her thyroid.",
     "She is a fan of Dr. Patel's podcast."),
    ("stopped-by", "Ms. Tran stopped by for a recheck.",
     "Over 200 neighbors stopped by for free blood pressure checks."),
    ("stopped-by-booth", "Thanks for stopping in yesterday!",
     "Thanks for stopping by our booth at the fair!"),
    ("dated-visit", "Sorry for the confusion at yesterday's appointment.",
     "Sorry for the confusion about yesterday's road closure."),
    ("little-patient", "This brave little patient got her first stitches.",
     "This brave little puppy got a new home."),
    ("staff-did", "Dr. Lee treated her in the ER.",
     "Dr. Lee treated patients abroad for a decade."),
    ("relative-care", "We hope your mom's care went smoothly.",
     "We hope your mom's birthday went smoothly."),
    ("on-file", "We updated the phone number on file for you; your card on file was charged.",
     "We updated the phone number on our website."),
    ("trooper", "Your son was such a trooper!",
     "Your sons will love our treasure chest."),
    ("charged", "You were charged twice and we're refunding it.",
     "Prices are listed on our website."),
    ("patient-of", "Harold was a longtime patient of Dr. Ruiz.",
     "Harold was a longtime fan of Dr. Ruiz."),
    ("first-time-here", "It was your very first time in the chair!",
     "It was our very first time at the parade!"),
    ("under-care", "He was under the care of our cardiology team.",
     "He was under the impression our office was closed."),
    ("has-appointment", "You have an appointment with Dr. Ruiz tomorrow.",
     "If you have an appointment with us, please arrive early."),
    ("thanks-letting-us", "Thank you for letting us care for your family.",
     "Thank you for letting us know."),
    ("pleasure-seeing", "It was a pleasure seeing you!",
     "It was a pleasure reading your review!"),
    ("lucky-to-care", "We were so lucky to care for her.",
     "We were so lucky to have sunshine for the 5K."),
    ("never-missed", "She never missed a cleaning in 40 years.",
     "She never missed a Mariners game in 40 years."),
    ("trusted-us", "Lydia has trusted us with her smile since 1979.",
     "Thanks for trusting us with your feedback."),
    ("we-had-a", "We had a little guy in today who swallowed a Lego.",
     "We had a little party today for our front desk team."),
    ("limped-in", "A man limped in with a nail through his boot.",
     "Walk-in appointments are available daily."),
    ("checked-in", "Sorry for the wait when you checked in yesterday.",
     "Sorry for the wait on our phone lines this week."),
    ("staff-told-you", "We're sorry our front desk told you the wrong time.",
     "We're sorry our phone lines were down this morning."),
    ("cleared", "Jalen is cleared to play as of today.",
     "The field is cleared to play as of today."),
    ("return-to-work", "She can return to work on Monday.",
     "Most kids can return to school once the fever is gone."),
    ("see-you-day", "See you Thursday!",
     "We hope to see you Thursday at the open house."),
    ("went-well", "The surgery went well and she is resting comfortably.",
     "The fundraiser went well and everyone is resting now."),
    ("seen-since", "Dr. Ames has seen him since he was born.",
     "Dr. Ames has lived here since she was born."),
    ("in-my-chair", "She sat in my chair for the first time at age three.",
     "Our new chairs are the comfiest in town."),
    ("idiom", "You're in for your cleaning at 3.",
     "You're in for a treat with our new coffee bar!"),
    ("their-care", "We're so sorry about the delay in her care.",
     "She really does care about her patients."),
    ("file", "We flagged your file for the billing team.",
     "You can file a complaint with the state board."),
    ("look-who", "Look who came in for her checkup today!",
     "Look what is new in our waiting room today!"),
    ("exam-result", "Your incision looks great.",
     "Our new website looks great."),
    ("spanish-next", "Su próxima cita es el martes.",
     "Haga su cita hoy en nuestro sitio web."),
    ("spanish-welcome-back", "Bienvenida de nuevo, nos alegra verla.",
     "Bienvenida a nuestro nuevo sitio web."),
    ("spanish-recovery", "Esperamos que su recuperación vaya bien.",
     "Esperamos que su fin de semana vaya bien."),
    ("spanish-saw", "Lo vimos el lunes por la tarde.",
     "Lo anunciamos el lunes por la tarde."),
    ("spanish-missed", "Usted faltó a su cita del lunes.",
     "Programe su cita en línea."),
    ("after-care-wishes", "We hope you're feeling better after Tuesday.",
     "We hope everyone is feeling better this flu season."),
    ("after-care-wishes", "So glad the swelling has gone down!",
     "Swelling usually goes down in two days."),
    ("after-care-wishes", "We're glad your hygienist made the cleaning painless.",
     "Ask your hygienist about sealants."),
    ("after-care-wishes", "Reminder: your 3pm tomorrow with Dr. Lee.",
     "Reminder: we close at 3pm tomorrow."),
]


@pytest.mark.parametrize(("family", "fires", "quiet"), PAIRS, ids=[p[0] for p in PAIRS])
def test_cue_fires_and_its_minimal_pair_does_not(linter, family, fires, quiet):
    assert cues(linter, fires), f"{family}: no relationship cue"
    assert not cues(linter, quiet), f"{family}: the look-alike raised a cue"


# hypotheticals, invitations, education and group talk that must stay quiet in a reply
@pytest.mark.parametrize("text", [
    "Book your visit online anytime.",
    "If you ever need a cleaning, we'd love to see you.",
    "Your smile deserves the best care.",
    "Our patients love the new waiting room.",
    "Every patient gets a free toothbrush.",
    "New patients are welcome at all three offices.",
    "Our longtime patients know we care.",
    "Many plans cover your annual physical at no cost.",
    "Your child's first dental visit should be by age one.",
    "Please ask your pharmacist about interactions.",
    "We'll share your kind words with the team.",
    "Thanks for coming out to the health fair!",
])
def test_lookalikes_raise_no_relationship_cue(linter, text):
    assert not cues(linter, text)


@pytest.mark.parametrize("adversarial", [
    "your " * 4000 + "x",
    "we've been " * 2000 + "x",
    "our " * 4000 + "patient portal",
    "a " * 4000 + "little x",
    "su " * 4000 + "x",
    "glad you're " * 2000 + "x",
])
def test_relationship_patterns_stay_fast_on_adversarial_input(adversarial):
    pats = [p for p in builtin_pack().patterns if p.label == "RELATIONSHIP"]
    for p in pats:
        t0 = time.perf_counter()
        list(p.compiled.finditer(adversarial, timeout=5))
        assert time.perf_counter() - t0 < 1.0, p.name
