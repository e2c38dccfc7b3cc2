# The README's two commands: `make run` and `make test`. Everything else is set up by them.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint demo clean

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
	DEBUG=1 SITE_URL=http://$(HOST):$(PORT) $(BIN)/python manage.py runserver $(HOST):$(PORT)

# The offline validators the suite runs (Nu Html Checker, axe-core); never run install scripts.
node_modules/.installed: package.json package-lock.json
	npm install --no-audit --no-fund --ignore-scripts
	touch $@

## test: the whole suite (SQLite, or the database in DATABASE_URL)
test: $(BIN)/.installed node_modules/.installed
	mkdir -p var
	env -u DATABASE_URL SECRET_KEY=test-only-key $(BIN)/python manage.py makemigrations --check --dry-run -v0
	SECRET_KEY=test-only-key $(BIN)/pytest $(PYTEST_ARGS)

lint: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

clean:
	rm -rf $(VENV) var staticfiles .pytest_cache node_modules screenshots
