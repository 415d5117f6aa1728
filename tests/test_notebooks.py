"""The committed notebooks: no outputs, kernel python3, a tagged parameters cell, and in
sync with ``notebooks/_build.py`` (they are executed by ``tests/test_report.py``)."""

from __future__ import annotations

import importlib.util

import nbformat
import pytest

from analysis.paths import REPO_ROOT
from analysis.report import notebook_paths

NOTEBOOKS = REPO_ROOT / "notebooks"
EXPECTED = ["00_start_here", "01_loading_articles", "02_sourcing", "03_attribution_language",
            "04_hedging_and_verification", "05_quote_density", "06_comparing_outlets",
            "07_how_good_are_the_detectors"]


def test_all_eight_notebooks_are_there():
    assert [p.stem for p in notebook_paths(NOTEBOOKS)] == EXPECTED
    assert (NOTEBOOKS / "README.md").is_file()


@pytest.mark.parametrize("name", EXPECTED)
def test_notebook_is_clean_and_parameterised(name):
    nb = nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)
    nbformat.validate(nb)
    assert nb.metadata["kernelspec"]["name"] == "python3"
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [], f"{name}: committed with outputs"
            assert cell.execution_count is None
    tagged = [i for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1, f"{name}: needs exactly one cell tagged 'parameters'"
    parameters = nb.cells[tagged[0]]
    assert parameters.cell_type == "code"
    assert parameters.source.startswith('CORPUS = "data/articles"')
    # values derived from parameters are computed in the next cell, against the repo root
    assert "resolve(CORPUS)" in nb.cells[tagged[0] + 1].source
    # teaching material: an overview, exercises with hidden solutions, a summary
    markdown = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    for needed in ("Learning goals", "Prerequisites", "## Summary", "## Exercises",
                   "<details><summary>Solution</summary>"):
        assert needed in markdown, f"{name}: missing {needed!r}"
    assert nb.metadata["analysis"]["summary"]


def test_notebooks_match_their_generator():
    spec = importlib.util.spec_from_file_location("_build", NOTEBOOKS / "_build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert list(module.NOTEBOOKS) == EXPECTED
    for name, cells in module.NOTEBOOKS.items():
        built = nbformat.writes(module.build(name, cells))
        committed = (NOTEBOOKS / f"{name}.ipynb").read_text(encoding="utf-8")
        assert built.strip() == committed.strip(), (
            f"{name}.ipynb differs from notebooks/_build.py: run "
            ".venv/bin/python notebooks/_build.py")
