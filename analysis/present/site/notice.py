"""The notice a report carries when the corpus's terms restrict its text.

``corpus_notice(corpus)`` quotes the line of the corpus's SOURCE / README / LICENSE /
NOTICE file that says the text is research-use only or copyright reserved; the report
build puts it on every page and ``nbtools.open_corpus`` prints it under the corpus line.
"""

from __future__ import annotations

import re
from pathlib import Path

from analysis.paths import REPO_ROOT

RESEARCH_ONLY = re.compile(
    r"research[- ]use[- ]only|research[- ]only|for research (?:purposes )?only"
    r"|non[- ]commercial research|academic use only",
    re.IGNORECASE,
)
COPYRIGHT = re.compile(r"\bcopyright\b|all rights reserved|rights\b.{0,40}\bowned by",
                       re.IGNORECASE)
NOTICE_FILES = ("SOURCE", "README", "LICENSE", "NOTICE")


def _terms_line(corpus: Path, pattern: re.Pattern) -> str | None:
    """``"FILE: line"`` for the first line of the corpus's terms that matches ``pattern``.

    Looks in the corpus folder (or the folder of a corpus file) and, for SOURCE and
    LICENSE files only, in up to two parent folders outside this repository (PolNeAR's
    ``SOURCE.txt`` sits above its ``data`` folder). ``None`` when nothing says so.
    """
    corpus = Path(corpus).resolve()
    folder = corpus if corpus.is_dir() else corpus.parent
    candidates = [(folder, NOTICE_FILES)]
    parent = folder
    for _ in range(2):
        parent = parent.parent
        if parent == REPO_ROOT or REPO_ROOT in parent.parents or parent == parent.parent:
            break
        candidates.append((parent, ("SOURCE", "LICENSE")))
    for place, prefixes in candidates:
        if not place.is_dir():
            continue
        for path in sorted(place.iterdir()):
            if not path.is_file() or not path.name.upper().startswith(prefixes):
                continue
            try:
                text = path.read_text(encoding="utf-8", errors="replace")[:200_000]
            except OSError:
                continue
            for line in text.splitlines():
                if pattern.search(line):
                    return f"{path.name}: {line.strip()}"
    return None


def research_use_notice(corpus: Path) -> str | None:
    """The line of a SOURCE / README / LICENSE file saying the corpus is research-use only."""
    return _terms_line(corpus, RESEARCH_ONLY)


def corpus_notice(corpus: Path) -> str | None:
    """The notice every page of a report carries when the corpus's terms restrict its
    text (research use only, or copyright reserved), quoting the line that says so."""
    research = research_use_notice(corpus)
    if research:
        return (f"Research use only ({research}): these reports contain the corpus's "
                "text; do not publish them.")
    rights = _terms_line(corpus, COPYRIGHT)
    if rights:
        return (f"Copyright ({rights}): these reports reproduce the articles' text for "
                "research and teaching; do not publish them.")
    return None
