"""Plain text and Markdown: line 1 is the headline, then one paragraph per line.

This is the shape of the seed article and of the BBC corpus (where a blank line separates
paragraphs; blank lines are dropped). A text that sits in a PolNeAR folder (a
``metadata.tsv`` listing it) takes its outlet, date, author and title from there.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from analysis.loading.cleaning import NotText, decode, normalise
from analysis.loading.formats import polnear
from analysis.loading.model import Article, LoadOptions, Outcome, Skip, Source, Tally

_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")


def read_text(source: Source, options: LoadOptions, tally: Tally) -> Iterator[Outcome]:
    """One article per file: headline on the first non-blank line, body below it."""
    if not source.data:
        yield Skip(None, "empty file")
        return
    try:
        text = normalise(decode(source.data))
    except NotText as error:
        yield Skip(None, str(error))
        return
    if not text:
        yield Skip(None, "only whitespace, no text")
        return
    title, _, body = text.partition("\n")
    if source.extension in ("md", "markdown"):
        title = _MARKDOWN_HEADING.sub("", title)
    if not body:
        yield Skip(None, "only one line: a headline without a body")
        return
    article = Article(title=title, text=body, normalised=True)  # lines of a normalised text
    metadata = polnear.metadata_for(source.disk_path) if source.disk_path else None
    if metadata is not None:
        polnear.apply(article, metadata)
    yield article
