# Relatieroute — the two commands are `make run` and `make test` (see README.md).
SHELL := /bin/bash
.DEFAULT_GOAL := help

export RASA_TELEMETRY_ENABLED := false
export UV_PYTHON := 3.10
export PYTHONDONTWRITEBYTECODE := 1

# uv: the one on PATH if it works here, otherwise a private copy in .tools/ (installed by pip).
UV := $(shell uv --version >/dev/null 2>&1 && command -v uv || echo .tools/bin/uv)
PY := .venv/bin/python
RASA := $(PY) -m rasa
MODEL := models/relatieroute.tar.gz
NL_MODEL_WHEEL := https://github.com/explosion/spacy-models/releases/download/nl_core_news_sm-3.4.0/nl_core_news_sm-3.4.0-py3-none-any.whl

.PHONY: help run test env lint validate train e2e pytest services nginx browser nl-model nl-pipeline \
        check-catalogues bench demo-data purge prod audit clean

help:  ## Show the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-18s %s\n", $$1, $$2}'

run: env nl-pipeline check-catalogues train  ## Install, train when data changed, start everything, print the URL
	$(PY) -m scripts.stack

test: env services browser nl-pipeline lint check-catalogues validate train pytest e2e  ## Run every test
	@echo "All checks passed."

# --- environment ---------------------------------------------------------------------------
env: .venv/.synced

.tools/bin/uv:
	python3 -m venv .tools
	.tools/bin/pip install --quiet --disable-pip-version-check uv

# --compile-bytecode: these machines set PYTHONDONTWRITEBYTECODE, so without it every process
# would compile TensorFlow's and Rasa's sources again on import (Rasa server start 19 s → 11 s).
.venv/.synced: pyproject.toml uv.lock Makefile $(if $(findstring .tools,$(UV)),.tools/bin/uv)
	$(UV) sync --frozen --compile-bytecode
	@touch $@

nl-pipeline: env  ## Build the project's Dutch spaCy pipeline (used when nl_core_news_sm is absent)
	$(PY) -m components.dutch_pipeline

nl-model: env  ## Install the official nl_core_news_sm 3.4.0 wheel (needs access to its release host)
	$(UV) pip install --python $(PY) "nl_core_news_sm @ $(NL_MODEL_WHEEL)"

# Test-only system parts: PostgreSQL and Redis (started if down), nginx (the production profile's
# load balancer, used by tests/scale), Chromium and axe-core.
services: nginx
	@bash scripts/ensure_services.sh

nginx:
	@command -v nginx >/dev/null || { apt-get update -qq && apt-get install -y -qq nginx >/dev/null; }

browser:
	@command -v chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }
	@[ -f node_modules/axe-core/axe.min.js ] || npm ci --silent --no-audit --no-fund

# --- checks --------------------------------------------------------------------------------
lint: env  ## ruff
	$(PY) -m ruff check .

check-catalogues: env  ## Validate every gemeente catalogue (refuses broken files)
	$(PY) -m routes check

validate: env  ## rasa data validate
	$(RASA) data validate --fail-on-warnings

train: env nl-pipeline  ## Train the assistant when data/, domain.yml, config.yml or components/ changed
	$(PY) -m scripts.train_if_changed

pytest: env
	$(PY) -m pytest

e2e: train  ## End-to-end test stories with real user text
	$(RASA) test core --model $(MODEL) --stories tests/e2e --fail-on-prediction-errors --out results/e2e

# --- extras --------------------------------------------------------------------------------
bench: env services train  ## Benchmarks (figures go to docs/benchmarks.md)
	$(PY) -m bench

demo-data: env  ## Fill the statistics database with a year of synthetic conversations
	$(PY) -m stats demo-data

purge: env  ## Delete statistics older than the retention period (default 24 months); run daily
	$(PY) -m stats purge

prod: env services train  ## Production profile on loopback: 2 Rasa instances + nginx + Redis + PostgreSQL
	$(PY) -m scripts.prod_stack

audit: env  ## Dependency audit (pip-audit in its own environment; needs its vulnerability service)
	bash scripts/audit.sh

clean:  ## Remove environments, models and runtime data
	rm -rf .venv .tools models results var node_modules
