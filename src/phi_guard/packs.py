"""Load and validate rule packs: rules with docs, patterns, term lists.

A pack is a directory (the built-in one is ``rules/core``, shipped inside the wheel as
``phi_guard/rules/core``):

    rules.toml          [[rule]] code, name, label, severity, what, why, example, instead, fix
    patterns.toml       [[pattern]] identifier patterns (see the file's header for the fields)
    relationship.toml   [[pattern]] RELATIONSHIP cues, same format
    terms/*.txt         term lists, one term a line, ``# label: X`` in the header
    names/*.txt         name gazetteers, one name a line

Every problem found is collected with its file and entry and raised together as one
RulePackError, as spaCy's config errors are.
"""

from __future__ import annotations

import importlib.resources
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import regex

from ._errors import RulePackError
from ._types import LABELS, Severity

_FLAG_BITS = {"i": regex.IGNORECASE, "x": regex.VERBOSE, "m": regex.MULTILINE, "s": regex.DOTALL}
_PATTERN_FILES = ("patterns.toml", "address.toml", "relationship.toml", "context.toml")
VALIDATORS = frozenset(
    {"luhn", "ssn_shape", "card_digits", "iban_shape", "age_over_89", "birth_year_over_89", "has_digit", "phone_digits"}
)


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    name: str
    label: str | None
    severity: Severity
    what: str
    why: str
    example: str
    instead: str
    fix: str


@dataclass(frozen=True, slots=True)
class PatternDef:
    name: str
    label: str  # "" for a rule without a GUIDELINES label (then `rule` names it)
    compiled: regex.Pattern[str]
    group: int
    score: float
    context: tuple[str, ...]
    require_context: bool
    validator: str | None
    lookalike: str | None
    rule: str | None = None


@dataclass(frozen=True, slots=True)
class TermList:
    name: str
    label: str | None
    terms: tuple[str, ...]


@dataclass(frozen=True)
class RulePack:
    name: str
    path: Path
    rules: tuple[Rule, ...]
    patterns: tuple[PatternDef, ...]
    terms: dict[str, TermList] = field(default_factory=dict)

    sensitive: tuple[str, ...] = ()

    def rule_for_label(self, label: str) -> Rule:
        for rule in self.rules:
            if rule.label == label:
                return rule
        raise KeyError(label)

    def rule(self, code: str) -> Rule:
        for rule in self.rules:
            if rule.code == code:
                return rule
        raise KeyError(code)


def builtin_pack_dir() -> Path:
    """The built-in pack, from the installed package (importlib.resources)."""
    root = importlib.resources.files("phi_guard") / "rules" / "core"
    return Path(str(root))


def _read_toml(path: Path, errors: list[str]) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        errors.append(f"{path.name}: file is missing")
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        errors.append(f"{path.name}: not valid TOML ({type(exc).__name__}: {exc})")
    return {}


def _load_rules(path: Path, errors: list[str]) -> tuple[Rule, ...]:
    out = []
    seen: set[str] = set()
    for i, entry in enumerate(_read_toml(path / "rules.toml", errors).get("rule", []), 1):
        where = f"rules.toml rule #{i}"
        try:
            code = str(entry["code"])
            label = entry.get("label")
            if label is not None and label not in LABELS:
                errors.append(f"{where} ({code}): unknown label {label!r}")
            if code in seen:
                errors.append(f"{where}: duplicate code {code}")
            seen.add(code)
            out.append(Rule(code, entry["name"], label, Severity(entry["severity"]), entry["what"],
                            entry["why"], entry["example"], entry["instead"], entry["fix"]))
        except KeyError as exc:
            errors.append(f"{where}: missing key {exc.args[0]!r}")
        except ValueError:
            errors.append(f"{where}: severity must be one of info, low, medium, high, critical")
    return tuple(out)


def _compile_pattern(entry: dict, where: str, errors: list[str]) -> PatternDef | None:
    try:
        name, source = entry["name"], entry["regex"]
        label = entry["label"] if "rule" not in entry else entry.get("label", "")
    except KeyError as exc:
        errors.append(f"{where}: missing key {exc.args[0]!r}")
        return None
    if label not in LABELS and not (label == "" and "rule" in entry):
        errors.append(f"{where} ({name}): unknown label {label!r}")
    flags = 0
    for ch in entry.get("flags", ""):
        if ch not in _FLAG_BITS:
            errors.append(f"{where} ({name}): unknown flag {ch!r}")
        flags |= _FLAG_BITS.get(ch, 0)
    validator = entry.get("validator")
    if validator is not None and validator not in VALIDATORS:
        errors.append(f"{where} ({name}): unknown validator {validator!r}; known: {', '.join(sorted(VALIDATORS))}")
    try:
        compiled = regex.compile(source, flags | regex.V0)
    except regex.error as exc:
        errors.append(f"{where} ({name}): regex does not compile ({exc})")
        return None
    group = int(entry.get("group", 0))
    if group > compiled.groups:
        errors.append(f"{where} ({name}): group {group} does not exist")
    return PatternDef(name, label, compiled, group, float(entry.get("score", 0.5)),
                      tuple(w.lower() for w in entry.get("context", ())),
                      bool(entry.get("require_context", False)), validator, entry.get("lookalike"),
                      entry.get("rule"))


def _load_patterns(path: Path, errors: list[str]) -> tuple[PatternDef, ...]:
    out: list[PatternDef] = []
    for fname in _PATTERN_FILES:
        if not (path / fname).exists():
            continue
        for i, entry in enumerate(_read_toml(path / fname, errors).get("pattern", []), 1):
            compiled = _compile_pattern(entry, f"{fname} pattern #{i}", errors)
            if compiled is not None:
                out.append(compiled)
    return tuple(out)


def read_list(path: Path) -> tuple[str | None, tuple[str, ...]]:
    """(label from a ``# label: X`` header, the non-comment lines) of a one-term-a-line file."""
    label = None
    terms = []
    for line in path.read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith("#"):
            head = stripped.lstrip("#").strip()
            if head.lower().startswith("label:") and label is None:
                label = head.split(":", 1)[1].strip() or None
            continue
        terms.append(stripped)
    return label, tuple(terms)


def _load_terms(path: Path, errors: list[str]) -> dict[str, TermList]:
    out: dict[str, TermList] = {}
    for sub in ("terms", "names", "lookalikes"):
        folder = path / sub
        if not folder.is_dir():
            continue
        for file in sorted(folder.glob("*.txt")):
            try:
                label, terms = read_list(file)
            except UnicodeDecodeError:
                errors.append(f"{sub}/{file.name}: not UTF-8")
                continue
            # a header such as "label: none" or "label: X | Y (per line)" names no single label
            out[f"{sub}/{file.stem}"] = TermList(f"{sub}/{file.stem}", label if label in LABELS else None, terms)
    return out


def load_pack(path: Path) -> RulePack:
    errors: list[str] = []
    rules = _load_rules(path, errors)
    patterns = _load_patterns(path, errors)
    terms = _load_terms(path, errors)
    sensitive = tuple(_read_toml(path / "sensitive.toml", errors).get("sensitive", {}).get("stems", ())) \
        if (path / "sensitive.toml").exists() else ()
    if path.resolve() != builtin_pack_dir().resolve():  # third-party packs (the suite checks ours)
        from .safety import check_patterns

        errors.extend(check_patterns(patterns))
    codes = {r.code for r in rules}
    for p in patterns:
        if p.rule is not None and p.rule not in codes:
            errors.append(f"pattern {p.name}: rule {p.rule} is not defined in rules.toml")
    if errors:
        raise RulePackError(f"PG902: rule pack '{path.name}' has {len(errors)} problem(s):\n  "
                            + "\n  ".join(errors))
    return RulePack(path.name, path, rules, patterns, terms, sensitive)


@lru_cache(maxsize=1)
def builtin_pack() -> RulePack:
    return load_pack(builtin_pack_dir())


_CALENDAR = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec "
    "monday tuesday wednesday thursday friday saturday sunday "
    "mondays tuesdays wednesdays thursdays fridays saturdays sundays "
    "mon tue tues wed thu thur thurs fri sat sun weekday weekdays weekend weekends".split())
_TITLES_AND_CALENDAR = frozenset(
    "dr mr mrs ms mx miss i i'm i've i'll i'd ok okay we our you your the a an and or but so if".split()) | _CALENDAR


def opening_words(pack: RulePack) -> frozenset[str]:
    """Lower-cased common English and Spanish words: capitalized at a sentence's start, no name."""
    out: set[str] = set()
    for name in ("names/english_words", "names/spanish_words"):
        tl = pack.terms.get(name)
        if tl is not None:
            out.update(tl.terms)
    return frozenset(out)


def calendar_words(pack: RulePack) -> frozenset[str]:
    """Lower-cased words of weekdays, months and holidays ("memorial", "day", "christmas")."""
    out = set(_CALENDAR)
    tl = pack.terms.get("lookalikes/holidays")
    for term in tl.terms if tl is not None else ():
        out.update(w.lower().strip(".,'’") for w in term.split())
    return frozenset(out)


def known_words(pack: RulePack, profile: "object") -> frozenset[str]:
    """Lower-cased words whose capitalized form the lists already decide (for the NER gate)."""
    out: set[str] = set(_TITLES_AND_CALENDAR)
    for name in ("names/first_names", "names/not_names", "names/common_words", "names/word_names",
                 "names/titles", "lookalikes/regions", "lookalikes/holidays", "terms/conditions",
                 "terms/procedures", "terms/medications"):
        tl = pack.terms.get(name)
        if tl is not None:
            out.update(t.lower() for t in tl.terms if " " not in t)
    for attr in ("name", "aliases", "places", "staff", "public_figures"):
        value = getattr(profile, attr, ())
        items = [value] if isinstance(value, str) else list(value)
        for item in items:
            text = item if isinstance(item, str) else getattr(item, "name", "") + " " + " ".join(getattr(item, "aliases", ()))
            out.update(w.lower().strip(".,") for w in text.split())
    return frozenset(out)
