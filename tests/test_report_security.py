"""A hostile corpus goes through the report code path: nothing from the articles runs.

Titles, bodies and outlets carry ``<script>``, ``<img onerror>``, ``<svg onload>``,
``javascript:`` links and ``</textarea>``. The exported HTML is checked structurally
(every tag and attribute against the report allowlist), then opened in real headless
Chromium, whose rendered DOM must show no effect of any payload, while the highlighted
view's marks are there. A control page with the raw payload proves the browser check
can see a script run.
"""

from __future__ import annotations

import json
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from analysis.present.report import ALLOWED_TAGS, REPORT_CSS, build_reports
from analysis.present.site.page import list_script

pytestmark = pytest.mark.slow

# Each payload, if it ran, would leave a trace in the DOM: a changed title, an attribute
# on <body>, or a new element named xss-*.
SCRIPT = "<script>document.title='XSS-RAN';document.body.appendChild(" \
         "document.createElement('xss-script'))</script>"
IMG = "<img src=x onerror=\"document.body.setAttribute('data-xss','img')\">"
SVG = "<svg onload=\"document.body.appendChild(document.createElement('xss-svg'))\"></svg>"
LINK = '<a href="javascript:document.body.setAttribute(\'data-xss\',\'link\')">click</a>'
TEXTAREA = "</textarea><script>document.body.setAttribute('data-xss','textarea')</script>"
PAGE_TAGS = ALLOWED_TAGS | {"html", "head", "meta", "title", "style", "body", "main", "nav"}


@pytest.fixture(scope="module")
def hostile_corpus(tmp_path_factory) -> Path:
    corpus = tmp_path_factory.mktemp("hostile")
    (corpus / "000_hostile.txt").write_text(
        f"Minister claims {SCRIPT} plan {IMG} is safe\n"
        f'"{SVG} We will not back down," the minister said on Monday.\n'
        f"Officials claimed the plan may fail. {LINK} {TEXTAREA}\n"
        '"It is over," Ms Reed said, adding that the vote was clearly lost.\n',
        encoding="utf-8",
    )
    (corpus / "hostile.json").write_text(json.dumps([{
        "title": f"{TEXTAREA} Council says {SVG}",
        "text": f'"{IMG} No comment," the spokesman said. Police declined to comment. {SCRIPT}',
        "outlet": f"{SVG} Herald {IMG}", "published": "2025-02-01",
    }]), encoding="utf-8")
    (corpus / "hostile.csv").write_text(
        "title,text,outlet,published\n"
        f'"Bank {LINK} denies","The bank said it {SCRIPT} may appeal.","{IMG} Ledger",2025-03-01\n',
        encoding="utf-8",
    )
    return corpus


@pytest.fixture(scope="module")
def reports(hostile_corpus, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("hostile_reports")
    build_reports(hostile_corpus, out, only=["00", "01", "03"], data=False)
    return out


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.styles: list[str] = []
        self.scripts: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in = tag if tag in ("style", "script") else None

    def handle_data(self, data):
        if self._in == "style":
            self.styles.append(data)
        elif self._in == "script":
            self.scripts.append(data)

    def handle_endtag(self, tag):
        self._in = None


def test_exported_html_holds_no_executable_markup(reports, hostile_corpus):
    import analysis

    pages = sorted(reports.rglob("*.html"))
    # three reports, the index, findings, glossary, rules and one page per article
    n_articles = len(analysis.load_articles(hostile_corpus))
    assert n_articles >= 2 and len(list((reports / "articles").glob("*.html"))) == n_articles
    assert len(pages) == 7 + n_articles
    for page in pages:
        text = page.read_text(encoding="utf-8")
        parser = _Tags()
        parser.feed(text)
        # the one script a page may hold is the vendored list.js, byte for byte
        assert parser.scripts in ([], [list_script()]), f"{page.name}: unexpected script"
        assert "default-src 'none'" in text, f"{page.name}: no content security policy"
        for tag, attrs in parser.tags:
            if tag == "script":
                assert not attrs, f"{page.name}: a script with attributes (src?)"
                continue
            assert tag in PAGE_TAGS, f"{page.name}: <{tag}> is not allowed"
            for name, value in attrs.items():
                assert not name.startswith("on"), f"{page.name}: {name} on <{tag}>"
                assert name != "style", f"{page.name}: inline style on <{tag}>"
                if name in ("href", "src"):
                    assert not (value or "").strip().lower().startswith(
                        ("javascript:", "vbscript:")), f"{page.name}: {value}"
                if tag == "img" and name == "src":
                    assert value.startswith("data:image/png;base64,"), value[:40]
        # the only style block is the fixed stylesheet, nothing from the articles
        assert len(parser.styles) == 1 and parser.styles[0].startswith(REPORT_CSS)
    start = (reports / "00_start_here.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;document.title=" in start  # the payload is shown as text
    assert 'class="hl hl-' in start


def _dump_dom(chromium: str, page: Path, profile: Path) -> str:
    command = [
        chromium, "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--disable-dev-shm-usage", f"--user-data-dir={profile}",
        "--virtual-time-budget=3000", "--dump-dom", page.as_uri(),
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def _traces(dom: str) -> list[str]:
    found = []
    if "<title>XSS-RAN</title>" in dom:
        found.append("title changed")
    if "data-xss=" in dom:
        found.append("body attribute set")
    for element in ("<xss-script", "<xss-svg"):
        if element in dom:
            found.append(f"{element} added")
    return found


def test_browser_control_page_shows_that_scripts_would_be_seen(tmp_path, chromium):
    control = tmp_path / "control.html"
    control.write_text(f"<!DOCTYPE html><html><head><title>control</title></head><body>"
                       f"{SCRIPT}{IMG}</body></html>", encoding="utf-8")
    traces = _traces(_dump_dom(chromium, control, tmp_path / "profile-control"))
    assert "title changed" in traces and "body attribute set" in traces


def test_no_injected_script_runs_in_chromium_and_marks_render(reports, tmp_path, chromium):
    for page in sorted(reports.rglob("*.html")):
        dom = _dump_dom(chromium, page, tmp_path / f"profile-{page.stem}")
        assert not _traces(dom), f"{page.name}: {_traces(dom)}"
        assert "<title>XSS-RAN</title>" not in dom
    dom = _dump_dom(chromium, reports / "00_start_here.html", tmp_path / "profile-marks")
    assert 'class="hl-view"' in dom
    assert 'class="hl hl-cue hl-cue-neutral"' in dom
    assert 'class="hl hl-quote hl-quote-direct"' in dom
