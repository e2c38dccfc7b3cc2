# The README's two commands: `make run` and `make test`. Everything else is set up by them.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run serve test lint demo clean bench lighthouse

$(BIN)/.installed: requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

## run: the newsroom on SQLite with demo content, at http://127.0.0.1:8000
run: $(BIN)/.installed
	mkdir -p var
	DEBUG=1 $(BIN)/python manage.py migrate --no-input -v0
	DEBUG=1 $(BIN)/python manage.py load_registry
	DEBUG=1 $(BIN)/python manage.py load_demo
	DEBUG=1 SITE_URL=http://$(HOST):$(PORT) $(BIN)/python manage.py ensure_editor
	@echo "Newsroom: http://$(HOST):$(PORT)/   admin: http://$(HOST):$(PORT)/admin/"
	# A background worker (ingest, on the task queue) runs beside the server and stops with it.
	DEBUG=1 SITE_URL=http://$(HOST):$(PORT) $(BIN)/python manage.py worker --no-reload -v0 & \
	worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	DEBUG=1 SITE_URL=http://$(HOST):$(PORT) $(BIN)/python manage.py runserver $(HOST):$(PORT)

## serve: production serving (gunicorn, DEBUG off) on http://$(HOST):$(PORT); see docs/deployment.md
# SITE_URL is the public address; an http:// one makes a plain-HTTP test deployment (HTTPS=false).
# MIGRATE=0 skips the migrations (app servers of a larger deployment migrate once, elsewhere).
SITE_URL ?= http://$(HOST):$(PORT)
HTTPS ?= $(if $(filter https://%,$(SITE_URL)),true,false)
MIGRATE ?= 1
SERVE_ENV = DEBUG=0 SITE_URL=$(SITE_URL) HTTPS=$(HTTPS) SECRET_KEY="$${SECRET_KEY:-$$(cat var/secret-key)}"
serve: $(BIN)/.installed var/secret-key
	$(SERVE_ENV) $(BIN)/python manage.py collectstatic --no-input -v0
	$(if $(filter 1,$(MIGRATE)),$(SERVE_ENV) $(BIN)/python manage.py migrate --no-input -v0)
	@echo "Newsroom (production server): $(SITE_URL)/"
	$(SERVE_ENV) GUNICORN_BIND=$${GUNICORN_BIND:-$(HOST):$(PORT)} $(BIN)/gunicorn --config gunicorn.conf.py

# SECRET_KEY from the environment, else one generated once for this machine and kept here.
var/secret-key:
	mkdir -p var
	umask 077 && $(PYTHON) -c "import secrets; print(secrets.token_urlsafe(50))" > $@

## bench: the benchmark suite (not in CI): PostgreSQL database nr_bench, wrk, Redis; see bench/README.md
# BENCH_STORIES=10000 for a quick run on a smaller archive.
bench: $(BIN)/.installed
	$(BIN)/python bench/run.py $(BENCH_ARGS)

## lighthouse: Lighthouse scores of every page type, mobile and desktop, on the demo site (not in CI)
lighthouse: $(BIN)/.installed node_modules/.installed
	$(BIN)/python bench/lighthouse.py $(LIGHTHOUSE_ARGS)

# The offline validators the suite runs (Nu Html Checker, axe-core); never run install scripts.
node_modules/.installed: package.json package-lock.json
	npm install --no-audit --no-fund --ignore-scripts
	touch $@

## test: the whole suite (SQLite, or the database in DATABASE_URL)
test: $(BIN)/.installed node_modules/.installed
	mkdir -p var
	DATABASE_URL=sqlite://:memory: SECRET_KEY=test-only-key $(BIN)/python manage.py makemigrations --check --dry-run -v0
	SECRET_KEY=test-only-key $(BIN)/pytest $(PYTEST_ARGS)

lint: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

clean:
	rm -rf $(VENV) var staticfiles .pytest_cache node_modules screenshots
