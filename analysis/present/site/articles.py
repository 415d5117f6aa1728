"""One page per article (``articles/<article_id>.html``) and the article index.

An article's page shows what an editor checks a story by: its standards flags (where
``analysis.standards`` exists), its profile, its sources and attributions, and the
highlighted text with every record marked. ``index_table`` is the sortable, searchable
list of all articles on ``index.html`` (plain HTML, pre-sorted by title; the vendored
list.js adds sorting and the search box).

Everything from the corpus is escaped with ``html.escape``, and ``analysis.present.report``
sanitises each page body on top.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping

import numpy as np
import pandas as pd

from analysis.loading.language import is_english
from analysis.present.site.fmt import MISSING, date, is_missing, number, percent, shorten
from analysis.present.site.glossary import MEASURES

ARTICLE_DIR = "articles"
HIDDEN = {"article_id", "title", "outlet", "date", "correct?", "field"}
SHARES = {"quote_share", "share_anonymous", "share_distancing", "top_source_share",
          "hedged_sentence_share"}
INDEX_COLUMNS = [("title", "headline"), ("outlet", "outlet"), ("section", "section"),
                 ("date", "date"), ("n_words", "words"), ("n_sources", "sources"),
                 ("share_anonymous", "anonymous"), ("n_quotes", "quotes"),
                 ("n_hedges", "hedges")]
TEXT_COLUMNS = {"title", "outlet", "section", "date"}


def article_href(article_id: object, *, from_articles: bool = False) -> str:
    """The link to an article's page from the report folder (or from ``articles/``)."""
    name = f"{html.escape(str(article_id))}.html"
    return name if from_articles else f"{ARTICLE_DIR}/{name}"


def article_link(article_id: object, title: object, *, limit: int = 90,
                 from_articles: bool = False) -> str:
    """``<a href="articles/<id>.html">title</a>``, the title shortened with an ellipsis."""
    text = shorten(title, limit) or str(article_id)
    return (f'<a href="{article_href(article_id, from_articles=from_articles)}">'
            f"{html.escape(text)}</a>")


def value_text(column: str, value: object) -> str:
    """A cell as text for reading: shares in percent, numbers rounded, – for missing."""
    if is_missing(value):
        return MISSING
    if isinstance(value, bool | np.bool_):
        return "yes" if value else "no"
    if column in SHARES:
        return percent(value)
    if isinstance(value, int | float):
        return number(value)
    return str(value)


def _table(frame: pd.DataFrame, *, numeric: set[str] = frozenset()) -> str:
    if frame.empty:
        return '<p class="muted">None found.</p>'
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in frame.columns)
    rows = []
    for record in frame.itertuples(index=False, name=None):
        cells = "".join(
            f'<td class="num">{html.escape(value_text(c, v))}</td>' if c in numeric
            else f"<td>{html.escape(value_text(c, v))}</td>"
            for c, v in zip(frame.columns, record, strict=True))
        rows.append(f"<tr>{cells}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def _profile_table(profile: pd.Series | None) -> str:
    if profile is None:
        return '<p class="muted">No profile.</p>'
    if not is_missing(profile.get("note")):
        return f'<p class="muted">{html.escape(str(profile["note"]))}</p>'
    rows = "".join(
        f"<tr><td><code>{html.escape(name)}</code></td><td>{html.escape(text)}</td>"
        f'<td class="num">{html.escape(value_text(name, profile.get(name)))}</td></tr>'
        for name, text in MEASURES.items() if name in profile.index)
    return ("<table><thead><tr><th>measure</th><th>what it counts</th><th>value</th></tr>"
            f"</thead><tbody>{rows}</tbody></table>")


def _standards(flags: pd.Series | None) -> str:
    """Each flag of ``analysis.standards`` with its value and, where the table gives one,
    the evidence text (``<flag>_evidence``; its ``_start``/``_end`` offsets are not shown)."""
    if flags is None:
        return ""
    rows = []
    for name, value in flags.items():
        name = str(name)
        if name in HIDDEN or name.endswith(("_evidence", "_start", "_end")) or \
                (name == "note" and is_missing(value)):
            continue
        evidence = next((flags.get(f"{key}_evidence") for key in (name, name.removeprefix("n_"))
                         if f"{key}_evidence" in flags.index), None)
        evidence = "" if is_missing(evidence) else str(evidence)
        rows.append(f"<tr><td><code>{html.escape(name)}</code></td>"
                    f"<td>{html.escape(value_text(name, value))}</td>"
                    f"<td>{html.escape(evidence)}</td></tr>")
    return ("<h2>Standards flags</h2>\n<p>From <code>analysis.standards</code>: each flag "
            "with the evidence that decided it; check it in the highlighted text below.</p>"
            "<table><thead><tr><th>flag</th><th>value</th><th>evidence</th></tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>\n")


def _records(table: pd.DataFrame | None, columns: list[str]) -> pd.DataFrame:
    if table is None or table.empty:
        return pd.DataFrame(columns=columns)
    present = [c for c in columns if c in table]
    extra = [c for c in ("gender", "affiliation") if c in table and c not in present]
    return table[[*present, *extra]]


def article_body(article: pd.Series, records: Mapping[str, pd.DataFrame | pd.Series],
                 view_html: str) -> str:
    """The body of one article's page. ``records`` holds this article's ``profile`` row,
    ``sources`` and ``attributions`` rows and, when available, its ``standards`` row;
    ``view_html`` is its highlighted view."""
    facts = [("outlet", article.get("outlet")), ("section", article.get("section")),
             ("author", article.get("author")), ("date", date(article.get("published"))),
             ("words", number(article.get("n_words"))), ("language", article.get("language")),
             ("file", article.get("source_path"))]
    meta = " · ".join(f"{html.escape(k)}: {html.escape(str(v))}" for k, v in facts
                      if not is_missing(v) and str(v) != "")
    url = article.get("url")
    link = (f'<p class="muted">Original: <a href="{html.escape(str(url))}">'
            f"{html.escape(shorten(url, 100))}</a></p>" if isinstance(url, str)
            and url.startswith(("http://", "https://")) else "")
    sources = _records(records.get("sources"), ["source", "source_type", "role", "mentions",
                                                "n_attributions", "words_quoted"])
    attributions = _records(records.get("attributions"),
                            ["cue", "stance", "source", "source_type", "attribution_kind",
                             "rule", "sentence"])
    head = (f"<h1>{html.escape(str(article.get('title') or article['article_id']))}</h1>\n"
            f'<p class="muted">{meta}</p>\n{link}')
    if is_english(article.get("language")):
        measures = (_profile_table(records.get("profile")) + "\n<h2>Sources</h2>\n" +
                    _table(sources, numeric={"mentions", "n_attributions", "words_quoted"}) +
                    "\n<h2>Attributions</h2>\n" + _table(attributions))
    else:
        measures = ('<p class="muted">Not analysed: the detectors read English only '
                    f'(language {html.escape(str(article.get("language")))}).</p>')
    return (f"{head}{_standards(records.get('standards'))}"
            "<h2>Profile</h2>\n" + measures +
            "\n<h2>The text, highlighted</h2>\n"
            '<p class="muted">Hover over a mark to see its record and the rule behind it '
            '(<a href="../rules.html">rules</a>, <a href="../glossary.html">glossary</a>).'
            f"</p>\n{view_html}\n")


def index_table(articles: pd.DataFrame, profile: pd.DataFrame) -> str:
    """The list of all articles as a table inside ``div.sortable``, sorted by title."""
    joined = articles.assign(date=articles.get("published", pd.Series(
        pd.NaT, index=articles.index)).map(date))
    joined["article_id"] = joined["article_id"].astype("string")
    measures = profile.assign(article_id=profile["article_id"].astype("string"))
    joined = joined.merge(measures[["article_id", *[c for c, _ in INDEX_COLUMNS
                                                   if c in measures and c not in joined]]],
                          on="article_id", how="left")
    columns = [(c, label) for c, label in INDEX_COLUMNS if c in joined and not (
        c in TEXT_COLUMNS and c != "title" and
        joined[c].astype("string").fillna("").str.strip().eq("").all())]  # empty: left out
    order = joined["title"].astype("string").fillna("").str.lower().argsort(kind="stable")
    rows = []
    for _, row in joined.iloc[order].iterrows():
        cells = []
        for column, _label in columns:
            value = row.get(column)
            if column == "title":
                text = shorten(value, 90) or str(row["article_id"])
                cells.append(f'<td><a href="{article_href(row["article_id"])}">'
                             f'<span class="title">{html.escape(text)}</span></a></td>')
            elif column in TEXT_COLUMNS:
                text = "" if is_missing(value) else str(value)
                cells.append(f'<td class="{column}">{html.escape(text)}</td>')
            else:  # no thousands separator: list.js sorts digits naturally
                text = percent(value) if column in SHARES else (
                    MISSING if is_missing(value) else str(int(value)))
                cells.append(f'<td class="{column} num">{html.escape(text)}</td>')
        rows.append(f"<tr>{''.join(cells)}</tr>")
    head = "".join(f'<th class="{c}{"" if c in TEXT_COLUMNS else " num"}">'
                   f"{html.escape(label)}</th>" for c, label in columns)
    return (f'<div class="sortable"><table><thead><tr>{head}</tr></thead>'
            f'<tbody class="list">{"".join(rows)}</tbody></table></div>')


def cell_links(articles: pd.DataFrame) -> dict[str, str]:
    """Table-cell text -> article page: each id, and each title (whole, and shortened as
    the notebooks show it) that belongs to one article only."""
    links: dict[str, str] = {}
    by_title: dict[str, set[str]] = {}
    for article_id, title in zip(articles["article_id"].astype(str), articles["title"],
                                 strict=True):
        links[article_id] = article_href(article_id)
        if isinstance(title, str) and title.strip():
            for variant in {" ".join(title.split()), shorten(title, 50), shorten(title, 60)}:
                by_title.setdefault(variant, set()).add(article_id)
    for text, ids in by_title.items():
        if len(ids) == 1 and text not in links:
            links[text] = article_href(next(iter(ids)))
    return links


_CELL = re.compile(r"<(td|th)>([^<]{1,400})</\1>")


def link_cells(body: str, links: Mapping[str, str]) -> str:
    """``body`` with every table cell whose whole text names an article made a link."""
    def replace(match: re.Match) -> str:
        tag, text = match.group(1), match.group(2)
        href = links.get(html.unescape(text).strip())
        if href is None:
            return match.group(0)
        return f'<{tag}><a href="{html.escape(href)}">{text}</a></{tag}>'

    return _CELL.sub(replace, body)
