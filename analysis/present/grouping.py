"""``GROUP_BY``: the one column every comparison in the notebooks and reports splits by.

``GROUP_BY`` is ``"outlet"``, ``"section"``, ``"author"``, ``"month"`` (from
``published``), ``"year"``, any other column of the article table, or ``"auto"``: the
first of outlet, section, author and month that has at least two known values in the
corpus (the shipped data: outlet; BBC: section; PolNeAR: outlet). Articles with no value
are kept as ``"(unknown)"`` and shown as such, never dropped without saying so.

>>> import pandas as pd
>>> articles = pd.DataFrame({"article_id": ["a", "b"], "outlet": [pd.NA, pd.NA],
...                          "section": ["sport", "tech"]})
>>> choose(articles, "auto")
'section'
>>> labels(articles, "section").tolist()
['sport', 'tech']
"""

from __future__ import annotations

import pandas as pd

UNKNOWN = "(unknown)"
AUTO_ORDER = ("outlet", "section", "author", "month")
DERIVED = {"month": "%Y-%m", "year": "%Y"}


def labels(articles: pd.DataFrame, by: str) -> pd.Series:
    """The group of each article under ``by`` as text; missing values ``"(unknown)"``."""
    if by in DERIVED:
        if "published" not in articles:
            return pd.Series(UNKNOWN, index=articles.index, dtype="string")
        stamps = pd.to_datetime(articles["published"], utc=True, errors="coerce")
        return stamps.dt.strftime(DERIVED[by]).astype("string").fillna(UNKNOWN)
    if by not in articles:
        raise KeyError(f"GROUP_BY {by!r} is not a column of the articles "
                       f"(columns: {', '.join(map(str, articles.columns))}; or month, year)")
    values = articles[by].astype("string").str.strip()
    return values.where(values.fillna("") != "", pd.NA).fillna(UNKNOWN)


def n_known(articles: pd.DataFrame, by: str) -> int:
    """How many distinct known values ``by`` has in ``articles``."""
    try:
        values = labels(articles, by)
    except KeyError:
        return 0
    return int(values[values != UNKNOWN].nunique())


def choose(articles: pd.DataFrame, by: str = "auto") -> str:
    """``by`` itself, or for ``"auto"`` the first of ``AUTO_ORDER`` with two known values
    (``"outlet"`` when none has)."""
    if by != "auto":
        labels(articles, by)  # raises a clear error for an unknown column
        return by
    return next((c for c in AUTO_ORDER if n_known(articles, c) >= 2), "outlet")


def with_group(table: pd.DataFrame, articles: pd.DataFrame, by: str,
               name: str = "group") -> pd.DataFrame:
    """``table`` (keyed by ``article_id``) with a ``group`` column for ``by``."""
    groups = pd.DataFrame({"article_id": articles["article_id"].astype("string"),
                           name: labels(articles, by).to_numpy()})
    left = table.drop(columns=[name], errors="ignore").copy()
    left["article_id"] = left["article_id"].astype("string")
    merged = left.merge(groups, on="article_id", how="left")
    merged[name] = merged[name].astype("string").fillna(UNKNOWN)
    return merged


def describe(articles: pd.DataFrame, by: str) -> str:
    """One sentence: how many groups, their sizes, and the articles without a value."""
    values = labels(articles, by)
    counts = values[values != UNKNOWN].value_counts()
    unknown = int((values == UNKNOWN).sum())
    if counts.empty:
        return (f"No article has a {by}: every comparison by {by} has one group, "
                f'"{UNKNOWN}". Set GROUP_BY to another column, or add a metadata.csv.')
    sizes = f"{int(counts.min())} to {int(counts.max())}" \
        if counts.min() != counts.max() else f"{int(counts.iloc[0])}"
    text = (f"Grouped by {by}: {len(counts)} group{'s' if len(counts) != 1 else ''} "
            f"of {sizes} articles")
    if unknown:
        text += f"; {unknown} article{'s' if unknown != 1 else ''} with no {by} " \
                f'form the group "{UNKNOWN}"'
    return text + "."
