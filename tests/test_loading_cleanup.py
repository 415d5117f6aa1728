"""Clean-up rules on small made-up texts: footers, headlines, copies, split bodies."""

from __future__ import annotations

import sys

from analysis.loading.cleaning import SPACES, decode, looks_binary, normalise, split_boilerplate
from analysis.loading.formats.html import Line, continued_body, extract, fill_gaps, tidy

STORY = [
    "The council voted on Tuesday to close the old bridge for at least six months.",
    "Engineers said the supports had corroded faster than anyone had expected.",
    "Commuters will be sent over the northern crossing while the work goes on.",
]


def test_footer_lines_move_to_boilerplate_in_order():
    lines = [*STORY, "Read more: Bridge closures across the county",
             "Follow us on Twitter and Facebook.",
             "Copyright 2024 Example Media. All rights reserved."]
    kept, removed = split_boilerplate(lines)
    assert kept == STORY
    assert removed == lines[3:]


def test_short_lines_join_a_footer_only_between_footer_lines():
    footer = ["Write to Jo Bloggs at jo.bloggs@example.com", "Thank you",
              "Copyright 2024 Example Media. All rights reserved."]
    assert split_boilerplate([*STORY, *footer]) == (STORY, footer)
    # a short story line next to a footer is kept, and so is all that comes before it
    lines = ["It rained.", "Sign up to our free daily newsletter for the latest news.",
             *STORY, "He left.", footer[2]]
    assert split_boilerplate(lines) == (lines[:-1], [footer[2]])


def test_promo_words_inside_a_story_paragraph_are_kept():
    paragraph = ("The newsletter, which has 40,000 subscribers, said readers could sign up "
                 "for free until the end of the month, according to its publisher.")
    kept, removed = split_boilerplate([STORY[0], paragraph, STORY[1]])
    assert kept == [STORY[0], paragraph, STORY[1]] and removed == []


def test_inline_link_and_ad_lines_anywhere():
    lines = [STORY[0], "ADVERTISEMENT", "READ MORE: Another story", STORY[1], STORY[2]]
    kept, removed = split_boilerplate(lines)
    assert kept == STORY and removed == lines[1:3]


def test_wire_sign_off_only_on_its_own_line():
    assert split_boilerplate([STORY[0], "Reuter"]) == ([STORY[0]], ["Reuter"])
    line = "Reuters reported the figures first."
    assert split_boilerplate([STORY[0], line]) == ([STORY[0], line], [])


def test_decode_and_normalise():
    assert decode(b"caf\xe9 \x80") == "café €"  # cp1252 fallback
    assert normalise("a\u00a0b\u200bc\r\n\r\n  d ") == "a bc\nd"
    assert normalise("one\r\rtwo\u2028three\x85\t four\u3000 \u2003five") == \
        "one\ntwo\nthree\nfour five"


def test_every_whitespace_character_is_a_line_break_a_control_or_a_space():
    """``normalise`` collapses spaces with ``str.split()``: that is only right while every
    character Python counts as whitespace is turned into a line break, deleted as a
    control character, or one of ``SPACES``."""
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if char.isspace() and char != "\n":
            assert normalise(f"a{char}b") in ("a\nb", "ab", "a b"), hex(code)
            assert (normalise(f"a{char}b") == "a b") == (char in SPACES), hex(code)


def test_binary_content_is_told_by_its_share_of_control_bytes():
    assert looks_binary(b"\x01\x02 text") and not looks_binary(b"line\r\n\tindented\x0c")
    controls = bytes(range(1, 9)) * 10  # 80 control bytes
    assert looks_binary(controls + b"x" * 700)  # 80 of 780 bytes: more than 10 %
    assert not looks_binary(controls + b"x" * 720)  # 80 of 800 bytes: 10 %


def test_tidy_removes_headline_copies_and_repeated_blocks():
    title = "Bridge closes for repairs"
    paragraphs = [f"{s} It was the {n} statement." for n, s in enumerate(STORY * 2)]
    long_story = [p + " Officials declined to say more about it today." for p in paragraphs]
    lines = [Line("Bridge closes for repairs", "p"), Line("12:30 05/03/2024", "p"),
             *(Line(t, "p") for t in long_story[:4]), Line("---", "p"),
             *(Line(t, "p") for t in long_story[:4])]
    story, removed = tidy(lines, title=title)
    assert story == long_story[:4]
    assert removed == ["Bridge closes for repairs", "12:30 05/03/2024", "---", *long_story[:4]]


def test_headline_rule_never_takes_a_paragraph_that_starts_with_the_headline():
    title = "Bridge closes for repairs"
    lines = [Line("Bridge closes for repairs | The Daily Example", "p"),
             Line("Bridge closes for repairs after engineers found that its steel supports had "
                  "corroded much faster than expected.", "p"),
             Line("Bridge closes for", "p")]
    story, removed = tidy(lines, title=title)
    assert story == [lines[1].text, lines[2].text]  # 3 words: too short to call a copy
    assert removed == [lines[0].text]


def test_fill_gaps_puts_back_a_skipped_middle_paragraph_only():
    precise = [Line(STORY[0], "p"), Line(STORY[2], "p")]
    fuller = [Line("Home News Sport Weather and much more navigation here.", "p"),
              *(Line(t, "p") for t in STORY), Line("Most read stories this week.", "p")]
    merged = fill_gaps(precise, fuller)
    assert [line.text for line in merged] == STORY
    lede = ("Storms closed roads across the county on Monday, and the council said the old "
            "bridge would not reopen.")
    merged = fill_gaps(precise, [Line(lede, "p"), *fuller[1:]])
    assert [line.text for line in merged] == [lede, *STORY]


def test_split_article_containers_are_joined():
    part = "<div class='article-body'>{}</div><div class='ad'>Advertisement</div>"
    first = "".join(f"<p>{t} {t}</p>" for t in STORY)
    second = "".join(f"<p>Later, {t.lower()} {t}</p>" for t in STORY)
    html = f"<html><body>{part.format(first)}{part.format(second)}</body></html>".encode()
    lines = [Line(f"{t} {t}", "p") for t in STORY]
    joined = continued_body(html, lines)
    assert [line.text for line in joined[3:]] == [f"Later, {t.lower()} {t}" for t in STORY]
    # a page whose extracted text sits in no repeated container is left alone
    single = f"<html><body>{part.format(first)}</body></html>".encode()
    assert continued_body(single, lines) == lines


def test_extract_skips_a_page_without_an_article():
    page = b"<html><body><nav><a href='/'>Home</a> <a href='/a'>About</a></nav></body></html>"
    assert extract(page).reason == "no article text found in the HTML page"


def test_repeated_runs_find_a_hidden_copy_in_one_pass():
    """Each line is compared with its latest earlier copy only: a doubled story is found,
    a page of one paragraph repeated is not a 'copy' of itself (and costs one pass)."""
    from analysis.loading.formats.html import _repeated_runs

    story = [f"Paragraph {i} of the story, with enough words to read as prose here." for i in
             range(6)]
    assert _repeated_runs(story + ["Advertisement"] + story) == [(7, 6)]
    assert _repeated_runs(story[:3] + story[:3]) == []  # shorter than REPEAT_RUN lines
    assert _repeated_runs([story[0]] * 50_000) == []
