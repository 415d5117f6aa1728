"""Hedges (uncertainty cues) and boosters (certainty markers), with whose voice they are in.

The cues are data: ``analysis/nlp/lexicons/hedges.tsv`` and ``boosters.tsv`` (each opens with
where its classes come from and how the ambiguous words were decided). Each file compiles
to ONE regular expression, an alternation of its rows in file order, guarded so that it is
tried only where a row can start (``analysis.nlp.lexicon_scan``); every sentence of the
``Document`` is scanned once with it. A row may name a *context rule* (a function below, in
``HEDGE_CONTEXTS`` / ``BOOSTER_CONTEXTS``) that looks at the words around a match and keeps
it, rejects it, or changes its category ("if" after "asked" is a question, not a condition).
The rule that decided is stored on every record, so a student can ask "why?".

Ambiguities, decided on the development half of the Szeged Uncertainty Corpus:

- "May" the month (capitalised inside a sentence, or before a number) is not a hedge.
- "might" after "the / his / all / military ..." or before "of" is the noun.
- "could not" / "could n't" is past (in)ability ("he could not sleep"); "could" otherwise is
  a possibility (21/32 cues in FactBank).
- "would" is a hedge only in a hypothetical: under a condition in the same sentence ("if",
  "unless", "otherwise", "were it ...": 28 cues in 37 on the dev half), or as the projected
  effect of a present-tense opinion ("critics say the scheme would bring"). Keeping every
  other "would" too (proposals, "a law that would imprison") found 30 more cues in 92
  guesses and lowered sentence F1 on both files, so reported future ("said it would
  decide"), narrative ("he would later join") and the rest are not hedges.
- "will" is never a hedge: bare future "will" is a Szeged cue 7 times in 163 in FactBank,
  and then only as the consequence of a condition ("if X, they will ...") that is already
  a cue; marking it too would count one conditional twice.
- "about", "around", "some", "nearly" ... are approximators only before a number ("a film
  about", "some analysts" are not hedges). "some say", "critics argue" are weasel phrases.
- "if" after a verb of asking / knowing / checking ("asked if", "unclear if") is an indirect
  question; "as if", "even if", "if and only if", "if any" are not hedges; else a condition.
- Negation: "not clear" / "not sure" / "not known" are epistemic hedges; "no doubt" and
  "without doubt" are boosters; a booster within two words after "not" / "n't" / "never"
  is kept with ``negated=True``; "doubt" after "no / without / beyond" is not a hedge.
- Attribution is not hedging: "said", "according to", "claimed", "claims", and "allege" as
  a reporting verb ("residents allege that") are never cues (the attribution detector owns
  them); "the alleged fraud", "reportedly", "accused" are hearsay.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Protocol

from analysis.detect.voice import VoiceMap
from analysis.nlp.lexicon_scan import LexiconScanner, ascii_lower
from analysis.nlp.lexicons import load_lexicon
from analysis.records import Attribution, Booster, Hedge, Quote, Sentence


class Layers(Protocol):
    """What the detectors here read: an ``analysis.Document`` has these layers. A text
    goes through ``analysis.analyse`` (or ``analysis.find_hedges``) first."""

    text: str
    sentences: list[Sentence]
    quotes: list[Quote]
    attributions: list[Attribution]
    #: read by ``detect_boosters`` ("not clear" is a hedge, not a negated booster)
    hedges: list[Hedge]


CATEGORIES = (
    "epistemic",
    "belief",
    "hearsay",
    "verification",
    "weasel",
    "conditional",
    "question",
    "approximator",
)

#: Which Szeged Uncertainty Corpus cue type each category corresponds to (for scoring).
SZEGED_TYPE = {
    "epistemic": "epistemic",
    "belief": "doxastic",
    "hearsay": "doxastic",
    "weasel": "doxastic",
    "verification": "investigation",
    "question": "investigation",
    "conditional": "condition",
    "approximator": "none",
}


# --- context rules --------------------------------------------------------------------------
# Each takes the window (text, start, end, sentence start, sentence end, category) and returns
# ``(category, rule)`` to keep the match or ``None`` to reject it.

Verdict = tuple[str, str] | None
Context = Callable[[str, int, int, int, int, str], Verdict]

_NUMBER = re.compile(
    r"\s*(?:[$£€¥]|US\$|Rs\.?\s*)?(?:\d"
    r"|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy"
    r"|eighty|ninety|hundreds?|thousands?|millions?|billions?|dozens?|half|a\s+half"
    r"|two-thirds|three-quarters|twice|thrice|(?:doubl|tripl|trebl|quadrupl|halv)(?:e|ed|es|ing)"
    r"|(?:a|an|one)\s+(?:dozen|hundred|thousand|million|billion"
    r"|third|quarter|fifth|tenth|half|year|decade|month|week|day|hour|minute|mile|century"
    r"|kilometre|kilometer))\b)",
    re.IGNORECASE,
)
_NUMBER_BEFORE = re.compile(
    r"(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten"
    r"|twenty|thirty|forty|fifty|hundred|thousand|dozen)\w*)\s*$",
    re.IGNORECASE,
)
_DIGIT_NEXT = re.compile(r",?\s*\d")
_NAME_MAY = re.compile(
    r"(?:['’]s\b|\s*,|\s+(?:\w+ed|said|says|has|had|is|was|and|will|told|wants|met)\b)"
)
_NOUN_DETERMINER = re.compile(
    r"\b(?:the|a|an|his|her|its|their|our|my|your|whose|all|full|sheer|great|military"
    r"|economic|naval|industrial|nuclear|free|own|good|ill|political|popular|last|of|this"
    r"|that)\s+$",
    re.IGNORECASE,
)
_NEGATION_AFTER = re.compile(
    r"\s*(?:n['’]t\b|\s(?:not|never|hardly|barely|scarcely)\b)", re.IGNORECASE
)
_REACHED = re.compile(r"\s+be\s+reached\b", re.IGNORECASE)
_CONDITION_IN_SENTENCE = re.compile(
    r"\b(?:if|unless|otherwise|provided\s+that|as\s+long\s+as|in\s+(?:that|such\s+a|this"
    r"|which)\s+case|in\s+the\s+event|suppose|supposing|imagine|were\s+(?:it|they|he|she"
    r"|we)\b)",
    re.IGNORECASE,
)
_WOULD_NOT_HEDGE = re.compile(
    r"(?:-|\s+(?:rather|like|love|prefer)\b|\s*n['’]t\s+(?:comment|elaborate|say|disclose"
    r"|discuss|identify|confirm|reveal|give|provide|answer|specify|name|speculate)\b"
    r"|\s+not\s+(?:comment|elaborate|say|disclose|discuss|identify|confirm|reveal|give"
    r"|provide|answer|specify|name|speculate)\b)",
    re.IGNORECASE,
)
_QUESTION_WORD = re.compile(r"\b(?:whether|how|what|who|when|why|if)\b", re.IGNORECASE)
_PRESENT_OPINION = re.compile(
    r"(?<!\bto\s)\b(?:say|says|argue|argues|fear|fears|warn|warns|believe|believes|think"
    r"|thinks|contend|contends|worry|worries|suggest|suggests|insist|insists|predict"
    r"|predicts)\b",
    re.IGNORECASE,
)
_QUESTION_VERB_BEFORE = re.compile(
    r"\b(?:ask|asks|asked|asking|wonder|wonders|wondered|wondering|know|knows|knew|known"
    r"|see|sees|saw|seen|check|checks|checked|checking|determine|determined|decide|decides"
    r"|decided|tell|told|sure|unclear|clear|doubt|doubts|question|questioned|verify"
    r"|find\s+out|found\s+out|learn|investigate|investigating|examine|test|tested|judge"
    r"|establish|inquire|inquired|unsure|uncertain|unknown|show|consider|considering"
    r"|assess|evaluate)\b(?:\s+[\w'’]+){0,2}\s*,?\s*$",
    re.IGNORECASE,
)
_IF_NOT_HEDGE_BEFORE = re.compile(r"\b(?:as|even)\s+$|\band\s+only\s+$", re.IGNORECASE)
_IF_NOT_HEDGE_AFTER = re.compile(r"\s+(?:and\s+only\s+if|any\b|ever\b|at\s+all\b)", re.IGNORECASE)
_APPEAR_TO = re.compile(
    r"\s+(?:to|that|as\s+if|as\s+though|likely|unlikely|certain|set|poised|increasingly"
    r"|doubtful|uncertain|unlikely)\b",
    re.IGNORECASE,
)
_APPEAR_BEFORE = re.compile(r"\b(?:it|would|there)\s+$", re.IGNORECASE)
_POSSIBLE_NOT_HEDGE_BEFORE = re.compile(
    r"\b(?:as|best|greatest|highest|lowest|fastest|maximum|minimum|widest|largest|smallest"
    r"|every|all|any|only|made|make|makes|making|become|becomes|became|most|least"
    r"|earliest|soonest|shortest|longest|strongest|worst|quickest)\s+(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)
_POSSIBLE_NOT_HEDGE_AFTER = re.compile(r"\s+(?:to\s|for\s+\w+\s+to\s)", re.IGNORECASE)
_FEAR_THAT = re.compile(r"\s+(?:that|to|for|it|they|he|she|we|I|the\s+worst)\b", re.IGNORECASE)
_NO_DOUBT_BEFORE = re.compile(
    r"\b(?:no|without|beyond|little|not\s+a|any)\s+(?:\w+\s+)?$", re.IGNORECASE
)
_EXPECT_NOT_HEDGE_BEFORE = re.compile(
    r"(?:\b(?:as|than|un|the|an|of|with|our|their|its|his|her|initially|originally)\s*|-)$",
    re.IGNORECASE,
)
_ASSUME_BELIEF = re.compile(
    r"\s+(?:that|to\s+(?:be|have)|it|he|she|they|we|I|you|the\s+worst"
    r"|so|otherwise|wrongly|correctly)\b|\s*[,.;]",
    re.IGNORECASE,
)
_BE_BEFORE = re.compile(
    r"\b(?:is|are|was|were|be|been|being|commonly|generally|widely|often"
    r"|usually|long|falsely|wrongly)\s+$",
    re.IGNORECASE,
)
_WONDER_WHAT = re.compile(
    r"\s+(?:whether|if|how|what|why|who|when|where|about|aloud)\b", re.IGNORECASE
)
_THOUGHT_NOUN_BEFORE = re.compile(
    r"\b(?:a|an|the|his|her|its|their|our|my|your|of|in|political|religious|philosophical"
    r"|modern|western|eastern|economic|social|free|critical|second|much|no|this|that|little"
    r"|careful|serious|some|any|every|first|original|Buddhist|Christian|Islamic|Jewish"
    r"|Greek|Chinese|Indian)\s+$",
    re.IGNORECASE,
)
_SUSPECT_VERB_AFTER = re.compile(
    r"\s+(?:that|it|he|she|they|we|him|her|them|this|foul|a|an|the|there|his|their|its)\b",
    re.IGNORECASE,
)
_CONSIDER_DELIBERATE = re.compile(
    r"\s+(?:\w+ing\b|whether|how|what|if|options|the\s+(?:offer|bill|proposal|motion|request"
    r"|case|matter|issue|plan|application|appeal|bid|question|possibility|options?|risk))",
    re.IGNORECASE,
)
_MODAL_BEFORE = re.compile(
    r"\b(?:to|will|shall|is|are|was|were|be|been|let\s+us|let's"
    r"|now)\s+$",
    re.IGNORECASE,
)
_POTENTIAL_NOUN_AFTER = re.compile(
    r"(?!\s+(?:of|for|to|and|or|in|is|was|are|were|that|which|as|energy|difference|field"
    r"|function|well|barrier)\b)\s+[a-z]",
    re.IGNORECASE,
)
_PRONOUN_BEFORE = re.compile(
    r"\b(?:I|we|they|you|he|she|who)\s+(?:also\s+|still\s+)?$", re.IGNORECASE
)
_PREPOSITION_START = re.compile(r"(?:^|[,;:(—–-])\s*$")


def _keep(category: str, rule: str) -> Verdict:
    return (category, rule)


def _approx_number(text: str, start: int, end: int, s0: int, s1: int, cat: str) -> Verdict:
    """Approximators count only before a number: "about 40", "some 2,000", "nearly half"."""
    return _keep(cat, "approximator_before_number") if _NUMBER.match(text, end, s1) else None


def _approx_number_before(text: str, start: int, end: int, s0: int, s1: int, cat: str) -> Verdict:
    """ "20 or so": the approximator follows the number."""
    before = text[max(s0, start - 20) : start]
    return _keep(cat, "approximator_after_number") if _NUMBER_BEFORE.search(before) else None


def _may_modal(text: str, start: int, end: int, s0: int, s1: int, cat: str) -> Verdict:
    """ "May" the month: capitalised inside a sentence, or followed by a number."""
    word = text[start:end]
    if _DIGIT_NEXT.match(text, end, s1):
        return None
    if word == "May" and text[s0:start].strip(" \"'“‘(") != "":
        return None  # "in May", "Theresa May"
    if word == "May" and _NAME_MAY.match(text, end, s1):
        return None  # "May said on Tuesday ...": the name, at the start of a sentence
    if _optative_may(text, start, end):
        return None
    return _keep(cat, "may_modal")


def _might_modal(text: str, start: int, end: int, s0: int, s1: int, cat: str) -> Verdict:
    """ "might" the noun ("the might of", "with all his might") is not a hedge."""
    if _NOUN_DETERMINER.search(text, max(s0, start - 20), start):
        return None
    if re.match(r"\s+(?:of|and\s+main)\b", text[end:s1], re.IGNORECASE):
        return None
    return _keep(cat, "might_modal")


def _could_modal(text: str, start: int, end: int, s0: int, s1: int, cat: str) -> Verdict:
    """ "could not" / "could n't" is past inability ("he could not sleep"), not a hedge; nor
    is the stock phrase "could (not) be reached for comment"."""
    if _NEGATION_AFTER.match(text, end, s1) or _REACHED.match(text, end, s1):
        return None
    return _keep(cat, "could_possibility")


_NEGATED_MODAL_BEFORE = re.compile(
    r"\b(?:cannot|can(?:\s+not|\s*n['’]t)|could(?:\s+not|\s*n['’]t)|would(?:\s+not|\s*n['’]t))\s+$",
    re.IGNORECASE,
)


def _emphatic_negation(text: str, start: int, end: int, s0: int, s1: int, cat: str) -> Verdict:
    """ "could not possibly have known": after a negated modal the adverb strengthens the
    denial; it hedges nothing."""
    if _NEGATED_MODAL_BEFORE.search(text, max(s0, start - 20), start):
        return None
    return _keep(cat, "possibly_epistemic")


def _optative_may(text: str, start: int, end: int) -> bool:
    """ "May the best team win": a wish, "May" opening a sentence before a noun phrase."""
    return text[start:end] == "May" and bool(_OPTATIVE_AFTER.match(text, end))


_OPTATIVE_AFTER = re.compile(
    r"\s+(?:the|a|an|his|her|their|our|your|its|this|God|he|she|they|we|you)\s"
)


def _would_hypothetical(text: str, start: int, end: int, s0: int, s1: int, cat: str) -> Verdict:
    """ "would" in a hypothetical: under a condition in the same sentence ("if X, it would"),
    or as the projected effect of a present-tense opinion ("critics say the scheme would
    bring ..."). Not reported or narrative future ("said it would", "he would later")."""
    if _WOULD_NOT_HEDGE.match(text, end, s1):
        return None
    if _CONDITION_IN_SENTENCE.search(text, s0, s1):
        return _keep(cat, "would_with_condition")
    opinions = list(_PRESENT_OPINION.finditer(text, s0, start))
    if opinions and not _QUESTION_WORD.search(text, opinions[-1].end(), start):
        return _keep(cat, "would_after_opinion")  # not "to say whether any would close"
    return None


def _if_kind(text: str, start: int, end: int, s0: int, s1: int, cat: str) -> Verdict:
    """ "if": indirect question after ask/know/see...; not "as if", "even if"; else condition."""
    before = text[max(s0, start - 40) : start]
    if _IF_NOT_HEDGE_BEFORE.search(before) or _IF_NOT_HEDGE_AFTER.match(text, end, s1):
        return None
    if _QUESTION_VERB_BEFORE.search(before):
        return _keep("question", "if_indirect_question")
    return _keep(cat, "if_condition")


def _appear_to(text: str, start: int, end: int, s0: int, s1: int, cat: str) -> Verdict:
    """ "appears to / that", "it appears", not "appears on screen"."""
    if (
        text[end - 2 : end].lower() == "to"
        or _APPEAR_TO.match(text, end, s1)
        or _APPEAR_BEFORE.search(text, max(s0, start - 10), start)
    ):
        return _keep(cat, "appear_to")
    return None


def _possible(text: str, start: int, end: int, s0: int, s1: int, cat: str) -> Verdict:
    """ "possible", not "as soon as possible", "the best possible", "made possible"."""
    if _POSSIBLE_NOT_HEDGE_BEFORE.search(text, max(s0, start - 30), start):
        return None
    if _POSSIBLE_NOT_HEDGE_AFTER.match(text, end, s1):
        return None
    return _keep(cat, "possible")


def _fear_that(text: str, start: int, end: int, s0: int, s1: int, cat: str) -> Verdict:
    """ "feared", "fears that", "fear to", not "fear of heights"."""
    if text[start:end].lower() == "feared" or _FEAR_THAT.match(text, end, s1):
        return _keep(cat, "fear_that")
    return None


def _doubt(text: str, start: int, end: int, s0: int, s1: int, cat: str) -> Verdict:
    """ "doubt", not "no doubt" / "without doubt" / "beyond doubt" (boosters)."""
    if _NO_DOUBT_BEFORE.search(text, max(s0, start - 25), start):
        return None
    return _keep(cat, "doubt")


def _expect(text: str, start: int, end: int, s0: int, s1: int, cat: str) -> Verdict:
    """ "expected to", not "as expected" / "than expected"."""
    if _EXPECT_NOT_HEDGE_BEFORE.search(text, max(s0, start - 6), start):
        return None
    return _keep(cat, "expect")


def _assume(text: str, start: int, end: int, s0: int, s1: int, cat: str) -> Verdict:
    """ "assume that", "is assumed to", not "assumed power" / "assume the role"."""
    if _ASSUME_BELIEF.match(text, end, s1) or _BE_BEFORE.search(text, max(s0, start - 20), start):
        return _keep(cat, "assume_belief")
    return None


def _wh_clause(text: str, start: int, end: int, s0: int, s1: int, cat: str) -> Verdict:
    """Before "whether / if / how ...": "wonders whether", "questioned how"; not "a wonder of
    the world", "questioned by police"."""
    if _NO_DOUBT_BEFORE.search(text, max(s0, start - 25), start):
        return None  # "no question about that" is a booster
    return _keep(cat, "before_wh_clause") if _WONDER_WHAT.match(text, end, s1) else None


def _think(text: str, start: int, end: int, s0: int, s1: int, cat: str) -> Verdict:
    """ "think" the opinion verb, not "think tank"."""
    if re.match(r"[\s-]+tanks?\b", text[end:s1], re.IGNORECASE):
        return None
    return _keep(cat, "think")


def _thought(text: str, start: int, end: int, s0: int, s1: int, cat: str) -> Verdict:
    """ "thought" the verb ("is thought to", "I thought"), not the noun ("school of thought")."""
    if _THOUGHT_NOUN_BEFORE.search(text, max(s0, start - 20), start):
        return None
    return _keep(cat, "thought_verb")


def _suspect(text: str, start: int, end: int, s0: int, s1: int, cat: str) -> Verdict:
    """ "suspect(s) that / it / him" the verb; "suspected", "suspicion"; not "a suspect"."""
    word = text[start:end].lower()
    if not word.startswith("suspect") or word.startswith("suspected"):
        return _keep(cat, "suspect")
    if _NOUN_DETERMINER.search(text, max(s0, start - 20), start):
        return None
    if _SUSPECT_VERB_AFTER.match(text, end, s1) or _PRONOUN_BEFORE.search(
        text, max(s0, start - 12), start
    ):
        return _keep(cat, "suspect_verb")
    return None


def _consider(text: str, start: int, end: int, s0: int, s1: int, cat: str) -> Verdict:
    """ "considered (to be / as)", not the preposition "Considering the cost, ..."."""
    word = text[start:end].lower()
    if word == "considering" and _PREPOSITION_START.search(text[s0:start]):
        return None
    if _CONSIDER_DELIBERATE.match(text, end, s1):
        return None  # "considering buying", "consider whether", "consider the offer"
    if word != "considered" and _MODAL_BEFORE.search(text, max(s0, start - 15), start):
        return None  # "will consider", "to consider": deliberation
    return _keep(cat, "consider")


def _potential(text: str, start: int, end: int, s0: int, s1: int, cat: str) -> Verdict:
    """ "potential buyers" (the adjective), not "the potential for" / "electric potential"."""
    return _keep(cat, "potential_adjective") if _POTENTIAL_NOUN_AFTER.match(text, end, s1) else None


def _alleged(text: str, start: int, end: int, s0: int, s1: int, cat: str) -> Verdict:
    """ "the alleged fraud", "is alleged to"; not the reporting verb "X alleged that"."""
    word = text[start:end].lower()
    if word != "alleged" or re.match(r"\s+that\b", text[end:s1], re.IGNORECASE):
        return None
    return _keep(cat, "alleged_adjective")


HEDGE_CONTEXTS: dict[str, Context] = {
    "alleged": _alleged,
    "potential": _potential,
    "number_follows": _approx_number,
    "number_precedes": _approx_number_before,
    "may_modal": _may_modal,
    "might_modal": _might_modal,
    "could_modal": _could_modal,
    "emphatic_negation": _emphatic_negation,
    "would_hypothetical": _would_hypothetical,
    "if_kind": _if_kind,
    "appear_to": _appear_to,
    "possible": _possible,
    "fear_that": _fear_that,
    "doubt": _doubt,
    "expect": _expect,
    "think": _think,
    "assume": _assume,
    "wh_clause": _wh_clause,
    "thought": _thought,
    "suspect": _suspect,
    "consider": _consider,
}


_BOOSTER_SOFTENED = re.compile(
    r"\b(?:almost|nearly|most|fairly|reasonably|quite\s+possibly"
    r"|not\s+quite)\s+$",
    re.IGNORECASE,
)
_PREDICATIVE_BEFORE = re.compile(
    r"(?:\b(?:is|was|are|were|be|been|being|am|seems?|seemed|became|become|becomes|remains?"
    r"|remained|feel|feels|felt|looks?|looked|appears?|appeared|not|very|quite|absolutely"
    r"|completely|entirely|perfectly|pretty|so|too|abundantly|increasingly|made\s+it"
    r"|make\s+it|makes\s+it|making\s+it|now)|['’](?:s|m|re)|n['’]t)\s+$",
    re.IGNORECASE,
)
_MAKE_SURE = re.compile(r"\b(?:make|makes|made|making)\s+(?:\w+\s+)?$", re.IGNORECASE)
_OF_COURSE_NOT_BOOSTER = re.compile(
    r"\b(?:change|changes|changed|changing|reversal|matter|part|off|golf|race|same|main|full"
    r"|first|second|middle|length|end|direction)\s+$",
    re.IGNORECASE,
)
_BOOSTER_NEGATION = re.compile(
    r"(?:\b(?:not|never|hardly|scarcely|barely|nor|no\s+longer)|n['’]t)\s+(?:[\w’']+\s+){0,2}$",
    re.IGNORECASE,
)


def _booster_adverb(text: str, start: int, end: int, s0: int, s1: int, cat: str) -> Verdict:
    """Booster adverbs, except when softened ("almost certainly" is a hedge)."""
    if _BOOSTER_SOFTENED.search(text, max(s0, start - 20), start):
        return None
    return _keep(cat, "booster_adverb")


def _predicative(text: str, start: int, end: int, s0: int, s1: int, cat: str) -> Verdict:
    """ "it is clear", "I am sure", "certain that"; not "a certain man", "make sure"."""
    before_start = max(s0, start - 25)
    if text[start:end].lower() == "sure" and _MAKE_SURE.search(text, before_start, start):
        return None
    if _BOOSTER_SOFTENED.search(text, before_start, start):
        return None
    if _PREDICATIVE_BEFORE.search(text, before_start, start):
        return _keep(cat, "predicative")
    if re.match(r"\s+that\b", text[end:s1], re.IGNORECASE):
        return _keep(cat, "adjective_that")
    return None


def _of_course(text: str, start: int, end: int, s0: int, s1: int, cat: str) -> Verdict:
    """ "of course", not "change of course" / "a matter of course"."""
    if _OF_COURSE_NOT_BOOSTER.search(text, max(s0, start - 15), start):
        return None
    return _keep(cat, "of_course")


BOOSTER_CONTEXTS: dict[str, Context] = {
    "booster_adverb": _booster_adverb,
    "predicative": _predicative,
    "of_course": _of_course,
}


# --- compiling the lexicons -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Row:
    category: str
    context: Context | None
    rule: str


def _curly_apostrophes(pattern: str) -> str:
    """Let every straight apostrophe in a lexicon pattern match a curly one too."""
    out: list[str] = []
    in_class = escaped = False
    for char in pattern:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "[" and not in_class:
            in_class = True
        elif char == "]" and in_class:
            in_class = False
        elif char == "'":
            out.append("'’" if in_class else "['’]")
            continue
        out.append(char)
    return "".join(out)


def _compile(name: str, contexts: dict[str, Context]) -> tuple[LexiconScanner, list[_Row]]:
    """A scanner over a lexicon's rows (in file order) and, per row, category and context."""
    rows: list[_Row] = []
    patterns: list[str] = []
    for entry in load_lexicon(name):
        pattern = _curly_apostrophes(entry["pattern"])
        context_name = entry.get("context", "-")
        if context_name != "-" and context_name not in contexts:
            raise ValueError(f"lexicon {name}: unknown context rule {context_name!r}")
        re.compile(pattern)  # fail early, with the row, on a bad pattern
        patterns.append(pattern)
        rows.append(
            _Row(
                category=entry.get("category", "booster"),
                context=contexts.get(context_name),
                rule="lexicon" if context_name == "-" else context_name,
            )
        )
    return LexiconScanner(patterns), rows


@cache
def _hedge_lexicon() -> tuple[LexiconScanner, list[_Row]]:
    return _compile("hedges", HEDGE_CONTEXTS)


@cache
def _booster_lexicon() -> tuple[LexiconScanner, list[_Row]]:
    return _compile("boosters", BOOSTER_CONTEXTS)


def _scan(doc: Layers, lexicon: tuple[LexiconScanner, list[_Row]], context_rules: bool = True):
    """Yield ``(match, category, rule, sentence)`` for every accepted cue, in text order.

    The match is on the lower-cased text; its offsets are offsets into ``doc.text``. With
    ``context_rules=False`` every lexicon match is kept (an ablation for the benchmarks).
    """
    scanner, rows = lexicon
    text = doc.text
    sentences = doc.sentences
    spans = [(sentence.start, sentence.end) for sentence in sentences]
    for sentence_index, index, match in scanner.scan(ascii_lower(text), spans):
        sentence = sentences[sentence_index]
        s0, s1 = spans[sentence_index]
        row = rows[index]
        if row.context is None or not context_rules:
            yield match, row.category, row.rule, sentence
            continue
        verdict = row.context(text, match.start(), match.end(), s0, s1, row.category)
        if verdict is not None:
            yield match, verdict[0], verdict[1], sentence


def _voices(doc: Layers) -> VoiceMap:
    return VoiceMap(doc.quotes, doc.attributions)


def detect_hedges(doc: Layers, *, context_rules: bool = True) -> list[Hedge]:
    """Hedges of ``doc`` in text order: cue, span, category, voice, sentence span, rule.

    ``context_rules=False`` keeps every lexicon match, ambiguous words included (the
    benchmark's "lexicon without context" row shows what the rules are worth).

    >>> from analysis import analyse
    >>> [(h.cue, h.category) for h in detect_hedges(analyse("The talks may resume in May."))]
    [('may', 'epistemic')]
    """
    voices = None
    hedges = []
    for match, category, rule, sentence in _scan(doc, _hedge_lexicon(), context_rules):
        if voices is None:
            voices = _voices(doc)
        span = match.span()
        voice = voices.voice(span, stance_cue=category != "verification")
        hedges.append(
            Hedge(doc.text[span[0] : span[1]], span, category, voice, sentence.span, rule)
        )
    return hedges


def detect_boosters(doc: Layers) -> list[Booster]:
    """Boosters of ``doc`` in text order; ``negated`` when "not" / "n't" / "never" precede.

    >>> from analysis import analyse
    >>> doc = analyse("It is not definitely over. He clearly lied.")
    >>> [(b.cue, b.negated) for b in detect_boosters(doc)]
    [('definitely', True), ('clearly', False)]
    """
    voices = None
    boosters = []
    text = doc.text
    hedge_spans: list[tuple[int, int]] | None = None
    for match, _category, rule, sentence in _scan(doc, _booster_lexicon()):
        if voices is None:
            voices = _voices(doc)
        span = match.span()
        window = max(sentence.start, span[0] - 40)
        negated = bool(_BOOSTER_NEGATION.search(text, window, span[0]))
        if negated:  # "not clear", "not certain" are hedges, not negated boosters
            if hedge_spans is None:
                hedge_spans = [h.span for h in doc.hedges]
            if any(h0 <= span[0] and span[1] <= h1 for h0, h1 in hedge_spans):
                continue
        boosters.append(
            Booster(
                text[span[0] : span[1]],
                span,
                voices.voice(span, stance_cue=False),
                negated,
                rule,
                sentence.span,
            )
        )
    return boosters
