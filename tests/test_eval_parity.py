"""`phi-guard eval` prints the yardstick's figures: our scorer equals shared/eval/score.py."""

from __future__ import annotations

import json
import subprocess
import sys

from phi_guard.cli import main

from conftest import DEV, SHARED


def test_eval_matches_score_py(tmp_path, capsys):
    corpus = DEV / "corpus.jsonl"
    preds = tmp_path / "preds.jsonl"
    main(["audit", str(corpus), "--profile", str(DEV / "profile.json"), "--format", "jsonl", "-o", str(preds)])
    ref = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), str(corpus), str(preds), "--json"],
                         capture_output=True, text=True, check=True)
    capsys.readouterr()
    assert main(["eval", str(corpus), "--profile", str(DEV / "profile.json"), "--json"]) == 0
    ours = json.loads(capsys.readouterr().out)
    assert ours == json.loads(ref.stdout)
