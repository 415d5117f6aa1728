"""HTML pages: trafilatura finds the article, then general rules tidy what it returns.

``extract(html, url=...)`` runs ``trafilatura.bare_extraction`` (body, title, author,
date, site name, URL; ``<html lang>`` gives the language): first in its ``fast`` mode
(its own main-content rules, no fallback extractors, more precise), and in full mode
(with its fallback extractors). The full result replaces the fast one when that is short
or reads like a menu. It then walks the XML body (``p``, ``head``, ``list``, ``quote``,
``table``) one block at a time, and applies these rules, each a general one (none names
a site or a string of a benchmark page):

- ``gaps``: sentence-like paragraphs that only the full mode found, inside the span the
  two results share (or just before it: a cut-off lede), are put back (``fill_gaps``;
  pages of at most ``GAP_PASS_TAGS`` tags: a bigger one is extracted once);
- ``continued``: an article cut into a few same-class containers with adverts between
  them gets its later parts back (``continued_body``);
- ``headline``: lines that repeat the headline (it has its own column);
- ``dateline``: a leading line that is only a date or time stamp with a few words;
- ``repeat``: a run of lines that repeats an earlier block line for line (hidden copies);
- ``debris``: lines without a letter or digit (``___``, ``-``, ``|``);
- then, in ``finish``, the shared promotion/footer rules of ``analysis.loading.cleaning``.

The page is decoded here, not by trafilatura (which ignores the page's charset and
guesses): ``decode_page`` reads a BOM, valid UTF-8, then the charset of the HTTP header
(WARC records), the ``<meta>`` or XML declaration, and only then a detector's guess,
every label read as browsers read it (``cleaning.browser_codec``: ISO-8859-1 means
Windows-1252). trafilatura gets the page as UTF-8.

Removed lines go to the ``boilerplate`` column; nothing is dropped. The rules were
developed on the dev half of the Zyte benchmark only; ``benchmarks/html_extraction.py``
scores them on dev, test and all pages against plain trafilatura.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from analysis.loading.cleaning import browser_codec, decode_declared, looks_binary, normalise
from analysis.loading.model import Article, LoadOptions, Outcome, Skip, Source, Tally
from analysis.nlp.text import count_words

TRAFILATURA_OPTIONS: dict[str, object] = {
    "with_metadata": True, "include_comments": False, "include_tables": True,
}
FAST_FIRST = True  # trafilatura's fast mode first (more precise on the Zyte dev pages)
RETRY_WORDS = 100  # a fast result shorter than this is redone in full mode
LEAD_LINES = 2  # a cut-off lede: at most this many lines of at least LEAD_WORDS words
LEAD_WORDS = 15
MAX_PARTS = 4  # an article cut into more parts than this is more likely a page of widgets
MIN_PART_WORDS = 50  # a continuation container must hold this many words
MIN_WORDS = 10  # fewer words than this from a page is menu or caption debris
RULES = frozenset({"gaps", "continued", "headline", "dateline", "repeat", "debris"})
_HTML_HINT = re.compile(r"<(p|br|div|span|a|em|strong|h[1-6]|li|ul)\b[^>]*>", re.IGNORECASE)
_LANG = re.compile(rb"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})\b", re.IGNORECASE)
_WORD = re.compile(r"\w+")
_DATE_OR_TIME = re.compile(
    r"\b(\d{1,2}:\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\d{4}-\d{2}-\d{2})\b"
)


# <meta charset="x"> and <meta http-equiv="Content-Type" content="text/html; charset=x">;
# an XML declaration's encoding (XHTML). Browsers re-read the page when a <meta> comes
# late in the head, so the whole head (at most PRESCAN_BYTES) is searched.
PRESCAN_BYTES = 65_536
_META_CHARSET = re.compile(
    rb"<meta\b[^>]*?\bcharset\s*=\s*[\"']?\s*([A-Za-z0-9._:\-]+)", re.IGNORECASE
)
_XML_ENCODING = re.compile(
    rb"^\s*<\?xml\b[^>]*?\bencoding\s*=\s*[\"']([A-Za-z0-9._:\-]+)", re.IGNORECASE
)
_CONTENT_TYPE_CHARSET = re.compile(r"\bcharset\s*=\s*[\"']?([A-Za-z0-9._:\-]+)", re.IGNORECASE)


def charset_of(content_type: str | None) -> str | None:
    """The ``charset`` parameter of a ``Content-Type`` header value, if any."""
    match = _CONTENT_TYPE_CHARSET.search(content_type or "")
    return match.group(1) if match else None


def declared_charsets(data: bytes) -> list[str]:
    """The charset labels a page declares: its ``<meta>`` (first), its XML declaration."""
    head = data[:PRESCAN_BYTES]
    end = head.lower().find(b"</head")
    head = head[:end] if end >= 0 else head
    labels = [m.group(1).decode("ascii") for m in _META_CHARSET.finditer(head)][:1]
    xml = _XML_ENCODING.search(data[:1024])
    return labels + ([xml.group(1).decode("ascii")] if xml else [])


def decode_page(data: bytes, charset: str | None = None) -> str:
    """The text of an HTML page, decoded as a browser would.

    ``charset`` is the HTTP header's label, when known. Order: a BOM, valid UTF-8, then
    ``charset``, the page's own declaration and (with no usable label) the guesses of
    trafilatura's detector (charset_normalizer); every label goes through
    ``browser_codec``, so ISO-8859-1, Latin-1 and US-ASCII decode as Windows-1252.
    """
    labels = [charset, *declared_charsets(data)]
    if not any(browser_codec(label) for label in labels):
        from trafilatura.utils import detect_encoding

        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            labels += detect_encoding(data)
    return decode_declared(data, *labels)


def looks_like_html(text: str) -> bool:
    """True when a field value carries HTML markup (``<p>``, ``<br>``, ...)."""
    return bool(_HTML_HINT.search(text[:5000]))


def fragment_to_text(fragment: str) -> str:
    """Text of an HTML fragment, one paragraph per line (block elements end lines)."""
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # not parseable after all: keep the string
        return fragment
    for element in root.iter("br"):
        element.tail = "\n" + (element.tail or "")
    for element in root.iter("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6",
                             "blockquote", "tr"):
        element.tail = "\n" + (element.tail or "")
    return root.text_content()


def _declared_language(data: bytes) -> str | None:
    match = _LANG.search(data[:20_000])
    return match.group(1).decode("ascii").lower() if match else None


@dataclass(slots=True)
class Line:
    """One line of the extracted body and the kind of block it came from."""

    text: str
    kind: str  # p, head, list, quote, table, ...


def body_lines(body) -> list[Line]:
    """The lines of trafilatura's XML body, each with its block's tag."""
    from trafilatura.xml import xmltotxt

    lines = []
    for block in body:
        text = normalise(xmltotxt(block, False))
        lines += [Line(line, str(block.tag)) for line in text.split("\n") if line]
    return lines


def _tokens(text: str) -> list[str]:
    return [t.lower() for t in _WORD.findall(text)]


def _echoes(line: str, other: str) -> bool:
    """True when ``line`` repeats ``other``: the same words, a cut-off copy of it (5+
    words), or it plus at most three words (a site name: "Headline | Site")."""
    a, b = _tokens(line), _tokens(other)
    if not a or not b:
        return False
    if a == b:
        return True
    if len(a) < len(b):
        return len(a) >= 5 and b[: len(a)] == a
    return len(a) <= len(b) + 3 and a[: len(b)] == b


# A copy of the story (hidden markup, print versions): at least this many consecutive lines
# that repeat an earlier block line for line, at least half (and 3) paragraphs of 12+ words.
REPEAT_RUN = 4


def _repeated_runs(texts: list[str]) -> list[tuple[int, int]]:
    """``(start, length)`` of runs of lines that repeat an earlier run line for line.

    Each line is compared with the latest earlier line of the same text; ``match[i]`` is
    how many lines from ``i`` on repeat the lines from there (never reaching ``i``),
    computed from the end in one pass, so the time is linear in the number of lines.
    """
    latest: dict[str, int] = {}
    previous: list[int | None] = []
    for i, text in enumerate(texts):
        previous.append(latest.get(text))
        latest[text] = i
    match = [0] * (len(texts) + 1)
    for i in range(len(texts) - 1, -1, -1):
        j = previous[i]
        if j is not None:
            follows = i + 1 < len(texts) and previous[i + 1] == j + 1
            match[i] = min(1 + (match[i + 1] if follows else 0), i - j)
    long_before = [0]  # lines of 12+ words before each index
    for text in texts:
        long_before.append(long_before[-1] + (len(text.split()) >= 12))
    runs, i = [], 0
    while i < len(texts):
        best = match[i]
        long_lines = long_before[i + best] - long_before[i]
        if best >= REPEAT_RUN and long_lines >= max(3, best / 2):  # prose, not a repeated plan
            runs.append((i, best))
            i += best
        else:
            i += 1
    return runs


def tidy(lines: list[Line], *, title: str,
         rules: frozenset[str] = RULES) -> tuple[list[str], list[str]]:
    """``(story lines, removed lines)`` of an extracted body, by the module's rules."""
    keep = [True] * len(lines)
    if "headline" in rules:
        for i, line in enumerate(lines):
            if _echoes(line.text, title):
                keep[i] = False
    if "dateline" in rules:
        for i in [i for i, k in enumerate(keep) if k][:2]:
            if len(lines[i].text.split()) <= 15 and _DATE_OR_TIME.search(lines[i].text):
                keep[i] = False
            else:
                break
    if "repeat" in rules:
        for start, length in _repeated_runs([line.text for line in lines]):
            keep[start : start + length] = [False] * length
    if "debris" in rules:
        for i, line in enumerate(lines):
            if not _WORD.search(line.text):
                keep[i] = False
    story = [line.text for line, k in zip(lines, keep, strict=True) if k]
    removed = [line.text for line, k in zip(lines, keep, strict=True) if not k]
    return story, removed


def _is_prose(text: str) -> bool:
    """A sentence-like paragraph: 8+ words, ending in . ! ? or a closing quote."""
    return len(text.split()) >= 8 and text.rstrip().endswith((".", "!", "?", "\u201d", '"'))


def fill_gaps(lines: list[Line], fuller: list[Line]) -> list[Line]:
    """``lines`` with the lines of a fuller extraction that fall inside their span.

    Only sentence-like lines of ``fuller`` between its first and last line that ``lines``
    also has are taken (plus up to ``LEAD_LINES`` long ones right before that span: a
    cut-off lede): a paragraph the precise extractor skipped comes back, while menus and
    footers outside the story's span stay out.
    """
    have = {line.text for line in lines}
    shared = [i for i, line in enumerate(fuller) if line.text in have]
    if len(shared) < 2:
        return lines
    start = shared[0]
    while (start > 0 and shared[0] - start < LEAD_LINES and _is_prose(fuller[start - 1].text)
           and len(fuller[start - 1].text.split()) >= LEAD_WORDS):
        start -= 1  # a lede the precise extractor cut off, right before the shared span
    inside = fuller[start : shared[-1] + 1]
    missing = [line for line in inside if line.text not in have]
    if not missing:
        return lines
    known = "".join(_squash(line.text) for line in lines)
    after: dict[str | None, list[Line]] = {}  # missing lines, keyed by the line before them
    anchor = None
    for line in inside:
        if line.text in have:
            anchor = line.text
        elif _is_prose(line.text) and _squash(line.text)[:60] not in known:
            after.setdefault(anchor, []).append(line)
    merged: list[Line] = after.pop(None, [])
    for line in lines:
        merged.append(line)
        merged += after.pop(line.text, [])
    return merged


def _needs_retry(text: str) -> bool:
    """True when the fast extraction is too short or reads like a menu (mostly tiny lines)."""
    if count_words(text) < RETRY_WORDS:
        return True
    lines = [line for line in text.split("\n") if line.strip()]
    tiny = sum(len(line.split()) <= 4 for line in lines)
    return len(lines) >= 30 and tiny > 0.6 * len(lines)


def _squash(text: str) -> str:
    return re.sub(r"\W+", "", text).lower()


def _block_signature(element) -> tuple[str, str] | None:
    """``(tag, class)`` of the nearest classed ``div``/``section`` holding ``element``."""
    for ancestor in element.iterancestors("div", "section"):
        classes = (ancestor.get("class") or "").strip()
        if classes:
            return ancestor.tag, classes
    return None


def continued_body(raw: bytes, lines: list[Line]) -> list[Line]:
    """``lines`` plus the paragraphs of continuation containers the extractor left out.

    Sites often cut a long article into a few containers of the same tag and class with
    adverts in between, and the extractor may keep only the first. When the extracted
    paragraphs all sit in one such container, and the page has at most
    ``MAX_PARTS`` containers with that signature, the paragraphs of the later ones
    (each with at least ``MIN_PART_WORDS`` words, so footers and widgets that share a
    generic class stay out) are appended after the extracted text.
    """
    from trafilatura.utils import load_html

    texts = {line.text for line in lines}
    tree = load_html(raw)  # decoded as trafilatura decodes, so texts compare equal
    if tree is None:
        return lines
    found = [p for p in tree.iter("p") if normalise(p.text_content()) in texts]
    signatures = {_block_signature(p) for p in found}
    if len(signatures) != 1 or None in signatures:
        return lines
    tag, classes = signatures.pop()
    containers = [e for e in tree.iter(tag) if (e.get("class") or "").strip() == classes]
    if not 2 <= len(containers) <= MAX_PARTS:
        return lines
    first = next(i for i, c in enumerate(containers) if any(c in p.iterancestors() for p in found))
    known = "".join(_squash(line.text) for line in lines)
    extra = []
    for container in containers[first + 1 :]:
        nested = any(c in container.iterancestors() for c in containers[: first + 1])
        if nested or count_words(container.text_content()) < MIN_PART_WORDS:
            continue
        for p in container.iter("p"):
            text = normalise(p.text_content())
            if text and _squash(text) not in known:  # not already extracted (maybe split)
                known += _squash(text)
                extra.append(Line(text, "p"))
    return [*lines, *extra]


_START_TAG = re.compile(rb"<[A-Za-z]")
# Pages with more tags than this (4x the largest page of the Zyte benchmark, 5,535) are
# extracted once: the full-mode pass that fills gaps doubles the time of a big page.
GAP_PASS_TAGS = 20_000


def count_tags(raw: bytes, stop: int) -> int:
    """The number of start tags in a page, counted up to ``stop`` at most.

    Real news pages hold a few thousand; the parsers' time grows with the count (and
    faster on crafted pages), so the count decides the limits, without parsing.
    """
    count = 0
    for count, _ in enumerate(_START_TAG.finditer(raw), start=1):
        if count >= stop:
            break
    return count


def extract(data: bytes | str, *, url: str | None = None, key: str = "",
            rules: frozenset[str] = RULES, charset: str | None = None,
            max_elements: int | None = None) -> Outcome:
    """The article of one HTML page, or a ``Skip`` saying why there is none.

    ``charset`` is the label of the HTTP ``Content-Type`` header, when there was one;
    bytes are decoded by ``decode_page``. A page with more than ``max_elements`` tags
    is a skip (None: no limit); one with more than ``GAP_PASS_TAGS`` gets no gap-filling
    second pass.
    """
    import trafilatura

    raw = data.encode("utf-8") if isinstance(data, str) else data
    if not raw.strip():
        return Skip(key or None, "empty file" if not raw else "only whitespace, no text")
    if looks_binary(raw):
        return Skip(key or None, "binary content, not text")
    tags = count_tags(raw, max(max_elements or 0, GAP_PASS_TAGS) + 1)
    if max_elements is not None and tags > max_elements:
        return Skip(key or None, f"too many HTML elements: more than {max_elements:,} tags "
                                 "(Limits.max_elements)")
    if not isinstance(data, str):
        raw = decode_page(raw, charset).encode("utf-8")
    try:
        document, gap_source = None, None
        if FAST_FIRST:
            document = trafilatura.bare_extraction(raw, url=url, fast=True, **TRAFILATURA_OPTIONS)
        if document is None or document.body is None or _needs_retry(document.text or ""):
            document = trafilatura.bare_extraction(raw, url=url, **TRAFILATURA_OPTIONS)
        elif "gaps" in rules and tags <= GAP_PASS_TAGS:
            full = trafilatura.bare_extraction(raw, url=url, **TRAFILATURA_OPTIONS)
            if full is not None and full.body is not None:
                gap_source = body_lines(full.body)
    except Exception as error:  # trafilatura/lxml on a broken page
        return Skip(key or None, f"HTML could not be parsed: {type(error).__name__}: {error}")
    if document is None or document.body is None:
        return Skip(key or None, "no article text found in the HTML page")
    title = normalise(document.title or "")
    lines = body_lines(document.body)
    if gap_source is not None:
        lines = fill_gaps(lines, gap_source)
    if "continued" in rules:
        lines = continued_body(raw, lines)
    story, removed = tidy(lines, title=title, rules=rules)
    if count_words("\n".join(story)) < MIN_WORDS:  # a menu or a caption, not an article
        return Skip(key or None, "no article text found in the HTML page")
    categories = document.categories or []
    return Article(
        key=key,
        title=title or None,
        text="\n".join(story),
        outlet=document.sitename or None,
        author=document.author or None,
        published=published_time(raw, document.date or None),
        url=url or document.url or None,
        section=categories[0] if categories else None,
        language=_declared_language(raw),
        boilerplate=removed,
    )


# trafilatura (htmldate) keeps only the day of publication; the page's own
# machine-readable timestamp keeps the time and zone, so it wins when it names that day.
_PUBLISHED_META = re.compile(
    rb"<meta\b[^>]*?(?:property|name|itemprop)\s*=\s*[\"']"
    rb"(?:article:published_time|og:published_time|datePublished|pubdate)[\"'][^>]*>",
    re.IGNORECASE,
)
_META_CONTENT = re.compile(rb"content\s*=\s*[\"']([^\"']{10,40})[\"']", re.IGNORECASE)


def published_time(raw: bytes, day: str | None) -> str | None:
    """The page's published timestamp with time of day, if it agrees with ``day``."""
    for tag in _PUBLISHED_META.finditer(raw[:200_000]):
        content = _META_CONTENT.search(tag.group())
        if content:
            stamp = content.group(1).decode("ascii", "replace").strip()
            if day is None or stamp.startswith(day[:10]):
                return stamp
    return day


def read_html(source: Source, options: LoadOptions, tally: Tally) -> Iterator[Outcome]:
    """One article per HTML file."""
    yield extract(source.data, max_elements=options.limits.max_elements)
