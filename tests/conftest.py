"""Suite-wide fixtures. Sockets and DNS are blocked for the whole run: nothing may leave the machine."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _find_shared() -> Path:
    """The workplace's shared/ folder (eval corpora, schemas): beside the checkout, or $PHI_GUARD_SHARED."""
    env = os.environ.get("PHI_GUARD_SHARED")
    for candidate in (Path(env) if env else None, ROOT.parent / "shared", Path("/work/shared")):
        if candidate is not None and (candidate / "eval" / "score.py").is_file():
            return candidate
    raise RuntimeError("shared/ (eval corpora) not found beside the checkout; set PHI_GUARD_SHARED")


SHARED = _find_shared()
DEV = SHARED / "eval" / "dev"

ATTEMPTS: list[str] = []


class NetworkBlocked(OSError):
    pass


def _blocked(kind: str):
    def refuse(*args, **kwargs):
        ATTEMPTS.append(kind)
        raise NetworkBlocked(f"network access blocked in tests ({kind})")
    return refuse


def pytest_configure(config: pytest.Config) -> None:
    socket.socket.connect = _blocked("connect")  # type: ignore[method-assign]
    socket.socket.connect_ex = _blocked("connect_ex")  # type: ignore[method-assign]
    socket.create_connection = _blocked("create_connection")  # type: ignore[assignment]
    socket.getaddrinfo = _blocked("getaddrinfo")  # type: ignore[assignment]
    socket.gethostbyname = _blocked("gethostbyname")  # type: ignore[assignment]


@pytest.fixture(scope="session")
def dev_profile():
    from phi_guard import Profile

    return Profile.load(DEV / "profile.json")


@pytest.fixture(scope="session")
def linter(dev_profile):
    from phi_guard import Linter

    return Linter(profile=dev_profile)


@pytest.fixture(scope="session")
def bare_linter():
    from phi_guard import Linter

    return Linter()
