"""Source mentions: what kind of source a phrase like "Kremlin spokesman Dmitry Peskov" is.

``describe(mention)`` reads one mention (the literal words next to a cue) and returns its
``source_type``, its ``role`` ("Kremlin spokesman"), the person's ``name`` when there is
one ("Dmitry Peskov") and its ``head`` noun ("source" in "a source in the Chechen
leadership"). It uses the source-noun lexicon (``lexicons/source_nouns.tsv``) and the
shape of the words: a run of capitalised words at the end is a name, lower-case words
before a name are a role, a pronoun is resolved later by ``analysis.detect.coreference``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from analysis.nlp import gazetteer, syntax
from analysis.nlp.lexicons import load_lexicon
from analysis.nlp.words import (
    COURTESY_TITLES,
    HONORIFICS,
    MONTHS,
    NUMBER_WORDS,
    WEEKDAYS,
    word_set,
)
from analysis.records import SourceType

PRONOUNS = word_set("he she they it i we you him her them who which whom that this these those")
DETERMINERS = word_set(
    "the a an this that these those his her its their our my your some many several another "
    "both all other such no any each every"
) | NUMBER_WORDS
INDEFINITE = word_set("a an another one some several many two three four five other")
# Words that are capitalised but are not names.
NOT_NAMES = word_set("the a an i in on at as") | WEEKDAYS | MONTHS
CONNECTORS = word_set("in of at from for with on by close near inside within to who whose that "
                    "which released published issued cited obtained seen reviewed familiar "
                    "involved working based speaking")

_WORD = re.compile(r"[\w][\w'’.\-]*")


@dataclass(frozen=True, slots=True)
class MentionInfo:
    """What ``describe`` found out about one mention.

    ``gender`` is ``"female"``, ``"male"`` or ``None`` and ``gender_evidence`` says what
    showed it (``"honorific"``, ``"role_word"``, ``"first_name"``); ``plural`` marks a
    group ("officials"); ``guessed`` marks a one-word name typed ``organisation`` only for
    want of any sign of a person ("Tesco"), which the text can still overrule.
    """

    source_type: SourceType
    role: str | None
    name: str | None
    head: str
    key: str
    pronoun: bool = False
    gender: str | None = None
    gender_evidence: str | None = None
    plural: bool = False
    guessed: bool = False


#: Honorifics and role words that say a person's gender (as the text presents it).
FEMALE_WORDS = word_set(
    "mrs mrs. ms ms. miss lady dame madam spokeswoman chairwoman businesswoman "
    "congresswoman councilwoman policewoman sportswoman woman mother wife daughter sister "
    "grandmother actress waitress queen princess duchess baroness"
)
MALE_WORDS = word_set(
    "mr mr. sir lord spokesman chairman businessman congressman councilman policeman "
    "sportsman man father husband son brother grandfather actor king prince duke baron"
)
#: A first name gives a gender only when at least this share of its bearers are of it.
FIRST_NAME_GENDER_SHARE = 0.9


def _gender(words: list[str], first: str | None) -> tuple[str | None, str | None]:
    """Gender and its evidence: an honorific or role word first, then a first name."""
    for word in words:
        lower = word.lower()
        if lower in FEMALE_WORDS or lower in MALE_WORDS:
            kind = "honorific" if lower in HONORIFICS or lower in COURTESY_TITLES else "role_word"
            return ("female" if lower in FEMALE_WORDS else "male"), kind
    share = gazetteer.first_name_share_female(first) if first else None
    if share is not None and share >= FIRST_NAME_GENDER_SHARE:
        return "female", "first_name"
    if share is not None and share <= 1 - FIRST_NAME_GENDER_SHARE:
        return "male", "first_name"
    return None, None


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
#: ``PHRASES`` with a space at either end, so that they match whole words only.
_PADDED_PHRASES = tuple((phrase, f" {phrase} ") for phrase in PHRASES)


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
    if end > 1 and words[-1][:1].isupper() and gazetteer.is_first_name(words[-2]):
        start -= 1  # "Clara May", "Ellen March": a surname that is also a month
    while start > 0 and (_is_capitalised(words[start - 1]) or (
        words[start - 1].lower() in ("de", "van", "von", "bin", "al", "la", "le", "da")
        and start < end) or (
        words[start - 1] == "of" and start < end and start > 1
        and _is_capitalised(words[start - 2]))):
        start -= 1
    while start < end and words[start].lower() in ("de", "van", "von", "bin", "al", "la"):
        start += 1
    return start, end


#: Last words of a name that make it an organisation ("Yukos Oil", "Acme Holdings"), or a
#: place or building that stands for the body in it ("Downing Street", "Wembley Stadium").
ORGANISATION_SUFFIXES = word_set(
    "inc corp corporation co ltd plc llc lp ag sa nv spa bv gmbh group holdings "
    "bank airlines airways motors industries partners associates foundation trust institute "
    "university college council party union federation association league club fc committee "
    "commission ministry department office board authority agency court street house hall "
    "road avenue lane square stadium arena park palace centre center hq headquarters"
)
#: A stock ticker after a company's name in wire copy ("Midland Bank Plc <MDBL.L>"; the
#: mention may end before its closing bracket).
_TICKER = re.compile(r"\s*<[A-Z0-9][A-Z0-9.]*>?$")
#: Endings of a word that says where the organisation after it is ("Cambridge-based").
LOCATED_ENDINGS = ("-based", "-headquartered")


_PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}s")
#: Endings of plural nouns for people that the lexicon may lack ("creditors"); a
#: capitalised word at a sentence's start may also end in "ants" or "ents" ("Organisers",
#: "Protestants", "Residents"), a lower-case one too often names things ("payments").
_PEOPLE_ENDINGS = ("ers", "ors", "ists", "ians")
_PEOPLE_PLURALS = (*_PEOPLE_ENDINGS, "ants", "ents")


def _single_name_type(word: str) -> tuple[str, bool]:
    """Type of a one-word name with no title, honorific or first name beside it.

    A country or capital stands for its government ("Japan said"); a common surname, or a
    word ending like a surname the census lacks, is a person ("Cook said", "Kadyrov
    said"); a plural common noun opening a sentence is a group of people
    ("Campaigners said"); anything else is taken for an organisation ("Tesco said",
    "Labour said"), a guess that ``analysis.detect.coreference`` overrules when the text names a
    person with that surname. Returns ``(source_type, guessed)``.
    """
    if gazetteer.is_place(word):
        return "organisation", False
    if _PLURAL_ACRONYM.fullmatch(word):
        return "anonymous", False  # "MPs", "CEOs"
    rank = gazetteer.surname_rank(word)
    if rank is not None and (rank <= 1000 or not syntax.is_common_word(word)):
        return "named_person", False
    if syntax.lexicon_tag(word.lower()) == "NNS" or word.lower().endswith(_PEOPLE_PLURALS):
        return "anonymous", False  # "Campaigners", "Organisers"
    if gazetteer.has_surname_ending(word) and not syntax.is_common_word(word):
        return "named_person", False  # "Kadyrov said", "O'Sullivan said"
    return "organisation", True


def _has_organisation_suffix(words: list[str]) -> bool:
    """The name ends, or its part before "of" ends, in a word of ``ORGANISATION_SUFFIXES``
    that is no surname after a first name, its full stops ignored: "Royal Resources Inc",
    "Acme S.A.", "Royal College of Physicians", "Downing Street" (not "Stuart Hall", a
    first name and a surname).

    >>> [_has_organisation_suffix(name.split()) for name in ("Downing Street", "Stuart Hall")]
    [True, False]
    """
    own = words[:words.index("of")] if "of" in words[1:] else words
    return own[-1].lower().replace(".", "") in ORGANISATION_SUFFIXES and not (
        gazetteer.surname_rank(own[-1]) and gazetteer.is_first_name(own[0]))


def _multi_name_type(words: list[str]) -> str:
    """Type of a name of two or more words with no title before it.

    "Royal Resources Inc" ends in a company word: an organisation, whatever its first
    word, and "Hong Kong" is a place as a whole. "Clara May" starts with a first name: a
    person. "Time Warner" starts with a common word, "Bank of England" names a place,
    "Greyhollow Water" ends in a common noun that is no surname: organisations. Unknown
    first words ("Ramzan Kadyrov") stay people.
    """
    first = words[0]
    if _has_organisation_suffix(words) or gazetteer.is_place(" ".join(words)):
        return "organisation"
    if gazetteer.is_first_name(first) and not gazetteer.is_place(first):
        return "named_person"
    if any(gazetteer.is_place(w) for w in words):
        return "organisation"
    if (syntax.lexicon_tag(words[-1].lower()) or "").startswith("NN") and not (
            gazetteer.surname_rank(words[-1]) or gazetteer.is_first_name(words[-1])):
        # "Brightway Buses", "Greyhollow Water": a common noun that is no surname ends it
        return "organisation"
    if syntax.is_common_word(first) and not gazetteer.surname_rank(first):
        return "organisation"
    return "named_person"


def _ends_in_full_name(words: list[str]) -> bool:
    """ "Chief Inspector Dawn Hale" (of Brindlemoor Police): a first name and a surname
    end these words, so an "of" after them starts the person's organisation."""
    return (len(words) >= 2 and gazetteer.is_first_name(words[-2]) and words[-1][:1].isupper()
            and not _has_organisation_suffix(words))


def _opens_participle_clause(words: list[str], i: int) -> bool:
    """"officers BRIEFED on the case", "a strategist WATCHING the race": a participle
    after a noun starts a clause that describes the source; it is not its head."""
    word = words[i]
    return (word[:1].islower() and word.endswith(("ed", "ing"))
            and words[i - 1].lower() not in DETERMINERS
            and syntax.lexicon_tag(word) in ("VBN", "VBD", "VBG"))


def _head_noun(word: str) -> str:
    """A mention's last word as its head noun, in the singular when the lexicon lacks the
    word itself ("analysts'" -> "analyst", "companies" -> "company", "bosses" -> "boss").

    >>> _head_noun("companies"), _head_noun("creditors"), _head_noun("officials")
    ('company', 'creditor', 'officials')
    """
    if word in NOUNS:
        return word
    if word.endswith("ies") and syntax.lexicon_tag(word) == "NNS":
        return word[:-3] + "y"
    if word.endswith("sses"):
        return word[:-2]  # "bosses"
    return word.rstrip(".'’s")


def _phrase_head(phrase: str) -> str:
    """The head noun of a lexicon phrase: its last word before a preposition or adjective
    ("people familiar with the matter" -> "people", "sources close to" -> "sources",
    "news agency" -> "agency", "figures released" -> "figures").

    >>> _phrase_head("people familiar with"), _phrase_head("wire service")
    ('people', 'service')
    """
    words = phrase.split()
    tags = [syntax.lexicon_tag(word) or "NN" for word in words]
    for i in range(1, len(words)):
        if tags[i][:2] in ("IN", "JJ", "RB", "TO", "VB") and tags[i - 1].startswith("NN"):
            return words[i - 1]
    return words[-1]


@lru_cache(maxsize=8192)
def describe(mention: str) -> MentionInfo:
    """Type, role, name, head noun, gender and matching key of one source mention.

    ``mention`` is the literal words next to a cue (str); returns a ``MentionInfo``.
    """
    ticker = _TICKER.search(mention)
    if ticker and ticker.start() > 0:
        return _listed_company(describe(mention[:ticker.start()]))
    words = _WORD.findall(mention)
    if not words:
        return MentionInfo("unknown", None, None, "", "")
    lower = [w.lower() for w in words]
    if len(words) == 1 and lower[0] in PRONOUNS:
        gender = {"he": "male", "him": "male", "she": "female", "her": "female"}.get(lower[0])
        return MentionInfo("unknown", None, None, lower[0], lower[0], pronoun=True,
                           gender=gender, plural=lower[0] in ("they", "them"))
    # The first chunk: words up to a connector ("a source IN the leadership").
    cut = len(words)
    for i, w in enumerate(lower[1:], start=1):
        if (w in CONNECTORS and not (
            w == "of" and i + 1 < len(words) and words[i + 1][:1].isupper()
            and words[i - 1][:1].isupper() and not _ends_in_full_name(words[:i])
        )) or _opens_participle_clause(words, i):
            # "Secretary of State John Kerry", "Bank of England" stay whole
            cut = i
            break
    chunk, chunk_lower = words[:cut], lower[:cut]
    if "and" in chunk_lower[1:-1]:
        pair = _coordinated_people(chunk, chunk_lower.index("and", 1))
        if pair is not None:
            return pair
    padded = f" {' '.join(lower)} "  # a phrase matches whole words only
    for phrase, padded_phrase in _PADDED_PHRASES:
        if padded_phrase in padded:
            cls = NOUNS[phrase]
            if cls != "role":
                head = _phrase_head(phrase)
                return MentionInfo(cls, None, None, head, normalise(mention),
                                   plural=cls == "anonymous" and head.endswith(("s", "people")))
    head = _head_noun(chunk_lower[-1])
    start, end = _name_run(chunk)
    # Drop a leading determiner and honorifics from the capitalised run.
    while start < end and chunk_lower[start] in DETERMINERS:
        start += 1
    if start < end and chunk[end - 1].isupper() and NOUNS.get(chunk_lower[end - 1]) == "role":
        start = end  # "A senior Tory MP": a role in capitals ends no name
    name_words = chunk[start:end]
    before = [w for w in chunk[:start] if w.lower() not in DETERMINERS]
    if name_words:
        return _describe_name(mention, chunk, chunk_lower, start, name_words, before)
    cls = NOUNS.get(head) or NOUNS.get(head.rstrip("s"))
    plural = chunk_lower[-1].endswith("s") and not chunk_lower[-1].endswith("ss")
    if cls == "role":
        # A role without a name: "a spokesman" is anonymous, "Chechen leader" unknown.
        kind = "anonymous" if chunk_lower[0] in INDEFINITE or plural else "unknown"
        gender, evidence = _gender(chunk, None)
        return MentionInfo(kind, " ".join(w for w in chunk if w.lower() not in DETERMINERS),
                           None, head, normalise(mention), gender=gender,
                           gender_evidence=evidence, plural=plural)
    if cls:
        return MentionInfo(cls, None, None, head, normalise(mention),
                           plural=cls == "anonymous" and plural)
    if _is_unnamed_person(chunk_lower) or (
            plural and chunk_lower[-1].endswith(_PEOPLE_ENDINGS)):
        # "a homeless man"; "the creditors", "pundits": a plural noun for people
        gender, evidence = _gender(chunk, None)
        return MentionInfo("anonymous", None, None, head, normalise(mention), gender=gender,
                           gender_evidence=evidence, plural=plural)
    return MentionInfo("unknown", None, None, head, normalise(mention))


def _coordinated_people(chunk: list[str], i: int) -> MentionInfo | None:
    """Two named people joined by "and" ("Smith and Jones", "Greek sprinters Kostas
    Kenteris and Katerina Thanou"): a plural named source under both names and surnames,
    not the last person alone; ``None`` unless each side is a named person by itself and
    the right one has no capitalised title of its own that the "and" may be part of
    ("Minister for Children, Young People and Families Margaret Hodge")."""
    left, right = describe(" ".join(chunk[:i])), describe(" ".join(chunk[i + 1:]))
    if not (left.source_type == right.source_type == "named_person"
            and left.name and right.name) or (right.role and right.role[:1].isupper()):
        return None
    return MentionInfo("named_person", left.role, f"{left.name} and {right.name}",
                       right.head, f"{left.key} and {right.key}", plural=True)


def _listed_company(info: MentionInfo) -> MentionInfo:
    """A name before a stock ticker is a company's, not a person's ("Midland Bank Plc
    <MDBL.L>"), and no guess ("Citicorp <CCI.N>")."""
    if info.source_type not in ("named_person", "organisation") or not info.name:
        return info
    return MentionInfo("organisation", None, info.name, info.head, _compact(info.name))


#: Head nouns of unnamed people ("a homeless man", "two local women").
PEOPLE_NOUNS = word_set(
    "man men woman women boy boys girl girls person people resident residents neighbour "
    "neighbours neighbor neighbors witness witnesses passer-by shopper shoppers customer "
    "customers worker workers fan fans voter voters parent parents mother father student "
    "students teacher teachers pensioner pensioners patient patients victim victims "
    "landlord landlords landlady tenant tenants driver drivers motorist motorists cyclist "
    "cyclists farmer farmers nurse nurses shopkeeper shopkeepers businessman businesswoman "
    "grandmother grandfather widow widower daughter son"
)


def _is_unnamed_person(chunk_lower: list[str]) -> bool:
    """"a homeless man", "several local residents": an indefinite or plural people noun."""
    head = chunk_lower[-1]
    return head in PEOPLE_NOUNS and (chunk_lower[0] in INDEFINITE or len(chunk_lower) == 1
                                     or head.endswith(("s", "men", "people")))


def _describe_name(mention: str, chunk: list[str], chunk_lower: list[str], start: int,
                   name_words: list[str], before: list[str]) -> MentionInfo:
    """``describe`` for a mention that holds a capitalised run ("Kremlin spokesman Dmitry
    Peskov", "Tesco", "the Daily Ledger")."""
    last = name_words[-1].lower()
    full = " ".join(name_words)
    after_the = start > 0 and chunk_lower[start - 1] == "the"
    first_is_name = len(name_words) > 1 and not after_the and gazetteer.is_first_name(
        name_words[0]) and not gazetteer.is_place(name_words[0])
    if not first_is_name and (last in MEDIA_SUFFIXES or (
            len(name_words) == 1 and NOUNS.get(last) == "media")):
        return MentionInfo("media", None, None, last, _compact(full))
    if last in NOUNS and NOUNS[last] != "role" and not first_is_name:
        cls = NOUNS[last]
        if cls == "document" and len(name_words) > 1:
            cls = "organisation"  # "Dimension Data", "Pew Research"
        if cls == "anonymous" and after_the:
            cls = "organisation"  # "the Liberal Democrats", "the Conservatives": a party
        return MentionInfo(cls, None, None, last, normalise(mention),
                           plural=cls == "anonymous" and last.endswith("s"))
    if after_the and not before:
        # "the Tories", "the Scottish Executive": a name after "the" is not a person.
        return MentionInfo("organisation", None, None, last, _compact(full))
    if before and before[-1].lower() in NOUNS and NOUNS[before[-1].lower()] in (
        "media", "organisation", "document"
    ) and len(name_words) == 1:
        return MentionInfo(NOUNS[before[-1].lower()], None, None, before[-1].lower(),
                           normalise(mention))
    if full.isupper() and len(name_words) == 1 and len(full) > 1:
        return MentionInfo("organisation", None, None, last, full.lower())
    if len(name_words) > 1 and name_words[0].lower().endswith(LOCATED_ENDINGS):
        # "Cambridge-based Ubisense": a company introduced by where it is
        name = " ".join(name_words[1:])
        return MentionInfo("organisation", None, name, last, _compact(name))
    # A capitalised title inside the run ("Home Secretary Charles Clarke") is a role.
    for i in range(len(name_words) - 2, -1, -1):
        if NOUNS.get(name_words[i].lower()) == "role":
            if i + 2 < len(name_words) - 1 and name_words[i + 1] == "of":
                i += 2  # "Secretary of State" is one title
            before = before + name_words[: i + 1]
            name_words = name_words[i + 1 :]
            break
    first = _first_name_index(name_words)
    if first > 0:  # "Chief Inspector Dawn Hale": the words before the first name are a title
        before = before + name_words[:first]
        name_words = name_words[first:]
    person = [w for w in name_words if w.lower() not in HONORIFICS] or name_words
    honorific = len(person) < len(name_words)
    person_before = any(NOUNS.get(w.lower()) == "role" or w.lower() in PEOPLE_NOUNS
                        for w in before)  # "spokesman Ian Lowe", "his mother, Giselle"
    if not honorific and (not person_before or (
            len(person) > 1 and _has_organisation_suffix(person))):
        # No title or person word before the name ("Swiss drugmaker Novartis" has none),
        # or a company word ends it ("lead manager Royal Resources Inc").
        kind, guessed = (_single_name_type(person[0]) if len(person) == 1
                         else (_multi_name_type(person), False))
        if kind != "named_person":
            name = " ".join(person)
            return MentionInfo(kind, None, name if kind == "organisation" else None,
                               person[-1].lower(), _compact(name), guessed=guessed,
                               plural=kind == "anonymous")
    titles = [w for w in name_words if w.lower() in HONORIFICS and not w.endswith(".")
              and w.lower() not in COURTESY_TITLES]
    role_words = before + titles
    role = " ".join(role_words) if role_words else None
    if role and not any(w.lower() in NOUNS for w in role_words) and len(role_words) > 4:
        role = None
    gender, evidence = _gender(before + name_words, person[0] if len(person) > 1 else None)
    return MentionInfo("named_person", role, " ".join(person), person[-1].lower(),
                       person[-1].lower().rstrip("'’s"), gender=gender,
                       gender_evidence=evidence)


def _first_name_index(words: list[str]) -> int:
    """Index of the first census first name that has a surname after it (0: none)."""
    for i, word in enumerate(words[:-1]):
        if gazetteer.is_first_name(word) and not gazetteer.is_place(word) and (
                word.lower() not in HONORIFICS):
            return i
    return 0


def _compact(name: str) -> str:
    """Matching key of an organisation's name: "Time Warner" and "TimeWarner" are one."""
    return "".join(name.lower().replace("’", "'").split())
