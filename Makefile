# Hyteopas. The two commands a newcomer needs:
#   make run    install everything, load the demo county, start web + Celery worker + beat
#   make test   install everything, start PostgreSQL/Redis if none is running, run all tests
PYTHON ?= python3
VENV := .venv

.PHONY: run test install lint format messages bench mutation clean

install: $(VENV)/.installed

$(VENV)/.installed: requirements-dev.lock scripts/bootstrap.sh
	PYTHON=$(PYTHON) scripts/bootstrap.sh
	touch $@

run: install
	scripts/run.sh

test: install
	scripts/test.sh

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Extract strings (needs GNU gettext) and compile the catalogues (pure Python).
messages: install
	$(VENV)/bin/python manage.py makemessages -l sv -l en --no-obsolete --no-location --ignore=.venv --ignore=var --ignore=bench
	$(VENV)/bin/python scripts/compile_messages.py

bench: install
	scripts/bench.sh

# Mutation testing of the critical modules (bench/mutation.py); tens of minutes.
mutation: install
	$(VENV)/bin/python bench/mutation.py

clean:
	rm -rf var $(VENV)
