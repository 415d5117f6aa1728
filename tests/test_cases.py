"""The detector cases handed in ../shared/cases, as tests of the public API.

Each test embeds one case file's text (inputs separated by ``=====`` in the file are
analysed one by one) and asserts exactly the right answer ../shared/cases/README.md gives.
Names and roles are compared the README's way: an expected name matches when its words
appear, case-insensitively, in a record's ``source`` or ``source_text`` (a leading title or
honorific may be dropped); an expected role matches ``role`` without a leading article.
"""

from __future__ import annotations

import re

import pytest

import analysis
from analysis.records import Attribution, Quote

TITLES = frozenset({
    "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "commander", "mayor",
    "senator", "president", "prime", "minister", "judge", "professor", "general", "captain",
})
ARTICLES = ("a ", "an ", "the ")


def _words(value: str | None) -> list[str]:
    return re.findall(r"[\w'’]+", (value or "").lower())


def _name_matches(expected: str, *fields: str | None) -> bool:
    """The words of ``expected`` (a leading title optional) all appear in one of ``fields``."""
    wanted = _words(expected)
    while len(wanted) > 1 and wanted[0] in TITLES:
        wanted = wanted[1:]
    return any(set(wanted) <= set(_words(field)) for field in fields)


def _is_source(a: Attribution, expected: str) -> bool:
    return _name_matches(expected, a.source, a.source_text)


def _said_by(q: Quote, expected: str) -> bool:
    return _name_matches(expected, q.speaker)


def _role(value: str | None) -> str:
    """A role without its leading article, for comparison."""
    value = (value or "").strip().lower()
    for article in ARTICLES:
        if value.startswith(article):
            return value[len(article):]
    return value


def _clause(value: str | None) -> str:
    """Content text without surrounding spaces and a final full stop or comma."""
    return (value or "").strip().rstrip(".,").strip()


def _cue(doc: analysis.Document, word: str, near: str = "") -> Attribution:
    """The attribution whose cue covers the first ``word`` at or after ``near``."""
    start = doc.text.index(word, doc.text.index(near) if near else 0)
    end = start + len(word)
    found = [a for a in doc.attributions if a.cue_span[0] < end and start < a.cue_span[1]]
    assert found, (f"no attribution with cue at {word!r}; "
                   f"cues: {[a.cue for a in doc.attributions]}")
    return found[0]


def _by_source(doc: analysis.Document, name: str) -> Attribution:
    """The first attribution whose source matches ``name``."""
    found = [a for a in doc.attributions if _is_source(a, name)]
    assert found, (f"no attribution by {name!r}; sources: "
                   f"{[(a.source_text, a.source) for a in doc.attributions]}")
    return found[0]


def _quote(doc: analysis.Document, words: str) -> Quote:
    """The quote whose span covers the first occurrence of ``words``."""
    position = doc.text.index(words)
    found = [q for q in doc.quotes if q.span[0] <= position < q.span[1]]
    assert found, f"no quote holds {words!r}; quotes: {[q.text for q in doc.quotes]}"
    return found[0]


def _hedges_in(doc: analysis.Document, words: str):
    """Hedges whose span overlaps the first occurrence of ``words``."""
    start = doc.text.index(words)
    end = start + len(words)
    return [h for h in doc.hedges if h.span[0] < end and start < h.span[1]]


# ../shared/cases/04_apposition_descriptive_clause.txt

def test_04a_quote_continued_into_next_paragraph():
    """Phrase boundaries: a quote running on into the next paragraph keeps its speaker."""
    doc = analysis.analyse(
        'Dara Kell, a nurse, said: "Patients need urgent care to fix this.\n'
        "\n"
        '"If they do not get it, some will die," she added.'
    )
    for piece in ("Patients need urgent care", "some will die"):
        q = _quote(doc, piece)
        assert _said_by(q, "Dara Kell"), (piece, q.speaker)


def test_04b_apposition_after_quote():
    """Phrase boundaries: the source 'the farmer, Owen Price' never reaches into the quote."""
    text = '"We left at dawn," the farmer, Owen Price, said.'
    doc = analysis.analyse(text)
    q = _quote(doc, "We left at dawn")
    assert _said_by(q, "Owen Price"), q.speaker
    a = _cue(doc, "said")
    assert q.text in (a.content or ""), a.content
    assert a.source_span is not None
    assert a.source_span[0] >= q.span[1] or a.source_span[1] <= q.span[0], a.source_text


def test_04c_title_role_and_addressee():
    """Phrase boundaries: honorific + surname, appositive role, addressee of 'told'."""
    doc = analysis.analyse(
        "Mr Larkin, Leader of the House, told a radio programme that the opposition was "
        "putting the country at risk."
    )
    a = _cue(doc, "told")
    assert _is_source(a, "Larkin"), (a.source_text, a.source)
    assert _role(a.role) == _role("Leader of the House"), a.role
    assert (a.addressee or "").lower() == "a radio programme", a.addressee


def test_04d_time_adverb_is_not_source_and_floating_quote():
    """Phrase boundaries: 'Last night' stays out of the source; a floating quote is his."""
    doc = analysis.analyse(
        'Last night Tom Reyes, a city councillor, said he was worried. "What the company has '
        'done is divide the whole town."'
    )
    a = _cue(doc, "said")
    assert _is_source(a, "Tom Reyes"), (a.source_text, a.source)
    for field in (a.source_text, a.source):
        assert "last night" not in (field or "").lower(), field
    assert _role(a.role) == _role("a city councillor"), a.role
    q = _quote(doc, "What the company has done")
    assert _said_by(q, "Tom Reyes"), q.speaker
    assert not [b.cue for b in doc.attributions if "worried" in b.cue]


# ../shared/cases/06_unnamed_people_source_type.txt

def test_06_nickname_does_not_name_a_source():
    """Source type: a homeless man known as "Sparrow" is anonymous; the nickname is scare."""
    doc = analysis.analyse(
        "“Another night, another fight. Nobody sleeps,” said a homeless man who goes by the "
        "name “Sparrow.”"
    )
    a = _by_source(doc, "a homeless man")
    assert a.source_type == "anonymous", (a.source, a.source_type)
    assert _quote(doc, "Sparrow").kind == "scare"


@pytest.mark.parametrize(
    ("text", "name", "source_type"),
    [
        ("Campaigners said the ruling was unfair.", "Campaigners", "anonymous"),
        ("Farmers said the price was too low.", "Farmers", "anonymous"),
        ("Medics said the ward was full.", "Medics", "anonymous"),
        ("Management declined to comment.", "Management", "organisation"),
    ],
    ids=["campaigners", "farmers", "medics", "management"],
)
def test_06_capitalised_groups_are_not_people(text, name, source_type):
    """Source type: a capitalised plural or collective at the start is not a named person."""
    a = _by_source(analysis.analyse(text), name)
    assert a.source_type == source_type, (a.source, a.source_type)


# ../shared/cases/07_manner_verbs_and_adverbs.txt

def test_07_manner_verbs_and_adverbs():
    """Phrase boundaries: manner verbs are cues; adverbs and participles stay out of names."""
    doc = analysis.analyse(
        '"The heating bill has doubled since March," grumbled Meg Alder, a pensioner in Leeds. '
        '"It is simply unfair," sighed her neighbour Jo Pratt. "We will manage somehow," said '
        'Beth Crane cheerfully. "Some families have nothing left at all," added local vicar '
        "Amy Stone, shaking her head."
    )
    for words, speaker in [
        ("The heating bill", "Meg Alder"),
        ("It is simply unfair", "Jo Pratt"),
        ("We will manage somehow", "Beth Crane"),
        ("Some families have nothing", "Amy Stone"),
    ]:
        q = _quote(doc, words)
        assert _said_by(q, speaker), (words, q.speaker)
    assert "cheerfully" not in (_quote(doc, "We will manage").speaker or "").lower()
    crane = _by_source(doc, "Beth Crane")
    for field in (crane.source_text, crane.source):
        assert "cheerfully" not in (field or "").lower(), field
    stone = _by_source(doc, "Amy Stone")
    assert _role(stone.role) == "local vicar", stone.role


# ../shared/cases/09_quote_question_exclamation_tag.txt

def test_09a_question_and_exclamation_before_tag():
    """Sentences: '?' and '!' inside a quote before its tag do not end the sentence."""
    doc = analysis.analyse(
        'A reporter stopped the lawyer outside the court. "Is this legal?" the reporter asked. '
        '"No!" Maria Lopez shouted back. The hearing resumes on Monday.'
    )
    assert len(doc.sentences) == 4, [doc.text[s.start:s.end] for s in doc.sentences]
    assert _said_by(_quote(doc, "Is this legal?"), "the reporter")
    no = _quote(doc, "No!")
    assert no.kind == "direct", no.kind
    assert _said_by(no, "Maria Lopez"), no.speaker
    shouted = _cue(doc, "shouted")
    assert "No!" in (shouted.content or ""), shouted.content


def test_09b_two_quotes_then_tag():
    """Sentences: a question quote before its tag belongs to the tag's sentence."""
    doc = analysis.analyse(
        "“The fences are down.” “Does that worry you?” Commander Rook asked with a smile. "
        "Nobody answered."
    )
    assert len(doc.sentences) == 3, [doc.text[s.start:s.end] for s in doc.sentences]
    q = _quote(doc, "Does that worry you?")
    assert _said_by(q, "Commander Rook"), q.speaker


# ../shared/cases/12_may_homograph.txt

MAY_TEXT = (
    "The plant closed in May of last year. Prime Minister Clara May said the vote would go "
    "ahead. Ms May told reporters that the deal was done. May the best team win, the coach "
    "said. Costs may rise next year."
)


def test_12_may_is_a_month_a_name_a_wish_and_a_hedge():
    """Homographs: 'May' as month, surname, optative and modal."""
    doc = analysis.analyse(MAY_TEXT)
    month_end = doc.text.index(". Prime")
    assert not [a.source_text for a in doc.attributions
                if a.source_span and a.source_span[0] < month_end]
    said = _cue(doc, "said")
    assert said.cue == "said"
    assert _is_source(said, "Clara May"), (said.source_text, said.source)
    assert _role(said.role) == "prime minister", said.role
    told = _cue(doc, "told")
    assert told.cue == "told"
    assert _name_matches("Clara May", told.source), told.source
    coach = _cue(doc, "said", near="the coach")
    assert _is_source(coach, "the coach"), (coach.source_text, coach.source)
    assert "May the best team win" in (coach.content or ""), coach.content
    costs = doc.text.index("Costs may rise")
    assert doc.hedges, "no hedge in 'Costs may rise'"
    assert [h.cue for h in doc.hedges if h.span[0] < costs] == []


# ../shared/cases/14_pronoun_to_role_and_word_names.txt

def test_14a_pronoun_resolves_to_role_noun():
    """Source type: 'he' after 'The premier' resolves to the premier for both quotes."""
    doc = analysis.analyse(
        "The premier did not mention the death on Tuesday, but he stressed the danger of the "
        'virus. "This is a danger of major proportions," he continued. "We must act quickly."'
    )
    for words in ("This is a danger", "We must act quickly"):
        q = _quote(doc, words)
        assert _said_by(q, "the premier"), (words, q.speaker)


def test_14b_she_added_resolves_to_spokeswoman():
    """Source type: 'She added' takes the anonymous spokeswoman as its source."""
    doc = analysis.analyse(
        "A police spokeswoman said the road was closed. She added that no one was hurt."
    )
    a = _cue(doc, "added")
    assert _name_matches("a police spokeswoman", a.source), a.source
    assert a.source_type == "anonymous", a.source_type


@pytest.mark.parametrize(
    ("text", "name", "source_type"),
    [
        ("Dylan Press said the fares would rise.", "Dylan Press", "named_person"),
        ("Microsoft said the update would ship next month.", "Microsoft", "organisation"),
        ("Labour said the figures were wrong.", "Labour", "organisation"),
    ],
    ids=["dylan_press", "microsoft", "labour"],
)
def test_14_names_that_are_also_words(text, name, source_type):
    """Source type: a name made of ordinary words keeps its right type."""
    a = _by_source(analysis.analyse(text), name)
    assert a.source_type == source_type, (a.source, a.source_type)


# ../shared/cases/25_could_not_possibly.txt

def test_25_could_not_possibly():
    """Content and hedges: the whole clause is the content; emphatic negation is no hedge."""
    doc = analysis.analyse(
        "The company could not possibly have known about the leak, its lawyer said."
    )
    a = _cue(doc, "said")
    assert _clause(a.content) == "The company could not possibly have known about the leak"
    assert [h.cue for h in _hedges_in(doc, "could not possibly")] == []


# ../shared/cases/30_bbc_told_addressee_clause.txt

def test_30a_told_addressee_without_that():
    """Content and cue: 'told reporters' without 'that' keeps the addressee out of content."""
    doc = analysis.analyse("Ms Lopez told reporters the deal was done.")
    a = _cue(doc, "told")
    assert _is_source(a, "Lopez"), (a.source_text, a.source)
    assert (a.addressee or "").lower() == "reporters", a.addressee
    assert _clause(a.content) == "the deal was done", a.content


def test_30b_addressee_stops_before_the_clause():
    """Content and cue: the addressee is 'the BBC' only; 'were still worried' is no cue."""
    doc = analysis.analyse(
        "Ms Kerr told the BBC progress had been made on discipline but parents were still "
        "worried about behaviour."
    )
    a = _cue(doc, "told")
    assert (a.addressee or "").lower() == "the bbc", a.addressee
    assert _clause(a.content) == (
        "progress had been made on discipline but parents were still worried about behaviour"
    ), a.content
    assert not [b.cue for b in doc.attributions if "worried" in b.cue]


# ../shared/cases/31_bbc_pronoun_gender.txt

def test_31_she_resolves_to_the_woman():
    """Pronouns: 'she' resolves to the last female person, not the last person."""
    doc = analysis.analyse(
        "Liberal leader Charles Kent said the vote was fair. Green MP Carol Lund welcomed the "
        '"courage" of the decision. But she added: "This treaty is flawed."'
    )
    q = _quote(doc, "This treaty is flawed.")
    assert _said_by(q, "Carol Lund"), q.speaker
    assert not _said_by(q, "Charles Kent"), q.speaker


# ../shared/cases/32_bbc_relative_clause_subject.txt

def test_32_relative_clause_between_subject_and_cue():
    """Phrase boundaries: 'who argues ...' is skipped; the subject is the source of 'has said'."""
    doc = analysis.analyse(
        'Owen Harte, who argues the plan reflects a "fair vision" for the region, has said the '
        "vote could be held in spring."
    )
    a = _cue(doc, "has said")
    assert a.cue == "has said", a.cue
    assert _is_source(a, "Owen Harte"), (a.source_text, a.source)
    assert _clause(a.content) == "the vote could be held in spring", a.content
    q = _quote(doc, "fair vision")
    assert _said_by(q, "Owen Harte"), q.speaker


# ../shared/cases/33_bbc_according_to_content.txt

def test_33_according_to_takes_the_main_clause():
    """Content and cue: the content of a mid-sentence 'according to' is the main clause."""
    doc = analysis.analyse(
        "But later on Saturday, according to the Daily Ledger, the coach spoke to a smaller "
        "group of reporters."
    )
    a = _cue(doc, "according to")
    assert _is_source(a, "the Daily Ledger"), (a.source_text, a.source)
    assert a.source_type == "media", a.source_type
    assert "the coach spoke to a smaller group of reporters" in (a.content or ""), a.content
    assert _clause(a.content) != "But later on Saturday", a.content


# ../shared/cases/36_bbc_cue_grabs_previous_quote.txt

def test_36_cue_does_not_grab_previous_quote():
    """Content and cue: a later sentence's verb never takes an earlier quote as content."""
    doc = analysis.analyse(
        '"For some reason the crowd is always ready," Cook said. "All I have to do is play '
        'happy records." He promised more parties in more cities around the world.'
    )
    for words in ("For some reason", "All I have to do"):
        q = _quote(doc, words)
        assert _said_by(q, "Cook"), (words, q.speaker)
    third = doc.text.index("He promised")
    for a in doc.attributions:
        if a.cue_span[0] >= third:
            assert all(start >= third for start, _ in a.content_spans), (a.cue, a.content)
        if "promised" in a.cue:
            assert _clause(a.content) == "more parties in more cities around the world"
            assert a.kind == "indirect", a.kind


# ../shared/cases/40_inverted_tag_with_role.txt

@pytest.mark.parametrize(
    ("text", "words", "speaker", "role"),
    [
        ('"It is a coup," said director Hal Benning.', "It is a coup", "Hal Benning",
         "director"),
        ('"Our results were strong," chairman and chief executive Rona Vance said.',
         "Our results were strong", "Rona Vance", "chairman and chief executive"),
    ],
    ids=["benning", "vance"],
)
def test_40_role_before_name_in_tag(text, words, speaker, role):
    """Phrase boundaries: a lower-case role before the name is the role, not the speaker."""
    doc = analysis.analyse(text)
    q = _quote(doc, words)
    assert _said_by(q, speaker), q.speaker
    a = _cue(doc, "said")
    assert _role(a.role) == role, a.role


# ../shared/cases/41_quote_then_tag_with_trailing_phrase.txt

@pytest.mark.parametrize(
    ("text", "words", "speaker", "role"),
    [
        ('"I never saw the questions," Petra Lind said in a statement released after the '
         "leak.", "I never saw the questions", "Petra Lind", None),
        ('"We have huge crowds," Mayor Tobin said to cheers.', "We have huge crowds",
         "Tobin", "mayor"),
        ('"Our best asset is the voters," Senator Ruiz said on a Sunday morning show.',
         "Our best asset is the voters", "Ruiz", "senator"),
    ],
    ids=["lind", "tobin", "ruiz"],
)
def test_41_trailing_phrase_after_tag_is_not_content(text, words, speaker, role):
    """Content and cue: the quote before the tag is the content, not the phrase after it."""
    doc = analysis.analyse(text)
    q = _quote(doc, words)
    assert _said_by(q, speaker), q.speaker
    a = _cue(doc, "said")
    assert a.content_spans, a.content
    assert all(q.span[0] <= s and e <= q.span[1] for s, e in a.content_spans), a.content
    assert q.text in (a.content or ""), a.content
    if role is not None:
        assert _role(a.role) == role, a.role
    assert not [b.content for b in doc.attributions
                if "in a statement" in (b.content or "")]


# ../shared/cases/43_told_addressee_no_that.txt

@pytest.mark.parametrize(
    ("text", "name", "source_type", "addressee", "content"),
    [
        ("Sources told the Daily Ledger the minister would resign.", "Sources", "anonymous",
         "the Daily Ledger", "the minister would resign"),
        ("Officials told a news agency the talks had stalled.", "Officials", "anonymous",
         "a news agency", "the talks had stalled"),
        ("The minister told reporters the plan would go ahead.", "The minister", None,
         "reporters", "the plan would go ahead"),
    ],
    ids=["sources", "officials", "minister"],
)
def test_43_told_addressee_then_clause(text, name, source_type, addressee, content):
    """Content and cue: 'told <addressee> <clause>' without 'that' is one attribution."""
    doc = analysis.analyse(text)
    assert len(doc.attributions) == 1, [a.cue for a in doc.attributions]
    a = doc.attributions[0]
    assert _is_source(a, name), (a.source_text, a.source)
    if source_type is not None:
        assert a.source_type == source_type, a.source_type
    assert (a.addressee or "").lower() == addressee.lower(), a.addressee
    assert _clause(a.content) == content, a.content


# ../shared/cases/44_nouns_are_not_cues.txt

@pytest.mark.parametrize(
    "text",
    [
        "The insurance claims were settled last year.",
        "Almost 12% of the losses came from false claims on existing cards.",
        "Its film division saw profits slump 27%.",
    ],
    ids=["claims_subject", "claims_object", "saw"],
)
def test_44_nouns_are_not_cues(text):
    """Content and cue: 'claims' as a noun and 'saw' as 'experienced' are not cues."""
    assert [a.cue for a in analysis.find_attributions(text)] == []


# ../shared/cases/45_headline_cues.txt

def _title_attributions(tmp_path, headline: str, body: str):
    path = tmp_path / "case.txt"
    path.write_text(f"{headline}\n{body}\n", encoding="utf-8")
    articles = analysis.load_articles(path)
    assert list(articles["title"]) == [headline]
    assert analysis.tables.corpus.is_english(articles["language"].iloc[0])
    table = analysis.attributions(articles)
    return table[table["field"] == "title"]


def test_45a_headline_noun_show_is_no_cue(tmp_path):
    """Content and cue (headlines): 'show' as a noun in a headline is no cue."""
    rows = _title_attributions(
        tmp_path, "US show sued for rat-eating stunt",
        "The network was sued on Monday over a contest in which players ate live rats, "
        "lawyers for an animal charity said.",
    )
    assert list(rows["cue"]) == []


def test_45b_headline_records_show(tmp_path):
    """Content and cue (headlines): title-case 'Records Show' is an evidence cue."""
    rows = _title_attributions(
        tmp_path, "Carrow Schools Paid Consultant Twice for Same Report, Records Show",
        "The district paid the same consultant twice for one report, according to records "
        "released on Friday.",
    )
    show = rows[rows["cue"] == "Show"]
    assert len(show) == 1, list(rows["cue"])
    row = show.iloc[0]
    assert row["cue_class"] == "evidence", row["cue_class"]
    assert _name_matches("Records", row["source"], row["source_text"]), row["source"]
    assert row["source_type"] == "document", row["source_type"]


def test_45c_headline_says(tmp_path):
    """Content and cue (headlines): 'Energy firm says' has an organisation as source."""
    rows = _title_attributions(
        tmp_path, "Energy firm says prices will rise",
        "The firm said prices would rise by 8% in the spring.",
    )
    says = rows[rows["cue"] == "says"]
    assert len(says) == 1, list(rows["cue"])
    row = says.iloc[0]
    assert _name_matches("Energy firm", row["source"], row["source_text"]), row["source"]
    assert row["source_type"] == "organisation", row["source_type"]


# ../shared/cases/46_organisations_and_places_are_not_people.txt

@pytest.mark.parametrize(
    ("text", "name", "source_type"),
    [
        ("Tesco said sales rose 5%.", "Tesco", "organisation"),
        ("Several police officers briefed on the case said the suspect had fled.",
         "Several police officers briefed on the case", "anonymous"),
        ("A party strategist watching the race said turnout would be low.",
         "A party strategist watching the race", "anonymous"),
    ],
    ids=["tesco", "police_officers", "party_strategist"],
)
def test_46_source_type(text, name, source_type):
    """Source type: companies are organisations; described unnamed people are anonymous."""
    a = _by_source(analysis.analyse(text), name)
    assert a.source_type == source_type, (a.source, a.source_type)


def test_46_the_company_is_apple():
    """Source type: Apple is an organisation, and 'the company' resolves to it."""
    doc = analysis.analyse(
        "Apple announced record profits on Tuesday, and the company said demand was strong."
    )
    a = _cue(doc, "said")
    assert _name_matches("Apple", a.source), a.source
    assert a.source_type == "organisation", a.source_type
    for b in doc.attributions:
        if _is_source(b, "Apple"):
            assert b.source_type == "organisation", (b.cue, b.source_type)


def test_46_country_and_company_spellings():
    """Source type: a country (its government) and a company are organisations, one each."""
    doc = analysis.analyse(
        "Japan said it would send aid. Time Warner said profits rose. TimeWarner also said it "
        "would cut jobs."
    )
    japan = _by_source(doc, "Japan")
    assert japan.source_type == "organisation", japan.source_type
    tw = _by_source(doc, "Time Warner")
    assert tw.source_type == "organisation", tw.source_type
    warner = [s for s in doc.sources if "timewarner" in s.name.replace(" ", "").lower()]
    assert len(warner) == 1, [s.name for s in doc.sources]
    assert warner[0].name in ("Time Warner", "TimeWarner"), warner[0].name
    assert warner[0].source_type == "organisation", warner[0].source_type


# ../shared/cases/47_nested_distancing_cue.txt

def test_47_nested_distancing_cue():
    """Content and cue: a distancing cue nested inside a neutral one is its own attribution."""
    doc = analysis.analyse("The minister insisted the figures were correct, officials said.")
    assert len(doc.attributions) == 2, [a.cue for a in doc.attributions]
    insisted = _cue(doc, "insisted")
    assert insisted.cue == "insisted", insisted.cue
    assert insisted.stance == "distancing", insisted.stance
    assert _is_source(insisted, "The minister"), (insisted.source_text, insisted.source)
    assert insisted.nested, insisted
    said = _cue(doc, "said")
    assert said.cue == "said", said.cue
    assert said.stance == "neutral", said.stance
    assert _is_source(said, "officials"), (said.source_text, said.source)
    assert said.source_type == "anonymous", said.source_type


# ../shared/cases/50_verification_disclaimers.txt

@pytest.mark.parametrize(
    "text",
    [
        "The Daily Ledger has not been able to independently verify the claims.",
        "The broadcaster has not independently verified the video.",
        "The Harbour Herald has not verified the authenticity of the recording.",
        "Neither the campaign nor its chairman has verified the emails.",
        "The account could not immediately be confirmed.",
    ],
    ids=["able_to_verify", "independently_verified", "verified", "neither_nor",
         "not_confirmed"],
)
def test_50_verification_disclaimer(text):
    """Verification disclaimers: an unverified claim is one reporter-voice hedge."""
    found = [h for h in analysis.find_hedges(text) if h.category == "verification"]
    assert len(found) == 1, [(h.cue, h.category) for h in analysis.find_hedges(text)]
    assert found[0].voice == "reporter", found[0].voice


def test_50_verification_that_happened_is_no_disclaimer():
    """Verification disclaimers: a verification that happened is no hedge."""
    text = "The report has been verified by three independent experts."
    assert [h.cue for h in analysis.find_hedges(text) if h.category == "verification"] == []
