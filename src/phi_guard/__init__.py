"""phi-guard: find protected health information in a practice's social-media drafts.

    from phi_guard import Linter, Draft, Profile, InReplyTo, Level
    linter = Linter(profile=Profile.load("profile.json"))
    result = linter.check(Draft(text="...", kind="reply", in_reply_to=InReplyTo(author="Jane D.")))
    result.level, result.risk, result.findings, result.redacted, result.blocks
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._errors import ConfigError, InputError, ModelError, PhiGuardError, RulePackError
from ._types import Authorization, Draft, Finding, InReplyTo, Level, Result, Severity
from .profile import Profile

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .linter import Linter, Settings

__all__ = [
    "Authorization", "ConfigError", "Draft", "Finding", "InReplyTo", "InputError", "Level", "Linter",
    "ModelError", "PhiGuardError", "Profile", "Result", "RulePackError", "Settings", "Severity",
    "__version__",
]


def __getattr__(name: str) -> Any:
    # The Linter pulls in spaCy and Presidio; import it only when asked for.
    if name in ("Linter", "Settings"):
        from . import linter

        return getattr(linter, name)
    raise AttributeError(name)
