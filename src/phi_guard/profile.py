"""The practice's public profile: what it has published about itself (shared/eval/PROFILE.md).

Its entries tell the practice's own names, contacts, places and staff (look-alikes) from a
patient's. An entry makes a span a look-alike as the whole entry, a listed alias, or a form
people use for it in a context that fits ("Dr. Okafor", "our hygienist Dawn"); a bare shared
token does not.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import regex

from ._errors import ConfigError

_LIST_KEYS = ("aliases", "specialties", "places", "addresses", "phones", "fax", "emails", "urls",
              "handles", "hashtags", "languages")
_TITLE = regex.compile(r"^(?:dr\.?|doctor|mr\.?|mrs\.?|ms\.?|mx\.?|prof\.?)\s+", regex.I)
_CREDENTIAL = regex.compile(r",.*$")


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    role: str | None = None
    aliases: tuple[str, ...] = ()

    @property
    def bare_name(self) -> str:
        """The name without title or credentials: "Dr. Adaeze Okafor" -> "Adaeze Okafor"."""
        return _TITLE.sub("", _CREDENTIAL.sub("", self.name)).strip()

    @property
    def given(self) -> str:
        parts = self.bare_name.split()
        return parts[0] if parts else ""

    @property
    def surname(self) -> str:
        parts = self.bare_name.split()
        return parts[-1] if len(parts) > 1 else ""


@dataclass(frozen=True, slots=True)
class Profile:
    """A practice's public profile. ``Profile()`` is the empty profile: nothing is its own."""

    name: str = ""
    aliases: tuple[str, ...] = ()
    specialties: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    addresses: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    fax: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    urls: tuple[str, ...] = ()
    handles: tuple[str, ...] = ()
    hashtags: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    staff: tuple[Person, ...] = ()
    public_figures: tuple[Person, ...] = ()
    hours: str = ""

    @classmethod
    def load(cls, path: str | Path) -> "Profile":
        path = Path(path)
        try:
            raw = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise ConfigError(f"PG901: cannot read profile '{path.name}' ({exc.strerror})") from None
        except UnicodeDecodeError:
            raise ConfigError(f"PG901: profile '{path.name}' is not UTF-8") from None
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise ConfigError(f"PG901: profile '{path.name}' is not valid JSON (line {exc.lineno})") from None
        return cls.from_dict(data, source=path.name)

    @classmethod
    def from_dict(cls, data: Any, source: str = "profile") -> "Profile":
        if not isinstance(data, dict):
            raise ConfigError(f"PG901: {source}: the profile must be a JSON object")
        name = data.get("name", "")
        if not isinstance(name, str):
            raise ConfigError(f"PG901: {source}: key 'name' must be a string")
        lists = {key: _str_list(data.get(key, []), key, source) for key in _LIST_KEYS}
        hours = data.get("hours", "")
        if not isinstance(hours, str):
            raise ConfigError(f"PG901: {source}: key 'hours' must be a string")
        return cls(name=name, **lists, hours=hours,
                   staff=_people(data.get("staff", []), "staff", source),
                   public_figures=_people(data.get("public_figures", []), "public_figures", source))

    @property
    def is_empty(self) -> bool:
        return not (self.name or self.aliases or self.staff or self.phones)

    @property
    def practice_names(self) -> tuple[str, ...]:
        return tuple(n for n in (self.name, *self.aliases) if n)


def _str_list(value: Any, key: str, source: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"PG901: {source}: key '{key}' must be a list of strings")
    return tuple(value)


def _people(value: Any, key: str, source: str) -> tuple[Person, ...]:
    if not isinstance(value, list):
        raise ConfigError(f"PG901: {source}: key '{key}' must be a list")
    out = []
    for i, entry in enumerate(value):
        if isinstance(entry, str):
            out.append(Person(entry))
            continue
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            raise ConfigError(f"PG901: {source}: {key}[{i}] must be a string or an object with a string 'name'")
        role = entry.get("role", entry.get("note"))
        if role is not None and not isinstance(role, str):
            raise ConfigError(f"PG901: {source}: {key}[{i}].role must be a string")
        aliases = _str_list(entry.get("aliases", []), f"{key}[{i}].aliases", source)
        out.append(Person(entry["name"], role, aliases))
    return tuple(out)
