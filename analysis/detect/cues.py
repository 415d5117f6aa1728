"""Reporting cues: find "said", "has claimed", "declined to comment" and friends in a text.

The cue lexicon (``lexicons/cues.tsv``) lists every cue with every inflection. It is
compiled once, at import, into ONE regular expression: the cue words are folded into a
prefix tree so that the regex engine never tries hundreds of alternatives one by one.
In front of a cue the pattern also takes what belongs to it as written: auxiliaries and
negation ("has", "did not", "couldn't"), and an adverb or two ("has also said", "did not
immediately respond to a request for comment").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.nlp import syntax
from analysis.nlp.lexicons import load_lexicon
from analysis.records import Stance


def _split(words: str) -> list[str]:
    """A word list written as one string (easier to read and edit than a list literal)."""
    return words.split()


AUXILIARIES = _split(
    "has have had having did does do would will could can should may might must shall "
    "is are was were be been being am"
)
NEGATED_AUXILIARIES = _split(
    "hasn't haven't hadn't didn't doesn't don't wouldn't won't couldn't can't cannot "
    "shouldn't isn't aren't wasn't weren't mustn't"
)
ADVERBS = _split(
    "also later previously repeatedly never not already since long publicly privately "
    "reportedly still again then often first just recently now once immediately initially "
    "subsequently separately further frequently openly widely falsely correctly "
    "wrongly flatly angrily bluntly simply quickly famously"
)
PASSIVE_AUXILIARIES = frozenset(_split("is are was were be been being am"))
#: Participles that after "be" name a state of mind its subject holds, not a passive:
#: "Some panel members are worried that ..." cites the panel members.
STATES_OF_MIND = frozenset({"worried", "concerned", "convinced"})


@dataclass(frozen=True, slots=True)
class CueEntry:
    """One lexicon row: the cue as written and what it means."""

    lemma: str
    stance: Stance
    cue_class: str
    needs_negation: bool
    clause_only: bool = False


def _entries() -> dict[str, CueEntry]:
    entries = {}
    for row in load_lexicon("cues"):
        cue = row["cue"].strip().lower()
        needs_negation = cue.startswith("not ")
        if needs_negation:
            cue = cue[4:]
        entries.setdefault(
            cue, CueEntry(row["lemma"], row["stance"], row["cue_class"], needs_negation,
                          row.get("frame") == "clause")
        )
    return entries


def _trie_pattern(words: list[str]) -> str:
    """A regex matching exactly ``words``, factored by common prefixes (longest first)."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(char).replace("\\ ", r"\s+") + build(child)
                    for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            body = "(?:" + body + ")?"
        return body

    return build(trie)


CUES: dict[str, CueEntry] = _entries()
# Matched against the lower-cased text (case-sensitive matching is several times faster);
# CUE_PATTERN_ANY_CASE serves the rare text whose lower-casing changes its length.
_CUE_BODY = r"\b(?:" + _trie_pattern(sorted(CUES)) + r")\b"
_GLUE = "'’-"  # a cue glued to these is part of another word ("well-known", "o'said")
CUE_PATTERN = re.compile(_CUE_BODY)
CUE_PATTERN_ANY_CASE = re.compile(_CUE_BODY, re.IGNORECASE)
_SPACES = re.compile(r"\s+")
_AUX_SET = frozenset(AUXILIARIES) | frozenset(NEGATED_AUXILIARIES) | frozenset(
    a.replace("'", "’") for a in NEGATED_AUXILIARIES)
_ADV_SET = frozenset(ADVERBS)
_PREFIX_WORD = re.compile(r"([\w'’]+)\s+$")


def _prefix(text: str, cue_start: int) -> tuple[int, str, str]:
    """Start, auxiliaries and adverbs written right before a cue (up to 2 of each); an
    adverb is one of ``ADVERBS`` or any word Pattern's lexicon tags RB ("has firmly")."""
    start, aux, adverbs = cue_start, [], []
    position = cue_start
    for _ in range(5):
        match = _PREFIX_WORD.search(text, max(0, position - 16), position)
        if not match or (match.start() > 0 and (text[match.start() - 1].isalnum())):
            break
        word = match.group(1).lower()
        if match.group(1)[:1].isupper() and _after_capitalised_word(text, match.start()):
            break  # "Clara May said", "Ellen Will told": a surname, not "may" or "will"
        if (word in _ADV_SET or syntax.lexicon_tag(word) == "RB") and len(adverbs) < 2:
            adverbs.insert(0, word)
        elif word in _AUX_SET and len(aux) < 3:
            aux.insert(0, word)
            start = match.start()
        else:
            break
        position = match.start()
    if not aux:
        start = cue_start
    return start, " ".join(aux), " ".join(adverbs)


def _after_capitalised_word(text: str, position: int) -> bool:
    """Whether the word that ends right before ``position`` is capitalised."""
    match = _PREFIX_WORD.search(text, max(0, position - 24), position)
    return bool(match) and match.group(1)[:1].isupper()


@dataclass(frozen=True, slots=True)
class CueMatch:
    """A cue found in the text: ``span`` covers auxiliaries, negation and the cue."""

    span: tuple[int, int]
    word_start: int
    text: str
    entry: CueEntry
    negated: bool
    passive: bool
    aux: str


def find_cues(text: str) -> list[CueMatch]:
    """Every cue of ``text`` in order (noun uses are filtered later, in context)."""
    found = []
    lowered = text.lower()
    if len(lowered) == len(text):
        matches = CUE_PATTERN.finditer(lowered)
    else:
        matches = CUE_PATTERN_ANY_CASE.finditer(text)
    for match in matches:
        if (match.start() > 0 and text[match.start() - 1] in _GLUE) or (
            match.end() < len(text) and text[match.end()] in _GLUE
            and text[match.end() + 1:match.end() + 2].isalpha()
        ):
            continue
        word = match.group().lower()
        if not word.isalpha():
            word = _SPACES.sub(" ", word)
        entry = CUES.get(word)
        if entry is None:
            continue
        cue_start = match.start()
        start, aux, adverbs = _prefix(text, cue_start)
        aux_words = aux.split()
        adverb_words = adverbs.split()
        negated = ("not" in aux_words or "n't" in aux or "n’t" in aux or aux.startswith("cannot")
                   or "never" in adverb_words or "not" in adverb_words)
        if entry.needs_negation and not negated:
            continue
        passive = not PASSIVE_AUXILIARIES.isdisjoint(aux_words) and not (
            word.split()[0].endswith("ing") or word in STATES_OF_MIND)  # "is going on"
        found.append(CueMatch((start, match.end()), cue_start, text[start:match.end()], entry,
                              negated, passive, aux))
    return found
