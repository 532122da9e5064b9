"""[tool.phi-guard] / phi-guard.toml: found from the cwd upward, strict keys, errors without values."""

from __future__ import annotations

import pytest

from phi_guard import ConfigError, Severity
from phi_guard.config import Config, check_selectors, find_config, load_config, parse_config

SECRET = "Zebulon-555-0188"


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_nearest_config_upward_wins(tmp_path):
    write(tmp_path / "phi-guard.toml", 'ignore = ["PG104"]\n')
    write(tmp_path / "a" / "pyproject.toml", '[tool.phi-guard]\nselect = ["PG1"]\n')
    deep = tmp_path / "a" / "b" / "c"
    deep.mkdir(parents=True)
    assert find_config(deep) == tmp_path / "a" / "pyproject.toml"
    assert load_config(deep).select == ("PG1",)


def test_pyproject_without_the_table_is_skipped(tmp_path):
    write(tmp_path / "phi-guard.toml", "warn-as-block = true\n")
    write(tmp_path / "sub" / "pyproject.toml", "[tool.ruff]\nline-length = 100\n")
    assert load_config(tmp_path / "sub").warn_as_block is True


def test_phi_guard_toml_beats_pyproject_in_one_folder(tmp_path):
    write(tmp_path / "phi-guard.toml", "max-chars = 10\n")
    write(tmp_path / "pyproject.toml", "[tool.phi-guard]\nmax-chars = 20\n")
    assert load_config(tmp_path).max_chars == 10


def test_isolated_ignores_every_file(tmp_path):
    write(tmp_path / "phi-guard.toml", "max-chars = 10\n")
    assert load_config(tmp_path, isolated=True) == Config()


def test_the_projects_own_pyproject_has_no_table():
    from conftest import ROOT

    assert parse_config(ROOT / "pyproject.toml") == Config(source=ROOT / "pyproject.toml")


def test_every_key(tmp_path):
    cfg = parse_config(write(tmp_path / "phi-guard.toml", """
profile = "profile.json"
select = ["PG1xx", "pg210"]
ignore = ["PG104"]
warn_as_block = true
max-chars = 5000
packs = ["./extra", "acme"]
[severity]
PG104 = "high"
PG2 = "info"
"""))
    assert cfg.profile == tmp_path / "profile.json"
    assert cfg.select == ("PG1", "PG210") and cfg.ignore == ("PG104",)
    assert cfg.severity == (("PG104", Severity.HIGH), ("PG2", Severity.INFO))
    assert cfg.warn_as_block and cfg.max_chars == 5000 and cfg.settings().max_chars == 5000
    assert cfg.packs == (str(tmp_path / "extra"), "acme")


@pytest.mark.parametrize("body, names", [
    (f'colour = "{SECRET}"\n', "'colour'"),
    (f'select = "{SECRET}"\n', "select must be a list"),
    (f'select = ["{SECRET}"]\n', "select[0]"),
    ('ignore = ["PG910"]\n', "ignore[0]"),
    ('ignore = ["PG"]\n', "ignore[0]"),
    (f'warn-as-block = "{SECRET}"\n', "warn-as-block"),
    (f'max-chars = "{SECRET}"\n', "max-chars"),
    ("max-chars = 0\n", "max-chars"),
    ("max-chars = true\n", "max-chars"),
    ('profile = 3\n', "profile"),
    (f'packs = "{SECRET}"\n', "packs"),
    (f'[severity]\nPG104 = "{SECRET}"\n', "PG104"),
    ('[severity]\nPG930 = "high"\n', "PG930"),
    ('max-chars = 1\nmax_chars = 2\n', "given twice"),
    (f'select = ["{SECRET}"\n', "not valid TOML"),
])
def test_errors_name_the_key_and_never_echo_the_value(tmp_path, body, names):
    with pytest.raises(ConfigError) as exc:
        parse_config(write(tmp_path / "phi-guard.toml", body))
    assert names in str(exc.value)
    assert SECRET not in str(exc.value)


def test_a_selector_must_select_a_rule():
    check_selectors(Config(select=("PG1",)), ["PG101", "PG201"])
    with pytest.raises(ConfigError, match="select: 'PG7'"):
        check_selectors(Config(select=("PG7",)), ["PG101", "PG201"])
