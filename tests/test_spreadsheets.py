"""Every CSV and Excel file the product writes is safe in a spreadsheet (issue 15).

The case file ``../shared/cases/loading/formula_title.csv`` has a headline
``=HYPERLINK(...)`` and an author ``@SUM(1,1)``: in ``reports/data``, in the workbook and
in the hand-coding files they must stay text, with a leading ``'``.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

import analysis
from analysis.paths import REPO_ROOT
from analysis.present.coding import export_for_coding
from analysis.present.explore import download_link
from analysis.present.export import write_tables
from analysis.tables.spreadsheets import neutralise, neutralise_text, workbook_bytes, write_table

FORMULA_CASE = REPO_ROOT.parent / "shared" / "cases" / "loading" / "formula_title.csv"
DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


@pytest.fixture(scope="module")
def formula_case():
    if not FORMULA_CASE.is_file():
        pytest.skip(f"needs the case file {FORMULA_CASE} (../shared/cases, absent in a clone)")
    return FORMULA_CASE


@pytest.mark.parametrize(("value", "expected"), [
    ("=1+1", "'=1+1"), ("+44 20", "'+44 20"), ("-5 degrees", "'-5 degrees"),
    ("@SUM(1,1)", "'@SUM(1,1)"), ("\tx", "'\tx"), ("\rx", "'\rx"),
    ("Kadyrov said", "Kadyrov said"), ("a\x00b\x1fc", "a\ufffdb\ufffdc"),
    ("line\nbreak", "line\nbreak"),
])
def test_text_cells_are_neutralised(value, expected):
    assert neutralise_text(value) == expected


def test_numbers_stay_numbers():
    table = pd.DataFrame({"n": [-5, 3], "x": [-0.5, 1.0], "t": ["-5", "ok"]})
    safe = neutralise(table)
    assert safe["n"].tolist() == [-5, 3] and safe["x"].tolist() == [-0.5, 1.0]
    assert safe["t"].tolist() == ["'-5", "ok"]


def test_csv_has_a_byte_order_mark(tmp_path):
    path = write_table(pd.DataFrame({"title": ["Zoë's café"]}), tmp_path / "a.csv")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and "Zoë's café".encode() in raw


def _cells(data: bytes) -> list:
    book = load_workbook(io.BytesIO(data))
    return [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]


def test_workbook_cells_are_strings_never_formulas():
    table = pd.DataFrame({"title": ["=HYPERLINK(\"x\")", "ok\x07"], "n": [1, -2]})
    cells = _cells(workbook_bytes({"t": table}))
    assert not [c for c in cells if c.data_type == "f"]
    values = [c.value for c in cells]
    assert "'=HYPERLINK(\"x\")" in values and "ok\ufffd" in values and -2 in values


def test_workbook_is_byte_identical_on_rebuild():
    table = pd.DataFrame({"a": ["x"], "when": [pd.Timestamp("2025-01-01", tz="UTC")]})
    first, second = workbook_bytes({"t": table}), workbook_bytes({"t": table})
    assert first == second
    book = zipfile.ZipFile(io.BytesIO(first))
    assert all(i.date_time == (2000, 1, 1, 0, 0, 0) for i in book.infolist())
    core = book.read("docProps/core.xml").decode()
    assert "2000-01-01T00:00:00Z</dcterms:modified>" in core  # not the time of the save


def _no_dangerous_text(frame: pd.DataFrame, where: str) -> None:
    for column in frame.columns:
        for value in frame[column]:
            if isinstance(value, str):
                assert not value.startswith(DANGEROUS), f"{where}: {column}={value!r}"


def test_report_tables_of_the_formula_case_are_safe(formula_case, tmp_path):
    written = write_tables(formula_case, tmp_path)
    csvs = [p for p in written if p.suffix == ".csv"]
    for path in csvs:
        assert path.read_bytes().startswith(b"\xef\xbb\xbf"), path.name
        _no_dangerous_text(pd.read_csv(path, dtype=str, encoding="utf-8-sig"), path.name)
    articles = pd.read_csv(tmp_path / "articles.csv", dtype=str, encoding="utf-8-sig")
    assert articles.loc[0, "title"].startswith("'=HYPERLINK(")
    assert articles.loc[0, "author"] == "'@SUM(1,1)"
    attributions = pd.read_csv(tmp_path / "attributions.csv", encoding="utf-8-sig")
    assert {"title", "outlet", "date", "sentence", "correct?"} <= set(attributions.columns)
    assert (attributions["title"].str.startswith("'=")).all()
    cells = _cells((tmp_path / "tables.xlsx").read_bytes())
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert any(c.value == "'@SUM(1,1)" for c in cells)


def test_hand_coding_files_of_the_formula_case_are_safe(formula_case, tmp_path):
    articles = analysis.load_articles(formula_case)
    quotes = analysis.quotes(articles)
    assert len(quotes), "the case's '=1+1' quote should be found"
    sample = export_for_coding(quotes, tmp_path / "coding", n=5, seed=0, articles=articles)
    for name in sample.attrs["files"]:
        if name.endswith(".csv"):
            _no_dangerous_text(pd.read_csv(name, dtype=str, encoding="utf-8-sig"), name)
        else:
            cells = _cells(Path(name).read_bytes())
            assert not [c for c in cells if c.data_type == "f"]
            assert not [c.value for c in cells
                        if isinstance(c.value, str) and c.value.startswith(DANGEROUS)]


def test_control_characters_do_not_stop_a_coding_export(tmp_path):
    articles = pd.DataFrame({"article_id": ["a"], "title": ["T"],
                             "text": ['"We won\x0b," she said. It \x01rained.']})
    sample = export_for_coding(analysis.quotes(articles), tmp_path / "c", n=3,
                               articles=articles)
    assert len(sample) == 1 and all(Path(f).read_bytes() for f in sample.attrs["files"])


def test_explorer_downloads_are_safe():
    table = pd.DataFrame({"title": ["=cmd"]})
    assert "base64" in download_link(table, "t", "csv")
    assert "base64" in download_link(table, "t", "xlsx")
