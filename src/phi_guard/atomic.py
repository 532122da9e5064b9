"""Files phi-guard writes: mode 0600, written atomically, temporary files removed on the way out.

``atomic_writer(path)`` writes to a hidden temporary file beside ``path`` (created 0600 by
``mkstemp``, whatever the umask), flushes and fsyncs it, then renames it over ``path``. A run
that stops early, for any reason, leaves ``path`` as it was: there is never a file at ``path``
that looks complete and is not. The temporary file is removed when the body raises, when the
process gets SIGTERM (the CLI turns it into an exception), and by ``remove_temporaries`` (the
CLI's watchdog calls it before it ends a run that hangs). Only SIGKILL can leave one behind,
and it is a hidden ``.NAME.*.tmp`` file, never ``NAME``.
"""

from __future__ import annotations

import os
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

FILE_MODE = 0o600
_live: set[str] = set()
_lock = threading.Lock()


@contextmanager
def atomic_writer(path: Path) -> Iterator[IO[str]]:
    directory = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    with _lock:
        _live.add(tmp)
    try:
        os.fchmod(fd, FILE_MODE)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
        _fsync_dir(directory)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    finally:
        with _lock:
            _live.discard(tmp)


def _fsync_dir(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_text(path: Path, text: str) -> None:
    with atomic_writer(path) as fh:
        fh.write(text)


def remove_temporaries() -> list[str]:
    """Remove every temporary file still open (before a hard exit); the paths removed."""
    with _lock:
        paths = sorted(_live)
        _live.clear()
    for p in paths:
        Path(p).unlink(missing_ok=True)
    return paths
