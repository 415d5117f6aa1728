"""The loader's fast paths give what the plain definitions give (issue 14's speed-ups)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import analysis
from analysis.loading import files
from analysis.loading.cleaning import boilerplate_rules, is_boilerplate, normalise
from analysis.loading.formats import polnear
from analysis.loading.model import LoadOptions
from analysis.nlp.text import count_words
from analysis.nlp.words import WORD_PATTERN

# Letters, digits, joiners, white space of every kind, combining marks, controls.
ALPHABET = st.sampled_from(list("aZé9_ -'’.,;\n\r\t\x0b\x0c\x85\u2028\x00\u200b\u00ad")
                           + ["\u00a0", "\u3000", "\u0301", "\u0327", "\u212b", "\u0663"])
LINES = [
    "Sign up to our free daily newsletter", "READ MORE: Bridge closures across the county",
    "Advertisement", "Reuter", "© 2024 Example Media", "Copyright 2024 Example Media.",
    "Reporting by Jo Bloggs; editing by Sam Smith", "Follow us on Twitter",
    "More about Example can be found here", "Updated 1:23 p.m.", "2024-05-01",
    "Terms of use and privacy policy", "Watch: the bridge closes [VIDEO]",
    "The council voted on Tuesday to close the old bridge for at least six months.",
    "He said the newsletter was read by all rights-holders, and signed up for it.",
]


@given(st.text(ALPHABET, max_size=40))
@example("Don't panic: the U.S. index rose 2,900 points, self-evidently.")
@settings(max_examples=400, deadline=None)
def test_count_words_is_the_number_of_word_pattern_matches(text: str) -> None:
    assert count_words(text) == len(WORD_PATTERN.findall(text))


@given(st.text(ALPHABET, max_size=40))
@settings(max_examples=400, deadline=None)
def test_normalise_is_idempotent(text: str) -> None:
    # what lets a text file's body, normalised by its reader, skip the table step's pass
    once = normalise(text)
    assert normalise(once) == once
    assert normalise(once.partition("\n")[2]) == once.partition("\n")[2]


@pytest.mark.parametrize("at_edge", [True, False])
def test_grouped_rules_match_exactly_the_lines_one_rule_matches(at_edge: bool) -> None:
    rules = [r for r in boilerplate_rules() if at_edge or r.where == "line"]
    lines = [*LINES, *(r.pattern.pattern for r in rules)]
    lines += [f"x {line}" for line in lines] + [f"{line} x" for line in lines]
    for line in lines:
        n_words = line.count(" ") + 1
        expected = any(n_words <= r.max_words and r.pattern.search(line) for r in rules)
        assert is_boilerplate(line, at_edge=at_edge) == bool(expected), line


def test_a_file_longer_than_its_stat_size_is_read_whole() -> None:
    status = Path("/proc/self/status")
    if not status.is_file() or status.stat().st_size:
        pytest.skip("needs Linux /proc (files whose size reads 0)")
    entry = files.FileEntry(status, str(status), "status", None)
    source = files.read_entry(entry, LoadOptions())
    assert source.data.startswith(b"Name:") and len(source.data) > 100


def test_polnear_tables_are_looked_for_once_a_folder_in_a_load(tmp_path, monkeypatch):
    texts = tmp_path / "data" / "test" / "text"
    texts.mkdir(parents=True)
    rows = ["filename\tpublisher\tpublication_date\tcompartment"]
    for name in ("a", "b", "c"):
        (texts / f"{name}.txt").write_text(f"Headline {name}\nThe minister spoke on {name}.\n")
        rows.append(f"{name}\tExample News\t2016-05-01\ttest")
    (tmp_path / "data" / "metadata.tsv").write_text("\n".join(rows) + "\n")
    real = polnear._tables_near
    calls: list[Path] = []
    monkeypatch.setattr(polnear, "_tables_near",
                        lambda folder: calls.append(folder) or real(folder))
    df = analysis.load_articles(tmp_path)
    assert df["outlet"].tolist() == ["Example News"] * 3
    assert calls == [texts]
    # outside a load, each call looks again (a metadata.tsv added later is seen)
    assert polnear.metadata_for(texts / "a.txt")["publisher"] == "Example News"
    assert calls == [texts, texts]
