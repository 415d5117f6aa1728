"""Each readable format, built in tmp_path: fields, archives, sections, layouts."""

from __future__ import annotations

import gzip
import io
import json
import zipfile

import pandas as pd
import pytest

import analysis
from analysis.loading.fields import field_map
from analysis.paths import REPO_ROOT

STORY = (
    "The city council voted on Tuesday to close the old bridge for repairs.\n"
    "\"We had no choice,\" the mayor, Ana Ruiz, told reporters after the vote.\n"
    "Engineers said the steel supports had corroded faster than expected."
)

ARTICLE_HTML = """<!DOCTYPE html>
<html lang="en-GB"><head><title>Bridge closes for repairs | The Daily Example</title>
<meta property="og:title" content="Bridge closes for repairs">
<meta property="og:site_name" content="The Daily Example">
<meta name="author" content="Jo Bloggs">
<meta property="article:published_time" content="2024-03-05T09:30:00+01:00">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article><h1>Bridge closes for repairs</h1>
<p>The city council voted on Tuesday to close the old bridge for repairs after engineers
found that its steel supports had corroded much faster than anyone had expected.</p>
<p>"We had no choice," the mayor, Ana Ruiz, told reporters after the vote, adding that
the closure would last at least six months while the supports are replaced.</p>
<p>Commuters will be directed to the northern crossing, which the council says can carry
the extra traffic, although local businesses fear a loss of custom during the works.</p>
<p>Sign up for our free daily newsletter to get the latest news in your inbox.</p>
</article>
<footer><p>Copyright 2024 The Daily Example. All rights reserved.</p></footer>
</body></html>"""


def load_one(path, **kwargs) -> pd.Series:
    df = analysis.load_articles(path, **kwargs)
    assert len(df) == 1, analysis.skipped(df)
    return df.iloc[0]


def test_text_file_headline_then_paragraphs(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("Bridge closes\n\n" + STORY.replace("\n", "\n\n") + "\n", encoding="utf-8")
    row = load_one(path)
    assert row["title"] == "Bridge closes"
    assert row["text"] == STORY
    assert row["n_words"] == analysis.count_words(STORY)


def test_markdown_heading_marker_dropped(tmp_path):
    path = tmp_path / "story.md"
    path.write_text("# Bridge closes\n\n" + STORY, encoding="utf-8")
    assert load_one(path)["title"] == "Bridge closes"


def test_decoding_fallback_bom_and_newlines(tmp_path):
    path = tmp_path / "cp1252.txt"
    path.write_bytes("Price rise\r\nA pint now costs £4 – up 20%.\r\n".encode("cp1252"))
    assert load_one(path)["text"] == "A pint now costs £4 – up 20%."
    mixed = tmp_path / "mixed.txt"  # UTF-8 with one stray Latin-1 byte (the BBC case)
    mixed.write_bytes("Café news\nThe café charges ".encode() + b"\xa33 for tea.")
    assert load_one(mixed)["text"] == "The café charges £3 for tea."
    bom = tmp_path / "bom.txt"
    bom.write_bytes(b"\xef\xbb\xbfHeadline\nBody text here.")
    assert load_one(bom)["title"] == "Headline"
    utf16 = tmp_path / "utf16.txt"
    utf16.write_bytes("Überschrift\nDer Text.".encode("utf-16"))
    assert load_one(utf16)["title"] == "Überschrift"
    nfd = tmp_path / "nfd.txt"
    nfd.write_text("Cafe\u0301\nThe cafe\u0301 opened.\x07", encoding="utf-8")
    row = load_one(nfd)
    assert row["title"] == "Café" and row["text"] == "The café opened."


def test_json_object_list_and_wrapped_list(tmp_path):
    record = {"headline": "Bridge closes", "articleBody": STORY, "publish_date": "2024-03-05",
              "publisher": "The Daily Example", "byline": ["Jo Bloggs", "Sam Smith"],
              "link": "https://example.org/bridge", "category": "Local"}
    (tmp_path / "one.json").write_text(json.dumps(record), encoding="utf-8")
    (tmp_path / "list.json").write_text(json.dumps([record, record]), encoding="utf-8")
    (tmp_path / "wrapped.json").write_text(json.dumps({"articles": [record]}), encoding="utf-8")
    df = analysis.load_articles(tmp_path)
    assert len(df) == 4 and analysis.skipped(df).empty
    row = df.iloc[0]
    assert row["title"] == "Bridge closes" and row["text"] == STORY
    assert row["author"] == "Jo Bloggs; Sam Smith"
    assert row["outlet"] == "The Daily Example" and row["section"] == "Local"
    assert row["url"] == "https://example.org/bridge"
    assert row["published"] == pd.Timestamp("2024-03-05", tz="UTC")
    # the same text again: marked as a duplicate of the first row, ids differ
    assert df["article_id"].is_unique
    assert (df["duplicate_of"].iloc[1:] == df["article_id"].iloc[0]).all()


def test_jsonl_bad_line_is_skipped_and_the_others_load(tmp_path):
    lines = [json.dumps({"title": f"Story {i}", "text": f"{STORY} ({i})"}) for i in range(3)]
    lines.insert(1, '{"title": "broken", "text": ')
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    df = analysis.load_articles(path)
    assert df["title"].tolist() == ["Story 0", "Story 1", "Story 2"]
    report = analysis.skipped(df)
    assert report["record"].tolist() == ["line 2"]
    assert report["reason"].iloc[0].startswith("malformed JSON line")
    assert df.attrs["records_seen"] == 4


def test_csv_tsv_and_timezones(tmp_path):
    frame = pd.DataFrame({"Title": ["A", "B"], "Body": [STORY, STORY + " More."],
                          "Date": ["2024-03-05T09:30:00+01:00", "5 March 2024"],
                          "Source": ["Paper", "Paper"]})
    frame.to_csv(tmp_path / "a.csv", index=False)
    frame.to_csv(tmp_path / "b.tsv", index=False, sep="\t")
    frame.to_csv(tmp_path / "c.csv", index=False, sep=";")
    df = analysis.load_articles(tmp_path)
    assert len(df) == 6 and analysis.skipped(df).empty
    assert df["published"].iloc[0] == pd.Timestamp("2024-03-05 08:30", tz="UTC")
    assert df["published"].iloc[1] == pd.Timestamp("2024-03-05", tz="UTC")
    assert set(df["outlet"]) == {"Paper"}


def test_xlsx(tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["headline", "content", "date"])
    sheet.append(["Bridge closes", STORY, pd.Timestamp("2024-03-05 10:00").to_pydatetime()])
    sheet.append([None, None, None])
    sheet.append(["No body", None, None])
    book.save(tmp_path / "stories.xlsx")
    df = analysis.load_articles(tmp_path / "stories.xlsx")
    assert df["title"].tolist() == ["Bridge closes"]
    assert df["published"].iloc[0] == pd.Timestamp("2024-03-05 10:00", tz="UTC")
    assert analysis.skipped(df)[["record", "reason"]].values.tolist() == [
        ["row 4", "empty text field 'content'"]
    ]


def test_field_names_mapping_is_overridable(tmp_path):
    assert field_map(["Headline", "article_body", "x"]) == {
        "title": "Headline", "text": "article_body"}
    path = tmp_path / "odd.json"
    path.write_text(json.dumps({"heading": "Odd", "story_text": STORY, "day": "2024-01-02"}))
    df = analysis.load_articles(path)
    assert df.empty
    assert "fields found: heading, story_text, day" in analysis.skipped(df)["reason"].iloc[0]
    row = load_one(path, fields={"text": "story_text", "title": ["heading"],
                                 "published": "day"})
    assert row["title"] == "Odd" and row["text"] == STORY
    assert row["published"] == pd.Timestamp("2024-01-02", tz="UTC")


def test_html_text_inside_a_json_field(tmp_path):
    path = tmp_path / "rich.json"
    path.write_text(json.dumps({"title": "T", "body": "<p>First para.</p><p>Second<br>line.</p>"}))
    assert load_one(path)["text"] == "First para.\nSecond\nline."


def test_html_page(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(ARTICLE_HTML, encoding="utf-8")
    row = load_one(path)
    assert row["title"] == "Bridge closes for repairs"
    assert row["text"].startswith("The city council voted on Tuesday")
    assert "Ana Ruiz" in row["text"] and "newsletter" not in row["text"]
    assert "newsletter" in row["boilerplate"]
    assert "Home" not in row["text"] and "All rights reserved" not in row["text"]
    assert row["outlet"] == "The Daily Example" and row["author"] == "Jo Bloggs"
    assert row["published"].date() == pd.Timestamp("2024-03-05").date()
    assert row["language"] == "en"  # declared by <html lang="en-GB">
    assert len(row["text"].split("\n")) == 3


def test_gzip_and_zip_archives_with_sections(tmp_path):
    story = ("Bridge closes\n" + STORY).encode()
    (tmp_path / "one.txt.gz").write_bytes(gzip.compress(story))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("upload/business/001.txt", story + b" One.")
        archive.writestr("upload/sport/002.txt", story + b" Two.")
        archive.writestr("upload/sport/003.json.gz", gzip.compress(
            json.dumps({"title": "Zipped", "text": STORY + " Three."}).encode()))
        archive.writestr("upload/README.md", b"# notes")
    (tmp_path / "upload.zip").write_bytes(buffer.getvalue())
    df = analysis.load_articles(tmp_path)
    assert analysis.skipped(df).empty
    assert df["source_path"].tolist() == [
        str(tmp_path / "one.txt.gz"),
        f"{tmp_path / 'upload.zip'}/upload/business/001.txt",
        f"{tmp_path / 'upload.zip'}/upload/sport/002.txt",
        f"{tmp_path / 'upload.zip'}/upload/sport/003.json.gz",
    ]
    assert df["section"].tolist()[1:] == ["business", "sport", "sport"]
    assert pd.isna(df["section"].iloc[0])
    assert df["title"].iloc[3] == "Zipped"
    assert f"{tmp_path / 'upload.zip'}/upload/README.md" in df.attrs["ignored"]


def test_warc_each_html_response_is_an_article(tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        pages = [("https://example.org/bridge", "text/html; charset=utf-8", ARTICLE_HTML),
                 ("https://example.org/logo.png", "image/png", "PNG"),
                 ("https://example.org/empty", "text/html", "<html><body></body></html>")]
        for url, kind, body in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", kind)], protocol="HTTP/1.0")
            writer.write_record(writer.create_warc_record(
                url, "response", payload=io.BytesIO(body.encode()), http_headers=headers))
    df = analysis.load_articles(path)
    assert df["url"].tolist() == ["https://example.org/bridge"]
    assert df["title"].iloc[0] == "Bridge closes for repairs"
    assert analysis.skipped(df)[["record", "reason"]].values.tolist() == [
        ["response 2", "no article text found in the HTML page"]
    ]


def test_folder_not_recursive_and_path_lists(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "top.txt").write_text("Top\n" + STORY)
    (tmp_path / "sub" / "deep.txt").write_text("Deep\n" + STORY)
    assert analysis.load_articles(tmp_path, recursive=False)["title"].tolist() == ["Top"]
    both = analysis.load_articles([str(tmp_path / "top.txt"), tmp_path / "sub"])
    assert both["title"].tolist() == ["Top", "Deep"]


def test_empty_load_has_the_core_columns(tmp_path):
    df = analysis.load_articles(tmp_path)
    assert df.empty and list(df.columns) == list(analysis.loading.COLUMNS)
    assert list(analysis.skipped(df).columns) == ["path", "record", "reason"]
    assert df.attrs == {"skipped": [], "notes": [], "ignored": [], "layouts": {},
                        "records_seen": 0}


def test_reuters_layout_in_a_small_file(tmp_path):
    sgml = (
        '<!DOCTYPE lewis SYSTEM "lewis.dtd">\n'
        '<REUTERS TOPICS="YES" LEWISSPLIT="TRAIN" NEWID="7">\n'
        "<DATE> 2-MAR-1987 10:00:00.00</DATE>\n<TOPICS><D>grain</D><D>wheat</D></TOPICS>\n"
        "<PLACES><D>usa</D></PLACES>\n<TEXT>&#2;\n<TITLE>WHEAT &lt;UP&gt;</TITLE>\n"
        "<DATELINE>    CHICAGO, March 2 - </DATELINE><BODY>Wheat prices rose on the\n"
        "Chicago board today, traders said.\n    Volume was light.\n Reuter\n&#3;</BODY></TEXT>\n"
        "</REUTERS>\n"
        '<REUTERS NEWID="8"><DATE>2-MAR-1987 10:01:00.00</DATE>'
        '<TEXT TYPE="BRIEF">&#2;\n<TITLE>SHORT</TITLE>\n&#3;\n</TEXT></REUTERS>\n'
    )
    path = tmp_path / "reut2-999.sgm"
    path.write_bytes(sgml.encode("latin-1"))
    df = analysis.load_articles(path)
    row = df.iloc[0]
    assert row["title"] == "WHEAT <UP>"
    assert row["text"] == ("Wheat prices rose on the Chicago board today, traders said.\n"
                           "Volume was light.")
    assert row["boilerplate"] == "Reuter"
    assert row["topics"] == "grain; wheat" and row["dateline"] == "CHICAGO, March 2"
    assert row["published"] == pd.Timestamp("1987-03-02 10:00", tz="UTC")
    assert analysis.skipped(df).values.tolist() == [
        [str(path), "NEWID=8", 'story has no <BODY> (TEXT TYPE="BRIEF")']
    ]
    assert df.attrs["layouts"] == {"reuters21578": 1}


@pytest.mark.parametrize("name", ["README.md", "LICENSE", "SOURCE.txt", "NOTICE", ".hidden.txt",
                                  "lewis.dtd"])
def test_files_passed_over_on_purpose(tmp_path, name):
    (tmp_path / name).write_text("Not an article\nat all")
    df = analysis.load_articles(tmp_path)
    assert df.empty and analysis.skipped(df).empty
    assert df.attrs["ignored"] == [str(tmp_path / name)]


def test_html_keeps_the_time_of_day_of_publication() -> None:
    """htmldate keeps the day only; the page's article:published_time adds time and zone."""
    df = analysis.load_articles(REPO_ROOT / "data" / "articles" / "harbour_herald_seawall.html")
    assert df.loc[0, "published"] == pd.Timestamp("2025-08-21T05:00:00", tz="UTC")
