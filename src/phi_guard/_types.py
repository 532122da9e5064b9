"""Frozen value types shared by every stage.

Labels are exactly those of ``shared/eval/GUIDELINES.md``. Offsets are code points into the
original draft text, end exclusive.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Literal, Union

from ._errors import InputError

IDENTIFIER_LABELS: frozenset[str] = frozenset(
    {
        "NAME", "HANDLE", "LOCATION", "DATE", "AGE", "PHONE", "FAX", "EMAIL", "URL",
        "IP_ADDRESS", "SSN", "MRN", "HEALTH_PLAN_ID", "ACCOUNT_NUMBER", "LICENSE_NUMBER",
        "VEHICLE_ID", "DEVICE_ID", "BIOMETRIC", "OTHER_ID",
    }
)
HEALTH_LABELS: frozenset[str] = frozenset({"CONDITION", "PROCEDURE", "MEDICATION"})
CONTEXT_LABELS: frozenset[str] = frozenset({"RELATIONSHIP"})
LABELS: frozenset[str] = IDENTIFIER_LABELS | HEALTH_LABELS | CONTEXT_LABELS

KINDS: frozenset[str] = frozenset({"post", "reply", "comment", "dm"})
Kind = Literal["post", "reply", "comment", "dm"]


class Level(str, enum.Enum):
    """The verdict on one draft. ``BLOCK`` and ``ERROR`` both stop publishing."""

    BLOCK = "block"
    WARN = "warn"
    PASS = "pass"
    ERROR = "error"

    def __str__(self) -> str:
        return self.value


class Severity(str, enum.Enum):
    """How much a finding weighs. ``INFO`` is shown but never raises risk."""

    INFO = "info"
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"

    def __str__(self) -> str:
        return self.value

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {Severity.INFO: 0, Severity.LOW: 1, Severity.MEDIUM: 2, Severity.HIGH: 3,
                  Severity.CRITICAL: 4}


@dataclass(frozen=True, slots=True)
class InReplyTo:
    """The review, comment or message a draft answers."""

    author: str | None = None
    text: str | None = None

    def __post_init__(self) -> None:
        for name in ("author", "text"):
            value = getattr(self, name)
            if value is not None and not isinstance(value, str):
                raise InputError(f"in_reply_to.{name} must be a string or null")


@dataclass(frozen=True, slots=True)
class Authorization:
    """A written HIPAA authorization on file, naming the patients it covers."""

    subjects: tuple[str, ...]
    reference: str | None = None
    scope: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        subjects = self.subjects
        if isinstance(subjects, list):
            object.__setattr__(self, "subjects", tuple(subjects))
            subjects = self.subjects
        if not isinstance(subjects, tuple) or not all(isinstance(s, str) for s in subjects):
            raise InputError("consent.subjects must be a list of strings")
        if self.reference is not None and not isinstance(self.reference, str):
            raise InputError("consent.reference must be a string or null")
        scope = self.scope
        if isinstance(scope, list):
            object.__setattr__(self, "scope", tuple(scope))
        if not all(isinstance(s, str) for s in self.scope):
            raise InputError("consent.scope must be a list of strings")


Consent = Union[bool, Authorization]


@dataclass(frozen=True, slots=True)
class Draft:
    """One piece of text a practice means to publish (or has published)."""

    text: str
    kind: str = "post"
    platform: str | None = None
    in_reply_to: InReplyTo | None = None
    consent: Consent = False
    id: str | int | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.text, str):
            raise InputError("text must be a string")
        if self.kind not in KINDS:
            raise InputError("kind must be one of: comment, dm, post, reply")
        if self.platform is not None and not isinstance(self.platform, str):
            raise InputError("platform must be a string or null")
        if self.in_reply_to is not None and not isinstance(self.in_reply_to, InReplyTo):
            raise InputError("in_reply_to must be an InReplyTo or None")
        if not isinstance(self.consent, (bool, Authorization)):
            raise InputError("consent must be true, false or an Authorization")
        if self.id is not None and (isinstance(self.id, bool) or not isinstance(self.id, (str, int))):
            raise InputError("id must be a string or a number")

    @property
    def has_consent(self) -> bool:
        return self.consent is True or isinstance(self.consent, Authorization)

    @property
    def is_reply(self) -> bool:
        return self.kind in ("reply", "comment", "dm")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A span some detector proposes, before merging and scoring."""

    start: int
    end: int
    label: str
    score: float
    source: str  # which detector or pattern fired, e.g. "presidio:PhoneRecognizer"
    lookalike: str | None = None  # why this is not PHI ("profile:phone", "holiday"), or None
    detail: str = ""  # a sub-kind ("title", "relative", "hashtag"), never the text
    rule: str | None = None  # set for cues of rules without a label (billing, advice, tone)


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing the linter reports about a draft. ``message`` never repeats draft text."""

    start: int
    end: int
    label: str | None
    rule: str
    severity: Severity
    score: float
    message: str

    def to_dict(self) -> dict[str, object]:
        return {
            "start": self.start, "end": self.end, "label": self.label, "rule": self.rule,
            "severity": self.severity.value, "score": round(self.score, 2),
        }


@dataclass(frozen=True, slots=True)
class Result:
    """What ``Linter.check`` returns for one draft."""

    level: Level
    risk: int
    findings: tuple[Finding, ...]
    redacted: str
    reasons: tuple[str, ...] = ()  # the rule codes that drove the level
    error: str | None = None  # "PG9xx: message" when level is ERROR
    rewrite: str | None = None
    id: str | int | None = field(default=None)

    @property
    def blocks(self) -> bool:
        """True when the draft must not be published as written (BLOCK or ERROR)."""
        return self.level in (Level.BLOCK, Level.ERROR)
