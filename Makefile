# Two commands for a fresh machine with python3, pip and make: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test install bench audit-deps lock clean docs

$(STAMP): requirements/lock.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements/lock.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/phi-guard audit samples/drafts.jsonl --profile samples/profile.json --format text --exit-zero

test: $(STAMP)
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

# Regenerate docs/rules/<CODE>.md from the rule pack (a test keeps them in sync).
docs: $(STAMP)
	$(BIN)/python -m phi_guard.docs

# Vulnerability audit of the locked dependencies (needs the advisory database, so not in `make test`).
audit-deps: $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check pip-audit
	$(BIN)/pip-audit --strict --require-hashes --disable-pip -r requirements/lock.txt

# Re-lock after changing dependencies in pyproject.toml.
lock:
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --extra dev -o requirements/lock.txt pyproject.toml

clean:
	rm -rf $(VENV) build dist src/*.egg-info
