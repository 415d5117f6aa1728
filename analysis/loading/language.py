"""Language codes: ISO 639-1 from what a source declares, else detected with py3langid.

py3langid ships its model inside the wheel (no download). Our own identifier is
restricted to the model's two-letter (ISO 639-1) languages, so a short English table
never comes back as "pcm" or "zxx". Detection reads the first 600 characters of the
text: enough for a stable guess on news, and under 1 ms an article.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd

_CODE = re.compile(r"^([a-z]{2})(?:[-_][a-z0-9]+)*$")
_NAMES = {"english": "en", "french": "fr", "german": "de", "spanish": "es", "italian": "it",
          "portuguese": "pt", "dutch": "nl", "russian": "ru", "korean": "ko", "chinese": "zh",
          "japanese": "ja", "arabic": "ar", "indonesian": "id", "turkish": "tr"}


def normalise_code(value: str | None) -> str | None:
    """``"en-US"`` -> ``"en"``, ``"English"`` -> ``"en"``; None when not a language code."""
    if not value:
        return None
    value = value.strip().lower()
    match = _CODE.match(value)
    return match.group(1) if match else _NAMES.get(value)


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE)
    identifier.set_languages([c for c in identifier.nb_classes if len(c) == 2])
    return identifier


def detect(text: str) -> str | None:
    """ISO 639-1 code of ``text`` by py3langid, None for text without letters.

    >>> detect("The minister said the talks would resume on Monday.")
    'en'
    """
    sample = text[:600]
    if not any(ch.isalpha() for ch in sample):
        return None
    return str(_identifier().classify(sample)[0])


def is_english(language: object) -> bool:
    """True when ``language`` is English or unknown (the detectors are English-only)."""
    if pd.isna(language) or str(language) == "":
        return True
    return str(language).lower().startswith("en")
