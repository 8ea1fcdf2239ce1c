# Two commands do all the set-up on a fresh machine:
#   make demo   create .venv, install transcheck, check the sample corpora, write reports/
#   make test   create/update .venv with the test tools, run the whole test suite
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)

.PHONY: demo test lint clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

# transcheck exits 1 when it finds problems, which the sample corpora are written to contain.
demo: $(STAMP)
	@$(BIN)/transcheck check corpora/news-zh-en corpora/docs-l10n \
		--glossary corpora/news-zh-en/glossary.csv --out reports; \
	status=$$?; \
	if [ $$status -eq 1 ]; then echo "(exit 1: findings reported, as expected for the sample corpora)"; fi; \
	[ $$status -le 1 ]

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy

clean:
	rm -rf $(VENV) reports/*.csv reports/*.json .pytest_cache .mypy_cache .ruff_cache
