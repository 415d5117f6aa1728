"""Numbers and labels for reading: rounded, thousands separated, never ``nan``.

>>> number(1234.5678), number(3), number(float("nan")), percent(0.2249), percent(None)
('1,234.57', '3', '–', '22%', '–')
>>> shorten("A very long headline about things", 20)
'A very long…'
"""

from __future__ import annotations

import math

import pandas as pd

MISSING = "–"


def is_missing(value: object) -> bool:
    """True for None, NaN, NA and NaT."""
    try:
        return value is None or bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def number(value: object, digits: int = 2) -> str:
    """An integer as ``1,234``; other numbers with at most ``digits`` decimals."""
    if is_missing(value) or isinstance(value, str):
        return MISSING if is_missing(value) else value
    value = float(value)
    if math.isfinite(value) and value == round(value):
        return f"{int(value):,}"
    return f"{value:,.{digits}f}".rstrip("0").rstrip(".")


def percent(share: object) -> str:
    """A share 0..1 as a whole percentage (``22%``); ``–`` when undefined."""
    if is_missing(share):
        return MISSING
    return f"{100 * float(share):.0f}%"


def shorten(text: object, limit: int = 60) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters, with ``…``."""
    text = "" if is_missing(text) else " ".join(str(text).split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    cut = cut.rsplit(" ", 1)[0] if " " in cut[limit // 2:] else cut
    return cut.rstrip(" ,;:.-") + "…"


def date(value: object) -> str:
    """``YYYY-MM-DD`` or ``""``."""
    if is_missing(value):
        return ""
    return pd.Timestamp(value).strftime("%Y-%m-%d")


def plural(n: int, word: str, many: str | None = None) -> str:
    """``1 story``, ``2 stories``."""
    return f"{n:,} {word if n == 1 else (many or word + 's')}"
