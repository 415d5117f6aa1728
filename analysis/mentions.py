"""Source mentions: what kind of source a phrase like "Kremlin spokesman Dmitry Peskov" is.

``describe(mention)`` reads one mention (the literal words next to a cue) and returns its
``source_type``, its ``role`` ("Kremlin spokesman"), the person's ``name`` when there is
one ("Dmitry Peskov") and its ``head`` noun ("source" in "a source in the Chechen
leadership"). It uses the source-noun lexicon (``lexicons/source_nouns.tsv``) and the
shape of the words: a run of capitalised words at the end is a name, lower-case words
before a name are a role, a pronoun is resolved later by ``analysis.coreference``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from analysis.lexicons import load_lexicon


def word_set(text: str) -> frozenset[str]:
    """A set of words written as one string (easier to read than a set literal)."""
    return frozenset(text.split())


PRONOUNS = word_set("he she they it i we you him her them who which whom that this these those")
PERSON_PRONOUNS = word_set("he she him her")
DETERMINERS = word_set(
    "the a an this that these those his her its their our my your some many several another "
    "one two three four five six seven eight nine ten both all other such no any each every"
)
INDEFINITE = word_set("a an another one some several many two three four five other")
HONORIFICS = word_set("mr mr. mrs mrs. ms ms. dr dr. sen. sen rep. rep gov. gov prof. prof sir "
                    "lord lady president senator governor mayor judge gen. gen rev. rev")
COURTESY_TITLES = word_set("mr mrs ms miss dr sir lord lady")
# Words that are capitalised but are not names.
NOT_NAMES = word_set(
    "the a an i monday tuesday wednesday thursday friday saturday sunday january february "
    "march april may june july august september october november december in on at as"
)
CONNECTORS = word_set("in of at from for with on by close near inside within to who whose that "
                    "which released published issued cited obtained seen reviewed familiar "
                    "involved working based speaking")

_WORD = re.compile(r"[\w][\w'’.\-]*")


@dataclass(frozen=True, slots=True)
class MentionInfo:
    """What ``describe`` found out about one mention."""

    source_type: str
    role: str | None
    name: str | None
    head: str
    key: str
    pronoun: bool = False


def _lexicon() -> tuple[dict[str, str], set[str], tuple[str, ...]]:
    nouns: dict[str, str] = {}
    suffixes: set[str] = set()
    for row in load_lexicon("source_nouns"):
        noun, cls = row["noun"].strip().lower(), row["class"].strip()
        if cls == "media_suffix":
            suffixes.add(noun)
        else:
            nouns.setdefault(noun, cls)
    phrases = tuple(sorted((n for n in nouns if " " in n), key=len, reverse=True))
    return nouns, suffixes, phrases


NOUNS, MEDIA_SUFFIXES, PHRASES = _lexicon()


def normalise(mention: str) -> str:
    """Lower-case key of a mention without its first determiner ("The documentary" -> ...)."""
    words = mention.lower().replace("’", "'").split()
    if words and words[0] in DETERMINERS:
        words = words[1:]
    return " ".join(words)


def canonical_text(mention: str) -> str:
    """A mention as a canonical name: a leading determiner in lower case."""
    first, _, rest = mention.partition(" ")
    if first.lower() in DETERMINERS and rest:
        return f"{first.lower()} {rest}"
    return mention


def _is_capitalised(word: str) -> bool:
    return word[:1].isupper() and word.lower() not in NOT_NAMES


def _name_run(words: list[str]) -> tuple[int, int]:
    """Start and end index of the last run of capitalised words in the first chunk."""
    end = len(words)
    start = end
    while start > 0 and (_is_capitalised(words[start - 1]) or (
        words[start - 1].lower() in ("de", "van", "von", "bin", "al", "la", "le", "da")
        and start < end) or (
        words[start - 1] == "of" and start < end and start > 1
        and _is_capitalised(words[start - 2]))):
        start -= 1
    while start < end and words[start].lower() in ("de", "van", "von", "bin", "al", "la"):
        start += 1
    return start, end


@lru_cache(maxsize=8192)
def describe(mention: str) -> MentionInfo:
    """Type, role, name, head noun and matching key of one source mention."""
    words = _WORD.findall(mention)
    if not words:
        return MentionInfo("unknown", None, None, "", "")
    lower = [w.lower() for w in words]
    if len(words) == 1 and lower[0] in PRONOUNS:
        return MentionInfo("unknown", None, None, lower[0], lower[0], pronoun=True)
    # The first chunk: words up to a connector ("a source IN the leadership").
    cut = len(words)
    for i, w in enumerate(lower[1:], start=1):
        if w in CONNECTORS and not (
            w == "of" and i + 1 < len(words) and words[i + 1][:1].isupper()
            and words[i - 1][:1].isupper()
        ):  # "Secretary of State John Kerry", "Bank of England" stay whole
            cut = i
            break
    chunk, chunk_lower = words[:cut], lower[:cut]
    text_lower = " ".join(lower)
    for phrase in PHRASES:
        if text_lower.startswith(phrase) or f" {phrase}" in f" {text_lower}":
            cls = NOUNS[phrase]
            if cls != "role":
                return MentionInfo(cls, None, None, phrase.split()[-1], normalise(mention))
    head = chunk_lower[-1].rstrip(".'’s") if chunk_lower else ""
    head = chunk_lower[-1] if chunk_lower[-1] in NOUNS else head
    start, end = _name_run(chunk)
    # Drop a leading determiner and honorifics from the capitalised run.
    while start < end and chunk_lower[start] in DETERMINERS:
        start += 1
    name_words = chunk[start:end]
    before = [w for w in chunk[:start] if w.lower() not in DETERMINERS]
    if name_words:
        last = name_words[-1].lower()
        full = " ".join(name_words)
        if last in MEDIA_SUFFIXES or (len(name_words) == 1 and NOUNS.get(last) == "media"):
            return MentionInfo("media", None, None, last, normalise(full))
        if last in NOUNS and NOUNS[last] != "role":
            cls = NOUNS[last]
            if cls == "document" and len(name_words) > 1:
                cls = "organisation"  # "Dimension Data", "Pew Research"
            return MentionInfo(cls, None, None, last, normalise(mention))
        if start > 0 and chunk_lower[start - 1] == "the" and not before:
            # "the Tories", "the Scottish Executive": a name after "the" is not a person.
            return MentionInfo("organisation", None, None, last, normalise(mention))
        if before and before[-1].lower() in NOUNS and NOUNS[before[-1].lower()] in (
            "media", "organisation", "document"
        ) and len(name_words) == 1:
            return MentionInfo(NOUNS[before[-1].lower()], None, None, before[-1].lower(),
                               normalise(mention))
        if full.isupper() and len(name_words) == 1 and len(full) > 1:
            return MentionInfo("organisation", None, None, last, full.lower())
        # A capitalised title inside the run ("Home Secretary Charles Clarke") is a role.
        for i in range(len(name_words) - 2, -1, -1):
            if NOUNS.get(name_words[i].lower()) == "role":
                if i + 2 < len(name_words) - 1 and name_words[i + 1] == "of":
                    i += 2  # "Secretary of State" is one title
                before = before + name_words[: i + 1]
                name_words = name_words[i + 1 :]
                break
        person = [w for w in name_words if w.lower() not in HONORIFICS] or name_words
        titles = [w for w in name_words if w.lower() in HONORIFICS and not w.endswith(".")
                  and w.lower() not in COURTESY_TITLES]
        role_words = before + titles
        role = " ".join(role_words) if role_words else None
        if role and not any(w.lower() in NOUNS for w in role_words) and len(role_words) > 4:
            role = None
        name = " ".join(person)
        return MentionInfo("named_person", role, name, person[-1].lower(),
                           person[-1].lower().rstrip("'’s"))
    cls = NOUNS.get(head) or NOUNS.get(head.rstrip("s"))
    if cls == "role":
        # A role without a name: "a spokesman" is anonymous, "Chechen leader" unknown.
        plural = chunk_lower[-1].endswith("s") and not chunk_lower[-1].endswith("ss")
        kind = "anonymous" if chunk_lower[0] in INDEFINITE or plural else "unknown"
        return MentionInfo(kind, " ".join(w for w in chunk if w.lower() not in DETERMINERS),
                           None, head, normalise(mention))
    if cls:
        return MentionInfo(cls, None, None, head, normalise(mention))
    return MentionInfo("unknown", None, None, head, normalise(mention))
