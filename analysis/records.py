"""The records every detector returns: frozen, slotted dataclasses.

Spans are ``(start, end)`` character offsets into the text that was analysed, so
``text[start:end]`` is always the literal string a record talks about. Every record
names the ``rule`` that produced it, so a student can ask "why did it say that?".
"""

from __future__ import annotations

from dataclasses import dataclass

Span = tuple[int, int]

#: Gender of a person source as the article presents it. ``unknown``: a person whose
#: gender the text does not show and whose first name is not decisive. Organisations,
#: documents, media and groups get no gender at all (``None``).
GENDERS = ("female", "male", "unknown")
#: What showed a gender, strongest first (the order in which ``analysis.gender`` looks).
GENDER_EVIDENCE = {
    "honorific": "a gendered title before the name: Mr, Mrs, Ms, Miss, Sir, Lady, Dame, Lord",
    "role_word": "a gendered role or person noun: spokeswoman, chairman, actress, woman",
    "pronoun": "he/she (or his/her in the source's own description) referring to the source",
    "first_name": "census first-name statistics (the text says nothing); see analysis.gender",
}
#: Whom a source speaks for; see ``analysis.affiliation`` and ``lexicons/affiliations.tsv``.
AFFILIATIONS = {
    "government_politics": "ministers, MPs, parties, councils, departments, officials of the state",
    "public_agency_justice": "police, courts, prosecutors, military, regulators, public bodies",
    "business": "companies, executives, bank analysts, trade bodies, their staff",
    "expert_academic": "researchers, professors, scientists, consultants, think tanks",
    "civil_society": "charities, NGOs, unions, campaigners, advocacy groups, foundations",
    "citizen": "residents, witnesses, customers, patients, ordinary people",
    "media": "news outlets, agencies, journalists, broadcasters as sources",
    "sport_entertainment": "players, coaches, clubs as sports bodies, artists, celebrities",
    "other": "none of the above, or the text does not say",
}
#: Whether an unnamed source's anonymity is explained; see ``analysis.standards``.
ANONYMITY = {
    "explained": "the text says why the source is not named (asked not to be named, ...)",
    "unexplained": "an unnamed person or insider group and no reason given",
}


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: its span and the index of the paragraph it sits in."""

    start: int
    end: int
    paragraph: int

    @property
    def span(self) -> Span:
        return (self.start, self.end)


@dataclass(frozen=True, slots=True)
class Quote:
    """Words between quotation marks.

    ``kind`` is ``"direct"`` (quoted speech or writing), ``"partial"`` (a quoted fragment
    inside the writer's own sentence), ``"scare"`` (a term quoted at a distance) or
    ``"title"`` (the quoted name of a work). ``span`` includes the marks; ``text`` is
    the words inside them.
    """

    span: Span
    text: str
    kind: str
    speaker: str | None
    rule: str
    speaker_type: str | None = None
    paragraph: int = 0


@dataclass(frozen=True, slots=True)
class Attribution:
    """A reporting expression that ties content to a source ("X said ...").

    ``gender`` (one of ``GENDERS``, ``None`` when the source is not a single person),
    ``gender_evidence`` (a key of ``GENDER_EVIDENCE`` or ``None``) and ``affiliation`` (a
    key of ``AFFILIATIONS``, ``None`` when there is no source) describe its source.
    """

    cue: str
    cue_span: Span
    stance: str
    source_text: str | None
    source_span: Span | None
    source: str | None
    source_type: str
    role: str | None
    addressee: str | None
    content: str | None
    content_spans: tuple[Span, ...]
    kind: str
    rule: str
    cue_lemma: str = ""
    cue_class: str = ""
    nested: bool = False
    gender: str | None = None
    gender_evidence: str | None = None
    affiliation: str | None = None


@dataclass(frozen=True, slots=True)
class Hedge:
    """An uncertainty cue: ``category`` from the hedge lexicon, ``voice`` says whose words."""

    cue: str
    span: Span
    category: str
    voice: str
    sentence_span: Span
    rule: str


@dataclass(frozen=True, slots=True)
class Booster:
    """A certainty marker ("clearly", "in fact"); ``negated`` for "no doubt"-style flips."""

    cue: str
    span: Span
    voice: str
    negated: bool
    rule: str
    sentence_span: Span = (0, 0)


@dataclass(frozen=True, slots=True)
class Source:
    """One distinct source cited in a text, with how much it is used.

    ``gender``, ``gender_evidence`` and ``affiliation`` as on ``Attribution``.
    """

    name: str
    source_type: str
    role: str | None
    mentions: int
    attributions: int
    words_quoted: int
    gender: str | None = None
    gender_evidence: str | None = None
    affiliation: str | None = None
