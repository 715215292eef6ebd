# Samspill. `make demo` sets everything up and starts the demo; `make test` runs all tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO_ENV := DJANGO_DEBUG=1 SAMSPILL_SECRETARIAT_2FA=0
PYTEST_ARGS ?=
# The locks: requirements/production.txt ([project].dependencies) and
# requirements/development.txt (those plus the dev extra, at the same versions), with hashes,
# generated from pyproject.toml by `make lock`. uv, which lives in its own venv, makes the
# locks and installs from them (pip takes the same files, ten times slower).
LOCKS := requirements/production.txt requirements/development.txt
LOCK_VENV := build/locktool
UV_VERSION := 0.13.9
UV := $(LOCK_VENV)/bin/uv
# Extra arguments for uv pip compile, e.g. LOCK_ARGS="--upgrade-package django" or --upgrade.
LOCK_ARGS ?=
COMPILE := $(UV) pip compile --quiet pyproject.toml --universal --python-version 3.11 \
	--generate-hashes --custom-compile-command "make lock" $(LOCK_ARGS)

.PHONY: install lock demo run test test-fast lint format messages bench clean

$(BIN)/python: | $(LOCK_VENV)/.uv-$(UV_VERSION)
	$(UV) venv --quiet --seed --python $(PYTHON) $(VENV)

# sync: exactly the lock, removing what is no longer in it; then the project itself.
$(VENV)/.installed: $(BIN)/python pyproject.toml $(LOCKS)
	$(UV) pip sync --quiet --python $(BIN)/python --require-hashes requirements/development.txt
	$(UV) pip install --quiet --python $(BIN)/python --no-deps -e .
	touch $@

install: $(VENV)/.installed

$(LOCK_VENV)/.uv-$(UV_VERSION):
	rm -rf $(LOCK_VENV)
	$(PYTHON) -m venv $(LOCK_VENV)
	$(LOCK_VENV)/bin/pip install --quiet uv==$(UV_VERSION)
	touch $@

# Keeps every pinned version that pyproject.toml still allows (uv starts from the existing
# files); LOCK_ARGS=--upgrade takes the newest.
lock: $(LOCK_VENV)/.uv-$(UV_VERSION)
	$(COMPILE) -o requirements/production.txt
	$(COMPILE) --extra dev -c requirements/production.txt -o requirements/development.txt

demo: install
	$(DEMO_ENV) $(BIN)/python manage.py migrate --verbosity 0
	$(DEMO_ENV) $(BIN)/python manage.py load_demo
	@echo ""
	@echo "  Samspill demo: http://127.0.0.1:8000/polyfon/"
	@echo "  Log in at http://127.0.0.1:8000/accounts/login/ with password samspill-demo as"
	@echo "    sekretariat@polyfon.example.no  (secretariat of Polyfon)"
	@echo "    medlem@polyfon.example.no       (member of Polyfon)"
	@echo "    sekretariat@alrek.example.no    (secretariat of Alrek helseklynge)"
	@echo "  Two-factor login for the secretariat is off in the demo (SAMSPILL_SECRETARIAT_2FA=0);"
	@echo "  in production it is on. The demo users can still set it up from the menu."
	@echo "  The task worker runs beside the web server; emails are printed here."
	@echo ""
	$(MAKE) --no-print-directory run

run: install
	$(DEMO_ENV) bash -c 'trap "kill 0" EXIT; $(BIN)/python manage.py worker & $(BIN)/python manage.py runserver 127.0.0.1:8000'

test: install
	$(BIN)/python -m pytest -n auto --dist worksteal -q $(PYTEST_ARGS)

test-fast: install
	$(BIN)/python -m pytest -n auto --dist worksteal -q -m "not e2e" $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy samspill

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

messages: install
	cd samspill && ../$(BIN)/python ../manage.py makemessages -l nb -l nn -l en --no-obsolete
	cd samspill && ../$(BIN)/python ../manage.py compilemessages

bench: install
	$(BIN)/python -m bench.run

clean:
	rm -rf $(VENV) $(LOCK_VENV) staticfiles
