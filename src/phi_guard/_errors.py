"""The exception hierarchy. Messages name fields, files and codes, never draft text.

    PhiGuardError
    +-- ConfigError        a Linter, profile or settings cannot be built
    |   +-- RulePackError  a rule pack is malformed (every problem with its file and line)
    |   +-- ModelError     the spaCy model is missing, altered, or cannot load
    +-- InputError         a Draft or an input record cannot be built
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
