"""Coreference of source mentions: "Kadyrov" and "he" are "Ramzan Kadyrov".

A ``Registry`` keeps the distinct sources of one text in order of first mention. Each
new mention is resolved with a few rules, tried in order:

1. a pronoun, with agreement: "he"/"she" -> the last single person (named, or an unnamed
   role such as "the premier", "a police spokeswoman") whose gender is unknown or the
   pronoun's, else one whose gender was only guessed from a first name (the text wins;
   the evidence becomes ``pronoun``); "it" -> the last organisation, medium or
   document; "they" -> the last group;
2. a named person: the same surname as a person already seen ("Kadyrov" -> "Ramzan
   Kadyrov"); the canonical name is the fullest form seen first;
3. a one-word name typed organisation for want of evidence ("Tesco") is a person when
   the text names a person with that surname ("Ms Tesco", "Ann Tesco");
4. an identical mention (same words without the determiner; "TimeWarner" = "Time
   Warner") -> the same source;
5. a definite description ("the source", "the spokesman", "the documentary") or a bare
   noun ("officials") -> the last source with that head noun or that role noun (not a
   bare noun with words after its head, which names something new: "figures compiled
   by X"); "the company" -> the last named organisation;
6. otherwise a new source, named by its first full mention.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

from analysis.detect.mentions import (
    INDEFINITE,
    NOUNS,
    PEOPLE_NOUNS,
    MentionInfo,
    canonical_text,
    describe,
)
from analysis.nlp import gazetteer, syntax
from analysis.nlp.words import COURTESY_TITLES, HONORIFICS
from analysis.records import Span

GROUP_TYPES = ("organisation", "anonymous", "media")
THING_TYPES = ("organisation", "media", "document")
PERSON_PRONOUNS = {"he": "male", "him": "male", "she": "female", "her": "female"}
DEFINITE = ("the", "this", "that")
#: The end of a sentence: a stop, question or exclamation mark (and a closing quote).
_SENTENCE_END = re.compile(r"[.!?][\"”’]?\s+")
_A_OR_AN = re.compile(r"an?\s", re.IGNORECASE)
_WORDS = re.compile(r"[\w'’-]+")
#: Words that may stand before the name that opens a sentence and identifies a person
#: ("Public accounts committee chairman Edward Leigh").
DELAYED_NAME_WORDS = 5
# "Ms Lund", "Dr. Lund", or a census first name before a capitalised word ("Carol Lund").
# A possessive ("Mr Mallon's arguments") names no one who could speak next, so it is left out.
# A capitalised word (an initial or a title may keep its full stop), a following "'s" or
# other clitic (a possessive names no one who could speak next: "Mr Mallon's arguments";
# "I'm" is no surname) and the spaces after it.
_CAPITALISED = re.compile(r"([A-Z][\w-]*)(\.)?(['’]\w*)?([^\S\n]+)?")
#: Words after a surname that are no surname ("Bruce L Castor Jr").
_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "qc", "kc"})
#: Tags of function words, which end no name: "Sunderland No campaigner Neil Herron" names
#: no "Sunderland No" (modals are left out: "Theresa May"); nor does a role in capitals
#: ("Tory MP").
_FUNCTION_TAGS = frozenset({"DT", "IN", "CC", "UH", "PRP", "PRP$", "WDT", "WP", "TO", "EX"})
_PERSON_TITLES = COURTESY_TITLES | {"prof"}


@dataclass(slots=True)
class Entry:
    """One distinct source and everything learnt about it."""

    name: str
    source_type: str
    role: str | None
    head: str
    keys: set[str] = field(default_factory=set)
    mentions: int = 0
    gender: str | None = None
    gender_evidence: str | None = None
    plural: bool = False
    position: int = -1
    #: offset of the first mention (-1: not known)
    first_position: int = -1

    @property
    def single_person(self) -> bool:
        """A person "he" or "she" can refer to: named, or one unnamed person with a role;
        never a pair ("Smith and Jones")."""
        return not self.plural and (self.source_type == "named_person" or (
            self.source_type in ("anonymous", "unknown") and self.role is not None))


@lru_cache(maxsize=4)
def people_named_in(text: str) -> tuple[tuple[int, str, str], ...]:
    """``(start, name, surname)`` of the people a text names, in text order.

    People are named with a title ("Ms Lund", "Dr Ann Lowe") or a full name whose first
    word is a first name or no common word ("Carol Lund", "Ramzan Kadyrov"; not "Time
    Warner", "Greater London", "Councillor Ravi"); later mentions by surname alone
    ("Wenger") count too. Surnames are lower-case. One pass over the capitalised words,
    once per text: the coreference registry and ``analysis.detect.gender`` both read it
    (a few texts are kept, so memory stays bounded).
    """
    words: list[_Word] = [
        (m.start(), first, clitic is not None,
         m.end() if spaces and (stop is None or _continues_after_stop(first)) else -1)
        for m in _CAPITALISED.finditer(text) for first, stop, clitic, spaces in (m.groups(),)
    ]
    found = []
    for i, ((start, first, _, next_start), following) in enumerate(pairwise(words)):
        if following[0] != next_start:
            continue  # no capitalised word right after: no name starts here
        run = _following_run(words, i)
        while run and run[-1][1].lower() in _NAME_SUFFIXES:
            run = run[:-1]
        if not run or run[-1][2] or len(run[-1][1]) < 2:
            continue  # "Dr Miriam Achebe-Lowe's": a possessive
        last_start, last = run[-1][:2]
        if syntax.lexicon_tag(last.lower()) in _FUNCTION_TAGS or (
                last.isupper() and NOUNS.get(last.lower()) == "role"):
            continue  # "Sunderland No campaigner", "Tory MP": no person's name
        if first.lower() in _PERSON_TITLES or _opens_full_name(first):
            found.append((start, text[start:last_start + len(last)], last.lower()))
    surnames = {surname: name for _, name, surname in found if " " in name}
    if surnames:
        found += [(start, surnames[word.lower()], word.lower())
                  for start, word, possessive, _ in words
                  if not possessive and word.lower() in surnames]
    return tuple(sorted(set(found)))


#: A capitalised word: where it starts, its text, whether "'s" follows, and where the next
#: word must start to belong to the same name (-1: no next word). Plain tuples: a text
#: has hundreds of them.
_Word = tuple[int, str, bool, int]


def _continues_after_stop(word: str) -> bool:
    """A word with a full stop continues a name only as an initial or a title ("J.",
    "Dr."); otherwise the stop ends a sentence."""
    return len(word) == 1 or word.lower() in _PERSON_TITLES


def _following_run(words: list[_Word], i: int) -> list[_Word]:
    """Up to three capitalised words right after word ``i`` ("Ann Lowe" after "Dr")."""
    run: list[_Word] = []
    previous = words[i]
    for word in words[i + 1:i + 4]:
        if previous[2] or word[0] != previous[3]:
            break
        run.append(word)
        previous = word
    return run


@lru_cache(maxsize=8192)
def _opens_full_name(word: str) -> bool:
    """Whether ``word`` can open a full name: a first name, or no common word, place,
    role or title (cached: the same capitalised words open sentences in every text)."""
    lower = word.lower()
    if not word[1:].islower() or NOUNS.get(lower) == "role" or lower in HONORIFICS:
        return False
    return gazetteer.is_first_name(word) or not (
        syntax.is_common_word(word) or gazetteer.is_place(word))


#: Nouns of days that may follow a subject's name ("Mr Brown yesterday said").
_DAY_NOUNS = frozenset({"today", "tomorrow", "yesterday"})
#: The word after a name, on the same line.
_NEXT_WORD = re.compile(r"[^\S\n]*([\w'’-]+)")
#: A name joined by "and", "or" or "&" to another capitalised word, after or before it.
_COORDINATED_AFTER = re.compile(r"[^\S\n]+(?:and|or|&)[^\S\n]+[A-Z]")
_COORDINATED_BEFORE = re.compile(r"[A-Z][\w'’.-]*[^\S\n]+(?:and|or|&)[^\S\n]+$")


def _mention_end(text: str, start: int, name: str, surname: str) -> int:
    """Where the mention of ``name`` at ``start`` ends (a later mention is the surname alone)."""
    return start + (len(name) if text.startswith(name, start) else len(surname))


def _weak_antecedent(text: str, since: int, start: int, end: int) -> bool:
    """Whether the name at ``text[start:end]`` is no person who could speak next: a
    modifier of a noun ("a late-night Los Angeles recording session"), one of a pair
    ("Franz Ferdinand and The White Stripes"), or a name within the description of the
    source last cited at ``since`` ("said Jack Boorman, adviser to IMF's managing
    director, Rodrigo Rato": no verb nor sentence end between them)."""
    following = _NEXT_WORD.match(text, end)
    if following and following.group(1)[:1].islower() and following.group(1) not in _DAY_NOUNS \
            and syntax.lexicon_tag(following.group(1)) == "NN":
        return True
    if _COORDINATED_AFTER.match(text, end) or _COORDINATED_BEFORE.search(
            text, max(0, start - 40), start):
        return True
    return since >= 0 and _in_description(text[since:start])


#: Tags of the words that put a later name in a sentence in object position: a
#: preposition ("in the Nou Camp", "talks with X") or a finite verb ("signed X").
_OBJECT_TAGS = syntax.FINITE_VERB_TAGS | {"IN", "TO"}
#: How far back the start of a name's sentence is looked for.
_SENTENCE_WINDOW = 400


def _in_object_position(text: str, start: int, end: int) -> bool:
    """Whether a preposition or finite verb stands before the name at ``text[start:end]``
    in its sentence ("Mr Blair held talks with ... the Palestinian leader, Mahmoud
    Abbas"), and no finite verb follows it ("a move Wenger has backed"), so it is no
    subject, which "he" or "she" in the next sentence more likely stands for."""
    following = _NEXT_WORD.match(text, end)
    if following and syntax.lexicon_tag(following.group(1)) in syntax.FINITE_VERB_TAGS:
        return False
    return any(word[:1].islower() and syntax.lexicon_tag(word) in _OBJECT_TAGS
               for word in _WORDS.findall(text, _sentence_start(text, start), start))


def _sentence_start(text: str, position: int) -> int:
    """Where the sentence holding ``position`` opens (looked for up to
    ``_SENTENCE_WINDOW`` characters back, within the paragraph)."""
    opening = max(position - _SENTENCE_WINDOW, text.rfind("\n", 0, position) + 1)
    for stop in _SENTENCE_END.finditer(text, opening, position):
        opening = stop.end()
    return opening


#: Words of a title that make it another role: a "Deputy Prime Minister" is no "prime
#: minister", a "former chairman" no "chairman".
_RANK_WORDS = frozenset({"deputy", "vice", "assistant", "former", "shadow", "acting",
                         "junior", "ex", "interim", "outgoing"})
#: The words of a title right before a name ("Trade Secretary Patricia Hewitt", "the
#: Palestinian leader, Mahmoud Abbas"; not across a clause boundary).
_TITLE_BEFORE = re.compile(
    rf"((?:[\w'’-]+[^\S\n]+){{0,{DELAYED_NAME_WORDS - 1}}}[\w'’-]+),?[^\S\n]+$")
#: An apposition after a name: "Ms Hewitt, the trade and industry secretary, said".
_TITLE_AFTER = re.compile(r",[^\S\n]+(?:the|a|an)[^\S\n]+([^,.;:\"“”()\n]{1,60})[,.;]",
                          re.IGNORECASE)


def _title(text: str, start: int, end: int) -> list[str]:
    """The lower-case words that give the role of the person named at ``text[start:end]``:
    the words before it back to a function word, verb or punctuation, and an apposition
    after it."""
    words: list[str] = []
    before = _TITLE_BEFORE.search(text, max(0, start - 80), start)
    if before:
        for word in reversed(before.group(1).split()):
            tag = syntax.lexicon_tag(word.lower())
            if tag in _FUNCTION_TAGS or (word[:1].islower() and tag in _OBJECT_TAGS):
                break
            words.insert(0, word.lower())
    after = _TITLE_AFTER.match(text, end)
    if after:
        words += after.group(1).lower().split()
    return words


def _title_fits(title: list[str], role: list[str]) -> bool:
    """Whether a person with ``title`` has the role of a description: all its words and no
    word of rank besides ("Trade Secretary" is "the secretary"; "Deputy Prime Minister"
    is no "prime minister")."""
    return bool(role) and set(role) <= set(title) and not (_RANK_WORDS & set(title)) - set(role)


def _in_description(between: str) -> bool:
    """Whether the words between a source and a later name hold no finite verb and no
    sentence end, so the name belongs to the source's description."""
    return not _SENTENCE_END.search(between) and not any(
        word[:1].islower() and syntax.lexicon_tag(word) in syntax.FINITE_VERB_TAGS
        for word in _WORDS.findall(between))


#: Head nouns of a description that may stand for a country or capital ("Japan said ...
#: the government said").
STATE_NOUNS = frozenset({"government", "country", "state", "nation", "administration",
                         "authorities", "kingdom", "republic"})


def _is_description(mention: str) -> bool:
    """A description names nothing: "the company", "The commission"; not "the EC", "The
    Labor Department", "Tesco"."""
    words = mention.split()
    if words and words[0].lower() in DEFINITE:
        words = words[1:]
    return not any(word[:1].isupper() for word in words)


def _description_fits(entry: Entry, head: str) -> bool:
    """Whether a named organisation can be what "the <head>" describes: one whose name
    ends in a capitalised word ("Tesco", "the Vestey Group"; not "US firms", which is
    itself a description); a country as its government only ("Germany" is no
    "commission"), and a government is a country's only (not "the Vestey Group")."""
    if entry.source_type != "organisation" or not entry.name.split()[-1][:1].isupper():
        return False
    return (head in STATE_NOUNS) == gazetteer.is_place(entry.name)


def _surname(info: MentionInfo) -> str:
    """The key of a named person: the surname, before any suffix ("Walter M Phillips Jr"
    and "Bruce L Castor Jr" are two people)."""
    if info.key not in _NAME_SUFFIXES:
        return info.key
    words = [w for w in (info.name or "").lower().split() if w.rstrip(".") not in _NAME_SUFFIXES]
    return words[-1] if words else info.key


class Registry:
    """The distinct sources of one text, filled mention by mention in text order.

    ``text`` (optional) is the whole text, read only when a one-word name needs the
    evidence of rule 3; ``quoted`` (optional) are the spans of its quotes, whose names
    are no antecedent of a pronoun.
    """

    def __init__(self, text: str = "", quoted: list[Span] | None = None) -> None:
        self.entries: list[Entry] = []
        self.aliases: dict[int, int] = {}
        self._recent: list[int] = []
        self._text = text
        self._quoted = quoted or []
        #: spans of the source mentions resolved so far
        self._cited: list[Span] = []

    def _use(self, index: int, position: int = -1) -> int:
        self.entries[index].mentions += 1
        self.entries[index].position = max(self.entries[index].position, position)
        if index in self._recent:
            self._recent.remove(index)
        self._recent.append(index)
        return index

    def _last(self, accept) -> int | None:
        for index in reversed(self._recent):
            if accept(self.entries[index]):
                return index
        return None

    def _pronoun(self, word: str, position: int) -> int | None:
        """The entry a pronoun refers to (rule 1), learning a gender from "he" or "she".

        A person the text names after the last agreeing source and before the pronoun
        ("Green MP Carol Lund welcomed ... But she added") is a nearer antecedent."""
        if word in PERSON_PRONOUNS:
            gender = PERSON_PRONOUNS[word]
            index = self._last(lambda e: e.single_person and e.gender in (None, gender))
            since = self.entries[index].position if index is not None else -1
            named = self._named_person_between(since, position, gender, index)
            if named is not None:
                index = named
            if index is None:  # the text's pronoun wins over a guess from a first name
                index = self._last(lambda e: e.single_person
                                   and e.gender_evidence == "first_name")
            if index is not None and self.entries[index].gender_evidence in (None, "first_name"):
                self.entries[index].gender = gender
                self.entries[index].gender_evidence = "pronoun"
            return index
        if word == "it":
            return self._last(lambda e: e.source_type in THING_TYPES and not e.plural)
        if word in ("they", "them"):
            return self._last(lambda e: e.source_type in GROUP_TYPES or e.plural)
        return None

    def _people(self) -> tuple[tuple[int, str, str], ...]:
        return people_named_in(self._text)

    def _named_person_between(self, start: int, end: int, gender: str,
                              source_at_start: int | None) -> int | None:
        """The entry of the last person named in ``text[start:end]`` whose gender agrees,
        outside quotes (in '"The tackle on Heinze was terrible," he said' Heinze is
        talked about, not talking) and not a weak antecedent (``_weak_antecedent``; a
        name in the description of an unnamed source at ``start`` is its name: "The
        council's transport chief, Councillor Ravi Lindqvist"). The last name in object
        position (``_in_object_position``) gives way to a subject or a cited source of
        its sentence ("Mr Blair held talks with ..., Mahmoud Abbas. He confirmed"), and
        to a named source at ``start`` (``source_at_start``: "in the Nou Camp. But he
        denied" is still Mourinho)."""
        named_at_start = source_at_start is not None and (
            self.entries[source_at_start].source_type == "named_person")
        fallback = None  # the last name in object position, and where its sentence opens
        for position, name, surname in reversed(self._people()):
            if position >= end or any(s < position < e for s, e in self._quoted):
                continue
            if position <= start or (fallback and position < fallback[3]):
                break
            mention_end = _mention_end(self._text, position, name, surname)
            if _weak_antecedent(self._text, start if named_at_start else -1, position,
                                mention_end):
                continue
            info = describe(name)
            if info.source_type != "named_person" or info.gender not in (None, gender):
                continue
            if self._cited_at(position) or not _in_object_position(
                    self._text, position, mention_end):
                return self._named_index(name, info, position)
            fallback = fallback or (name, info, position, _sentence_start(self._text, position))
        if fallback is None or named_at_start:
            return None
        return self._named_index(*fallback[:3])

    def _cited_at(self, position: int) -> bool:
        """Whether ``position`` falls within the mention of a cited source."""
        return any(s <= position < e for s, e in self._cited)

    def _named_index(self, name: str, info: MentionInfo, position: int) -> int | None:
        """The entry of a person named at ``position`` (created, uncounted, when new)."""
        index = self.resolve(name, info, count=False, position=position)
        return index if index >= 0 else None

    def _is_person_surname(self, key: str) -> bool:
        return any(e.source_type == "named_person" and key in e.keys for e in self.entries)

    def _named_in_text(self, key: str) -> bool:
        return any(surname == key for _, _, surname in self._people())

    def resolve(self, mention: str, info: MentionInfo, *, count: bool = True,
                position: int = -1) -> int:
        """Index of the entry ``mention`` refers to, creating one when needed (-1: none).

        ``position`` is the mention's offset in the text (for rule 1); ``count=False``
        looks up without counting a mention."""
        if count and position >= 0:
            self._cited.append((position, position + len(mention)))
        if info.pronoun:
            index = self._pronoun(info.head, position)
            if index is None:
                return -1
            return self._done(index, count, position)
        if info.guessed and (self._is_person_surname(info.head)
                             or self._named_in_text(info.head)):
            info = MentionInfo("named_person", None, info.name, info.head, info.head)
        if info.source_type == "named_person" and info.name:
            surname = _surname(info)
            for index in reversed(self._recent):
                entry = self.entries[index]
                if entry.source_type == "named_person" and surname in entry.keys:
                    if len(info.name.split()) > len(entry.name.split()) and (
                        len(entry.name.split()) == 1
                    ):
                        entry.name = info.name
                    if entry.role is None and info.role:
                        entry.role = info.role
                    if entry.gender is None and info.gender:
                        entry.gender, entry.gender_evidence = info.gender, info.gender_evidence
                    return self._done(index, count, position)
            return self._new(self._entry(info.name, info, {surname}), count, position)
        key = info.key
        first = mention.split()[0].lower() if mention.split() else ""
        if first in ("another", "other"):
            return self._new(self._entry(canonical_text(mention), info, {mention.lower()}),
                             count, position)
        for index in reversed(self._recent):
            if key and key in self.entries[index].keys:
                return self._done(index, count, position)
        postmodified = mention.split()[-1].lower() != info.head  # "figures compiled by X"
        if first not in INDEFINITE and info.head and (first in DEFINITE or not postmodified):
            for index in reversed(self._recent):
                entry = self.entries[index]
                role_words = (entry.role or "").lower().split()
                if entry.head == info.head or info.head in role_words:
                    entry.keys.add(key)
                    return self._done(index, count, position)
        if first in DEFINITE and info.role and info.name is None and not info.plural \
                and info.source_type in ("anonymous", "unknown"):
            index = self._titled_person(info, position)
            if index is not None:
                self.entries[index].keys.add(key)
                self.entries[index].role = self.entries[index].role or info.role
                return self._done(index, count, position)
        if first in DEFINITE and info.name is None and info.source_type == "organisation" \
                and _is_description(mention):
            index = self._last(lambda e: _description_fits(e, info.head))
            if index is not None:
                self.entries[index].keys.add(key)
                return self._done(index, count, position)
        return self._new(self._entry(canonical_text(mention), info, {key}), count, position)

    def _titled_person(self, info: MentionInfo, position: int) -> int | None:
        """The entry of the person last named before ``position`` with the role of a
        definite description ("Prime Minister Tony Blair" ... "the prime minister";
        ``_title_fits``), one already cited first, whose gender agrees (a new entry,
        uncounted, when the person was not cited)."""
        role = info.role.lower().split()
        fitting = [(start, name) for start, name, surname in self._people()
                   if start < position and " " in name and self._text.startswith(name, start)
                   and describe(name).gender in (None, info.gender or describe(name).gender)
                   and _title_fits(_title(self._text, start, start + len(name)), role)]
        if not fitting:
            return None
        start, name = next((found for found in reversed(fitting)
                            if self._is_person_surname(describe(found[1]).key)), fitting[-1])
        return self._named_index(name, describe(name), start)

    @staticmethod
    def _entry(name: str, info: MentionInfo, keys: set[str]) -> Entry:
        return Entry(name, info.source_type, info.role, info.head, keys,
                     gender=info.gender, gender_evidence=info.gender_evidence,
                     plural=info.plural)

    def final(self, index: int) -> int:
        """The entry ``index`` stands for after ``merge_roles`` (itself when unmerged)."""
        while index in self.aliases:
            index = self.aliases[index]
        return index

    def merge_roles(self) -> None:
        """Join a role-only source ("Chechen leader", seen first in a headline) to the one
        named person who later carries that role ("Chechen leader Ramzan Kadyrov"); not an
        indefinite one ("A spokesman for UKIP" is no "Labour campaign spokesman Fraser
        Kemp": ``merge_delayed_name`` decides those)."""
        for index, entry in enumerate(self.entries):
            if entry.source_type == "named_person" or not entry.role or (
                    entry.first_position >= 0
                    and _A_OR_AN.match(self._text, entry.first_position)):
                continue
            role = entry.role.lower()
            matches = [i for i, other in enumerate(self.entries)
                       if other.source_type == "named_person" and other.role
                       and other.role.lower().endswith(role)]
            if len(matches) == 1:
                self.aliases[index] = matches[0]
                self.entries[matches[0]].mentions += entry.mentions

    def merge_delayed_name(self) -> None:
        """Join an unnamed person to the person named at the start of the next sentence:
        the delayed identification of a news lede ("A Brindlemoor landlord fined £12,000
        ... has claimed" + "Victor Stanmore, 58, told ..."; "A senior Tory MP has
        criticised ..." + "Public accounts committee chairman Edward Leigh was ..."), or,
        anywhere, a person given the same role word ("a judge claimed ..." + "Judge
        Charles Harris QC made his remarks")."""
        lede = next((i for i, e in enumerate(self.entries) if e.first_position >= 0), None)
        for index, entry in enumerate(self.entries):
            if index in self.aliases or entry.plural or entry.first_position < 0 or not (
                    entry.single_person or entry.head in PEOPLE_NOUNS) or (
                    entry.source_type not in ("anonymous", "unknown")
                    or not _A_OR_AN.match(self._text, entry.first_position)):
                continue
            opens_story = index == lede and not self._text[:entry.first_position].strip()
            named = self._named_next(entry, same_role=not opens_story)
            if named is not None:
                self.aliases[index] = named
                self.entries[named].mentions += entry.mentions

    def _named_next(self, entry: Entry, *, same_role: bool) -> int | None:
        """The source entry of the person named first in the sentence after ``entry``'s
        first mention, within its first ``DELAYED_NAME_WORDS`` words and before any comma;
        with ``same_role``, only one whose title holds ``entry``'s head word."""
        end = _SENTENCE_END.search(self._text, entry.first_position)
        if end is None:
            return None
        for position, name, _ in self._people():
            if position < end.end() or len(name.split()) < 2:
                continue
            before = self._text[end.end():position]
            if "," in before or len(before.split()) > DELAYED_NAME_WORDS:
                return None
            if same_role and entry.head not in (before + " " + name).lower().split():
                return None
            key = describe(name).key
            return next((i for i, e in enumerate(self.entries)
                         if e.source_type == "named_person" and key in e.keys), None)
        return None

    def _done(self, index: int, count: bool, position: int) -> int:
        """Record a mention of entry ``index`` at ``position`` (counted when ``count``)."""
        if count:
            return self._use(index, position)
        entry = self.entries[index]
        entry.position = max(entry.position, position)
        return index

    def _new(self, entry: Entry, count: bool, position: int) -> int:
        entry.first_position = position
        self.entries.append(entry)
        index = len(self.entries) - 1
        if count:
            return self._use(index, position)
        entry.position = position
        self._recent.append(index)
        return index
