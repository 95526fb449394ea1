# umt-reports — two commands on a fresh machine with Python 3.11+:
#   make demo   creates .venv, installs, validates the samples and builds them into output/
#   make test   runs the gates (ruff, mypy) and then the whole test suite
# and the fast loop while working:
#   make check  ruff check, mypy and the tests not marked slow (about a minute)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SAMPLE := samples/u-minh-thuong-2022
OUT    := output

.PHONY: demo test check lint format-check typecheck fast-test bench clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@# -- the bytecode pip writes for a normal install (an editable one leaves it to the first
	@#    run, which may not write it: PYTHONDONTWRITEBYTECODE); about 0.1 s of every command --
	$(BIN)/python -m compileall -q src
	@touch $(STAMP)

demo: $(STAMP)
	@mkdir -p $(OUT)
	$(BIN)/umt-reports validate $(SAMPLE)/meeting.yaml
	$(BIN)/umt-reports validate $(SAMPLE)/meeting-party.yaml
	$(BIN)/umt-reports validate $(SAMPLE)/meeting.xlsx
	$(BIN)/umt-reports xlsx-template $(OUT)/mau-nhap-lieu.xlsx
	$(BIN)/umt-reports xlsx-template --from $(SAMPLE)/meeting.yaml $(OUT)/meeting.xlsx
	$(BIN)/umt-reports build $(SAMPLE)/meeting.yaml --out $(OUT)/state --kind report,press,press-release --format docx,pdf,html --html-fragment
	$(BIN)/umt-reports build $(SAMPLE)/meeting-party.yaml --out $(OUT)/party --kind report --format docx,pdf
	$(BIN)/umt-reports build $(SAMPLE)/meeting-awards.yaml --out $(OUT)/awards --kind decision,certificates --format pdf
	$(BIN)/umt-reports build $(SAMPLE)/meeting-awards.yaml --out $(OUT)/awards --kind decision --format docx
	$(BIN)/umt-reports build $(SAMPLE)/meeting.yaml --out $(OUT)/conclusion --kind thong-bao-ket-luan --format docx,pdf,html
	$(BIN)/umt-reports check $(OUT)/state
	$(BIN)/umt-reports check $(OUT)/party
	$(BIN)/umt-reports check $(OUT)/awards
	$(BIN)/umt-reports check $(OUT)/conclusion
	$(BIN)/umt-reports archive add $(OUT)/state $(OUT)/party $(OUT)/awards --archive-dir $(OUT)/archive
	$(BIN)/umt-reports archive verify --archive-dir $(OUT)/archive

test: lint format-check typecheck
	$(BIN)/python -m pytest

check: lint format-check typecheck fast-test

lint: $(STAMP)
	$(BIN)/ruff check src tests

format-check: $(STAMP)
	$(BIN)/ruff format --check src tests

typecheck: $(STAMP)
	$(BIN)/mypy

fast-test: $(STAMP)
	$(BIN)/python -m pytest -q -m "not slow"

bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python bench/run.py

clean:
	rm -rf $(OUT) .pytest_cache
