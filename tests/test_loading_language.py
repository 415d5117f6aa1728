"""Language detection: the English short cut gives py3langid's label on real text.

``language.identify`` is py3langid alone (what ``detect`` was before the short cut);
``benchmarks/language_agreement.py`` runs the same comparison on every shared corpus.
"""

from __future__ import annotations

import json

import pytest

import analysis
from analysis.loading import language
from analysis.paths import DEFAULT_CORPUS, SHARED_CORPORA

ZYTE_GOLD = SHARED_CORPORA / "scrapinghub_articles" / "ground-truth.json"
BBC = SHARED_CORPORA / "bbc_news" / "bbc"


def samples(texts) -> list[str]:
    return [s for s in (str(t)[:language.SAMPLE_CHARS] for t in texts)
            if any(ch.isalpha() for ch in s)]


def test_shipped_articles_get_py3langids_labels():
    articles = analysis.load_articles(DEFAULT_CORPUS, detect_language=False)
    texts = samples(articles["text"])
    assert [language.detect(t) for t in texts] == [language.identify(t) for t in texts]
    spanish = [t for t in texts if language.identify(t) == "es"]
    assert len(spanish) == 1  # the Spanish wire story in northgate_wire_2025.jsonl
    assert not language.plainly_english(spanish[0])
    assert sum(map(language.plainly_english, texts)) == len(texts) - 1


def test_loaded_table_carries_the_detected_language():
    articles = analysis.load_articles(DEFAULT_CORPUS / "northgate_wire_2025.jsonl")
    spanish = articles[articles["text"].str.contains("Los ferris entre", regex=False)]
    assert spanish["language"].tolist() == ["es"]
    assert set(articles["language"]) == {"en", "es"}


def test_text_without_letters_or_too_short_is_not_taken_for_english():
    assert language.detect("2004-05-01 12:30 | 44.5 | 0.3") is None
    assert not language.plainly_english("The talks resumed.")  # fewer than MIN_WORDS


@pytest.mark.corpora
def test_no_foreign_page_of_the_zyte_benchmark_passes_for_english():
    if not ZYTE_GOLD.exists():
        pytest.skip(f"needs {ZYTE_GOLD}")
    gold = json.loads(ZYTE_GOLD.read_text(encoding="utf-8"))
    texts = samples(page["articleBody"] for page in gold.values() if page.get("articleBody"))
    labels = [language.identify(t) for t in texts]
    foreign = [t for t, label in zip(texts, labels, strict=True) if label != "en"]
    assert len(foreign) >= 15  # German, Italian, Portuguese, Russian, Japanese, Korean...
    assert not any(map(language.plainly_english, foreign))
    assert [language.detect(t) for t in texts] == labels


@pytest.mark.corpora
def test_bbc_is_answered_by_the_short_cut_with_the_same_labels():
    if not BBC.is_dir():
        pytest.skip(f"needs {BBC}")
    texts = samples(analysis.load_articles(BBC, detect_language=False)["text"])
    assert sum(map(language.plainly_english, texts)) >= 0.99 * len(texts)
    assert {language.identify(t) for t in texts} == {"en"}


def test_the_model_kept_in_the_cache_folder_labels_as_the_packaged_one(tmp_path, monkeypatch):
    """The first load keeps py3langid's arrays in the cache folder; the identifier read back
    from there gives the packaged model's label, with its scores, on real text of many
    languages."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    packaged = LanguageIdentifier.from_model_file(MODEL_FILE)
    packaged.set_languages([c for c in packaged.nb_classes if len(c) == 2])
    gold = json.loads(ZYTE_GOLD.read_text(encoding="utf-8"))
    texts = samples(gold[key]["articleBody"] for key in sorted(gold))
    texts += samples(path.read_text(encoding="latin-1") for path in sorted(BBC.glob("*/00*.txt")))
    monkeypatch.setenv("ANALYSIS_CACHE_DIR", str(tmp_path))
    language._identifier.cache_clear()
    try:
        language._identifier()  # unpacks the packaged model and keeps its arrays
        assert language._model_cache().is_file()
        language._identifier.cache_clear()
        cached = language._identifier()  # read back from the cache folder
        assert {packaged.classify(t)[0] for t in texts} >= {"en", "de", "ja", "ko"}
        assert [cached.classify(t) for t in texts] == [packaged.classify(t) for t in texts]
        whole = language._model_cache().read_bytes()
        for damaged in (b"not a model", whole[: len(whole) // 2]):  # ignored, then replaced
            language._model_cache().write_bytes(damaged)
            language._identifier.cache_clear()
            assert language._identifier().classify(texts[0]) == packaged.classify(texts[0])
    finally:
        language._identifier.cache_clear()
