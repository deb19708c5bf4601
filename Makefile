# Integrationsportal Beckum – the two commands: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
MANAGE := $(PY) manage.py
STAMP := $(VENV)/.installed
RUNTIME_STAMP := $(VENV)/.installed-runtime
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: axe lighthouse run demo-snapshot install install-runtime messages makemessages migrate demo test lint format check clean bench bench-http

# HOST and PORT also go to the demo loader (the Site's address: canonical links, hreflang,
# sitemap and feeds carry the port served) and to the admin's base URL.
# prepare_demo restores a new SQLite database from the committed demo snapshot when it matches the
# migrations and demo sources on disk (home/demo/snapshot.py; issue 12: first start in under 90 s);
# otherwise it migrates (the system checks run there, once) and loads the demo, keeping existing data.
run: install-runtime messages
	SITE_HOSTNAME=$(HOST) SITE_PORT=$(PORT) $(MANAGE) prepare_demo --skip-checks
	@echo "Serving on http://$(HOST):$(PORT)/ (admin: http://$(HOST):$(PORT)/admin/)"
	WAGTAILADMIN_BASE_URL=http://$(HOST):$(PORT) $(MANAGE) runserver --skip-checks $(HOST):$(PORT)

# `make run` needs the runtime packages only (about a quarter of the install time); the
# tools (pytest, ruff, selenium, moto) come with `make test`/`lint`. --no-compile: Python
# compiles what it imports on first use instead of every file of every package (issue 12).
$(RUNTIME_STAMP): requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --no-compile -r requirements.txt
	touch $(RUNTIME_STAMP)

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --no-compile -r requirements-dev.txt
	touch $(STAMP) $(RUNTIME_STAMP)

install-runtime: $(RUNTIME_STAMP)

install: $(STAMP)

# .mo files are built, never committed: the .po files are the source. Rebuilt only when
# a catalogue changed, so two `make test` runs side by side (.ci/run) never race on them.
PO_FILES := $(wildcard locales/*/LC_MESSAGES/*.po)
MO_STAMP := $(VENV)/.messages

messages: $(MO_STAMP)

$(MO_STAMP): $(RUNTIME_STAMP) $(PO_FILES)
	$(MANAGE) compilemessages --ignore=.venv -v0
	touch $(MO_STAMP)

makemessages: install-runtime
	$(MANAGE) makemessages $(foreach l,$(shell $(PY) -c "from portal.languages import CODES; print(*CODES)"),-l $(l)) --no-obsolete --no-location --ignore=.venv --ignore=bench --ignore=data

migrate: install-runtime
	$(MANAGE) migrate --noinput -v0

demo: install-runtime
	SITE_HOSTNAME=$(HOST) SITE_PORT=$(PORT) $(MANAGE) load_demo_content --skip-checks

# After a change to a model, a migration or the demo content: build the demo afresh and pack it as
# home/demo/snapshot.tar.gz (home/tests/test_demo_snapshot.py fails until it is rebuilt).
demo-snapshot: install-runtime messages
	$(MANAGE) demo_snapshot --build

# The axe-core check (cms/tests/test_browser_axe.py) needs the pinned npm package in the
# git-ignored data/axe/ (MPL-2.0, not committed); fetched here where chromium and npm are
# installed (without chromium the browser tests skip, and axe-core is not needed).
AXE_JS := data/axe/node_modules/axe-core/axe.min.js
axe:
	@if [ ! -f $(AXE_JS) ] && command -v chromium >/dev/null && command -v npm >/dev/null; then \
		npm install --prefix data/axe --no-audit --no-fund --silent axe-core@4.14.1; fi

# Lighthouse (mobile) on home and a guide page of a running server (`make run` first, another
# shell): LIGHTHOUSE_URL=http://127.0.0.1:8000 by default. Not part of `make test` (slow).
LIGHTHOUSE := data/lighthouse/node_modules/.bin/lighthouse
lighthouse:
	@test -x $(LIGHTHOUSE) || npm install --prefix data/lighthouse --no-audit --no-fund --silent lighthouse@12.8.2
	LIGHTHOUSE_URL=$${LIGHTHOUSE_URL:-http://$(HOST):$(PORT)} bench/lighthouse.sh

test: install messages axe
	$(BIN)/pytest

# deptry: packages used only by name in settings or on the command line (and PyStemmer, which
# snowballstemmer picks up by itself) are listed in DEPTRY_IGNORE;
# the factories (*/factories.py, tests and bench) may use the dev dependencies factory-boy and wagtail-factories;
# */testing.py is the test toolkit (pytest, selenium).
DEPTRY_IGNORE := DEP002=gunicorn|whitenoise|django-permissions-policy|psycopg2-binary|boto3|PyStemmer,DEP004=factory|wagtail_factories
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/deptry . -rf requirements.txt -rfd requirements-dev.txt --no-ansi \
		-ee 'data|bench|.*/tests/.*|conftest\.py|.*/testing\.py|.*/migrations/.*' -pri '$(DEPTRY_IGNORE)'

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check: install
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run

bench: install messages
	$(PY) bench/page_queries.py

# gunicorn with production settings on the demo data, measured with wrk (bench/http_load.py).
bench-http: install messages
	$(PY) bench/http_load.py

clean:
	rm -rf $(VENV) data
