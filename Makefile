VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: demo test bench eval clean

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -e .
	touch $@

$(TEST_STAMP): $(STAMP)
	$(PIP) install --quiet -e '.[test]'
	touch $@

demo: $(STAMP)
	$(VENV)/bin/listguard check examples/catalog.csv --platform ebay:US --platform amazon:US --format table || [ $$? -eq 1 ]

# Lint (ruff: pycodestyle, pyflakes, import order, bugbear, complexity at most 15) and types (mypy)
# first: either failing fails the target, and so CI. Configured in pyproject.toml.
test: $(TEST_STAMP)
	$(PY) -m ruff check .
	$(PY) -m mypy compliance cli.py
	$(PY) -m pytest -q

# Detection on real listings labelled blind and on the generated regression set; needs
# ../shared/data beside the checkout (or LISTGUARD_SHARED_DATA), says so and stops without it.
eval: $(STAMP)
	$(PY) eval/score.py

bench: $(STAMP)
	$(PY) bench/run.py
	$(PY) bench/run.py --vocabulary real --marks 50000
	$(PY) bench/stages.py

clean:
	rm -rf $(VENV) build *.egg-info
