from __future__ import annotations

import json

import pytest

from phi_guard import ConfigError, Profile

from conftest import DEV


def test_dev_profile_loads():
    p = Profile.load(DEV / "profile.json")
    assert p.name == "Cedar Hollow Health Partners"
    assert any(s.bare_name == "Adaeze Okafor" for s in p.staff)


@pytest.mark.parametrize(("data", "key"), [({"name": 5}, "name"), ({"name": "x", "phones": "555"}, "phones"),
                                           ({"name": "x", "staff": [{"role": "x"}]}, "staff[0]")])
def test_wrong_types_name_the_key(tmp_path, data, key):
    p = tmp_path / "p.json"
    p.write_text(json.dumps(data))
    with pytest.raises(ConfigError, match=key.replace("[", r"\[").replace("]", r"\]")):
        Profile.load(p)


def test_unknown_keys_are_ignored():
    assert Profile.from_dict({"name": "x", "colour": "blue"}).name == "x"
