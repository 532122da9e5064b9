"""Same input, same output: any PYTHONHASHSEED, batch size, --jobs, any number of threads."""

from __future__ import annotations

import io
import subprocess
from concurrent.futures import ThreadPoolExecutor

import pytest

from phi_guard import Draft
from phi_guard.cli import audit_records
from phi_guard.records import Record, iter_records
from phi_guard.report import jsonl
from subproc import child_env, cli_argv, dev_drafts

from conftest import DEV

N = 48


@pytest.fixture(scope="module")
def corpus_bytes() -> bytes:
    buf = io.StringIO()
    for rec in dev_drafts(N):
        import json

        buf.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return buf.getvalue().encode("utf-8")


def audit_bytes(linter, data: bytes, batch_size: int, jobs: int = 1) -> bytes:
    recs = audit_records(linter, iter_records(io.BytesIO(data)), batch_size, jobs)
    return "".join(jsonl.dumps(r) + "\n" for r in recs).encode("utf-8")


@pytest.fixture(scope="module")
def reference(linter, corpus_bytes) -> bytes:
    return audit_bytes(linter, corpus_bytes, 64)


def test_identical_jsonl_for_any_hash_seed(tmp_path, corpus_bytes, reference):
    src = tmp_path / "in.jsonl"
    src.write_bytes(corpus_bytes)
    argv = cli_argv("audit", str(src), "--profile", str(DEV / "profile.json"), "--format", "jsonl")
    procs = [subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              env=child_env(PYTHONHASHSEED=seed)) for seed in ("0", "4242")]
    outs = [p.communicate(timeout=300) for p in procs]
    for p, (_, err) in zip(procs, outs):
        assert p.returncode in (0, 1, 2), err.decode()
    assert outs[0][0] == outs[1][0]
    assert outs[0][0].count(b"\n") == N
    assert outs[0][0] == reference  # and this process's, too


@pytest.mark.parametrize(("batch_size", "jobs"), [(1, 1), (7, 1), (5, 2)])
def test_identical_jsonl_for_any_batch_size_and_jobs(linter, corpus_bytes, reference, batch_size, jobs):
    assert audit_bytes(linter, corpus_bytes, batch_size, jobs) == reference


def test_a_linter_shared_by_8_threads_gives_what_sequential_calls_give(linter, corpus_bytes):
    drafts = [i.draft for i in iter_records(io.BytesIO(corpus_bytes)) if isinstance(i, Record)]
    drafts += [Draft(text="M\u200bargaret Whitfield was diagnosed with breast cancer.", id="evasion")]
    sequential = [linter.check(d) for d in drafts]
    with ThreadPoolExecutor(max_workers=8) as pool:
        threaded = list(pool.map(linter.check, drafts))
        many = list(pool.map(lambda chunk: list(linter.check_many(chunk, batch_size=3)),
                             [drafts[i:i + 7] for i in range(0, len(drafts), 7)]))
    assert threaded == sequential
    assert [r for chunk in many for r in chunk] == sequential
