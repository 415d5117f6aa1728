"""Measure how news stories are sourced and told: quotes, attributions, sources, hedges.

Load articles into a DataFrame, analyse each text once, and get tidy tables::

    import analysis
    articles = analysis.load_articles("data/articles")
    analysis.profile(articles)          # one row of measures per article
    analysis.find_attributions("Kadyrov said the spies may be there.")

Everything runs offline: importing the package makes NLTK's Punkt model available
without any download (see ``analysis.nlp.text``).
"""

from analysis.moved import install as _install_old_paths
from analysis.nlp.text import install_nltk_data as _install_nltk_data

_install_nltk_data()
_install_old_paths()

from analysis.api import (  # noqa: E402
    attributions,
    boosters,
    hedges,
    profile,
    quotes,
    sources,
    standards,
)
from analysis.detect.document import (  # noqa: E402
    Document,
    analyse,
    find_attributions,
    find_boosters,
    find_hedges,
    find_quotes,
    find_sources,
)
from analysis.evaluation.polnear_gold import polnear_gold  # noqa: E402
from analysis.loading import load_articles, load_notes, skipped  # noqa: E402
from analysis.loading.fetch import fetch_articles  # noqa: E402
from analysis.nlp.text import blob, count_words, sentence_spans, word_spans  # noqa: E402
from analysis.present.coding import agreement, export_for_coding  # noqa: E402
from analysis.present.explore import explore  # noqa: E402
from analysis.present.highlight import highlight  # noqa: E402
from analysis.records import Attribution, Booster, Hedge, Quote, Sentence, Source  # noqa: E402

__all__ = [
    "Attribution",
    "Booster",
    "Document",
    "Hedge",
    "Quote",
    "Sentence",
    "Source",
    "agreement",
    "analyse",
    "attributions",
    "blob",
    "boosters",
    "count_words",
    "explore",
    "export_for_coding",
    "fetch_articles",
    "find_attributions",
    "find_boosters",
    "find_hedges",
    "find_quotes",
    "find_sources",
    "hedges",
    "highlight",
    "load_articles",
    "load_notes",
    "polnear_gold",
    "profile",
    "quotes",
    "sentence_spans",
    "skipped",
    "sources",
    "standards",
    "word_spans",
]
