"""phi_guard.spark on a local[2] Spark over the dev corpus: the same levels as the CLI."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import DEV, ROOT

from phi_guard.cli import audit_records
from phi_guard.records import iter_records

pytest.importorskip("pyspark", reason="the optional [spark] extra is not installed (make spark)")


def test_lint_rows_keeps_bad_rows_as_error_rows(linter):
    from phi_guard.spark import lint_rows, row_output

    rows = [{"id": 1, "text": "Open Saturday 9-1!"}, {"id": 2, "text": None}, {"id": 3, "text": "ok", "kind": "tweet"},
            {"id": 4, "text": "ok", "consent": "yes"}]
    out = [row_output(rid, r) for rid, r in lint_rows(linter, rows, 8)]
    assert [(o["id"], o["level"]) for o in out] == [("1", "pass"), ("2", "error"), ("3", "error"), ("4", "error")]
    assert out[2]["error"].startswith("PG910") and "tweet" not in out[2]["error"]


def test_one_linter_per_worker_process(dev_profile):
    from phi_guard import spark

    data = json.loads((DEV / "profile.json").read_text())
    first = spark.worker_linter(data, None)
    assert spark.worker_linter(data, None) is first


@pytest.mark.slow
def test_spark_levels_match_the_cli(tmp_path, linter):
    corpus = DEV / "corpus.jsonl"
    out = tmp_path / "spark.jsonl"
    env = {**os.environ, "PYSPARK_PYTHON": sys.executable, "PYSPARK_DRIVER_PYTHON": sys.executable,
           "SPARK_LOCAL_IP": "127.0.0.1", "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.run([sys.executable, str(Path(__file__).parent / "_spark_job.py"), str(corpus),
                           str(DEV / "profile.json"), str(out)], check=False, env=env, capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr[-3000:]
    got = [json.loads(line) for line in out.read_text().splitlines()]
    spark_levels = {r["id"]: r["level"] for r in got}
    cli = {r["id"]: r for r in audit_records(linter, iter_records(io.BytesIO(corpus.read_bytes())), 64)}
    assert len(got) == len(cli) + 2
    assert spark_levels == {**{k: r["level"] for k, r in cli.items()}, "bad-1": "error", "bad-2": "error"}
    sample = next(r for r in got if r["id"] in cli and cli[r["id"]]["findings"])
    assert [f["rule"] for f in sample["findings"]] == [f["rule"] for f in cli[sample["id"]]["findings"]]
