"""Language codes: ISO 639-1 from what a source declares, else detected with py3langid.

py3langid ships its model inside the wheel (no download). Our own identifier is
restricted to the model's two-letter (ISO 639-1) languages, so a short English table
never comes back as "pcm" or "zxx". Detection reads the first 600 characters of the
text: enough for a stable guess on news.

Text that is plainly English prose (``plainly_english``: one word in five or more is an
English function word, few are French, Spanish, German and the like, and almost no
letter is outside ASCII) is "en" without the model: a word count of about 20 µs
instead of about 0.5 ms for py3langid's byte n-grams, and no model to load (about a
second) when a whole corpus is English. Everything else goes to py3langid as before.
``benchmarks/language_agreement.py`` compares the two on the shared corpora: every label
is the same except on texts py3langid misreads (all-capitals English wire copy).
"""

from __future__ import annotations

import contextlib
import os
import re
import zipfile
from array import array
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.paths import cache_folder

_CODE = re.compile(r"^([a-z]{2})(?:[-_][a-z0-9]+)*$")
_NAMES = {"english": "en", "french": "fr", "german": "de", "spanish": "es", "italian": "it",
          "portuguese": "pt", "dutch": "nl", "russian": "ru", "korean": "ko", "chinese": "zh",
          "japanese": "ja", "arabic": "ar", "indonesian": "id", "turkish": "tr"}
SAMPLE_CHARS = 600

# The commonest English function words. Some are words of other languages too ("a", "in",
# "to", "is"): OTHER_WORDS keeps such text from passing for English.
ENGLISH_WORDS = frozenset((
    "a", "about", "after", "also", "an", "and", "are", "as", "at", "been", "but", "by",
    "can", "could", "for", "from", "had", "has", "have", "he", "him", "his", "if", "in",
    "into", "is", "it", "its", "more", "not", "of", "on", "our", "said", "she", "some",
    "than", "that", "the", "their", "them", "there", "they", "this", "to", "was", "were",
    "what", "when", "which", "who", "with", "would", "you"
))
# The commonest function words of French, Spanish, Italian, Portuguese, German, Dutch and
# the Nordic languages: English quoted inside such a text does not make it English.
OTHER_WORDS = frozenset((
    "de", "la", "le", "les", "des", "et", "est", "du", "une", "en", "el", "los", "las", "y",
    "que", "del", "por", "con", "una", "der", "die", "das", "und", "ist", "nicht", "mit",
    "den", "von", "zu", "il", "di", "che", "della", "per", "non", "do", "da", "os", "em",
    "um", "uma", "het", "een", "van", "och", "att", "og", "er", "til", "ja", "ei", "na",
    "nie", "je", "se"
))
MIN_WORDS = 20  # fewer words than this: py3langid decides
ENGLISH_SHARE = 0.2  # at least this share of the words are ENGLISH_WORDS
OTHER_RATIO = 3  # and at least three times as many as OTHER_WORDS
MAX_NON_ASCII = 0.02  # at most this share of the letters are outside ASCII
_WORD = re.compile(r"[^\W\d_]+")


def normalise_code(value: str | None) -> str | None:
    """``"en-US"`` -> ``"en"``, ``"English"`` -> ``"en"``; None when not a language code."""
    if not value:
        return None
    value = value.strip().lower()
    match = _CODE.match(value)
    return match.group(1) if match else _NAMES.get(value)


def plainly_english(sample: str) -> bool:
    """True when ``sample`` reads as English prose: at least ``MIN_WORDS`` words (runs of
    letters), at most ``MAX_NON_ASCII`` of their letters outside ASCII, at least
    ``ENGLISH_SHARE`` of them in ``ENGLISH_WORDS`` and ``OTHER_RATIO`` times as many of
    those as of ``OTHER_WORDS``. Case does not matter (wire copy in capitals is English).

    >>> plainly_english("The minister said the talks would resume on Monday, and that "
    ...                 "they had been told about it by officials from both sides of the table.")
    True
    >>> plainly_english("Le ministre a dit que les discussions reprendraient lundi.")
    False
    """
    words = _WORD.findall(sample.lower())
    if len(words) < MIN_WORDS:
        return False
    letters = "".join(words)
    if not letters.isascii() and \
            sum(not ch.isascii() for ch in letters) > MAX_NON_ASCII * len(letters):
        return False
    english = sum(map(ENGLISH_WORDS.__contains__, words))
    other = sum(map(OTHER_WORDS.__contains__, words))
    return english >= ENGLISH_SHARE * len(words) and english >= OTHER_RATIO * other


def _model_cache() -> Path:
    """Where the unpacked arrays of the installed py3langid's model are kept."""
    return cache_folder() / "py3langid" / f"model-{version('py3langid')}-two-letter.npz"


def _save_model(identifier, path: Path) -> None:
    """Write the arrays ``LanguageIdentifier(...)`` is built from, uncompressed, to ``path``
    (atomically; a folder that cannot be written only costs the next load its time)."""
    arrays = {
        "ptc": identifier.nb_ptc, "pc": identifier.nb_pc,
        "classes": np.array(identifier.nb_classes),
        "nextmove": np.asarray(identifier.tk_nextmove),
        "row": np.asarray(identifier.tk_row),
        "output": np.array(identifier.tk_output, dtype=np.int64),
    }
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(tmp, "wb") as handle:
            np.savez(handle, **arrays)
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)


def _load_model(path: Path):
    """The identifier saved by ``_save_model``; None when the file is missing or unreadable."""
    from py3langid.langid import LanguageIdentifier

    try:
        with np.load(path, allow_pickle=False) as data:
            return LanguageIdentifier(
                data["ptc"], data["pc"], data["classes"].tolist(),
                array(_TYPECODE[data["nextmove"].dtype.itemsize], data["nextmove"].tobytes()),
                data["output"].tolist(),
                tk_row=array(_TYPECODE[data["row"].dtype.itemsize], data["row"].tobytes()),
            )
    except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile):
        return None


_TYPECODE = {2: "H", 4: "I", 8: "Q"}  # array typecodes of py3langid's unsigned tables


@lru_cache(maxsize=1)
def _identifier():
    """py3langid's identifier, restricted to its two-letter languages. The packaged model
    is xz-compressed (about 0.8 CPU s to unpack); the first load keeps its arrays in the
    cache folder (``_model_cache``, about 63 MB), from where later processes read them in
    about 0.2 s. The classifier is py3langid's own either way."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    cached = _load_model(_model_cache())
    if cached is not None:
        return cached
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE)
    identifier.set_languages([c for c in identifier.nb_classes if len(c) == 2])
    _save_model(identifier, _model_cache())
    return identifier


def identify(sample: str) -> str:
    """py3langid's ISO 639-1 code for ``sample`` (its two-letter languages only); the
    model is loaded at the first call."""
    return str(_identifier().classify(sample)[0])


def detect(text: str) -> str | None:
    """ISO 639-1 code of ``text``'s first ``SAMPLE_CHARS`` characters: "en" when they are
    ``plainly_english``, else py3langid's (``identify``); None for text without letters.

    >>> detect("The minister said the talks would resume on Monday.")
    'en'
    >>> detect("Los ferris entre el puerto y la isla volverán a operar el jueves.")
    'es'
    """
    sample = text[:SAMPLE_CHARS]
    if not any(ch.isalpha() for ch in sample):
        return None
    return "en" if plainly_english(sample) else identify(sample)


def is_english(language: object) -> bool:
    """True when ``language`` is English or unknown (the detectors are English-only)."""
    if pd.isna(language) or str(language) == "":
        return True
    return str(language).lower().startswith("en")
