"""The hand-labelled gold in data/gold/ is well formed and matches the shipped articles.

Articles are read here with plain Python (json, csv, html.parser), independent of
``analysis.load_articles``, so the answer key is checked against the text as written.
"""

from __future__ import annotations

import csv
import json
import re
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path

import pytest

from analysis.detect.hedging import CATEGORIES as HEDGE_CATEGORIES
from analysis.detect.voice import VOICES
from analysis.records import (
    AFFILIATIONS,
    ANONYMITY,
    ATTRIBUTION_KINDS,
    GENDER_EVIDENCE,
    GENDERS,
    QUOTE_KINDS,
    SOURCE_TYPES,
    STANCES,
)

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "data" / "articles"
GOLD = ROOT / "data" / "gold"
SEED = "000_1f5ea510983bc6a6.txt"

FIELDS = {"text", "title"}
OPEN_MARKS = "\"“‘«'"
CLOSE_MARKS = "\"”’»'"

# Publisher lines after the story (the seed's newsletter and republishing notes).
BOILERPLATE = re.compile(
    r"newsletter|sign up|all rights reserved|republishing|delivers independent", re.I
)

# Every record the project wrote, and whether it must have gold.
EXPECTED_GOLD = {
    "000_1f5ea510983bc6a6",
    "101_mayor_insists_night_buses",
    "102_river_fenn_spills",
    "103_rowing_club_treasurer",
    "104_depot_closure_officials",
    "105_ward_closure_nurses",
    "106_landlord_claims_tenants",
    "harbour_herald_2025__0",
    "harbour_herald_2025__1",
    "harbour_herald_2025__2",
    "northgate_wire_2025__0",
    "northgate_wire_2025__1",
    "valley_ledger_2025__0",
    "valley_ledger_2025__1",
    "harbour_herald_seawall",
    "valley_ledger_school_consultant",
}


class _ArticleHTML(HTMLParser):
    """Collect the <h1> and the <p>s inside <article>: the visible story text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.in_article = 0
        self.current: str | None = None
        self.buf: list[str] = []
        self.title = ""
        self.paragraphs: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "article":
            self.in_article += 1
        elif self.in_article and tag in ("h1", "p"):
            self.current, self.buf = tag, []

    def handle_endtag(self, tag):
        if tag == "article":
            self.in_article -= 1
        elif self.current == tag:
            text = "".join(self.buf).strip()
            if tag == "h1":
                self.title = text
            else:
                self.paragraphs.append(text)
            self.current = None

    def handle_data(self, data):
        if self.current:
            self.buf.append(data)


def read_records(path: Path) -> list[dict]:
    """Records of one article file as dicts with at least ``title`` and ``text``."""
    suffix = path.suffix.lower()
    raw = path.read_text(encoding="utf-8")
    if suffix == ".txt":
        lines = [line.strip() for line in raw.splitlines() if line.strip()]
        body = lines[1:]
        while body and BOILERPLATE.search(body[-1]):
            body.pop()
        return [{"title": lines[0], "text": "\n".join(body)}]
    if suffix == ".json":
        data = json.loads(raw)
        return data if isinstance(data, list) else [data]
    if suffix == ".jsonl":
        return [json.loads(line) for line in raw.splitlines() if line.strip()]
    if suffix == ".csv":
        return list(csv.DictReader(raw.splitlines(keepends=True)))
    if suffix == ".html":
        parser = _ArticleHTML()
        parser.feed(raw)
        return [{"title": parser.title, "text": "\n".join(parser.paragraphs)}]
    raise ValueError(f"no reader for {path}")


def occurrences(text: str, sub: str) -> list[int]:
    """Start offsets of ``sub`` in ``text`` by repeated find (the gold's ``nth`` rule)."""
    out, i = [], text.find(sub)
    while i != -1:
        out.append(i)
        i = text.find(sub, i + 1)
    return out


GOLD_FILES = sorted(GOLD.glob("*.json"))


def _gold_id(path: Path) -> str:
    return path.stem


def _record_for(gold: dict) -> dict:
    records = read_records(ARTICLES / gold["article"])
    return records[gold["record"] or 0]


def test_every_english_article_has_gold():
    assert {p.stem for p in GOLD_FILES} == EXPECTED_GOLD


@pytest.mark.parametrize("path", GOLD_FILES, ids=_gold_id)
def test_gold_file_is_well_formed(path: Path):
    gold = json.loads(path.read_text(encoding="utf-8"))
    assert set(gold) == {
        "article",
        "record",
        "field",
        "quotes",
        "attributions",
        "hedges",
        "boosters",
        "sources",
        "standards",
    }
    article = ARTICLES / gold["article"]
    assert article.is_file(), gold["article"]
    stem = article.stem if gold["record"] is None else f"{article.stem}__{gold['record']}"
    assert path.stem == stem, "gold files are named after the article (and record)"
    if article.suffix in (".txt", ".html"):
        assert gold["record"] is None
    else:
        assert isinstance(gold["record"], int) and gold["record"] >= 0
    assert gold["field"] == "text"

    for q in gold["quotes"]:
        assert set(q) == {"text", "kind", "speaker", "field", "nth"}
        assert q["kind"] in QUOTE_KINDS and q["field"] in FIELDS
        assert q["speaker"] is None or (isinstance(q["speaker"], str) and q["speaker"])
        if q["kind"] in ("scare", "title"):
            assert q["speaker"] is None, q
    for a in gold["attributions"]:
        assert set(a) == {"cue", "nth", "stance", "source", "source_type", "kind", "field"}
        assert a["stance"] in STANCES, a
        assert a["source_type"] in SOURCE_TYPES, a
        assert a["kind"] in ATTRIBUTION_KINDS and a["field"] in FIELDS, a
        assert (a["source"] is None) == (a["source_type"] == "unknown"), a
    for h in gold["hedges"]:
        assert set(h) == {"cue", "nth", "category", "voice", "field"}
        assert h["category"] in HEDGE_CATEGORIES and h["voice"] in VOICES, h
        assert h["field"] in FIELDS
    for b in gold["boosters"]:
        assert set(b) == {"cue", "nth", "negated", "voice", "field"}
        assert isinstance(b["negated"], bool) and b["voice"] in VOICES and b["field"] in FIELDS
    for item in gold["quotes"] + gold["attributions"] + gold["hedges"] + gold["boosters"]:
        assert isinstance(item["nth"], int) and item["nth"] >= 0
    check_sources_and_standards(gold)


SOURCE_KEYS = {"source", "gender", "gender_evidence", "affiliation", "anonymity"}
STANDARDS_KEYS = {"response_sought", "verification_disclaimer", "headline_distancing"}


def check_sources_and_standards(gold: dict, *, evidence: bool = True) -> None:
    """The ``sources`` and ``standards`` labels (issue 11) use the allowed values; each
    source is one of the gold's sources or speakers; ``evidence`` strings when asked."""
    names = {a["source"] for a in gold["attributions"]} | {q["speaker"] for q in gold["quotes"]}
    seen = set()
    for s in gold["sources"]:
        assert SOURCE_KEYS <= set(s) <= SOURCE_KEYS | {"anonymity_evidence"}, s
        assert s["source"] in names and s["source"] not in seen, s
        seen.add(s["source"])
        assert s["gender"] is None or s["gender"] in GENDERS, s
        assert s["gender_evidence"] is None or s["gender_evidence"] in GENDER_EVIDENCE, s
        assert (s["gender_evidence"] is None) == (s["gender"] in (None, "unknown")), s
        assert s["affiliation"] in AFFILIATIONS, s
        assert s["anonymity"] is None or s["anonymity"] in ANONYMITY, s
        if evidence:
            assert ("anonymity_evidence" in s) == (s["anonymity"] == "explained"), s
    standards = gold["standards"]
    assert set(standards) == STANDARDS_KEYS | ({"response_evidence"} if evidence else set())
    assert all(isinstance(standards[k], bool) for k in STANDARDS_KEYS)
    if evidence:
        assert (standards["response_evidence"] is None) != standards["response_sought"]


@pytest.mark.parametrize("path", GOLD_FILES, ids=_gold_id)
def test_gold_strings_occur_in_the_article(path: Path):
    gold = json.loads(path.read_text(encoding="utf-8"))
    record = _record_for(gold)
    fields = {"title": record["title"], "text": record["text"]}
    for key, string_key in (
        ("quotes", "text"),
        ("attributions", "cue"),
        ("hedges", "cue"),
        ("boosters", "cue"),
    ):
        for item in gold[key]:
            text = fields[item["field"]]
            hits = occurrences(text, item[string_key])
            assert len(hits) > item["nth"], f"{key}: {item} occurs {len(hits)} time(s)"
            if key == "quotes":
                start = hits[item["nth"]]
                end = start + len(item["text"])
                assert start > 0 and text[start - 1] in OPEN_MARKS, f"no opening mark: {item}"
                # A paragraph of a multi-paragraph quote ends at the line without a mark.
                assert end == len(text) or text[end] in CLOSE_MARKS + "\n", (
                    f"no closing mark: {item}"
                )


@pytest.mark.parametrize("path", GOLD_FILES, ids=_gold_id)
def test_standards_evidence_occurs_and_agrees_with_the_other_labels(path: Path):
    """Anonymity and response evidence is in the text; the verification flag agrees with
    the hedge labels and the headline flag with the title attributions."""
    gold = json.loads(path.read_text(encoding="utf-8"))
    text = _record_for(gold)["text"]
    for s in gold["sources"]:
        if s["anonymity"] == "explained":
            assert s["anonymity_evidence"] in text, s
    standards = gold["standards"]
    if standards["response_sought"]:
        assert standards["response_evidence"] in text
    verification = [h for h in gold["hedges"]
                    if h["category"] == "verification" and h["field"] == "text"]
    assert standards["verification_disclaimer"] == bool(verification)
    distancing = [a for a in gold["attributions"]
                  if a["field"] == "title" and a["stance"] == "distancing"]
    assert standards["headline_distancing"] == bool(distancing)


@pytest.mark.parametrize("path", GOLD_FILES, ids=_gold_id)
def test_gold_labels_do_not_repeat(path: Path):
    gold = json.loads(path.read_text(encoding="utf-8"))
    for key, string_key in (
        ("quotes", "text"),
        ("attributions", "cue"),
        ("hedges", "cue"),
        ("boosters", "cue"),
    ):
        keys = [(i["field"], i[string_key], i["nth"]) for i in gold[key]]
        assert len(keys) == len(set(keys)), f"{key} labels the same string twice"


def _all_records():
    for path in sorted(ARTICLES.rglob("*")):
        if path.is_file() and not path.name.startswith("."):
            for n, record in enumerate(read_records(path)):
                yield path, n, record


def test_constructed_articles_follow_the_data_contract():
    """Lengths, metadata and the planted duplicate / Spanish record stay as documented."""
    records = list(_all_records())
    assert len(records) == 18  # seed + 15 English + Spanish + duplicate
    texts: dict[str, list[str]] = {}
    outlets = set()
    months = set()
    for path, n, record in records:
        rel = path.relative_to(ARTICLES).as_posix()
        texts.setdefault(record["text"], []).append(f"{rel}#{n}")
        assert record["title"] and "\n" not in record["title"], rel
        if rel == SEED:
            continue
        words = len(re.findall(r"\w+", record["text"]))
        assert 150 <= words <= 450, (rel, n, words)
        if path.suffix in (".json", ".jsonl", ".csv"):
            assert {"title", "text", "outlet", "author", "published", "url", "section"} <= set(
                record
            )
            published = datetime.fromisoformat(record["published"])
            assert published.tzinfo is not None, (rel, n)
            outlets.add(record["outlet"])
            months.add(published.month)
    assert {"The Harbour Herald", "Valley Ledger", "Northgate Wire"} <= outlets
    assert len(months) >= 4
    duplicates = [where for where in texts.values() if len(where) > 1]
    assert duplicates == [["northgate_wire_2025.jsonl#0", "valley_ledger_2025.csv#2"]]
    spanish = [r for _, _, r in records if r.get("language") == "es"]
    assert len(spanish) == 1 and "según" in spanish[0]["text"].lower()


def test_html_pages_carry_the_boilerplate_the_loader_must_strip():
    for path in sorted(ARTICLES.glob("*.html")):
        raw = path.read_text(encoding="utf-8")
        for needle in (
            'property="og:title"',
            'property="og:site_name"',
            'property="article:published_time"',
            'name="author"',
            "<nav",
            "<article",
            "<h1>",
            "All rights reserved",
            "newsletter",
        ):
            assert needle in raw, (path.name, needle)
        story = read_records(path)[0]["text"]
        assert "All rights reserved" not in story and "Sign up" not in story
