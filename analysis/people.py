"""Who a source is: whether it is one person, and how the article describes it.

``describe_source(entry, text)`` gives the ``gender``, ``gender_evidence`` and
``affiliation`` of one distinct source (an ``analysis.coreference.Entry``) of ``text``;
``analysis.attribution`` puts them on every ``Attribution`` of that source and
``analysis.sources`` on its ``Source``. The rules are in ``analysis.gender`` and
``analysis.affiliation``; this module finds what they read:

- ``is_single_person``: a named person, or one unnamed person ("a council official",
  "the woman"); never an organisation, a medium, a document or a group;
- ``description``: the article's own words about the source at its first full mention,
  before the name back to the clause start ("Kremlin spokesman Dmitry Peskov"), a
  fronted apposition ("The trust's medical director, Dr Samuel Oyelaran") and the
  apposition after it ("Marta Vukovic, a spokeswoman for operator Skerrin Ferries,").

>>> from analysis.coreference import Registry
>>> from analysis.mentions import describe
>>> text = "Ann Lund, a professor at Carrow University, said so. She added more."
>>> registry = Registry(text)
>>> index = registry.resolve("Ann Lund", describe("Ann Lund"), position=0)
>>> description(registry.entries[index], text)
Description(before='', after='a professor at Carrow University')
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from analysis import affiliation, gender, syntax
from analysis.coreference import Entry
from analysis.mentions import PEOPLE_NOUNS

#: Source types that can be one person (then ``plural`` decides).
PERSON_TYPES = ("named_person", "anonymous", "unknown")
#: Most words kept of a description on either side of the name.
MAX_DESCRIPTION_WORDS = 12
#: Characters that end a clause when looking for a description.
_CLAUSE_END = re.compile(r"[.;:!?\n\"“”‘’()]|,\s|\s[-–—]\s")


class Description(NamedTuple):
    """The article's words about a source: ``before`` and ``after`` its first mention."""

    before: str
    after: str


class SourceProfile(NamedTuple):
    """``gender`` (``analysis.records.GENDERS`` or None), its evidence, the affiliation."""

    gender: str | None
    gender_evidence: str | None
    affiliation: str | None


def is_single_person(entry: Entry) -> bool:
    """A named person, or one unnamed person: a role ("a spokeswoman"), a person noun
    ("the woman", ``analysis.mentions.PEOPLE_NOUNS``) or an anonymous singular ("a
    source"); never a group or a thing."""
    if entry.source_type not in PERSON_TYPES or entry.plural:
        return False
    if entry.source_type == "unknown":
        return entry.role is not None or entry.gender is not None or entry.head in PEOPLE_NOUNS
    return True


#: Characters around a source's first mention searched for its name.
MENTION_WINDOW = 300


def _mention_at(entry: Entry, text: str) -> re.Match[str] | None:
    """The first occurrence of the source's name (or, failing that, its last word), read
    around its first mention when the registry knows it (so the work is bounded)."""
    if entry.first_position >= 0:
        start = max(0, entry.first_position - MENTION_WINDOW)
        end = entry.first_position + MENTION_WINDOW
    else:
        start, end = 0, len(text)
    for needle in (entry.name, entry.name.split()[-1] if entry.name.split() else ""):
        if len(needle) < 2:
            continue
        pattern = re.compile(rf"(?<![\w-]){re.escape(needle)}(?![\w-])", re.I)
        match = pattern.search(text, start, end)
        if match:
            return match
    return None


def _clause_before(text: str, end: int) -> str:
    """Words from the last clause boundary before ``end`` up to ``end``."""
    window = text[max(0, end - 200):end]
    cuts = list(_CLAUSE_END.finditer(window))
    return window[cuts[-1].end():] if cuts else window


def _clause_after(text: str, start: int) -> str:
    """Words from ``start`` up to the next clause boundary."""
    window = text[start:start + 200]
    cut = _CLAUSE_END.search(window)
    return window[:cut.start()] if cut else window


def _is_apposition(words: str) -> bool:
    """Words after "Name, " describe the name unless a verb opens them ("Name, said ...")."""
    first = words.split()[0] if words.split() else ""
    return bool(first) and not (syntax.lexicon_tag(first.lower()) or "").startswith(("VB", "MD"))


def _limit(words: str, *, keep_end: bool) -> str:
    parts = words.split()
    parts = parts[-MAX_DESCRIPTION_WORDS:] if keep_end else parts[:MAX_DESCRIPTION_WORDS]
    return " ".join(parts)


def description(entry: Entry, text: str) -> Description:
    """The article's description of ``entry`` around its first mention (see module)."""
    match = _mention_at(entry, text)
    if match is None:
        return Description("", "")
    before = _clause_before(text, match.start()).strip()
    if not before and text[max(0, match.start() - 200):match.start()].rstrip().endswith(","):
        # "The trust's medical director, Dr Samuel Oyelaran": the fronted apposition
        before = _clause_before(text, text.rindex(",", 0, match.start())).strip()
    after = ""
    if text.startswith((", ", " ("), match.end()):
        after = _clause_after(text, match.end() + 2).strip()
        after = after if _is_apposition(after) else ""
    return Description(_limit(before, keep_end=True), _limit(after, keep_end=False))


@lru_cache(maxsize=4096)
def _profile(name: str, source_type: str, role: str | None, head: str, keys: frozenset[str],
             found_gender: str | None, found_evidence: str | None, plural: bool,
             first_position: int, text: str) -> SourceProfile:
    entry = Entry(name, source_type, role, head, set(keys), gender=found_gender,
                  gender_evidence=found_evidence, plural=plural, first_position=first_position)
    described = description(entry, text)
    if is_single_person(entry):
        sex, evidence = gender.source_gender(entry, text, described)
    else:
        sex, evidence = None, None
    return SourceProfile(sex, evidence, affiliation.source_affiliation(entry, described))


def describe_source(entry: Entry, text: str) -> SourceProfile:
    """Gender, gender evidence and affiliation of one source of ``text`` (cached)."""
    return _profile(entry.name, entry.source_type, entry.role, entry.head, frozenset(entry.keys),
                    entry.gender, entry.gender_evidence, entry.plural, entry.first_position,
                    text)
