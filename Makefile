# Two commands on a fresh machine: `make demo` and `make test`. Each bootstraps .venv itself.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint typecheck pytest docs fuzz bench accuracy faults clean

$(STAMP): pyproject.toml examples/plugin-dotleader/pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	# the example third-party plugin: the suite shows it registers through its entry point
	# (iroparse-yesno was its name before yesno became a built-in layout)
	$(BIN)/python -m pip uninstall --quiet --quiet --yes iroparse-yesno
	$(BIN)/python -m pip install --quiet -e examples/plugin-dotleader
	touch $(STAMP)

## demo: parse the bundled example letters and print a table of their outcomes
demo: $(STAMP)
	$(BIN)/iroparse parse examples/letters --format table

## test: everything CI runs: lint, types, tests (with hypothesis), docs with warnings as errors
test: lint typecheck pytest docs

lint: $(STAMP)
	$(BIN)/ruff check src tests examples benchmarks docs
	$(BIN)/ruff format --check src tests examples benchmarks docs

typecheck: $(STAMP)
	$(BIN)/mypy --strict src

pytest: $(STAMP)
	$(BIN)/python -m pytest -q

docs: $(STAMP)
	$(BIN)/sphinx-build -W --keep-going -q -b html docs docs/_build/html

## fuzz: the round trip at 2,000 examples per layout (documented in docs/plugins.md)
fuzz: $(STAMP)
	IROPARSE_FUZZ_EXAMPLES=2000 $(BIN)/python -m pytest -q tests/test_roundtrip.py -p no:cacheprovider

## bench: the benchmark table (docs/performance.md)
bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

## accuracy: letters entirely right on 2,000 generated letters (benchmarks/accuracy.py), then
## how many varied sample letters read exactly like the clean ones (benchmarks/variations.py)
accuracy: $(STAMP)
	$(BIN)/python benchmarks/accuracy.py --count 2000
	$(BIN)/python benchmarks/variations.py --count 40

## faults: SIGKILL at random moments, 20 trials per output format on 2,000 letters (make test: 3 on 300)
faults: $(STAMP)
	IROPARSE_FAULT_TRIALS=20 IROPARSE_FAULT_LETTERS=2000 $(BIN)/python -m pytest -q tests/test_faults.py

clean:
	rm -rf $(VENV) docs/_build .pytest_cache .mypy_cache .ruff_cache .hypothesis
