"""The editorial-standards audit of one article: flags, each with the evidence that decided.

``audit(title, text)`` reads the two ``Document``s of an article (headline and body) and
returns one row of flags (``analysis.standards`` builds the table). The phrase lists are
data with provenance: ``lexicons/anonymity.tsv`` (news agencies' and broadcasters'
guidelines on anonymous sources) and ``lexicons/responses.tsv`` (right of reply).

- ``n_anonymous_explained`` / ``n_anonymous_unexplained``: distinct body sources of type
  ``anonymous`` that are anonymous sources in the newsroom sense (one unnamed person, or
  a group named by an ``insider`` noun or phrase: "two senior officials", "three people
  familiar with the talks"; not "residents" or "analysts"), with and without an
  ``explanation`` phrase in a sentence that cites them ("who asked not to be named");
- ``response_sought``: a ``refusal`` attribution that is not an anonymity request
  ("declined to comment", "did not respond to a request for comment") or a phrase of
  ``responses.tsv`` ("could not be reached", "said in response");
- ``single_source``: exactly one distinct body source; ``dominant_source``: the most
  cited source has at least ``DOMINANT_SHARE`` of the attributions with a resolved
  source (``top_source_share`` of ``analysis.profile``);
- ``verification_disclaimer``: a body hedge of category ``verification`` ("could not be
  independently verified", "has not verified", "Neither X nor Y has verified");
- ``headline_distancing``: a headline attribution with stance ``distancing``
  ("Chechen leader claims ...").

Evidence: ``<flag>_evidence`` is the deciding words and ``<flag>_start`` /
``<flag>_end`` their span in the body text (in the headline for ``headline_distancing``);
the first one in text order when there are several. Out of scope:
``n_unattributed_claim_sentences`` (claims the reporter states with no source): telling
a factual claim from background needs more than rules over reporting words.

>>> from analysis.detect.document import analyse
>>> row = audit(analyse(""), analyse("A council official, who asked not to be named, "
...             "said the plan had changed. Acme Ltd declined to comment."))
>>> row["n_anonymous_explained"], row["anonymous_explained_evidence"], row["response_sought"]
(1, 'asked not to be named', True)
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from analysis.detect.document import Document
from analysis.detect.mentions import DETERMINERS, PEOPLE_NOUNS, describe
from analysis.nlp.lexicons import load_lexicon
from analysis.records import Source, Span

#: The most cited source "dominates" a story at or above this share of attributions.
DOMINANT_SHARE = 0.5
#: The flags of one row, in column order; each has ``_evidence``, ``_start``, ``_end``.
EVIDENCE_FLAGS = ("anonymous_explained", "anonymous_unexplained", "response_sought",
                  "verification_disclaimer", "headline_distancing")


@cache
def _phrases(name: str, wanted: str | None = None) -> re.Pattern[str]:
    """One case-insensitive pattern of the phrases of lexicon ``name`` (of class ``wanted``)."""
    rows = [r["phrase"] for r in load_lexicon(name) if wanted in (None, r.get("class"))]
    rows.sort(key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in rows) + r")\b", re.I)


#: Head nouns that name several people without a plural "s".
GROUP_HEADS = frozenset({"people", "men", "women", "children", "staff", "police", "crew"})


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _nouns(wanted: str) -> frozenset[str]:
    return frozenset(r["phrase"] for r in load_lexicon("anonymity") if r["class"] == wanted)


def is_anonymous_source(source: Source) -> bool:
    """One unnamed person, or a group of insiders kept unnamed (see the module docstring);
    not a spokesperson, who speaks on the record for a named organisation. An unnamed
    source of type ``unknown`` counts when it is one person named by a people noun ("a
    patient's daughter", "the woman"; ``analysis.detect.people`` gives only one person a
    gender), not by an office that identifies its holder ("the committee chairman")."""
    if source.source_type not in ("anonymous", "unknown"):
        return False
    info = describe(source.name)
    if not info.head.isalpha() or info.head in DETERMINERS or info.head in _nouns("on_record"):
        return False
    if source.source_type == "unknown":
        return source.gender is not None and info.head in PEOPLE_NOUNS
    if not (info.plural or info.head in GROUP_HEADS):
        return True
    return (_singular(info.head) in _nouns("insider")
            or bool(_phrases("anonymity", "insider_phrase").search(source.name)))


def _sentence(doc: Document, position: int) -> Span:
    for sentence in doc.sentences:
        if sentence.start <= position < sentence.end:
            return sentence.span
    return (position, position)


def _explanation(doc: Document, source: Source) -> re.Match[str] | None:
    """The first explanation phrase in a sentence where ``source`` is cited."""
    spans = sorted({_sentence(doc, (a.source_span or a.cue_span)[0])
                    for a in doc.attributions if a.source == source.name})
    pattern = _phrases("anonymity", "explanation")
    for start, end in spans:
        match = pattern.search(doc.text, start, end)
        if match:
            return match
    return None


def _first_mention(doc: Document, source: Source) -> Span | None:
    spans = [a.source_span or a.cue_span for a in doc.attributions if a.source == source.name]
    return min(spans) if spans else None


def _evidence(row: dict, flag: str, text: str, span: Span | None) -> None:
    """Set ``<flag>_evidence``, ``_start`` and ``_end`` from a span of ``text`` (or None)."""
    row[f"{flag}_evidence"] = text[span[0]:span[1]] if span else None
    row[f"{flag}_start"], row[f"{flag}_end"] = span if span else (None, None)


def _anonymity(doc: Document, row: dict) -> None:
    explained: list[Span] = []
    unexplained: list[Span] = []
    for source in doc.sources:
        if not is_anonymous_source(source):
            continue
        match = _explanation(doc, source)
        if match:
            explained.append(match.span())
        else:
            unexplained.append(_first_mention(doc, source) or (0, 0))
    row["n_anonymous_explained"] = len(explained)
    row["n_anonymous_unexplained"] = len(unexplained)
    _evidence(row, "anonymous_explained", doc.text, min(explained, default=None))
    _evidence(row, "anonymous_unexplained", doc.text, min(unexplained, default=None))


def _response(doc: Document) -> Span | None:
    """The first wording that shows a response was sought (see the module docstring)."""
    anonymity = _phrases("anonymity", "explanation")
    found = [a.cue_span for a in doc.attributions
             if a.stance == "refusal" and not anonymity.search(a.cue)]
    match = _phrases("responses").search(doc.text)
    if match:
        found.append(match.span())
    return min(found, default=None)


def _concentration(doc: Document, row: dict) -> None:
    per_source = Counter(a.source for a in doc.attributions if a.source)
    top = per_source.most_common(1)
    share = top[0][1] / sum(per_source.values()) if top else float("nan")
    row["single_source"] = len(doc.sources) == 1
    row["dominant_source"] = bool(top) and share >= DOMINANT_SHARE
    row["top_source"] = top[0][0] if top else None
    row["top_source_share"] = share


def audit(title: Document, text: Document) -> dict[str, object]:
    """The standards row of one article (without ``article_id``); see the module."""
    row: dict[str, object] = {"n_sources": len(text.sources)}
    _anonymity(text, row)
    response = _response(text)
    row["response_sought"] = response is not None
    _evidence(row, "response_sought", text.text, response)
    _concentration(text, row)
    verification = [h.span for h in text.hedges if h.category == "verification"]
    row["verification_disclaimer"] = bool(verification)
    _evidence(row, "verification_disclaimer", text.text, min(verification, default=None))
    distancing = [a.cue_span for a in title.attributions if a.stance == "distancing"]
    row["headline_distancing"] = bool(distancing)
    _evidence(row, "headline_distancing", title.text, min(distancing, default=None))
    return row
