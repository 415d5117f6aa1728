"""The public table functions: each chooses an engine and builds its table through it.

``analysis.detect.quotes``, ``attributions``, ``sources``, ``hedges``, ``boosters`` and
``profile`` take ``articles`` and an ``engine`` with its options, and hand them to
``analysis.scale.engines.run``, which runs the plain table function of the same name in
``analysis.tables.corpus`` where the engine says; ``standards`` runs in this process. Nothing
below this module imports it (``tests/test_architecture.py``).

``articles``: an article table (``article_id``, ``text``, optionally ``title`` and
``language``; ``analysis.load_articles`` gives one), one text or a list of texts (ids
``text0``, ``text1``...), ``pathlib.Path`` paths, or a Dask DataFrame of articles.

Engines (``analysis.scale.engines``): ``"pandas"`` (default) computes in this process and
returns a pandas DataFrame; ``"processes"`` runs the same function on pieces of the
corpus in local processes (``jobs=``, ``chunk_size=``); ``"dask"`` returns a lazy Dask
DataFrame (``chunk_size=``, ``npartitions=``). For those two a ``str`` is a path or glob,
not a text. An unknown engine or option raises ``ValueError`` / ``TypeError``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import pandas as pd

from analysis.scale import engines
from analysis.tables import corpus

if TYPE_CHECKING:  # pragma: no cover
    import dask.dataframe as dd


def quotes(
    articles: pd.DataFrame, engine: str = "pandas", **options: object
) -> pd.DataFrame | dd.DataFrame:
    """One row per quote: span, words inside the marks, kind, speaker, rule."""
    return engines.run("quotes", articles, engine, **options)


def attributions(
    articles: pd.DataFrame, engine: str = "pandas", **options: object
) -> pd.DataFrame | dd.DataFrame:
    """One row per attribution: cue, stance, source, content span, kind, rule.

    ``gender``, ``gender_evidence`` and ``affiliation`` describe the source (see
    ``sources``); missing when the attribution has no resolved source.

    ``content_start`` / ``content_end`` cover all content pieces (first start, last end);
    ``nested`` marks reported speech inside another attribution's content ("X said
    that experts believe ...").
    """
    return engines.run("attributions", articles, engine, **options)


def sources(
    articles: pd.DataFrame, engine: str = "pandas", **options: object
) -> pd.DataFrame | dd.DataFrame:
    """One row per distinct source per article and field, in order of first mention.

    ``gender`` (``female``, ``male``, ``unknown``; missing for organisations, media,
    documents and groups) and ``gender_evidence`` (``honorific``, ``role_word``,
    ``pronoun``, ``first_name``; missing when unknown) come from ``analysis.detect.gender``;
    ``affiliation`` (one of ``analysis.records.AFFILIATIONS``) from
    ``analysis.detect.affiliation``.
    """
    return engines.run("sources", articles, engine, **options)


def hedges(
    articles: pd.DataFrame, engine: str = "pandas", **options: object
) -> pd.DataFrame | dd.DataFrame:
    """One row per hedge: cue, span, category, voice, sentence span, rule."""
    return engines.run("hedges", articles, engine, **options)


def boosters(
    articles: pd.DataFrame, engine: str = "pandas", **options: object
) -> pd.DataFrame | dd.DataFrame:
    """One row per booster: cue, span, voice, whether it is negated, rule."""
    return engines.run("boosters", articles, engine, **options)


def profile(
    articles: pd.DataFrame, engine: str = "pandas", **options: object
) -> pd.DataFrame | dd.DataFrame:
    """One row of measures per article, computed on the body ``text``.

    Formulas (``spoken`` = direct and partial quotes; ratios are NaN when the
    denominator is 0):

    - ``n_words``: word tokens of ``text`` (``analysis.nlp.text.WORD_PATTERN``)
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
    - ``n_hedges_<category>``: hedges of each category in ``analysis.detect.hedging.CATEGORIES``
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
    """
    return engines.run("profile", articles, engine, **options)


def standards(articles: pd.DataFrame | str | Iterable[str]) -> pd.DataFrame:
    """The editorial-standards audit: one row per article (``analysis.detect.audit``).

    Columns (flags are missing for non-English articles, which get a ``note``):

    - ``n_sources``: distinct sources of the body
    - ``n_anonymous_explained`` / ``n_anonymous_unexplained``: anonymous sources (one
      unnamed person, or a group of insiders) with / without a reason for anonymity in a
      sentence that cites them (``lexicons/anonymity.tsv``)
    - ``response_sought``: a refusal to comment or a right-of-reply phrase
      (``lexicons/responses.tsv``)
    - ``single_source``: ``n_sources`` == 1; ``dominant_source``: ``top_source_share``
      >= ``analysis.detect.audit.DOMINANT_SHARE`` (0.5); ``top_source``: that source
    - ``verification_disclaimer``: a body hedge of category ``verification``
    - ``headline_distancing``: a headline attribution with stance ``distancing``
    - ``<flag>_evidence``, ``<flag>_start``, ``<flag>_end``: the words that decided each
      flag and their span in the body (in the headline for ``headline_distancing``)

    ``n_unattributed_claim_sentences`` is out of scope (see ``analysis.detect.audit``).
    """
    return corpus.standards(corpus.as_articles(articles))
