"""The HTML report: self-contained, escaped, masked by default; rendered in a real browser (slow)."""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest
from conftest import DEV

from phi_guard._types import Draft, InReplyTo
from phi_guard.cli import main
from phi_guard.readers import Unread
from phi_guard.records import Record, RecordError
from phi_guard.report import charts, html

FIX = Path(__file__).parent / "fixtures"
PAYLOAD = '<script>alert("x")</script><img src=x onerror=alert(1)>'
SECRET = "Zebulon Quartermaine"
INFO = {"started": "2024-05-01T00:00:00Z", "versions": {"phi-guard-lint": "0"}, "model_fingerprint": "f" * 64,
        "rule_pack_sha256": "a" * 64, "profile": "profile.json", "profile_sha256": "b" * 64,
        "settings": {"batch_size": 64, "inputs": PAYLOAD}}


def rec(line, level, *, redacted="", findings=(), **extra):
    return {"schema_version": 1, "id": extra.pop("id", line), "line": line, "level": level, "risk": 90 if level == "block" else 0,
            "reasons": ["PG101"] if level == "block" else [], "findings": list(findings), "redacted": redacted,
            "error": extra.pop("error", None), **extra}


def pairs():
    hostile = Record(1, Draft(text=f"{SECRET} {PAYLOAD} had chemo", kind="reply", platform=PAYLOAD,
                              in_reply_to=InReplyTo(author=PAYLOAD)), source=PAYLOAD, url="javascript:alert(1)")
    finding = {"start": 0, "end": 20, "label": "NAME", "rule": "PG101", "severity": "high", "score": 0.9}
    ok = Record(2, Draft(text="Open Saturday", platform="x"), created_at="2024-03-02T10:00:00Z", url="https://x.com/a/status/2")
    err = RecordError(3, "PG910", "invalid_text: no text", source="data/tweets.js#/2")
    return [(hostile, rec(1, "block", redacted=f"[NAME] {PAYLOAD} had chemo", findings=[finding], id=PAYLOAD,
                          source=PAYLOAD, url="javascript:alert(1)", created_at="2024-02-01T00:00:00Z")),
            (ok, rec(2, "pass", redacted="Open Saturday", created_at="2024-03-02T10:00:00Z", url="https://x.com/a/status/2")),
            (err, rec(3, "error", error="PG910: invalid_text: no text", source="data/tweets.js#/2"))]


def test_input_is_always_escaped():
    for include_text in (False, True):
        page = html.render(pairs(), INFO, [Unread(PAYLOAD, "not read")], include_text=include_text)
        assert "<script" not in page.lower() and "onerror=alert" not in page.replace("onerror=alert(1)&gt;", "")
        assert "&lt;script&gt;" in page
        assert 'href="javascript' not in page.lower()


def test_page_is_self_contained():
    page = html.render(pairs(), INFO, [])
    assert not re.search(r"<(script|link|iframe|object|embed)\b", page, re.IGNORECASE)
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page.replace('href="https://x.com/a/status/2"', ""))
    assert "default-src 'none'" in page and "<svg" in page and "<style>" in page


def test_text_is_masked_by_default_and_shown_marked_as_phi_on_request():
    masked = html.render(pairs(), INFO, [])
    assert SECRET not in masked and "[NAME]" in masked and "CONTAINS PHI" not in masked
    shown = html.render(pairs(), INFO, [], include_text=True)
    assert SECRET in shown and "CONTAINS PHI" in shown and "PHI, as written" in shown


@pytest.mark.parametrize("section", ["totals", "by-rule", "by-label", "by-platform", "by-month", "worklist",
                                     "allowances", "unread", "run"])
def test_every_section_is_there(section):
    assert f'<section id="{section}">' in html.render(pairs(), INFO, [])


def test_summary_counts_levels_rules_platforms_and_months():
    s = html.summarize(pairs(), include_text=False)
    assert s["totals"] == {"block": 1, "error": 1, "warn": 0, "pass": 1}
    assert s["by_rule"] == [("PG101", 1)] and s["by_label"] == [("NAME", 1)]
    assert [m for m, _ in s["by_month"]] == ["2024-02", "2024-03", "undated"]
    assert [r["n"] for r in s["worklist"]] == [1, 3]
    assert s["allowances"] == []


def test_cli_writes_the_report_0600_and_warns_when_it_holds_text(tmp_path, capsys):
    out = tmp_path / "report.html"
    code = main(["audit", str(FIX / "linkedin" / "Basic_LinkedInDataExport_05-01-2024"), "--profile", str(DEV / "profile.json"),
                 "--format", "html", "-o", str(out), "--include-text"])
    assert code == 1 and out.stat().st_mode & 0o777 == 0o600
    assert "PHI" in capsys.readouterr().err
    page = out.read_text(encoding="utf-8")
    assert "Dunmore" in page and "Profile.csv" in page and "open on linkedin" in page


# ------------------------------------------------------------------ a real browser
def _png_pixels(data: bytes) -> tuple[int, int, list[bytes]]:
    """(width, height, rows of RGB bytes) of an 8-bit RGB or RGBA PNG, decoded with zlib alone."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height, depth, ctype = struct.unpack(">IIBB", data[16:26])
    assert depth == 8 and ctype in (2, 6)
    idat, pos = b"", 8
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        if kind == b"IDAT":
            idat += data[pos + 8:pos + 8 + length]
        pos += 12 + length
    raw, bpp = zlib.decompress(idat), {2: 3, 6: 4}[ctype]
    stride, prev, rows = width * bpp, bytearray(width * bpp), []
    for r in range(height):
        kind, line = raw[r * (stride + 1)], bytearray(raw[r * (stride + 1) + 1:(r + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line) if bpp == 3 else bytes(v for j, v in enumerate(line) if j % 4 != 3))
        prev = line
    return width, height, rows


def _rgb(hex_color: str) -> bytes:
    return bytes.fromhex(hex_color.lstrip("#"))


@pytest.mark.slow
def test_report_renders_in_headless_chromium(tmp_path):
    browser = shutil.which("chromium")
    if browser is None:
        pytest.fail("chromium is not installed: `make browser` installs Debian's package")
    report = tmp_path / "report.html"
    exports = [FIX / "x-archive" / "twitter-2024-05-01-fixture", FIX / "facebook" / "new-layout",
               FIX / "google-reviews", FIX / "linkedin" / "Basic_LinkedInDataExport_05-01-2024"]
    main(["audit", *map(str, exports), "--profile", str(DEV / "profile.json"), "--format", "html", "-o", str(report)])
    shot = tmp_path / "report.png"
    subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}",
                    "--hide-scrollbars", "--window-size=1280,2400", f"--screenshot={shot}", report.as_uri()],
                   check=True, capture_output=True, timeout=120)
    width, height, rows = _png_pixels(shot.read_bytes())
    assert (width, height) == (1280, 2400)
    pixels = {row[i:i + 3] for row in rows[::4] for i in range(0, len(row), 3)}
    assert len(pixels) > 50  # text, charts, tables: far from a blank or an error page
    for level in ("block", "warn", "pass"):  # the level cards and bars are drawn in their colors
        assert _rgb(charts.LEVEL_COLORS[level]) in pixels, level
    assert _rgb("#1f3a5f") in pixels  # the header band (the PNG stays in pytest's basetemp to look at)
