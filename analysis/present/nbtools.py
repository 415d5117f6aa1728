"""Small helpers the notebooks share, so that each notebook stays thin.

``open_corpus(CORPUS)`` resolves a parameter against the repository root, loads the
articles and prints a one-line description (plus the research-use notice when the
corpus's terms say so). The other functions join article columns onto record tables,
count things per outlet, and pick the worked example.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pandas as pd

from analysis.loading.language import is_english
from analysis.paths import resolve, show_path
from analysis.present import grouping
from analysis.present.site.notice import corpus_notice

SEED_NAME = "000_1f5ea510983bc6a6"
WIRE_EMPTY = {"", "none", "na", "nan", "<na>", "null"}


def corpus_path(corpus: str | Path) -> Path:
    """The corpus parameter as an absolute path (relative paths: from the repo root)."""
    return resolve(corpus)


def open_corpus(corpus: str | Path, *, quiet: bool = False) -> pd.DataFrame:
    """Load the articles of ``corpus`` and print what was loaded.

    Raises ``FileNotFoundError`` with the resolved path when the corpus is missing.
    """
    from analysis.present.sidecar import load_corpus

    path = corpus_path(corpus)
    if not path.exists():
        raise FileNotFoundError(f"CORPUS not found: {path} (set CORPUS in the parameters cell)")
    articles = _shared_articles(path)
    if articles is None:
        articles = load_corpus(path)
    if not quiet:
        skipped = len(articles.attrs.get("skipped", []))
        known = {c: grouping.n_known(articles, c) for c in ("outlet", "section")}
        spread = ", ".join(f"{n} {c}s" for c, n in known.items() if n)
        print(f"Corpus {show_path(path)}: {len(articles)} articles"
              f"{' from ' + spread if spread else ''} ({skipped} records skipped).")
        notice = corpus_notice(path)
        if notice:
            print(notice)
    return articles


def _shared_articles(path: Path) -> pd.DataFrame | None:
    """The article table a report build loaded once for every notebook, when it is for
    this corpus (``analysis.present.report`` sets ``ANALYSIS_ARTICLES_CACHE`` / ``_CORPUS``)."""
    cache = os.environ.get("ANALYSIS_ARTICLES_CACHE")
    if not cache or os.environ.get("ANALYSIS_ARTICLES_CORPUS") != str(path.resolve()):
        return None
    try:
        return pd.read_pickle(cache)
    except (OSError, ValueError):
        return None


def with_articles(table: pd.DataFrame, articles: pd.DataFrame,
                  columns: tuple[str, ...] = ("outlet", "published", "title")) -> pd.DataFrame:
    """``table`` with article columns (``outlet`` etc.) joined on ``article_id``."""
    present = [c for c in columns if c in articles and c not in table]
    right = articles[["article_id", *present]].copy()
    right["article_id"] = right["article_id"].astype("string")
    left = table.copy()
    left["article_id"] = left["article_id"].astype("string")
    return left.merge(right, on="article_id", how="left")


def by_group(table: pd.DataFrame, column: str, *, group: str = "group",
             share: bool = False, name: str | None = None) -> pd.DataFrame:
    """Counts (or row shares) of ``column``'s values per group; groups as rows.

    ``table`` carries a ``group`` column (``grouping.with_group``); missing values of
    ``column`` become ``"(none)"``. Shares are rounded to 3 decimals. ``name`` labels the
    rows (the ``GROUP_BY`` column, "section"), else ``group``.
    """
    if table.empty or column not in table:
        return pd.DataFrame()
    rows = table[group].astype("string").fillna(grouping.UNKNOWN) if group in table else \
        pd.Series("(all)", index=table.index)
    values = table[column].astype("string").fillna("(none)")
    counts = pd.crosstab(rows, values)
    counts.index.name, counts.columns.name = name or group, column
    if share:
        counts = counts.div(counts.sum(axis=1), axis=0).round(3)
    return counts


def label(title: object, limit: int = 50) -> str:
    """A headline shortened for a table or chart, with an ellipsis when cut."""
    from analysis.present.site.fmt import shorten

    return shorten(title, limit)


def pick_example(articles: pd.DataFrame) -> pd.Series | None:
    """The worked example (the seed article) when the corpus has it, else the first row."""
    if articles.empty:
        return None
    if "source_path" in articles:
        is_seed = articles["source_path"].astype("string").str.contains(SEED_NAME, regex=False)
        if is_seed.fillna(False).any():
            return articles[is_seed.fillna(False)].iloc[0]
    return articles.iloc[0]


def file_format(source_path: object) -> str:
    """The input format of a ``source_path``: its extension, ``.gz`` and archives named.

    ``a/b.json`` -> ``json``; ``b.csv.gz`` -> ``csv.gz``; ``x.zip/inner.txt`` -> ``zip:txt``.
    """
    if not isinstance(source_path, str) or not source_path:
        return "(unknown)"
    path = source_path.replace("\\", "/")
    archive = re.search(r"\.zip[/!:]", path, re.IGNORECASE)
    name = path.rsplit("/", 1)[-1].lower()
    parts = name.split(".")
    ext = ".".join(parts[-2:]) if len(parts) > 2 and parts[-1] == "gz" else parts[-1]
    if "." not in name:
        ext = "(none)"
    return f"zip:{ext}" if archive else ext


def is_wire(articles: pd.DataFrame) -> pd.Series:
    """True for wire copy, where the corpus says so (PolNeAR's ``wire`` column).

    A corpus without a ``wire`` column gives all False: nothing is kept apart.
    """
    if "wire" not in articles:
        return pd.Series(False, index=articles.index)
    wire = articles["wire"].astype("string").str.strip().str.lower()
    return ~wire.fillna("").isin(WIRE_EMPTY)


def credits(articles: pd.DataFrame) -> pd.Series:
    """How often each ``credit`` line occurs (PolNeAR: "h/t: The Hill", "AP"), largest
    first; empty when the corpus has no ``credit`` column. A hat tip is not wire copy."""
    if "credit" not in articles:
        return pd.Series(dtype="int64", name="articles")
    values = articles["credit"].astype("string").str.strip()
    values = values[values.notna() & ~values.fillna("").str.lower().isin(WIRE_EMPTY)]
    return values.value_counts().rename("articles")


def profile_with_articles(articles: pd.DataFrame, by: str = "outlet") -> pd.DataFrame:
    """``analysis.profile`` joined with ``outlet``, ``published``, ``title``, the ``group``
    of ``by`` (``GROUP_BY``) and a ``wire`` flag (see ``is_wire``)."""
    import analysis

    joined = grouping.with_group(with_articles(analysis.profile(articles), articles),
                                 articles, by)
    flags = pd.DataFrame({"article_id": articles["article_id"].astype("string"),
                          "wire": is_wire(articles).to_numpy()})
    return joined.merge(flags, on="article_id", how="left")


def sources_per_article(sources: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Distinct sources per article and source type: one row (``article_id``, string) per
    article the detectors read, zeros included, one int64 column per source type of
    ``sources`` (the ``analysis.sources`` table). An article in another language is no
    row: it was not analysed, so it has no count rather than a count of 0."""
    languages = articles["language"] if "language" in articles else [None] * len(articles)
    read = [is_english(language) for language in languages]
    index = pd.Index(articles.loc[read, "article_id"].astype("string"), name="article_id")
    if sources.empty:
        return pd.DataFrame(index=index)
    return pd.crosstab(sources["article_id"], sources["source_type"]) \
        .reindex(index, fill_value=0)


def top_words_by(table: pd.DataFrame, key: str, value: str, n: int = 15) -> pd.Series:
    """Sum of ``value`` per ``key`` (e.g. quoted words per speaker), largest first."""
    if table.empty or key not in table:
        return pd.Series(dtype=float)
    keys = table[key].astype("string").fillna("(no speaker)")
    sums = pd.to_numeric(table[value], errors="coerce").groupby(keys).sum()
    return sums.sort_values(ascending=False, kind="stable").head(n)


def what_to_look_for(example: pd.Series) -> str:
    """An HTML list of what to look for in the worked example, computed from its records:
    the headline's cue, a distancing and a neutral cue, a partial quote and its speaker, a
    refusal, a verification hedge, an approximator. Article text is escaped."""
    import html

    import analysis

    one = pd.DataFrame([example])
    attributions, quotes = analysis.attributions(one), analysis.quotes(one)
    hedges = analysis.hedges(one)
    points = []

    def first(table: pd.DataFrame, **where: str) -> pd.Series | None:
        for column, value in where.items():
            table = table[table[column].astype("string") == value]
        return table.iloc[0] if len(table) else None

    def esc(value: object) -> str:
        return html.escape(str(value))

    head = first(attributions, field="title")
    if head is not None:
        points.append(f"The headline's <b>{esc(head['cue'])}</b> is a <i>{esc(head['stance'])}"
                      "</i> cue: it frames the story before the first paragraph.")
    distancing = first(attributions, field="text", stance="distancing")
    neutral = first(attributions, field="text", stance="neutral")
    if distancing is not None and neutral is not None:
        points.append(f"<b>{esc(distancing['cue'])}</b> is a <i>distancing</i> cue: the "
                      f"outlet does not vouch for the claim. Compare it with the neutral "
                      f"<b>{esc(neutral['cue'])}</b>.")
    elif neutral is not None:
        points.append(f"<b>{esc(neutral['cue'])}</b> is a <i>neutral</i> cue, the verb "
                      "style guides recommend; this story uses no distancing cue.")
    partial = first(quotes, field="text", quote_kind="partial")
    if partial is not None:
        speaker = partial["speaker"] if isinstance(partial["speaker"], str) else None
        points.append(f"<b>“{esc(partial['quote_text'])}”</b> is a <i>partial</i> quote: a "
                      "few quoted words inside the writer's own sentence"
                      + (f"; its speaker is {esc(speaker)}." if speaker else "."))
    refusal = first(attributions, stance="refusal")
    if refusal is not None:
        points.append(f"<b>{esc(refusal['cue'])}</b> is a <i>refusal</i>: a source that was "
                      "asked and did not answer.")
    verification = first(hedges, category="verification")
    if verification is not None:
        points.append(f"<b>{esc(verification['hedge_cue'])}</b> is a <i>verification</i> "
                      f"hedge in the {esc(verification['voice'])} voice: the claim was "
                      "passed on unchecked.")
    approximator = first(hedges, category="approximator")
    if approximator is not None:
        points.append(f"<b>{esc(approximator['hedge_cue'])}</b> is an <i>approximator</i>: "
                      "a number given as a rough figure.")
    if not points:
        return ("<p>The detectors found no attribution, quote or hedge to point out in this "
                "article. Try another one: <code>example = articles.iloc[1]</code>.</p>")
    return "<ul>" + "".join(f"<li>{p}</li>" for p in points) + "</ul>"
