"""Corpus-level tables: one tidy DataFrame per record type, and one profile row per article.

Every table is keyed by ``article_id`` and has a ``field`` column (``"title"`` or
``"text"``: headlines are analysed too). Spans become integer ``<name>_start`` /
``<name>_end`` columns; no column repeats a name of the article table. Articles whose
``language`` is known and not English are not analysed: they get no records and an
empty profile row with a ``note`` saying why.

These are the plain table functions: an article table (``article_id``, ``text``,
optionally ``title`` and ``language``) in, a DataFrame out, in this process. The public
functions (``analysis.quotes``..., in ``analysis.api``) choose an engine and run these
through it (``analysis.scale.engines``).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cache, lru_cache

import pandas as pd

from analysis.detect import audit as _audit
from analysis.detect.document import Document, analyse
from analysis.detect.hedging import CATEGORIES
from analysis.loading.language import is_english
from analysis.nlp.text import count_words
from analysis.records import AFFILIATIONS, SPOKEN_KINDS

FIELDS = ("title", "text")
#: The tables every engine builds, each a function of this module of the same name.
TABLES = ("profile", "quotes", "attributions", "sources", "hedges", "boosters")
#: Articles analysed per call of a table function in ``analyse_tables``: small enough
#: that the Documents of a batch stay in the cache while all tables are built from them.
BATCH = 1000


@lru_cache(maxsize=4096)
def _document(text: str) -> Document:
    """A cached ``Document``, so that asking for several tables analyses a text once."""
    return analyse(text)


def as_articles(articles: pd.DataFrame | str | Iterable[str]) -> pd.DataFrame:
    """An article table from an article table (returned as is), one text, or a list of
    texts (``article_id`` ``text0``, ``text1``..., empty ``title``)."""
    if isinstance(articles, pd.DataFrame):
        return articles
    texts = [articles] if isinstance(articles, str) else list(articles)
    return pd.DataFrame(
        {"article_id": [f"text{i}" for i in range(len(texts))], "title": "", "text": texts}
    )


def _rows(articles: pd.DataFrame) -> Iterator[tuple[object, object, object, object]]:
    """``(article_id, title, text, language)`` of each article, in order; ``""`` for a
    table without titles, None without languages. Each column is read into a list at
    once: iterating an Arrow-backed column makes each value in Python, several times
    slower."""
    n = len(articles)
    titles = articles["title"].tolist() if "title" in articles else [""] * n
    languages = articles["language"].tolist() if "language" in articles else [None] * n
    return zip(articles["article_id"].tolist(), titles, articles["text"].tolist(), languages,
               strict=True)


def _fields(articles: pd.DataFrame) -> Iterator[tuple[str, str, Document]]:
    """Yield ``(article_id, field, document)`` for every English title and text."""
    for article_id, title, text, language in _rows(articles):
        if not is_english(language):
            continue
        for field, value in zip(FIELDS, (title, text), strict=True):
            if isinstance(value, str) and value.strip():
                yield str(article_id), field, _document(value)


def _table(rows: list[dict], columns: dict[str, str]) -> pd.DataFrame:
    """A DataFrame with the given columns and dtypes, also when there are no rows."""
    frame = pd.DataFrame(rows, columns=list(columns))
    return frame.astype(columns)


QUOTE_COLUMNS = {
    "article_id": "string", "field": "string", "quote_start": "int64", "quote_end": "int64",
    "quote_text": "string", "quote_kind": "string", "speaker": "string",
    "speaker_type": "string", "quote_words": "int64", "rule": "string",
}


def quotes(articles: pd.DataFrame) -> pd.DataFrame:
    """Table ``quotes`` of an article table (columns ``QUOTE_COLUMNS``; see
    ``analysis.detect.quotes``)."""
    rows = [
        {
            "article_id": article_id, "field": field,
            "quote_start": q.span[0], "quote_end": q.span[1], "quote_text": q.text,
            "quote_kind": q.kind, "speaker": q.speaker, "speaker_type": q.speaker_type,
            "quote_words": count_words(q.text), "rule": q.rule,
        }
        for article_id, field, doc in _fields(articles)
        for q in doc.quotes
    ]
    return _table(rows, QUOTE_COLUMNS)


ATTRIBUTION_COLUMNS = {
    "article_id": "string", "field": "string", "cue": "string", "cue_lemma": "string",
    "cue_class": "string", "cue_start": "int64", "cue_end": "int64", "stance": "string",
    "source_text": "string", "source_start": "Int64", "source_end": "Int64",
    "source": "string", "source_type": "string", "role": "string", "addressee": "string",
    "content": "string", "content_start": "Int64", "content_end": "Int64",
    "attribution_kind": "string", "nested": "bool", "rule": "string",
    "gender": "string", "gender_evidence": "string", "affiliation": "string",
}


def attributions(articles: pd.DataFrame) -> pd.DataFrame:
    """Table ``attributions`` (columns ``ATTRIBUTION_COLUMNS``; see ``analysis.attributions``)."""
    rows = []
    for article_id, field, doc in _fields(articles):
        for a in doc.attributions:
            source_start, source_end = a.source_span or (None, None)
            pieces = a.content_spans
            rows.append(
                {
                    "article_id": article_id, "field": field, "cue": a.cue,
                    "cue_lemma": a.cue_lemma, "cue_class": a.cue_class,
                    "cue_start": a.cue_span[0], "cue_end": a.cue_span[1],
                    "stance": a.stance, "source_text": a.source_text,
                    "source_start": source_start, "source_end": source_end,
                    "source": a.source, "source_type": a.source_type, "role": a.role,
                    "addressee": a.addressee, "content": a.content,
                    "content_start": pieces[0][0] if pieces else None,
                    "content_end": pieces[-1][1] if pieces else None,
                    "attribution_kind": a.kind, "nested": a.nested, "rule": a.rule,
                    "gender": a.gender, "gender_evidence": a.gender_evidence,
                    "affiliation": a.affiliation,
                }
            )
    return _table(rows, ATTRIBUTION_COLUMNS)


SOURCE_COLUMNS = {
    "article_id": "string", "field": "string", "source": "string", "source_type": "string",
    "role": "string", "mentions": "int64", "n_attributions": "int64",
    "words_quoted": "int64", "gender": "string", "gender_evidence": "string",
    "affiliation": "string",
}


def sources(articles: pd.DataFrame) -> pd.DataFrame:
    """Table ``sources`` (columns ``SOURCE_COLUMNS``; see ``analysis.detect.sources``)."""
    rows = [
        {
            "article_id": article_id, "field": field, "source": s.name,
            "source_type": s.source_type, "role": s.role, "mentions": s.mentions,
            "n_attributions": s.attributions, "words_quoted": s.words_quoted,
            "gender": s.gender, "gender_evidence": s.gender_evidence,
            "affiliation": s.affiliation,
        }
        for article_id, field, doc in _fields(articles)
        for s in doc.sources
    ]
    return _table(rows, SOURCE_COLUMNS)


HEDGE_COLUMNS = {
    "article_id": "string", "field": "string", "hedge_start": "int64", "hedge_end": "int64",
    "hedge_cue": "string", "category": "string", "voice": "string",
    "sentence_start": "int64", "sentence_end": "int64", "rule": "string",
}


def hedges(articles: pd.DataFrame) -> pd.DataFrame:
    """Table ``hedges`` (columns ``HEDGE_COLUMNS``; see ``analysis.hedges``)."""
    rows = [
        {
            "article_id": article_id, "field": field,
            "hedge_start": h.span[0], "hedge_end": h.span[1], "hedge_cue": h.cue,
            "category": h.category, "voice": h.voice,
            "sentence_start": h.sentence_span[0], "sentence_end": h.sentence_span[1],
            "rule": h.rule,
        }
        for article_id, field, doc in _fields(articles)
        for h in doc.hedges
    ]
    return _table(rows, HEDGE_COLUMNS)


BOOSTER_COLUMNS = {
    "article_id": "string", "field": "string", "booster_start": "int64",
    "booster_end": "int64", "booster_cue": "string", "voice": "string",
    "negated": "bool", "rule": "string",
}


def boosters(articles: pd.DataFrame) -> pd.DataFrame:
    """Table ``boosters`` (columns ``BOOSTER_COLUMNS``; see ``analysis.boosters``)."""
    rows = [
        {
            "article_id": article_id, "field": field,
            "booster_start": b.span[0], "booster_end": b.span[1], "booster_cue": b.cue,
            "voice": b.voice, "negated": b.negated, "rule": b.rule,
        }
        for article_id, field, doc in _fields(articles)
        for b in doc.boosters
    ]
    return _table(rows, BOOSTER_COLUMNS)


def _ratio(numerator: float, denominator: float) -> float:
    return numerator / denominator if denominator else math.nan


def shannon_entropy(counts: Iterable[int]) -> float:
    """Shannon entropy in bits of a distribution given as counts (0.0 for one value)."""
    counts = [c for c in counts if c > 0]
    total = sum(counts)
    if not total:
        return math.nan
    return -sum((c / total) * math.log2(c / total) for c in counts) + 0.0


def profile_text(text: str | Document) -> dict[str, float | int | str | None]:
    """The profile measures of one body text (see ``profile`` for the formulas)."""
    doc = analyse(text) if not isinstance(text, Document) else text
    n_words = count_words(doc.text)
    spoken = [q for q in doc.quotes if q.kind in SPOKEN_KINDS]
    attrs = doc.attributions
    srcs = doc.sources
    per_source = Counter(a.source for a in attrs if a.source)
    hedge_list = doc.hedges
    hedged_sentences = {h.sentence_span for h in hedge_list if h.category != "approximator"}
    row: dict[str, float | int | str | None] = {
        "n_words": n_words,
        "n_quotes": len(spoken),
        "quote_share": _ratio(sum(len(q.text) for q in spoken), len(doc.text)),
        "quotes_per_100_words": _ratio(100 * len(spoken), n_words),
        "n_attributions": len(attrs),
        "n_sources": len(srcs),
        "n_named_sources": sum(s.source_type == "named_person" for s in srcs),
        "n_anonymous_sources": sum(s.source_type == "anonymous" for s in srcs),
        "share_anonymous": _ratio(sum(s.source_type == "anonymous" for s in srcs), len(srcs)),
        "share_distancing": _ratio(sum(a.stance == "distancing" for a in attrs), len(attrs)),
        "n_refusals": sum(a.stance == "refusal" for a in attrs),
        "source_diversity": shannon_entropy(per_source.values()),
        "top_source_share": _ratio(max(per_source.values(), default=0), sum(per_source.values())),
        "n_hedges": len(hedge_list),
        "hedges_per_100_words": _ratio(100 * len(hedge_list), n_words),
        "n_verification": sum(h.category == "verification" for h in hedge_list),
        "hedged_sentence_share": _ratio(len(hedged_sentences), len(doc.sentences)),
        "n_hedges_reporter": sum(h.voice == "reporter" for h in hedge_list),
        "n_hedges_quoted": sum(h.voice == "quoted" for h in hedge_list),
        "n_hedges_reported": sum(h.voice == "reported" for h in hedge_list),
        "n_boosters": len(doc.boosters),
    }
    for category in CATEGORIES:
        row[f"n_hedges_{category}"] = sum(h.category == category for h in hedge_list)
    row.update(who_is_cited(srcs))
    return row


#: Affiliations counted as official sources (Sigal 1973: officials of the state).
OFFICIAL = ("government_politics", "public_agency_justice")


def who_is_cited(srcs: list) -> dict[str, float | int]:
    """Gender and affiliation measures over the distinct sources ``srcs`` of one text.

    ``n_female_sources`` / ``n_male_sources``: sources of that gender;
    ``share_female_sources``: female / (female + male); ``share_female_quoted_words``:
    words quoted from female sources / words quoted from sources of known gender;
    ``share_official_sources``: sources affiliated ``government_politics`` or
    ``public_agency_justice`` / all sources; ``n_sources_<affiliation>`` for each of
    ``analysis.records.AFFILIATIONS``. Ratios are NaN when the denominator is 0.
    """
    female = [s for s in srcs if s.gender == "female"]
    male = [s for s in srcs if s.gender == "male"]
    words_female = sum(s.words_quoted for s in female)
    words_known = words_female + sum(s.words_quoted for s in male)
    row: dict[str, float | int] = {
        "n_female_sources": len(female),
        "n_male_sources": len(male),
        "share_female_sources": _ratio(len(female), len(female) + len(male)),
        "share_female_quoted_words": _ratio(words_female, words_known),
        "share_official_sources": _ratio(sum(s.affiliation in OFFICIAL for s in srcs),
                                         len(srcs)),
    }
    for label in AFFILIATIONS:
        row[f"n_sources_{label}"] = sum(s.affiliation == label for s in srcs)
    return row


def profile(articles: pd.DataFrame) -> pd.DataFrame:
    """Table ``profile``: one row of measures per article (formulas: ``analysis.profile``)."""
    rows = []
    for article_id, title, text, language in _rows(articles):
        if not is_english(language):
            rows.append(
                {
                    "article_id": str(article_id),
                    "note": f"not analysed: language {language!r}; the detectors are English-only",
                }
            )
            continue
        row = {"article_id": str(article_id)}
        row.update(profile_text(_document(text if isinstance(text, str) else "")))
        title_attrs = _document(title).attributions if isinstance(title, str) and title else []
        row["title_cue"] = title_attrs[0].cue if title_attrs else None
        row["title_stance"] = title_attrs[0].stance if title_attrs else None
        row["note"] = None
        rows.append(row)
    columns = ["article_id", *profile_text("").keys(), "title_cue", "title_stance", "note"]
    frame = pd.DataFrame(rows, columns=columns)
    for column in ("article_id", "title_cue", "title_stance", "note"):
        frame[column] = frame[column].astype("string")
    counts = [c for c in columns if c.startswith("n_")]
    frame[counts] = frame[counts].astype("Int64")
    ratios = [c for c in columns if c not in counts and c not in
              ("article_id", "title_cue", "title_stance", "note")]
    frame[ratios] = frame[ratios].astype("float64")
    return frame


STANDARDS_COLUMNS = {
    "article_id": "string", "n_sources": "Int64",
    "n_anonymous_explained": "Int64", "n_anonymous_unexplained": "Int64",
    **{f"{flag}_{part}": dtype for flag in _audit.EVIDENCE_FLAGS[:2]
       for part, dtype in (("evidence", "string"), ("start", "Int64"), ("end", "Int64"))},
    "response_sought": "boolean",
    **{f"response_sought_{part}": dtype
       for part, dtype in (("evidence", "string"), ("start", "Int64"), ("end", "Int64"))},
    "single_source": "boolean", "dominant_source": "boolean", "top_source": "string",
    "top_source_share": "float64",
    "verification_disclaimer": "boolean",
    **{f"verification_disclaimer_{part}": dtype
       for part, dtype in (("evidence", "string"), ("start", "Int64"), ("end", "Int64"))},
    "headline_distancing": "boolean",
    **{f"headline_distancing_{part}": dtype
       for part, dtype in (("evidence", "string"), ("start", "Int64"), ("end", "Int64"))},
    "note": "string",
}


def standards(articles: pd.DataFrame) -> pd.DataFrame:
    """Table ``standards``: one audit row per article (columns: ``analysis.standards``)."""
    rows = []
    for article_id, title, text, language in _rows(articles):
        row: dict[str, object] = {"article_id": str(article_id), "note": None}
        if is_english(language):
            row.update(_audit.audit(_document(title if isinstance(title, str) else ""),
                                    _document(text if isinstance(text, str) else "")))
        else:
            row["note"] = f"not analysed: language {language!r}; the detectors are English-only"
        rows.append(row)
    return _table(rows, STANDARDS_COLUMNS)


def analyse_tables(
    articles: pd.DataFrame, names: Sequence[str] = TABLES, *, batch: int = BATCH
) -> dict[str, pd.DataFrame]:
    """All tables ``names`` of ``articles``, each text analysed once.

    The articles go through the table functions ``batch`` rows at a time, so the cached
    ``Document`` of each text is shared by all tables; the result equals calling each
    function on all of ``articles``. Raises ``ValueError`` for a name not in ``TABLES``.
    """
    functions = {name: table_function(name) for name in names}
    pieces: dict[str, list[pd.DataFrame]] = {name: [] for name in names}
    for start in range(0, len(articles), batch):
        piece = articles.iloc[start : start + batch]
        for name, function in functions.items():
            pieces[name].append(function(piece))
    return {name: concat(frames, name) for name, frames in pieces.items()}


def table_function(name: str) -> Callable[[pd.DataFrame], pd.DataFrame]:
    """The function of this module that builds table ``name`` (one of ``TABLES``)."""
    if name not in TABLES:
        raise ValueError(f"unknown table {name!r}; choose from {', '.join(TABLES)}")
    return globals()[name]


ARTICLE_COLUMNS = {"article_id": "string", "title": "string", "text": "string",
                   "language": "string"}


def empty_articles() -> pd.DataFrame:
    """An article table with no rows and the columns every table function reads."""
    return pd.DataFrame({c: pd.Series(dtype=t) for c, t in ARTICLE_COLUMNS.items()})


@cache
def _empty(name: str) -> pd.DataFrame:
    return table_function(name)(empty_articles())


def empty_table(name: str) -> pd.DataFrame:
    """Table ``name`` with no rows: its columns and dtypes (Dask's ``meta``)."""
    return _empty(name).copy()


def concat(frames: list[pd.DataFrame], name: str) -> pd.DataFrame:
    """Pieces of table ``name`` in order, one 0..n-1 index, dtypes kept also when all are
    empty."""
    frames = [f for f in frames if len(f)]
    if not frames:
        return empty_table(name)
    if len(frames) == 1:
        return frames[0].reset_index(drop=True)
    return pd.concat(frames, ignore_index=True)
