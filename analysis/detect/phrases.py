"""Phrases around a reporting cue: who is named before it, what follows it.

Small, pure helpers that ``analysis.detect.attribution`` uses to read one sentence around a cue.
Spans are ``(start, end)`` into the text. Nothing here knows about cues or quotes:

- ``left_np``: the noun phrase right before a cue ("A source in the Chechen leadership",
  "Kadyrov" in "Kadyrov at the time conceded");
- ``appositive``: the name before ", a Trump supporter, said";
- ``inverted_source``: the source after the cue in "..., said the minister.";
- ``RIGHT_SKIP`` / ``TRAILING_SKIP``: time, occasion and adverbs that belong to neither
  source nor content ("on Tuesday", "in a statement", "also");
- ``clause_subject``: the subject that opens a clause (for "..., and said");
- ``ACCORDING_NP``, ``ADDRESSEE_END``, ``TRAILING_APPOSITIVE``: the phrase after
  "according to", the end of the addressee of "told", ", a spokesman for X." after a name.
"""

from __future__ import annotations

import re

from analysis.detect.mentions import DETERMINERS, NOUNS, PRONOUNS
from analysis.nlp import syntax
from analysis.nlp.words import MONTHS, WEEKDAYS, word_set
from analysis.records import Span

TIME = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|"
    r"April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Aug\.|"
    r"Sept?\.|Oct\.|Nov\.|Dec\.|week|weekend|month|year|night|morning|afternoon|evening|"
    r"day|time|days|weeks|months|years|hours|\d{4})"
)


OCCASION = (
    r"(?:statement|interview|speech|tweet|tweets|post|letter|email|e-mail|release|"
    r"conference|briefing|hearing|op-ed|column|report|blog|video|message|memo|radio|"
    r"television|broadcast|rally|debate|call|podcast|appearance|address|documentary|"
    r"Twitter|Facebook|Instagram|CNN|Fox|MSNBC|NBC|ABC|CBS|remarks|filing|court)"
)


ADVERB = (
    r"(?:also|later|previously|yesterday|today|tonight|recently|then|now|once|again|"
    r"repeatedly|separately|publicly|privately|reportedly|still|often|himself|herself|"
    r"themselves|itself|too|earlier|afterward|afterwards|first|quickly|simply|flatly|soon|"
    r"angrily|bluntly|back)"
)


# Words after a cue that are not its content: time, occasion, adverbs, commas.
RIGHT_SKIP = re.compile(
    r"(?:\s*,(?!\s*[\"“”'‘]))?(?:\s*(?:"
    r"(?:in|on|at|during|via|through|over|after|before|earlier|last|this|late|early|next)\s+"
    r"(?:(?:the|a|an|his|her|their|its|this|last|that|[\w.]+['’]s)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:" + TIME + "|" + OCCASION + r")\b"
    r"(?:\s+(?P<with>with|to|on|at|for|by)\s+(?P<party>(?:the\s+|a\s+|an\s+)?"
    r"(?:[A-Z][\w.'’&-]*)(?:\s+(?:[A-Z][\w.'’&-]*|of|the|news|agency|network))*))?"
    r"|" + ADVERB + r"\b|" + TIME + r"\b|(?:last|this|on)\s+" + TIME + r"\b"
    r"|,(?!\s*[\"“”'‘])))*",
)


TRAILING_SKIP = re.compile(
    r"(?:\s*,|\s+" + ADVERB + r"|\s+(?:on|in|at|during|last|this|earlier|late|early|next)"
    r"\s+(?:(?:the|a|an|this|last|that)\s+)?(?:[\w-]+\s+){0,2}?" + TIME + r"\b)+\s*$"
)


# A time phrase that opens a clause before its subject ("Last night", "On Tuesday").
LEADING_TIME = re.compile(
    r"(?:(?:last|this|on|early|late|earlier|later)\s+" + TIME + r"|yesterday|today)"
    r"\b,?\s+(?=[A-Z])",
    re.IGNORECASE,
)


# The last word of a text, read from the reversed text: its first run of word characters
# and dots that holds a letter or digit ("Smith." in "said Smith. "). A search from the left
# (``[\w.]+(?=\W*$)``) would try, and undo, every word of the text.
_LAST_WORD_REVERSED = re.compile(r"\W*?([\w.]*\w[\w.]*)")


def last_word(text: str) -> str:
    """The last word of ``text``, with any dots in it ("" when it has none).

    >>> last_word("Secretary of State John Kerry on Monday "), last_word("the U.S. ")
    ('Monday', 'U.S.')
    """
    match = _LAST_WORD_REVERSED.match(text[::-1])
    return match.group(1)[::-1] if match else ""


TRAILING_WORDS = word_set(
    "also later previously yesterday today tonight recently then now once again repeatedly "
    "separately publicly privately reportedly still often himself herself themselves itself "
    "too earlier afterward afterwards first quickly simply flatly angrily bluntly soon "
    "jan. feb. aug. sept. sep. oct. nov. dec. "
    "week weekend month year night morning afternoon evening day time days weeks months years "
    "hours"
) | WEEKDAYS | MONTHS | {str(year) for year in range(1900, 2100)}


# Where a noun phrase before a cue cannot reach back across: a comma (not in "1,000"), other
# punctuation, a dash, or a conjunction. Two patterns, as each is much faster alone: the
# first starts with a fixed character, and the second skips any letter that opens no word
# of its list, which the engine cannot do for one pattern that mixes both.
BOUNDARY_MARK = re.compile(r",(?:(?<!\d,)|(?!\d))|[;:()\[\]—–\"“”«»]|\s-\s")
BOUNDARY_WORD = re.compile(
    r"(?=[abinostw])\b(?:that|and|but|because|while|when|although|though|if|after|before|"
    r"since|so|where|whom|as|than|or|nor|then|whether)\b",
    re.IGNORECASE,
)


WORD = re.compile(r"[\w][\w'’.&-]*")


NP_LEADERS = word_set(
    "on in of at to for with by from about what how why when where whether over under into "
    "than like unlike but yet and so despite still meanwhile however also which "
    "including excluding without within during against among amid through throughout "
    "toward towards upon across behind beyond besides"
)


#: Characters after a cue read for its source ("according to X", "said X"): a source
#: longer than this is no phrase the rules can read, and the bound keeps work per cue
#: constant however long the sentence.
SOURCE_WINDOW = 200


ACCORDING_NP = re.compile(r"\s+([^,;:.?!\"“”]+?)(?=\s*[,;:.?!\"“”]|\s*$)")


_BY = re.compile(r"\bby\s+(?=[A-Z]|(?:the|a|an|his|her|its|their|some|many|several)\s)")
#: Tags of the words of an agent after "by" ("by the parents of the victims").
_AGENT_TAGS = frozenset({"DT", "JJ", "NN", "NNS", "NNP", "NNPS", "POS", "CD", "PRP$", "IN"})


def passive_agent(text: str, start: int, end: int) -> tuple[int, Span] | None:
    """The agent of a passive in ``text[start:end]``, after "by": ``(where "by" starts,
    the agent's span)`` for "was blamed by the parents of the victims for the delay"
    ("the parents of the victims"); None when no "by" opens a noun phrase there.

    >>> text = "blamed by the parents of the victims for the delay"
    >>> by, agent = passive_agent(text, 7, len(text)); text[slice(*agent)]
    'the parents of the victims'
    """
    by = _BY.search(text, start, end)
    if by is None:
        return None
    words = list(WORD.finditer(text, by.end(), end))[:SUBJECT_MAX_WORDS]
    kept = 0
    for i, word in enumerate(words):
        if i and text[words[i - 1].end():word.start()].strip():
            break  # punctuation ends the agent
        tag = _tag(word.group(), False)
        if tag not in _AGENT_TAGS or (tag == "IN" and word.group() != "of"):
            break
        kept = i + 1
    while kept and words[kept - 1].group() in ("of", "the", "a", "an"):
        kept -= 1
    if not kept:
        return None
    return by.start(), (words[0].start(), words[kept - 1].end())


ADDRESSEE_END = re.compile(
    r"\s+(?:that|about|on|in|at|to|of|for|during|when|after|before|last|this|what|how|why|"
    r"if|whether)\b|[,;:.?!\"“”]|$"
)


def before_sentence_end(text: str, start: int, stop: int) -> int:
    """``stop`` moved back over the spaces and sentence-final marks that end
    ``text[start:stop]`` ("the deal was done." -> before the full stop)."""
    while stop > start and (text[stop - 1].isspace() or text[stop - 1] in ".?!…"):
        stop -= 1
    return stop


#: What a content cut before the next clause must not end with: punctuation, and words
#: that join a clause to it ("it may cut jobs, with [Mr Dixon quoted as saying]").
CONTENT_TAIL = re.compile(
    r"(?:[\s,;:—–-]|\b(?:and|but|or|while|whereas|although|though|with)\b)+$")


def strip_span(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


_DETERMINERS_BUT_THAT = DETERMINERS - {"that"}  # built once, not per word
#: A short form in brackets after a name, "(NAAMSA)", "(BoE)": part of the name it follows.
_ACRONYM_AFTER = re.compile(r"(?<=\w)\s*\((?:[A-Z][\w.&'’-]{1,11})\)$")


def left_np(text: str, lo: int, hi: int, *, short: bool = False,
            opens_clause: bool = True) -> Span | None:
    """The noun phrase that ends right before ``hi``, not crossing ``lo`` or a boundary;
    ``opens_clause`` is False when ``lo`` is the end of an earlier cue, so that a noun
    phrase starting there is that cue's object, never the first half of a coordinated
    subject ("criticised the plan and officials said")."""
    segment = text[lo:hi]
    if segment.rstrip().endswith(","):
        return None  # "..., adding that": no subject right before the cue
    end = lo + len(segment.rstrip())
    acronym = _ACRONYM_AFTER.search(text, lo, end)
    if acronym:
        end = acronym.start()  # "the National Association of ... (NAAMSA) said"
    if last_word(segment).lower() in TRAILING_WORDS:
        # Only then look for a trailing "on Tuesday" / "also" (a costly search).
        tail_start = max(0, len(segment) - 60)
        trailing = TRAILING_SKIP.search(segment, tail_start)
        if trailing:
            end = lo + trailing.start()
    words = list(WORD.finditer(text, lo, end))
    if not words:
        return None
    last = words[-1]
    if last.group().lower() in PRONOUNS:
        return last.span()
    start = lo
    boundary = _last_boundary(text, lo, end)
    if boundary is not None:
        start = boundary.end()
        if boundary.group().lower() == "and":
            start = _conjunct_start(text, lo, boundary.start(), end, opens_clause)
    words = [w for w in words if w.start() >= start]
    if not words:
        return None
    fronted_phrase = False
    while words and words[0].group().lower() in NP_LEADERS:
        fronted_phrase |= syntax.lexicon_tag(words[0].group().lower()) == "IN"
        words = words[1:]
    if fronted_phrase:
        words = words[_subject_after_phrase(words):]
    while len(words) > 1 and syntax.lexicon_tag(words[0].group()) == "RB" and (
            words[1].group()[:1].isupper()):
        words = words[1:]  # "Now Wilson believes", "Perhaps Russia will"; not "South Carolina"
    kept = len(words)
    while kept > 1 and syntax.lexicon_tag(words[kept - 1].group().lower()) == "RB":
        kept -= 1  # "Yukos unsuccessfully sought", "Officials here said"
    words = words[:kept]
    if words:
        fronted = LEADING_TIME.match(text, words[0].start(), end)
        if fronted and fronted.end() < end:  # "Last night Tom Reyes": a time, not the source
            words = [w for w in words if w.start() >= fronted.end()]
    if not words or all(syntax.lexicon_tag(w.group().lower()) == "RB" for w in words):
        return None  # "a game that merely confirmed": an adverb is no source
    limit = 4 if short else 8
    if short or (len(words) > limit and not _is_long_name(words)):
        tail = words[-limit:]
        chosen = None
        for i in range(len(tail) - 1, -1, -1):
            if tail[i].group().lower() in _DETERMINERS_BUT_THAT:
                chosen = i
                break
        if chosen is None:
            for i, w in enumerate(tail):
                if w.group()[0].isupper():
                    chosen = i
                    break
        if chosen is None:
            return None if len(words) > limit else (words[0].start(), words[-1].end())
        words = tail[chosen:]
    return words[0].start(), words[-1].end()


#: The longest name a subject may be ("the National Association of Automobile
#: Manufacturers of South Africa").
NAME_MAX_WORDS = 12
#: Words that join the capitalised words of one name.
_NAME_JOINERS = frozenset({"of", "and", "for", "the", "&", "on", "in"})


def _is_long_name(words: list[re.Match]) -> bool:
    """Whether ``words`` are one name of at most ``NAME_MAX_WORDS`` words: capitalised
    words joined by "of", "and", "for", after an optional "the"."""
    first = 1 if words[0].group().lower() == "the" else 0
    return len(words) <= NAME_MAX_WORDS and words[first].group()[:1].isupper() and all(
        w.group()[:1].isupper() or w.group() in _NAME_JOINERS for w in words[first:]) and (
        words[-1].group()[:1].isupper())


def _subject_after_phrase(words: list[re.Match]) -> int:
    """Where the subject starts after a fronted phrase with no comma ("In the interview
    Mr Blair", "In New York the mayor", "On Wednesday Prime Minister Yulia Tymoshenko"):
    at the last determiner that follows no determiner or preposition, or the last name
    that follows a day or month opening the phrase or a common noun that is no title
    ("Tory leader Michael Howard", "anti-virus firm Sophos", "the bloc's Luxembourg
    presidency", "the Sunday Times" stay whole); 0 when there is none."""
    start = 0
    for i in range(1, len(words)):
        word, previous = words[i].group(), words[i - 1].group().lower()
        if previous in DETERMINERS or syntax.lexicon_tag(previous) in ("IN", "TO"):
            continue
        if word.lower() in _DETERMINERS_BUT_THAT or (
                word[:1].isupper() and _ends_a_phrase(words, i - 1)):
            start = i
    return start


def _ends_a_phrase(words: list[re.Match], i: int) -> bool:
    """Whether ``words[i]`` can end a fronted phrase before a name: a day or month that
    opens it ("Wednesday"), or a common noun that names no person, body or outlet (a
    document such as "statement", or a word ``NOUNS`` lacks) and is no possessive."""
    word = words[i].group()
    lower = word.lower()
    if lower in WEEKDAYS or lower in MONTHS:
        return i == 0
    return word[:1].islower() and NOUNS.get(lower) in (None, "document") and (
        syntax.lexicon_tag(lower) or "NN").startswith("NN") and not lower.endswith(
        ("'s", "’s", "s'", "s’"))


def _last_boundary(text: str, lo: int, end: int) -> re.Match | None:
    """The last ``BOUNDARY_MARK`` or ``BOUNDARY_WORD`` in ``text[lo:end]`` (they never
    overlap, so this is the last match of the two patterns joined by ``|``)."""
    last = [*BOUNDARY_MARK.finditer(text, lo, end)][-1:] + [
        *BOUNDARY_WORD.finditer(text, lo, end)][-1:]
    return max(last, key=re.Match.start, default=None)


#: Tags of the words a first conjunct may have ("the IMF", "Corroon", "The subcommittee").
_CONJUNCT_TAGS = frozenset({"DT", "JJ", "NN", "NNS", "NNP", "NNPS", "POS", "PRP$", "CD"})
#: Words that open a coordination without being part of its first conjunct.
_CORRELATIVES = frozenset({"both", "either", "neither"})
#: The longest first conjunct, in words.
CONJUNCT_MAX_WORDS = 4


def _conjunct_start(text: str, lo: int, and_start: int, end: int, opens_clause: bool) -> int:
    """Where a subject that ends at ``end`` and holds "and" (at ``and_start``) starts: two
    roles make one title ("chairman and chief executive Rona Vance"), and a short noun
    phrase that opens the clause is the first of two subjects ("Corroon and Black Corp
    said", "Both the IMF and World Bank have urged"); else just after "and"."""
    after = and_start + len("and")
    previous = list(WORD.finditer(text, max(lo, and_start - 30), and_start))
    if previous and NOUNS.get(previous[-1].group().lower()) == "role":
        return previous[-1].start()
    boundary = _last_boundary(text, lo, and_start)
    second = len(WORD.findall(text, after, end))
    if (boundary is None and not opens_clause) or not second:
        return after  # "criticised the plan and officials said", "funds X and proposed"
    words = list(WORD.finditer(text, boundary.end() if boundary else lo, and_start))
    if words and words[0].group().lower() in _CORRELATIVES:
        words = words[1:]
    fits = 0 < len(words) <= CONJUNCT_MAX_WORDS and len(words) + 1 + second <= SUBJECT_MAX_WORDS
    if fits and all(syntax.guess_tag(w.group()) in _CONJUNCT_TAGS for w in words):
        return words[0].start()
    return after


#: Prepositions that open a circumstance after a speech tag ("said to cheers").
_CIRCUMSTANCE_OPENERS = word_set(
    "at in on during before after while from outside inside near with to amid as by under"
)


def is_circumstance(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` after a speech tag is a circumstance, not content:
    a phrase opened by a preposition or a participle, with no finite verb ("to cheers",
    "in a statement released after the leak", "on a Sunday morning show"); at most
    ``SOURCE_WINDOW`` characters long."""
    if end - start > SOURCE_WINDOW:
        return False
    opening = WORD.search(text, start, end)  # the first word decides most cases alone
    if opening is None:
        return False
    first = opening.group().lower()
    if first == "to" and _infinitive_after(text, opening.end(), end):
        return False  # "hopes to cripple the network": the content, not "to cheers"
    opens = first in _CIRCUMSTANCE_OPENERS or (
        first.endswith("ed") and syntax.lexicon_tag(first) in ("VBN", "VBD"))
    return opens and not any(syntax.lexicon_tag(w.lower()) in syntax.FINITE_VERB_TAGS
                             for w in WORD.findall(text, opening.end(), end))


def _infinitive_after(text: str, start: int, end: int) -> bool:
    """Whether the word after "to" at ``start`` is a verb's base form ("to cripple")."""
    following = WORD.search(text, start, end)
    return following is not None and syntax.lexicon_tag(following.group().lower()) == "VB"


#: Tags that end a clause's subject: a verb (not an -ing form), a modal or an adverb.
_SUBJECT_END_TAGS = frozenset({"VBD", "VBZ", "VBP", "VBN", "MD", "RB"})
#: Tags a subject's last word may have: a noun or a pronoun.
_SUBJECT_HEAD_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS", "PRP", "CD"})
#: A subject longer than this is no subject but a misreading.
SUBJECT_MAX_WORDS = 8


def clause_subject(text: str, start: int, end: int) -> Span | None:
    """The subject that opens the clause ``text[start:end]``: the words before its first
    verb or adverb, after any fronted phrase (a preposition or adverb up to a comma: "On
    Thursday,", "However,") and before any apposition ("Senator Dianne Feinstein, Democrat
    of California, ..."). ``None`` when that is no noun phrase of at most
    ``SUBJECT_MAX_WORDS`` words.

    >>> text = "On Thursday, the Republican nominee also outlined his plan"
    >>> text[slice(*clause_subject(text, 0, len(text)))]
    'the Republican nominee'
    """
    words = list(WORD.finditer(text, start, end))
    first = 1 if words and _tag(words[0].group(), True) == "CC" else 0  # "But", "And"
    while first < len(words) and _tag(words[first].group(), True) in _FRONTED_TAGS:
        comma = next((i for i in range(first, len(words))
                      if text.startswith(",", words[i].end())), None)
        if comma is None:
            return None
        first = comma + 1
    last = first - 1
    for i in range(first, len(words)):
        if _tag(words[i].group(), i == first) in _SUBJECT_END_TAGS:
            break
        last = i
        if text.startswith(",", words[i].end()):
            break  # an apposition follows the name
    if last < first or last - first + 1 > SUBJECT_MAX_WORDS:
        return None
    if _tag(words[last].group(), last == first) not in _SUBJECT_HEAD_TAGS:
        return None
    return words[first].start(), words[last].end()


def opens_with_clause(text: str, start: int, end: int, *, at_once: bool = False) -> bool:
    """Whether ``text[start:end]`` opens with a subject and a finite verb, a clause with
    no "that" ("the plan would fail"), not a bare noun phrase ("337,000 jobs last month");
    ``at_once``: the subject is its first word, after no fronted phrase ("suspects under
    house arrest, placing ..." opens no clause).

    >>> text = "added the plan would fail"
    >>> opens_with_clause(text, 6, len(text)), opens_with_clause("added 337,000 jobs", 6, 18)
    (True, False)
    """
    first = WORD.search(text, start, end)
    if first is None or (at_once and _tag(first.group(), False) in _FRONTED_TAGS):
        return False
    subject = clause_subject(text, start, end)
    verb = WORD.search(text, subject[1], end) if subject else None
    return verb is not None and _tag(verb.group(), False) in syntax.FINITE_VERB_TAGS


#: Tags that open a fronted phrase before a clause's subject.
_FRONTED_TAGS = frozenset({"IN", "RB", "TO", "WRB", "CC"})


def _tag(word: str, opens: bool) -> str:
    """The tag of ``word`` (pronouns keep theirs even when capitalised: "He", "They")."""
    if word.lower() in PRONOUNS:
        return syntax.lexicon_tag(word.lower()) or "PRP"
    return syntax.guess_tag(word, opens_sentence=opens)


# A period that ends a sentence, not "Mrs." or "Gov." (fixed-width look-behinds).
NOT_ABBREVIATION = "".join(
    rf"(?<!\b{a})" for a in ("Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Gov", "Sen", "Rep",
                              "Gen", "Lt", "Col", "Capt", "Prof", "Rev", "Sgt")
)


#: Auxiliaries, modals and conjunctions that open a clause, never an apposition (",
#: should be enough", ", and jobs grew").
_VERB_OPENERS = ("should|would|could|will|can|may|might|must|is|are|was|were|has|have|had|"
                 "do|does|did|and|but|or")
# ", a spokesman for Mrs. Clinton." after a name that follows its cue.
TRAILING_APPOSITIVE = re.compile(
    r",\s+((?!(?:who|which|whose|that|where|when|" + _VERB_OPENERS + r")\b|[a-z]+ing\b)"
    r"(?:a|an|the|his|her|their|its|[\w-]+['’]s|[a-z][\w-]*)\s[^,;:?!\"“”]{1,80}?)"
    r"(?=\s*(?:[,;:?!\"“”]|" + NOT_ABBREVIATION + r"\.(?:\s|$)|$))"
)


#: A name set off after a role ("said the committee chairman, MP Edward Leigh."): one to
#: four capitalised words, then the end of the clause.
NAME_APPOSITIVE = re.compile(
    r",\s+((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]*)"
    r"(?=\s*(?:[,;:?!\"“”]|" + NOT_ABBREVIATION + r"\.(?:\s|$)|$))"
)


CLOSERS = (",", "”", '"', "’", "'", "»")


INVERTED_NP = re.compile(
    r"\s+((?:[A-Z][\w.'’&-]*|the|a|an|he|she|they|it|we|I|one|another|his|her|their|its|"
    r"[a-z][\w-]*(?=(?:\s+[a-z][\w-]*){0,3}\s+[A-Z]))"
    r"(?:\s+(?:[\w.'’&-]+))*?)\s*(?=[,;:.?!\"“”]|\s+(?:on|in|at|during|who|which|as|after|"
    r"before|when|of\s+the|last|this|earlier|adding|saying|while|and)\b|\s*$)"
)


def inverted_source(text: str, position: int, end: int) -> Span | None:
    """The source after a cue in "..., said the source." (None when it is not there)."""
    match = INVERTED_NP.match(text, position, end)
    if not match:
        return None
    words = WORD.findall(match.group(1))
    possessive = words[0].lower() in ("his", "her", "their", "its") and words[-1][:1].isupper()
    if len(words) > 8 or (len(words) > 1 and words[0].lower() in PRONOUNS and not possessive):
        return None  # "said he was ..." is not an inverted "said he."; "her neighbour Jo" is
    if words[0][:1].islower() and words[0].lower() not in _INVERTED_OPENERS and not (
            words[-1][:1].isupper() and len(words) <= 6):
        return None  # a lower-case start only as a role before a name ("director Hal Benning")
    start, stop = strip_span(text, *match.span(1))
    stop = _before_full_stop(text, start, stop)
    adverb = _TRAILING_ADVERB.search(text, start, stop)
    if adverb and adverb.start() > start:
        stop = adverb.start()  # "said Beth Crane cheerfully"
    return start, _second_role_end(text, words, stop, end)


def _second_role_end(text: str, words: list[str], stop: int, end: int) -> int:
    """Where an inverted source ends when a role is joined by "and" to a second role and
    the name ("said Nortel president and chief executive Bill Owens"); ``stop`` if not."""
    joined = _AND.match(text, stop, end)
    if not joined or NOUNS.get(words[-1].lower()) != "role":
        return stop
    second = INVERTED_NP.match(text, joined.end(), end)
    if not second:
        return stop
    more = WORD.findall(second.group(1))
    if len(words) + len(more) > SUBJECT_MAX_WORDS or not more[-1][:1].isupper():
        return stop
    return _before_full_stop(text, *strip_span(text, *second.span(1)))


_ABBREVIATION_END = re.compile(r"\b[A-Z][a-z]?\.$|\b(?:Jr|Sr|Inc|Co)\.$")


def _before_full_stop(text: str, start: int, stop: int) -> int:
    """``stop``, moved before a sentence's full stop that is no abbreviation's ("Bill
    Owens." -> "Bill Owens"; "Acme Inc." stays)."""
    if text[stop - 1] == "." and not _ABBREVIATION_END.search(text[start:stop]):
        return stop - 1
    return stop


_AND = re.compile(r"\s+and(?=\s)")
_INVERTED_OPENERS = word_set("the a an he she they it we i one another his her their its")
_TRAILING_ADVERB = re.compile(r"\s+[a-z]+ly$")


#: Relative pronouns that open a clause about the noun before them.
RELATIVES = ("who", "which", "whose", "where", "when")


def _piece_kind(words: list[str]) -> str:
    """What one comma-separated piece before a cue is: name, age, relative, appositive."""
    first = words[0]
    if len(words) == 1 and first[:1].isdigit():
        return "age"  # "Arthur Pell, 83, said"
    if first.lower() in RELATIVES:
        return "relative"  # "Kadyrov, who has led Chechnya since 2007, said"
    if NOUNS.get(first.lower()) == "role":
        return "appositive"  # "Mr Larkin, Leader of the House, told"
    if len(words) <= 5 and all(w[:1].isupper() for w in words) and (
        first.lower() not in DETERMINERS
    ):
        return "name"  # "The club's chair, Priya Halvorsen, said"
    if first.lower() in DETERMINERS or first[:1].islower() or first.endswith(("'s", "’s")):
        return "appositive"  # "Chris Collins, a Trump supporter, said"
    return "other"


_CLOSING_MARKS = ('"', "”", "»")
_OPENING_MARKS = ('"', "“", "«")


def _is_fronted(text: str, piece: Span) -> bool:
    """A piece that opens a sentence before its subject: "However", "On Tuesday", or a
    participle clause, "Responding to the plans" (not "Managing director Ann Lee")."""
    words = WORD.findall(text, *piece)
    if not words:
        return False
    tag = syntax.guess_tag(words[0], opens_sentence=True)
    if tag == "VBG" and len(words) > 1:
        return syntax.lexicon_tag(words[1].lower()) in _AFTER_PARTICIPLE_TAGS
    return tag in _FRONTED_TAGS


#: Tags of the word after an -ing word that make it a participle clause ("Speaking on",
#: "Outlining his", "Addressing the"), not a modifier ("Leading economist").
_AFTER_PARTICIPLE_TAGS = frozenset({"IN", "TO", "DT", "PRP$", "PRP"})


#: Dashes that open an aside: a spaced hyphen or en dash, or an em dash.
_OPENING_DASHES = (" - ", " – ", "—")


def dash_aside_start(text: str, lo: int, hi: int) -> int | None:
    """Where an aside set off by dashes starts when ``text[lo:hi]`` ends with its closing
    dash ("Mr Herron - who runs his own campaign -" before "said"); None otherwise (a
    hyphen glued to a word closes nothing: "two-bit")."""
    end = lo + len(text[lo:hi].rstrip())
    if end <= lo or text[end - 1] not in "-–—" or (
            text[end - 1] != "—" and not text[end - 2:end - 1].isspace()):
        return None
    opening = max(text.rfind(dash, lo, end - 1) for dash in _OPENING_DASHES)
    return opening if opening > lo else None


def adverbs_after_comma_start(text: str, lo: int, hi: int) -> int | None:
    """Where adverbs that stand between a closing comma and the cue start ("A 2016 survey,
    which the Herald has seen, | apparently flagged"): they go with the verb, so the
    subject ends at the comma; None when no comma and adverbs end ``text[lo:hi]``."""
    words = list(WORD.finditer(text, lo, hi))
    first = len(words)
    while first > 0 and syntax.lexicon_tag(words[first - 1].group().lower()) == "RB":
        first -= 1
    if first in (0, len(words)):
        return None
    between = text[words[first - 1].end():words[first].start()]
    if between.strip() != ",":
        return None
    return words[first].start()


def appositive(text: str, lo: int, comma: int) -> tuple[Span | None, Span | None, str | None]:
    """The subject of "X, <apposition>, said", read backwards from the comma before the cue.

    Returns ``(mention, name, role)``: the whole mention ("The club's chair, Priya
    Halvorsen"), the part that names the source ("Priya Halvorsen") and a role taken from
    the apposition ("club's chair"), or Nones when the words are not such a subject.
    Handles "Name, a role, said", "A role, Name, said", "Name, 83, who ..., said".
    """
    pieces: list[Span] = []
    end = comma - 1
    closing = max(text.rfind(mark, lo, end) for mark in _CLOSING_MARKS)
    opening = max(text.rfind(mark, lo, closing) for mark in _OPENING_MARKS) if closing > lo else -1
    if opening >= lo and not text[lo:opening].strip():
        lo = closing + 1  # '"...," the farmer, Owen Price, said': the quote is no apposition
    while len(pieces) < 4:
        previous = text.rfind(",", lo, end)
        pieces.insert(0, strip_span(text, previous + 1 if previous >= lo else lo, end))
        if previous < lo:
            break
        end = previous
    while len(pieces) > 2 and _is_fronted(text, pieces[0]):
        pieces.pop(0)  # "However, Chittabrata Majumdar, general secretary of ..., said"
    if len(pieces) < 2:
        return None, None, None
    first = pieces[0]
    first_words = WORD.findall(text, *first)
    if not first_words or len(first_words) > 8:
        return None, None, None
    kinds = [_piece_kind(WORD.findall(text, s, e) or ["?"]) for s, e in pieces]
    if kinds[0] in ("relative", "age", "other") and not first_words[0][:1].isupper():
        return None, None, None
    if any(kind == "other" for kind in kinds[1:]):
        return None, None, None
    name = next((p for p, kind in zip(pieces, kinds, strict=True) if kind == "name"), None)
    subject = left_np(text, first[0], first[1]) if kinds[0] != "name" else first
    if subject is None:
        return None, None, None
    if name is None:
        name = subject
    role_piece = next((p for p, kind in zip(pieces, kinds, strict=True)
                       if kind == "appositive" and p != name), None)
    if role_piece is None and name != subject:
        role_piece = subject  # "The club's chair, Priya Halvorsen"
    role = text[role_piece[0]:role_piece[1]] if role_piece else None
    last = max(p[1] for p, kind in zip(pieces, kinds, strict=True) if kind != "relative")
    return (subject[0], last), name, role


#: Tags that open a noun phrase: the subject of a clause starts at one of them.
_NP_OPENER_TAGS = frozenset({"DT", "PRP$", "PRP", "CD"})


#: Pronouns that can only be a subject (or "it", rarely an addressee).
_SUBJECT_PRONOUNS = frozenset({"i", "he", "she", "we", "they", "it"})


def unmarked_clause_start(text: str, start: int, stop: int) -> int | None:
    """Where a reported clause without "that" begins after an addressee, or ``None``.

    "told [reporters] the deal was done", "told [the BBC] progress had been made": find
    the first finite verb, then walk back over its subject to the word that opens it (a
    determiner or pronoun, a common noun right after a name, or a name right after a
    common noun: "told [reporters] Labour would win").

    >>> text = "told the Daily Ledger the minister would resign"
    >>> text[unmarked_clause_start(text, 4, len(text)):]
    'the minister would resign'
    """
    words = list(WORD.finditer(text, start, stop))
    tags = [syntax.lexicon_tag(w.group()) if w.group()[:1].islower() or i == 0
            else syntax.lexicon_tag(w.group()) if w.group().lower() in PRONOUNS else "NNP"
            for i, w in enumerate(words)]
    verb = next((i for i in range(1, len(words)) if tags[i] in syntax.FINITE_VERB_TAGS), None)
    if verb is None:
        return None
    for j in range(verb - 1, 0, -1):
        if tags[j] in _NP_OPENER_TAGS:
            return words[j].start()
        if tags[j - 1] == "NNP" and words[j].group()[:1].islower():
            return words[j].start()  # "the BBC | progress had been made"
        if tags[j] == "NNP" and words[j - 1].group()[:1].islower():
            return words[j].start()  # "a news conference | Iran was ready"
    if words[0].group().lower() in _SUBJECT_PRONOUNS:
        return words[0].start()  # "warned it may cut jobs": no addressee, a clause at once
    return None
