"""A seeded, reproducible workload of synthetic drafts in the GUIDELINES JSONL record format.

    python benchmarks/workload.py -n 10000 --seed 5 -o drafts.jsonl   # then: phi-guard audit drafts.jsonl

The mix follows a practice's real output: 70% short posts, replies, comments and DMs
(<= 280 characters), 25% medium posts and review replies (281-1200), 5% long newsletters
(1201-6000); names, dates, phones, conditions, emoji, hashtags, some Spanish; replies carry
``in_reply_to``. Every value comes from benchmarks/wordlists.py and benchmarks/templates.py
through one ``random.Random(seed)``: the same seed gives byte-identical output on any machine.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import templates as T  # noqa: E402
from benchmarks import wordlists as W  # noqa: E402

DEFAULT_SEED = 20240605
SHORT_MAX, MEDIUM_MAX, LONG_MAX = 280, 1200, 6000
MIX = {"short": 0.70, "medium": 0.25, "long": 0.05}
SHORT_KINDS = (("post", 45), ("reply", 33), ("comment", 12), ("dm", 10))
PLATFORMS = {"post": ("facebook", "instagram", "x", "linkedin", "tiktok"),
             "reply": ("google", "yelp", "facebook", "x"),
             "comment": ("instagram", "facebook", "tiktok"), "dm": ("instagram", "facebook")}
SPANISH = re.compile(r"[¡¿ñ]|\b(?:gracias|Hola|Llame|para|por|nuestra|su)\b")


def _ascii(s: str) -> str:
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()


def _article(word: str) -> str:
    return ("an " if word[:1].lower() in "aeiou" or word.startswith(("MRI", "RSV")) else "a ") + word


def _date(r: random.Random) -> str:
    m, d = r.randrange(12), r.randint(1, 28)
    return r.choice((f"{W.MONTHS[m]} {d}", f"{m + 1}/{d}", f"{W.MONTHS[m]} {d}th",
                     f"{W.MONTHS[m]} {d}, {r.randint(2019, 2024)}", f"{m + 1:02d}/{d:02d}/{r.randint(2019, 2024)}"))


def _phone(r: random.Random) -> str:
    a, x = r.choice(("503", "541", "971", "360")), f"01{r.randint(0, 99):02d}"
    return r.choice((f"({a}) 555-{x}", f"{a}-555-{x}", f"{a}.555.{x}", f"+1 {a} 555 {x}"))


_GEN: dict[str, Callable[[random.Random, "Slots"], str]] = {
    "first": lambda r, s: r.choice(W.FIRST), "last": lambda r, s: r.choice(W.LAST),
    "staff": lambda r, s: r.choice(W.STAFF), "practice": lambda r, s: r.choice(W.PRACTICE),
    "office_town": lambda r, s: r.choice(W.OFFICE_TOWNS), "town": lambda r, s: r.choice(W.OTHER_TOWNS),
    "street": lambda r, s: r.choice(W.STREETS), "place": lambda r, s: r.choice(W.PLACES),
    "office_phone": lambda r, s: r.choice(W.OFFICE_PHONES), "phone": lambda r, s: _phone(r),
    "office_email": lambda r, s: r.choice(W.PRACTICE_EMAILS),
    "office_url": lambda r, s: r.choice(W.PRACTICE_URLS),
    "office_handle": lambda r, s: r.choice(W.PRACTICE_HANDLES),
    "email": lambda r, s: f"{_ascii(s['first'])}.{_ascii(s['last'])}{r.randint(1, 99)}@{r.choice(W.MAIL_DOMAINS)}",
    "handle": lambda r, s: f"@{_ascii(s['first'])}{r.choice(('_', '.', ''))}{r.choice((_ascii(s['last']), str(r.randint(7, 99))))}",
    "date": lambda r, s: _date(r),
    "date_es": lambda r, s: f"{r.randint(1, 28)} de {r.choice(W.MONTHS_ES)}",
    "reldate": lambda r, s: r.choice(W.RELDATES), "reldate_es": lambda r, s: r.choice(W.RELDATES_ES),
    "weekday": lambda r, s: r.choice(W.WEEKDAYS), "time": lambda r, s: r.choice(W.TIMES),
    "month": lambda r, s: r.choice(W.MONTHS), "month_es": lambda r, s: r.choice(W.MONTHS_ES),
    "season": lambda r, s: r.choice(W.SEASONS), "year": lambda r, s: str(r.randint(2019, 2024)),
    "condition": lambda r, s: r.choice(W.CONDITIONS), "gcondition": lambda r, s: r.choice(W.GENERAL_CONDITIONS),
    "procedure": lambda r, s: r.choice(W.PROCEDURES), "medication": lambda r, s: r.choice(W.MEDICATIONS),
    "procedure_cap": lambda r, s: _article(r.choice(W.PROCEDURES)),
    "condition_es": lambda r, s: r.choice(W.CONDITIONS_ES), "procedure_es": lambda r, s: r.choice(W.PROCEDURES_ES),
    "emoji": lambda r, s: r.choice(W.EMOJI), "ctag": lambda r, s: r.choice(W.COMMUNITY_TAGS),
    "htag": lambda r, s: r.choice(W.HEALTH_TAGS), "holiday": lambda r, s: r.choice(W.HOLIDAYS),
    "figure": lambda r, s: r.choice(W.PUBLIC_FIGURES), "fact": lambda r, s: r.choice(W.FACTS),
    "fact_es": lambda r, s: r.choice(W.FACTS_ES), "age": lambda r, s: str(r.randint(5, 85)),
    "old_age": lambda r, s: str(r.randint(90, 104)), "n": lambda r, s: str(r.randint(2, 45)),
}


class Slots(dict):  # type: ignore[type-arg]
    """Template values for one draft: drawn on first use, then kept ("{first}" twice is one name)."""

    def __init__(self, rng: random.Random) -> None:
        super().__init__()
        self.rng = rng

    def __missing__(self, key: str) -> str:
        base = key.rstrip("0123456789")
        value = _GEN[base](self.rng, self)
        self[key] = value
        return value

    def fill(self, template: str) -> str:
        return template.format_map(self)


def _grow(rng: random.Random, parts: list[str], pool: list[str], lo: int, hi: int, sep: str) -> str:
    """Add sentences from ``pool`` to ``parts`` until the text reaches a target length in [lo, hi]."""
    target, text = rng.randint(lo, hi), sep.join(parts)
    for sentence in pool:
        if len(text) >= target:
            break
        candidate = text + sep + sentence if text else sentence
        if len(candidate) <= hi:
            text = candidate
    return text


def _short(rng: random.Random, slots: Slots) -> dict[str, Any]:
    kind = rng.choices([k for k, _ in SHORT_KINDS], [w for _, w in SHORT_KINDS])[0]
    rec: dict[str, Any] = {"kind": kind, "platform": rng.choice(PLATFORMS[kind])}
    if kind == "post":
        pool = T.SHORT_POSTS_ES if rng.random() < 0.10 else T.SHORT_POSTS
        rec["text"] = slots.fill(rng.choice(pool))
        return rec
    review, reply = rng.choice({"reply": T.REPLIES, "comment": T.COMMENTS, "dm": T.DMS}[kind])
    rec["text"] = slots.fill(reply)
    if rec["platform"] == "x":  # an X reply names its parent's author only
        rec["in_reply_to"] = {"author": slots["handle"], "text": None}
    else:
        rec["in_reply_to"] = {"author": f"{slots['first']} {slots['last'][0]}.", "text": slots.fill(review)}
    return rec


def _medium(rng: random.Random, slots: Slots) -> dict[str, Any]:
    if rng.random() < 0.2:
        review, _ = rng.choice(T.REPLIES)
        pool = [slots.fill(t) for t in T.MEDIUM_THEMES["reply"]]
        text = _grow(rng, pool[:1], pool[1:] + [slots.fill(t) for t in T.MEDIUM_THEMES["education"][1:]],
                     SHORT_MAX + 1, MEDIUM_MAX, " ")
        return {"kind": "reply", "platform": rng.choice(("google", "yelp", "facebook")), "text": text,
                "in_reply_to": {"author": f"{slots['first']} {slots['last'][0]}.", "text": slots.fill(review)}}
    theme = rng.choice(("spotlight", "story", "education", "event", "es") if rng.random() < 0.5
                       else ("spotlight", "story", "education", "event"))
    first, *rest = [slots.fill(t) for t in T.MEDIUM_THEMES[theme]]
    rng.shuffle(rest)
    extra = [slots.fill(t) for t in T.MEDIUM_THEMES["education" if theme != "education" else "event"]]
    text = _grow(rng, [first], rest + extra, SHORT_MAX + 1, MEDIUM_MAX, rng.choice((" ", "\n\n")))
    return {"kind": "post", "platform": rng.choice(PLATFORMS["post"][:2] + ("linkedin",)), "text": text}


def _long(rng: random.Random, slots: Slots) -> dict[str, Any]:
    target = rng.randint(MEDIUM_MAX + 300, LONG_MAX)
    parts = [slots.fill(rng.choice(T.NEWSLETTER_TITLES))]
    while len("\n\n".join(parts)) < target:
        theme = rng.choice(T.NEWSLETTER_SECTIONS)
        section = Slots(rng)  # each section is about its own people
        body = [section.fill(t) for t in T.MEDIUM_THEMES[theme]]
        rng.shuffle(body)
        parts.append(T.NEWSLETTER_HEADINGS[theme] + "\n" + " ".join(body[: rng.randint(3, len(body))]))
    while len("\n\n".join(parts)) > LONG_MAX - 200:
        parts.pop()
    parts.append(slots.fill(rng.choice(T.NEWSLETTER_CLOSING)))
    text = "\n\n".join(parts)
    return {"kind": "post", "platform": rng.choice(("facebook", "linkedin")), "text": text}


_BUILD = {"short": _short, "medium": _medium, "long": _long}


def _consent(rng: random.Random, slots: Slots) -> bool | dict[str, Any]:
    x = rng.random()
    if x < 0.03:
        return True
    if x < 0.04 and "first" in slots and "last" in slots:
        return {"subjects": [f"{slots['first']} {slots['last']}"], "reference": f"AUTH-{rng.randint(1000, 9999)}"}
    return False


def _record(rng: random.Random, i: int, size: str) -> dict[str, Any]:
    for _ in range(50):
        slots = Slots(rng)
        body = _BUILD[size](rng, slots)
        if size_class(body["text"]) == size:
            break
    else:  # pragma: no cover - the templates fit their classes
        raise RuntimeError(f"could not build a {size} draft")
    rec: dict[str, Any] = {"id": f"bench-{i:06d}", "kind": body["kind"], "platform": body["platform"],
                           "in_reply_to": body.get("in_reply_to"), "consent": _consent(rng, slots),
                           "created_at": f"{rng.randint(2019, 2024)}-{rng.randint(1, 12):02d}-"
                                         f"{rng.randint(1, 28):02d}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00Z",
                           "text": body["text"]}
    return rec


def size_class(text: str) -> str:
    n = len(text)
    return "short" if n <= SHORT_MAX else "medium" if n <= MEDIUM_MAX else "long" if n <= LONG_MAX else "oversize"


def generate(n: int = 10_000, seed: int = DEFAULT_SEED) -> list[dict[str, Any]]:
    """``n`` records: exactly round(25%) medium, round(5%) long and the rest short, shuffled."""
    rng = random.Random(seed)
    n_medium, n_long = round(n * MIX["medium"]), round(n * MIX["long"])
    sizes = ["short"] * (n - n_medium - n_long) + ["medium"] * n_medium + ["long"] * n_long
    rng.shuffle(sizes)
    return [_record(rng, i, size) for i, size in enumerate(sizes, 1)]


def to_jsonl(records: Iterable[dict[str, Any]]) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")


def describe(records: list[dict[str, Any]]) -> dict[str, Any]:
    """What the workload holds: size classes, kinds, replies, Spanish, characters."""
    sizes = Counter(size_class(r["text"]) for r in records)
    return {
        "drafts": len(records),
        "sizes": {k: sizes.get(k, 0) for k in ("short", "medium", "long", "oversize")},
        "kinds": dict(sorted(Counter(r["kind"] for r in records).items())),
        "with_in_reply_to": sum(r["in_reply_to"] is not None for r in records),
        "spanish": sum(bool(SPANISH.search(r["text"])) for r in records),
        "chars": sum(len(r["text"]) for r in records),
        "mean_chars": round(sum(len(r["text"]) for r in records) / max(1, len(records)), 1),
    }


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("-n", type=int, default=10_000)
    p.add_argument("--seed", type=int, default=DEFAULT_SEED)
    p.add_argument("-o", "--output", type=Path, help="write JSONL here instead of stdout")
    args = p.parse_args(argv)
    data = to_jsonl(generate(args.n, args.seed))
    if args.output:
        args.output.write_bytes(data)
    else:
        sys.stdout.buffer.write(data)
    return 0


if __name__ == "__main__":
    sys.exit(main())
