"""Table files: CSV and Excel files that open safely and readably in a spreadsheet, and
Parquet.

Every table file the product writes goes through this module's one writer,
``write_table(table, path)`` (the format from the suffix: ``.csv``, ``.xlsx``,
``.parquet``; written atomically: a temporary file, then ``os.replace``), or
``write_workbook`` for several tables in one ``.xlsx``: the tables and workbook of
``reports/data``, the coding sheets, the parts of ``python -m analysis profile`` and of
``engines.write_parquet``. For CSV and Excel:

- **No formula injection** (OWASP, "CSV Injection"): a text cell that begins with ``=``,
  ``+``, ``-``, ``@``, a tab or a carriage return is prefixed with ``'``, so a headline
  such as ``=HYPERLINK(...)`` is shown as text and never evaluated. Numbers stay numbers:
  only text cells change. In Excel files every text cell is written as a string cell,
  never as a formula.
- **Control characters are cleaned, not fatal**: C0 control characters other than tab,
  newline and carriage return (which Excel files cannot hold) become U+FFFD, one for one,
  so character offsets into the text stay right.
- **CSV opens in Excel on Windows**: UTF-8 with a byte-order mark (``utf-8-sig``), ``\\n``
  line ends. pandas, R and LibreOffice read the mark transparently.
- **Deterministic**: the same tables give byte-identical files (the workbook's zip entries
  and document properties carry a fixed date).

>>> neutralise_text("=1+1")
"'=1+1"
>>> neutralise_text("Kadyrov said")
'Kadyrov said'
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import zipfile
from collections.abc import Callable, Mapping
from pathlib import Path

import pandas as pd

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
# Excel's limit for one cell; longer texts are cut with a visible marker.
EXCEL_CELL_LIMIT = 32_767
CUT_MARK = " [... cut: the cell limit of Excel; the CSV has the whole text]"
FIXED_TIME = dt.datetime(2000, 1, 1)
MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def neutralise_text(value: str) -> str:
    """``value`` with control characters replaced and a ``'`` before a formula start."""
    value = CONTROL.sub("\ufffd", value)
    return "'" + value if value.startswith(FORMULA_START) else value


def neutralise(table: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``table`` whose text cells are safe for a spreadsheet (numbers untouched)."""
    safe = table.copy()
    for column in safe.columns:
        values = safe[column]
        if pd.api.types.is_numeric_dtype(values) or pd.api.types.is_bool_dtype(values):
            continue
        if isinstance(values.dtype, pd.DatetimeTZDtype) or pd.api.types.is_datetime64_dtype(
                values):
            continue
        safe[column] = values.map(lambda v: neutralise_text(v) if isinstance(v, str) else v)
    return safe


def csv_bytes(table: pd.DataFrame) -> bytes:
    """A safe UTF-8 CSV with a byte-order mark, as ``write_table`` writes it (and for
    downloads)."""
    return neutralise(table).to_csv(index=False, lineterminator="\n").encode("utf-8-sig")


def _cell(value: object) -> object:
    """A value as the workbook holds it: blanks for missing, naive UTC times, cut text."""
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp):
        return (value.tz_convert("UTC").tz_localize(None) if value.tzinfo else value) \
            .to_pydatetime()
    if isinstance(value, float | int | bool | str):
        if isinstance(value, float) and value != value:
            return None
        if isinstance(value, str) and len(value) > EXCEL_CELL_LIMIT:
            return value[:EXCEL_CELL_LIMIT - len(CUT_MARK)] + CUT_MARK
        return value
    if pd.isna(value):
        return None
    return value.item() if hasattr(value, "item") else str(value)


def sheet_name(name: str, taken: set[str]) -> str:
    """An Excel sheet name: at most 31 characters, no ``[]:*?/\\``, unique in ``taken``."""
    base = re.sub(r"[\[\]:*?/\\]", "_", name)[:31] or "sheet"
    candidate, number = base, 2
    while candidate.lower() in taken:
        suffix = f"_{number}"
        candidate, number = base[:31 - len(suffix)] + suffix, number + 1
    taken.add(candidate.lower())
    return candidate


def workbook_bytes(sheets: Mapping[str, pd.DataFrame]) -> bytes:
    """One workbook, one sheet per table, every text cell a string (never a formula)."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    taken: set[str] = set()
    for name, table in sheets.items():
        sheet = book.create_sheet(sheet_name(name, taken))
        sheet.append([str(c) for c in table.columns])
        for row in neutralise(table).itertuples(index=False, name=None):
            sheet.append([_cell(v) for v in row])
        for cells in sheet.iter_rows(min_row=1):
            for cell in cells:
                if isinstance(cell.value, str):
                    cell.data_type = "s"  # a string, whatever its first character
        sheet.freeze_panes = "A2"
    book.properties.created = book.properties.modified = FIXED_TIME
    raw = io.BytesIO()
    book.save(raw)
    return _fixed_zip_times(raw.getvalue())


def _fixed_zip_times(data: bytes) -> bytes:
    """The same zip with every entry, and the document's modified date, at ``FIXED_TIME``
    (byte-identical rebuilds)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            data = source.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps "modified" on save
                data = MODIFIED.sub(rb"\g<1>" + FIXED_TIME.strftime(
                    "%Y-%m-%dT%H:%M:%SZ").encode() + rb"\g<2>", data)
            target.writestr(fixed, data)
    return out.getvalue()


def write_atomically(path: str | Path, write: Callable[[Path], object]) -> Path:
    """Call ``write(temporary path)`` in ``path``'s folder (made if needed), then move the
    file to ``path`` with ``os.replace``: a reader sees the old file or the new one, never
    half of one. Returns ``path``; raises ``OSError`` when the folder cannot be written
    (the temporary file is removed)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        write(tmp)
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
    return path


def part_name(index: int, fmt: str) -> str:
    """The file name of part ``index`` of a table written in parts (``part-00003.parquet``):
    the parts of ``python -m analysis profile`` and of ``engines.write_parquet``."""
    return f"part-{index:05d}.{fmt}"


def write_table(table: pd.DataFrame, path: str | Path) -> Path:
    """Write ``table`` to ``path`` in the format its suffix names, atomically; return it.

    ``.csv``: ``csv_bytes`` (safe cells, UTF-8 with a byte-order mark, ``\n`` line
    ends); ``.xlsx``: a one-sheet ``workbook_bytes``; ``.parquet``: pyarrow, without the
    index (dtypes kept). Raises ``ValueError`` for another suffix, ``OSError`` when the
    file cannot be written.
    """
    suffix = Path(path).suffix.lower()
    if suffix == ".csv":
        return write_atomically(path, lambda tmp: tmp.write_bytes(csv_bytes(table)))
    if suffix == ".xlsx":
        return write_workbook({Path(path).stem: table}, path)
    if suffix == ".parquet":
        return write_atomically(path, lambda tmp: table.to_parquet(tmp, index=False))
    raise ValueError(f"cannot write a table as {suffix or 'a file without a suffix'}: "
                     "use .csv, .xlsx or .parquet")


def write_workbook(sheets: Mapping[str, pd.DataFrame], path: str | Path) -> Path:
    """Write ``sheets`` as one safe ``.xlsx`` workbook, atomically; return the path."""
    data = workbook_bytes(sheets)
    return write_atomically(path, lambda tmp: tmp.write_bytes(data))
