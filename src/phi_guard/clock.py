"""The one place that reads "today" (ages from birth years, baseline expiry). Tests set it."""

from __future__ import annotations

import datetime as dt
import os

_override: dt.date | None = None


def today() -> dt.date:
    if _override is not None:
        return _override
    env = os.environ.get("PHI_GUARD_TODAY")
    if env:
        return dt.date.fromisoformat(env)
    return dt.date.today()


def set_today(value: dt.date | None) -> None:
    """Fix today's date (None restores the real clock)."""
    global _override
    _override = value
