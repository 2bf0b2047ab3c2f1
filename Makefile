# `make run` serves Vigie on localhost:8501; `make test` runs lint, the layer contracts and
# the whole suite (doctests and browser tests included); `make test-fast` leaves out the
# browser. All create .venv and install the pinned requirements first; nothing prompts.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB := $(or $(VIGIE_DB),data/vigie.db)
DEMO_ROWS ?= 20000
PORT ?= 8501

.PHONY: run test test-fast lint chromium bench clean-db

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements-dev.txt $(VENV)/.runtime
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@

$(DB): | $(VENV)/.runtime
	$(BIN)/python -m lib demo --rows $(DEMO_ROWS) --db $(DB)

run: $(VENV)/.runtime $(DB)
	VIGIE_DB=$(DB) $(BIN)/streamlit run app.py --server.port $(PORT) --server.headless true

# Lint, format, and the layer contracts of pyproject.toml (what may import what).
lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache

# Browser tests drive Debian's chromium; install it when missing, or stop loudly.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "chromium is missing: installing Debian's package"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo -n ); \
	  $$SUDO apt-get update -q && $$SUDO apt-get install -y -q chromium; } \
	|| { echo "ERROR: cannot install chromium; the browser tests cannot run" >&2; exit 1; }

test: lint chromium
	$(BIN)/python -m pytest

# The edit-test loop: the core, its doctests and the page tests, without the browser.
test-fast: lint
	$(BIN)/python -m pytest -m "not browser" --ignore=tests/browser

# Benchmarks, run by hand on a quiet machine (README, "Benchmarks"); BENCH_DB is
# built once with a million demo comments.
BENCH_DB ?= /tmp/vigie-bench-1m.db
bench: $(VENV)/.dev chromium
	$(BIN)/python bench/bench_business_time.py
	rm -f $(BENCH_DB) $(BENCH_DB)-wal $(BENCH_DB)-shm
	$(BIN)/python bench/bench_demo.py --rows 1000000 --keep $(BENCH_DB)
	$(BIN)/python bench/bench_import_export.py --db $(BENCH_DB)
	$(BIN)/python bench/bench_act.py $(BENCH_DB)
	$(BIN)/python bench/bench_queue.py $(BENCH_DB)
	$(BIN)/python bench/bench_lead_pages.py $(BENCH_DB)
	$(BIN)/python bench/bench_pages.py $(BENCH_DB)
	$(BIN)/python bench/bench_sync.py
	$(BIN)/python bench/bench_records.py --db $(BENCH_DB)
