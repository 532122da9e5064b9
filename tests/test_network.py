"""No network, ever: a whole audit with e-mails and URLs makes no connection attempt."""

from __future__ import annotations

import json
import socket

import pytest

import conftest
from phi_guard.cli import main


def test_sockets_and_dns_are_blocked():
    with pytest.raises(OSError):
        socket.create_connection(("example.com", 80))
    with pytest.raises(OSError):
        socket.getaddrinfo("example.com", 80)


def test_audit_with_emails_and_urls_makes_no_connection_attempt(tmp_path):
    before = len(conftest.ATTEMPTS)
    lines = [
        {"id": 1, "text": "Write to jane.doe@gmail.com or jdoe@healthmail.co.uk about her results."},
        {"id": 2, "text": "Donate at https://gofundme.example/jake-strong or www.jakestrong.org today."},
        {"id": 3, "text": "Email hello@cedarhollowhealth.example to book."},
    ]
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(l) for l in lines), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    code = main(["audit", str(src), "--format", "jsonl", "-o", str(out)])
    assert code in (0, 1)
    recs = [json.loads(l) for l in out.read_text().splitlines()]
    assert len(recs) == 3 and all(r["level"] != "error" for r in recs)
    assert any(f["label"] == "EMAIL" for f in recs[0]["findings"])
    assert len(conftest.ATTEMPTS) == before
