.DEFAULT_GOAL := help
SHELL := /bin/bash

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
CHROMIUM := /usr/bin/chromium
# The test suite runs in one process per CPU (pytest-xdist); `make test PYTEST_XDIST=` runs it in one.
PYTEST_XDIST ?= -n auto

help: ## List the make targets
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  make %-14s %s\n", $$1, $$2}'

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(PY)
	$(PIP) install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(PY)
	$(PIP) install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed ## Create .venv and install the runtime requirements

install-dev: $(VENV)/.installed-dev ## Create .venv and install the development requirements

messages: install ## Compile the translation catalogues (.po -> .mo)
	$(MANAGE) compile_translations

makemessages: install ## Refresh locale/*/LC_MESSAGES/django.po from the code (needs gettext)
	$(MANAGE) makemessages --locale fr --locale en --ignore ".venv/*" --ignore "staticfiles/*" --no-obsolete --no-location

migrate: install ## Apply database migrations
	$(MANAGE) migrate --noinput

demo: migrate messages ## Load the demo content (idempotent)
	$(MANAGE) load_demo

run: demo ## Install, migrate, load demo content and serve on http://127.0.0.1:8000
	$(MANAGE) runserver $(HOST):$(PORT)

lint: install-dev ## Ruff lint and format check, template indentation check (djhtml)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/djhtml --check templates

format: install-dev ## Fix what lint reports: ruff fixes and format, template indentation
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .
	$(VENV)/bin/djhtml templates

test: install-dev lint ## Lint, check migrations, run the whole test suite
	DJANGO_SETTINGS_MODULE=portal.settings.test $(MANAGE) makemigrations --check --dry-run --noinput
	DJANGO_SETTINGS_MODULE=portal.settings.test $(MANAGE) compile_translations
	@if [ ! -x $(CHROMIUM) ]; then echo "NOTE: browser tests will be skipped: $(CHROMIUM) not found (apt-get install chromium)."; fi
	$(VENV)/bin/pytest $(PYTEST_XDIST) $(PYTEST_ARGS)

test-browser: install-dev messages ## Run only the browser suite (Playwright + Chromium)
	$(VENV)/bin/pytest -m browser $(PYTEST_XDIST) $(PYTEST_ARGS)

screenshots: install-dev messages ## Redraw the journeys' screenshots in docs/screenshots (browser tests)
	SCREENSHOTS_DIR=$(CURDIR)/docs/screenshots $(VENV)/bin/pytest -m browser -n 0 tests/browser/test_journey_citizen.py \
	  tests/browser/test_journey_officer.py tests/browser/test_journey_partner.py $(PYTEST_ARGS)

serve-prod: install messages ## Serve with gunicorn and production settings (needs SECRET_KEY)
	@test -n "$$SECRET_KEY" || { echo "SECRET_KEY is required: SECRET_KEY=... make serve-prod"; exit 2; }
	DJANGO_SETTINGS_MODULE=portal.settings.production $(MANAGE) collectstatic --noinput -v0
	DJANGO_SETTINGS_MODULE=portal.settings.production SECURE_SSL_REDIRECT=$${SECURE_SSL_REDIRECT:-false} \
	  $(VENV)/bin/gunicorn portal.wsgi --bind $(HOST):$(PORT) --workers $${WORKERS:-2}

audit: install-dev ## pip-audit on the pinned requirements (says so when nothing could be audited)
	$(PY) scripts/audit.py $(AUDIT_ARGS)

clean: ## Remove the venv, the SQLite database, media and collected static files
	rm -rf $(VENV) db.sqlite3 media staticfiles .pytest_cache

.PHONY: help install install-dev messages makemessages migrate demo run lint format test test-browser screenshots serve-prod audit clean
