"""The exception hierarchy. Messages name fields, files and codes, never draft text.

    PhiGuardError
    +-- ConfigError        a Linter, profile or settings cannot be built
    |   +-- RulePackError  a rule pack is malformed (every problem with its file and line)
    |   +-- ModelError     the spaCy model is missing, altered, or cannot load
    +-- InputError         a Draft or an input record cannot be built

The PG9xx codes (a raised error's message starts with its code; an ERROR result's ``error`` is
"code: message"):

    PG901  configuration: settings, profile, an unreadable input file, a conflicting distribution
    PG902  a rule pack that cannot be used (every problem listed, catastrophic patterns included)
    PG903  the spaCy model is missing or does not match its fingerprint
    PG910  an input record that cannot be read (invalid_json, duplicate_key, missing_text, ...)
    PG911  input_too_large: a draft over the size cap, or a line over the byte cap
    PG920  timeout: a pattern past its time cap, or the draft past its time budget
    PG930  internal error: a stage that raised (named, with the exception's type, never its
           message), or a failed canary self-test
"""

from __future__ import annotations


class PhiGuardError(Exception):
    """Base of every error phi-guard raises on purpose."""

    code = "PG900"

    def __str__(self) -> str:
        return super().__str__()


class ConfigError(PhiGuardError):
    code = "PG901"


class RulePackError(ConfigError):
    code = "PG902"


class ModelError(ConfigError):
    code = "PG903"


class InputError(PhiGuardError):
    code = "PG910"
