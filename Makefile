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

.PHONY: run install install-runtime messages makemessages migrate demo test lint format check clean bench bench-http

run: install-runtime messages migrate demo
	@echo "Serving on http://$(HOST):$(PORT)/ (admin: http://$(HOST):$(PORT)/admin/)"
	$(MANAGE) runserver $(HOST):$(PORT)

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

# .mo files are built, never committed: the .po files are the source.
messages: install-runtime
	$(MANAGE) compilemessages --ignore=.venv -v0

makemessages: install-runtime
	$(MANAGE) makemessages $(foreach l,de en ar fa uk ru tr,-l $(l)) --no-obsolete --no-location --ignore=.venv --ignore=bench --ignore=data

migrate: install-runtime
	$(MANAGE) migrate --noinput -v0

demo: install-runtime
	$(MANAGE) load_demo_content

test: install messages
	$(BIN)/pytest

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

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
