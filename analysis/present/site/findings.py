"""The findings page: the corpus in plain sentences an editor can paste into a memo.

Every sentence is computed from the tables of the corpus shown ("31 of 150 stories rely on
a single source"), links to the stories behind it, and carries the detector's measured
error (``analysis.present.site.accuracy``). A sentence whose measure the corpus cannot support is
left out or says why; no sentence is fixed text about a particular article. Group
comparisons use ``GROUP_BY`` and only groups of at least ``MIN_GROUP`` articles.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

import pandas as pd

from analysis.present import grouping
from analysis.present.site.accuracy import error_note
from analysis.present.site.articles import article_link
from analysis.present.site.fmt import date, number, percent, plural

MIN_GROUP = 10  # fewer articles than this: no mean, no interval, no comparison


@dataclass
class Finding:
    """One plain-language sentence, the articles behind it and the measured error key."""

    sentence: str
    article_ids: list[str] = field(default_factory=list)
    error: str | None = None


def _ids(frame: pd.DataFrame, mask: pd.Series) -> list[str]:
    return frame.loc[mask.fillna(False).astype(bool), "article_id"].astype(str).tolist()


def _count(profile: pd.DataFrame, column: str, test) -> pd.Series:
    values = pd.to_numeric(profile[column], errors="coerce") if column in profile else \
        pd.Series(float("nan"), index=profile.index)
    return test(values)


def sourcing_findings(profile: pd.DataFrame) -> list[Finding]:
    """Single-source, source-less and dominated stories; anonymous sources; quotes."""
    n = len(profile)
    of_n = f"of {plural(n, 'story', 'stories')}"
    found = []
    single = _count(profile, "n_sources", lambda v: v == 1)
    found.append(Finding(f"{int(single.sum()):,} {of_n} rely on a single source.",
                         _ids(profile, single), "single_source"))
    none = _count(profile, "n_sources", lambda v: v == 0)
    found.append(Finding(f"{int(none.sum()):,} {of_n} cite no source that the detector "
                         "could find.", _ids(profile, none), "sources"))
    several = _count(profile, "n_sources", lambda v: v >= 2)
    dominant = _count(profile, "top_source_share", lambda v: v >= 0.5) & several
    found.append(Finding(f"In {int(dominant.sum()):,} of "
                         f"{plural(int(several.sum()), 'story', 'stories')} with two or more "
                         "sources, one source carries at least half of the attributions.",
                         _ids(profile, dominant), "dominant_source"))
    anonymous = _count(profile, "n_anonymous_sources", lambda v: v > 0)
    total = pd.to_numeric(profile.get("n_sources"), errors="coerce").sum()
    anon_total = pd.to_numeric(profile.get("n_anonymous_sources"), errors="coerce").sum()
    share = f"; they are {percent(anon_total / total)} of all " \
            f"{number(total)} distinct sources" if total else ""
    found.append(Finding(f"{int(anonymous.sum()):,} {of_n} cite at least one unnamed source "
                         "(officials, spokespeople, people familiar with a matter: source "
                         f"type anonymous; the standards audit below counts only those kept "
                         f"anonymous){share}.", _ids(profile, anonymous), "source_type"))
    refusal = _count(profile, "n_refusals", lambda v: v > 0)
    found.append(Finding(f"{int(refusal.sum()):,} {of_n} report that someone declined or "
                         "refused to comment.", _ids(profile, refusal), "cues"))
    headline = profile.get("title_stance", pd.Series(dtype="string")).astype("string") \
        == "distancing"
    found.append(Finding(f"{int(headline.sum()):,} {of_n} put a distancing cue (claims, "
                         "alleges, insists) in the headline.", _ids(profile, headline),
                         "stance"))
    verification = _count(profile, "n_verification", lambda v: v > 0)
    found.append(Finding(f"{int(verification.sum()):,} {of_n} say that a claim could not "
                         "be verified.", _ids(profile, verification), "hedges"))
    unquoted = _count(profile, "n_quotes", lambda v: v == 0)
    quoted = profile.loc[~unquoted.fillna(False).astype(bool), "quote_share"] \
        if "quote_share" in profile else pd.Series(dtype=float)
    median = f"; in the others, a median of {percent(quoted.median())} of the text is " \
             "quotation" if quoted.notna().any() else ""
    found.append(Finding(f"{int(unquoted.sum()):,} {of_n} quote no one directly{median}.",
                         _ids(profile, unquoted), "quotes"))
    return found


def gender_finding(sources: pd.DataFrame) -> Finding | None:
    """Women's share of person sources, when ``analysis.sources`` has ``gender``."""
    if "gender" not in sources or sources.empty:
        return None
    gender = sources["gender"].astype("string")
    known = sources[gender.isin(["female", "male"])]
    if known.empty:
        return Finding("No person source has a gender the text shows.", [], "gender")
    women = int((known["gender"] == "female").sum())
    unknown = int((gender == "unknown").sum())
    return Finding(
        f"Women are {percent(women / len(known))} of person sources whose gender the "
        f"text shows ({women:,} of {len(known):,}); {plural(unknown, 'person source')} "
        "show no gender.", sorted(set(known["article_id"].astype(str))), "gender")


def standards_findings(standards: pd.DataFrame | None) -> list[Finding]:
    """Findings from ``analysis.standards`` (issue 11), for the flags it has."""
    if standards is None or standards.empty:
        return []
    n = len(standards)
    found = []
    if "n_anonymous_unexplained" in standards:
        mask = pd.to_numeric(standards["n_anonymous_unexplained"], errors="coerce") > 0
        found.append(Finding(f"Anonymous sources are unexplained (no reason given for the "
                             f"anonymity) in {int(mask.sum()):,} of "
                             f"{plural(n, 'story', 'stories')}.", _ids(standards, mask),
                             "anonymous_unexplained"))
    if "response_sought" in standards:
        mask = standards["response_sought"].astype("boolean").fillna(False)
        found.append(Finding(f"{int(mask.sum()):,} of {plural(n, 'story', 'stories')} say "
                             "that the people concerned were asked to respond.",
                             _ids(standards, mask), "response_sought"))
    return found


def group_finding(profile: pd.DataFrame, articles: pd.DataFrame, by: str,
                  measure: str = "share_anonymous") -> Finding:
    """The highest and lowest group mean of ``measure``, among groups of ``MIN_GROUP``."""
    grouped = grouping.with_group(profile, articles, by)
    values = pd.to_numeric(grouped[measure], errors="coerce")
    stats = values.groupby(grouped["group"]).agg(["mean", "count"])
    stats = stats[(stats["count"] >= MIN_GROUP) & (stats.index != grouping.UNKNOWN)]
    if len(stats) < 2:
        return Finding(f"No comparison by {by}: fewer than two groups have {MIN_GROUP} or "
                       f"more stories with a value ({grouping.describe(articles, by)})")
    stats = stats.sort_values("mean", kind="stable")
    low, high = stats.index[0], stats.index[-1]
    sentence = (f"By {by}, the average share of anonymous sources per story ranges from "
                f"{percent(stats.loc[low, 'mean'])} ({low}, {int(stats.loc[low, 'count'])} "
                f"stories) to {percent(stats.loc[high, 'mean'])} ({high}, "
                f"{int(stats.loc[high, 'count'])} stories), over {len(stats)} groups of "
                f"{MIN_GROUP} or more stories.")
    ids = _ids(grouped, grouped["group"].isin([low, high]))
    return Finding(sentence, ids, "source_type")


def _stories(ids: list[str], titles: pd.Series) -> str:
    if not ids:
        return ""
    items = "".join(f"<li>{article_link(i, titles.get(i))}</li>" for i in ids)
    return (f"<details><summary>The {plural(len(ids), 'story', 'stories')}</summary>"
            f"<ul>{items}</ul></details>")


def corpus_in_numbers(articles: pd.DataFrame, analysed: int, by: str, copies: int = 0) -> str:
    """The opening paragraph: articles, skips, words, dates, groups; ``copies`` analysed
    articles left out of the findings as exact copies of another."""
    skipped = len(articles.attrs.get("skipped", []))
    words = pd.to_numeric(articles.get("n_words"), errors="coerce").sum()
    dates = pd.to_datetime(articles.get("published"), utc=True, errors="coerce").dropna() \
        if "published" in articles else pd.Series(dtype="datetime64[ns, UTC]")
    span = (f"published {date(dates.min())} to {date(dates.max())}" if len(dates)
            else "with no publication dates")
    dated = f" ({len(dates):,} dated)" if 0 < len(dates) < len(articles) else ""
    text = (f"{plural(len(articles), 'article')} ({number(words)} words), {span}{dated}; "
            f"{plural(skipped, 'record')} could not be loaded. {analysed:,} are in English "
            "and analysed" + (f", counting {plural(copies, 'exact copy', 'exact copies')} of "
                              "another article once" if copies else "") +
            f". {grouping.describe(articles, by)}")
    return f"<p>{html.escape(text)}</p>"


def findings_body(articles: pd.DataFrame, tables: dict[str, pd.DataFrame], by: str) -> str:
    """The findings page's body."""
    profile = tables["profile"]
    analysed = profile[profile["note"].isna()] if "note" in profile else profile
    copies = set(articles.loc[articles["duplicate_of"].notna(), "article_id"].astype(str)) \
        if "duplicate_of" in articles else set()
    is_copy = analysed["article_id"].astype(str).isin(copies)
    analysed = analysed[~is_copy]  # a story copied twice is one story
    titles = articles.set_index(articles["article_id"].astype(str))["title"]
    found = sourcing_findings(analysed)
    sources = tables.get("sources", pd.DataFrame())
    if "article_id" in sources:
        sources = sources[sources["article_id"].astype(str).isin(
            analysed["article_id"].astype(str))]
    gender = gender_finding(sources)
    if gender is not None:
        found.append(gender)
    standards = tables.get("standards")
    if standards is not None:  # the same stories as the profile: English, analysed
        standards = standards[standards["article_id"].astype(str).isin(
            analysed["article_id"].astype(str))]
    found.extend(standards_findings(standards))
    found.append(group_finding(analysed, articles, by))
    parts = ["<h1>Findings</h1>\n",
             corpus_in_numbers(articles, len(analysed) + int(is_copy.sum()), by,
                               copies=int(is_copy.sum())),
             '<p class="muted">Each sentence is computed from this corpus by the detectors; '
             "open the stories behind it to check. The measured error says how often the "
             "detector agrees with people on hand-labelled text: a count can be off by "
             "that much.</p>\n"]
    for finding in found:
        parts.append(f'<div class="finding"><p><strong>{html.escape(finding.sentence)}'
                     f'</strong></p><p class="error">{html.escape(error_note(finding.error))}'
                     f"</p>{_stories(finding.article_ids, titles)}</div>\n")
    return "".join(parts)
