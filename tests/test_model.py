"""The model is fingerprinted before it loads; a mismatch or a missing model refuses to start."""

from __future__ import annotations

import pytest

from phi_guard import ModelError, model


def test_installed_model_matches_recorded_fingerprint():
    data_dir, fp = model.verified_model_path()
    assert fp == model.expected_model().sha256
    assert (data_dir / "config.cfg").is_file()


def test_mismatch_refuses(monkeypatch):
    spec = model.expected_model()
    monkeypatch.setattr(model, "expected_model", lambda: model.ModelSpec(spec.package, spec.version, spec.data_dir, "0" * 64))
    model.verified_model_path.cache_clear()
    try:
        with pytest.raises(ModelError, match="fingerprint"):
            model.verified_model_path()
    finally:
        monkeypatch.undo()
        model.verified_model_path.cache_clear()


def test_missing_model_refuses(monkeypatch):
    monkeypatch.setattr(model, "expected_model", lambda: model.ModelSpec("no_such_model_pkg", "1", "x", "0" * 64))
    model.verified_model_path.cache_clear()
    try:
        with pytest.raises(ModelError, match="not installed"):
            model.verified_model_path()
    finally:
        monkeypatch.undo()
        model.verified_model_path.cache_clear()


def test_fingerprint_changes_when_a_file_changes(tmp_path):
    (tmp_path / "a").write_bytes(b"1")
    before = model.fingerprint(tmp_path)
    (tmp_path / "a").write_bytes(b"2")
    assert model.fingerprint(tmp_path) != before
