"""Coreference of source mentions: "Kadyrov" and "he" are "Ramzan Kadyrov".

A ``Registry`` keeps the distinct sources of one text in order of first mention. Each
new mention is resolved with a few rules, tried in order:

1. a pronoun: "he"/"she" -> the last named person; "it" -> the last organisation, medium
   or document; "they" -> the last group; otherwise the last source of any kind;
2. a named person: the same surname as a person already seen ("Kadyrov" -> "Ramzan
   Kadyrov"); the canonical name is the fullest form seen first;
3. an identical mention (same words without the determiner) -> the same source;
4. a definite description ("the source", "the spokesman", "the documentary") -> the last
   source with that head noun or that role noun;
5. otherwise a new source, named by its first full mention.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from analysis.mentions import INDEFINITE, MentionInfo, canonical_text

GROUP_TYPES = ("organisation", "anonymous", "media")
THING_TYPES = ("organisation", "media", "document")


@dataclass(slots=True)
class Entry:
    """One distinct source and everything learnt about it."""

    name: str
    source_type: str
    role: str | None
    head: str
    keys: set[str] = field(default_factory=set)
    mentions: int = 0


class Registry:
    """The distinct sources of one text, filled mention by mention in text order."""

    def __init__(self) -> None:
        self.entries: list[Entry] = []
        self.aliases: dict[int, int] = {}
        self._recent: list[int] = []

    def _use(self, index: int) -> int:
        self.entries[index].mentions += 1
        if index in self._recent:
            self._recent.remove(index)
        self._recent.append(index)
        return index

    def _last(self, types: tuple[str, ...] | None) -> int | None:
        for index in reversed(self._recent):
            if types is None or self.entries[index].source_type in types:
                return index
        return None

    def add_person(self, name: str, role: str | None = None) -> int:
        """Register a named person seen outside an attribution (for later pronouns)."""
        from analysis.mentions import describe

        info = describe(f"{role} {name}" if role else name)
        if info.source_type != "named_person":
            return -1
        return self.resolve(name, info, count=False)

    def resolve(self, mention: str, info: MentionInfo, *, count: bool = True) -> int:
        """Index of the entry ``mention`` refers to, creating one when needed (-1: none)."""
        if info.pronoun:
            word = info.head
            if word in ("he", "she", "him", "her"):
                index = self._last(("named_person",))
            elif word == "it":
                index = self._last(THING_TYPES)
            elif word in ("they", "them"):
                index = self._last(GROUP_TYPES)
            else:
                index = None
            if index is None:
                return -1
            return self._use(index) if count else index
        if info.source_type == "named_person" and info.name:
            surname = info.key
            for index in reversed(self._recent):
                entry = self.entries[index]
                if entry.source_type == "named_person" and surname in entry.keys:
                    if len(info.name.split()) > len(entry.name.split()) and (
                        len(entry.name.split()) == 1
                    ):
                        entry.name = info.name
                    if entry.role is None and info.role:
                        entry.role = info.role
                    return self._use(index) if count else index
            return self._new(Entry(info.name, "named_person", info.role, info.head, {surname}),
                             count)
        key = info.key
        first = mention.split()[0].lower() if mention.split() else ""
        if first in ("another", "other"):
            return self._new(Entry(canonical_text(mention), info.source_type, info.role,
                                   info.head, {mention.lower()}), count)
        for index in reversed(self._recent):
            if key and key in self.entries[index].keys:
                return self._use(index) if count else index
        if first not in INDEFINITE and info.head:
            for index in reversed(self._recent):
                entry = self.entries[index]
                role_words = (entry.role or "").lower().split()
                if entry.head == info.head or info.head in role_words:
                    entry.keys.add(key)
                    return self._use(index) if count else index
        return self._new(Entry(canonical_text(mention), info.source_type, info.role, info.head,
                               {key}), count)

    def final(self, index: int) -> int:
        """The entry ``index`` stands for after ``merge_roles`` (itself when unmerged)."""
        while index in self.aliases:
            index = self.aliases[index]
        return index

    def merge_roles(self) -> None:
        """Join a role-only source ("Chechen leader", seen first in a headline) to the one
        named person who later carries that role ("Chechen leader Ramzan Kadyrov")."""
        for index, entry in enumerate(self.entries):
            if entry.source_type == "named_person" or not entry.role:
                continue
            role = entry.role.lower()
            matches = [i for i, other in enumerate(self.entries)
                       if other.source_type == "named_person" and other.role
                       and other.role.lower().endswith(role)]
            if len(matches) == 1:
                self.aliases[index] = matches[0]
                self.entries[matches[0]].mentions += entry.mentions

    def _new(self, entry: Entry, count: bool) -> int:
        self.entries.append(entry)
        index = len(self.entries) - 1
        if count:
            return self._use(index)
        self._recent.append(index)
        return index
