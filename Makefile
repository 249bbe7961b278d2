# The two commands of the README: `make run` and `make test`. Everything else supports them.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# axe-core, injected by the browser tests; npm writes this file on every install.
NODE_STAMP := node_modules/.package-lock.json
HEADWAY := $(BIN)/headway
export HEADWAY_DATA_MIRROR ?= $(abspath ../shared/data)
TEST_DATABASE_URL ?= $(or $(DATABASE_URL),postgres://postgres@127.0.0.1:5432/test)
PYTEST_WORKERS ?= 2

.PHONY: run test install lint typecheck test-sqlite test-postgres test-browser system-deps \
        postgres db data bench clean

run: install db data
	$(HEADWAY) serve

# One target runs exactly what CI runs.
test: install system-deps postgres lint typecheck test-sqlite test-postgres test-browser

install: $(STAMP) $(NODE_STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --silent

db: install
	mkdir -p var
	$(HEADWAY) migrate --no-input
	$(HEADWAY) collectstatic --no-input --verbosity 0

# Load the career datasets once, from HEADWAY_DATA_MIRROR or the official addresses; the app
# runs without them and the explorer says how to load them.
data: install
	$(HEADWAY) data ensure

# Debian's Chromium drives the browser tests; Playwright never downloads a browser here.
system-deps:
	@command -v /usr/bin/chromium >/dev/null || { \
	  echo "Installing Debian's chromium for the browser tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core; }

postgres:
	@pg_isready -q -h 127.0.0.1 -p 5432 || { \
	  echo "Starting PostgreSQL"; \
	  pg_ctlcluster --skip-systemctl-redirect $$(ls /etc/postgresql) main start; \
	  for i in $$(seq 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done; }

lint: install
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: install
	$(BIN)/mypy

test-sqlite: install
	$(BIN)/pytest -n $(PYTEST_WORKERS) -m "not browser" -q

test-postgres: install
	DATABASE_URL=$(TEST_DATABASE_URL) $(BIN)/pytest -n $(PYTEST_WORKERS) -m "not browser" -q

test-browser: install
	DJANGO_ALLOW_ASYNC_UNSAFE=true $(BIN)/pytest -m browser -q -p no:xdist

bench: install
	for script in bench/*.py; do echo "== $$script"; $(BIN)/python $$script || exit 1; done

clean:
	rm -rf $(VENV) node_modules var/static .pytest_cache .mypy_cache .ruff_cache
