# Two commands do all set-up on a fresh machine with Python 3.11+, pip/venv and make:
#   make run    execute every notebook and render the collection to build/site/
#   make test   unit tests + strict nbval on every notebook + the browser test of the site
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml | cksum | cut -d' ' -f1)
# Registry packages read offline, pinned by package-lock.json: world-atlas (Natural Earth boundaries for the origin map);
# vega, vega-lite, vega-embed (their minified builds are copied into the site for the interactive claims charts).
NODE_STAMP := node_modules/.installed-$(shell cat package.json package-lock.json | cksum | cut -d' ' -f1)
NOTEBOOKS := $(sort $(wildcard notebooks/*.ipynb))
JOBS ?= 2
# An as-of build goes to its own folder and never replaces the current site.
SITE = build/site$(if $(AS_OF),-as-of-$(AS_OF))

.PHONY: run test venv validate refresh site lock browser bench lint clean hooks lab

# A .venv copied or moved with the checkout keeps its editable install (and its scripts' #! lines)
# pointing at the old folder, so it would silently read the old data. It must report this
# checkout's .venv as its prefix and this checkout's src/ as where helpers lives; otherwise it is
# rebuilt from scratch, whatever the stamp says.
VENV_SEES := $(shell test -e $(BIN)/python && $(BIN)/python -c "import pathlib, sys, helpers; print(pathlib.Path(sys.prefix).resolve(), pathlib.Path(helpers.__file__).resolve().parents[1])" 2>/dev/null)
VENV_WANTS := $(realpath $(VENV)) $(realpath src)
ifneq ($(wildcard $(VENV)),)
ifneq ($(VENV_SEES),$(VENV_WANTS))
VENV_STALE := 1
.PHONY: $(STAMP)
endif
endif

$(STAMP): requirements.lock pyproject.toml
	@if [ -n "$(VENV_STALE)" ]; then \
	  echo "$(VENV) belongs to another checkout (it sees: $(or $(VENV_SEES),nothing importable)); rebuilding it for $(CURDIR)"; \
	  $(PYTHON) -m venv --clear $(VENV); fi
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@rm -f $(VENV)/.installed-* && touch $@

$(NODE_STAMP): package.json package-lock.json
	@command -v npm >/dev/null 2>&1 || { echo "npm not found: install Node.js and npm (Debian: apt-get install nodejs npm); the origin map reads world-atlas and the site copies the Vega builds" >&2; exit 1; }
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	@touch $@

venv: $(STAMP) $(NODE_STAMP)

validate: $(STAMP) $(NODE_STAMP)
	$(BIN)/python -m helpers validate

run: $(STAMP) $(NODE_STAMP) validate
	$(BIN)/python -m helpers.site.build --execute --out $(SITE) $(if $(AS_OF),--as-of $(AS_OF))
	@echo "Open $(SITE)/index.html"

test: $(STAMP) $(NODE_STAMP)
	$(BIN)/python -m pytest -n $(JOBS) --dist loadfile --nbval tests $(NOTEBOOKS)

# Maintainer command: re-execute every notebook in place after a data change (stored outputs = what the data gives).
refresh: $(STAMP) $(NODE_STAMP) validate
	$(BIN)/python -m helpers.site.refresh $(NOTEBOOKS)

browser:
	bash scripts/install-chromium.sh

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_suite.py

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks notebooks
	$(BIN)/ruff format --check src tests benchmarks notebooks

lock:
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -r requirements.in
	$(BIN)/python -m pip freeze --all --exclude-editable | grep -v '^pip==' | grep -v '^-e' | grep -vi '^helpers' > requirements.lock

clean:
	rm -rf build

hooks: $(STAMP)
	$(BIN)/pre-commit install

# Open the collection in JupyterLab with the project's kernel (the venv's python3).
# JupyterLab on the project's kernel. LAB_PORT chooses the port, LAB_BROWSER=0 starts it headless (a server, a
# container, CI); as root (containers) it passes --allow-root, which JupyterLab otherwise refuses to start without.
LAB_PORT ?= 8888
LAB_BROWSER ?= 1
KERNEL := foreign-manpower
lab: $(STAMP)
	$(BIN)/python -m ipykernel install --sys-prefix --name $(KERNEL) --display-name "Python (foreign manpower)" >/dev/null
	$(BIN)/jupyter lab notebooks/ --port=$(LAB_PORT) $(if $(filter 0,$(LAB_BROWSER)),--no-browser) \
	  $(if $(filter 0,$(shell id -u)),--allow-root) --MappingKernelManager.default_kernel_name=$(KERNEL)
