"""Language detection: ``language.detect`` against py3langid alone, label for label.

``detect`` answers "en" without the model for plainly English prose and asks py3langid
(``language.identify``) otherwise; py3langid alone is what ``detect`` was before. For each
corpus: articles with letters, how many the English short cut answered, how many labels
differ (each difference printed with the article's id and its first words), and the
seconds an article of each. Texts are loaded once with ``detect_language=False`` and
both detectors read the same ``SAMPLE_CHARS`` characters. Reuters declares "en" when
loaded (its tables defeat a detector) but is scored here all the same.

Run: ``.venv/bin/python benchmarks/language_agreement.py``.
"""

from __future__ import annotations

import sys
import time

import analysis
from analysis.loading import language
from analysis.paths import DEFAULT_CORPUS, SHARED_CORPORA

CORPORA = {
    "data/articles": DEFAULT_CORPUS,
    "bbc_news": SHARED_CORPORA / "bbc_news" / "bbc",
    "reuters21578": SHARED_CORPORA / "reuters21578",
    "zyte html": SHARED_CORPORA / "scrapinghub_articles" / "html",
    "polnear train": SHARED_CORPORA / "polnear" / "data" / "train" / "text",
    "trafilatura eval": SHARED_CORPORA / "trafilatura_eval_en_news",
}


def per_article(function, samples: list[str]) -> tuple[list[str], float]:
    started = time.process_time()
    labels = [function(sample) for sample in samples]
    return labels, (time.process_time() - started) / max(1, len(samples))


def main() -> int:
    language.identify("The minister said the talks would resume.")  # load the model first
    print(f"{'corpus':<18}{'articles':>9}{'short cut':>10}{'differ':>8}"
          f"{'ms old':>8}{'ms new':>8}")
    differences = []
    for name, folder in CORPORA.items():
        if not folder.exists():
            print(f"{name:<18} skipped: {folder} not found")
            continue
        articles = analysis.load_articles(folder, detect_language=False)
        texts = articles.set_index(articles["article_id"].astype(str))["text"]
        pairs = [(i, str(t)[:language.SAMPLE_CHARS]) for i, t in texts.items()]
        pairs = [(i, s) for i, s in pairs if any(ch.isalpha() for ch in s)]
        samples = [s for _, s in pairs]
        old, old_time = per_article(language.identify, samples)
        new, new_time = per_article(language.detect, samples)
        short = sum(language.plainly_english(s) for s in samples)
        differ = [(name, i, a, b, s)
                  for (i, s), a, b in zip(pairs, old, new, strict=True) if a != b]
        differences += differ
        print(f"{name:<18}{len(samples):>9,}{short:>10,}{len(differ):>8}"
              f"{old_time * 1e3:>8.3f}{new_time * 1e3:>8.3f}")
    for name, article_id, old_label, new_label, sample in differences:
        words = " ".join(sample.split()[:12])
        print(f"  {name} {article_id}: py3langid {old_label}, detect {new_label}: {words}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
