"""The committed notebooks: no outputs, kernel python3, a tagged parameters cell, each in
sync with its percent-format ``.py`` twin (jupytext), and a student edition without
solutions. They are executed by ``tests/test_report.py``."""

from __future__ import annotations

import jupytext
import nbformat
import pytest

from analysis.paths import REPO_ROOT
from analysis.present.notebook_files import notebook_paths, read_notebook, student_edition

NOTEBOOKS = REPO_ROOT / "notebooks"
CORE = ["00_start_here", "01_loading_articles", "02_sourcing", "03_attribution_language",
        "04_hedging_and_verification", "05_quote_density", "06_comparing_outlets",
        "07_how_good_are_the_detectors"]
NAMES = sorted({p.stem for p in NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")}
               | {p.stem for p in NOTEBOOKS.glob("[0-9][0-9]_*.py")})


def test_the_core_notebooks_are_there_each_with_its_text_twin():
    assert set(CORE) <= set(NAMES)
    assert [p.stem for p in notebook_paths(NOTEBOOKS)] == NAMES
    for name in NAMES:
        assert (NOTEBOOKS / f"{name}.ipynb").is_file(), (
            f"{name}.py has no .ipynb: run `python -m analysis notebooks` to pair it")
        assert (NOTEBOOKS / f"{name}.py").is_file(), (
            f"{name}.ipynb has no .py twin: run `python -m analysis notebooks`")
    assert (NOTEBOOKS / "README.md").is_file()
    assert not (NOTEBOOKS / "_build.py").exists(), "the notebooks are paired by jupytext now"


@pytest.mark.parametrize("name", NAMES)
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
    if name not in CORE:  # notebooks of other issues (08): the checks above only
        return
    assert 'GROUP_BY = "auto"' in parameters.source
    # values derived from parameters are computed in the next cell, against the repo root
    assert "resolve(CORPUS)" in nb.cells[tagged[0] + 1].source
    # teaching material: an overview, exercises with hidden solutions, a summary
    markdown = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    for needed in ("Learning goals", "Prerequisites", "## Summary", "## Exercises",
                   "<details><summary>Solution</summary>"):
        assert needed in markdown, f"{name}: missing {needed!r}"


@pytest.mark.parametrize("name", NAMES)
def test_notebook_matches_its_text_twin(name):
    committed = nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)
    text = jupytext.read(NOTEBOOKS / f"{name}.py", fmt="py:percent")

    def cells(nb):
        return [(c.cell_type, c.source, c.metadata.get("tags", [])) for c in nb.cells]

    assert cells(text) == cells(committed), (
        f"{name}.ipynb and {name}.py differ: run `python -m analysis notebooks`")


def test_student_edition_has_the_exercises_but_no_solutions():
    for path in notebook_paths(NOTEBOOKS):
        teacher = read_notebook(path)
        student = student_edition(teacher)
        text = "\n".join(c.source for c in student.cells)
        assert "<details><summary>Solution</summary>" not in text
        assert "## Exercises" in text and "Student edition" in text
        assert len(student.cells) == len(teacher.cells)
        if path.stem in CORE:
            assert "<details><summary>Solution</summary>" in "\n".join(
                c.source for c in teacher.cells), "the teacher's copy must keep its solutions"
