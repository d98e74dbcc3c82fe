# The two commands: `make run` starts the portal with demonstration data, `make test` runs the tests.
# Both set up everything they need first (virtual environment, packages, database migrations).

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 5000
# Links in the demonstration's mail (invitations, password resets) lead to where `make run` serves.
PORTAL_BASE_URL ?= http://$(HOST):$(PORT)
DEMO_PASSWORD ?= portal-demo-password
PYTEST_ARGS ?=
FLASK := PORTAL_ENV=development PORTAL_BASE_URL=$(PORTAL_BASE_URL) $(BIN)/flask --app wsgi
# axe-core, which the browser tests run in Chromium (pinned in tests/browser/package-lock.json).
AXE := tests/browser/node_modules/axe-core/axe.min.js

# The compiled message catalogues, made from the .po files of portal/translations (never committed).
CATALOGUES := $(patsubst %.po,%.mo,$(wildcard portal/translations/*/LC_MESSAGES/messages.po))

.PHONY: run test install migrate demo messages translations clean

install: $(STAMP) translations

translations: $(CATALOGUES)

portal/translations/%/LC_MESSAGES/messages.mo: portal/translations/%/LC_MESSAGES/messages.po | $(STAMP)
	$(BIN)/pybabel compile --domain messages --input-file $< --output-file $@ --locale $*

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed; set PYTHON=python3.11")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

migrate: $(STAMP) translations
	$(FLASK) db upgrade

demo: migrate
	$(FLASK) demo --password "$(DEMO_PASSWORD)"

run: demo
	@echo
	@echo "The portal is starting on http://$(HOST):$(PORT)/ - sign in with an account listed above."
	@echo
	$(FLASK) run --host $(HOST) --port $(PORT)

test: $(STAMP) translations $(AXE)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# Installed when missing; after a change of tests/browser/package-lock.json, run that command again.
# Without npm the accessibility tests are skipped (outside CI, which installs it): say so, and go on.
$(AXE):
	@if command -v npm >/dev/null; then npm ci --prefix tests/browser --no-audit --no-fund; \
	else echo "npm is not installed: the accessibility tests will be skipped (apt-get install npm)"; fi

# After a change of the interface's English texts: extract them again, then bring each catalogue up to date
# (new messages appear untranslated there, and tests/i18n fails until they are translated).
messages: $(STAMP)
	mkdir -p portal/translations
	$(BIN)/pybabel extract -F babel.cfg -k _l -k lazy_gettext -k N_ --ignore-dirs ".* __pycache__ node_modules" --project "Member State reporting portal" --copyright-holder "United Nations" -o portal/translations/messages.pot .
	$(BIN)/pybabel update --input-file portal/translations/messages.pot --output-dir portal/translations --no-fuzzy-matching --ignore-obsolete

# Start again from nothing: the virtual environment, the database and every file the portal kept.
clean:
	rm -rf $(VENV) instance .pytest_cache tests/browser/node_modules
