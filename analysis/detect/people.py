"""Who a source is: one person or not, its gender and its affiliation.

``describe_source(entry, text)`` gives the ``gender``, ``gender_evidence`` and
``affiliation`` of one distinct source (an ``analysis.detect.coreference.Entry``) of ``text``;
``analysis.detect.attribution`` puts them on every ``Attribution`` of that source and
``analysis.detect.sources`` on its ``Source``. The rules are in ``analysis.detect.gender`` and
``analysis.detect.affiliation``, over the article's description of the source
(``analysis.detect.descriptions``); this module decides who is one person:

- ``is_single_person``: a named person, or one unnamed person ("a council official",
  "the woman"); never an organisation, a medium, a document or a group.

>>> from analysis.detect.coreference import Entry
>>> text = "Ann Lund, a professor at Carrow University, said so. She added more."
>>> describe_source(Entry("Ann Lund", "named_person", None, "lund"), text).affiliation
'expert_academic'
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from analysis.detect import affiliation, gender
from analysis.detect.coreference import Entry
from analysis.detect.descriptions import description
from analysis.detect.mentions import PEOPLE_NOUNS

#: Source types that can be one person (then ``plural`` decides).
PERSON_TYPES = ("named_person", "anonymous", "unknown")
class SourceProfile(NamedTuple):
    """``gender`` (``analysis.records.GENDERS`` or None), its evidence, the affiliation."""

    gender: str | None
    gender_evidence: str | None
    affiliation: str | None


def is_single_person(entry: Entry) -> bool:
    """A named person, or one unnamed person: a role ("a spokeswoman"), a person noun
    ("the woman", ``analysis.detect.mentions.PEOPLE_NOUNS``) or an anonymous singular ("a
    source"); never a group or a thing."""
    if entry.source_type not in PERSON_TYPES or entry.plural:
        return False
    if entry.source_type == "unknown":
        return entry.role is not None or entry.gender is not None or entry.head in PEOPLE_NOUNS
    return True


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
    return SourceProfile(sex, evidence, affiliation.source_affiliation(entry, described, text))


def describe_source(entry: Entry, text: str) -> SourceProfile:
    """Gender, gender evidence and affiliation of one source of ``text`` (cached)."""
    return _profile(entry.name, entry.source_type, entry.role, entry.head, frozenset(entry.keys),
                    entry.gender, entry.gender_evidence, entry.plural, text)
