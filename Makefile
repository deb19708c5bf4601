# Integrationsportal Beckum – the two commands: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
MANAGE := $(PY) manage.py
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run install messages makemessages migrate demo test lint format check clean bench

# HOST and PORT also go to the demo loader (the Site's address: canonical links, hreflang,
# sitemap and feeds carry the port served) and to the admin's base URL.
run: install messages migrate demo
	@echo "Serving on http://$(HOST):$(PORT)/ (admin: http://$(HOST):$(PORT)/admin/)"
	WAGTAILADMIN_BASE_URL=http://$(HOST):$(PORT) $(MANAGE) runserver $(HOST):$(PORT)

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

install: $(STAMP)

# .mo files are built, never committed: the .po files are the source. Rebuilt only when
# a catalogue changed, so two `make test` runs side by side (.ci/run) never race on them.
PO_FILES := $(wildcard locales/*/LC_MESSAGES/*.po)
MO_STAMP := $(VENV)/.messages

messages: $(MO_STAMP)

$(MO_STAMP): $(STAMP) $(PO_FILES)
	$(MANAGE) compilemessages --ignore=.venv -v0
	touch $(MO_STAMP)

makemessages: install
	$(MANAGE) makemessages $(foreach l,$(shell $(PY) -c "from portal.languages import CODES; print(*CODES)"),-l $(l)) --no-obsolete --no-location --ignore=.venv --ignore=bench --ignore=data

migrate: install
	$(MANAGE) migrate --noinput -v0

demo: install
	SITE_HOSTNAME=$(HOST) SITE_PORT=$(PORT) $(MANAGE) load_demo_content

test: install messages
	$(BIN)/pytest

# deptry: packages used only by name in settings or on the command line are listed in DEPTRY_IGNORE;
# the factories (*/factories.py, tests and bench) may use the dev dependencies factory-boy and wagtail-factories.
DEPTRY_IGNORE := DEP002=gunicorn|whitenoise|django-permissions-policy|psycopg2-binary|boto3,DEP004=factory|wagtail_factories
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/deptry . -rf requirements.txt -rfd requirements-dev.txt --no-ansi \
		-ee 'data|bench|.*/tests/.*|conftest\.py|.*/migrations/.*' -pri '$(DEPTRY_IGNORE)'

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check: install
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run

bench: install messages
	$(PY) bench/page_queries.py

clean:
	rm -rf $(VENV) data
