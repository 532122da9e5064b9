"""Baselines: fingerprints of accepted findings, so old posts stop failing (never their text).

A baseline file is JSON::

    {"phi_guard_baseline": 1, "scheme": "hmac-sha256", "key_check": "…", "created": "2026-12-01",
     "entries": [{"fingerprint": "…", "source": "posts/a.md", "draft": "posts/a.md",
                  "rule": "PG101", "label": "NAME", "expires": "2027-06-30"}]}

``source`` is the file, ``draft`` the draft's identity (the path, or path#id or path:line for a
JSONL record), ``expires`` a date or null. An expired entry stops applying; entries of drafts checked in a run that match no
finding any more, and expired ones, are reported as stale. See ``phi_guard.fingerprint``.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ._errors import ConfigError
from .fingerprint import HMAC_SCHEME, IDENTITY_SCHEME, Fingerprinter

FORMAT = 1


@dataclass(frozen=True, slots=True)
class Entry:
    fingerprint: str
    source: str
    draft: str
    rule: str
    label: str | None
    expires: dt.date | None = None

    def expired(self, today: dt.date) -> bool:
        return self.expires is not None and self.expires < today

    def to_dict(self) -> dict[str, Any]:
        return {
            "fingerprint": self.fingerprint,
            "source": self.source,
            "draft": self.draft,
            "rule": self.rule,
            "label": self.label,
            "expires": self.expires.isoformat() if self.expires else None,
        }


@dataclass(frozen=True)
class Baseline:
    scheme: str
    key_check: str | None
    entries: tuple[Entry, ...]
    by_fingerprint: dict[str, Entry] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self.by_fingerprint.update({e.fingerprint: e for e in self.entries})

    def fingerprinter(self, current: Fingerprinter) -> Fingerprinter:
        """The fingerprinter that reproduces this baseline's fingerprints, or ConfigError."""
        if self.scheme == IDENTITY_SCHEME:
            return Fingerprinter()
        if current.key is None:
            raise ConfigError(
                "PG901: the baseline was made with a key; set PHI_GUARD_KEY or PHI_GUARD_KEY_FILE"
            )
        if current.key_check != self.key_check:
            raise ConfigError(
                "PG901: the baseline was made with a different key (its key check differs)"
            )
        return current


def render(entries: Iterable[Entry], fp: Fingerprinter, created: dt.date) -> str:
    rows = sorted(entries, key=lambda e: (e.source, e.draft, e.rule, e.label or "", e.fingerprint))
    doc = {
        "phi_guard_baseline": FORMAT,
        "scheme": fp.scheme,
        "key_check": fp.key_check,
        "created": created.isoformat(),
        "entries": [e.to_dict() for e in rows],
    }
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def load(path: Path) -> Baseline:
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"PG901: cannot read baseline '{path.name}' ({exc.strerror})") from None
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise ConfigError(f"PG901: baseline '{path.name}' is not JSON") from None
    if not isinstance(doc, dict) or doc.get("phi_guard_baseline") != FORMAT:
        raise ConfigError(f"PG901: '{path.name}' is not a phi-guard baseline (format {FORMAT})")
    if doc.get("scheme") not in (HMAC_SCHEME, IDENTITY_SCHEME):
        raise ConfigError(
            f"PG901: baseline '{path.name}': field 'scheme' must be {HMAC_SCHEME} or {IDENTITY_SCHEME}"
        )
    entries = doc.get("entries")
    if not isinstance(entries, list):
        raise ConfigError(f"PG901: baseline '{path.name}': field 'entries' must be a list")
    return Baseline(
        doc["scheme"],
        doc.get("key_check"),
        tuple(_entry(e, f"{path.name}: entries[{i}]") for i, e in enumerate(entries)),
    )


def _entry(obj: Any, where: str) -> Entry:
    if not isinstance(obj, dict):
        raise ConfigError(f"PG901: baseline {where} must be an object")
    for key in ("fingerprint", "source", "draft", "rule"):
        if not isinstance(obj.get(key), str):
            raise ConfigError(f"PG901: baseline {where}.{key} must be a string")
    label, expires = obj.get("label"), obj.get("expires")
    if label is not None and not isinstance(label, str):
        raise ConfigError(f"PG901: baseline {where}.label must be a string or null")
    try:
        date = None if expires is None else dt.date.fromisoformat(expires)
    except (TypeError, ValueError):
        raise ConfigError(
            f"PG901: baseline {where}.expires must be a date (YYYY-MM-DD) or null"
        ) from None
    return Entry(obj["fingerprint"], obj["source"], obj["draft"], obj["rule"], label, date)


class Tracker:
    """Which entries a run used, and which drafts it saw, to report stale entries at the end."""

    def __init__(self, baseline: Baseline, today: dt.date) -> None:
        self.baseline = baseline
        self.today = today
        self.used: set[str] = set()
        self.drafts: set[str] = set()

    def match(self, fingerprint: str) -> Entry | None:
        entry = self.baseline.by_fingerprint.get(fingerprint)
        if entry is None or entry.expired(self.today):
            return None
        self.used.add(fingerprint)
        return entry

    def stale(self) -> list[tuple[Entry, str]]:
        """(entry, "expired" | "fixed") for the drafts this run checked."""
        out = []
        for e in self.baseline.entries:
            if e.draft not in self.drafts:
                continue
            if e.expired(self.today):
                out.append((e, "expired"))
            elif e.fingerprint not in self.used:
                out.append((e, "fixed"))
        return out
