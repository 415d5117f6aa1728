"""The notebooks as files: text twins (jupytext), a clean sync, and the student edition.

Every numbered notebook is kept twice, paired by jupytext (settings in ``pyproject.toml``,
``[tool.jupytext]``): ``NN_name.ipynb``, which JupyterLab, Binder and papermill open, and
``NN_name.py`` in the percent format (``# %%`` starts a cell, ``# %% [markdown]`` a text
cell), which reads well in any editor and in a diff. Edit either; then

    python -m analysis notebooks          # jupytext --sync, outputs stripped

brings the other back in step (JupyterLab with jupytext does it on save).
``tests/test_notebooks.py`` fails when a pair differs or a committed ``.ipynb`` holds
outputs. A percent script dropped in without its ``.ipynb`` (``08_standards_audit.py``)
is paired by the same command, and the report build reads it directly meanwhile.

``student_edition(nb)`` is the same notebook without the folded solutions
(``<details><summary>Solution</summary>...</details>``); ``make report`` writes one per
notebook into ``reports/student/``.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat

SOLUTION = re.compile(r"\n*<details><summary>Solution</summary>.*?</details>\n?", re.DOTALL)
NUMBERED = "[0-9][0-9]_*"
STUDENT_NOTE = ("*Student edition: the solutions are left out. Your teacher has them "
                "(the `.ipynb` in the project's `notebooks/` folder).*")


def notebook_paths(folder: Path) -> list[Path]:
    """The numbered notebooks of ``folder`` in order: each ``.ipynb``, and each percent
    ``.py`` that has no ``.ipynb`` twin yet."""
    folder = Path(folder)
    notebooks = {p.stem: p for p in folder.glob(f"{NUMBERED}.ipynb") if p.is_file()}
    for script in folder.glob(f"{NUMBERED}.py"):
        if script.stem not in notebooks and is_percent_script(script):
            notebooks[script.stem] = script
    return [notebooks[name] for name in sorted(notebooks)]


def is_percent_script(path: Path) -> bool:
    """True when ``path`` is a percent-format notebook (it has a ``# %%`` cell marker)."""
    try:
        return any(line.startswith("# %%") for line in path.read_text("utf-8").splitlines())
    except (OSError, UnicodeDecodeError):
        return False


def read_notebook(path: Path) -> nbformat.NotebookNode:
    """A notebook from an ``.ipynb`` or its percent ``.py`` twin."""
    import jupytext

    path = Path(path)
    if path.suffix == ".py":
        nb = jupytext.read(path, fmt="py:percent")
        nb.metadata.setdefault("kernelspec", {"name": "python3", "language": "python",
                                              "display_name": "Python 3 (ipykernel)"})
        return nb
    return nbformat.read(path, as_version=4)


def strip_outputs(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """``nb`` without outputs and execution counts (what is committed)."""
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    return nb


def sync(folder: Path) -> list[Path]:
    """Pair every numbered notebook of ``folder`` with its twin (the newer one wins, as
    ``jupytext --sync`` decides), strip outputs; return the ``.ipynb`` files."""
    import jupytext.cli

    written = []
    for path in notebook_paths(folder):
        ipynb, script = path.with_suffix(".ipynb"), path.with_suffix(".py")
        jupytext.cli.jupytext(["--quiet", "--set-formats", "ipynb,py:percent", str(path)])
        nb = strip_outputs(nbformat.read(ipynb, as_version=4))
        nbformat.write(nb, ipynb)
        jupytext.cli.jupytext(["--quiet", "--sync", str(ipynb)])
        if not script.exists():
            raise RuntimeError(f"jupytext did not write {script}")
        written.append(ipynb)
    return written


def student_edition(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """A copy of ``nb`` without folded solutions and outputs, with a note under the title."""
    student = strip_outputs(nbformat.from_dict(nb))
    for cell in student.cells:
        if cell.cell_type == "markdown":
            cell.source = SOLUTION.sub("\n", cell.source).rstrip()
    for cell in student.cells:
        if cell.cell_type == "markdown" and cell.source.startswith("# "):
            title, _, rest = cell.source.partition("\n")
            cell.source = f"{title}\n\n{STUDENT_NOTE}\n{rest}"
            break
    return student


def write_student_edition(folder: Path, out: Path) -> list[Path]:
    """The student edition of every numbered notebook of ``folder``, as ``out/*.ipynb``."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for path in notebook_paths(folder):
        target = out / f"{path.stem}.ipynb"
        nbformat.write(student_edition(read_notebook(path)), target)
        written.append(target)
    return written
