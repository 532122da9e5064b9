"""Finding fingerprints for baselines and SARIF ``partialFingerprints`` (CONTRACTS 7).

Phone numbers, dates and names are guessable, so a plain or salted hash of a span's text could
be reversed by trying candidates. Two schemes, and neither is a function of span text alone:

- ``hmac-sha256``: with a key (``PHI_GUARD_KEY``, or ``PHI_GUARD_KEY_FILE`` naming a file outside
  the repository), HMAC-SHA256 over the draft's identity, the rule, the label and the span's
  normalized text (with its occurrence number). Stable when findings move within a draft.
- ``identity-sha256``: without a key, SHA-256 over the draft's identity (path, or path and id),
  the rule, the label and the finding's ordinal among that draft's findings of the same rule and
  label. Nothing of the text goes in; a finding added before another renumbers it.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ._errors import ConfigError
from ._types import Finding

HMAC_SCHEME = "hmac-sha256"
IDENTITY_SCHEME = "identity-sha256"
_VERSION = b"phi-guard-fp-v1"
_MIN_KEY = 16


@dataclass(frozen=True, slots=True)
class Fingerprinter:
    key: bytes | None = None

    @property
    def scheme(self) -> str:
        return HMAC_SCHEME if self.key is not None else IDENTITY_SCHEME

    @property
    def key_check(self) -> str | None:
        """A value that tells whether two runs used the same key, and nothing else."""
        if self.key is None:
            return None
        return hmac.new(self.key, _VERSION + b"\x1fkey-check", hashlib.sha256).hexdigest()[:16]

    def of_all(self, identity: str, text: str, findings: Sequence[Finding]) -> tuple[str, ...]:
        """One fingerprint per finding, in order; ``text`` is the draft the offsets point into."""
        seen: dict[tuple[str, ...], int] = {}
        out = []
        for f in findings:
            parts = [identity, f.rule, f.label or ""]
            if self.key is not None:
                parts.append(_norm(text[f.start : f.end]))
            n = seen.get(tuple(parts), 0)
            seen[tuple(parts)] = n + 1
            out.append(self._digest("\x1f".join([*parts, str(n)]).encode("utf-8")))
        return tuple(out)

    def _digest(self, message: bytes) -> str:
        if self.key is None:
            return hashlib.sha256(_VERSION + b"\x1f" + message).hexdigest()
        return hmac.new(self.key, _VERSION + b"\x1f" + message, hashlib.sha256).hexdigest()


def _norm(span: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", span).casefold().split())


def from_environment(cwd: Path) -> Fingerprinter:
    """The key from PHI_GUARD_KEY or PHI_GUARD_KEY_FILE; without either, the identity scheme."""
    value = os.environ.get("PHI_GUARD_KEY")
    if value:
        if len(value) < _MIN_KEY:
            raise ConfigError(f"PG901: PHI_GUARD_KEY must be at least {_MIN_KEY} characters")
        return Fingerprinter(value.encode("utf-8"))
    path = os.environ.get("PHI_GUARD_KEY_FILE")
    if path:
        return Fingerprinter(_key_file(Path(path), cwd))
    return Fingerprinter()


def _key_file(path: Path, cwd: Path) -> bytes:
    resolved = path.expanduser().resolve()
    root = repository_root(cwd)
    if root is not None and resolved.is_relative_to(root):
        raise ConfigError(
            "PG901: PHI_GUARD_KEY_FILE lies inside the repository; keep the key elsewhere"
        )
    try:
        if resolved.stat().st_mode & 0o077:
            raise ConfigError("PG901: PHI_GUARD_KEY_FILE is readable by others; chmod 600 it")
        key = resolved.read_bytes().strip()
    except OSError as exc:
        raise ConfigError(f"PG901: cannot read PHI_GUARD_KEY_FILE ({exc.strerror})") from None
    if len(key) < _MIN_KEY:
        raise ConfigError(f"PG901: the key in PHI_GUARD_KEY_FILE must be at least {_MIN_KEY} bytes")
    return key


def repository_root(start: Path) -> Path | None:
    for folder in (start.resolve(), *start.resolve().parents):
        if (folder / ".git").exists():
            return folder
    return None
