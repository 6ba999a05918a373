# Quick start: `make run` (dashboard on the bundled samples) and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint typecheck bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/streamlit run app.py --server.headless true --browser.gatherUsageStats false

test: $(STAMP)
	$(BIN)/ruff check claims tests app.py bench
	$(BIN)/ruff format --check claims tests app.py bench
	$(BIN)/mypy
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check --fix claims tests app.py bench
	$(BIN)/ruff format claims tests app.py bench

typecheck: $(STAMP)
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python bench/throughput.py ../shared/corpora/conll2010-bio-train/bio_abstracts.xml

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
