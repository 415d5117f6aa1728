"""Gender of a person source, as the article presents it.

Evidence is looked for in this order, and the first kind found decides (the kinds and
their order are ``analysis.records.GENDER_EVIDENCE``):

1. ``honorific``: a gendered courtesy title before the person's surname anywhere in the
   text ("Mr Mallon", "Sir Alex Ferguson", "Ms Lund");
2. ``role_word``: a gendered role or person noun in the source's role, its mention or
   the head of the article's description of it ("Kremlin spokesman", "a spokeswoman for
   operator Skerrin Ferries", "the woman");
3. ``pronoun``: "he"/"she" that ``analysis.detect.coreference`` resolved to the source, or
   "his"/"her" inside the source's own description ("a crew member, who declined to give
   his name");
4. ``first_name``: only when the text says nothing: the share of women among people
   with that first name in the US Census 1990 lists of the ``names`` package (MIT;
   ``analysis.nlp.gazetteer``), female at or above ``FIRST_NAME_GENDER_SHARE`` (0.9), male at
   or below 1 - 0.9, ``unknown`` between.

Text evidence therefore wins over the name. A person with none of these is ``unknown``;
organisations, media, documents and groups get no gender (``analysis.detect.people`` decides who
is one person). What this cannot say: how people identify themselves. It reads the
words a newsroom chose (titles, pronouns, role nouns) and, failing that, US census
statistics of first names, so non-binary people and names outside the census (many
non-US names) come out ``unknown`` or, rarely, wrong.

>>> from analysis.detect.coreference import Entry
>>> from analysis.detect.descriptions import description
>>> text = "Jo Lund, a spokeswoman for the council, said so. Mr Lund disagreed."
>>> entry = Entry("Jo Lund", "named_person", None, "lund")
>>> source_gender(entry, text, description(entry, text))
('male', 'honorific')
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from analysis.detect.coreference import people_named_in
from analysis.detect.mentions import (
    COURTESY_TITLES,
    FEMALE_WORDS,
    FIRST_NAME_GENDER_SHARE,
    MALE_WORDS,
    word_set,
)
from analysis.nlp import gazetteer, syntax

if TYPE_CHECKING:  # annotations only
    from analysis.detect.coreference import Entry
    from analysis.detect.descriptions import Description

#: Pronouns that refer back to the person inside its own description.
PRONOUN_GENDER = {"he": "male", "him": "male", "his": "male", "himself": "male",
                  "she": "female", "her": "female", "hers": "female", "herself": "female"}
#: Words after which a description stops being about the source ("a spokeswoman FOR
#: the council": "council" is not the source).
_HEAD_END = word_set("of for at in from with on by to who whose which that and")
_WORD = re.compile(r"[\w’'.-]+")
# "Mr/Ms/Sir ... <surname>". The title must open a word; that is checked outside the
# pattern (``_titles``), since a leading ``\b`` would keep ``re`` from skipping straight
# to the titles' first letters.
_TITLED = re.compile(r"(Mr|Mrs|Ms|Miss|Sir|Lady|Dame|Lord)\.?\s+(?:[A-Z][\w’'-]*\s+){0,2}"
                     r"([A-Z][\w’'-]*)\b")


def _word_gender(word: str) -> str | None:
    lower = word.lower()
    if lower in FEMALE_WORDS:
        return "female"
    if lower in MALE_WORDS:
        return "male"
    return None


def _honorific(entry: Entry, text: str) -> str | None:
    """Gender from "Mr/Ms/Sir ... <surname>" anywhere in the text (named people only)."""
    if entry.gender_evidence == "honorific":
        return entry.gender
    if entry.source_type != "named_person" or not entry.name.split():
        return None
    surname = entry.name.split()[-1].lower().rstrip("’'s")
    return _titled_genders(text).get(surname)


@lru_cache(maxsize=16)
def _titled_genders(text: str) -> dict[str, str | None]:
    """``{surname: gender}`` from the first "Mr/Ms/Sir ... <surname>" of each surname in
    ``text`` (one pass per text, however many sources ask)."""
    found: dict[str, str | None] = {}
    for match in _titles(text):
        found.setdefault(match.group(2).lower().rstrip("’'s"), _word_gender(match.group(1)))
    return found


def _titles(text: str) -> Iterator[re.Match[str]]:
    """The matches of ``_TITLED`` whose title opens a word (not "UMr"), in text order and
    not overlapping: exactly ``finditer`` of the pattern led by a word boundary.

    >>> [m.group(2) for m in _titles("UMr Lund and Mr Lund")]
    ['Lund']
    """
    at = 0
    while match := _TITLED.search(text, at):
        start = match.start()
        if start and (text[start - 1].isalnum() or text[start - 1] == "_"):  # re's word character
            at = start + 1
            continue
        yield match
        at = match.end()


def _head(words: str) -> list[str]:
    """The words of a description up to its first preposition or relative word."""
    head = []
    for word in _WORD.findall(words):
        if word.lower() in _HEAD_END:
            break
        head.append(word)
    return head


def _ends_phrase(word: str) -> bool:
    """A preposition, conjunction, relative word or verb: no part of a name's modifiers."""
    tag = syntax.lexicon_tag(word.lower()) or ""
    return word.lower() in _HEAD_END or tag in ("IN", "CC", "WDT", "WP") or tag.startswith("VB")


def _modifiers(words: str) -> list[str]:
    """The words right before a name, after the last preposition, conjunction or verb
    ("a spokeswoman for operator" -> "operator": the spokeswoman is someone else)."""
    found = _WORD.findall(words)
    cut = max((i + 1 for i, w in enumerate(found) if _ends_phrase(w)), default=0)
    return found[cut:]


def _role_word(entry: Entry, described: Description) -> str | None:
    """Gender from a gendered role or person noun about the source (not a title)."""
    if entry.gender_evidence == "role_word":
        return entry.gender
    words = _head(entry.role or "") + _modifiers(described.before) + _head(described.after)
    if entry.source_type != "named_person":
        words += _head(entry.name)
    for word in words:
        if word.lower().rstrip(".") not in COURTESY_TITLES and _word_gender(word):
            return _word_gender(word)
    return None


def _pronoun(entry: Entry, described: Description) -> str | None:
    """Gender from he/she resolved to the source, or his/her in its own description."""
    if entry.gender_evidence == "pronoun":
        return entry.gender
    for word in _WORD.findall(described.after):
        if word.lower() in PRONOUN_GENDER:
            return PRONOUN_GENDER[word.lower()]
    return None


@lru_cache(maxsize=16)
def _full_names(text: str) -> dict[str, str]:
    """``{lower-case surname: first full name}`` of the people ``text`` names in full."""
    names: dict[str, str] = {}
    for _, name, surname in people_named_in(text):
        if len(name.split()) > 1:
            names.setdefault(surname, name)
    return names


def full_name(entry: Entry, text: str) -> str:
    """The source's name, or the fuller name the text gives it elsewhere ("Walliams" ->
    "David Walliams")."""
    words = entry.name.split()
    if len(words) == 1:
        return _full_names(text).get(words[0].lower(), entry.name)
    return entry.name


def first_name_gender(name: str) -> str | None:
    """``female``/``male`` when the first word of ``name`` is a census first name decisive
    at ``FIRST_NAME_GENDER_SHARE``; else None ("Jordan", "Ramzan")."""
    words = name.split()
    if len(words) < 2:
        return None
    share = gazetteer.first_name_share_female(words[0])
    if share is None:
        return None
    if share >= FIRST_NAME_GENDER_SHARE:
        return "female"
    if share <= 1 - FIRST_NAME_GENDER_SHARE:
        return "male"
    return None


def source_gender(entry: Entry, text: str, described: Description
                  ) -> tuple[str, str | None]:
    """``(gender, evidence)`` of one single-person source; ``("unknown", None)`` when
    nothing shows it. ``text`` is the whole analysed text (for honorifics)."""
    for kind, found in (
        ("honorific", lambda: _honorific(entry, text)),
        ("role_word", lambda: _role_word(entry, described)),
        ("pronoun", lambda: _pronoun(entry, described)),
        ("first_name", lambda: first_name_gender(full_name(entry, text))
         if entry.source_type == "named_person" else None),
    ):
        value = found()
        if value:
            return value, kind
    return "unknown", None
