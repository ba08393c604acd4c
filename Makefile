# Two commands: `make run` (set up, analyse, execute notebooks, write figures) and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed
NOTEBOOKS := $(sort $(wildcard notebooks/*.ipynb))

.PHONY: run test test-browser install analyse notebooks reports clean

install: $(INSTALLED)

$(INSTALLED): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	touch $(INSTALLED)

analyse: $(INSTALLED)
	$(PY) -m analysis analyze data/raw --out data/processed

notebooks: $(INSTALLED)
	cd notebooks && for nb in $(notdir $(NOTEBOOKS)); do \
	  ../$(PY) -m jupyter nbconvert --to notebook --execute --inplace $$nb || exit 1; done

reports: $(INSTALLED)
	$(PY) -m jupyter nbconvert --to html --output-dir reports $(NOTEBOOKS)

run: analyse notebooks reports

test: $(INSTALLED)
	$(PY) -m pytest tests
	$(PY) -m pytest -p no:cacheprovider --nbval-lax --nbval-current-env \
	  --nbval-sanitize-with notebooks/nbval_sanitize.cfg notebooks/

# Runs every notebook in JupyterLab in headless Chromium (installs Debian's chromium and playwright).
test-browser: $(INSTALLED)
	scripts/browser-test.sh

clean:
	rm -rf data/processed reports .pytest_cache
