"""Hedges and boosters on real sentences: the seed's worked example and the ambiguous words.

Most sentences come from the shipped articles in ``data/articles`` (the seed is a real
Middle East Eye story; the rest are the project's labelled sample stories).
"""

from __future__ import annotations

import pytest

from analysis import analyse, find_boosters, find_hedges
from analysis.detect.hedging import BOOSTER_CONTEXTS, CATEGORIES, HEDGE_CONTEXTS
from analysis.nlp.lexicons import load_lexicon
from analysis.records import Attribution, Quote


def cues(text: str) -> list[tuple[str, str]]:
    """``(cue, category)`` of every hedge in ``text``."""
    return [(h.cue, h.category) for h in find_hedges(text)]


# --- the seed, the worked example ------------------------------------------------------


def test_seed_verification_disclaimer_is_one_reporter_hedge(seed_text: str) -> None:
    verification = [h for h in find_hedges(seed_text) if h.category == "verification"]
    assert len(verification) == 1
    hedge = verification[0]
    assert hedge.cue == "There was no way to immediately verify"
    assert seed_text[slice(*hedge.span)] == hedge.cue
    assert hedge.voice == "reporter"
    assert seed_text[slice(*hedge.sentence_span)] == (
        "There was no way to immediately verify Kadyrov's claims."
    )


def test_seed_nearly_is_an_approximator(seed_text: str) -> None:
    nearly = [h for h in find_hedges(seed_text) if h.cue == "nearly"]
    assert len(nearly) == 1
    assert nearly[0].category == "approximator"
    assert seed_text[nearly[0].span[1] :].startswith(" 2,900 Russians")


def test_seed_claims_are_not_hedges(seed_text: str) -> None:
    hedges = find_hedges(seed_text)
    assert not [h for h in hedges if "claim" in h.cue.lower()]
    # The whole story holds exactly these two hedges ("some losses", "some had been killed",
    # "information about the structure" are not approximators).
    assert [(h.cue, h.category) for h in hedges] == [
        ("There was no way to immediately verify", "verification"),
        ("nearly", "approximator"),
    ]


def test_seed_nearly_is_in_the_reported_voice(seed_text: str) -> None:
    """WAITS FOR THE ATTRIBUTION DETECTOR (issue 3): "According to figures released by
    Russia's FSB ..., nearly 2,900 Russians ..." is the content of an attribution."""
    nearly = next(h for h in find_hedges(seed_text) if h.cue == "nearly")
    assert nearly.voice == "reported"


def test_find_hedges_accepts_str_or_document(seed_text: str) -> None:
    doc = analyse(seed_text)
    assert find_hedges(doc) == find_hedges(seed_text)
    assert find_boosters(doc) == find_boosters(seed_text)
    sentence_spans = {s.span for s in doc.sentences}
    assert all(h.sentence_span in sentence_spans for h in find_hedges(doc))


# --- ambiguous words ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The invoices show that Brightline Education Partners billed the district $86,400 in "
        "May 2023 and again in February 2024.",
        "The figure is more than four times the number seen during the heatwave last May, when "
        "the hospital treated 31 such cases.",
    ],
)
def test_may_the_month_is_not_a_hedge(sentence: str) -> None:
    assert not [c for c in cues(sentence) if c[0].lower() == "may"]


def test_may_the_name_is_not_a_hedge() -> None:
    assert cues("May said on Tuesday that the talks had failed.") == []
    assert cues("Prime Minister Theresa May met the delegation.") == []
    assert cues("May's government fell.") == []


def test_may_the_modal_is_epistemic() -> None:
    text = (
        "Sections of Port Aldery's Victorian seawall may not survive another ten years without "
        "major repairs, according to a report published on Wednesday."
    )
    assert ("may", "epistemic") in cues(text)


def test_might_the_noun_is_not_a_hedge() -> None:
    assert cues("Britain sent the full might of the Royal Navy to the Falklands.") == []
    assert cues("They pushed with all their might.") == []
    text = "One of them said the firm might take the project to a rival port."
    assert ("might", "epistemic") in cues(text)


@pytest.mark.parametrize(
    "sentence",
    [
        'Stellwood admitted in a letter read to the court that he "could not sleep for shame".',
        "The council said it could not find a record of that survey.",
        "Upjohn officials said they couldn't estimate the size of the charge.",
        "Neither the company nor its lawyers could be reached for comment.",
    ],
)
def test_could_of_past_inability_is_not_a_hedge(sentence: str) -> None:
    assert cues(sentence) == []


def test_could_of_possibility_is_epistemic() -> None:
    text = "The plant's closure could also hurt local farmers, who sell much of their crop."
    assert cues(text) == [("could", "epistemic")]


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        ("That could not be independently confirmed.", "could not be independently confirmed"),
        (
            "Northgate Wire could not independently verify the footage.",
            "could not independently verify",
        ),
        ("The Ledger could not confirm that connection.", "could not confirm"),
        ("The claims have not been verified.", "have not been verified"),
        ("The BBC cannot confirm the figures.", "cannot confirm"),
        ("The report hasn't been independently verified.", "hasn't been independently verified"),
        ("There were unconfirmed reports of shelling.", "unconfirmed"),
        ("The video, which is unverified, spread quickly.", "unverified"),
        (
            "Reuters was unable to independently verify the report.",
            "was unable to independently verify",
        ),
    ],
)
def test_verification_disclaimer_is_one_hedge_with_the_whole_phrase(
    sentence: str, cue: str
) -> None:
    assert cues(sentence) == [(cue, "verification")]


def test_could_confirm_is_not_a_disclaimer() -> None:
    assert ("could confirm", "verification") not in cues("Police could confirm the arrest.")


def test_about_as_topic_vs_before_a_number() -> None:
    film = (
        '"The Salt Years", a documentary about the last working salt pans on the Fenn estuary, '
        "won the Golden Gull."
    )
    assert cues(film) == []
    assert cues("The longest single spill lasted about 300 hours.") == [("about", "approximator")]
    assert cues("Ticket sales had risen by about a third this year.") == [("about", "approximator")]
    assert cues("Sewage discharges into the River Fenn nearly tripled between 2022 and 2024.") == [
        ("nearly", "approximator")
    ]


def test_some_before_a_noun_vs_a_number_vs_a_weasel() -> None:
    assert cues("At the same time, some Muslim Chechens have gone to Syria.") == []
    assert cues('"We unfortunately have had some losses," Kadyrov said.') == []
    assert cues("Some 2,000 troops were moved to the border.") == [("Some", "approximator")]
    assert cues("Some critics say the scheme would bring heavy lorries through the old town.") == [
        ("Some critics say", "weasel"),
        ("would", "conditional"),
    ]
    assert ("Some economists say", "weasel") in cues(
        "Some economists say a delay might cost the treasury roughly 400 million varns."
    )


def test_if_in_an_indirect_question_vs_a_condition() -> None:
    assert cues("It is unclear if the state can recover the money.") == [
        ("unclear", "epistemic"),
        ("if", "question"),
    ]
    assert cues(
        "Sailings are expected to resume on Thursday if the vessel passes a safety inspection."
    ) == [("expected", "belief"), ("if", "conditional")]
    assert (
        cues(
            '"They held one hearing and then they acted as if the public had been consulted," '
            "Iturbe said."
        )
        == []
    )


def test_expected_as_an_adjective_is_not_a_hedge() -> None:
    assert cues("The bank reported lower-than-expected earnings on Monday.") == []
    assert cues("The result was, as expected, a narrow win.") == []
    assert cues("Sales are expected to rise.") == [("expected", "belief")]


def test_whether_is_a_question() -> None:
    assert cues("The rivers board will decide in the autumn whether to refer the company.") == [
        ("whether", "question")
    ]


def test_would_hypothetical_vs_future_in_the_past() -> None:
    assert cues("She confirmed that the junior programme would restart in September.") == []
    assert cues("He said he would ask central government for emergency funding.") == []
    assert (
        cues("Board Chair Dale Whitcombe claimed the changes would save taxpayers $1.1 million.")
        == []
    )
    assert cues("He said it was too early to say whether any would close outright.") == [
        ("whether", "question")
    ]
    assert cues("Engineers estimate that repairs would cost between £14m and £19m.") == []
    assert cues("If the deal collapsed, the town would lose its ferry.") == [
        ("If", "conditional"),
        ("would", "conditional"),
    ]


def test_will_is_not_a_hedge() -> None:
    assert cues("Marrowby Foods will close its frozen-vegetable plant next spring.") == []
    assert cues("But if we keep patching instead of rebuilding, we will get there.") == [
        ("if", "conditional")
    ]


def test_negated_certainty_is_a_hedge_not_a_booster() -> None:
    text = "The cause of the fire was not immediately clear."
    assert cues(text) == [("not immediately clear", "epistemic")]
    assert find_boosters(text) == []
    text = "He will ask for funding, though it is not certain that any will be available."
    assert ("not certain", "epistemic") in cues(text)
    assert find_boosters(text) == []


def test_not_likely_is_still_a_hedge() -> None:
    assert ("likely", "epistemic") in cues("A deal is not likely before the summer.")


def test_attribution_is_not_hedging() -> None:
    assert cues("Kadyrov said the documentary would air on Wednesday.") == []
    assert cues("According to the agency, the ferry carried 180 passengers.") == []
    assert (
        cues(
            "Residents on Ferrier Street allege that the authority has already begun clearing a "
            "warehouse site, a claim the authority denies."
        )
        == []
    )


def test_hearsay_and_belief() -> None:
    assert cues("The company has reportedly offered to pay for dredging the channel.") == [
        ("reportedly", "hearsay")
    ]
    assert cues("Pike is allegedly a former business partner of a board member.") == [
        ("allegedly", "hearsay")
    ]
    assert cues("The alleged fraud went on for six years.") == [("alleged", "hearsay")]
    assert cues("The ship is said to be the oldest in the fleet.") == [("said to be", "hearsay")]
    assert cues(
        "Public health officials believe that many older residents are not drinking enough."
    ) == [("believe", "belief")]
    assert cues("Some residents suspect the council has known about the problem for years.") == [
        ("suspect", "belief")
    ]
    assert cues("Police arrested a suspect on Tuesday.") == []


def test_weasel_agentless_passive() -> None:
    assert cues("It is widely believed in the harbour that a decision will come soon.") == [
        ("It is widely believed", "weasel")
    ]


# --- boosters ------------------------------------------------------------------------------------


def boosts(text: str) -> list[tuple[str, bool]]:
    """``(cue, negated)`` of every booster in ``text``."""
    return [(b.cue, b.negated) for b in find_boosters(text)]


def test_boosters_on_real_sentences() -> None:
    assert boosts("Judge Ruth Okonedo said the case was clearly serious.") == [("clearly", False)]
    assert boosts(
        'She said the data were in fact "the clearest signal we have had in a decade".'
    ) == [("in fact", False)]
    assert boosts("There is no doubt that the bill will fall on local taxpayers.") == [
        ("no doubt", False)
    ]
    assert boosts("It is clear that the wall needs repairs.") == [("It is clear that", False)]


def test_no_question_is_a_booster_not_a_hedge() -> None:
    text = '"We have an opportunity to win this cup, no question about that," he said.'
    assert boosts(text) == [("no question about that", False)]
    assert cues(text) == []
    assert cues("Experts have questioned whether the scheme works.") == [
        ("questioned", "epistemic"),
        ("whether", "question"),
    ]


def test_negated_booster() -> None:
    text = (
        "Minutes from board meetings contain no record of such a vote, though that does not "
        "definitely mean none took place."
    )
    assert boosts(text) == [("definitely", True)]
    assert boosts("It wasn't obviously a mistake.") == [("obviously", True)]


def test_booster_traps() -> None:
    assert boosts("A certain man came to the door.") == []
    assert boosts("Make sure the doors are locked.") == []
    assert boosts("The ship made a sudden change of course.") == []
    assert boosts("Of course, the council disagreed.") == [("Of course", False)]
    # "almost certainly" is a hedge, not a booster
    assert boosts("The vote will almost certainly be delayed.") == []
    assert ("almost certainly", "epistemic") in cues("The vote will almost certainly be delayed.")


# --- voice -----------------------------------------------------------------------------------


def _doc_with(text: str, quotes: list[Quote], attributions: list[Attribution]):
    """A Document whose quotes and attributions are set by hand (no detector involved)."""
    doc = analyse(text)
    doc.__dict__["_quotes_and_attributions"] = (quotes, attributions)
    return doc


def _span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return (start, start + len(part))


def test_voice_from_quote_and_attribution_records() -> None:
    text = (
        "Kadyrov said the spies may be inside IS. "
        '"We might have had some losses," he said. '
        "It could take years. "
        'Critics called it a "possibly illegal" plan.'
    )
    said = _span(text, "said")
    content = _span(text, "the spies may be inside IS")
    quote = _span(text, '"We might have had some losses,"')
    partial = _span(text, '"possibly illegal"')
    quotes = [
        Quote(quote, text[quote[0] + 1 : quote[1] - 1], "direct", "Kadyrov", "test"),
        Quote(partial, "possibly illegal", "partial", "Critics", "test"),
    ]
    attributions = [
        Attribution(
            cue="said",
            cue_span=said,
            stance="neutral",
            source_text="Kadyrov",
            source_span=(0, 7),
            source="Kadyrov",
            source_type="named_person",
            role=None,
            addressee=None,
            content=text[slice(*content)],
            content_spans=(content,),
            kind="indirect",
            rule="test",
        )
    ]
    doc = _doc_with(text, quotes, attributions)
    voices = {h.cue: h.voice for h in find_hedges(doc)}
    assert voices == {
        "may": "reported",
        "might": "quoted",
        "could": "reporter",
        "possibly": "quoted",
    }


def test_scare_quotes_are_the_reporters_voice() -> None:
    text = 'The so-called "possibly final" offer was rejected.'
    quote = _span(text, '"possibly final"')
    doc = _doc_with(text, [Quote(quote, "possibly final", "scare", None, "test")], [])
    assert [(h.cue, h.voice) for h in find_hedges(doc)] == [("possibly", "reporter")]


def test_booster_voice_and_sentence_span() -> None:
    text = 'He was clearly tired. "It is definitely over," she said.'
    quote = _span(text, '"It is definitely over,"')
    doc = _doc_with(text, [Quote(quote, "It is definitely over,", "direct", "she", "test")], [])
    boosters = find_boosters(doc)
    assert [(b.cue, b.voice) for b in boosters] == [
        ("clearly", "reporter"),
        ("definitely", "quoted"),
    ]
    assert text[slice(*boosters[0].sentence_span)] == "He was clearly tired."


# --- the lexicons are data with provenance -------------------------------------------------------


def test_lexicons_have_provenance_and_known_categories() -> None:
    from analysis.nlp.lexicons import LEXICON_DIR

    for name in ("hedges", "boosters"):
        head = (LEXICON_DIR / f"{name}.tsv").read_text(encoding="utf-8").splitlines()[:12]
        assert head[0].startswith("#")
        assert any("Hyland" in line for line in head)
    for row in load_lexicon("hedges"):
        assert row["category"] in CATEGORIES
        assert row["context"] == "-" or row["context"] in HEDGE_CONTEXTS
    for row in load_lexicon("boosters"):
        assert row["context"] == "-" or row["context"] in BOOSTER_CONTEXTS


def test_every_record_names_its_rule(seed_text: str) -> None:
    text = seed_text + "\nIt is clear that officials may have known. If so, it would matter."
    assert all(h.rule for h in find_hedges(text))
    assert all(b.rule for b in find_boosters(text))


def test_empty_and_blank_text() -> None:
    assert find_hedges("") == [] and find_boosters("") == []
    assert find_hedges("   \n\n ") == [] and find_boosters(" \n") == []


def test_every_context_rule_is_used_by_a_lexicon_row() -> None:
    used = {row["context"] for name in ("hedges", "boosters") for row in load_lexicon(name)}
    assert set(HEDGE_CONTEXTS) | set(BOOSTER_CONTEXTS) <= used
