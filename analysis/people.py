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


def _mention_at(entry: Entry, text: str) -> tuple[int, int] | None:
    """Span of the first occurrence of the source's name (or, failing that, its last
    word) in ``text``, ignoring case, not glued to a longer word."""
    for needle in (entry.name, entry.name.split()[-1] if entry.name.split() else ""):
        if len(needle) < 2:
            continue
        found = _find_word(text, needle)
        if found is not None:
            return found
    return None


@lru_cache(maxsize=4)
def _folded(text: str) -> str | None:
    """``text`` lower-cased once for every source of it; ``None`` when lower-casing
    changes its length (offsets would not match)."""
    lower = text.lower()
    return lower if len(lower) == len(text) else None


def _find_word(text: str, needle: str) -> tuple[int, int] | None:
    """Span of the first ``needle`` in ``text``, ignoring case, with no letter, digit,
    underscore or hyphen glued to either side (a C-speed search of the folded text)."""
    folded, target = _folded(text), needle.lower()
    if folded is None or len(target) != len(needle):
        match = re.search(rf"(?<![\w-]){re.escape(needle)}(?![\w-])", text, re.I)
        return match.span() if match else None
    at = folded.find(target)
    while at >= 0:
        end = at + len(target)
        before = folded[at - 1] if at > 0 else " "
        after = folded[end] if end < len(folded) else " "
        if not (before.isalnum() or before in "_-" or after.isalnum() or after in "_-"):
            return at, end
        at = folded.find(target, at + 1)
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
    mention = _mention_at(entry, text)
    if mention is None:
        return Description("", "")
    start, end = mention
    before = _clause_before(text, start).strip()
    if not before and text[max(0, start - 200):start].rstrip().endswith(","):
        # "The trust's medical director, Dr Samuel Oyelaran": the fronted apposition
        before = _clause_before(text, text.rindex(",", 0, start)).strip()
    after = ""
    if text.startswith((", ", " ("), end):
        after = _clause_after(text, end + 2).strip()
        after = after if _is_apposition(after) else ""
    return Description(_limit(before, keep_end=True), _limit(after, keep_end=False))


@lru_cache(maxsize=4096)
def _profile(name: str, source_type: str, role: str | None, head: str, keys: frozenset[str],
             found_gender: str | None, found_evidence: str | None, plural: bool,
             text: str) -> SourceProfile:
    entry = Entry(name, source_type, role, head, set(keys), gender=found_gender,
                  gender_evidence=found_evidence, plural=plural)
    described = description(entry, text)
    if is_single_person(entry):
        sex, evidence = gender.source_gender(entry, text, described)
    else:
        sex, evidence = None, None
    return SourceProfile(sex, evidence, affiliation.source_affiliation(entry, described))


def describe_source(entry: Entry, text: str) -> SourceProfile:
    """Gender, gender evidence and affiliation of one source of ``text`` (cached)."""
    return _profile(entry.name, entry.source_type, entry.role, entry.head, frozenset(entry.keys),
                    entry.gender, entry.gender_evidence, entry.plural, text)
