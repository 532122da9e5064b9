"""LinkedIn data export: ``Shares.csv`` (Date, ShareLink, ShareCommentary, SharedUrl, MediaUrl,
Visibility) and ``Comments.csv`` (Date, Link, Message).

``ShareCommentary`` spans lines inside quotes; the csv module reads it whole and each record keeps
its first physical line as its source. The platform id is the ``urn:li:...`` in the link (for a
comment, its ``commentUrn``; the link itself is the post it was left on).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import unquote

from .._errors import InputError
from ._base import Counter, Inventory, Item, Tree, build, file_error, iso_from_text
from .csv_map import rows

NAME = "linkedin"
PLATFORM = "linkedin"
SHARES = re.compile(r"(?:^|/)Shares\.csv$")
COMMENTS = re.compile(r"(?:^|/)Comments\.csv$")
_SHARE_URN = re.compile(r"urn:li:(?:share|activity|ugcPost):[0-9]+")
_COMMENT_URN = re.compile(r"commentUrn=(urn:li:comment:\([^)]*\))")
_DATE = "%Y-%m-%d %H:%M:%S"
_NOT_READ = "not a file of posts or comments"


def detect(names: list[str]) -> bool:
    return any(SHARES.search(n) or COMMENTS.search(n) for n in names)


def read(tree: Tree, inv: Inventory, counter: Counter) -> Iterator[Any]:
    for pattern, to_item in ((SHARES, _share), (COMMENTS, _comment)):
        for name in [n for n in inv.seen if pattern.search(n)]:
            inv.mark_read(name)
            try:
                items = [to_item(row, f"{name}:{line}") for line, row in rows(tree.read_bytes(name), name)]
            except InputError as exc:
                yield file_error(counter.next(), name, str(exc))
                continue
            for item in items:
                yield build(item, counter.next())
    for name in inv.seen:
        if name.lower().endswith(".csv") and name not in inv.read:
            inv.note(name, _NOT_READ)


def _share(row: dict[str, str], source: str) -> Item:
    link = row.get("ShareLink") or None
    urn = _SHARE_URN.search(unquote(link)) if link else None
    return Item(text=row.get("ShareCommentary"), source=source, platform=PLATFORM,
                platform_id=urn.group(0) if urn else None, created_at=iso_from_text(row.get("Date"), _DATE), url=link)


def _comment(row: dict[str, str], source: str) -> Item:
    link = row.get("Link") or None
    urn = _COMMENT_URN.search(unquote(link)) if link else None
    return Item(text=row.get("Message"), source=source, kind="comment", platform=PLATFORM,
                platform_id=urn.group(1) if urn else None, created_at=iso_from_text(row.get("Date"), _DATE), url=link)
