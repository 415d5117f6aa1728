"""Build the HTML reports: run every notebook on a corpus, export, sanitise, index.

``build_reports(corpus, out)`` is what ``python -m analysis report`` (``make report``)
runs. For each ``notebooks/NN_name.ipynb`` it

1. executes the notebook headless with papermill, injecting ``CORPUS`` into the cell
   tagged ``parameters`` (kernel ``python3``; progress bars off);
2. exports it with nbconvert as a readable page without code cells, figures embedded as
   PNG data URIs;
3. sanitises the page with an explicit allowlist (``nh3``): tables, spans and divs with
   class and title, details/summary, headings, lists, code, images with ``data:image``
   URIs only. Nothing executable survives (no script, no ``on*`` attributes, no
   ``javascript:`` URLs, no style blocks); the page gets a fixed stylesheet this module
   owns instead;
4. writes ``out/NN_name.html``.

Then it writes ``out/index.html`` (one line per report) and the tables behind the figures
as CSV in ``out/data/``. A failing cell stops the build with the cell's error
(``ReportError``). Reports are deterministic: fixed cell ids, no timestamps, no
temporary paths or memory addresses in the output, PNGs without metadata, seeded
randomness, so two builds on the same corpus are byte-identical.
"""

from __future__ import annotations

import contextlib
import html
import os
import re
import tempfile
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import nbformat

from analysis.highlight import CSS as HIGHLIGHT_CSS
from analysis.paths import REPO_ROOT, with_portable_paths

NOTEBOOKS_DIR = REPO_ROOT / "notebooks"
KERNEL = "python3"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
RESEARCH_ONLY = re.compile(
    r"research[- ]use[- ]only|research[- ]only|for research (?:purposes )?only"
    r"|non[- ]commercial research|academic use only",
    re.IGNORECASE,
)
NOTICE_FILES = ("SOURCE", "README", "LICENSE", "NOTICE")

# Environment of the notebook kernels during a build: no progress bars, off-screen
# matplotlib, a fixed hash seed, and a flag that tells ``analysis.explore`` to render
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
# Finding notebooks and the corpus's terms of use
# ---------------------------------------------------------------------------


def notebook_paths(notebooks: Path = NOTEBOOKS_DIR) -> list[Path]:
    """The numbered notebooks (``NN_name.ipynb``) of ``notebooks``, in order."""
    return sorted(p for p in Path(notebooks).glob("[0-9][0-9]_*.ipynb") if p.is_file())


def research_use_notice(corpus: Path) -> str | None:
    """The line of a SOURCE / README / LICENSE file saying the corpus is research-use only.

    Looks in the corpus folder (or the folder of a corpus file) and, for SOURCE and
    LICENSE files only, in up to two parent folders outside this repository (PolNeAR's
    ``SOURCE.txt`` sits above its ``data`` folder). ``None`` when nothing says so.
    """
    corpus = Path(corpus).resolve()
    folder = corpus if corpus.is_dir() else corpus.parent
    candidates = [(folder, NOTICE_FILES)]
    parent = folder
    for _ in range(2):
        parent = parent.parent
        if parent == REPO_ROOT or REPO_ROOT in parent.parents or parent == parent.parent:
            break
        candidates.append((parent, ("SOURCE", "LICENSE")))
    for place, prefixes in candidates:
        if not place.is_dir():
            continue
        for path in sorted(place.iterdir()):
            if not path.is_file() or not path.name.upper().startswith(prefixes):
                continue
            try:
                text = path.read_text(encoding="utf-8", errors="replace")[:200_000]
            except OSError:
                continue
            for line in text.splitlines():
                if RESEARCH_ONLY.search(line):
                    return f"{path.name}: {line.strip()}"
    return None


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


def execute_notebook(notebook: Path, corpus: Path, workdir: Path, *,
                     timeout: int = 600) -> nbformat.NotebookNode:
    """Run ``notebook`` headless with ``CORPUS`` set; raise ``ReportError`` on a failing cell."""
    import papermill
    from papermill.exceptions import PapermillExecutionError

    output = workdir / notebook.name
    try:
        papermill.execute_notebook(
            str(notebook), str(output), parameters={"CORPUS": str(corpus)},
            kernel_name=KERNEL, progress_bar=False, log_output=False,
            request_save_on_cell_execute=False, cwd=str(notebook.parent),
            execution_timeout=timeout,
            # keep the kernels' own start-up warnings out of the command's output
            extra_arguments=["--IPKernelApp.log_level=CRITICAL"],
        )
    except PapermillExecutionError as error:
        trace = _ANSI.sub("", "\n".join(error.traceback or []))
        raise ReportError(
            f"{notebook.name}: cell {error.exec_count} failed: {error.ename}: {error.evalue}"
            f"\n{trace}"
        ) from None
    return nbformat.read(output, as_version=4)


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

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "col", "colgroup", "dd",
    "del", "details", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3",
    "h4", "h5", "h6", "hr", "i", "img", "kbd", "li", "mark", "ol", "p", "pre", "q", "s",
    "samp", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td",
    "tfoot", "th", "thead", "tr", "u", "ul",
}
ALLOWED_ATTRIBUTES = {
    "*": {"class", "title"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan"},
    "ol": {"start"},
    "details": {"open"},
    **{f"h{i}": {"id"} for i in range(1, 7)},
}
DATA_IMAGE = re.compile(r"data:image/(?:png|jpeg|gif);base64,[A-Za-z0-9+/=\s]+\Z")
SAFE_LINK = re.compile(r"(?:https?://|mailto:|#|\./|[\w.-]+\.(?:html|csv|xlsx)(?:#|\Z))",
                       re.IGNORECASE)


def _attribute_filter(element: str, attribute: str, value: str) -> str | None:
    """Second line of defence after the allowlist: only data-URI images and plain links."""
    if element == "img" and attribute == "src":
        return value if DATA_IMAGE.match(value) else None
    if element == "a" and attribute == "href":
        return value if SAFE_LINK.match(value.strip()) else None
    return value


def sanitise(fragment: str) -> str:
    """An HTML fragment with everything outside the report allowlist removed.

    Script, style, template, iframe, object and the like are removed with their content;
    other unknown tags are unwrapped (their text stays, escaped). Attributes outside
    ``ALLOWED_ATTRIBUTES`` go, so no ``on*`` handler or inline style survives; image
    sources must be ``data:image/png|jpeg|gif`` URIs; links must be http(s), mailto,
    fragments or relative links to reports and tables.
    """
    import nh3

    return nh3.clean(
        fragment,
        tags=ALLOWED_TAGS,
        clean_content_tags={"script", "style", "template", "iframe", "object", "embed",
                            "noscript", "textarea", "svg", "math", "select", "button",
                            "form", "input", "title", "head"},
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=_attribute_filter,
        url_schemes={"http", "https", "mailto", "data"},
        strip_comments=True,
        link_rel="noopener noreferrer",
    )


REPORT_CSS = """
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;
margin:0;padding:0;background:#fff;color:#1a1a1a;line-height:1.55}
main{max-width:60em;margin:0 auto;padding:1.5em 1.5em 4em}
nav.report-nav{font-size:.9em;margin-bottom:1em}
h1{font-size:1.8em;margin-top:.4em}h2{margin-top:1.6em;border-bottom:1px solid #ddd}
h3{margin-top:1.3em}
a.anchor-link{display:none}
img{max-width:100%;height:auto;display:block;margin:.6em 0}
table{border-collapse:collapse;margin:.6em 0 1.2em;font-size:.86em;display:block;
overflow-x:auto;max-width:100%}
th,td{border:1px solid #d0d0d0;padding:.25em .55em;text-align:left;vertical-align:top}
thead th{background:#f1f1f1}
tbody tr:nth-child(even){background:#fafafa}
pre{background:#f6f6f6;padding:.6em .8em;overflow-x:auto;font-size:.86em;
white-space:pre-wrap}
code{background:#f3f3f3;padding:0 .2em;border-radius:3px}
pre code{background:none;padding:0}
details{border:1px solid #ccc;border-radius:4px;padding:.4em .8em;margin:.6em 0;
background:#fcfcfc}
summary{cursor:pointer;font-weight:600}
blockquote{border-left:4px solid #ccc;margin-left:0;padding-left:1em;color:#333}
.notice{border:2px solid #D55E00;background:#fff4ec;padding:.6em 1em;margin:1em 0}
.jp-RenderedText pre,.output_text pre{background:#fbfbfb;border-left:3px solid #ddd}
.report-list li{margin:.5em 0}
.hl-view{margin:.8em 0}
"""


def _body(page: str) -> str:
    match = re.search(r"<body[^>]*>(.*)</body>", page, re.DOTALL | re.IGNORECASE)
    return match.group(1) if match else page


def page(title: str, body: str, *, notice: str | None = None,
         nav: str | None = None) -> str:
    """A complete report page around an already sanitised ``body``, with the fixed CSS."""
    parts = [
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n",
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        f"<title>{html.escape(title)}</title>\n",
        f"<style>{REPORT_CSS}\n{HIGHLIGHT_CSS}</style>\n</head>\n<body>\n<main>\n",
    ]
    if nav:
        parts.append(f'<nav class="report-nav">{nav}</nav>\n')
    if notice:
        parts.append(f'<div class="notice">{html.escape(notice)}</div>\n')
    parts.append(body)
    parts.append("\n</main>\n</body>\n</html>\n")
    return "".join(parts)


def export_html(nb: nbformat.NotebookNode, *, title: str, notice: str | None = None) -> str:
    """A sanitised, self-contained HTML page of an executed notebook, without code cells."""
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="lab", exclude_input=True,
                            exclude_input_prompt=True, exclude_output_prompt=True,
                            # figures are already data URIs; embed_images would re-parse
                            # each HTML block on its own and close <details> too early
                            embed_images=False)
    raw, _ = exporter.from_notebook_node(_static_outputs(nb))
    body = sanitise(_body(raw))
    body = re.sub(r"\n\s*\n+", "\n", body)  # drop the blank lines left by removed cells
    nav = '<a href="index.html">← all reports</a>'
    return page(title, body, notice=notice, nav=nav)


def notebook_title(nb: nbformat.NotebookNode, fallback: str) -> str:
    """The first Markdown heading of the notebook, without the ``#``."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("#"):
                    return line.lstrip("#").strip()
    return fallback


def notebook_summary(nb: nbformat.NotebookNode) -> str:
    """``metadata.analysis.summary`` of the notebook (one line), else ``""``."""
    return str(nb.metadata.get("analysis", {}).get("summary", "")).strip()


# ---------------------------------------------------------------------------
# The build
# ---------------------------------------------------------------------------


def _index(reports: Sequence[Report], corpus: Path, tables: Sequence[Path],
           notice: str | None) -> str:
    from analysis.nbtools import show_path

    items = "\n".join(
        f'<li><a href="{html.escape(r.html_path.name)}">{html.escape(r.title)}</a>'
        f" — {html.escape(r.summary)}</li>"
        for r in reports
    )
    table_links = ", ".join(
        f'<a href="data/{html.escape(t.name)}">{html.escape(t.name)}</a>' for t in tables
    )
    body = (
        "<h1>News sourcing analysis: reports</h1>\n"
        f"<p>Corpus: <code>{html.escape(show_path(corpus))}</code>. Each report is a "
        "notebook of <code>notebooks/</code> run on this corpus; open the notebook in "
        "JupyterLab (<code>make lab</code>) to see the code and change it.</p>\n"
        f'<ol class="report-list">\n{items}\n</ol>\n'
        f"<h2>Tables</h2>\n<p>The tables behind the figures, as CSV: {table_links}.</p>\n"
    )
    full_notice = None
    if notice:
        full_notice = (
            "Research use only: this corpus's terms say it is for research use only "
            f"({notice}). These reports contain its text; do not publish them."
        )
    return page("News sourcing analysis: reports", body, notice=full_notice)


def write_data_tables(corpus: Path, data_dir: Path) -> list[Path]:
    """The corpus tables as CSV (``analysis.__main__.write_tables``) plus per-outlet means
    with bootstrap intervals (``outlet_means.csv``, the data of notebook 06)."""
    import pandas as pd

    from analysis.__main__ import write_tables
    from analysis.stats import group_means

    written = list(write_tables(corpus, data_dir))
    # read back what was just written rather than loading and analysing a second time
    profile = pd.read_csv(data_dir / "profile.csv", dtype={"article_id": "string"})
    articles = pd.read_csv(data_dir / "articles.csv", usecols=["article_id", "outlet"],
                           dtype={"article_id": "string", "outlet": "string"})
    joined = profile.merge(articles, on="article_id", how="left")
    measures = [c for c in ("quote_share", "quotes_per_100_words", "share_anonymous",
                            "share_distancing", "source_diversity", "hedges_per_100_words",
                            "hedged_sentence_share") if c in joined]
    means = group_means(joined, measures, by="outlet", seed=0)
    path = data_dir / "outlet_means.csv"
    means.to_csv(path, index=False, lineterminator="\n", float_format="%.6g")
    written.append(path)
    return written


def _share_articles(corpus: Path, workdir: Path) -> None:
    """Load the corpus once for all notebooks: ``nbtools.open_corpus`` in the kernels
    reads this copy (same rows, dtypes and load report) instead of parsing the files
    again. Set through the environment, which the kernels inherit."""
    import analysis

    cache = workdir / "articles.pkl"
    with_portable_paths(analysis.load_articles(corpus)).to_pickle(cache)
    os.environ[ARTICLES_CACHE] = str(cache)
    os.environ[ARTICLES_CORPUS] = str(corpus)


def build_reports(corpus: Path, out: Path, *, notebooks: Path = NOTEBOOKS_DIR,
                  only: Sequence[str] | None = None, data: bool = True, jobs: int = 2,
                  timeout: int = 600) -> Path:
    """Execute every notebook on ``corpus``, write sanitised HTML reports into ``out``.

    ``only`` restricts the build to notebooks whose name starts with one of the given
    prefixes (``["00"]``); ``data=False`` skips the CSV tables; ``jobs`` notebooks run
    at once. Returns the path of ``out/index.html``. Raises ``ReportError`` with the
    failing cell's error when a notebook fails.
    """
    corpus, out = Path(corpus).resolve(), Path(out).resolve()
    if not corpus.exists():
        raise ReportError(f"corpus not found: {corpus}")
    paths = notebook_paths(notebooks)
    if only:
        paths = [p for p in paths if p.name.startswith(tuple(only))]
    if not paths:
        raise ReportError(f"no notebooks (NN_name.ipynb) found in {notebooks}")
    out.mkdir(parents=True, exist_ok=True)
    notice = research_use_notice(corpus)
    page_notice = (
        f"Research use only ({notice}): this report contains the corpus's text; "
        "do not publish it." if notice else None
    )

    def one(path: Path, workdir: Path) -> Report:
        executed = execute_notebook(path, corpus, workdir, timeout=timeout)
        title, summary = notebook_title(executed, path.stem), notebook_summary(executed)
        target = out / f"{path.stem}.html"
        target.write_text(export_html(executed, title=title, notice=page_notice),
                          encoding="utf-8", newline="\n")
        return Report(path, target, title, summary)

    with tempfile.TemporaryDirectory(prefix="analysis-report-") as tmp, _kernel_environment():
        workdir = Path(tmp)
        _share_articles(corpus, workdir)
        with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
            futures = [pool.submit(one, path, workdir) for path in paths]
            try:
                tables = write_data_tables(corpus, out / "data") if data else []
                reports = [future.result() for future in futures]
            except BaseException:
                for future in futures:  # a notebook failed: do not start the others
                    future.cancel()
                raise
    index = out / "index.html"
    index.write_text(_index(reports, corpus, tables, notice), encoding="utf-8",
                     newline="\n")
    return index
