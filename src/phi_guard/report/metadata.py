"""Run metadata (CONTRACTS 6): what decided, so a compliance officer can show it later.

Versions, the model's fingerprint, the rule packs' and profile's hashes, the settings and the
start time (``SOURCE_DATE_EPOCH`` fixes it for reproducible output). It goes to ``--metadata
FILE``, SARIF ``run.properties`` and JUnit properties. Never a key, never draft text.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import __version__
from ..config import Config
from ..fingerprint import Fingerprinter
from ..model import fingerprint as tree_digest
from ..packset import Packs
from ..runinfo import versions  # one list of the distributions a report names
from .common import SCOPE



@dataclass(frozen=True, slots=True)
class RunContext:
    config: Config
    packs: Packs
    model_fingerprint: str
    profile: Path | None
    fingerprinter: Fingerprinter
    baseline: Path | None
    started: dt.datetime


def rule_pack_hash(packs: Packs) -> str:
    digest = hashlib.sha256()
    for name, folder in zip(packs.names, packs.dirs):
        digest.update(f"{name}\0{tree_digest(folder)}\n".encode())
    return "sha256:" + digest.hexdigest()


def profile_hash(path: Path | None) -> str | None:
    return None if path is None else "sha256:" + hashlib.sha256(path.read_bytes()).hexdigest()


def run_metadata(ctx: RunContext) -> dict[str, Any]:
    return {
        "tool": "phi-guard",
        "version": __version__,
        "versions": versions(),
        "model_fingerprint": ctx.model_fingerprint,
        "rule_packs": list(ctx.packs.names),
        "rule_pack_hash": rule_pack_hash(ctx.packs),
        "profile": ctx.profile.name if ctx.profile else None,
        "profile_hash": profile_hash(ctx.profile),
        "settings": ctx.config.describe(),
        "fingerprints": ctx.fingerprinter.scheme,
        "baseline": ctx.baseline.name if ctx.baseline else None,
        "started_at": ctx.started.isoformat().replace("+00:00", "Z"),
        "scope": SCOPE,
    }
