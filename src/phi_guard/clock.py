"""The one place that reads "today" (ages from birth years, baseline expiry) and "now" (a run's
start time in reports). Tests set them; ``SOURCE_DATE_EPOCH`` fixes "now" for reproducible output."""

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


def now() -> dt.datetime:
    """The current UTC time, to the second; ``SOURCE_DATE_EPOCH`` (seconds) overrides it."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc)
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
