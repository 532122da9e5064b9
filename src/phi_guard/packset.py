"""The built-in rule pack plus third-party packs, combined into one RulePack.

A third-party pack is a directory in the built-in pack's format, named by path, or installed
and named by its ``phi_guard.packs`` entry point (whose object is a path, or a callable that
returns one). A rule code defined by two packs is a hard error: codes are stable identities.
"""

from __future__ import annotations

import importlib.metadata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ._errors import RulePackError
from .packs import RulePack, TermList, builtin_pack, builtin_pack_dir, load_pack

ENTRY_POINT_GROUP = "phi_guard.packs"


@dataclass(frozen=True, slots=True)
class Packs:
    pack: RulePack  # everything combined, the built-in pack first
    dirs: tuple[Path, ...]  # each pack's directory, in load order (for the rule-pack hash)
    names: tuple[str, ...]


def load_packs(specs: Sequence[str] = ()) -> Packs:
    """The built-in pack, then each of ``specs`` (a directory or an entry-point name)."""
    dirs = [builtin_pack_dir()]
    packs = [builtin_pack()]
    for spec in specs:
        path = _resolve(spec)
        dirs.append(path)
        packs.append(load_pack(path))
    return Packs(combine(packs), tuple(dirs), tuple(p.name for p in packs))


def _resolve(spec: str) -> Path:
    if "/" in spec or spec.startswith("."):
        path = Path(spec)
        if not path.is_dir():
            raise RulePackError(f"PG902: rule pack directory '{path.name}' does not exist")
        return path
    found = [
        ep for ep in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP) if ep.name == spec
    ]
    if not found:
        known = sorted(ep.name for ep in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP))
        raise RulePackError(
            f"PG902: no rule pack entry point named '{spec}' in group {ENTRY_POINT_GROUP}; "
            f"installed: {', '.join(known) or 'none'}"
        )
    target = found[0].load()
    path = Path(str(target() if callable(target) else target))
    if not path.is_dir():
        raise RulePackError(f"PG902: entry point '{spec}' does not name a rule pack directory")
    return path


def combine(packs: Sequence[RulePack]) -> RulePack:
    if len(packs) == 1:
        return packs[0]
    owner: dict[str, str] = {}
    problems = []
    for pack in packs:
        for rule in pack.rules:
            if rule.code in owner:
                problems.append(
                    f"rule code {rule.code} is defined by both pack '{owner[rule.code]}' and pack '{pack.name}'"
                )
            owner.setdefault(rule.code, pack.name)
    if problems:
        raise RulePackError("PG902: rule packs collide:\n  " + "\n  ".join(problems))
    terms: dict[str, TermList] = {}
    for pack in packs:
        for key, tl in pack.terms.items():
            prev = terms.get(key)
            terms[key] = tl if prev is None else TermList(key, prev.label, prev.terms + tl.terms)
    first = packs[0]
    return RulePack(
        "+".join(p.name for p in packs),
        first.path,
        tuple(r for p in packs for r in p.rules),
        tuple(x for p in packs for x in p.patterns),
        terms,
        tuple(s for p in packs for s in p.sensitive),
    )
