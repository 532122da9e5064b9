"""The canary self-test: drafts with known PHI that must block, run before every batch audit.

A linter that is broken (a detector that finds nothing, a rule pack that lost its patterns, an
altered pipeline, a profile that swallows everything) would pass drafts that hold PHI. Each
canary is a synthetic draft with PHI that any working phi-guard blocks, with the labels it must
find: e-mail (found by Presidio alone), MRN (rule-pack patterns), a condition (term lists), a
name (the model and the gazetteers), a confirmed patient relationship, and a name hidden with a
zero-width space (normalization). ``self_test`` returns what failed; the CLI stops with exit
status 2 before reading any input when anything did, and the test suite runs it too.

Canary values are invented; they name no real person.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, replace

from ._types import Draft, InReplyTo, Level


@dataclass(frozen=True, slots=True)
class Canary:
    name: str
    draft: Draft
    labels: frozenset[str]  # each must be among the findings that are not info


CANARIES: tuple[Canary, ...] = (
    Canary("named-patient-procedure",
           Draft(text="Zebulon Quartermaine came in today for his chemotherapy. Wishing him strength!"),
           frozenset({"NAME", "PROCEDURE"})),
    Canary("reply-confirms-care",
           Draft(text="Ottoline, we're so sorry your root canal still hurts after your visit.", kind="reply",
                 in_reply_to=InReplyTo(author="Ottoline F.", text="My root canal still hurts.")),
           frozenset({"NAME", "RELATIONSHIP"})),
    Canary("record-numbers",
           Draft(text="Our patient Harold Brightwater, MRN 00482913, was diagnosed with type 2 diabetes."),
           frozenset({"NAME", "MRN", "CONDITION"})),
    Canary("email-results",
           Draft(text="Ottoline Farquharson, your biopsy results are ready: email "
                      "ottoline.farquharson@example.com with questions."),
           frozenset({"EMAIL"})),
    Canary("hidden-name",
           Draft(text="M\u200bargaret Whitfield was diagnosed with breast cancer and started chemo with us."),
           frozenset({"NAME", "CONDITION"})),
)

CANARY_VALUES: tuple[str, ...] = (
    "Zebulon", "Quartermaine", "Ottoline", "Farquharson", "Brightwater", "00482913",
    "ottoline.farquharson@example.com", "Whitfield",
)


@dataclass(frozen=True, slots=True)
class Failure:
    canary: str
    level: str
    missing: tuple[str, ...]

    def describe(self) -> str:
        missing = f", missing {', '.join(self.missing)}" if self.missing else ""
        return f"canary '{self.canary}' gave {self.level} (expected block{missing})"


def _uncapped(linter: object, longest: int) -> object:
    """The linter itself, or a shallow copy whose size cap admits the canaries (a cap set very low
    for a run says nothing about whether detection works)."""
    settings = getattr(linter, "settings", None)
    if settings is None or settings.max_chars >= longest:
        return linter
    probe = copy.copy(linter)
    probe.settings = replace(settings, max_chars=longest)  # type: ignore[attr-defined]
    return probe


def self_test(linter: object, canaries: tuple[Canary, ...] = CANARIES) -> list[Failure]:
    """Every canary that does not give BLOCK with its labels (an ERROR is a failure too)."""
    failures = []
    probe = _uncapped(linter, max(len(c.draft.text) for c in canaries))
    for c in canaries:
        try:
            result = probe.check(c.draft)  # type: ignore[attr-defined]
        except Exception as exc:  # noqa: BLE001 - a crash is a failed self-test
            failures.append(Failure(c.name, f"an exception ({type(exc).__name__})", ()))
            continue
        found = {f.label for f in result.findings if f.severity.value != "info"}
        missing = tuple(sorted(c.labels - found))
        if result.level is not Level.BLOCK or missing:
            failures.append(Failure(c.name, result.level.value, missing))
    return failures
