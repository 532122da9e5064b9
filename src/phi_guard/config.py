"""``[tool.phi-guard]`` in pyproject.toml, or a phi-guard.toml, found from a directory upward as
ruff finds its configuration; parsed into a frozen ``Config`` that the CLI applies.

The library never reads a config file by itself: ``Linter`` takes ``Config.settings()``, and the
rest (select, ignore, severities, warn-as-block) is applied to Results by ``phi_guard.suppress``.
Errors name the file and the key, never a value.

    profile = "profile.json"        # relative to the config file
    select = ["PG1", "PG210"]       # codes or prefixes ("PG2" selects every PG2xx); default: all
    ignore = ["PG104"]
    warn-as-block = true            # a WARN draft fails like a BLOCK
    max-chars = 20000               # input size cap per draft
    packs = ["rules/extra", "acme"] # rule packs: a directory, or a phi_guard.packs entry point
    [tool.phi-guard.severity]       # per rule (or prefix): info, low, medium, high, critical
    PG104 = "high"
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import regex

from . import codes
from ._errors import ConfigError
from ._types import Severity

if TYPE_CHECKING:
    from .linter import Settings

CONFIG_NAMES = ("phi-guard.toml", "pyproject.toml")  # the first wins within one directory
_SAFE_KEY = regex.compile(r"^[A-Za-z0-9_.-]{1,40}$")


@dataclass(frozen=True, slots=True)
class Config:
    source: Path | None = None  # the file it came from; None for the defaults
    profile: Path | None = None
    select: tuple[str, ...] = ()  # empty: every rule
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, Severity], ...] = ()
    warn_as_block: bool = False
    max_chars: int | None = None
    packs: tuple[str, ...] = ()  # directories (absolute) or entry-point names

    def settings(self) -> Settings:
        from .linter import Settings

        return Settings() if self.max_chars is None else Settings(max_chars=self.max_chars)

    def describe(self) -> dict[str, Any]:
        """The settings as plain data, for run metadata (paths by name only)."""
        return {
            "config": self.source.name if self.source else None,
            "select": list(self.select),
            "ignore": list(self.ignore),
            "severity": {code: sev.value for code, sev in self.severity},
            "warn_as_block": self.warn_as_block,
            "max_chars": self.settings().max_chars,
            "packs": [Path(p).name if "/" in p else p for p in self.packs],
        }


def find_config(start: Path) -> Path | None:
    """The nearest phi-guard.toml, or pyproject.toml holding [tool.phi-guard], from ``start`` up."""
    for folder in (start, *start.parents):
        for name in CONFIG_NAMES:
            path = folder / name
            if path.is_file() and (name != "pyproject.toml" or _tool_table(path) is not None):
                return path
    return None


def load_config(start: Path, isolated: bool = False) -> Config:
    if isolated:
        return Config()
    path = find_config(start.resolve())
    return Config() if path is None else parse_config(path)


def parse_config(path: Path) -> Config:
    table = _tool_table(path) if path.name == "pyproject.toml" else _read(path)
    return config_from_table(table or {}, path)


def config_from_table(table: dict[str, Any], path: Path) -> Config:
    where = "[tool.phi-guard]" if path.name == "pyproject.toml" else path.name
    values: dict[str, Any] = {}
    for raw_key, value in table.items():
        key = raw_key.replace("-", "_")
        if key not in _KEYS:
            raise ConfigError(
                f"PG901: {where}: unknown key {_key_name(raw_key)}; known keys: "
                + ", ".join(sorted(k.replace("_", "-") for k in _KEYS))
            )
        if key in values:
            raise ConfigError(f"PG901: {where}: key '{raw_key}' is given twice")
        values[key] = _KEYS[key](value, f"{where}: {raw_key}", path.parent)
    return Config(source=path, **values)


def selectors(value: Any, where: str, *, allow_tool_codes: bool) -> tuple[str, ...]:
    """Validated selectors from a list of strings (config) or a comma-separated string (CLI)."""
    items = [v for v in value.split(",") if v.strip()] if isinstance(value, str) else value
    if not isinstance(items, list):
        raise ConfigError(f"PG901: {where} must be a list of rule codes or prefixes")
    out = []
    for i, item in enumerate(items):
        norm = codes.normalize(item)
        if norm is None:
            raise ConfigError(
                f"PG901: {where}[{i}] is not a rule code or prefix (like PG101 or PG2)"
            )
        if not allow_tool_codes and codes.is_tool_code(norm):
            raise ConfigError(
                f"PG901: {where}[{i}]: the tool's own codes (PG9xx) cannot be ignored"
            )
        out.append(norm)
    return tuple(dict.fromkeys(out))


def check_selectors(config: Config, known: Sequence[str]) -> None:
    """Every selector must select at least one rule of the loaded packs (ruff does the same)."""
    named = (
        [("select", s) for s in config.select]
        + [("ignore", s) for s in config.ignore]
        + [("severity", s) for s, _ in config.severity]
    )
    for key, selector in named:
        if not any(code.startswith(selector) for code in known):
            raise ConfigError(
                f"PG901: {key}: '{selector}' selects no rule of the loaded rule packs"
            )


def _read(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"PG901: cannot read {path.name} ({exc.strerror})") from None
    except UnicodeDecodeError:
        raise ConfigError(f"PG901: {path.name} is not UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        where = regex.search(r"\(at line \d+, column \d+\)", str(exc))
        raise ConfigError(
            f"PG901: {path.name} is not valid TOML {where.group() if where else ''}".rstrip()
        ) from None


def _tool_table(path: Path) -> dict[str, Any] | None:
    tool = _read(path).get("tool")
    table = tool.get("phi-guard") if isinstance(tool, dict) else None
    if table is not None and not isinstance(table, dict):
        raise ConfigError("PG901: pyproject.toml: [tool.phi-guard] must be a table")
    return table


def _key_name(key: str) -> str:
    return f"'{key}'" if _SAFE_KEY.match(key) else "(a key with unusual characters)"


def _profile(value: Any, where: str, base: Path) -> Path:
    if not isinstance(value, str) or not value:
        raise ConfigError(f"PG901: {where} must be a path (a string)")
    return base / value


def _select(value: Any, where: str, base: Path) -> tuple[str, ...]:
    return selectors(_list(value, where), where, allow_tool_codes=True)


def _ignore(value: Any, where: str, base: Path) -> tuple[str, ...]:
    return selectors(_list(value, where), where, allow_tool_codes=False)


def _list(value: Any, where: str) -> list[Any]:
    if not isinstance(value, list):
        raise ConfigError(f"PG901: {where} must be a list of rule codes or prefixes")
    return value


def _severity(value: Any, where: str, base: Path) -> tuple[tuple[str, Severity], ...]:
    if not isinstance(value, dict):
        raise ConfigError(f"PG901: {where} must be a table of rule code = severity")
    out = []
    for key, sev in value.items():
        norm = codes.normalize(key)
        if norm is None or codes.is_tool_code(norm):
            raise ConfigError(
                f"PG901: {where}.{_key_name(key)} is not a rule code or prefix outside PG9xx"
            )
        try:
            out.append((norm, Severity(sev)))
        except ValueError:
            raise ConfigError(
                f"PG901: {where}.{_key_name(key)} must be one of info, low, medium, high, critical"
            ) from None
    return tuple(out)


def _bool(value: Any, where: str, base: Path) -> bool:
    if not isinstance(value, bool):
        raise ConfigError(f"PG901: {where} must be true or false")
    return value


def _max_chars(value: Any, where: str, base: Path) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ConfigError(f"PG901: {where} must be a positive integer")
    return value


def _packs(value: Any, where: str, base: Path) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ConfigError(f"PG901: {where} must be a list of directories or entry-point names")
    return tuple(str(base / v) if ("/" in v or v.startswith(".")) else v for v in value)


_KEYS: dict[str, Callable[[Any, str, Path], Any]] = {
    "profile": _profile,
    "select": _select,
    "ignore": _ignore,
    "severity": _severity,
    "warn_as_block": _bool,
    "max_chars": _max_chars,
    "packs": _packs,
}
