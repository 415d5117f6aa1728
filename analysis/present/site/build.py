"""Write the site around the notebook pages: tables, article pages, findings, glossary,
rules, the student edition and the index. ``analysis.present.report.build_reports`` calls these.

Every body is built from escaped text and passed through ``analysis.present.site.sanitise``
before it is wrapped in the page shell; only the index and the rules page get a script,
the vendored list.js, allowed by its hash in the page's Content Security Policy.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from analysis.paths import show_path
from analysis.present import grouping
from analysis.present.export import WORKBOOK, write_table_files
from analysis.present.highlight import highlight
from analysis.present.site.articles import (
    ARTICLE_DIR,
    article_body,
    cell_links,
    index_table,
)
from analysis.present.site.findings import MIN_GROUP, findings_body
from analysis.present.site.glossary import glossary_body, rules_body
from analysis.present.site.page import list_script, page
from analysis.present.site.sanitise import sanitise
from analysis.tables.spreadsheets import write_table

__all__ = ["cell_links", "write_data", "write_index", "write_pages", "write_student_edition"]
MEASURES = ["quote_share", "quotes_per_100_words", "share_anonymous", "share_distancing",
            "source_diversity", "top_source_share", "hedges_per_100_words",
            "hedged_sentence_share"]
ARTICLE_NAV = ('<a href="../index.html">← all articles and reports</a> · '
               '<a href="../findings.html">findings</a> · <a href="../glossary.html">'
               'glossary</a>')
SITE_NAV = ('<a href="index.html">← all reports</a> · <a href="findings.html">findings</a>'
            ' · <a href="glossary.html">glossary</a> · <a href="rules.html">rules</a>')


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")
    return path


def write_data(tables: dict[str, pd.DataFrame], articles: pd.DataFrame, out: Path,
               group_by: str) -> list[Path]:
    """The tables as CSV and one workbook, plus ``group_means.csv``: each measure's mean
    per ``group_by`` group, with a bootstrap interval for groups of ``MIN_GROUP`` or more."""
    from analysis.present.stats import group_means

    written = write_table_files(tables, out)
    profile = grouping.with_group(tables["profile"], articles, group_by)
    measures = [m for m in MEASURES if m in profile]
    means = group_means(profile, measures, by="group", seed=0, min_n=MIN_GROUP)
    written.insert(-1, write_table(means.assign(group_by=group_by), out / "group_means.csv"))
    return written


def _split(table: pd.DataFrame | None) -> dict[str, pd.DataFrame]:
    if table is None or table.empty:
        return {}
    return {str(k): part for k, part in table.groupby(table["article_id"].astype(str),
                                                       sort=False)}


def write_pages(articles: pd.DataFrame, tables: dict[str, pd.DataFrame], out: Path, *,
                notice: str | None, group_by: str) -> list[Path]:
    """One page per article, the findings, glossary and rules pages."""
    written = []
    profile = tables["profile"].set_index(tables["profile"]["article_id"].astype(str))
    standards = tables.get("standards")
    standards = None if standards is None else \
        standards.set_index(standards["article_id"].astype(str))
    sources, attributions = _split(tables["sources"]), _split(tables["attributions"])
    for _, article in articles.iterrows():
        key = str(article["article_id"])
        records = {"profile": profile.loc[key] if key in profile.index else None,
                   "sources": sources.get(key), "attributions": attributions.get(key)}
        if standards is not None and key in standards.index:
            records["standards"] = standards.loc[key]
        body = article_body(article, records, highlight(article, legend=True).html)
        title = str(article.get("title") or key)
        written.append(_write(out / ARTICLE_DIR / f"{key}.html",
                              page(title, sanitise(body), notice=notice, nav=ARTICLE_NAV)))
    written.append(_write(out / "findings.html", page(
        "Findings", sanitise(findings_body(articles, tables, group_by)), notice=notice,
        nav=SITE_NAV)))
    written.append(_write(out / "glossary.html", page("Glossary", sanitise(glossary_body()),
                                                      nav=SITE_NAV)))
    records = {"attribution": tables["attributions"], "quote": tables["quotes"],
               "hedge": tables["hedges"], "booster": tables["boosters"]}
    written.append(_write(out / "rules.html", page(
        "Rules", sanitise(rules_body(records)), notice=notice, nav=SITE_NAV,
        script=list_script())))
    return written


def write_student_edition(notebooks: Path, out: Path) -> list[Path]:
    """The notebooks without their folded solutions, for students."""
    from analysis.present.notebook_files import write_student_edition as write

    return write(notebooks, out)


def write_index(out: Path, *, reports: Sequence, articles: pd.DataFrame,
                profile: pd.DataFrame, files: Sequence[Path], corpus: Path,
                notice: str | None, group_by: str) -> Path:
    """``index.html``: the reports, the sortable article list, tables and editions."""
    items = "\n".join(
        f'<li><a href="{html.escape(r.html_path.name)}">{html.escape(r.title)}</a>'
        f" — {html.escape(r.summary)}</li>" for r in reports)
    tables = ", ".join(f'<a href="data/{html.escape(f.name)}">{html.escape(f.name)}</a>'
                       for f in files if f.suffix == ".csv")
    workbook = (f'<p>All tables in one Excel workbook: <a href="data/{WORKBOOK}">{WORKBOOK}'
                "</a>. Each record row carries its story's title, outlet and date, the "
                'sentence, and an empty "correct?" column for checking by hand.</p>\n'
                if any(f.name == WORKBOOK for f in files) else "")
    student = sorted((out / "student").glob("*.ipynb"))
    editions = ", ".join(f'<a href="student/{html.escape(p.name)}">{html.escape(p.name)}</a>'
                         for p in student)
    body = (
        "<h1>News sourcing analysis</h1>\n"
        f"<p>Corpus: <code>{html.escape(show_path(corpus))}</code>, "
        f"{len(articles):,} articles. {html.escape(grouping.describe(articles, group_by))}"
        "</p>\n<p><strong><a href=\"findings.html\">Findings</a></strong>: the corpus in "
        "plain sentences, each with the stories behind it and the detector's measured "
        'error. <a href="glossary.html">Glossary</a> · <a href="rules.html">Rules</a></p>\n'
        f'<h2>Reports</h2>\n<ol class="report-list">\n{items}\n</ol>\n'
        "<h2>Articles</h2>\n<p>Every article has a page with its highlighted text, profile "
        "and sources. Click a column heading to sort; type to search.</p>\n"
        f"{index_table(articles, profile)}\n"
        + (f"<h2>Tables</h2>\n<p>As CSV (UTF-8, opens in Excel): {tables}.</p>\n{workbook}"
           if tables else "")
        + (f"<h2>Student edition</h2>\n<p>The notebooks without the folded solutions: "
           f"{editions}.</p>\n" if editions else "")
    )
    return _write(out / "index.html", page("News sourcing analysis: reports", sanitise(body),
                                           notice=notice, script=list_script()))
