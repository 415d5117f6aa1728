"""Build the HTML reports: run every notebook on a corpus, export, sanitise, index.

``build_reports(corpus, out)`` is what ``python -m analysis report`` (``make report``)
runs. For each ``notebooks/NN_name.ipynb`` it

1. executes the notebook headless with papermill, injecting ``CORPUS`` into the cell
   tagged ``parameters`` (kernel ``python3``; progress bars off). ``jobs`` kernels run
   at once, each notebook after notebook with its namespace emptied in between
   (``run_notebooks``), so a kernel's start and imports are paid once per kernel;
2. exports it with nbconvert as a readable page without code cells, figures embedded as
   PNG data URIs;
3. sanitises the page with an explicit allowlist (``nh3``; ``analysis.present.site.sanitise``):
   tables, spans and divs with class and title, details/summary, headings, lists, code,
   images with ``data:image`` URIs only. Nothing executable survives (no script, no
   ``on*`` attributes, no ``javascript:`` URLs, no style blocks); the page gets a fixed
   stylesheet (``analysis.present.site.page``) instead;
4. writes ``out/NN_name.html``.

Then it writes ``out/index.html`` (one line per report) and the tables behind the figures
as CSV in ``out/data/``. A failing cell stops the build with the cell's error
(``ReportError``). Reports are deterministic: fixed cell ids, no timestamps, no
temporary paths or memory addresses in the output, PNGs without metadata, seeded
randomness, so two builds on the same corpus are byte-identical.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import queue
import re
import tempfile
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import nbformat

from analysis.paths import REPO_ROOT
from analysis.present.notebook_files import notebook_paths, read_notebook
from analysis.present.site.notice import corpus_notice, research_use_notice
from analysis.present.site.page import REPORT_CSS, page
from analysis.present.site.sanitise import ALLOWED_TAGS, sanitise

__all__ = ["ALLOWED_TAGS", "REPORT_CSS", "ReportError", "build_reports", "corpus_notice",
           "notebook_paths", "page", "research_use_notice", "sanitise"]

NOTEBOOKS_DIR = REPO_ROOT / "notebooks"
KERNEL = "python3"
# keep the kernels' own start-up warnings out of the command's output
KERNEL_ARGUMENTS = ["--IPKernelApp.log_level=CRITICAL"]
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"

# Environment of the notebook kernels during a build: no progress bars, off-screen
# matplotlib, a fixed hash seed, and a flag that tells ``analysis.present.explore`` to render
# its static fallback.
KERNEL_ENV = {
    "TQDM_DISABLE": "1",
    "MPLBACKEND": "Agg",
    "PYTHONHASHSEED": "0",
    "ANALYSIS_REPORT": "1",
    "PYTHONWARNINGS": "ignore",
}
# The article table, loaded once per build and shared with the kernels (see nbtools).
ARTICLES_CACHE = "ANALYSIS_ARTICLES_CACHE"
ARTICLES_CORPUS = "ANALYSIS_ARTICLES_CORPUS"


T = TypeVar("T")


class ReportError(RuntimeError):
    """A notebook failed while building the reports; the message holds the cell's error."""


@dataclass(frozen=True)
class Report:
    """One exported report: its notebook, output file, title and one-line summary."""

    notebook: Path
    html_path: Path
    title: str
    summary: str


# ---------------------------------------------------------------------------
# Executing
# ---------------------------------------------------------------------------


@contextlib.contextmanager
def _kernel_environment() -> Iterator[None]:
    saved = {key: os.environ.get(key) for key in [*KERNEL_ENV, ARTICLES_CACHE, ARTICLES_CORPUS]}
    os.environ.update(KERNEL_ENV)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


@contextlib.contextmanager
def notebook_kernel(cwd: Path) -> Iterator[object]:
    """A started ``python3`` kernel (a jupyter_client ``AsyncKernelManager``) in ``cwd``,
    with the environment of the moment; shut down on exit. ``execute_notebook`` runs
    notebook after notebook in it."""
    from jupyter_client import AsyncKernelManager
    from jupyter_core.utils import run_sync

    kernel = AsyncKernelManager(kernel_name=KERNEL)
    # history in memory, as nbclient starts the kernels it owns
    run_sync(kernel.start_kernel)(cwd=str(cwd), extra_arguments=[
        *KERNEL_ARGUMENTS, "--HistoryManager.hist_file=:memory:"])
    try:
        yield kernel
    finally:
        run_sync(kernel.shutdown_kernel)(now=True)


# ``%reset -f`` runs two full garbage collections, each walking every object the imports
# made (about 0.2 s a time); ``gc.freeze()`` after it moves the survivors out of the
# collector's sight, so the next reset (and the next notebook's own collections) walk only
# what the last notebook made. Nothing is left in the namespace.
RESET = '%reset -f\n__import__("gc").freeze()'


def reset_kernel(kernel, timeout: int = 60) -> None:
    """Empty the kernel's namespace (``RESET``) so that the next notebook starts as in a
    fresh kernel; imported modules stay loaded, which is the point of sharing it."""
    from jupyter_client import BlockingKernelClient

    client = BlockingKernelClient()
    client.load_connection_info(kernel.get_connection_info())
    # Only the shell channel: a request on it waits in the socket until the kernel takes
    # it, so there is nothing to wait for first (``wait_for_ready`` polls for 0.2-0.4 s,
    # for output that a reset does not print).
    client.start_channels(iopub=False, stdin=False, hb=False, control=False)
    try:
        request = client.execute(RESET, silent=True, store_history=False)
        reply = client.get_shell_msg(timeout=timeout)
        while reply["parent_header"].get("msg_id") != request:
            reply = client.get_shell_msg(timeout=timeout)
    finally:
        client.stop_channels()
    if reply["content"]["status"] != "ok":
        raise ReportError(f"could not reset the notebook kernel: {reply['content']}")


def execute_notebook(notebook: Path, corpus: Path, workdir: Path, *,
                     timeout: int = 600, group_by: str = "auto",
                     kernel: object | None = None) -> nbformat.NotebookNode:
    """Run ``notebook`` (``.ipynb``, or a percent ``.py`` not yet paired) headless with
    ``CORPUS`` and ``GROUP_BY`` set (those its parameters cell declares); raise
    ``ReportError`` on a failing cell.

    ``kernel`` is a started kernel (``notebook_kernel``) to run in; None starts one for
    this notebook alone."""
    import papermill
    from papermill.exceptions import PapermillExecutionError

    output = workdir / f"{notebook.stem}.ipynb"
    if notebook.suffix == ".py":
        source = workdir / f"{notebook.stem}.source.ipynb"
        nbformat.write(read_notebook(notebook), source)
        notebook_input = source
    else:
        notebook_input = notebook
    declared = papermill.inspect_notebook(str(notebook_input))  # its parameters cell
    parameters = {name: value for name, value in
                  {"CORPUS": str(corpus), "GROUP_BY": group_by}.items() if name in declared}
    try:
        papermill.execute_notebook(
            str(notebook_input), str(output),
            parameters=parameters,
            kernel_name=KERNEL, progress_bar=False, log_output=False,
            request_save_on_cell_execute=False, cwd=str(notebook.parent),
            execution_timeout=timeout, km=kernel, extra_arguments=KERNEL_ARGUMENTS,
        )
    except PapermillExecutionError as error:
        trace = _ANSI.sub("", "\n".join(error.traceback or []))
        raise ReportError(
            f"{notebook.name}: cell {error.exec_count} failed: {error.ename}: {error.evalue}"
            f"\n{trace}"
        ) from None
    return nbformat.read(output, as_version=4)


# Notebooks that run longest, taken first: started last, 07 (scoring the detectors on the
# shipped and public gold, twice as long as any other) kept one kernel busy alone for
# seconds after the other had finished.
STARTS_FIRST = ("07_",)


def start_order(paths: Sequence[Path]) -> list[int]:
    """Indices of ``paths`` in the order the kernels take them: ``STARTS_FIRST`` first,
    the rest in their own order. ``start_order([Path("00_a.ipynb"), Path("07_b.ipynb")])
    == [1, 0]``"""
    return sorted(range(len(paths)), key=lambda i: not paths[i].name.startswith(STARTS_FIRST))


def run_notebooks(paths: Sequence[Path], run: Callable[[Path, object], T], *,
                  jobs: int, stop: threading.Event) -> list[T]:
    """``run(path, kernel)`` for every path, in ``jobs`` kernels at once, each kernel reused
    for notebook after notebook (``reset_kernel`` in between): a kernel's start and its
    imports (pandas, matplotlib, analysis) are paid once per kernel, not once per
    notebook. Notebooks are taken in ``start_order``. Stops taking notebooks once ``stop``
    is set or a notebook fails (that error is raised); the results are in the order of
    ``paths``."""
    todo: queue.SimpleQueue = queue.SimpleQueue()
    for index in start_order(paths):
        todo.put((index, paths[index]))
    done: dict[int, T] = {}

    def worker(cwd: Path) -> None:
        with notebook_kernel(cwd) as kernel:
            for n in itertools.count():
                if stop.is_set():
                    return
                try:
                    index, path = todo.get_nowait()
                except queue.Empty:
                    return
                if n:
                    reset_kernel(kernel)
                try:
                    done[index] = run(path, kernel)
                except BaseException:
                    stop.set()
                    raise

    workers = max(1, min(jobs, len(paths)))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(worker, paths[0].parent) for _ in range(workers)]
        for future in futures:
            future.result()
    return [done[index] for index in range(len(paths))]


def _static_outputs(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Keep what a static page can show: drop widget views that have an HTML fallback,
    stderr streams (warnings carry machine paths), and notebook-level metadata."""
    for cell in nb.cells:
        cell.metadata = {k: v for k, v in cell.metadata.items() if k in ("tags",)}
        if cell.cell_type != "code":
            continue
        kept = []
        for output in cell.get("outputs", []):
            if output.get("output_type") == "stream" and output.get("name") == "stderr":
                continue
            data = output.get("data")
            if data and WIDGET_VIEW in data:
                data.pop(WIDGET_VIEW)
                if not set(data) - {"text/plain"}:
                    continue
            kept.append(output)
        cell.outputs = kept
        cell.execution_count = None
    nb.metadata = {"kernelspec": nb.metadata.get("kernelspec", {}),
                   "language_info": {"name": "python"}}
    return nb


# ---------------------------------------------------------------------------
# Exporting and sanitising
# ---------------------------------------------------------------------------

def _body(html_page: str) -> str:
    match = re.search(r"<body[^>]*>(.*)</body>", html_page, re.DOTALL | re.IGNORECASE)
    return match.group(1) if match else html_page


# A table cell holding only pandas' text for a missing value; shown as "–" instead.
MISSING_CELL = re.compile(r"<(td|th)>\s*(?:NaN|nan|&lt;NA&gt;|NaT|None)\s*</\1>")
NAV = ('<a href="index.html">← all reports</a> · <a href="findings.html">findings</a> · '
       '<a href="glossary.html">glossary</a> · <a href="rules.html">rules</a>')


_EXPORTERS = threading.local()


def _html_exporter():
    """This thread's nbconvert ``HTMLExporter`` (lab template, no code): a new one compiles
    its Jinja templates again, about 0.26 CPU s of each notebook's export. One per thread,
    since an exporter is not made to be shared between threads."""
    exporter = getattr(_EXPORTERS, "exporter", None)
    if exporter is None:
        from nbconvert import HTMLExporter

        exporter = _EXPORTERS.exporter = HTMLExporter(
            template_name="lab", exclude_input=True, exclude_input_prompt=True,
            exclude_output_prompt=True,
            # figures are already data URIs; embed_images would re-parse each HTML block
            # on its own and close <details> too early
            embed_images=False,
            # validate the notebook once after the preprocessors, not after each of them
            optimistic_validation=True)
    return exporter


def export_html(nb: nbformat.NotebookNode, *, title: str, notice: str | None = None,
                links: dict[str, str] | None = None) -> str:
    """A sanitised, self-contained HTML page of an executed notebook, without code cells.

    ``links`` maps the text of a table cell (an article's id or title) to the page it
    should link to (``analysis.present.site.articles.cell_links``)."""
    from analysis.present.site.articles import link_cells

    raw, _ = _html_exporter().from_notebook_node(_static_outputs(nb))
    body = sanitise(_body(raw))
    body = re.sub(r"\n\s*\n+", "\n", body)  # drop the blank lines left by removed cells
    body = MISSING_CELL.sub(r"<\1>–</\1>", body)  # pandas' NaN, <NA>, NaT, None
    if links:
        body = link_cells(body, links)
    return page(title, body, notice=notice, nav=NAV)


def notebook_title(nb: nbformat.NotebookNode, fallback: str) -> str:
    """The first Markdown heading of the notebook, without the ``#``."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("#"):
                    return line.lstrip("#").strip()
    return fallback


def notebook_summary(nb: nbformat.NotebookNode) -> str:
    """The italic summary paragraph under the notebook's title (``*...*``, on one line or
    several), as one line; ``""`` when the first Markdown cell has none."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for paragraph in re.split(r"\n\s*\n", cell.source):
                text = " ".join(paragraph.split())
                if len(text) > 2 and text.startswith("*") and text.endswith("*") \
                        and not text.startswith("**"):
                    return text.strip("*").strip()
            return ""
    return ""


# ---------------------------------------------------------------------------
# The build
# ---------------------------------------------------------------------------


def _share_articles(articles, workdir: Path, corpus: Path) -> None:
    """Share the article table loaded once for all notebooks: ``nbtools.open_corpus`` in
    the kernels reads this copy (same rows, dtypes and load report) instead of parsing the
    files again. Set through the environment, which the kernels inherit."""
    cache = workdir / "articles.pkl"
    articles.to_pickle(cache)
    os.environ[ARTICLES_CACHE] = str(cache)
    os.environ[ARTICLES_CORPUS] = str(corpus)


def build_reports(corpus: Path, out: Path, *, notebooks: Path = NOTEBOOKS_DIR,
                  only: Sequence[str] | None = None, data: bool = True, jobs: int = 2,
                  timeout: int = 600, group_by: str = "auto") -> Path:
    """Execute every notebook on ``corpus``, write sanitised HTML reports into ``out``.

    Besides one page per notebook: a page per article (``articles/<id>.html``), the
    findings, glossary and rules pages, the student edition of the notebooks
    (``student/``) and the index with the sortable article list (``analysis.present.site``).
    ``only`` restricts the build to notebooks whose name starts with one of the given
    prefixes (``["00"]``); ``data=False`` skips the tables (``data/``); ``jobs``
    notebooks run at once; ``group_by`` is the ``GROUP_BY`` of every comparison
    (``analysis.present.grouping``). Returns the path of ``out/index.html``. Raises
    ``ReportError`` with the failing cell's error when a notebook fails.
    """
    from analysis.present import grouping
    from analysis.present.export import corpus_tables
    from analysis.present.sidecar import load_corpus
    from analysis.present.site import build as site

    corpus, out = Path(corpus).resolve(), Path(out).resolve()
    if not corpus.exists():
        raise ReportError(f"corpus not found: {corpus}")
    paths = notebook_paths(notebooks)
    if only:
        paths = [p for p in paths if p.name.startswith(tuple(only))]
    if not paths:
        raise ReportError(f"no notebooks (NN_name.ipynb) found in {notebooks}")
    out.mkdir(parents=True, exist_ok=True)
    notice = corpus_notice(corpus)
    articles = load_corpus(corpus)
    try:
        by = grouping.choose(articles, group_by)
    except KeyError as error:
        raise ReportError(str(error)) from None
    links = site.cell_links(articles)

    def export(path: Path, executed: nbformat.NotebookNode) -> Report:
        title, summary = notebook_title(executed, path.stem), notebook_summary(executed)
        target = out / f"{path.stem}.html"
        target.write_text(export_html(executed, title=title, notice=notice, links=links),
                          encoding="utf-8", newline="\n")
        return Report(path, target, title, summary)

    def one(path: Path, kernel: object) -> Future[Report]:
        # exported in a thread of its own: the kernel takes its next notebook meanwhile
        executed = execute_notebook(path, corpus, workdir, timeout=timeout, group_by=by,
                                    kernel=kernel)
        return exporter.submit(export, path, executed)

    stop = threading.Event()
    with tempfile.TemporaryDirectory(prefix="analysis-report-") as tmp, _kernel_environment():
        workdir = Path(tmp)
        _share_articles(articles, workdir, corpus)
        with ThreadPoolExecutor(max_workers=1) as runner, \
                ThreadPoolExecutor(max_workers=1) as exporter:
            notebooks_run = runner.submit(run_notebooks, paths, one, jobs=jobs, stop=stop)
            try:
                tables = corpus_tables(articles)
                files = site.write_data(tables, articles, out / "data", by) if data else []
                site.write_pages(articles, tables, out, notice=notice, group_by=by)
                site.write_student_edition(notebooks, out / "student")
                reports = [exported.result() for exported in notebooks_run.result()]
            except BaseException:
                stop.set()  # a notebook or a page failed: do not start more notebooks
                raise
    return site.write_index(out, reports=reports, articles=articles,
                            profile=tables["profile"], files=files, corpus=corpus,
                            notice=notice, group_by=by)
