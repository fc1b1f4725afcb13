# Two entry points: `make demo` and `make test`. Both bootstrap .venv on first use.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
export PREFECT_SERVER_ANALYTICS_ENABLED ?= false
export DO_NOT_TRACK ?= 1
export PREFECT_LOGGING_TO_API_WHEN_MISSING_FLOW ?= ignore
export PREFECT_TASKS_DEFAULT_NO_CACHE ?= true
export PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS ?= 90

.PHONY: demo test lint bench clean-venv

# Set-up messages go to stderr: stdout of `make demo` carries only the result paths.
$(STAMP): pyproject.toml
	@echo "Setting up $(VENV) (first run only) ..." >&2
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) >&2
	@$(BIN)/python -m pip install --quiet --upgrade pip >&2
	@$(BIN)/python -m pip install --quiet -e '.[dev]' >&2
	@touch $(STAMP)

demo: $(STAMP)
	@$(BIN)/ksa crosswalk inputs/sample/panel.toml

test: $(STAMP)
	$(BIN)/python -m pytest -q
	$(BIN)/ruff check ksa flows tests benchmarks scripts
	$(BIN)/mypy

lint: $(STAMP)
	$(BIN)/ruff check ksa flows tests benchmarks scripts
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python benchmarks/onet_load.py
	$(BIN)/python benchmarks/match.py
	$(BIN)/python benchmarks/match_accuracy.py

clean-venv:
	rm -rf $(VENV)
