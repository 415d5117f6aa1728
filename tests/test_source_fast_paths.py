"""Speed-ups of who a source is (issue 14) must not change results.

The scanners of ``analysis.detect.gender`` and ``analysis.detect.affiliation`` skip at C
speed to where a match can start; each must give exactly what the plain scan it replaced
gives, written out here as the reference. No timing here (see
``benchmarks/analysis_speed.py``).
"""

from __future__ import annotations

import re

import pytest

from analysis.detect import affiliation, gender
from analysis.paths import REPO_ROOT

SHIPPED = sorted((REPO_ROOT / "data" / "articles").rglob("*.txt"))
TRICKY = [
    "",
    "UMr Lund and Mr Lund met Ms. Ann Lowe, Sir Alex Ferguson and Lady Gaga's aide.",
    "_Ms Lowe; éMr Hale; 2Mr Price; (Mrs Day) \"Miss Moneypenny\" Lord Mr Smith",
    "Mr Mr Mr Jones and DameMr Kay, Lordship Lord",
    "union officials and district attorneys met the Ministers' union's council officials.",
    "MPs, MEPs and the district attorney’s office; premier league clubs club's clubs",
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
