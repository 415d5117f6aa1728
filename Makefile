# Two commands do all set-up: `make report` and `make test`. Each target is a thin
# wrapper over `python -m analysis ...`, so the same works without make.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
PY := $(VENV)/bin/python
REPORTS ?= reports
CORPUS ?= data/articles
GROUP_BY ?= auto

.PHONY: report test lab bench clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# Re-install when pyproject.toml changes (the stamp files record the last install).
$(VENV)/.installed: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e ".[test]"
	touch $@ $(VENV)/.installed

report: $(VENV)/.installed
	$(PY) -m analysis report --corpus "$(CORPUS)" --out "$(REPORTS)" --group-by "$(GROUP_BY)"

test: $(VENV)/.installed-test
	$(PY) -m analysis test

lab: $(VENV)/.installed
	$(PY) -m analysis lab

bench: $(VENV)/.installed-test
	$(PY) -m analysis bench

clean:
	rm -rf $(VENV) $(REPORTS)
