"""Allowances: every field required (the authorization reference above all), named on error."""

from __future__ import annotations

import datetime as dt

import pytest

from phi_guard import InputError
from phi_guard.allow import Allowance, from_json, from_text

GOOD = {"rule": "PG2xx", "authorization": "AUTH-2024-117", "reason": "signed release",
        "approved_by": "Dana Lee", "expires": "2027-01-31"}
COMMENT = ('<!-- phi-guard-allow rule=PG214 authorization=AUTH-2024-117 approved_by="Dana Lee" '
           'expires=2027-01-31 reason="signed release" -->')


def test_a_good_allowance():
    (a,) = from_json([GOOD])
    assert a == Allowance("PG2", "AUTH-2024-117", "signed release", "Dana Lee", dt.date(2027, 1, 31))
    assert a.covers("PG214") and not a.covers("PG101")
    assert a.expired(dt.date(2027, 2, 1)) and not a.expired(dt.date(2027, 1, 31))
    assert "reason" not in a.to_dict()


@pytest.mark.parametrize("change, field", [
    ({"authorization": None}, "allow[0].authorization"),
    ({"authorization": "  "}, "allow[0].authorization"),
    ({"approved_by": None}, "allow[0].approved_by"),
    ({"expires": None}, "allow[0].expires"),
    ({"reason": None}, "allow[0].reason"),
    ({"rule": None}, "allow[0].rule"),
    ({"rule": "Zebulon"}, "allow[0].rule"),
    ({"rule": "PG910"}, "allow[0].rule"),
    ({"expires": "next tuesday"}, "allow[0].expires"),
    ({"authorization": 117}, "allow[0].authorization"),
    ({"patient": "Zebulon"}, "allow[0]"),
])
def test_a_bad_allowance_is_refused_naming_the_field(change, field):
    item = {k: v for k, v in {**GOOD, **change}.items() if v is not None}
    with pytest.raises(InputError) as exc:
        from_json([item])
    assert f"'{field}" in str(exc.value) and "Zebulon" not in str(exc.value)


@pytest.mark.parametrize("value", ["PG214", {"rule": "PG214"}, 3])
def test_allow_must_be_a_list_of_objects(value):
    with pytest.raises(InputError, match="invalid_allow"):
        from_json(value if not isinstance(value, dict) else [value])


def test_trailing_comment_form_is_read_and_blanked():
    text = f"Thanks for the kind words!\n{COMMENT}\n"
    got = from_text(text)
    assert len(got.text) == len(text) and got.text.startswith("Thanks for the kind words!\n")
    assert "AUTH" not in got.text and got.text.strip() == "Thanks for the kind words!"
    assert [a.rule for a in got.allowances] == ["PG214"]


def test_toml_front_matter_form_keeps_other_keys_for_checking():
    text = ('+++\ntitle = "Spring news"\n[[phi-guard.allow]]\nrule = "PG1"\nauthorization = "AUTH-1"\n'
            'reason = "r"\napproved_by = "Dana Lee"\nexpires = 2027-01-31\n+++\nBody.\n')
    got = from_text(text)
    assert 'title = "Spring news"' in got.text and "AUTH-1" not in got.text
    assert got.text.count("\n") == text.count("\n")
    assert got.allowances[0].expires == dt.date(2027, 1, 31)


@pytest.mark.parametrize("text, message", [
    (f"{COMMENT}\nBody after the comment.\n", "not at the end"),
    ('Body.\n<!-- phi-guard-allow rule=PG214 approved_by="Dana Lee" expires=2027-01-31 reason=r -->\n',
     "authorization' is missing"),
    ('Body.\n<!-- phi-guard-allow rule=PG214 authorization="AUTH -->\n', "unclosed quote"),
    ('Body.\n<!-- phi-guard-allow rule=PG214 patient=Zebulon -->\n', "key=value"),
    ('+++\n[phi-guard]\nallow = []\nnote = "Zebulon"\n+++\nBody.\n', "takes only 'allow'"),
])
def test_bad_text_forms_are_refused(text, message):
    with pytest.raises(InputError) as exc:
        from_text(text)
    assert message in str(exc.value) and "Zebulon" not in str(exc.value)


def test_a_draft_without_allowances_is_unchanged():
    text = "+++\ntitle = 'x'\n+++\nHello <!-- a comment -->\n"
    assert from_text(text).text == text and from_text(text).allowances == ()
