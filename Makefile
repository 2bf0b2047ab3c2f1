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

# Benchmarks, run by hand on a quiet machine (README, "Benchmarks"). Three demo databases
# at the density of a big public body (about a million comments a year): 100,000 comments
# over 37 days, a million over a year, ten million over ten years, each built once and
# reused (delete one to build it again: pages about today read the day it was built). The
# ten-year one has had its retention schedule applied, as ten years of records would.
BENCH_DB ?= /tmp/vigie-bench-1m.db
BENCH_DB_100K ?= /tmp/vigie-bench-100k.db
BENCH_DB_10M ?= /tmp/vigie-bench-10m.db

$(BENCH_DB_100K): | $(VENV)/.runtime
	$(BIN)/python -m lib demo --rows 100000 --days 37 --db $@.part
	mv $@.part $@

$(BENCH_DB): | $(VENV)/.runtime
	$(BIN)/python -m lib demo --rows 1000000 --days 365 --db $@.part
	mv $@.part $@

$(BENCH_DB_10M): | $(VENV)/.runtime
	$(BIN)/python -m lib demo --rows 10000000 --days 3650 --db $@.part
	$(BIN)/python -m lib retention --apply --db $@.part
	mv $@.part $@

# A script that misses a target exits 1 and says which: the leading "-" lets the others run.
bench: $(VENV)/.dev chromium $(BENCH_DB_100K) $(BENCH_DB) $(BENCH_DB_10M)
	-$(BIN)/python bench/bench_business_time.py
	-$(BIN)/python bench/bench_demo.py --rows 1000000 --days 365
	-$(BIN)/python bench/bench_pages.py $(BENCH_DB_100K)
	-$(BIN)/python bench/bench_pages.py $(BENCH_DB)
	-$(BIN)/python bench/bench_pages.py $(BENCH_DB_10M)
	-$(BIN)/python bench/bench_import_export.py --db $(BENCH_DB)
	-$(BIN)/python bench/bench_export.py $(BENCH_DB_10M)
	-$(BIN)/python bench/bench_act.py $(BENCH_DB_10M)
	-$(BIN)/python bench/bench_queue.py $(BENCH_DB_10M)
	-$(BIN)/python bench/bench_lead_pages.py $(BENCH_DB)
	-$(BIN)/python bench/bench_sync.py
	-$(BIN)/python bench/bench_records.py --db $(BENCH_DB)
