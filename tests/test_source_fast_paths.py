"""Speed-ups of who a source is (issue 14) must not change results.

The scanners of ``analysis.detect.gender``, ``analysis.detect.affiliation`` and
``analysis.detect.descriptions`` skip at C speed to where a match can start, or skip a
scan that cannot find enough; each must give exactly what the plain scan it replaced
gives, written out here as the reference. No timing here (see
``benchmarks/analysis_speed.py``).
"""

from __future__ import annotations

import re

import pytest

from analysis.detect import affiliation, descriptions, gender
from analysis.paths import REPO_ROOT

SHIPPED = sorted((REPO_ROOT / "data" / "articles").rglob("*.txt"))
TRICKY = [
    "",
    "UMr Lund and Mr Lund met Ms. Ann Lowe, Sir Alex Ferguson and Lady Gaga's aide.",
    "_Ms Lowe; éMr Hale; 2Mr Price; (Mrs Day) \"Miss Moneypenny\" Lord Mr Smith",
    "Mr Mr Mr Jones and DameMr Kay, Lordship Lord",
    "union officials and district attorneys met the Ministers' union's council officials.",
    "MPs, MEPs and the district attorney’s office; premier league clubs club's clubs",
    "A colleague's injury at the opera: the jury - a club - said, - no; Football Association",
    "The club said the league and the club's fans agreed.",
    "Clubs, clubs; the league’s CLUB club-house and theatre, theatres - festival\n - - ,  ,",
]
_TITLED_WITH_BOUNDARY = re.compile(r"\b" + gender._TITLED.pattern)


def _texts() -> list[str]:
    return TRICKY + [path.read_text(encoding="utf-8") for path in SHIPPED]


def _plain_words_found(words: str, kind: str) -> list[str]:
    """The scan ``words_found`` replaced: every position, every phrase length."""
    tokens = re.findall(r"[a-z0-9][a-z0-9&-]*", words.lower().replace("’", "'"))
    entries = affiliation.lexicon()[kind]
    longest = max(len(entry.split()) for entry in entries)
    found, i = [], 0
    while i < len(tokens):
        for size in range(min(longest, len(tokens) - i), 0, -1):
            phrase = " ".join(tokens[i:i + size])
            label = entries.get(phrase) or entries.get(affiliation._singular(phrase))
            if label:
                found.append(label)
                i += size
                break
        else:
            i += 1
    return found


@pytest.mark.parametrize("text", _texts())
def test_titles_equal_finditer_with_a_word_boundary(text):
    assert [m.span() for m in gender._titles(text)] == [
        m.span() for m in _TITLED_WITH_BOUNDARY.finditer(text)]


def _lexicon_text(kind: str) -> str:
    """Every entry of ``kind`` and its plural, run together so that phrases overlap."""
    entries = sorted(affiliation.lexicon()[kind])
    return " ".join(f"{entry} {entry}s" for entry in entries)


@pytest.mark.parametrize("kind", affiliation.KINDS)
def test_words_found_equals_the_plain_scan(kind):
    for text in [*_texts(), _lexicon_text(kind)]:
        assert affiliation.words_found(text, kind) == _plain_words_found(text, kind)


def _plain_last_cut(window: str) -> int:
    """What ``descriptions._last_cut`` replaced: every clause boundary, from the start."""
    cuts = list(descriptions._CLAUSE_END.finditer(window))
    return cuts[-1].end() if cuts else 0


@pytest.mark.parametrize("text", _texts())
def test_last_cut_equals_the_scan_from_the_start(text):
    for end in range(0, len(text) + 1, 3):
        window = text[max(0, end - 200):end]
        assert descriptions._last_cut(window) == _plain_last_cut(window), window


@pytest.mark.parametrize("text", _texts())
def test_sport_story_equals_the_article_field(text):
    for piece in (text, text[: len(text) // 2], " ".join([text] * 3)):
        assert affiliation._is_sport_story(piece) == (
            affiliation.article_field(piece) == "sport_entertainment")


def test_title_words_equal_the_scan_of_each_kind():
    def plain(word: str) -> bool:
        lower = affiliation._POSSESSIVE.sub("", word).lower().rstrip(".")
        return lower in affiliation.HONORIFICS or lower in affiliation.NOUNS or any(
            lower in words or affiliation._singular(lower) in words
            for words in affiliation.lexicon().values())
    words = [word for text in _texts() for word in text.split()]
    words += [f"{entry.title()}s" for kind in affiliation.KINDS for entry in
              affiliation.lexicon()[kind]]
    assert [affiliation._is_title_word(w) for w in words] == [plain(w) for w in words]
