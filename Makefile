# Two commands for a fresh machine with python3, pip and make: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SPARK_STAMP := $(VENV)/.spark-installed
SPARK_PINS := "pyspark>=3.5,<5" "pandas>=2.0,<3" "pyarrow>=15"

.PHONY: demo test install bench audit-deps lock clean docs spark browser

$(STAMP): requirements/lock.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements/lock.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/phi-guard audit samples/drafts.jsonl --profile samples/profile.json --format text --exit-zero

test: $(STAMP) $(SPARK_STAMP) browser
	$(BIN)/python -m pytest -q

# The optional [spark] extra (not in the lock; same ranges as pyproject's [spark]), for the Spark test.
$(SPARK_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check $(SPARK_PINS)
	touch $(SPARK_STAMP)

spark: $(SPARK_STAMP)

# Debian's chromium, for the test that renders the HTML report in a real headless browser.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null; }

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

# Regenerate docs/rules/<CODE>.md from the rule pack (a test keeps them in sync).
docs: $(STAMP)
	$(BIN)/python -m phi_guard.docs

# Vulnerability audit of the locked dependencies (needs the advisory database, so not in `make test`).
# pip-audit gets a venv of its own, so its dependencies never mix with the locked ones. --strict:
# a dependency that could not be audited (the database unreachable) fails the audit.
AUDIT_VENV := .venv-audit
audit-deps:
	test -x $(AUDIT_VENV)/bin/python || $(PYTHON) -m venv $(AUDIT_VENV)
	$(AUDIT_VENV)/bin/python -m pip install --quiet --disable-pip-version-check pip-audit
	$(AUDIT_VENV)/bin/pip-audit --strict --require-hashes --disable-pip -r requirements/lock.txt

# Re-lock after changing dependencies in pyproject.toml.
lock:
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --extra dev -o requirements/lock.txt pyproject.toml

clean:
	rm -rf $(VENV) $(AUDIT_VENV) build dist src/*.egg-info
