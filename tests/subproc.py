"""Run phi-guard in a fresh interpreter (no conftest: the child sets up its own guards)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import DEV

PYTHON = sys.executable


def child_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST", "PHI_GUARD_TODAY"))}
    env.update(extra)
    return env


def run_script(code: str, *args: str, env: dict[str, str] | None = None, timeout: float = 180,
               cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([PYTHON, "-c", code, *args], capture_output=True, text=True, timeout=timeout,
                          env=env or child_env(), cwd=cwd)


def cli_argv(*args: str) -> list[str]:
    return [PYTHON, "-m", "phi_guard.cli", *args]


def dev_drafts(n: int) -> list[dict]:
    """The first n records of the dev corpus, as input records."""
    out = []
    with open(DEV / "corpus.jsonl", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rec = json.loads(line)
                out.append({k: rec[k] for k in ("id", "text", "kind", "platform", "in_reply_to", "consent") if k in rec})
            if len(out) == n:
                break
    return out


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path
