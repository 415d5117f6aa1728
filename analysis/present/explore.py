"""An interactive explorer for classrooms and Binder: ``analysis.explore(articles)``.

Pick an article from a dropdown (or paste a text, or upload files in any format the
loader reads), and see its highlighted view and its tables (quotes, attributions,
sources, hedges, boosters, profile), each downloadable as CSV or Excel.

In an exported report, or outside a live notebook, widgets cannot run: the explorer then
shows a static fallback, the highlighted view of the first article and a note on how to
get the interactive version.
"""

from __future__ import annotations

import base64
import html
import os
import tempfile
from pathlib import Path

import pandas as pd

from analysis.present.highlight import highlight
from analysis.tables.spreadsheets import csv_bytes, workbook_bytes

TABLES = ("profile", "quotes", "attributions", "sources", "hedges", "boosters")
STATIC_NOTE = (
    "This is a static copy of the explorer (widgets do not run in an exported report). "
    "Open this notebook in JupyterLab (<code>make lab</code>, or on Binder) to pick any "
    "article, paste a text or upload files, and download the tables."
)


def tables_for(articles: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """The record tables and the profile of ``articles`` (usually one article)."""
    import analysis

    return {name: getattr(analysis, name)(articles) for name in TABLES}


def download_link(table: pd.DataFrame, name: str, fmt: str = "csv") -> str:
    """An HTML link that downloads ``table`` as ``<name>.csv`` or ``.xlsx`` (a data URI)."""
    if fmt == "csv":
        payload = csv_bytes(table)
        mime = "text/csv"
    elif fmt == "xlsx":
        payload = workbook_bytes({name: table})
        mime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    else:
        raise ValueError(f"fmt must be 'csv' or 'xlsx', not {fmt!r}")
    encoded = base64.b64encode(payload).decode("ascii")
    filename = html.escape(f"{name}.{fmt}")
    return (f'<a download="{filename}" href="data:{mime};base64,{encoded}">'
            f"{filename}</a>")


def _label(row: pd.Series) -> str:
    outlet = row.get("outlet")
    title = row.get("title")
    parts = [str(outlet) if isinstance(outlet, str) and outlet else "",
             str(title)[:70] if isinstance(title, str) and title else str(row["article_id"])]
    return " — ".join(p for p in parts if p)


def static_view(articles: pd.DataFrame) -> str:
    """The explorer's static fallback: the first article highlighted, with a note."""
    note = f'<p class="hl-note"><em>{STATIC_NOTE}</em></p>'
    if articles is None or len(articles) == 0:
        return note + "<p>No articles to show.</p>"
    return note + highlight(articles.iloc[0]).html


def _is_live() -> bool:
    if os.environ.get("ANALYSIS_REPORT") == "1":
        return False
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    shell = get_ipython()
    return shell is not None and getattr(shell, "kernel", None) is not None


class Explorer:
    """The explorer: renders as widgets in a live notebook, as static HTML elsewhere."""

    def __init__(self, articles: pd.DataFrame, *, live: bool | None = None) -> None:
        self.articles = articles.reset_index(drop=True) if articles is not None else None
        self.live = _is_live() if live is None else live
        self.widget = self._build() if self.live else None

    # -- static --------------------------------------------------------------
    def _repr_html_(self) -> str:
        return static_view(self.articles)

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:
        bundle = {"text/html": self._repr_html_(),
                  "text/plain": f"Explorer({0 if self.articles is None else len(self.articles)}"
                                " articles)"}
        if self.widget is not None:
            bundle.update(self.widget._repr_mimebundle_(include=include, exclude=exclude)
                          or {})
        return bundle

    # -- live ----------------------------------------------------------------
    def _build(self):
        import ipywidgets as w
        from IPython.display import HTML, display

        articles = self.articles if self.articles is not None else pd.DataFrame()
        options = [(_label(row), i) for i, row in articles.iterrows()]
        picker = w.Dropdown(options=options, description="Article",
                            layout=w.Layout(width="95%"))
        pasted = w.Textarea(placeholder="Or paste a headline (first line) and text here…",
                            layout=w.Layout(width="95%", height="8em"))
        analyse_button = w.Button(description="Analyse pasted text", icon="search")
        upload = w.FileUpload(accept=".txt,.md,.json,.jsonl,.csv,.xlsx,.html,.htm,.zip,.gz",
                              multiple=True, description="Upload files")
        status = w.HTML()
        view = w.Output()
        tables = w.Output()

        def show(frame: pd.DataFrame, index: int = 0) -> None:
            view.clear_output()
            tables.clear_output()
            if frame.empty:
                with view:
                    display(HTML("<p>Nothing to show.</p>"))
                return
            row = frame.iloc[index]
            with view:
                display(highlight(row))
            with tables:
                for name, table in tables_for(frame.iloc[[index]]).items():
                    links = (download_link(table, f"{row['article_id']}_{name}", "csv") + " · "
                             + download_link(table, f"{row['article_id']}_{name}", "xlsx"))
                    display(HTML(f"<h4>{html.escape(name)} ({len(table)} rows) {links}</h4>"))
                    display(table)

        def on_pick(change: dict) -> None:
            if change.get("new") is not None:
                show(articles, change["new"])

        def on_paste(_button) -> None:
            lines = pasted.value.strip().split("\n", 1)
            if not lines[0]:
                status.value = "Paste some text first."
                return
            frame = pd.DataFrame({"article_id": ["pasted"], "title": [lines[0]],
                                  "text": [lines[1] if len(lines) > 1 else ""],
                                  "language": ["en"]})
            status.value = "Showing the pasted text."
            show(frame)

        def on_upload(change: dict) -> None:
            import analysis

            files = change.get("new") or ()
            if not files:
                return
            with tempfile.TemporaryDirectory() as tmp:
                for item in files:
                    name = Path(item["name"]).name
                    (Path(tmp) / name).write_bytes(bytes(item["content"]))
                loaded = analysis.load_articles(tmp)
                skipped = analysis.skipped(loaded)
            nonlocal articles
            articles = loaded.reset_index(drop=True)
            picker.options = [(_label(row), i) for i, row in articles.iterrows()]
            status.value = html.escape(
                f"Loaded {len(articles)} article(s); {len(skipped)} record(s) skipped.")
            if len(articles):
                show(articles, 0)

        picker.observe(on_pick, names="value")
        analyse_button.on_click(on_paste)
        upload.observe(on_upload, names="value")
        if len(articles):
            show(articles, 0)
        return w.VBox([picker, w.HBox([upload, analyse_button]), pasted, status,
                       w.Tab(children=[view, tables], titles=("Highlighted", "Tables"))])


def explore(articles: pd.DataFrame, *, live: bool | None = None) -> Explorer:
    """An explorer over ``articles``: widgets in a live notebook, a static view elsewhere.

    ``live=None`` decides by itself (report builds set ``ANALYSIS_REPORT=1``, which
    forces the static view).
    """
    return Explorer(articles, live=live)

