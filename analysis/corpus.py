"""Corpus-level tables: one tidy DataFrame per record type, and one profile row per article.

Every table is keyed by ``article_id`` and has a ``field`` column (``"title"`` or
``"text"``: headlines are analysed too). Spans become integer ``<name>_start`` /
``<name>_end`` columns; no column repeats a name of the article table. Articles whose
``language`` is known and not English are not analysed: they get no records and an
empty profile row with a ``note`` saying why.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import lru_cache

import pandas as pd

from analysis import audit as _audit
from analysis import engines as _engines
from analysis.document import Document, analyse
from analysis.hedging import CATEGORIES
from analysis.records import AFFILIATIONS
from analysis.text import count_words

FIELDS = ("title", "text")


@lru_cache(maxsize=4096)
def _document(text: str) -> Document:
    """A cached ``Document``, so that asking for several tables analyses a text once."""
    return analyse(text)


def _as_articles(articles: pd.DataFrame | str | Iterable[str]) -> pd.DataFrame:
    """Accept an article table, one text, or a list of texts."""
    if isinstance(articles, pd.DataFrame):
        return articles
    texts = [articles] if isinstance(articles, str) else list(articles)
    return pd.DataFrame(
        {"article_id": [f"text{i}" for i in range(len(texts))], "title": "", "text": texts}
    )


def is_english(language: object) -> bool:
    """True when ``language`` is English or unknown (the detectors are English-only)."""
    if pd.isna(language) or str(language) == "":
        return True
    return str(language).lower().startswith("en")


def _fields(articles: pd.DataFrame) -> Iterator[tuple[str, str, Document]]:
    """Yield ``(article_id, field, document)`` for every English title and text."""
    languages = articles["language"] if "language" in articles else [None] * len(articles)
    for article_id, title, text, language in zip(
        articles["article_id"], articles.get("title", [""] * len(articles)),
        articles["text"], languages, strict=True,
    ):
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


def quotes(
    articles: pd.DataFrame, engine: str = "pandas", **options: object
) -> pd.DataFrame:
    """One row per quote: span, words inside the marks, kind, speaker, rule."""
    if engine != "pandas" or options or _engines.needs_engine(articles):
        return _engines.run("quotes", articles, engine, **options)
    rows = [
        {
            "article_id": article_id, "field": field,
            "quote_start": q.span[0], "quote_end": q.span[1], "quote_text": q.text,
            "quote_kind": q.kind, "speaker": q.speaker, "speaker_type": q.speaker_type,
            "quote_words": count_words(q.text), "rule": q.rule,
        }
        for article_id, field, doc in _fields(_as_articles(articles))
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


def attributions(
    articles: pd.DataFrame, engine: str = "pandas", **options: object
) -> pd.DataFrame:
    """One row per attribution: cue, stance, source, content span, kind, rule.

    ``gender``, ``gender_evidence`` and ``affiliation`` describe the source (see
    ``sources``); missing when the attribution has no resolved source.

    ``content_start`` / ``content_end`` cover all content pieces (first start, last end);
    ``nested`` marks reported speech inside another attribution's content ("X said
    that experts believe ...").
    """
    if engine != "pandas" or options or _engines.needs_engine(articles):
        return _engines.run("attributions", articles, engine, **options)
    rows = []
    for article_id, field, doc in _fields(_as_articles(articles)):
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


def sources(
    articles: pd.DataFrame, engine: str = "pandas", **options: object
) -> pd.DataFrame:
    """One row per distinct source per article and field, in order of first mention.

    ``gender`` (``female``, ``male``, ``unknown``; missing for organisations, media,
    documents and groups) and ``gender_evidence`` (``honorific``, ``role_word``,
    ``pronoun``, ``first_name``; missing when unknown) come from ``analysis.gender``;
    ``affiliation`` (one of ``analysis.records.AFFILIATIONS``) from
    ``analysis.affiliation``.
    """
    if engine != "pandas" or options or _engines.needs_engine(articles):
        return _engines.run("sources", articles, engine, **options)
    rows = [
        {
            "article_id": article_id, "field": field, "source": s.name,
            "source_type": s.source_type, "role": s.role, "mentions": s.mentions,
            "n_attributions": s.attributions, "words_quoted": s.words_quoted,
            "gender": s.gender, "gender_evidence": s.gender_evidence,
            "affiliation": s.affiliation,
        }
        for article_id, field, doc in _fields(_as_articles(articles))
        for s in doc.sources
    ]
    return _table(rows, SOURCE_COLUMNS)


HEDGE_COLUMNS = {
    "article_id": "string", "field": "string", "hedge_start": "int64", "hedge_end": "int64",
    "hedge_cue": "string", "category": "string", "voice": "string",
    "sentence_start": "int64", "sentence_end": "int64", "rule": "string",
}


def hedges(
    articles: pd.DataFrame, engine: str = "pandas", **options: object
) -> pd.DataFrame:
    """One row per hedge: cue, span, category, voice, sentence span, rule."""
    if engine != "pandas" or options or _engines.needs_engine(articles):
        return _engines.run("hedges", articles, engine, **options)
    rows = [
        {
            "article_id": article_id, "field": field,
            "hedge_start": h.span[0], "hedge_end": h.span[1], "hedge_cue": h.cue,
            "category": h.category, "voice": h.voice,
            "sentence_start": h.sentence_span[0], "sentence_end": h.sentence_span[1],
            "rule": h.rule,
        }
        for article_id, field, doc in _fields(_as_articles(articles))
        for h in doc.hedges
    ]
    return _table(rows, HEDGE_COLUMNS)


BOOSTER_COLUMNS = {
    "article_id": "string", "field": "string", "booster_start": "int64",
    "booster_end": "int64", "booster_cue": "string", "voice": "string",
    "negated": "bool", "rule": "string",
}


def boosters(
    articles: pd.DataFrame, engine: str = "pandas", **options: object
) -> pd.DataFrame:
    """One row per booster: cue, span, voice, whether it is negated, rule."""
    if engine != "pandas" or options or _engines.needs_engine(articles):
        return _engines.run("boosters", articles, engine, **options)
    rows = [
        {
            "article_id": article_id, "field": field,
            "booster_start": b.span[0], "booster_end": b.span[1], "booster_cue": b.cue,
            "voice": b.voice, "negated": b.negated, "rule": b.rule,
        }
        for article_id, field, doc in _fields(_as_articles(articles))
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
    spoken = [q for q in doc.quotes if q.kind in ("direct", "partial")]
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


def profile(
    articles: pd.DataFrame, engine: str = "pandas", **options: object
) -> pd.DataFrame:
    """One row of measures per article, computed on the body ``text``.

    Formulas (``spoken`` = direct and partial quotes; ratios are NaN when the
    denominator is 0):

    - ``n_words``: word tokens of ``text`` (``analysis.text.WORD_PATTERN``)
    - ``n_quotes``: number of spoken quotes
    - ``quote_share``: characters inside the marks of spoken quotes / ``len(text)``
    - ``quotes_per_100_words``: 100 * ``n_quotes`` / ``n_words``
    - ``n_attributions``: attributions found
    - ``n_sources``, ``n_named_sources``, ``n_anonymous_sources``: distinct sources, all
      / ``named_person`` / ``anonymous``
    - ``share_anonymous``: ``n_anonymous_sources`` / ``n_sources``
    - ``share_distancing``: attributions with stance ``distancing`` / ``n_attributions``
    - ``n_refusals``: attributions with stance ``refusal``
    - ``source_diversity``: Shannon entropy (bits) of attributions over distinct
      resolved sources; 0 when one source carries the story
    - ``top_source_share``: attributions of the most cited source / attributions with
      a resolved source
    - ``n_hedges``, ``hedges_per_100_words`` (100 * ``n_hedges`` / ``n_words``),
      ``n_verification`` (hedges of category ``verification``)
    - ``hedged_sentence_share``: sentences holding a hedge that is not an
      ``approximator`` / all sentences
    - ``n_hedges_reporter`` / ``_quoted`` / ``_reported``: hedges by voice
    - ``n_boosters``: certainty markers
    - ``n_hedges_<category>``: hedges of each category in ``analysis.hedging.CATEGORIES``
    - ``n_female_sources``, ``n_male_sources``: distinct sources of that ``gender``
    - ``share_female_sources``: ``n_female_sources`` / (``n_female_sources`` +
      ``n_male_sources``)
    - ``share_female_quoted_words``: words quoted from female sources / words quoted
      from sources of known gender (``words_quoted`` of ``sources``)
    - ``share_official_sources``: sources affiliated ``government_politics`` or
      ``public_agency_justice`` / ``n_sources``
    - ``n_sources_<affiliation>``: distinct sources of each affiliation in
      ``analysis.records.AFFILIATIONS``
    - ``title_cue``, ``title_stance``: the first attribution cue of the headline
    - ``note``: why an article was not analysed (non-English), else missing

    Engines (``analysis.engines``): ``"pandas"`` (default) computes here;
    ``"processes"`` and ``"dask"`` run this same function on pieces of the corpus
    (``jobs=``, ``chunk_size=``, ``npartitions=``); ``"dask"`` returns a lazy Dask
    DataFrame. ``articles`` may also be ``pathlib.Path`` paths (or, for those two
    engines, path or glob strings) or a Dask DataFrame.
    """
    if engine != "pandas" or options or _engines.needs_engine(articles):
        return _engines.run("profile", articles, engine, **options)
    articles = _as_articles(articles)
    rows = []
    languages = articles["language"] if "language" in articles else [None] * len(articles)
    titles = articles["title"] if "title" in articles else [""] * len(articles)
    for article_id, title, text, language in zip(
        articles["article_id"], titles, articles["text"], languages, strict=True
    ):
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


def standards(articles: pd.DataFrame | str | Iterable[str]) -> pd.DataFrame:
    """The editorial-standards audit: one row per article (``analysis.audit``).

    Columns (flags are missing for non-English articles, which get a ``note``):

    - ``n_sources``: distinct sources of the body
    - ``n_anonymous_explained`` / ``n_anonymous_unexplained``: anonymous sources (one
      unnamed person, or a group of insiders) with / without a reason for anonymity in a
      sentence that cites them (``lexicons/anonymity.tsv``)
    - ``response_sought``: a refusal to comment or a right-of-reply phrase
      (``lexicons/responses.tsv``)
    - ``single_source``: ``n_sources`` == 1; ``dominant_source``: ``top_source_share``
      >= ``analysis.audit.DOMINANT_SHARE`` (0.5); ``top_source``: that source
    - ``verification_disclaimer``: a body hedge of category ``verification``
    - ``headline_distancing``: a headline attribution with stance ``distancing``
    - ``<flag>_evidence``, ``<flag>_start``, ``<flag>_end``: the words that decided each
      flag and their span in the body (in the headline for ``headline_distancing``)

    ``n_unattributed_claim_sentences`` is out of scope (see ``analysis.audit``).
    """
    articles = _as_articles(articles)
    titles = articles["title"] if "title" in articles else [""] * len(articles)
    languages = articles["language"] if "language" in articles else [None] * len(articles)
    rows = []
    for article_id, title, text, language in zip(
        articles["article_id"], titles, articles["text"], languages, strict=True
    ):
        row: dict[str, object] = {"article_id": str(article_id), "note": None}
        if is_english(language):
            row.update(_audit.audit(_document(title if isinstance(title, str) else ""),
                                    _document(text if isinstance(text, str) else "")))
        else:
            row["note"] = f"not analysed: language {language!r}; the detectors are English-only"
        rows.append(row)
    return _table(rows, STANDARDS_COLUMNS)
