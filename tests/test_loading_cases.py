"""The loading cases of ../shared/cases/loading (issue 15), as tests.

Each case file has a test that names it and asserts the right answer its README gives:
the call returns, the good records load, a bad value loads neutralised with a note or is
a skip with a clear reason, ``errors="raise"`` raises ``LoadError`` naming file and
record, and rows + skipped records = records seen. The tests skip, saying so, when the
folder is absent (a fresh clone).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

import analysis
from analysis.loading import Limits, LoadError
from analysis.paths import REPO_ROOT

CASES = REPO_ROOT.parent / "shared" / "cases" / "loading"
GOOD_TEXT = ("Council agrees budget\n"
             "The council met on Monday and agreed the budget, the mayor said.\n")


@pytest.fixture(scope="module")
def cases() -> Path:
    if not CASES.is_dir():
        pytest.skip(f"needs the loading cases at {CASES} (absent in a fresh clone)")
    return CASES


def _load(cases: Path, name: str, **options) -> pd.DataFrame:
    df = analysis.load_articles(cases / name, **options)
    assert len(df) + len(df.attrs["skipped"]) == df.attrs["records_seen"], name
    return df


def _reasons(df: pd.DataFrame) -> list[tuple[str | None, str]]:
    return [(s["record"], s["reason"]) for s in df.attrs["skipped"]]


def _notes(df: pd.DataFrame) -> list[tuple[str | None, str]]:
    return [(n["record"], n["note"]) for n in df.attrs["notes"]]


def _raises(cases: Path, name: str, record: str | None) -> None:
    """``errors="raise"`` raises ``LoadError`` naming the case file and the record."""
    with pytest.raises(LoadError) as caught:
        analysis.load_articles(cases / name, errors="raise")
    assert name in caught.value.path and caught.value.record == record
    assert name in str(caught.value)


def test_zero_date_jsonl_loads_with_nat_and_a_note(cases):
    df = _load(cases, "zero_date.jsonl")
    assert df["title"].tolist() == ["Zero date"] and df["published"].isna().all()
    assert _notes(df) == [("line 1", "published 0001-01-01T00:00:00Z is outside "
                                     "1677-09-21..2262-04-11: set to NaT")]
    assert analysis.load_notes(df)["path"].str.endswith("zero_date.jsonl").all()


def test_zero_date_meta_html_loads_with_nat(cases):
    df = _load(cases, "zero_date_meta.html")
    assert df["title"].tolist() == ["Council budget"] and df["published"].isna().all()
    assert [note for _, note in _notes(df)] == [
        "published 0001-01-01T00:00:00Z is outside 1677-09-21..2262-04-11: set to NaT"]


def test_old_date_csv_both_rows_load(cases):
    df = _load(cases, "old_date.csv")
    assert df["title"].tolist() == ["Good", "Old"]
    assert df["published"].tolist()[0] == pd.Timestamp("2024-01-01", tz="UTC")
    assert pd.isna(df["published"].tolist()[1])
    assert [record for record, _ in _notes(df)] == ["row 3"]


def test_lone_surrogate_json_is_replaced_and_reported(cases, tmp_path):
    df = _load(cases, "lone_surrogate.json")
    assert df["title"].tolist() == ["Half an emoji \ufffd"]
    assert _notes(df) == [(None, "lone surrogate in title replaced with U+FFFD")]
    df.to_parquet(tmp_path / "written.parquet")  # UTF-8 all through


def test_bigint_json_loads(cases):
    df = _load(cases, "bigint.json")
    assert df["text"].tolist() == ["The mayor said it."] and not df.attrs["skipped"]


def test_deep_json_is_a_skip_nested_too_deep(cases):
    df = _load(cases, "deep.json")
    assert df.empty
    assert _reasons(df) == [(None, "nested too deep: more than 100 levels of arrays and "
                                   "objects (Limits.max_json_depth)")]
    _raises(cases, "deep.json", None)
    deeper = _load(cases, "deep.json", limits=Limits(max_json_depth=5000))
    assert _reasons(deeper)[0][1].startswith("nested too deep")


def test_xlsx_truncated_sheet_is_a_corrupt_workbook_skip(cases):
    df = _load(cases, "xlsx_truncated_sheet.xlsx")
    assert len(df) == 1  # the row before the cut
    [(record, reason)] = _reasons(df)
    assert record == "row 3" and reason.startswith("corrupt workbook")
    _raises(cases, "xlsx_truncated_sheet.xlsx", "row 3")


def test_nested_1000_zip_deeper_than_the_limit_is_a_skip(cases):
    for depth in (3, 50):
        df = _load(cases, "nested_1000.zip", limits=Limits(max_archive_depth=depth))
        [skip] = df.attrs["skipped"]
        assert skip["path"].count(".zip") == depth + 1
        assert skip["reason"] == (f"archive nested too deep: more than {depth} archive "
                                  "levels (Limits.max_archive_depth)")
    _raises(cases, "nested_1000.zip", None)


def test_warc_cut_in_header_records_before_the_cut_load(cases):
    df = _load(cases, "warc_cut_in_header.warc")
    assert df["url"].tolist() == ["http://127.0.0.1/p0", "http://127.0.0.1/p1"]
    [(record, reason)] = _reasons(df)
    assert record == "response 3" and reason.startswith("corrupt WARC file from here on")
    _raises(cases, "warc_cut_in_header.warc", "response 3")


def test_truncated_sgm_cut_story_is_a_skip(cases):
    df = _load(cases, "truncated.sgm")
    assert df["title"].tolist() == ["One"]
    assert _reasons(df) == [("NEWID=2", "truncated story (no </REUTERS>)")]
    assert df.attrs["records_seen"] == 2
    _raises(cases, "truncated.sgm", "NEWID=2")


def test_u2028_jsonl_one_record_per_line(cases):
    df = _load(cases, "u2028.jsonl")
    assert df["title"].tolist() == ["A", "B"] and not df.attrs["skipped"]
    assert df["text"].iloc[0] == "First para.\nSecond para, he said."


def test_formula_title_csv_loads(cases):
    """Loading keeps the cells as text (the writers neutralise them: tests of coding)."""
    df = _load(cases, "formula_title.csv")
    assert df["title"].iloc[0].startswith("=HYPERLINK(") and df["author"].iloc[0] == "@SUM(1,1)"


# What each case file gives when all are loaded together: (rows, skips, notes).
EXPECTED = {
    "bigint.json": (1, 0, 0), "deep.json": (0, 1, 0), "formula_title.csv": (1, 0, 0),
    "lone_surrogate.json": (1, 0, 1), "nested_1000.zip": (0, 1, 0), "old_date.csv": (2, 0, 1),
    "truncated.sgm": (1, 1, 0), "u2028.jsonl": (2, 0, 0),
    "warc_cut_in_header.warc": (2, 1, 0), "xlsx_truncated_sheet.xlsx": (1, 1, 0),
    "zero_date.jsonl": (1, 0, 1), "zero_date_meta.html": (1, 0, 1),
}


def _case_of(path: str) -> str:
    return Path(path.split(".zip/")[0] + (".zip" if ".zip/" in path else "")).name


def test_all_cases_load_together_with_good_files(cases, tmp_path):
    """Every case file of the folder with good files, in one call: nothing escapes, the
    good files load, each case gives exactly its rows, skips and notes."""
    names = sorted(p.name for p in cases.iterdir() if p.name != "README.md")
    assert set(names) == set(EXPECTED), "a case file was added or removed: update EXPECTED"
    good = tmp_path / "good"
    good.mkdir()
    (good / "a.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (good / "b.jsonl").write_text('{"title": "B", "text": "The mayor said it."}\n',
                                  encoding="utf-8")
    shutil.copy(REPO_ROOT / "data" / "articles" / "000_1f5ea510983bc6a6.txt", good / "seed.txt")
    df = analysis.load_articles([good, cases])
    assert len(df) + len(df.attrs["skipped"]) == df.attrs["records_seen"]
    assert df.attrs["ignored"] == [str(cases / "README.md")]
    paths = df["source_path"].map(_case_of)
    assert paths[paths.isin(["a.txt", "b.jsonl", "seed.txt"])].tolist() == [
        "a.txt", "b.jsonl", "seed.txt"]
    skips = pd.Series([_case_of(s["path"]) for s in df.attrs["skipped"]], dtype=object)
    notes = pd.Series([_case_of(n["path"]) for n in df.attrs["notes"]], dtype=object)
    got = {name: (int((paths == name).sum()), int((skips == name).sum()),
                  int((notes == name).sum())) for name in names}
    assert got == EXPECTED
    assert df["published"].dtype == "datetime64[ns, UTC]"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_rows_plus_skips_equal_records_seen_on_each_case_file(cases, name):
    df = _load(cases, name)
    rows, skips, _ = EXPECTED[name]
    assert (len(df), len(df.attrs["skipped"])) == (rows, skips)


def test_all_cases_stream_through_profile(cases, tmp_path):
    """``python -m analysis profile`` on the cases: no chunk fails, every case's skips and
    notes are in the ``skipped`` table (it used to die at the same chunk on every rerun)."""
    from analysis.scale.streaming import read_table, stream_tables

    summary = stream_tables([cases], tmp_path / "out", chunk_size=3)
    assert not summary.failed and summary.done == summary.chunks
    report = read_table(tmp_path / "out", "skipped")
    kinds = report.groupby("kind")["path"].apply(lambda p: sorted(set(p.map(_case_of))))
    assert kinds["skipped"] == sorted(n for n, (_, skips, _) in EXPECTED.items() if skips)
    assert kinds["note"] == sorted(n for n, (_, _, notes) in EXPECTED.items() if notes)
    articles = read_table(tmp_path / "out", "articles")
    assert len(articles) == sum(rows for rows, _, _ in EXPECTED.values())
