"""Measuring helpers for the benchmark: no network, peak memory, percentiles, a results digest.

Nothing here imports phi-guard, Presidio or spaCy, so the cold-start child can time those imports.
"""

from __future__ import annotations

import hashlib
import math
import os
import resource
import socket
import tempfile
from collections.abc import Iterable, Sequence
from typing import Any

ATTEMPTS: list[str] = []
_INET = (socket.AF_INET, socket.AF_INET6)


def block_network() -> None:
    """Refuse every Internet connection and DNS lookup in this process (and forked children).

    Unix-domain sockets stay usable: multiprocessing needs them.
    """
    real_connect, real_connect_ex = socket.socket.connect, socket.socket.connect_ex

    def connect(self: socket.socket, address: Any) -> None:
        if self.family in _INET:
            ATTEMPTS.append("connect")
            raise OSError("network blocked by the benchmark")
        real_connect(self, address)

    def connect_ex(self: socket.socket, address: Any) -> int:
        if self.family in _INET:
            ATTEMPTS.append("connect_ex")
            raise OSError("network blocked by the benchmark")
        return real_connect_ex(self, address)

    def refuse(kind: str):  # type: ignore[no-untyped-def]
        def _refuse(*args: Any, **kwargs: Any) -> Any:
            ATTEMPTS.append(kind)
            raise OSError(f"network blocked by the benchmark ({kind})")
        return _refuse

    socket.socket.connect = connect  # type: ignore[method-assign]
    socket.socket.connect_ex = connect_ex  # type: ignore[method-assign]
    socket.create_connection = refuse("create_connection")  # type: ignore[assignment]
    socket.getaddrinfo = refuse("getaddrinfo")  # type: ignore[assignment]
    socket.gethostbyname = refuse("gethostbyname")  # type: ignore[assignment]


def offline_tldextract_env() -> None:
    """Before tldextract is imported: no suffix-list URLs, and a throwaway cache directory."""
    os.environ["TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS"] = ""
    os.environ.setdefault("TLDEXTRACT_CACHE", tempfile.mkdtemp(prefix="bench-tldextract-"))


def offline_tldextract() -> None:
    """Replace tldextract's module-level extractor (Presidio's e-mail recognizer calls
    ``tldextract.extract``) with one that reads only the snapshot bundled with tldextract."""
    import tldextract.tldextract as tx

    tx.TLD_EXTRACTOR = tx.TLDExtract(suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True)


def peak_rss_mb() -> float:
    """This process's peak resident set size so far, in MiB.

    VmHWM from /proc belongs to this process's own address space. ru_maxrss is only the fallback:
    after fork and exec Linux carries the parent's high-water mark into it.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def children_peak_rss_mb() -> float:
    """The largest peak RSS among this process's finished children (0 when none finished).

    An upper bound for forked workers: it can include pages they share with the parent."""
    return round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1)


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100) of ``values``."""
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]


class Digest:
    """A running SHA-256 over results, to compare two runs without keeping them in memory."""

    def __init__(self) -> None:
        self._h = hashlib.sha256()
        self.count = 0

    def add(self, parts: Iterable[Any]) -> None:
        self._h.update(repr(tuple(parts)).encode("utf-8") + b"\n")
        self.count += 1

    def hexdigest(self) -> str:
        return self._h.hexdigest()


def result_key(result: Any) -> tuple[Any, ...]:
    """What must not change between two ways of running phi-guard on one draft."""
    return (result.level.value, result.risk, result.redacted, result.reasons, result.error,
            tuple((f.start, f.end, f.label, f.rule, f.severity.value) for f in result.findings))


def rate(count: int, seconds: float) -> float:
    return round(count / seconds, 1) if seconds > 0 else float("nan")
