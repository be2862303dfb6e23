# Quick start: `make serve` builds and serves the site, `make test` runs the whole suite.
# Both create .venv and install the Python packages they need (pip, from PyPI) on a fresh machine.
PY := .venv/bin/python
STAMP := .venv/.installed
PORT ?= 8000

$(STAMP): pyproject.toml
	python3 -m venv .venv
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

# Runs every test this machine can run, on up to two worker processes (pytest-xdist: one per
# core, at most two, each building its own test sites); the closing summary lists failures,
# errors and the skipped tests with their reason (-rfEs).
# The browser tests need Debian's chromium at /usr/bin/chromium, which this target never
# installs (no sudo, no apt): `.ci/run` installs it and sets WENXIAN_REQUIRE_BROWSER=1, under
# which a missing browser fails the run instead of skipping.
test: $(STAMP)
	$(PY) -m pytest -q -rfEs -n auto --maxprocesses=2

# `make serve PORT=8001` when 8000 is taken; scripts/serve.py says so instead of a traceback.
serve: $(STAMP)
	NO_MKDOCS_2_WARNING=1 $(PY) scripts/serve.py $(PORT)

build: $(STAMP)
	NO_MKDOCS_2_WARNING=1 .venv/bin/mkdocs build --strict

.PHONY: install test serve build
