"""Distinct sources: canonical names, coreference, types, roles and counts."""

from __future__ import annotations

import analysis
from analysis.detect.mentions import describe


def test_mention_types():
    assert describe("Kremlin spokesman Dmitry Peskov").source_type == "named_person"
    assert describe("Kremlin spokesman Dmitry Peskov").role == "Kremlin spokesman"
    assert describe("A source in the Chechen leadership").source_type == "anonymous"
    assert describe("people familiar with the matter").source_type == "anonymous"
    assert describe("the Kremlin").source_type == "organisation"
    assert describe("police").source_type == "organisation"
    assert describe("the Interfax news agency").source_type == "media"
    assert describe("The Irish Times").source_type == "media"
    assert describe("court documents").source_type == "document"
    assert describe("a statement").source_type == "document"
    assert describe("he").pronoun


def test_an_agency_is_an_organisation_unless_it_is_a_news_or_press_agency():
    # Government bodies named "... Agency" are far commoner in news than wire services.
    assert describe("the Environment Agency").source_type == "organisation"
    assert describe("the National Security Agency").source_type == "organisation"
    assert describe("Xinhua News Agency").source_type == "media"
    assert describe("the Associated Press agency").source_type == "media"
    sentence = ("All ferry sailings were suspended on Tuesday after a fire broke out in the "
                "engine room, the Coastal Maritime Agency said.")
    [said] = analysis.find_attributions(sentence)
    assert (said.source, said.source_type) == ("the Coastal Maritime Agency", "organisation")


def test_one_source_per_person_and_words_quoted():
    text = (
        'Chechen leader Ramzan Kadyrov said the men were spies. "We lost some," Kadyrov '
        'said. He added: "They knew the risks." Officials said nothing more.'
    )
    sources = analysis.find_sources(text)
    assert [s.name for s in sources] == ["Ramzan Kadyrov", "Officials"]
    kadyrov = sources[0]
    assert kadyrov.attributions == 3
    assert kadyrov.mentions == 3
    assert kadyrov.role == "Chechen leader"
    assert kadyrov.words_quoted == 3 + 4
    assert sources[1].source_type == "anonymous"


def test_definite_description_joins_the_earlier_source():
    text = ("A senior official said the plan was ready. The official said it would "
            "start soon. Another official said it would not.")
    names = [a.source for a in analysis.find_attributions(text)]
    assert names[0] == names[1] == "a senior official"
    assert names[2] != names[0]


def test_role_noun_joins_named_person():
    text = ("Kremlin spokesman Dmitry Peskov said talks were over. "
            "The spokesman said more would follow.")
    assert {a.source for a in analysis.find_attributions(text)} == {"Dmitry Peskov"}


def test_it_resolves_to_a_thing():
    text = "The documentary claims that agents were sent. It said they were heroes."
    assert [a.source for a in analysis.find_attributions(text)] == [
        "the documentary", "the documentary"]


def test_titles_inside_capitalised_runs_and_organisation_names():
    kerry = describe("Secretary of State John Kerry")
    assert (kerry.source_type, kerry.name, kerry.role) == (
        "named_person", "John Kerry", "Secretary of State")
    clarke = describe("Home Secretary Charles Clarke")
    assert (clarke.name, clarke.role) == ("Charles Clarke", "Home Secretary")
    assert describe("Ms Diemont").role is None
    assert describe("the Bank of England").source_type == "organisation"
    assert describe("the Tories").source_type == "organisation"
    assert describe("people of Chechnya").source_type == "anonymous"
    assert describe("Scottish ministers").source_type == "anonymous"


def test_a_company_word_at_the_end_beats_a_first_name_and_a_kin_word_makes_a_person():
    # "Royal" is a census first name; "Inc" and "College" end bodies, "Hall" is a surname
    assert describe("Royal Resources Inc").source_type == "organisation"
    assert describe("lead manager Royal Resources Inc").source_type == "organisation"
    college = analysis.find_attributions(
        "Doctors disagree. The Royal College of Physicians said it opposed the plan.")
    assert {(a.source, a.source_type) for a in college} == {
        ("the Royal College of Physicians", "organisation")}
    assert describe("Stuart Hall").source_type == "named_person"
    mother = describe("His mother, Giselle")
    assert (mother.source_type, mother.name, mother.gender) == (
        "named_person", "Giselle", "female")


def test_plural_and_company_heads_are_typed_by_their_nouns():
    companies = describe("the companies")
    assert (companies.source_type, companies.head) == ("organisation", "company")
    assert describe("the telecoms giant").source_type == "organisation"
    creditors = describe("the creditors")
    assert (creditors.source_type, creditors.plural) == ("anonymous", True)
    assert describe("pundits").source_type == "anonymous"
    assert describe("the payments").source_type == "unknown"
    assert describe("Entrepreneur Drayton Valentine").source_type == "named_person"


def test_streets_venues_and_places_are_no_people():
    # a building word after a word that is no first name ("Downing" vs "Stuart Hall")
    text = ("Downing Street said the prime minister had full confidence in him. "
            "Cambridge-based Ubisense said it would hire 40 staff.")
    assert {(a.source, a.source_type) for a in analysis.find_attributions(text)} == {
        ("Downing Street", "organisation"), ("Cambridge-based Ubisense", "organisation")}
    assert describe("Labour's Westminster HQ").source_type == "organisation"
    assert describe("Los Angeles").source_type == "organisation"  # a city known as a whole
    assert describe("Hong Kong").source_type == "organisation"  # though "Hong" is a first name
    assert describe("Wales").source_type == "organisation"
    assert describe("Jerry Hall").source_type == "named_person"


def test_a_stock_ticker_or_a_dotted_company_form_marks_a_company():
    text = ("Midland Bank Plc <MDBL.L> said it would sell its Scottish unit. "
            "Banco Hispano S.A. said it made a profit.")
    assert [a.source_type for a in analysis.find_attributions(text)] == [
        "organisation", "organisation"]
    citicorp = describe("Citicorp <CCI")  # a ticker cut off before its bracket
    assert (citicorp.source_type, citicorp.guessed) == ("organisation", False)
    assert describe("Acme Corp.").source_type == "organisation"


def test_an_irish_or_scottish_surname_alone_is_a_person():
    text = "O'Sullivan said he was happy with his form. McIlroy said he would play on Sunday."
    assert [a.source_type for a in analysis.find_attributions(text)] == [
        "named_person", "named_person"]
    assert describe("McDonald's").source_type == "organisation"


def test_two_people_joined_by_and_are_one_plural_source_under_both_names():
    text = "Greek sprinters Kostas Kenteris and Katerina Thanou said they were innocent."
    [pair] = analysis.find_attributions(text)
    assert (pair.source, pair.source_type) == (
        "Kostas Kenteris and Katerina Thanou", "named_person")
    smith_and_jones = describe("Smith and Jones")
    assert (smith_and_jones.name, smith_and_jones.plural) == ("Smith and Jones", True)
    # an "and" inside a title joins no people
    assert describe("Trade and Industry Secretary Patricia Hewitt").name == "Patricia Hewitt"
