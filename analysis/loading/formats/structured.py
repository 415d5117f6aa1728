"""Structured records: JSON (one object or a list), JSON Lines, CSV/TSV and Excel.

Each list item, line or row is one record; its fields are mapped to the table's columns
by ``analysis.loading.fields`` (documented there, overridable with ``fields=``). A record
without a text field is a skip whose reason names the fields found; a bad JSON line is a
skip and the other lines load. Record keys, 1-based: ``item N``, ``line N``, ``row N``
(spreadsheet numbering: the header is row 1). In a workbook, a merged range reads as
Excel shows it: its top-left value fills every cell of the range (an outlet merged down
three rows is the outlet of all three).
"""

from __future__ import annotations

import csv
import io
import json
import sys
import zipfile
from collections.abc import Iterable, Iterator, Mapping

from analysis.loading.cleaning import NotText, decode
from analysis.loading.fields import as_text, field_map
from analysis.loading.formats.html import fragment_to_text, looks_like_html
from analysis.loading.model import Article, LoadOptions, Outcome, Skip, Source

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))

# When a JSON file is an object holding the records in a list under one of these keys.
LIST_KEYS = ("articles", "items", "records", "data", "results", "documents", "docs", "rows")


def record_to_article(
    record: Mapping[str, object], key: str, options: LoadOptions
) -> Outcome:
    """One mapped record, or a ``Skip`` naming the fields found when there is no text."""
    mapping = field_map(list(record), options.fields)
    if "text" not in mapping:
        found = ", ".join(str(k) for k in record) or "none"
        return Skip(key, f"no text field; fields found: {found}")
    values = {column: record.get(source) for column, source in mapping.items()}
    text = as_text(values.get("text"))
    if not text:
        return Skip(key, f"empty text field {mapping['text']!r}")
    if looks_like_html(text):
        text = fragment_to_text(text)
    published = values.get("published")
    return Article(
        key=key,
        title=as_text(values.get("title")),
        text=text,
        outlet=as_text(values.get("outlet")),
        author=as_text(values.get("author")),
        published=published if not isinstance(published, list | dict) else as_text(published),
        url=as_text(values.get("url")),
        section=as_text(values.get("section")),
        language=as_text(values.get("language")),
    )


def _text_or_skip(source: Source) -> str | Skip:
    if not source.data.strip():
        return Skip(None, "empty file" if not source.data else "only whitespace, no text")
    try:
        return decode(source.data)
    except NotText as error:
        return Skip(None, str(error))


def read_json(source: Source, options: LoadOptions) -> Iterator[Outcome]:
    """A JSON object (one article), a list of objects, or ``{"articles": [...]}``."""
    text = _text_or_skip(source)
    if isinstance(text, Skip):
        yield text
        return
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        yield Skip(None, f"malformed JSON: {error}")
        return
    if isinstance(data, dict) and "text" not in field_map(list(data), options.fields):
        lists = [data[k] for k in data if str(k).lower() in LIST_KEYS and isinstance(data[k], list)]
        if lists:
            data = lists[0]
    if isinstance(data, dict):
        yield record_to_article(data, "", options)
        return
    if not isinstance(data, list):
        yield Skip(None, f"JSON holds a {type(data).__name__}, not an object or a list")
        return
    if not data:
        yield Skip(None, "empty JSON list, no records")
    for number, item in enumerate(data, start=1):
        key = f"item {number}"
        if isinstance(item, dict):
            yield record_to_article(item, key, options)
        else:
            yield Skip(key, f"list item is a {type(item).__name__}, not a JSON object")


def read_jsonl(source: Source, options: LoadOptions) -> Iterator[Outcome]:
    """JSON Lines: one object per non-blank line; a bad line is skipped, the rest load."""
    text = _text_or_skip(source)
    if isinstance(text, Skip):
        yield text
        return
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        key = f"line {number}"
        try:
            item = json.loads(line)
        except json.JSONDecodeError as error:
            yield Skip(key, f"malformed JSON line: {error}")
            continue
        if isinstance(item, dict):
            yield record_to_article(item, key, options)
        else:
            yield Skip(key, f"line holds a {type(item).__name__}, not a JSON object")


def _delimiter(text: str, extension: str) -> str:
    if extension == "tsv":
        return "\t"
    try:
        return csv.Sniffer().sniff(text[:65_536], delimiters=",;\t|").delimiter
    except csv.Error:
        return ","


def _rows(header: list[object], rows: Iterator[tuple[str, list[object]]],
          options: LoadOptions) -> Iterator[Outcome]:
    names = [str(h).strip() if h is not None else "" for h in header]
    seen = False
    for key, cells in rows:
        if not any(c is not None and str(c).strip() for c in cells):
            continue  # blank row
        seen = True
        if len(cells) > len(names):
            yield Skip(key, f"row has {len(cells)} cells, the header only {len(names)}")
            continue
        record = {name: cell for name, cell in zip(names, cells, strict=False) if name}
        yield record_to_article(record, key, options)
    if not seen:
        yield Skip(None, "no data rows (header only)" if names else "no rows")


def read_csv(source: Source, options: LoadOptions) -> Iterator[Outcome]:
    """CSV or TSV with a header row (delimiter sniffed among , ; tab |)."""
    text = _text_or_skip(source)
    if isinstance(text, Skip):
        yield text
        return
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text, source.extension))
    try:
        header = next(reader)
        rows = [(f"row {number}", row) for number, row in enumerate(reader, start=2)]
    except csv.Error as error:
        yield Skip(None, f"malformed CSV: {error}")
        return
    yield from _rows(header, iter(rows), options)


# A merged range: (first column, first row, last column, last row), 1-based, inclusive.
MergedRange = tuple[int, int, int, int]


def merged_ranges(archive: zipfile.ZipFile, part: str) -> list[MergedRange]:
    """The merged ranges of one worksheet part of an ``.xlsx`` archive.

    Read-only openpyxl streams rows and never reads ``<mergeCells>``; this reads only
    those elements (openpyxl's XML parser: defusedxml when installed), clearing the rows
    it passes, so a large sheet costs no memory.
    """
    from openpyxl.utils.cell import range_boundaries
    from openpyxl.xml.constants import SHEET_MAIN_NS
    from openpyxl.xml.functions import iterparse

    merge_tag, row_tag = f"{{{SHEET_MAIN_NS}}}mergeCell", f"{{{SHEET_MAIN_NS}}}row"
    ranges = []
    with archive.open(part.lstrip("/")) as stream:
        for _, element in iterparse(stream):
            if element.tag == merge_tag:
                try:
                    ranges.append(range_boundaries(element.get("ref", "")))
                except (TypeError, ValueError):
                    continue  # a malformed reference merges nothing
            elif element.tag == row_tag:
                element.clear()
    return [r for r in ranges if None not in r and (r[0], r[1]) != (r[2], r[3])]


def fill_merged(rows: Iterable[tuple[object, ...]],
                ranges: list[MergedRange]) -> Iterator[list[object]]:
    """``rows`` (from row 1) with the top-left value of each merged range in all its cells.

    A row with no value of its own stays blank (a merged cell alone is not a record), and
    in row 1, the header, only the top-left cell keeps the name (no duplicate columns).
    """
    values: dict[MergedRange, object] = {}
    for number, row in enumerate(rows, start=1):
        cells = list(row)
        own = any(c is not None and str(c).strip() for c in cells)
        for merged in ranges:
            first_col, first_row, last_col, last_row = merged
            if number == first_row:
                values[merged] = cells[first_col - 1] if first_col <= len(cells) else None
            if not first_row <= number <= last_row or not own or number == 1:
                continue
            if len(cells) < last_col:
                cells += [None] * (last_col - len(cells))
            for column in range(first_col, last_col + 1):
                cells[column - 1] = values.get(merged)
        yield cells


def read_xlsx(source: Source, options: LoadOptions) -> Iterator[Outcome]:
    """Excel ``.xlsx``: every sheet, header in row 1; keys ``row N`` (``Sheet row N``).

    Merged cells are filled from their top-left cell (``fill_merged``).
    """
    import openpyxl

    try:
        archive = zipfile.ZipFile(io.BytesIO(source.data))
        book = openpyxl.load_workbook(io.BytesIO(source.data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many types for a broken file
        yield Skip(None, f"unreadable xlsx workbook: {type(error).__name__}: {error}")
        return
    try:
        several = len(book.worksheets) > 1
        for sheet in book.worksheets:
            prefix = f"{sheet.title} " if several else ""
            try:
                ranges = merged_ranges(archive, sheet._worksheet_path)
            except Exception:  # a damaged sheet part: its rows report the damage below
                ranges = []
            rows = fill_merged(sheet.iter_rows(values_only=True), ranges)
            header = next(rows, None)
            if header is None:
                continue
            numbered = ((f"{prefix}row {n}", r) for n, r in enumerate(rows, start=2))
            yield from _rows(header, numbered, options)
    finally:
        book.close()
        archive.close()
