"""Suite-wide fixtures. Sockets and DNS are blocked for the whole run: nothing may leave the machine."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
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
