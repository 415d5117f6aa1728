"""Attribution: who said what. One pass over a ``Document`` in a fixed order.

1. quote spans (``analysis.detect.quotes.quote_spans``);
2. reporting cues (``analysis.detect.cues.find_cues``), minus those inside quotes and noun uses
   ("his claims", "the report", "30 states");
3. for each cue, in its sentence, a source mention and the content, by one of the named
   rules below; a cue whose source begins the content of another ("X said that experts
   believe ...") is marked ``nested``;
4. sources resolved to canonical names in text order (``analysis.detect.coreference``);
5. quote kinds and speakers: a quote inside an attribution's content gets its source;
   "Quoting X, ..." gives X; a fully quoted paragraph after an attributed quote inherits
   its speaker (a floating quote); a quote running over paragraphs keeps one speaker.

Rules (the ``rule`` field of each record; each is a small function below, tried in the
order of ``CUE_RULES`` for a cue, or ``_sentence_rules`` for a sentence without one):

- ``source_cue_content``: 'Kadyrov has claimed (that) ...'; 'X told Y that ...'
- ``content_source_cue``: '"...," Kadyrov said.' / '..., the source said.'
- ``content_cue_source``: '"...," said Kadyrov.'
- ``shared_subject``: '..., adding that ...' / '... but said ...': the subject of the
  previous cue in the sentence (or of the sentence)
- ``who_clause``: 'Kadyrov, who said ...' (source "who", resolved to Kadyrov)
- ``after_relative_clause``: 'Owen Harte, who argues ..., has said ...' (the main cue's
  source is what "who" stands for)
- ``according_to``: 'According to X, ...' / '..., according to X.'
- ``passive``: 'it was reported that ...', 'is expected to ...' (no source)
- ``gerund_after_preposition``: 'The mayor resigned after saying ...', '..., before
  adding that ...': the subject of the clause the gerund modifies
- ``colon_quote``: 'The statement read: "..."' (content is the quote that follows)
- ``in_document``: 'In a CNN poll released Monday, Trump leads ...' (cue "In")
- ``name_colon``: a headline 'Trump: Cruz has a long way to go' (cue ":")
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from analysis.detect import cues as cuemod
from analysis.detect import people, phrases
from analysis.detect import quotes as quotemod
from analysis.detect.coreference import Registry
from analysis.detect.mentions import DETERMINERS, MentionInfo, describe
from analysis.nlp import syntax
from analysis.nlp.words import NUMBER_WORDS, word_set
from analysis.records import Attribution, Quote, Span

TELL_LEMMAS = frozenset(
    ["tell", "inform", "assure", "warn", "urge", "ask", "remind", "promise", "brief", "quote"]
)
_NUMBER_WORDS = NUMBER_WORDS | word_set("several many few more most")
# Lemmas whose -s form is more often a plural noun than a verb ("states", "plans").
_NOUN_LIKE = word_set(
    "state attack plan comment remark challenge question charge hope fear doubt call report "
    "promise estimate answer reply demand request view wish quote note support back "
    "pledge tweet post concern warn find show list thank welcome comment cite forecast "
    "record release decline praise criticize criticise accuse blame suspect"
)
_SUBJECT_BEFORE_BASE = word_set("i we you they who people police children men women")
_QUOTING = re.compile(r"\b(?:[Qq]uoting|[Cc]iting)\s+([^\s,;:][^,;:]{1,59}?)\s*,")
# Built once here rather than on every call (these run for every cue of every text).
_DETERMINERS_BUT_THAT = DETERMINERS - {"that"}
_COMMA = re.compile(r"\s*,\s*")
# Where an addressee search stopped at a place, time or the sentence end, not a clause.
_OBJECT_END = re.compile(r"\s+(?:on|in|at|of|for|during|after|before|last|this)\b|[.?!]|$")
_COLON = re.compile(r"\s*:\s*")


class cached:
    """``functools.cached_property`` without the lock that Python 3.11 takes on every first
    read (3.12 dropped it). The properties below are read once or twice per cue, so the
    lock cost more than most of them; their objects never leave one thread."""

    def __init__(self, func) -> None:
        self.func = func
        self.__doc__ = func.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, instance, owner: type | None = None):
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.func(instance)
        return value


@dataclass(slots=True)
class Frame:
    """One attribution under construction (spans into the text)."""

    cue: cuemod.CueMatch
    sentence: int
    rule: str
    source_span: Span | None = None
    antecedent_span: Span | None = None
    addressee: str | None = None
    content: list[Span] = field(default_factory=list)
    preposed: bool = True
    clause_start: int = 0
    inherit_from: Frame | None = None
    role_hint: str | None = None
    entry: int = -1
    nested: bool = False
    #: The frame whose source wrote the document this frame's source is ("In a
    #: statement the RSPCA said ... said the statement"): the speaker of its quotes.
    author: Frame | None = None

    @property
    def speaker(self) -> int:
        """The registry entry of whoever speaks this frame's quotes."""
        return self.author.entry if self.author is not None else self.entry


class QuoteList(list):
    """The quote spans of one text, with look-ups by position (quotes never overlap)."""

    def __init__(self, items: list[quotemod.QuoteSpan]) -> None:
        super().__init__(items)
        self.by_start = {q.span[0]: q for q in items}
        self.by_end = {q.span[1]: q for q in items if not q.open_end}
        self.starts = [q.span[0] for q in items]

    def starting_in(self, start: int, end: int) -> int | None:
        """Index of the last quote that opens inside ``[start, end)`` and closes after it."""
        index = bisect_left(self.starts, end) - 1
        if index >= 0 and start <= self[index].span[0] and self[index].span[1] > end + 1:
            return index
        return None

    def within(self, start: int, end: int) -> list[int]:
        """Indices of the quotes inside ``[start, end]`` (one character of slack)."""
        found = []
        for index in range(bisect_left(self.starts, start), len(self)):
            if self[index].span[0] >= end:
                break
            if self[index].span[1] <= end + 1:
                found.append(index)
        return found


def _quote_at(quotes: QuoteList, position: int) -> quotemod.QuoteSpan | None:
    """The quote that starts at ``position``, if any."""
    return quotes.by_start.get(position)


def _quote_ending_at(quotes: QuoteList, end: int) -> quotemod.QuoteSpan | None:
    """The quote whose closing mark is at ``end`` (a comma may sit right after it)."""
    return quotes.by_end.get(end) or quotes.by_end.get(end - 1)


# ------------------------------------------------------------------ noun uses of cue words
#
# A cue word is read as a noun (and dropped) when one of these small rules says so. Each
# reads the ``CueSite``: the cue word and what stands right before and after it.

_NEXT_WORD = re.compile(r"\s+([\w'’-]+)")
#: Tags of a word that shows the cue before it was a noun: a verb of its own clause.
_VERB_AFTER_NOUN_TAGS = syntax.FINITE_VERB_TAGS | {"VBN"}
#: Tags of a modifier that shows the cue after it is a noun ("false claims").
_ADJECTIVE_TAGS = frozenset({"JJ", "JJR", "JJS"})
#: Participles that name a thing rather than report ("a group called X", "known as HFCs").
_NAMING_PARTICIPLES = frozenset({"called", "known"})
_BEFORE_INFINITIVE_OR_NOUN = frozenset(
    {"to", "of", "for", "with", "than", "will", "would", "can", "could"})
_PRONOUN_SUBJECTS = frozenset({"he", "she", "it", "who", "which", "that"})


@dataclass
class CueSite:
    """A cue word and its neighbours in its sentence."""

    text: str
    cue: cuemod.CueMatch
    sentence_start: int
    sentence_end: int

    @cached
    def word(self) -> str:
        """The cue word(s) as written, without auxiliaries ("claims", "According to")."""
        return self.text[self.cue.word_start:self.cue.span[1]]

    @cached
    def lower(self) -> str:
        return self.word.lower()

    @cached
    def words_before(self) -> list[str]:
        """The words of the 30 characters before the cue, in its sentence."""
        start = max(self.sentence_start, self.cue.span[0] - 30)
        return phrases.WORD.findall(self.text[start:self.cue.span[0]])

    @cached
    def previous(self) -> str:
        """The word right before, lower-cased ("" at the sentence start)."""
        return self.words_before[-1].lower() if self.words_before else ""

    @cached
    def last_char(self) -> str:
        """The last character before the cue that is not a space."""
        start = max(self.sentence_start, self.cue.span[0] - 30)
        return self.text[start:self.cue.span[0]].rstrip()[-1:]

    @cached
    def noun_tagged(self) -> bool:
        """Whether the lexicon's most frequent tag for the word is a noun."""
        return (syntax.lexicon_tag(self.lower) or "").startswith("NN")

    @cached
    def plural_form(self) -> bool:
        """ "claims", "states": one word ending in -s (not -ss)."""
        return self.lower.endswith("s") and not self.lower.endswith("ss") and (
            " " not in self.lower)

    def next_word(self) -> str:
        """The word right after the cue, lower-cased ("" at the sentence end)."""
        match = _NEXT_WORD.match(self.text, self.cue.span[1], self.sentence_end)
        return match.group(1).lower() if match else ""

    def follows(self, width: int) -> str:
        """The next ``width`` characters after the cue, without leading spaces."""
        return self.text[self.cue.span[1]:self.cue.span[1] + width].lstrip()


def noun_before_verb(site: CueSite) -> bool:
    """ "The insurance claims were settled", "US show sued": a noun-like word right before
    a verb is the head of the subject."""
    if site.cue.aux or " " in site.cue.entry.lemma or not site.noun_tagged:
        return False
    following = site.next_word()
    return following != "that" and syntax.lexicon_tag(following) in _VERB_AFTER_NOUN_TAGS


def noun_after_adjective(site: CueSite) -> bool:
    """ "false claims", "for Same Report": a noun-like word right after an adjective."""
    return not site.cue.aux and site.noun_tagged and bool(site.words_before) and (
        site.last_char.isalnum() and syntax.lexicon_tag(site.previous) in _ADJECTIVE_TAGS)


def plural_after_participle(site: CueSite) -> bool:
    """ "growing fears", "prompting fears that ...", "citing reports": a word in -s right
    after a present participle is its object or the noun it modifies; no finite verb in
    -s follows a participle directly."""
    return not site.cue.aux and site.plural_form and site.noun_tagged and (
        site.last_char.isalnum() and site.previous.endswith("ing")
        and syntax.lexicon_tag(site.previous) == "VBG")


def names_a_thing(site: CueSite) -> bool:
    """ "a group called Lashkar-e-Taiba", "sanctions known as sequestration": a participle
    right after a common noun names a thing; nobody is cited. "known as" names after any
    word ("Mahmoud Abbas, also known as Abu Mazen", "is known as a debate expert")."""
    if site.lower == "known" and site.next_word() == "as":
        return True
    if site.cue.aux or site.lower not in _NAMING_PARTICIPLES or not site.words_before:
        return False
    previous = site.words_before[-1]
    return site.last_char.isalnum() and previous[:1].islower() and (
        syntax.lexicon_tag(previous) or "").startswith("NN")


#: Tags of the word after a participle that make it a reduced relative ("written on").
_AFTER_RELATIVE_PARTICIPLE_TAGS = frozenset({"IN", "TO"})


def reduced_relative(site: CueSite) -> bool:
    """ "a note written on a napkin", "the letter sent to the board": a past participle
    (a past tense only before "by" and an agent: "figures revealed by the Commission")
    right after a common noun and before a preposition modifies the noun; the noun is what
    was written, not who wrote it ("Analysts quoted by Reuters said")."""
    if site.cue.aux or " " in site.lower:
        return False
    agent = _agent_follows(site)  # "figures revealed by the Electoral Commission"
    tag = syntax.lexicon_tag(site.lower)
    if not (tag == "VBN" or (tag == "VBD" and agent)):
        return False
    previous = site.words_before[-1] if site.words_before else ""
    opens = len(site.words_before) == 1  # "Analysts quoted by Reuters said"
    return site.last_char.isalnum() and (previous[:1].islower() or (opens and agent)) and (
        syntax.lexicon_tag(previous.lower()) in ("NN", "NNS")) and (
        syntax.lexicon_tag(site.next_word()) in _AFTER_RELATIVE_PARTICIPLE_TAGS)


def _agent_of_cue(text: str, start: int, by: int) -> bool:
    """Whether "by" at ``by`` belongs to the cue whose right side starts at ``start``: at
    once ("was blamed by"), after an "as" phrase ("described as 'idle speculation' by") or
    a circumstance ("was asked about the attack by"), not inside a clause ("thought to
    have closed following an announcement by")."""
    between = text[start:by].strip().lower()
    return not between or between.startswith("as ") or phrases.is_circumstance(text, start, by)


def _agent_follows(site: CueSite) -> bool:
    """Whether "by" and an agent of the cue follow it ("quoted by Reuters")."""
    found = phrases.passive_agent(site.text, site.cue.span[1], site.sentence_end)
    return found is not None and _agent_of_cue(site.text, site.cue.span[1], found[0])


#: Adverbs of degree that make the participle after them an adjective ("best known").
_DEGREE_ADVERBS = frozenset({"best", "well", "widely", "little", "better", "least", "most"})
#: Tags before an -ing word that make it a modifier or a noun ("a leading expert").
_MODIFIER_BEFORE_TAGS = frozenset({"DT", "PRP$", "JJ", "JJS", "JJR", "POS"})


def modifier_participle(site: CueSite) -> bool:
    """ "the best supporting actor", "the best showing in five years", "best known for",
    "convertible preferred stock", "Recently announced figures": a participle after a
    determiner, an adjective, a degree adverb or adverbs that open the sentence (one in
    -ed also before a noun) modifies or names; it does not report."""
    if site.cue.aux or not site.last_char.isalnum():
        return False
    if site.lower == "known" and site.previous in _DEGREE_ADVERBS:
        return True
    opening_adverbs = all(syntax.lexicon_tag(w.lower()) == "RB" for w in site.words_before)
    if " " in site.lower or not site.words_before or not (
            opening_adverbs or syntax.lexicon_tag(site.previous) in _MODIFIER_BEFORE_TAGS):
        return False
    # "convertible preferred stock": a participle in -ed between a modifier and a noun
    return site.lower.endswith("ing") or (site.lower.endswith("ed") and _between_common_words(
        site) and syntax.lexicon_tag(site.next_word()) in ("NN", "NNS"))


def _between_common_words(site: CueSite) -> bool:
    """Whether the words on both sides of the cue are in lower case (not "Jerry Brown
    criticized Bill Clinton", whose "brown" and "bill" the lexicon knows as common)."""
    following = _NEXT_WORD.match(site.text, site.cue.span[1], site.sentence_end)
    return bool(site.words_before) and site.words_before[-1][:1].islower() and (
        following is not None and following.group(1)[:1].islower())


def plural_after_auxiliary(site: CueSite) -> bool:
    """ "has plans", "had talks": an auxiliary never precedes a verb in -s."""
    return bool(site.cue.aux) and site.plural_form and site.lower != site.cue.entry.lemma


def after_determiner(site: CueSite) -> bool:
    """ "his claims", "the report", "Kadyrov's claims": a determiner or possessive."""
    glued = site.last_char.isalnum() or site.last_char in "'’"
    return glued and (site.previous in _DETERMINERS_BUT_THAT
                      or site.previous.endswith(("'s", "’s", "s'", "s’")))


def after_preposition_or_modal(site: CueSite) -> bool:
    """ "a plan to report", "the cost of claims", "will report": not a finite verb."""
    return site.previous in _BEFORE_INFINITIVE_OR_NOUN


#: Words Pattern tags IN that open a clause, not a phrase: a cue after them can report.
_SUBORDINATORS = word_set(
    "that because if while although though as since whether so unless until once than")


def after_preposition(site: CueSite) -> bool:
    """ "in talks", "on reports", "amid fears", "despite warnings": a word right after a
    preposition is a noun (an -ing word there is a gerund: ``gerund_after_preposition``)."""
    return site.last_char.isalnum() and not site.lower.endswith("ing") and (
        site.previous not in _SUBORDINATORS and syntax.lexicon_tag(site.previous) == "IN")


def after_number(site: CueSite) -> bool:
    """ "758 pledged delegates", "two plans", "up 23 points to 6,661": a number before a
    cue whose first word ends in -ed or -s."""
    return site.last_char.isalnum() and (
        site.previous[:1].isdigit() or site.previous in _NUMBER_WORDS) and (
        site.lower.split()[0].endswith(("ed", "s")))


def plural_noun_like(site: CueSite) -> bool:
    """ "states", "plans", "attacks": a verb only after a name or pronoun, or before
    "that", a clause, a colon or a quote."""
    if not (site.plural_form and site.cue.entry.lemma in _NOUN_LIKE):
        return False
    subject = site.words_before[-1] if site.words_before else ""
    return not (subject[:1].isupper() or site.previous in _PRONOUN_SUBJECTS
                or site.follows(8).lower().startswith(("that", ":", '"', "“"))
                or _clause_follows(site))  # "The government estimates it will issue"


def bare_base_form(site: CueSite) -> bool:
    """ "the report", "a claim": the base form counts only after a plural or pronoun
    subject ("people say", "they claim", "Officials also claim"), a name
    ("Labour say" before a clause), a percentage, or before a colon or quote, or under
    negation."""
    if site.lower != site.cue.entry.lemma or " " in site.word:
        return False
    before = [w.lower() for w in site.words_before]
    while len(before) > 1 and syntax.lexicon_tag(before[-1]) == "RB":
        before.pop()  # "Officials also claim"
    previous = before[-1] if before else ""
    return not (
        previous in _SUBJECT_BEFORE_BASE or previous.endswith("s") or site.cue.negated
        or (site.words_before and site.words_before[-1][:1].isupper()
            and (len(site.words_before) > 1 or _clause_follows(site)))
        or site.last_char == "%" or site.previous in ("percent", "cent")
        or site.follows(3)[:1] in (":", '"', "“")
    )


def _clause_follows(site: CueSite) -> bool:
    """Whether a clause follows the cue ("Labour say [a Lib Dem vote could ...]"): then a
    capitalised word alone before it is a subject that takes a plural verb, as bodies do
    in British English, not a sentence's first word."""
    return phrases.opens_with_clause(site.text, site.cue.span[1], site.sentence_end,
                                     at_once=True)


def capitalised_mid_sentence(site: CueSite) -> bool:
    """ "Hope" inside a sentence that is not in title case: a name or a noun."""
    text, start = site.text, site.sentence_start
    return site.word[0].isupper() and site.cue.word_start > start and (
        text[start:site.cue.word_start].strip() not in ("", '"', "“")) and not (
        _is_title_case(text, start, site.sentence_end))


#: Rules that apply to any cue word; then, for a bare word (no auxiliary, not a refusal
#: or "according to"), the rest.
NOUN_RULES = (noun_before_verb, noun_after_adjective, plural_after_participle, names_a_thing,
              reduced_relative, modifier_participle, plural_after_auxiliary)
BARE_WORD_NOUN_RULES = (after_determiner, after_preposition_or_modal, after_preposition,
                        after_number, plural_noun_like, bare_base_form,
                        capitalised_mid_sentence)


def _is_noun_use(text: str, cue: cuemod.CueMatch, sentence_start: int, sentence_end: int) -> bool:
    """True for "his claims", "the report", "to say", "Hope" (not a reporting verb)."""
    site = CueSite(text, cue, sentence_start, sentence_end)
    if any(rule(site) for rule in NOUN_RULES):
        return True
    if cue.aux or cue.entry.stance == "refusal" or cue.entry.lemma == "according to":
        return False
    return any(rule(site) for rule in BARE_WORD_NOUN_RULES)


#: Characters of a sentence read to tell a title-case headline (bounds the work per cue).
TITLE_CASE_WINDOW = 300


def _is_title_case(text: str, start: int, end: int) -> bool:
    """Whether most words of the sentence's opening are capitalised (a headline)."""
    words = phrases.WORD.findall(text, start, min(end, start + TITLE_CASE_WINDOW))
    return len(words) >= 3 and sum(w[0].isupper() for w in words) * 10 >= len(words) * 7


def _right_content(
    text: str, frame: Frame, end: int, quotes: QuoteList
) -> tuple[int, list[Span]]:
    """Addressee and the content that follows a cue; returns (position, content pieces)."""
    position = frame.cue.span[1]
    lemma = frame.cue.entry.lemma
    if lemma in TELL_LEMMAS and not frame.cue.passive:
        match = phrases.ADDRESSEE_END.search(text, position, end)
        while match and match.group().strip() == "of" and text[position:match.start()].strip():
            match = phrases.ADDRESSEE_END.search(text, match.end(), end)  # "a meeting of X"
        stop = match.start() if match else end
        clause = phrases.unmarked_clause_start(text, position, stop)
        if clause is not None:
            stop = clause  # "told reporters the deal was done"
        elif lemma != "tell" and (not match or _OBJECT_END.match(text, match.start())):
            stop = position  # "promised more parties in more cities": an object, no addressee
        if stop > position and len(phrases.WORD.findall(text, position, stop)) <= 6:
            a_start, a_end = phrases.strip_span(text, position, stop)
            if a_end > a_start:
                frame.addressee = text[a_start:a_end]
                position = a_end
    aside = _circumstance_before_quote(text, position, end, quotes)
    if aside is not None:
        return aside.span[0], [aside.span]  # "added, on Radio 4's Today programme: '...'"
    skip = phrases.RIGHT_SKIP.match(text, position, end)
    comma = _COMMA.match(text, skip.end() if skip else position, end)
    if comma and _quote_at(quotes, comma.end()) is not None:
        quote = _quote_at(quotes, comma.end())
        return comma.end(), [quote.span]
    if skip:
        if skip.group("party") and frame.addressee is None and skip.group("with") == "with":
            frame.addressee = skip.group("party")
        position = skip.end()
    colon = text.startswith(":", position) or text[position:position + 2].strip() == ":"
    if colon:
        position = text.index(":", position) + 1
    while position < len(text) and text[position].isspace():
        position += 1
    quote = _quote_at(quotes, position)
    if quote is not None and (colon or quote.span[1] >= end - 2 or text[
        quote.span[1]:end].strip() in ("", ".", ",")):
        return position, [quote.span]
    if position >= end:
        return position, []
    start, stop = phrases.strip_span(text, position, end)
    stop = phrases.before_sentence_end(text, start, stop)
    return position, [(start, stop)] if stop > start else []


def _circumstance_before_quote(text: str, position: int, end: int,
                               quotes: QuoteList) -> Quote | None:
    """The quote after a circumstance and a colon that follow a cue ("added, on BBC Radio
    4's Today programme: '...'"): the circumstance is no part of the content."""
    colon = text.find(":", position, min(end, position + phrases.SOURCE_WINDOW))
    if colon <= position or not phrases.is_circumstance(text, position, colon):
        return None
    after = colon + 1
    while after < end and text[after].isspace():
        after += 1
    return _quote_at(quotes, after)


_IN_DOCUMENT = re.compile(
    r"\s*(In)\s+((?:a|an|the|this|that|its|his|her|their|[A-Z][\w.'’/-]*)\b[^,;:]{0,100}?)"
    r"\s*,\s*(\S)"
)
_NAME_COLON = re.compile(
    r"\s*((?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*)\s*(:)\s+[\"“'‘A-Za-z]"
)
_NOT_SPEAKERS = word_set(
    "update updated watch exclusive breaking video photos photo opinion analysis editorial "
    "related note correction abstract source sources read more see also listen "
    "warning caution advertisement credit"
)
COLON_CUE = cuemod.CueEntry(":", "neutral", "other", False)
IN_CUE = cuemod.CueEntry("in", "neutral", "evidence", False)


#: Share of capitalised words from which a comma-separated line is a list of names.
NAME_LIST_CAPITALISED = 0.7


def _is_name_list(text: str, start: int, end: int) -> bool:
    """ "Carroll, Spector, Neville, Fortune": two or more commas, mostly capitalised."""
    words = phrases.WORD.findall(text, start, end)
    return text.count(",", start, end) >= 2 and bool(words) and (
        sum(w[:1].isupper() for w in words) >= NAME_LIST_CAPITALISED * len(words))


def _sentence_rules(text: str, sentence: tuple[int, int], index: int) -> list[Frame]:
    """Attributions without a reporting verb, for sentences that have none:

    - ``in_document``: "In a CNN poll released Monday, Trump leads by 5 points."
    - ``name_colon``: a headline or line "Trump: Cruz has a long way to go".
    """
    ss, se = sentence
    match = _IN_DOCUMENT.match(text, ss, se)
    if match and describe(match.group(2)).source_type in ("document", "media"):
        cue = cuemod.CueMatch(match.span(1), match.start(1), match.group(1), IN_CUE, False,
                              False, "")
        start, stop = phrases.strip_span(text, match.start(3), se)
        stop = phrases.before_sentence_end(text, start, stop)
        if stop > start:
            return [Frame(cue, index, "in_document", source_span=match.span(2),
                          content=[(start, stop)], clause_start=match.start(1))]
    match = _NAME_COLON.match(text, ss, se)
    if match and _is_name_list(text, match.end(2), se):
        return []  # "Subs Not Used: Carroll, Spector, Neville": a team sheet, not speech
    if match and match.group(1).lower() not in _NOT_SPEAKERS and describe(
        match.group(1)
    ).source_type in ("named_person", "organisation", "media"):
        cue = cuemod.CueMatch(match.span(2), match.start(2), ":", COLON_CUE, False, False, "")
        start, stop = phrases.strip_span(text, match.end(2), se)
        stop = phrases.before_sentence_end(text, start, stop)
        if stop > start:
            return [Frame(cue, index, "name_colon", source_span=match.span(1),
                          content=[(start, stop)], clause_start=match.start(1))]
    return []


# ------------------------------------------------------------------ rules with a reporting cue
#
# Each cue of a sentence is read by the first rule, in ``CUE_RULES`` order, that accepts it.
# A rule reads the cue's ``Clause`` (what stands before and after it) and returns a
# ``Frame``, or ``None`` to let the next rule try. The rule names are the ``rule`` field of
# the records (see the module docstring).

ACCORDING_TO = "according_to"
AFTER_RELATIVE = "after_relative_clause"
CONTENT_CUE_SOURCE = "content_cue_source"
PASSIVE = "passive"
SHARED_SUBJECT = "shared_subject"
GERUND_AFTER_PREPOSITION = "gerund_after_preposition"
QUOTED_AS = "quoted_as"
CONTENT_SOURCE_CUE = "content_source_cue"
WHO_CLAUSE = "who_clause"
COLON_QUOTE = "colon_quote"
SOURCE_CUE_CONTENT = "source_cue_content"


#: A discourse adverb between commas right before a cue: ", however,", ", meanwhile,".
_ASIDE = re.compile(r"\s*,\s*(?:however|meanwhile|though|too|instead|nevertheless|"
                    r"moreover|in turn|for (?:his|her|its|their|our|my) part)\s*,\s*$",
                    re.IGNORECASE)


@dataclass
class Clause:
    """What a rule needs to know about one cue in its sentence (computed on demand)."""

    text: str
    sentence: Span
    index: int
    cue: cuemod.CueMatch
    following: cuemod.CueMatch | None  # the next cue of the sentence
    quotes: QuoteList
    frames: list[Frame]
    frame: Frame = field(init=False)

    def __post_init__(self) -> None:
        self.frame = Frame(self.cue, self.index, SOURCE_CUE_CONTENT,
                           clause_start=self.cue.span[0])

    @cached
    def lo(self) -> int:
        """Where this cue's clause may start: after the previous cue, or the sentence."""
        return self.frames[-1].cue.span[1] if self.frames else self.sentence[0]

    @cached
    def right(self) -> list[Span]:
        """The content after the cue (it also fills ``frame.addressee``); empty when the
        next cue stands right there after a comma or a word ("..., the source said, adding
        that ..."), not when it follows at once ("denied accusing Germany of ...")."""
        _, right = _right_content(self.text, self.frame, self.sentence[1], self.quotes)
        if right and self.following is not None and (
                right[0][0] >= self.following.span[0] - 1) and (
                self.text[self.cue.span[1]:self.following.span[0]].strip()):
            return []
        return right

    @cached
    def subject_end(self) -> int:
        """Where the cue's subject may end: before a discourse adverb set off by commas
        ("Wine makers, however, claimed"), an aside set off by dashes ("Mr Herron -
        who runs his own campaign - said") or adverbs after a comma ("A survey, which the
        Herald has seen, apparently flagged"), else at the cue."""
        aside = _ASIDE.search(self.text, self.lo, self.cue.span[0])
        if aside:
            return aside.start()
        dash = phrases.dash_aside_start(self.text, self.lo, self.cue.span[0])
        if dash is not None:
            return dash
        adverbs = phrases.adverbs_after_comma_start(self.text, self.lo, self.cue.span[0])
        return adverbs if adverbs is not None else self.cue.span[0]

    @cached
    def before_cue(self) -> str:
        """The words between the clause start and the cue (or its ``subject_end``)."""
        return self.text[self.lo:self.subject_end].rstrip()

    @cached
    def apposed(self) -> tuple[Span | None, Span | None, str | None]:
        """ "Name, a role, said": (mention, name, role) when the cue opens the sentence's
        first clause after a comma (see ``phrases.appositive``)."""
        if self.before_cue.endswith(",") and not self.frames:
            return phrases.appositive(self.text, self.lo, self.lo + len(self.before_cue))
        return None, None, None

    @cached
    def after_content(self) -> bool:
        """Whether content ends right before the cue ('"...," said'), not a subject."""
        ss = self.sentence[0]
        mention = self.apposed[0]
        if mention is not None and (mention[0] <= ss + 1 or _ends_content(
                self.text, self.text[self.lo:mention[0]].rstrip(), self.lo, ss)):
            return False
        return _ends_content(self.text, self.before_cue, self.lo, ss)

    @cached
    def subject(self) -> tuple[Span | None, Span | None, str | None]:
        """(mention, name, role) of the noun phrase right before the cue; the name and role
        only when it is an apposition ("Brian Fallon, a spokesman for X, said")."""
        cue_word = self.text[self.cue.word_start:self.cue.span[1]].lower()
        short = cue_word.endswith("ing") and not self.cue.aux
        left_np = phrases.left_np(self.text, self.lo, self.subject_end, short=short,
                                  opens_clause=not self.frames)
        if self.apposed[0] is not None and (left_np is None or not self.after_content):
            return self.apposed
        return left_np, None, None

    @cached
    def before_subject(self) -> str:
        """The words between the clause start and the subject (or the cue)."""
        mention = self.subject[0]
        anchor = mention[0] if mention else self.cue.span[0]
        return self.text[self.lo:anchor].rstrip()

    def framed(self, rule: str, *, subject: bool = True) -> Frame:
        """The cue's frame with ``rule`` and, when the rule reads the subject before the
        cue and that is an apposition, the apposition's name and role."""
        self.frame.rule = rule
        if subject and self.subject[1] is not None:
            self.frame.antecedent_span, self.frame.role_hint = self.subject[1:]
        return self.frame


def according_to(clause: Clause) -> Frame | None:
    """ "According to X, the plan failed." / "The plan failed, according to X." """
    cue, text, se = clause.cue, clause.text, clause.sentence[1]
    if cue.entry.lemma != "according to":
        return None
    c0, c1 = cue.span
    frame = Frame(cue, clause.index, ACCORDING_TO, clause_start=c0)
    np = phrases.ACCORDING_NP.match(text, c1, min(se, c1 + phrases.SOURCE_WINDOW))
    if not np:
        return frame
    s_start, s_end = np.span(1)
    trailing = phrases.TRAILING_SKIP.search(text, s_start, s_end)
    if trailing and trailing.start() > s_start:
        s_end = trailing.start()
    source = phrases.strip_span(text, s_start, s_end)
    frame.source_span = source if source[1] > source[0] else None
    before = text[clause.lo:c0].strip(" ,")
    if before and not before.endswith(("(", "—")) and not (
            _no_finite_verb(before) and text[np.end():se].strip(" ,.")):
        content_end = c0
        while content_end > clause.lo and text[content_end - 1] in " ,":
            content_end -= 1
        frame.content = [phrases.strip_span(text, clause.lo, content_end)]
        frame.preposed = False
    else:
        rest = text[np.end():se]
        offset = len(rest) - len(rest.lstrip(" ,"))
        start, stop = phrases.strip_span(text, np.end() + offset, se)
        stop = phrases.before_sentence_end(text, start, stop)
        if stop > start:
            frame.content = [(start, stop)]
    return frame


def after_relative_clause(clause: Clause) -> Frame | None:
    """ "Owen Harte, who argues ..., has said the vote ...": the relative clause ends at
    the comma; the main cue's subject is what "who" stands for."""
    if not (clause.right and clause.before_cue.endswith(",") and clause.frames
            and _closes_relative(clause.frames[-1])):
        return None
    frame = clause.framed(AFTER_RELATIVE, subject=False)
    frame.source_span = clause.frames[-1].antecedent_span
    frame.content = clause.right
    return frame


def content_cue_source(clause: Clause) -> Frame | None:
    """ '"The plan will fail," said the minister.' The source follows the cue."""
    cue, text = clause.cue, clause.text
    participle = text[cue.word_start:cue.span[1]].lower().endswith(("ing", "ing to", "ing on"))
    if cue.passive or participle or not clause.after_content:
        return None
    inverted = phrases.inverted_source(text, cue.span[1], clause.sentence[1])
    if inverted is None:
        return None
    frame = clause.framed(CONTENT_CUE_SOURCE, subject=False)
    frame.source_span = inverted
    named = phrases.NAME_APPOSITIVE.match(text, inverted[1], clause.sentence[1])
    apposition = phrases.TRAILING_APPOSITIVE.match(text, inverted[1], clause.sentence[1])
    if named and text[inverted[0]].islower():  # "said the committee chairman, Edward Leigh"
        frame.antecedent_span = named.span(1)
        frame.role_hint = text[inverted[0]:inverted[1]]
        frame.source_span = inverted = (inverted[0], named.end(1))
    elif apposition:
        frame.antecedent_span = inverted
        frame.role_hint = apposition.group(1)
        frame.source_span = inverted = (inverted[0], apposition.end(1))
    _content_before(text, frame, clause.lo, cue.span[0], inverted[1], clause.quotes)
    resumes = _COMMA.match(text, inverted[1], clause.sentence[1])
    if resumes and frame.content:
        rest = phrases.strip_span(text, resumes.end(), clause.sentence[1])
        rest = (rest[0], phrases.before_sentence_end(text, *rest))
        opener = phrases.WORD.match(text, rest[0])
        if rest[1] > rest[0] and not (opener and opener.group().lower() in phrases.RELATIVES):
            # "This, said Sloncek, should be enough to win"; not ", who was speaking"
            _content_resumes(text, frame, rest, clause.quotes)
    return frame


#: "as saying" after a cue: the reported speech of "X was quoted as saying".
_AS_SAYING = re.compile(r"\s+as\s+(?:saying|telling|stating|adding|describing)\b",
                        re.IGNORECASE)
_QUOTED_AS_LEMMAS = frozenset({"quote", "report", "cite"})
_BY_MEDIUM = re.compile(r"\s*(?:by|in|to)\b", re.IGNORECASE)


def quoted_as(clause: Clause) -> Frame | None:
    """ '"I demand better transparency," he is quoted as saying by a magazine', "with Mr
    Dixon quoted as saying that ...": the one quoted is the source; the content is the
    words after "as saying", else (nothing there, or only "by" the medium) those before."""
    cue, text = clause.cue, clause.text
    saying = _AS_SAYING.match(text, cue.span[1], clause.sentence[1])
    if saying is None or cue.entry.lemma not in _QUOTED_AS_LEMMAS:
        return None
    mention = clause.subject[0]
    if mention is None:
        return None
    frame = clause.framed(QUOTED_AS)
    frame.source_span = mention
    frame.addressee = None  # an earlier rule read "as saying" as one
    start, end = phrases.strip_span(text, saying.end(), clause.sentence[1])
    end = phrases.before_sentence_end(text, start, end)
    if end > start and not _BY_MEDIUM.match(text, start):
        frame.content = [(start, end)]
        frame.clause_start = mention[0]
    else:
        _content_before(text, frame, clause.lo, mention[0], saying.end(), clause.quotes)
    return frame


def passive(clause: Clause) -> Frame | None:
    """ "It was reported that ...", "The plan is expected to ...": no source."""
    if not clause.cue.passive:
        return None
    frame = clause.framed(PASSIVE)
    mention = clause.subject[0]
    text = clause.text
    right = clause.right
    agent = phrases.passive_agent(text, *right[0]) if right else None
    if agent is not None and not _agent_of_cue(text, right[0][0], agent[0]):
        agent = None  # "thought to have closed following an announcement by the MPAA"
    if agent is not None:  # "was blamed by the parents of the victims for the delay"
        (by, (a_start, a_end)), (r_start, r_end) = agent, right[0]
        frame.source_span = (a_start, a_end)
        right = [phrases.strip_span(text, s, e) for s, e in ((r_start, by), (a_end, r_end))]
        right = [(s, e) for s, e in right if e > s and phrases.WORD.search(text, s, e)]
    told = clause.cue.entry.lemma in TELL_LEMMAS and clause.cue.entry.lemma != "quote"
    if mention and told and right:  # "Residents were told that ...": they heard it
        frame.addressee = text[mention[0]:mention[1]]
        frame.content = right
    elif mention and text[mention[0]:mention[1]].lower() not in ("it", "this", "that"):
        frame.content = [mention] + right
    else:
        frame.content = right
    frame.clause_start = mention[0] if mention else clause.cue.span[0]
    return frame


#: Prepositions that open a gerund's clause without ending a noun phrase before it:
#: "after saying", "by claiming", "without saying whether". "for" and "of" are left out:
#: "an award for reporting" and "the risk of warning" are nouns as often as not (with
#: "for", PolNeAR dev gained five attributions and not one right source).
GERUND_PREPOSITIONS = word_set(
    "after before by in on upon without while when since despite through")
_PREPOSITION_BEFORE = re.compile(r"(?i:\b(" + "|".join(sorted(GERUND_PREPOSITIONS)) + r"))\s+$")


def _reports_a_clause(text: str, content: list[Span]) -> bool:
    """Whether ``content`` is words reported, not an object ("after denying him a drink"):
    it opens with "that", "to", a wh-word or a quote, or holds a finite verb ("after
    saying the plan would fail")."""
    start, end = content[0][0], content[-1][1]
    return bool(_PASSIVE_CONTENT.match(text, start)) or any(
        syntax.lexicon_tag(word.lower()) in syntax.FINITE_VERB_TAGS
        for word in phrases.WORD.findall(text, start, end))


def gerund_after_preposition(clause: Clause) -> Frame | None:
    """ "The mayor resigned after saying the plan would fail", "He angered colleagues by
    claiming that ...": a cue in -ing right after a preposition is a gerund, and its
    subject is the subject of the clause it modifies: the previous cue's in the sentence
    ("The firm said ..., before adding that ..."), else the sentence's own."""
    cue, text = clause.cue, clause.text
    word = text[cue.word_start:cue.span[1]].lower()
    if cue.aux or " " in word or not word.endswith("ing") or not clause.right:
        return None
    preposition = _PREPOSITION_BEFORE.search(text, clause.lo, cue.span[0])
    if preposition is None or not _reports_a_clause(text, clause.right):
        return None
    frame = clause.framed(GERUND_AFTER_PREPOSITION, subject=False)
    frame.content = clause.right
    frame.clause_start = preposition.start()
    if clause.frames and clause.frames[-1].rule != PASSIVE:
        frame.inherit_from = clause.frames[-1]
    elif text[clause.sentence[0]:preposition.start()].strip(" \"“‘'"):
        frame.source_span = phrases.clause_subject(text, clause.sentence[0], preposition.start())
    else:
        _main_clause_after(text, frame)
    return frame


def _main_clause_after(text: str, frame: Frame) -> None:
    """ "After saying the plan would fail, the minister resigned": a fronted gerund's
    subject opens the main clause after its last comma; the content stops there."""
    start, end = frame.content[-1]
    for comma in reversed([m.start() for m in re.finditer(",", text[start:end])]):
        subject = phrases.clause_subject(text, start + comma + 1, end)
        if subject is not None:
            frame.source_span = subject
            frame.content = [*frame.content[:-1], (start, start + comma)]
            return


def shared_subject(clause: Clause) -> Frame | None:
    """ "..., adding that ...", "... but said ...": no subject of its own; the source is
    the previous cue's in the sentence, else the sentence's subject ("He reminisced about
    her days, and said ..."; "The officials, who spoke ... because the decision has not
    been announced, said": a passive cue shares its subject with no one)."""
    if clause.subject[0] is not None:
        return None
    before = _without_last_adverbs(clause.before_subject)  # "and later said"
    lower = before.lower()
    if clause.frames and clause.frames[-1].rule != PASSIVE and (
            before.endswith(",") or lower.endswith((" and", " but", " while"))):
        frame = clause.framed(SHARED_SUBJECT)
        frame.inherit_from = _outermost(clause.frames)
    elif lower.endswith((" and", " but", ",")):
        frame = clause.framed(SHARED_SUBJECT)
        frame.source_span = phrases.clause_subject(clause.text, clause.sentence[0],
                                                   clause.cue.span[0])
    else:
        return None
    frame.content = clause.right
    frame.clause_start = clause.cue.span[0]
    return frame


_LAST_WORD = re.compile(r"\s*\b(\w+)$")


def _without_last_adverbs(words: str) -> str:
    """``words`` without the adverbs that end them: "the plan and later" -> "the plan and",
    ", quickly" -> ","."""
    last = _LAST_WORD.search(words)
    while last and syntax.lexicon_tag(last.group(1).lower()) == "RB":
        words = words[:last.start()]
        last = _LAST_WORD.search(words)
    return words


def _outermost(frames: list[Frame]) -> Frame:
    """The last frame, or the frame whose content holds its cue: in "Blair acknowledged
    some people believed he was too close, but said ...", Blair said it, not "some
    people"."""
    last = frames[-1]
    for frame in reversed(frames[:-1]):
        if any(s <= last.cue.span[0] < e for s, e in frame.content):
            last = frame
    return last


def content_source_cue(clause: Clause) -> Frame | None:
    """ '"The plan will fail," Smith said.' / '..., the source said.' Content came first;
    an attribution before the source is itself that content ("The minister insisted the
    figures were correct, officials said")."""
    mention = clause.subject[0]
    if mention is None:
        return None
    text, c1, right = clause.text, clause.cue.span[1], clause.right
    # after an addressee, the phrase that follows it ("told an audience at the show")
    after = right[0][0] if right and clause.frame.addressee else c1
    comma_quote = bool(right) and (text[c1:right[0][0]].strip() == "," or (
        phrases.is_circumstance(text, after, right[-1][1])))
    if right and not comma_quote:
        return None
    if not _ends_content(text, clause.before_subject, clause.lo, clause.sentence[0]):
        return None
    frame = clause.framed(CONTENT_SOURCE_CUE)
    frame.source_span = mention
    start = clause.lo
    if clause.frames and _reports_previous(text, clause.frames[-1], mention[0], clause.quotes):
        start = clause.frames[-1].clause_start
    _content_before(text, frame, start, mention[0], c1, clause.quotes)
    if right and text[c1:right[0][0]].strip() == ",":
        _content_resumes(text, frame, right[0], clause.quotes)
    return frame


def _content_resumes(text: str, frame: Frame, after: Span, quotes: QuoteList) -> None:
    """ "Last year, he said, was all about deals": a tag that interrupts a clause whose
    words before it hold no finite verb or open with a subordinator ("If the site did
    return, the message said, it would ..."); the content goes on after the tag."""
    if len(frame.content) != 1 or _quote_at(quotes, after[0]) is not None:
        return
    start, end = frame.content[0]
    first = phrases.WORD.search(text, start, end)
    subordinate = first is not None and first.group().lower() in SUBORDINATORS
    if _quote_at(quotes, start) is None and (subordinate or _no_finite_verb(text[start:end])):
        frame.content.append(after)  # "If the site did return, the message said, it would"


def source_cue_content(clause: Clause) -> Frame | None:
    """ "Kadyrov has claimed (that) ...", "X told Y that ...", and its variants: a relative
    pronoun as subject (``who_clause``: "Kadyrov, who said ...") and a colon before the
    content (``colon_quote``: 'The statement read: "..."')."""
    mention = clause.subject[0]
    if mention is None:
        return None
    text, c1, right = clause.text, clause.cue.span[1], clause.right
    frame = clause.framed(SOURCE_CUE_CONTENT)
    frame.source_span = mention
    if text[mention[0]:mention[1]].lower() in ("who", "which", "that"):
        frame.rule = WHO_CLAUSE
        comma = text.rfind(",", clause.sentence[0], mention[0])
        if comma > clause.sentence[0]:
            frame.antecedent_span = phrases.left_np(text, clause.sentence[0], comma)
    frame.clause_start = mention[0]
    frame.content = right
    if right and ":" in text[c1:right[0][0]]:
        frame.rule = COLON_QUOTE
    if not right:
        colon_quote = _colon_quote(text, c1, clause.quotes)
        if colon_quote is not None:
            frame.rule = COLON_QUOTE
            frame.content = [colon_quote]
    return frame


#: The rules for a cue, tried in this order; the first that returns a frame wins.
CUE_RULES = (according_to, after_relative_clause, content_cue_source, quoted_as, passive,
             gerund_after_preposition, shared_subject, content_source_cue, source_cue_content)


def _first_frame(clause: Clause) -> Frame | None:
    """The frame of the first rule in ``CUE_RULES`` that reads ``clause``, if any."""
    for rule in CUE_RULES:
        frame = rule(clause)
        if frame is not None:
            return frame
    return None


def _frames_for_sentence(
    text: str,
    sentence: tuple[int, int],
    index: int,
    sentence_cues: list[cuemod.CueMatch],
    quotes: QuoteList,
) -> list[Frame]:
    """Source and content of every cue of one sentence, by the first rule that fits."""
    ss, se = sentence
    cues = [c for c in sentence_cues if not _is_noun_use(text, c, ss, se)]
    frames: list[Frame] = []
    for position, cue in enumerate(cues):
        following = cues[position + 1] if position + 1 < len(cues) else None
        clause = Clause(text, sentence, index, cue, following, quotes, frames)
        frame = _first_frame(clause)
        if frame is not None and (frame.content or frame.cue.entry.stance == "refusal") and (
                _frame_allowed(text, frame)):
            frames.append(frame)
    _end_preposed_contents(text, frames, quotes)
    return [f for f in frames if f.content or f.cue.entry.stance == "refusal"]


def _end_preposed_contents(text: str, frames: list[Frame], quotes: QuoteList) -> None:
    """A preposed content stops where a coordinated cue begins ("..., adding that ...",
    "... but said ..."); a cue with its own subject inside it is nested reported speech
    ("X said (that) Y believes ...": Y's words inside X's)."""
    for current, following in zip(frames, frames[1:], strict=False):
        if not (current.preposed and current.content):
            continue
        limit = following.clause_start
        content_start = current.content[0][0]
        that = _THAT_START.match(text, content_start)
        if that:
            content_start = that.end()
        if following.rule in (SOURCE_CUE_CONTENT, WHO_CLAUSE, PASSIVE) and (
            abs(following.clause_start - content_start) <= 1
            or _after_subordinator(text, content_start, following.clause_start)
        ):
            following.nested = True
            continue
        pieces = []
        for s, e in current.content:
            if s >= limit:
                continue
            if e > limit and not _quote_at(quotes, s):
                kept = _without_last_adverbs(phrases.CONTENT_TAIL.sub("", text[s:limit]))
                e = s + len(phrases.CONTENT_TAIL.sub("", kept))  # "the plan and later"
            if e > s:
                pieces.append((s, e))
        current.content = pieces


#: Words that open a clause inside another ("when", "because"): a cue in such a clause
#: within a content is nested in it, not a second attribution that ends it. Contrast
#: ("while", "although") and "as" or "so" often join the writer's own next statement
#: (", while Labour criticised ..."), so they are not here.
SUBORDINATORS = word_set(
    "when if because after before since until unless whether where once that"
)


def _after_subordinator(text: str, start: int, clause_start: int) -> bool:
    """Whether the clause at ``clause_start`` opens with a subordinator inside the content
    that starts at ``start`` ("said the port would close until today when [they hoped
    ...]", "tells each prisoner that if [they confess] ...")."""
    before = phrases.WORD.findall(text, max(start, clause_start - 20), clause_start)
    return bool(before) and before[-1].lower() in SUBORDINATORS


def _closes_relative(previous: Frame) -> bool:
    """Whether ``previous`` is a relative clause ("who argues ...") with a known antecedent."""
    return previous.rule == "who_clause" and previous.antecedent_span is not None


def _reports_previous(text: str, previous: Frame, anchor: int, quotes: QuoteList) -> bool:
    """ "The minister insisted the figures were correct, officials said": the attribution
    before the source is itself the content; it becomes nested, its content trimmed to
    end before the comma. True when that applies (``previous`` is changed)."""
    if previous.rule != "source_cue_content" or not previous.preposed or (
            previous.source_span is None or _quote_ending_at(quotes, anchor - 2)):
        return False
    end = anchor
    while end > previous.cue.span[1] and text[end - 1] in " ,":
        end -= 1
    previous.content = [(s, min(e, end)) for s, e in previous.content if s < end]
    previous.nested = True
    previous.preposed = False
    return True


def _no_finite_verb(words: str) -> bool:
    """Whether ``words`` hold no finite verb, so no clause of their own: "But later on
    Saturday" before ", according to X, the coach spoke"; "Last year" before ", he said,
    was all about deals"."""
    return not any(syntax.lexicon_tag(w.lower()) in syntax.FINITE_VERB_TAGS
                   for w in phrases.WORD.findall(words))


def _ends_content(text: str, before: str, clause_lo: int, sentence_start: int) -> bool:
    """Whether the words before a source or cue end a content ("...," / a closing quote)."""
    if before:
        return before.endswith(phrases.CLOSERS)
    if clause_lo != sentence_start:
        return False
    previous = text[max(0, sentence_start - 3):sentence_start]
    return "\n" not in previous and previous.rstrip().endswith(("”", '"', "»", "''"))


def _content_before(text: str, frame: Frame, clause_lo: int, anchor: int, tail: int,
                    quotes: QuoteList) -> None:
    """Content that ends before the source/cue clause (and a second quote after it)."""
    frame.preposed = False
    content_end = anchor
    while content_end > clause_lo and text[content_end - 1] in " ,":
        content_end -= 1
    quote = _quote_ending_at(quotes, content_end) or _quote_ending_at(quotes, content_end + 1)
    content_start = clause_lo
    if quote is None and content_end <= clause_lo:
        # The quote closed the previous sentence: "“Will be such fun!” Trump tweeted."
        back = clause_lo
        while back > 0 and text[back - 1].isspace():
            back -= 1
        quote = _quote_ending_at(quotes, back)
        if quote is not None:
            content_end = quote.span[1]
    if quote is not None:
        content_start = min(content_start, quote.span[0])
        if quote.span[0] >= clause_lo and not text[clause_lo:quote.span[0]].strip():
            content_start = quote.span[0]
        content_end = max(content_end, quote.span[1])
    if content_end > content_start:
        frame.content = [phrases.strip_span(text, content_start, content_end)]
    # "A," he said, "B." -- a second piece after the cue clause.
    rest = text[tail:min(len(text), tail + 4)]
    if rest.lstrip().startswith(","):
        position = tail + rest.index(",") + 1
        while position < len(text) and text[position].isspace():
            position += 1
        second = _quote_at(quotes, position)
        if second is not None:
            frame.content.append(second.span)
    frame.clause_start = content_start


_PASSIVE_CONTENT = re.compile(r"(?:that|to|whether|if|how|why|what)\b|[\"“:]",
                              re.IGNORECASE)
_THAT_START = re.compile(r"that\s+", re.IGNORECASE)
_ABOUT_START = re.compile(r"(?:about|of|on)\b", re.IGNORECASE)
_CLAUSE_START = re.compile(r"\s*(?:that\b|[:\"“«'‘]|,\s*[\"“«'‘])", re.IGNORECASE)


def _frame_allowed(text: str, frame: Frame) -> bool:
    """Cues marked ``clause`` in the lexicon need a clause (with or without "that"), a
    quote or a colon after them, or their content before them ("..., he maintained.")."""
    if frame.rule == "passive" and frame.cue.negated:
        return False  # "could not be confirmed", "was not reported": nobody is cited
    if frame.rule == "passive" and frame.cue.entry.cue_class != "speech":
        # "was opposed to": a passive of a stance verb needs a clause after it.
        return bool(frame.content) and bool(_PASSIVE_CONTENT.match(text, frame.content[-1][0]))
    if frame.cue.entry.cue_class == "belief" and frame.content and _ABOUT_START.match(
            text, frame.content[0][0]):
        return False  # "could not have known about the leak": a topic, not a belief held
    if not frame.cue.entry.clause_only or not frame.preposed:
        return True
    if frame.content and frame.content[0][0] < frame.cue.span[0]:
        return True
    return bool(frame.content) and bool(
        _CLAUSE_START.match(text, frame.cue.span[1])
        or text[frame.content[0][0]:frame.content[0][0] + 4].lower().startswith(("that",))
        or text[frame.content[0][0]:frame.content[0][0] + 1] in "\"“«'‘"
        or phrases.opens_with_clause(text, *frame.content[0])
    )


def _colon_quote(text: str, position: int, quotes: QuoteList) -> Span | None:
    """The quote right after "...read:" (possibly in the next paragraph)."""
    match = _COLON.match(text, position)
    if not match:
        return None
    quote = _quote_at(quotes, match.end())
    return quote.span if quote else None


def _speaker_quotes(
    text: str,
    quotes: QuoteList,
    frames: list[Frame],
    sentences: list[tuple[int, int]],
    registry: Registry,
) -> list[Quote]:
    """Kind and speaker of every quote, in text order."""
    starts = [s for s, _ in sentences]
    speaker_of: dict[int, int] = {}
    introduced: set[int] = set()
    closed_by: set[int] = set()
    in_content: set[int] = set()
    tag_end: dict[int, int] = {}  # quote -> end of the speech tag that follows it
    for frame in frames:
        for piece_index, (s, e) in enumerate(frame.content):
            for qi in quotes.within(s, e):
                q = quotes[qi]
                in_content.add(qi)
                if q.span[1] <= frame.cue.span[0]:
                    tag_end[qi] = max(frame.cue.span[1], (frame.source_span or (0, 0))[1])
                if frame.speaker >= 0:
                    speaker_of.setdefault(qi, frame.speaker)
                if (s, e) == q.span and frame.preposed:
                    introduced.add(qi)
                elif (s, e) == q.span or q.span[1] >= e:
                    closed_by.add(qi) if piece_index == 0 else introduced.add(qi)
            overrun = quotes.starting_in(s, e)
            if overrun is not None and frame.speaker >= 0 and frame.preposed:
                # The content's sentence ended inside a quote it opens ('... go: "A. B."').
                speaker_of.setdefault(overrun, frame.speaker)
    # "Quoting Kadyrov, it said that the "best fighters" ...": the quoted party speaks.
    # Most texts have neither word; a substring test is far cheaper than the regex scan.
    quoting = list(_QUOTING.finditer(text)) if "uoting" in text or "iting" in text else []
    for number, match in enumerate(quoting):
        mention = match.group(1)
        info = describe(mention)
        entry = registry.resolve(mention, info, count=False)
        if entry < 0:
            continue
        sentence_index = bisect_right(starts, match.start()) - 1
        if sentence_index < 0:
            continue
        s_end = sentences[sentence_index][1]
        if number + 1 < len(quoting):
            s_end = min(s_end, quoting[number + 1].start())  # the next "Quoting Y" takes over
        for qi in range(bisect_left(quotes.starts, match.end()), len(quotes)):
            if quotes[qi].span[0] >= s_end:
                break
            speaker_of[qi] = entry
    # Multi-paragraph quotes keep one speaker; floating quotes inherit the last one.
    # Within a paragraph, '"A," she said. "B."': B follows a short cue clause and
    # inherits the speaker too. The last speaker may also be the source of an attribution
    # whose sentence ends right before the quote ('X said he was worried. "B."').
    said = sorted((sentences[f.sentence][1], f.speaker) for f in frames
                  if f.speaker >= 0 and not f.nested)
    said_index = 0
    last_speaker = -1
    last_paragraph = -2
    last_end = 0
    for qi, q in enumerate(quotes):
        while said_index < len(said) and said[said_index][0] <= q.span[0]:
            end, entry = said[said_index]
            said_index += 1
            if end >= last_end:
                last_speaker, last_end = entry, end
                last_paragraph = q.paragraph - len(_LINE_BREAKS.findall(text, end, q.span[0]))
        if qi in speaker_of:
            last_speaker, last_paragraph, last_end = speaker_of[qi], q.paragraph, q.span[1]
            continue
        if q.continued and qi > 0 and (qi - 1) in speaker_of:
            speaker_of[qi] = speaker_of[qi - 1]
        elif last_speaker >= 0 and (
                _floats_after(text, q, last_paragraph, starts)
                or (q.paragraph == last_paragraph and _after_cue_clause(
                    text, last_end, q.span[0], tag_end.get(qi - 1)))):
            speaker_of[qi] = last_speaker
        if qi in speaker_of:
            last_speaker, last_paragraph, last_end = speaker_of[qi], q.paragraph, q.span[1]
    # A multi-paragraph chain whose attribution comes later shares the speaker backwards.
    for qi in range(len(quotes) - 2, -1, -1):
        if qi not in speaker_of and quotes[qi + 1].continued and (qi + 1) in speaker_of:
            speaker_of[qi] = speaker_of[qi + 1]
    records = []
    for qi, q in enumerate(quotes):
        s_index = max(0, bisect_right(starts, q.span[0]) - 1)
        sentence_start = sentences[s_index][0] if sentences else 0
        kind, rule = quotemod.classify(
            text, q, sentence_start, after_cue=qi in introduced, before_cue=qi in closed_by,
            in_content=qi in in_content,
        )
        entry = speaker_of.get(qi, -1)
        speaker = registry.entries[entry].name if entry >= 0 and kind in (
            "direct", "partial") else None
        speaker_type = registry.entries[entry].source_type if speaker else None
        if speaker and qi in speaker_of and qi not in in_content:
            rule = f"{rule}+inherited_speaker"
        records.append(Quote(q.span, text[q.inner[0]:q.inner[1]], kind, speaker, rule,
                             speaker_type, q.paragraph))
    return records


def _floats_after(text: str, q: quotemod.QuoteSpan, last_paragraph: int,
                  starts: list[int]) -> bool:
    """A quote that opens the paragraph right after the last speaker's (a floating quote)."""
    return q.paragraph == last_paragraph + 1 and _opens_paragraph(text, q.span[0]) and (
        bisect_right(starts, q.span[0]) > 0)


def _opens_paragraph(text: str, position: int) -> bool:
    """Whether only spaces stand between the start of the line and ``position``."""
    while position > 0 and text[position - 1] != "\n":
        if not text[position - 1].isspace():
            return False
        position -= 1
    return True


#: A gap longer than this between two quotes holds more than a speech tag.
GAP_WINDOW = 300


def _after_cue_clause(text: str, last_end: int, start: int, tag_end: int | None) -> bool:
    """'"A," she said. "B."': only a short cue clause (or the last quote's own tag and a
    short tail), ending a sentence, stands between the last speaker's words and this
    quote; or nothing at all."""
    if start - last_end > GAP_WINDOW:
        return False
    gap = text[last_end:start]
    if not gap.strip():
        return True
    return gap.rstrip().endswith(".") and (
        len(phrases.WORD.findall(gap)) <= 6 or _after_own_tag(text, tag_end, start))


#: Words that may follow a quote's own speech tag before the next quote inherits its
#: speaker ('"A," Ms Hart told the BBC News website. "B."').
TAG_TAIL_WORDS = 8


def _after_own_tag(text: str, tag_end: int | None, quote_start: int) -> bool:
    """Whether only the previous quote's tag, and a short tail, stand before this quote."""
    return tag_end is not None and tag_end <= quote_start and len(
        phrases.WORD.findall(text, tag_end, quote_start)) <= TAG_TAIL_WORDS


_LINE_BREAKS = re.compile(r"\n\s*")  # one match per paragraph break (blank lines included)


def _inside_quote(position: int, quotes: QuoteList) -> bool:
    index = bisect_right(quotes.starts, position) - 1
    if index < 0:
        return False
    q = quotes[index]
    if not q.span[0] < position < q.span[1]:
        return False
    # An unclosed mark far back is more likely a stray mark than a long quote.
    return not (q.open_end and not q.continued and position > q.span[0] + 200)


def attribute(doc) -> tuple[list[Quote], list[Attribution]]:
    """Quotes and attributions of ``doc`` (an ``analysis.Document``), in text order."""
    text = doc.text
    if not text.strip():
        return [], []
    sentences = [s.span for s in doc.sentences]
    quotes = QuoteList(quotemod.quote_spans(text, doc.paragraphs))
    found = [c for c in cuemod.find_cues(text) if not _inside_quote(c.word_start, quotes)]
    starts = [s for s, _ in sentences]
    by_sentence: dict[int, list[cuemod.CueMatch]] = {}
    for cue in found:
        index = bisect_right(starts, cue.word_start) - 1
        if index >= 0 and cue.span[1] <= sentences[index][1]:
            by_sentence.setdefault(index, []).append(cue)
    frames: list[Frame] = []
    for index, sentence in enumerate(sentences):
        found_here = []
        if index in by_sentence:
            found_here = _frames_for_sentence(text, sentence, index, by_sentence[index], quotes)
        if not found_here and not _inside_quote(sentence[0] + 1, quotes):
            found_here = _sentence_rules(text, sentence, index)
        frames += found_here
    registry = Registry(text, [q.span for q in quotes])
    for position, frame in enumerate(frames):
        _resolve(text, frame, registry, frames[:position])
    registry.merge_roles()
    registry.merge_delayed_name()
    for frame in frames:
        if frame.entry >= 0:
            frame.entry = registry.final(frame.entry)
    quote_records = _speaker_quotes(text, quotes, frames, sentences, registry)
    return quote_records, [_record(text, frame, registry, quotes) for frame in frames]


def _resolve(text: str, frame: Frame, registry: Registry, earlier: list[Frame]) -> None:
    """Point ``frame.entry`` at the canonical source of its mention (``earlier``: the
    frames before it, already resolved)."""
    if frame.inherit_from is not None:
        shared = frame.inherit_from
        if shared.entry < 0 and shared.source_span is not None:
            # a cue dropped later still names the subject
            _resolve(text, shared, registry, earlier)
        frame.entry = shared.entry
        return
    if frame.source_span is None:
        return
    span = frame.antecedent_span or frame.source_span
    mention = text[span[0]:span[1]]
    described = describe(mention)
    frame.author = _document_author(text, described, earlier)
    frame.entry = registry.resolve(mention, described, position=span[0])
    if frame.entry >= 0 and frame.role_hint and registry.entries[frame.entry].role is None:
        words = frame.role_hint.strip(" ,").split()
        if words and words[0].lower() in DETERMINERS:
            words = words[1:]
        registry.entries[frame.entry].role = " ".join(words) or None


def _document_author(text: str, described: MentionInfo, earlier: list[Frame]) -> Frame | None:
    """The latest earlier frame whose source spoke in the document a mention names: in
    "In a statement the RSPCA said ... '...,' said the statement" the RSPCA speaks."""
    if described.source_type != "document" or described.plural:
        return None
    for frame in reversed(earlier):
        if frame.entry >= 0 and frame.source_span is not None and _spoke_in(
                text, frame.source_span[0], described.head):
            return frame
    return None


def _spoke_in(text: str, source_start: int, head: str) -> bool:
    """Whether "in" or "on", a word or two and ``head`` stand right before a source ("In a
    statement the RSPCA", "in its annual report, the bank")."""
    words = [w.lower() for w in phrases.WORD.findall(text, max(0, source_start - 40),
                                                      source_start)[-4:]]
    return bool(words) and words[-1] == head and any(
        len(words) > k and words[-k - 1] in ("in", "on") for k in (2, 3))


def _record(text: str, frame: Frame, registry: Registry,
            quotes: QuoteList) -> Attribution:
    cue = frame.cue
    entry = registry.entries[frame.entry] if frame.entry >= 0 else None
    source_span = frame.source_span
    if frame.inherit_from is not None:
        source_span = frame.inherit_from.source_span  # "..., adding that": the shared subject
    pieces = tuple((s, e) for s, e in frame.content if e > s)
    if pieces and all(s in quotes.by_start and quotes.by_start[s].span == (s, e)
                      for s, e in pieces):
        kind = "direct"
    elif any(quotes.within(s, e - 1) for s, e in pieces):
        kind = "mixed"
    else:
        kind = "indirect"
    content = " ".join(text[s:e] for s, e in pieces) if pieces else None
    source_type = entry.source_type if entry else "unknown"
    who = people.describe_source(entry, text) if entry else people.SourceProfile(None, None, None)
    if entry is None and source_span is not None:
        source_type = describe(text[source_span[0]:source_span[1]]).source_type
    return Attribution(
        cue=cue.text,
        cue_span=cue.span,
        stance=cue.entry.stance,
        source_text=text[source_span[0]:source_span[1]] if source_span else None,
        source_span=source_span,
        source=entry.name if entry else None,
        source_type=source_type,
        role=entry.role if entry else None,
        addressee=frame.addressee,
        content=content,
        content_spans=pieces,
        kind=kind,
        rule=frame.rule,
        cue_lemma=cue.entry.lemma,
        cue_class=cue.entry.cue_class,
        nested=frame.nested,
        gender=who.gender,
        gender_evidence=who.gender_evidence,
        affiliation=who.affiliation,
    )
