"""Attribution patterns on short texts: cue, source, content, stance, kind, rule."""

from __future__ import annotations

import pytest

import analysis


def _one(text: str, cue: str):
    found = [a for a in analysis.find_attributions(text) if a.cue == cue]
    assert found, f"no {cue!r} in {[a.cue for a in analysis.find_attributions(text)]}"
    return found[0]


@pytest.mark.parametrize(
    ("text", "cue", "source_text", "content", "rule"),
    [
        ("Smith said the plan would fail.", "said", "Smith", "the plan would fail",
         "source_cue_content"),
        ("The plan would fail, said Smith.", "said", "Smith", "The plan would fail",
         "content_cue_source"),
        ('"The plan will fail," said the minister.', "said", "the minister",
         '"The plan will fail,"', "content_cue_source"),
        ('"The plan will fail," Smith said.', "said", "Smith", '"The plan will fail,"',
         "content_source_cue"),
        ("Smith, who has led the party since 2007, said the plan would fail.", "said",
         "Smith", "the plan would fail", "source_cue_content"),
        ('Smith said, "The plan will fail."', "said", "Smith", '"The plan will fail."',
         "source_cue_content"),
        ("Smith told reporters that the plan would fail.", "told", "Smith",
         "that the plan would fail", "source_cue_content"),
        ("According to the report, the plan would fail.", "According to", "the report",
         "the plan would fail", "according_to"),
        ("The plan would fail, according to officials.", "according to", "officials",
         "The plan would fail", "according_to"),
        ("Smith said in a statement that the plan would fail.", "said", "Smith",
         "that the plan would fail", "source_cue_content"),
        ("It was reported that the plan would fail.", "was reported", None,
         "that the plan would fail", "passive"),
        ("Police believe the fire was started deliberately.", "believe", "Police",
         "the fire was started deliberately", "source_cue_content"),
        ("The study found that turnout fell.", "found", "The study", "that turnout fell",
         "source_cue_content"),
    ],
)
def test_patterns(text, cue, source_text, content, rule):
    a = _one(text, cue)
    assert a.source_text == source_text
    assert a.content == content
    assert a.rule == rule
    assert text[slice(*a.cue_span)] == a.cue


def test_auxiliaries_and_negation_belong_to_the_cue():
    a = _one("The company did not respond to a request for comment.",
             "did not respond to a request for comment")
    assert a.stance == "refusal"
    assert a.source == "the company"
    assert a.source_type == "organisation"
    b = _one("Jones has repeatedly denied the claims.", "has repeatedly denied")
    assert b.cue_lemma == "deny"


def test_two_piece_direct_quote():
    text = '"We lost," he said, "but we will be back."'
    a = _one(text, "said")
    assert a.kind == "direct"
    assert [text[s:e] for s, e in a.content_spans] == ['"We lost,"', '"but we will be back."']


def test_colon_introduction():
    text = 'The statement read: "We regret the decision."'
    a = _one(text, "read")
    assert a.rule == "colon_quote"
    assert a.source_type == "document"
    assert a.content == '"We regret the decision."'


def test_adding_that_shares_the_subject():
    text = "The minister said the talks failed, adding that a deal was still possible."
    said, adding = (_one(text, "said"), _one(text, "adding"))
    assert said.content == "the talks failed"
    assert adding.source == said.source == "the minister"
    assert adding.rule == "shared_subject"
    assert adding.content == "that a deal was still possible"


def test_interview_with_gives_addressee():
    a = _one("Smith said in an interview with the BBC that he would resign.", "said")
    assert a.addressee == "the BBC"
    assert a.content == "that he would resign"


def test_pronouns_resolve_to_the_last_named_person():
    text = ("Senator Jane Smith said the bill was dead. "
            "She added that talks would resume. Smith later said she was wrong.")
    attributions = analysis.find_attributions(text)
    assert [a.source for a in attributions] == ["Jane Smith"] * 3
    assert attributions[0].role == "Senator"


def test_nested_reported_speech_is_marked():
    text = "Smith said that experts believe the bridge is unsafe."
    believe = _one(text, "believe")
    assert believe.nested
    assert not _one(text, "said").nested
    assert _one(text, "said").content == "that experts believe the bridge is unsafe"


def test_stances_from_the_lexicon():
    text = ("Jones claimed the vote was rigged. Smith conceded that he lost. "
            "The data showed a rise. Brown noted that it rained.")
    stances = {a.cue: a.stance for a in analysis.find_attributions(text)}
    assert stances == {"claimed": "distancing", "conceded": "admission",
                       "showed": "endorsing", "noted": "endorsing"}


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Gianni Agnelli preferred GM's offer to buy a 20% stake.", "preferred"),
        ("Ron Howard chose Tautou, preferring a French actress to a big name.", "preferring"),
        ("The minister backed the plan, agreeing that the fines were too low.", "agreeing"),
        ("Mr Brown spoke last, disagreeing that taxes must rise.", "disagreeing"),
        ('"The economy is strong," Mr Blair echoes.', "echoes"),
    ],
)
def test_inflected_cues_are_spelled_as_english_writes_them(text, cue):
    # the lexicon once listed "prefered", "agreing", "echos": the real forms were missed
    assert cue in [a.cue for a in analysis.find_attributions(text)]


def test_nouns_are_not_cues():
    text = "His claims were false. The report is long. The state said nothing."
    cues = [a.cue for a in analysis.find_attributions(text)]
    assert cues == ["said"] or cues == []


def test_suspects_is_a_noun_unless_a_subject_or_a_clause_goes_with_it():
    text = "The law puts terror suspects under house arrest, placing terrorism suspects at home."
    assert analysis.find_attributions(text) == []
    [verb] = analysis.find_attributions("The inspector suspects that the fire was deliberate.")
    assert (verb.cue, verb.source_text) == ("suspects", "The inspector")


def test_cues_inside_quotes_are_not_attributions():
    text = '"I never said that," Smith said.'
    attributions = analysis.find_attributions(text)
    assert len(attributions) == 1
    assert attributions[0].cue_span[0] > text.index(",")


def test_appositive_is_part_of_the_mention_and_gives_the_role():
    text = "Brian Fallon, a spokesman for Mrs. Clinton, said the campaign would win."
    a = _one(text, "said")
    assert a.source_text == "Brian Fallon, a spokesman for Mrs. Clinton"
    assert a.source == "Brian Fallon"
    assert a.role == "spokesman for Mrs. Clinton"
    b = _one('"No," said Smith, the mayor.', "said")
    assert (b.source_text, b.source, b.role) == ("Smith, the mayor", "Smith", "mayor")


def test_double_apostrophe_quotes_of_wire_copy():
    text = "''We will not back down,'' Mr. Smith said on Tuesday."
    (quote,) = analysis.find_quotes(text)
    assert quote.text == "We will not back down,"
    assert quote.kind == "direct"


def test_a_gerund_after_a_preposition_reports_for_the_clause_subject():
    """ "by saying", "after saying", ", before adding": the words before the preposition are
    no source ("He angered colleagues by"); the clause's subject, or the previous cue's
    source in the sentence, is."""
    cases = {
        "He angered colleagues by saying that the plan would fail.": "He",
        "The mayor resigned after saying the bridge was unsafe.": "The mayor",
        "She left without saying whether she would return.": "She",
    }
    for text, source in cases.items():
        found = analysis.find_attributions(text)
        assert [(a.cue, a.source_text, a.rule) for a in found] == [
            ("saying", source, "gerund_after_preposition")], text
    text = "After saying the bridge was unsafe, the mayor resigned."
    assert [(a.cue, a.source_text, a.content) for a in analysis.find_attributions(text)] == [
        ("saying", "the mayor", "the bridge was unsafe")]
    text = "The company said it would cut jobs, before adding that pay would rise."
    found = analysis.find_attributions(text)
    assert [(a.cue, a.source, a.content) for a in found] == [
        ("said", "the company", "it would cut jobs"),
        ("adding", "the company", "that pay would rise")]


def test_an_adverb_before_a_cue_belongs_to_neither_source_nor_cue():
    """Any adverb (Pattern's lexicon tags it RB), not only a listed one, sits between an
    auxiliary and its cue ("has firmly declared") and ends no source ("Yukos
    unsuccessfully sought": the source is "Yukos")."""
    cases = {
        "He has firmly declared that he will stay.": ("has firmly declared", "He"),
        "Japanese banks are increasingly seeking new partners.": (
            "are increasingly seeking", "Japanese banks"),
        "Yukos unsuccessfully sought a US court order.": ("sought", "Yukos"),
    }
    for text, (cue, source) in cases.items():
        assert [(a.cue, a.source_text) for a in analysis.find_attributions(text)] == [
            (cue, source)], text


def test_a_word_in_s_after_a_participle_is_a_noun():
    """ "growing fears", "prompting fears that ...": the -s word is a noun, not a verb."""
    for text in ("Shares fell amid growing fears of a recession.",
                 "Oil rose, prompting fears that inflation would return."):
        assert analysis.find_attributions(text) == [], text
    text = "The union fears that jobs will go."
    assert [a.cue for a in analysis.find_attributions(text)] == ["fears"]


def test_a_cue_word_right_after_a_preposition_is_a_noun():
    """ "in talks", "on reports", "despite warnings" name no source; a cue after a word
    that opens a clause ("that officials claimed") still reports."""
    for text in ("The government is in talks about a deal.",
                 "He would not be drawn on reports of a rift.",
                 "Shares fell despite warnings from the bank."):
        assert analysis.find_attributions(text) == [], text
    text = "He said that officials claimed the vote was rigged."
    assert [a.source_text for a in analysis.find_attributions(text)] == ["He", "officials"]


def test_known_as_names_and_reports_nothing():
    """ "X, also known as Y" and "is known as" give a name or a label, whatever word comes
    before "known"; "known" still reports a belief with its own clause."""
    for text in ("He will shore up the leadership of Mahmoud Abbas, also known as Abu Mazen.",
                 "The base chief was known as Bob to his men.",
                 "Manafort is not known as a debate prep expert."):
        assert analysis.find_attributions(text) == [], text
    text = "Officials had known that the bridge was unsafe."
    assert [(a.cue, a.source_text) for a in analysis.find_attributions(text)] == [
        ("had known", "Officials")]


def test_a_circumstance_after_the_addressee_is_no_content():
    """ "..., Sony told an audience at the E3 exhibition": the words after the addressee
    say where, so the content is the clause before; "told reporters the deal was done"
    still takes what follows."""
    text = ("Effects made for films could be used directly in a video game, Sony told an "
            "audience at the E3 exhibition in Los Angeles last year.")
    found = _one(text, "told")
    assert (found.source_text, found.addressee, found.content) == (
        "Sony", "an audience", "Effects made for films could be used directly in a video game")
    found = _one("Sony told reporters the deal was done.", "told")
    assert (found.addressee, found.content) == ("reporters", "the deal was done")


def test_a_tag_inside_a_clause_leaves_its_content_on_both_sides():
    """ "Last year, he said, was all about deals": the words before the tag hold no verb,
    so the content goes on after it; a whole clause before the tag is the whole content."""
    found = _one("Last year, he said, was all about deal making and partnering up.", "said")
    assert found.content == "Last year was all about deal making and partnering up"
    assert len(found.content_spans) == 2
    found = _one("The plan will fail, he said, because of costs.", "said")
    assert found.content == "The plan will fail"


@pytest.mark.parametrize(("text", "source"), [
    ("In the interview Mr Blair said the plan would work.", "Mr Blair"),
    ("In a statement Google said the feature was still in trial.", "Google"),
    ("In his New Year message the Liberal Democrat leader said Labour relied on fear.",
     "the Liberal Democrat leader"),
    ("On Wednesday Prime Minister Yulia Tymoshenko said 3,000 firms would be sold.",
     "Prime Minister Yulia Tymoshenko"),
    ("In October Tory leader Michael Howard said Mr Blair would be running scared.",
     "Tory leader Michael Howard"),
    ("In a monthly report the anti-virus firm Sophos said two hoaxes were spreading.",
     "the anti-virus firm Sophos"),
    ("In a poll the Sunday Times said most readers wanted him back.", "the Sunday Times"),
])
def test_a_fronted_phrase_without_a_comma_is_no_part_of_the_source(text, source):
    """ "In the interview Mr Blair said": the subject starts where the fronted phrase
    ends, at a determiner or at a name after a day, a month or a common noun; titles
    before a name ("Tory leader", "anti-virus firm") stay with it."""
    assert _one(text, "said").source_text == source


def test_a_document_a_source_spoke_in_speaks_for_it():
    """ "In a statement the RSPCA said ... said the statement": the attribution cites the
    statement as written; its quote is the RSPCA's."""
    text = ('In a statement the RSPCA said it had grave concerns. "Animals hit but not '
            'killed would suffer," said the statement. Mike Berger said the rules were clear.')
    assert [(a.source_text, a.source) for a in analysis.find_attributions(text)] == [
        ("the RSPCA", "the RSPCA"), ("the statement", "the statement"),
        ("Mike Berger", "Mike Berger")]
    assert [q.speaker for q in analysis.find_quotes(text)] == ["the RSPCA"]


def test_a_coordinated_cue_shares_the_subject_of_the_outer_clause():
    """ "Blair acknowledged some people believed ..., but said ...": the second cue is
    Blair's, not that of the attribution nested inside the first one's content."""
    text = ("Mr Blair acknowledged some people believed he was too close to the Israelis, "
            "but said the Israelis were entitled to expect more.")
    assert [(a.cue, a.source) for a in analysis.find_attributions(text)] == [
        ("acknowledged", "Blair"), ("believed", "some people"), ("said", "Blair")]
    text = "The minister said the plan would work, adding that costs would fall."
    assert [(a.cue, a.source) for a in analysis.find_attributions(text)] == [
        ("said", "the minister"), ("adding", "the minister")]


def test_an_infinitive_after_a_cue_is_its_content_not_a_circumstance():
    """ "By targeting servers, the MPAA hopes to cripple ...": "to" + a verb is the
    content; "said to cheers" is a circumstance, and the content comes before."""
    found = _one("By targeting servers, the MPAA hopes to cripple the network.", "hopes")
    assert (found.source_text, found.content) == ("the MPAA", "to cripple the network")
    assert _one('"We won," he said to cheers.', "said").content == '"We won,"'


def test_an_aside_set_off_by_dashes_is_no_part_of_the_subject():
    """ "Mr Herron - who runs his own No campaign - said": the source is before the
    dashes, not the last words inside them; a hyphen inside a word closes nothing."""
    text = ("But Mr Herron - who gained fame as a metric martyr and is running his own No "
            "campaign - said he was not convinced.")
    assert _one(text, "said").source_text == "Mr Herron"
    assert _one("The minister—a former banker—said rates would rise.", "said").source_text == (
        "The minister")


def test_a_name_after_an_inverted_role_names_the_source():
    """ '"...," said the committee chairman, MP Edward Leigh.': the name set off after the
    role is who speaks, also of the quote; a name before the role was read already."""
    text = '"Our aim is simple," said the committee chairman, Edward Leigh.'
    found = _one(text, "said")
    assert (found.source, found.role) == ("Edward Leigh", "committee chairman")
    assert [q.speaker for q in analysis.find_quotes(text)] == ["Edward Leigh"]
    found = _one('"Our aim is simple," said Edward Leigh, the committee chairman.', "said")
    assert (found.source, found.role) == ("Edward Leigh", "committee chairman")


@pytest.mark.parametrize(("text", "source", "content"), [
    ('"I demand better transparency," he is quoted as saying by a German magazine.', "he",
     '"I demand better transparency,"'),
    ("Women will work in the ministry this year, Foreign Minister Prince Saud Al-Faisal has "
     "been reported as saying.", "Foreign Minister Prince Saud Al-Faisal",
     "Women will work in the ministry this year"),
    ("The company warned it may cut jobs, with Mr Dixon quoted as saying that the carrier "
     "could shrink.", "Mr Dixon", "that the carrier could shrink"),
])
def test_the_one_quoted_as_saying_is_the_source(text, source, content):
    """ "X was quoted as saying": X is the source, not a passive with no source; the
    content follows "as saying", else comes before the clause."""
    found = [a for a in analysis.find_attributions(text) if a.rule == "quoted_as"]
    assert [(a.source_text, a.content, a.addressee) for a in found] == [(source, content, None)]


def test_a_clause_right_after_a_tell_cue_has_no_addressee():
    """ "warned it may cut jobs": the pronoun opens the reported clause; "warned staff it
    may cut jobs" has an addressee. A content cut before the next clause drops the word
    that joins them ("..., while Labour criticised")."""
    found = _one("Last month, the company warned it may cut jobs, with Mr Dixon in charge.",
                 "warned")
    assert (found.addressee, found.content) == (None, "it may cut jobs, with Mr Dixon in charge")
    found = _one("The firm warned staff it may cut jobs.", "warned")
    assert (found.addressee, found.content) == ("staff", "it may cut jobs")
    text = ("The Lib Dems said the plan could let extreme groups run policing, while Labour "
            "criticised extravagant promises.")
    assert _one(text, "said").content == "the plan could let extreme groups run policing"


def test_a_state_of_mind_after_be_cites_its_subject():
    """ "Some panel members are worried that ...": "be" + worried, concerned, convinced is
    a state its subject holds, not a passive without a source."""
    found = _one("Some panel members are worried that Microsoft would sue.", "are worried")
    assert (found.source_text, found.content) == ("Some panel members", "that Microsoft would sue")
    found = _one("Some Democrats are concerned that the bill will fail.", "are concerned")
    assert found.source_text == "Some Democrats"
    assert _one("It was reported that the bill will fail.", "was reported").source_text is None


def test_a_fronted_participle_clause_is_no_part_of_an_apposed_subject():
    """ "Welcoming the ruling, Maeve Sherlock, chief executive of the Refugee Council,
    said": the participle clause is set off before the subject; "Managing director Ann
    Lee" opens with a modifier, not a clause."""
    text = ("Welcoming the ruling, Maeve Sherlock, chief executive of the Refugee Council, "
            "said it was a victory.")
    found = _one(text, "said")
    assert (found.source_text, found.source) == (
        "Maeve Sherlock, chief executive of the Refugee Council", "Maeve Sherlock")
    found = _one("Managing director Ann Lee, 54, a former banker, said it was a victory.",
                 "said")
    assert found.source_text == "Managing director Ann Lee, 54, a former banker"


def test_a_cue_right_before_another_takes_it_as_its_content():
    """ "he denied accusing Germany ...": "accusing" is what he denied, so "denied" has
    its subject and content; after a comma the next cue is a second attribution."""
    found = _one("But challenged on the remark, he denied accusing Germany of bad faith.",
                 "denied")
    assert (found.source_text, found.content) == ("he", "accusing Germany of bad faith")
    text = "The plan will fail, the source said, adding that costs would rise."
    assert [(a.cue, a.content) for a in analysis.find_attributions(text)] == [
        ("said", "The plan will fail"), ("adding", "that costs would rise")]


def test_a_past_participle_after_a_noun_modifies_it():
    """ "a note written on a napkin": the participle after a common noun and before a
    preposition is a reduced relative, and the note is no source; "said" after a noun is
    a past tense and still reports."""
    assert analysis.find_attributions("One judge carried around a note written on a napkin.") == []
    found = _one("Officials said on Monday the plan would fail.", "said")
    assert found.source_text == "Officials"


def test_a_function_word_ends_no_name():
    """ "Sunderland No campaigner Neil Herron": "Sunderland No" is no person, so the "No"
    of "the No campaign" is no mention of him and "he" is Herron; "Theresa May" is."""
    text = ("Mr Mallon clashed with Sunderland No campaigner Neil Herron. The No campaign "
            "has more money. Mr Herron said he was not convinced. \"It will not deliver,\" "
            "he said.")
    assert [a.source for a in analysis.find_attributions(text)] == ["Herron", "Herron"]
    text = "Theresa May said the deal was done. Mrs May added that it was fair."
    assert [a.source for a in analysis.find_attributions(text)] == ["Theresa May"] * 2


def test_a_name_inside_a_quote_is_no_antecedent_of_the_speaker():
    """ '"The tackle on Gabriel Heinze was terrible," he said': Heinze is talked about;
    "he" is the last source, the United boss ("boss" is a role)."""
    text = ("The United boss said it was worse than the foul on Ashley Cole. \"We shall "
            "present it to the FA. The tackle on Gabriel Heinze was terrible,\" he said.")
    assert [a.source for a in analysis.find_attributions(text)] == ["the United boss"] * 2


def test_an_unnamed_person_is_named_by_the_next_sentence():
    """ "a judge claimed ... Judge Charles Harris QC made his remarks": the person given
    the same role word next is the one who spoke; without it, a mid-story "A spokesman"
    stays unnamed (a story's lede is named by its next sentence whatever the role)."""
    text = ("Drink is a problem. This week a judge claimed easy access to drink was breeding "
            "violence. Judge Charles Harris QC made his remarks as he sentenced three men. "
            "Mr Harris said more.")
    assert [a.source for a in analysis.find_attributions(text)] == ["Harris", "Harris"]
    text = ("Prices rose. A spokesman said the firm would act. John Smith, the chairman, said "
            "it was fine.")
    assert [a.source for a in analysis.find_attributions(text)] == ["a spokesman", "John Smith"]


def test_a_role_in_capitals_ends_no_name():
    """ "A senior Tory MP has criticised ...": an unnamed MP (whom the next sentence names),
    not a person called "Tory MP"; "Labour MP Diane Abbott" is named."""
    text = ("A senior Tory MP has criticised the department's approach. Public accounts "
            "committee chairman Edward Leigh was giving his reaction. Mr Leigh said it was poor.")
    assert [a.source for a in analysis.find_attributions(text)] == ["Leigh", "Leigh"]
    found = _one("Labour MP Diane Abbott said the plan was unfair.", "said")
    assert (found.source, found.source_type, found.role) == (
        "Diane Abbott", "named_person", "Labour MP")


def test_a_number_before_a_cue_makes_it_a_noun_even_in_a_phrase():
    """ "up 23 points to 6,661": the number shows "points" is a noun, though the lexicon
    cue is the phrase "points to"; without a number, "point to" still reports."""
    text = "The index of leading shares closed up 23 points to 6,661 on Thursday."
    assert analysis.find_attributions(text) == []
    text = "Analysts point to weak demand in China."
    assert [(a.cue, a.source_text) for a in analysis.find_attributions(text)] == [
        ("point to", "Analysts")]


def test_a_discourse_adverb_between_commas_is_no_part_of_the_source():
    """ "Wine makers, however, claimed": the source is "Wine makers", not the apposition
    "Wine makers, however"."""
    cases = {
        "Wine makers, however, claimed the rules were unfair.": "Wine makers",
        "The minister, for her part, said nothing would change.": "The minister",
        "Tim Clark, meanwhile, told reporters the deal was off.": "Tim Clark",
    }
    for text, source in cases.items():
        assert [a.source_text for a in analysis.find_attributions(text)] == [source], text


def test_a_preposition_before_a_cue_is_no_source():
    """ "..., including writing to the minister": "including" is a preposition, so it
    cannot be the source of "writing" (it opens no noun phrase, like "despite" or "by")."""
    text = ("The charity has campaigned against the closure for years, including writing to "
            "the minister about the cuts.")
    assert [a.source_text for a in analysis.find_attributions(text)] == []
    text = "The group said it had warned the council, including writing to ministers."
    assert {a.source for a in analysis.find_attributions(text)} == {"the group"}


def test_a_dropped_cue_does_not_cut_the_content_of_the_next():
    # "was seen as ..." is no attribution (a passive belief with no clause), so it must not
    # bound the content of "analysts said"
    said = _one("The move was seen as a major blow to the company, analysts said.", "said")
    assert said.content == "The move was seen as a major blow to the company"
    assert [a.cue for a in analysis.find_attributions(
        "The move was seen as a major blow to the company, analysts said.")] == ["said"]


@pytest.mark.parametrize(
    ("text", "cue", "source_text"),
    [
        ("Corroon and Black Corp said it would buy the firm.", "said", "Corroon and Black Corp"),
        ("Both the IMF and World Bank have urged Germany to cut taxes.", "have urged",
         "the IMF and World Bank"),
        ("The subcommittee and the FDA have acknowledged that the tests failed.",
         "have acknowledged", "The subcommittee and the FDA"),
        ('"We will win," Smith and Jones said.', "said", "Smith and Jones"),
        # the noun phrase after a cue is its object, not a first subject
        ("He criticised the plan and officials said it was late.", "said", "officials"),
        ("Sales rose and analysts said the firm would grow.", "said", "analysts"),
    ],
)
def test_a_subject_joined_by_and_is_one_source(text, cue, source_text):
    assert _one(text, cue).source_text == source_text


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("He felt the government had lied to the inquiry.", "felt",
         "the government had lied to the inquiry"),
        ("Mr Smith saw the plan would fail.", "saw", "the plan would fail"),
    ],
)
def test_a_clause_cue_takes_a_clause_without_that(text, cue, content):
    assert _one(text, cue).content == content


def test_a_clause_cue_with_a_noun_phrase_after_it_is_no_attribution():
    assert analysis.find_attributions("He felt the pain of the defeat.") == []


@pytest.mark.parametrize(
    "text",
    [
        "The US economy added 337,000 jobs last month.",
        "The system lets ordinary copper phone lines support high data speeds.",
        "Police found the body of a man in the river.",
    ],
)
def test_a_verb_with_only_a_noun_phrase_after_it_reports_nothing(text):
    # "add", "support", "find": reporting only with a clause, a quote or content before
    assert analysis.find_attributions(text) == []


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("He added the plan would fail.", "added", "the plan would fail"),
        ('"We will win," he added.', "added", '"We will win,"'),
        ("Researchers found that the drug worked.", "found", "that the drug worked"),
    ],
)
def test_the_same_verbs_report_a_clause_or_a_quote(text, cue, content):
    assert _one(text, cue).content == content


def test_a_circumstance_before_a_colon_is_no_part_of_the_content():
    text = ("He added, on BBC Radio 4's Today programme: \"If you want good relations, you "
            "have to have firm controls.\"")
    added = _one(text, "added")
    assert added.content.startswith('"If you want') and added.kind == "direct"


def test_adverbs_after_a_closing_comma_go_with_the_cue_not_the_subject():
    text = ("A 2016 survey, which the Herald has seen, apparently flagged \"significant "
            "deterioration\" at the same locations.")
    flagged = _one(text, "flagged")
    assert flagged.source_text == "A 2016 survey"
    assert flagged.source_type == "document"


def test_quoting_with_no_name_after_it_is_no_speaker():
    # found by the property test: the name after "Quoting" was only white space
    assert analysis.find_attributions("Quoting  \r,") == []


def test_a_suffix_is_no_surname_shared_by_two_people():
    """ "Walter M Phillips Jr" and "Bruce L Castor Jr" are two people: "Jr" is no surname,
    so the attorney's "said" and the "He" after it are his, not the lawyer's."""
    text = ("Cosby's lawyer, Walter M Phillips Jr, said the comedian was pleased. "
            "District Attorney Bruce L Castor Jr said detectives found no complaint. "
            "He also said the delay was a factor in his decision.")
    assert [a.source for a in analysis.find_attributions(text) if a.cue == "said"] == [
        "Walter M Phillips Jr", "Bruce L Castor Jr", "Bruce L Castor Jr"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a name as the modifier of a noun
        ("Kanye West said the album was ready. Driving home from a late-night Los Angeles "
         'recording session, he crashed his car. "I thank God I am still here," he later said.',
         "Kanye West"),
        # a name joined to another by "and"
        ("Tony Wilson said the scene was thriving. He pointed out that Franz Ferdinand and "
         'The White Stripes were signed to indies. "I think that is a reflection of how '
         'useful the indie philosophy is," he added.', "Tony Wilson"),
        # a name within the description of the source just cited
        ("Real losses have been suffered, observed Jack Boorman, adviser to the IMF's "
         'managing director, Rodrigo Rato. "Everyone needs to keep in mind the enormous '
         'cost," he said.', "Jack Boorman"),
    ],
)
def test_a_pronoun_passes_over_a_name_that_could_not_speak_there(text, speaker):
    """The person cited before "he" speaks, not a name between them that modifies a noun,
    is one of a pair, or describes that person."""
    quotes = [q for q in analysis.analyse(text).quotes if q.kind == "direct"]
    assert [q.speaker for q in quotes] == [speaker]


def test_a_definite_description_joins_only_an_organisation_it_can_describe():
    """ "The commission" is no country and "The Labor Department" is a name, not a
    description of "US firms": each stays its own source; "The firm" still joins the
    group named before it."""
    text = ("Germany said it would cut its deficit. The commission confirmed its decision. "
            "US firms added 146,000 jobs. The Labor Department also said pay rose.")
    assert [a.source for a in analysis.find_attributions(text) if a.cue != "added"] == [
        "Germany", "the commission", "the Labor Department"]
    text = "The Vestey Group said it would appeal. The firm insisted its papers were in order."
    assert {a.source for a in analysis.find_attributions(text)} == {"the Vestey Group"}


@pytest.mark.parametrize(
    ("text", "source_text"),
    [
        ("Car sales rose 5%, the National Association of Automobile Manufacturers of South "
         "Africa (NAAMSA) said.",
         "the National Association of Automobile Manufacturers of South Africa"),
        ("The Bank of England (BoE) said rates would rise.", "The Bank of England"),
    ],
)
def test_a_long_name_and_its_short_form_in_brackets_are_one_source(text, source_text):
    assert _one(text, "said").source_text == source_text


@pytest.mark.parametrize(
    ("text", "cue", "source_text"),
    [
        ("Now Wilson believes the plan will work.", "believes", "Wilson"),
        ("Perhaps Russia will oppose the move, he said, but now Benford says it will pass.",
         "says", "Benford"),
        ("South Carolina says it will appeal.", "says", "South Carolina"),
    ],
)
def test_an_adverb_before_a_name_is_no_part_of_the_source(text, cue, source_text):
    assert _one(text, cue).source_text == source_text


@pytest.mark.parametrize(
    ("text", "cue", "content", "nested_cue"),
    [
        ("He said the port would be closed until today when they hoped to refloat the ship.",
         "said", "the port would be closed until today when they hoped to refloat the ship",
         "hoped"),
        ("Smith said the plan would fail because officials believe the costs are too high.",
         "said", "the plan would fail because officials believe the costs are too high",
         "believe"),
    ],
)
def test_a_cue_in_a_subordinate_clause_is_nested_in_the_content(text, cue, content,
                                                                  nested_cue):
    assert _one(text, cue).content == content
    assert _one(text, nested_cue).nested


def test_a_coordinated_attribution_still_ends_the_content():
    text = "Smith said the plan would fail, and Jones said it would work."
    first, second = analysis.find_attributions(text)
    assert (first.content, second.content) == ("the plan would fail", "it would work")
    assert not second.nested


@pytest.mark.parametrize(
    ("text", "cue", "source_text", "content"),
    [
        ("The minister was blamed by the parents of the victims for the delay.", "was blamed",
         "the parents of the victims", "The minister for the delay"),
        ("It was reported by the BBC that the plan had failed.", "was reported", "the BBC",
         "that the plan had failed"),
        ("The plan was reported to be in trouble.", "was reported", None,
         "The plan to be in trouble"),
    ],
)
def test_the_agent_of_a_passive_cue_is_its_source(text, cue, source_text, content):
    found = _one(text, cue)
    assert (found.source_text, found.content) == (source_text, content)


def test_a_quote_in_a_passive_with_an_agent_is_the_agents():
    text = "The reports have been described as 'idle speculation' by Downing Street."
    [quote] = analysis.find_quotes(text)
    assert quote.speaker == "Downing Street"


def test_a_participle_before_by_and_an_agent_modifies_the_noun_before_it():
    found = analysis.find_attributions(
        "Analysts quoted by Reuters said the deal was likely to go ahead.")
    assert [(a.cue, a.source_text) for a in found] == [("said", "Analysts quoted by Reuters")]
    assert found[0].source_type == "anonymous"
    found = analysis.find_attributions(
        "The figures revealed by the Electoral Commission show a rise in donations.")
    assert [a.cue for a in found] == ["show"]


@pytest.mark.parametrize(
    ("text", "addressee", "content"),
    [
        ("Malekzadegan told a news conference Iran was ready to maintain security.",
         "a news conference", "Iran was ready to maintain security"),
        ("She told reporters Labour would win.", "reporters", "Labour would win"),
        ("He told a meeting of party activists Mr Blair had let them down.",
         "a meeting of party activists", "Mr Blair had let them down"),
    ],
)
def test_a_name_after_the_addressee_opens_the_reported_clause(text, addressee, content):
    told = _one(text, "told")
    assert (told.addressee, told.content) == (addressee, content)


@pytest.mark.parametrize(
    ("text", "source_text"),
    [
        ("Labour say a Lib Dem vote could let the Tories in.", "Labour"),
        ("Chelsea claim the referee was wrong.", "Chelsea"),
    ],
)
def test_a_body_that_takes_a_plural_verb_before_a_clause_is_a_source(text, source_text):
    [found] = analysis.find_attributions(text)
    assert found.source_text == source_text


def test_a_capitalised_noun_and_a_base_form_with_no_clause_are_no_attribution():
    assert analysis.find_attributions("Hope remains that the talks will succeed.") == []


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("Mr Smith criticised the plan and later said it would fail.", "said", "it would fail"),
        ("Mr Smith backed the deal, later adding that it was fair.", "adding",
         "that it was fair"),
    ],
)
def test_an_adverb_before_a_coordinated_cue_keeps_the_shared_subject(text, cue, content):
    found = _one(text, cue)
    assert (found.source, found.content) == ("Smith", content)
    if cue == "said":
        assert _one(text, "criticised").content == "the plan"


def test_a_participle_between_a_modifier_and_a_noun_is_no_cue():
    text = "The firm will redeem its callable cumulative convertible preferred stock."
    assert analysis.find_attributions(text) == []
    # capitalised neighbours are names the lexicon only knows as common words
    text = "After former California Gov. Jerry Brown criticized Bill Clinton, he apologised."
    assert [a.cue for a in analysis.find_attributions(text)] == ["criticized"]


def test_an_adverb_alone_is_no_source():
    assert analysis.find_attributions(
        "It was a game that merely confirmed the importance of the cup.") == []
    found = analysis.find_attributions("Recently announced figures showed a rise in sales.")
    assert [(a.cue, a.source_text) for a in found] == [
        ("showed", "Recently announced figures")]


def test_went_on_before_a_quote_is_a_speech_cue():
    went_on = _one('Mr Smith went on: "We will win the next election."', "went on")
    assert (went_on.source, went_on.kind) == ("Smith", "direct")
    assert analysis.find_attributions("The talks went on for hours.") == []


def test_a_multiword_cue_in_ing_after_be_is_progressive_not_passive():
    pointing = _one("They are pointing out that the plan failed.", "are pointing out")
    assert (pointing.source_text, pointing.rule) == ("They", "source_cue_content")
    assert _one("What is going on here, he asked.", "asked").content == "What is going on here"


@pytest.mark.parametrize(
    ("text", "cue", "addressee", "content"),
    [
        ("Residents were told that the water was safe.", "were told", "Residents",
         "that the water was safe"),
        ("Stockholders will be asked to approve the merger.", "will be asked", "Stockholders",
         "to approve the merger"),
    ],
)
def test_the_subject_of_a_passive_tell_cue_is_the_addressee(text, cue, addressee, content):
    found = _one(text, cue)
    assert (found.source_text, found.addressee, found.content) == (None, addressee, content)


def test_a_by_phrase_inside_the_content_is_no_agent_of_the_cue():
    found = _one("The site is thought to have closed following an announcement by the MPAA.",
                 "is thought")
    assert found.source_text is None


def test_a_circumstance_before_the_colon_may_hold_a_name():
    found = _one('He said in an interview with The Spectator magazine: "We will win."', "said")
    assert found.content == '"We will win."'


@pytest.mark.parametrize(
    ("text", "cue", "source_text"),
    [
        ("Officials also claim that the plan failed.", "claim", "Officials"),
        ("The government estimates it will issue 5m shares.", "estimates", "The government"),
    ],
)
def test_a_verb_read_as_a_noun_when_an_adverb_or_a_clause_shows_it_is_a_verb(text, cue,
                                                                             source_text):
    assert _one(text, cue).source_text == source_text


def test_a_tag_inside_a_conditional_sentence_leaves_the_content_on_both_sides():
    found = _one("If the site did return, the message said, it would be shut again.", "said")
    assert found.content == "If the site did return it would be shut again"
    assert found.content_spans[1][0] > found.cue_span[1]


def test_an_inverted_source_may_join_two_roles_before_the_name():
    text = '"We are growing fast," said Nortel president and chief executive Bill Owens.'
    said = _one(text, "said")
    assert (said.source_text, said.source) == (
        "Nortel president and chief executive Bill Owens", "Bill Owens")
    added = _one('"We will win," said Smith and added that it was late.', "added")
    assert added.source == "Smith"


@pytest.mark.parametrize(
    ("text", "source_text", "content"),
    [
        ("This, said Sloncek, should be enough to win.", "Sloncek",
         "This should be enough to win"),
        ("Last year, said the chairman, was all about deals.", "the chairman",
         "Last year was all about deals"),
        ("Prices rose, said the bank, and jobs grew.", "the bank", "Prices rose"),
    ],
)
def test_an_inverted_tag_inside_a_clause_leaves_the_content_on_both_sides(text, source_text,
                                                                          content):
    said = _one(text, "said")
    assert (said.source_text, said.content) == (source_text, content)
