"""The two things measured: phi-guard's Linter and Presidio's BatchAnalyzerEngine as it comes.

Both load the same spaCy model, by path, from the directory phi-guard verifies
(``phi_guard.model.verified_model_path()``). Imports happen inside the builders so the
cold-start child can time them.
"""

from __future__ import annotations

import contextlib
import inspect
import io
import math
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from benchmarks.measure import Digest, result_key

# Presidio entity -> GUIDELINES label, for Presidio's identifier recall on the dev corpus.
PRESIDIO_LABELS = {
    "PERSON": "NAME", "LOCATION": "LOCATION", "DATE_TIME": "DATE", "PHONE_NUMBER": "PHONE",
    "EMAIL_ADDRESS": "EMAIL", "URL": "URL", "IP_ADDRESS": "IP_ADDRESS", "US_SSN": "SSN",
    "CREDIT_CARD": "ACCOUNT_NUMBER", "IBAN_CODE": "ACCOUNT_NUMBER", "US_BANK_NUMBER": "ACCOUNT_NUMBER",
    "US_DRIVER_LICENSE": "LICENSE_NUMBER", "MEDICAL_LICENSE": "LICENSE_NUMBER",
    "US_PASSPORT": "OTHER_ID", "US_ITIN": "OTHER_ID",
}


def drafts_from_records(records: Iterable[dict[str, Any]]) -> list[Any]:
    """Drafts built by phi-guard's own JSONL record reader (``records.draft_from_obj``)."""
    from phi_guard.records import draft_from_obj

    return [draft_from_obj(rec) for rec in records]


class ChunkedDrafts:
    """``total`` drafts made ``chunk`` at a time (seed, seed+1, ...), memory bounded by one chunk.

    Time spent generating is summed in ``paused`` so the measurement can leave it out.
    """

    def __init__(self, total: int, seed: int, chunk: int = 10_000) -> None:
        self.total, self.seed, self.chunk, self.paused = total, seed, chunk, 0.0

    def __iter__(self) -> Iterator[Any]:
        from benchmarks.workload import generate

        made = 0
        for k in range(math.ceil(self.total / self.chunk)):
            start = time.perf_counter()
            drafts = drafts_from_records(generate(min(self.chunk, self.total - made), self.seed + k))
            self.paused += time.perf_counter() - start
            made += len(drafts)
            yield from drafts

    def texts(self) -> Iterator[str]:
        for d in self:
            yield d.text


class PhiGuard:
    name = "phi-guard"

    def __init__(self, profile_path: Path) -> None:
        from phi_guard import Linter, Profile

        self.linter = Linter(profile=Profile.load(profile_path))

    @staticmethod
    def supports_n_process() -> bool:
        from phi_guard import Linter

        return "n_process" in inspect.signature(Linter.check_many).parameters

    @staticmethod
    def cli_supports_jobs() -> bool:
        from phi_guard.cli import main

        out = io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
            main(["audit", "--help"])
        return "--jobs" in out.getvalue()

    def run(self, drafts: Iterable[Any], batch_size: int, n_process: int | None = None) -> dict[str, Any]:
        """Check every draft; time it; keep only counts and a digest of the results."""
        kwargs: dict[str, Any] = {"batch_size": batch_size}
        if n_process is not None:
            kwargs["n_process"] = n_process
        digest, levels, chars = Digest(), {"block": 0, "warn": 0, "pass": 0, "error": 0}, 0
        counted = _Counting(drafts)
        start = time.perf_counter()
        for result in self.linter.check_many(counted, **kwargs):
            digest.add(result_key(result))
            levels[result.level.value] += 1
        seconds = time.perf_counter() - start - getattr(drafts, "paused", 0.0)
        return {"drafts": digest.count, "inputs": counted.count, "chars": counted.chars,
                "seconds": seconds, "levels": levels, "digest": digest.hexdigest()}

    def check(self, draft: Any) -> Any:
        return self.linter.check(draft)


class _Counting:
    """An iterable that counts the drafts and characters it hands out."""

    def __init__(self, drafts: Iterable[Any]) -> None:
        self._drafts, self.count, self.chars = drafts, 0, 0

    def __iter__(self) -> Iterator[Any]:
        for d in self._drafts:
            self.count += 1
            self.chars += len(d.text)
            yield d


class Presidio:
    name = "Presidio"

    def __init__(self, model_dir: Path | None = None) -> None:
        from presidio_analyzer import AnalyzerEngine, BatchAnalyzerEngine
        from presidio_analyzer.nlp_engine import NlpEngineProvider

        if model_dir is None:
            from phi_guard.model import verified_model_path

            model_dir = verified_model_path()[0]
        provider = NlpEngineProvider(nlp_configuration={
            "nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": str(model_dir)}]})
        self.analyzer = AnalyzerEngine(nlp_engine=provider.create_engine())  # default recognizers
        self.batch = BatchAnalyzerEngine(analyzer_engine=self.analyzer)

    def run(self, texts: list[str], batch_size: int, n_process: int = 1) -> dict[str, Any]:
        start = time.perf_counter()
        results = self.batch.analyze_iterator(texts, language="en", batch_size=batch_size, n_process=n_process)
        seconds = time.perf_counter() - start
        return {"drafts": len(results), "inputs": len(texts), "chars": sum(map(len, texts)),
                "seconds": seconds, "findings": sum(map(len, results))}

    def check(self, text: str) -> Any:
        return self.analyzer.analyze(text=text, language="en")

    def predictions(self, corpus: list[dict[str, Any]]) -> dict[Any, dict[str, Any]]:
        """Presidio's findings as score.py predictions: a draft with any finding blocks."""
        texts = [rec["text"] for rec in corpus]
        out = {}
        for rec, results in zip(corpus, self.batch.analyze_iterator(texts, language="en", batch_size=64)):
            fs = [{"start": r.start, "end": r.end, "label": PRESIDIO_LABELS[r.entity_type], "severity": "high"}
                  for r in results if r.entity_type in PRESIDIO_LABELS]
            out[rec["id"]] = {"id": rec["id"], "level": "block" if fs else "pass", "findings": fs}
        return out
