"""Structured records: JSON (one object or a list), JSON Lines, CSV/TSV and Excel.

Each list item, line or row is one record; its fields are mapped to the table's columns
by ``analysis.loading.fields`` (documented there, overridable with ``fields=``). A record
without a text field is a skip whose reason names the fields found; a bad JSON line is a
skip and the other lines load. Record keys, 1-based: ``item N``, ``line N``, ``row N``
(spreadsheet numbering: the header is row 1). In a workbook, a merged range reads as
Excel shows it: its top-left value fills every cell of the range (an outlet merged down
three rows is the outlet of all three).

Limits and damage (see ``analysis.loading.model.Limits``):

- JSON nested deeper than ``max_json_depth`` is a skip ("nested too deep"), found by a
  linear scan before parsing; integers too long for Python's ``int`` (over 4,300 digits)
  are kept as their digit string.
- JSON Lines, CSV/TSV and XLSX are streamed from disk, a line or row at a time
  (``analysis.loading.lines``), never read whole.
- JSON Lines are split on ``\n`` only (U+2028 and U+2029 are legal inside a JSON string);
  a line over ``max_record_bytes`` bytes is a skip (and not read).
- CSV: the delimiter is the one of , ; tab | that gives the header's width to most of the
  first rows (``guess_delimiter``, linear time); a row with more than ``max_elements``
  cells is a skip; a CSV that breaks (an unclosed quote running to the end, a cell over
  ``max_record_bytes``) is one skip from that row on, the rows before it load.
- XLSX: a damaged workbook or sheet is a skip ("corrupt workbook"), the rows before the
  damage load; a row whose only cells are formulas without a saved value (a workbook
  written by a program that did not calculate them) is a skip saying so, not a blank row.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from analysis.loading.cleaning import NotText, decode
from analysis.loading.fields import as_text, field_map
from analysis.loading.files import open_source
from analysis.loading.formats.html import fragment_to_text, looks_like_html
from analysis.loading.lines import Lines, head_text, open_lines
from analysis.loading.model import Article, LoadOptions, Outcome, Part, Skip, Source, Tally

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


_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[\[{]+|[\]}]+')


def json_depth_over(text: str, limit: int) -> bool:
    """True when the arrays and objects of a JSON text nest deeper than ``limit``.

    One pass over strings and runs of brackets (strings are skipped whole), so linear.

    >>> json_depth_over('[[["]]]]]"]]]', 3), json_depth_over("[[[[1]]]]", 3)
    (False, True)
    """
    if text.count("[") + text.count("{") <= limit:
        return False
    depth = 0
    for token in _JSON_TOKEN.findall(text):
        if token[0] in "[{":
            depth += len(token)
            if depth > limit:
                return True
        elif token[0] != '"':
            depth -= len(token)
    return False


def _integer(digits: str) -> int | str:
    """A JSON integer; one too long for ``int`` (4,300+ digits) stays its digit string."""
    try:
        return int(digits)
    except ValueError:
        return digits


def parse_json(text: str, options: LoadOptions) -> object:
    """``json.loads`` within the limits; raises ``ValueError`` with a reason to skip."""
    limit = options.limits.max_json_depth
    if json_depth_over(text, limit):
        raise ValueError(f"nested too deep: more than {limit} levels of arrays and objects "
                         "(Limits.max_json_depth)")
    try:
        return json.loads(text, parse_int=_integer)
    except RecursionError as error:  # a limit set above what Python's parser can do
        raise ValueError(f"nested too deep for Python's JSON parser: {error}") from None


def read_json(source: Source, options: LoadOptions, tally: Tally) -> Iterator[Outcome]:
    """A JSON object (one article), a list of objects, or ``{"articles": [...]}``."""
    text = _text_or_skip(source)
    if isinstance(text, Skip):
        yield text
        return
    try:
        data = parse_json(text, options)
    except json.JSONDecodeError as error:
        yield Skip(None, f"malformed JSON: {error}")
        return
    except ValueError as error:
        yield Skip(None, str(error))
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
    tally.add(len(data))
    for number, item in enumerate(data, start=1):
        key = f"item {number}"
        if isinstance(item, dict):
            yield record_to_article(item, key, options)
        else:
            yield Skip(key, f"list item is a {type(item).__name__}, not a JSON object")


def _streamed(source: Source, universal: bool,
              read: Callable[[Lines, bytes], Iterator[Outcome]]) -> Iterator[Outcome]:
    """``read(lines, head)`` over the file's lines (``analysis.loading.lines``), or the
    skip of a file that is empty, only whitespace or binary (once, with its first part)."""
    with open_source(source) as handle:
        opened = open_lines(handle, universal=universal)
        if isinstance(opened, Skip):
            if not source.continues:
                yield opened
            return
        yield from read(*opened)


def read_jsonl(source: Source, options: LoadOptions, tally: Tally) -> Iterator[Outcome]:
    """JSON Lines: one object per non-blank line; a bad line is skipped, the rest load.

    Streamed a line at a time (``analysis.loading.lines``), only ``source.part`` if set.
    """
    part, limit = source.part, options.limits.max_record_bytes
    start, end, first = (part.start, part.end, part.first) if part else (0, None, 1)

    def records(lines: Lines, head: bytes) -> Iterator[Outcome]:
        for number, (_, line) in enumerate(lines.read(start, end, limit), start=first):
            if line is not None and not line.strip():
                continue
            tally.add()
            yield _line_outcome(line, f"line {number}", limit, options)

    yield from _streamed(source, False, records)


def _line_outcome(line: str | None, key: str, limit: int, options: LoadOptions) -> Outcome:
    """The record of one JSON line (None: a line over ``limit`` bytes, not read)."""
    if line is None:
        return Skip(key, f"too large: line over the limit of {limit:,} bytes")
    try:
        item = parse_json(line, options)
    except json.JSONDecodeError as error:
        return Skip(key, f"malformed JSON line: {error}")
    except ValueError as error:
        return Skip(key, str(error))
    if isinstance(item, dict):
        return record_to_article(item, key, options)
    return Skip(key, f"line holds a {type(item).__name__}, not a JSON object")


DELIMITERS = ",;\t|"
SAMPLE_ROWS = 20  # rows of a CSV that decide its delimiter
SAMPLE_CHARS = 65_536


def guess_delimiter(text: str) -> str:
    """The delimiter among , ; tab | that splits most of the first rows as wide as the
    header (at least two columns); "," when none does. Linear in the sample (the standard
    library's ``csv.Sniffer`` backtracks: 30 s on a crafted 64 KB sample).

    >>> guess_delimiter("a;b;c\\n1;2,5;3\\n"), guess_delimiter("just text")
    (';', ',')
    """
    sample = text[:SAMPLE_CHARS]
    if len(text) > SAMPLE_CHARS:
        sample = sample[: sample.rfind("\n") + 1]  # whole rows only
    best, best_score = ",", (0, 0)
    for delimiter in DELIMITERS:
        try:
            rows = [r for r in itertools.islice(
                csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter),
                SAMPLE_ROWS) if r]
        except csv.Error:
            continue
        width = len(rows[0]) if rows else 0
        score = (sum(len(r) == width for r in rows), width) if width > 1 else (0, 0)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _row_outcome(names: list[str], key: str, cells: list[object],
                 options: LoadOptions) -> Outcome:
    limit = options.limits.max_elements
    if len(cells) > limit:
        return Skip(key, f"too many cells: {len(cells):,} > {limit:,} (Limits.max_elements)")
    if len(cells) > len(names):
        return Skip(key, f"row has {len(cells)} cells, the header only {len(names)}")
    record = {name: cell for name, cell in zip(names, cells, strict=False) if name}
    return record_to_article(record, key, options)


def _is_blank(cells: list[object]) -> bool:
    return not any(c is not None and str(c).strip() for c in cells)


def _rows(header: list[object], rows: Iterator[tuple[str, list[object] | Skip]],
          options: LoadOptions, tally: Tally, whole: bool = True) -> Iterator[Outcome]:
    """The records of a table's data rows (blank rows are not records; a ``Skip`` in
    place of the cells is a row that could not be read). ``whole``: the rows are all of
    the table (a table without any is a skip), not a part of it."""
    names = [str(h).strip() if h is not None else "" for h in header]
    seen = False
    for key, cells in rows:
        if not isinstance(cells, Skip) and _is_blank(cells):
            continue
        seen = True
        tally.add()
        yield cells if isinstance(cells, Skip) else _row_outcome(names, key, cells, options)
    if not seen and whole:
        yield Skip(None, "no data rows (header only)" if names else "no rows")


def _csv_rows(reader: Iterator[list[str]],
              number: int = 2) -> Iterator[tuple[str, list[object] | Skip]]:
    """``(row N, cells)`` from row ``number`` to the end; where the CSV breaks, one
    ``Skip`` and the end."""
    while True:
        try:
            cells = next(reader, None)
        except csv.Error as error:
            yield f"row {number}", Skip(f"row {number}",
                                        f"malformed CSV from this row on: {error}")
            return
        if cells is None:
            return
        yield f"row {number}", cells
        number += 1


def csv_reader(lines: Iterable[str], sample: str, extension: str,
               max_cell: int) -> Iterator[list[str]]:
    """``csv.reader`` over ``lines`` with the file's delimiter (tab for ``tsv``, else
    guessed from ``sample``, the head of the file) and a cell limit of ``max_cell``."""
    delimiter = "\t" if extension == "tsv" else guess_delimiter(sample)
    csv.field_size_limit(max_cell)
    # strict: a quote left open at the end of the file is an error, not one huge last cell
    # swallowing every row after it
    return csv.reader(lines, delimiter=delimiter, strict=True)


def read_csv(source: Source, options: LoadOptions, tally: Tally) -> Iterator[Outcome]:
    """CSV or TSV with a header row (delimiter guessed among , ; tab |).

    Streamed a row at a time (``analysis.loading.lines``); for ``source.part``, the
    header, then the rows of that part.
    """
    part, limit = source.part, options.limits.max_record_bytes
    end = part.end if part is not None else None

    def records(lines: Lines, head: bytes) -> Iterator[Outcome]:
        sample = head_text(head, lines)
        # the header and (for a whole file or its first part) the rows after it
        reader = csv_reader((line for _, line in lines.read(0, None if source.continues
                                                            else end)),
                            sample, source.extension, limit)
        try:
            header = next(reader)
        except csv.Error as error:
            yield Skip(None, f"malformed CSV header: {error}")
            return
        except StopIteration:
            yield Skip(None, "no rows")
            return
        first = 2
        if source.continues:  # a later part: its own rows, numbered as in the whole file
            reader = csv_reader((line for _, line in lines.read(part.start, end)), sample,
                                source.extension, limit)
            first = part.first
        yield from _rows(header, _csv_rows(reader, first), options, tally,
                         whole=not source.continues)

    yield from _streamed(source, True, records)


# A merged range: (first column, first row, last column, last row), 1-based, inclusive.
MergedRange = tuple[int, int, int, int]


@dataclass(frozen=True, slots=True)
class SheetLayout:
    """What read-only openpyxl does not say about a sheet: merged ranges, formula rows."""

    ranges: list[MergedRange]
    formula_rows: frozenset[int]  # rows (1-based) with a cell that holds a formula


def sheet_layout(archive: zipfile.ZipFile, part: str) -> SheetLayout:
    """The merged ranges and formula rows of one worksheet part of an ``.xlsx`` archive.

    Read-only openpyxl streams rows and never reads ``<mergeCells>``, and with
    ``data_only`` a formula without a saved value reads as an empty cell; this reads only
    those elements (openpyxl's XML parser: defusedxml when installed), clearing the rows
    it passes, so a large sheet costs no memory.
    """
    from openpyxl.utils.cell import range_boundaries
    from openpyxl.xml.constants import SHEET_MAIN_NS
    from openpyxl.xml.functions import iterparse

    merge_tag, row_tag = f"{{{SHEET_MAIN_NS}}}mergeCell", f"{{{SHEET_MAIN_NS}}}row"
    formula_tag = f"{{{SHEET_MAIN_NS}}}f"
    ranges, formulas = [], set()
    with archive.open(part.lstrip("/")) as stream:
        for _, element in iterparse(stream):
            if element.tag == merge_tag:
                try:
                    ranges.append(range_boundaries(element.get("ref", "")))
                except (TypeError, ValueError):
                    continue  # a malformed reference merges nothing
            elif element.tag == row_tag:
                if element.find(f".//{formula_tag}") is not None:
                    formulas.add(int(element.get("r", "0") or 0))
                element.clear()
    ranges = [r for r in ranges if None not in r and (r[0], r[1]) != (r[2], r[3])]
    return SheetLayout(ranges, frozenset(formulas))


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


NO_SAVED_VALUES = ("only formulas without saved values (the program that wrote the "
                   "workbook did not compute them; open and save it in a spreadsheet)")


def _sheet_rows(sheet, layout: SheetLayout,
                prefix: str) -> Iterator[tuple[str, list[object] | Skip]]:
    """``(key, cells)`` of a sheet from row 1; a ``Skip`` for a formula-only row, and
    one ``Skip`` (then the end) where the sheet is damaged."""
    number = 0
    rows = fill_merged(sheet.iter_rows(values_only=True), layout.ranges)
    while True:
        number += 1
        key = f"{prefix}row {number}"
        try:
            cells = next(rows, None)
        except Exception as error:  # openpyxl and its XML parser raise many types
            yield key, Skip(key, f"corrupt workbook from this row on: "
                                 f"{type(error).__name__}: {error}")
            return
        if cells is None:
            return
        if number > 1 and number in layout.formula_rows and _is_blank(cells):
            yield key, Skip(key, NO_SAVED_VALUES)
        else:
            yield key, cells


def _sheet_records(sheet, archive: zipfile.ZipFile, prefix: str, options: LoadOptions,
                   tally: Tally) -> Iterator[Outcome]:
    try:
        layout = sheet_layout(archive, sheet._worksheet_path)
    except Exception:  # a damaged sheet part: its rows report the damage below
        layout = SheetLayout([], frozenset())
    rows = _sheet_rows(sheet, layout, prefix)
    first = next(rows, None)
    if first is None:
        return
    _, header = first
    if isinstance(header, Skip):
        tally.add()
        yield header
        return
    yield from _rows(header, rows, options, tally)


def read_xlsx(source: Source, options: LoadOptions, tally: Tally) -> Iterator[Outcome]:
    """Excel ``.xlsx``: every sheet, header in row 1; keys ``row N`` (``Sheet row N``).

    Merged cells are filled from their top-left cell (``fill_merged``). Rows are
    streamed (openpyxl's read-only mode) from the file on disk.
    """
    import openpyxl

    with open_source(source) as handle, open_source(source) as layout_handle:
        try:
            archive = zipfile.ZipFile(layout_handle)
            book = openpyxl.load_workbook(handle, read_only=True, data_only=True)
        except Exception as error:  # openpyxl raises many types for a broken file
            yield Skip(None, f"corrupt workbook: {type(error).__name__}: {error}")
            return
        try:
            several = len(book.worksheets) > 1
            for sheet in book.worksheets:
                prefix = f"{sheet.title} " if several else ""
                yield from _sheet_records(sheet, archive, prefix, options, tally)
        finally:
            book.close()
            archive.close()


# --- parts of a big file (the streaming command's chunks) ---------------------------

LINE_FORMATS = frozenset({"jsonl", "ndjson"})
ROW_FORMATS = frozenset({"csv", "tsv"})


def cut(path: Path, part_bytes: int, *, limit: int) -> list[Part]:
    """Where the JSON Lines or CSV/TSV file ``path`` can be cut into parts of about
    ``part_bytes`` bytes; ``[]`` when it is not cut (small, UTF-16, binary, another
    format). ``limit``: ``Limits.max_record_bytes`` (a longer JSON line is not read,
    a longer CSV cell ends the rows).

    For the streaming command (``analysis.scale.streaming.plan_chunks``): a cut falls after
    a line of JSON Lines, after a data row of a CSV (found by ``csv.reader`` itself, so
    a quoted cell holding line breaks is never cut). Each ``Part`` knows the number of
    its first line or row, so its records keep the keys (``line 120``, ``row 40``) and
    ``article_id`` they have in a load of the whole file. Reads the file once, a line at
    a time. A CSV that breaks (``csv.Error``) is not cut after the break: its last part
    runs to the end, where the reader reports it. Raises ``OSError`` when the file
    cannot be read.
    """
    extension = path.suffix.lower().lstrip(".")
    if extension not in LINE_FORMATS | ROW_FORMATS or path.stat().st_size <= part_bytes:
        return []
    with path.open("rb") as handle:
        opened = open_lines(handle, universal=extension in ROW_FORMATS)
        if isinstance(opened, Skip) or opened[0].utf16:
            return []
        lines, head = opened
        if extension in LINE_FORMATS:
            ends = ((end, number) for number, (end, _)
                    in enumerate(lines.read(limit=limit), start=2))
        else:
            ends = _row_ends(lines, head, extension, limit)
        parts, start, first = [], 0, 1
        for end, following in ends:
            if end - start >= part_bytes:
                parts.append(Part(start, end, first))
                start, first = end, following
    size = path.stat().st_size
    if parts and start < size:
        parts.append(Part(start, size, first))
    return parts if len(parts) > 1 else []


def _row_ends(lines: Lines, head: bytes, extension: str,
              limit: int) -> Iterator[tuple[int, int]]:
    """``(offset after a CSV data row, number of the row after it)``."""
    position = [0]

    def feed() -> Iterator[str]:
        for end, line in lines.read():
            position[0] = end
            yield line

    reader = csv_reader(feed(), head_text(head, lines), extension, limit)
    number = 1
    try:
        for _ in reader:
            number += 1
            if number > 2:  # never right after the header
                yield position[0], number
    except csv.Error:
        return
