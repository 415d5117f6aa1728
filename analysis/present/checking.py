"""Record tables laid out for checking by hand: each row carries its story and sentence.

``for_checking(records, articles)`` adds to any record table of ``analysis.quotes``,
``attributions``, ``hedges`` or ``boosters`` the article's ``title``, ``outlet`` and
``date``, the ``sentence`` that holds the record, and an empty ``correct?`` column, so a
reader can judge each row in a spreadsheet without joining tables. ``sources`` (one row
per distinct source, no span) gets the article columns and ``correct?``.

>>> import analysis, pandas
>>> articles = pandas.DataFrame({"article_id": ["a1"], "title": ["Minister quits"],
...                              "text": ["She said she was tired. It rained."]})
>>> table = for_checking(analysis.attributions(articles), articles)
>>> table.loc[0, "sentence"]
'She said she was tired.'
"""

from __future__ import annotations

import pandas as pd

from analysis.nlp.text import sentence_spans

ARTICLE_COLUMNS = ("title", "outlet", "date")
CHECK_COLUMN = "correct?"
# record table -> the column prefix of the span that places it in its sentence
SPAN_PREFIXES = ("quote", "cue", "hedge", "booster")


def span_prefix(records: pd.DataFrame) -> str | None:
    """``quote``, ``cue``, ``hedge`` or ``booster``: the span a record table is keyed by."""
    for prefix in SPAN_PREFIXES:
        if f"{prefix}_start" in records:
            return prefix
    return None


def _sentences(records: pd.DataFrame, articles: pd.DataFrame, prefix: str) -> list[str]:
    """The sentence around each record's span (headline or body, as ``field`` says)."""
    texts = articles.set_index(articles["article_id"].astype("string"))
    cache: dict[tuple[str, str], tuple[str, list[tuple[int, int]]]] = {}
    found = []
    for article_id, field, start in zip(records["article_id"].astype("string"),
                                        records.get("field", pd.Series("text",
                                                                       index=records.index)),
                                        records[f"{prefix}_start"], strict=True):
        key = (str(article_id), str(field))
        if key not in cache:
            text = texts[field].get(article_id) if field in texts else None
            text = text if isinstance(text, str) else ""
            cache[key] = (text, sentence_spans(text))
        text, spans = cache[key]
        position = int(start) if pd.notna(start) else -1
        found.append(next((text[s:e] for s, e in spans if s <= position < e), ""))
    return found


def for_checking(records: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """``records`` with ``title``, ``outlet``, ``date``, ``sentence`` and ``correct?`` first.

    ``date`` is the publication date as ``YYYY-MM-DD`` (empty when unknown).
    """
    table = records.copy()
    table["article_id"] = table["article_id"].astype("string")
    info = pd.DataFrame({"article_id": articles["article_id"].astype("string")})
    for column in ("title", "outlet"):
        info[column] = articles[column].astype("string") if column in articles else pd.NA
    published = articles["published"] if "published" in articles else \
        pd.Series(pd.NaT, index=articles.index)
    info["date"] = pd.to_datetime(published, utc=True, errors="coerce") \
        .dt.strftime("%Y-%m-%d").astype("string")
    table = table.merge(info, on="article_id", how="left")
    front = ["article_id", *ARTICLE_COLUMNS]
    prefix = span_prefix(records)
    if prefix and len(table):
        table["sentence"] = pd.Series(_sentences(table, articles, prefix), index=table.index,
                                      dtype="string")
        front.append("sentence")
    elif prefix:
        table["sentence"] = pd.Series(dtype="string")
        front.append("sentence")
    table[CHECK_COLUMN] = ""
    rest = [c for c in table.columns if c not in front and c != CHECK_COLUMN]
    return table[[*front, *rest, CHECK_COLUMN]]
