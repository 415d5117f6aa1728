"""The offline text layer: one Punkt splitter, spans, plain NLTK and TextBlob working."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import nltk
import pytest

import analysis
from analysis.nlp import text


def test_sentence_spans_slice_back_to_the_sentences(seed_text: str) -> None:
    spans = text.sentence_spans(seed_text)
    assert spans, "the seed has sentences"
    for start, end in spans:
        piece = seed_text[start:end]
        assert piece == piece.strip() and piece
    # paragraph 6 of the seed holds two sentences of one floating quote
    sentences = text.sentences(seed_text)
    second_quote = [s for s in sentences if s.paragraph == 6]
    assert [seed_text[s.start : s.end][:12] for s in second_quote] == [
        '"But they kn',
        "They went th",
    ]


def test_sentences_never_cross_a_paragraph_break() -> None:
    doc = "First line has no stop\nSecond line. Third sentence.\n\nFourth"
    pieces = [doc[s:e] for s, e in text.sentence_spans(doc)]
    assert pieces == ["First line has no stop", "Second line.", "Third sentence.", "Fourth"]


@pytest.mark.parametrize(
    ("sample", "expected"),
    [
        ("Gov. Brown met Sgt. Lee at the Dept. of Energy. They talked.", 2),
        ("He lives at No. 10 Downing Street. It is old.", 2),
        ("Asked if he would stay, he said no. Then he left.", 2),
        ("He met Mr. Tribe today. Then he left.", 2),
        ('"Yes," Mr. Tribe said. Gov. Brown agreed.', 2),
        ("The U.S. economy grew 2.5 percent in Jan. last year. Analysts were surprised.", 2),
    ],
)
def test_news_abbreviations(sample: str, expected: int) -> None:
    assert len(text.sentence_spans(sample)) == expected


def test_plain_nltk_tokenizers_work_without_nltk_data() -> None:
    found = Path(nltk.data.find("tokenizers/punkt_tab/english/").path)
    assert found.is_relative_to(text.install_nltk_data()), "model comes from the cache"
    assert nltk.sent_tokenize("Mr. Smith arrived. He sat down.") == [
        "Mr. Smith arrived.",
        "He sat down.",
    ]
    assert nltk.word_tokenize("Gov. Brown didn't come.") == [
        "Gov.", "Brown", "did", "n't", "come", ".",
    ]


# Imports the package in a fresh interpreter (no bytecode written) and lists every file
# opened for writing inside it, seen by an audit hook installed before the import.
_IMPORT_AND_WATCH = """
import sys
from pathlib import Path
package = Path(sys.argv[1]).resolve()
written = []
def hook(event, args):
    if event == "open" and args[0] is not None and not isinstance(args[0], int):
        mode, flags = args[1], args[2]
        writing = (mode and any(c in mode for c in "wax+")) or (flags or 0) & 3
        if writing and Path(args[0]).resolve().is_relative_to(package):
            written.append(str(args[0]))
sys.addaudithook(hook)
import nltk
import analysis
assert nltk.sent_tokenize("Gov. Brown came. He sat.") == ["Gov. Brown came.", "He sat."]
print(written)
"""


def _import_fresh(cache: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, text.CACHE_ENV: str(cache), "PYTHONDONTWRITEBYTECODE": "1"}
    package = Path(analysis.__file__).parent
    return subprocess.run([sys.executable, "-c", _IMPORT_AND_WATCH, str(package)], env=env,
                          capture_output=True, text=True, timeout=120)


def test_import_writes_nothing_into_the_package(tmp_path: Path) -> None:
    done = _import_fresh(tmp_path / "cache")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]", f"written inside the package: {done.stdout}"
    model = tmp_path / "cache" / "nltk_data" / "tokenizers" / "punkt_tab" / "english"
    assert sorted(p.name for p in model.iterdir()) == [
        "abbrev_types.txt", "collocations.tab", "ortho_context.tab", "sent_starters.txt",
    ]
    written = {p.name: p.stat().st_mtime_ns for p in model.iterdir()}
    again = _import_fresh(tmp_path / "cache")
    assert again.returncode == 0, again.stderr
    assert {p.name: p.stat().st_mtime_ns for p in model.iterdir()} == written, "written once"


def test_an_unwritable_cache_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    done = _import_fresh(blocker)
    assert done.returncode != 0
    assert "RuntimeError" in done.stderr and str(blocker / "nltk_data") in done.stderr
    assert text.CACHE_ENV in done.stderr


def test_word_spans_and_count() -> None:
    sample = "Kadyrov's self-organised groups: nearly 2,900 Russians."
    words = [sample[s:e] for s, e in text.word_spans(sample)]
    assert words == ["Kadyrov's", "self-organised", "groups", "nearly", "2,900", "Russians"]
    assert analysis.count_words(sample) == 6


def test_blob_works_offline() -> None:
    b = analysis.blob("The documentary was excellent. Critics loved it.")
    assert [str(s) for s in b.sentences] == ["The documentary was excellent.", "Critics loved it."]
    assert b.words[:2] == ["The", "documentary"]
    assert dict(b.tags)["documentary"] == "NN"
    assert b.sentiment.polarity > 0


def test_missing_resource_error_says_what_and_how() -> None:
    with pytest.raises(text.MissingResourceError) as caught:
        text.require_nltk_resource("corpora/no_such_corpus_here")
    message = str(caught.value)
    assert "no_such_corpus_here" in message and "never downloads" in message
    assert isinstance(caught.value, LookupError)


def test_no_code_calls_a_downloader() -> None:
    root = Path(analysis.__file__).parent.parent
    offenders = [
        str(path)
        for folder in ("analysis", "notebooks", "benchmarks")
        for path in (root / folder).rglob("*")
        if path.suffix in (".py", ".ipynb")
        and any(bad in path.read_text(encoding="utf-8", errors="replace")
                for bad in ("nltk." + "download(", "download_" + "corpora"))
    ]
    assert offenders == []


def test_network_is_blocked_during_tests() -> None:
    import socket

    from pytest_socket import SocketConnectBlockedError

    with pytest.raises(SocketConnectBlockedError):
        socket.create_connection(("93.184.216.34", 80), timeout=1)
