"""The reports as a reader sees them, in headless Chromium, on three corpora.

The shipped data, a 150-article BBC sample (30 per section, symlinked with the corpus's
README so its copyright notice applies) and the PolNeAR test set are each built once.
Checked: every article has a page and every link resolves; no page names an article the
corpus lacks; no visible ``nan``/``NaN`` in the rendered text; no figure has more than
30 tick labels on an axis (the figure objects, logged by ``analysis.present.plots.show`` before
export); printing (Chromium's print-to-PDF, then ``pdftotext``) keeps every column of the
article list. Corpora or tools that are missing skip with a message.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from analysis.paths import DEFAULT_CORPUS, SHARED_CORPORA
from analysis.present.plots import FIGURE_LOG, MAX_LABELS
from analysis.present.report import build_reports
from analysis.present.site.articles import INDEX_COLUMNS

pytestmark = pytest.mark.slow
BBC = SHARED_CORPORA / "bbc_news" / "bbc"
POLNEAR_TEST = SHARED_CORPORA / "polnear" / "data" / "test"
PER_SECTION = 30


def _bbc_sample(folder: Path) -> Path:
    """150 BBC articles (the first 30 of each section) as symlinks, with the README."""
    if not BBC.is_dir():
        pytest.skip(f"needs the BBC corpus at {BBC} (../shared/corpora, absent in a clone)")
    for section in sorted(p for p in BBC.iterdir() if p.is_dir()):
        (folder / section.name).mkdir(parents=True)
        for path in sorted(section.glob("*.txt"))[:PER_SECTION]:
            (folder / section.name / path.name).symlink_to(path)
    (folder / "README.TXT").symlink_to(BBC / "README.TXT")
    return folder


def _corpus(name: str, tmp: Path) -> Path:
    if name == "shipped":
        return DEFAULT_CORPUS
    if name == "bbc":
        return _bbc_sample(tmp / "bbc_sample")
    if not POLNEAR_TEST.is_dir():
        pytest.skip(f"needs PolNeAR at {POLNEAR_TEST} (../shared/corpora, absent in a clone)")
    return POLNEAR_TEST


@pytest.fixture(scope="module", params=[
    "shipped", pytest.param("bbc", marks=pytest.mark.corpora),
    pytest.param("polnear", marks=pytest.mark.corpora)])
def built(request, tmp_path_factory, monkeypatch_module):
    import analysis

    tmp = tmp_path_factory.mktemp(request.param)
    corpus = _corpus(request.param, tmp)
    log = tmp / "figures.jsonl"
    monkeypatch_module.setenv(FIGURE_LOG, str(log))
    out = tmp / "reports"
    build_reports(corpus, out)
    return {"name": request.param, "out": out, "log": log,
            "articles": analysis.load_articles(corpus)}


@pytest.fixture(scope="module")
def monkeypatch_module():
    patch = pytest.MonkeyPatch()
    yield patch
    patch.undo()


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.hrefs.extend(v for k, v in attrs if k == "href" and v)


def _pages(out: Path) -> list[Path]:
    return sorted(out.rglob("*.html"))


def test_every_article_has_a_page_and_every_link_resolves(built):
    out, articles = built["out"], built["articles"]
    ids = set(articles["article_id"].astype(str))
    pages = {p.stem for p in (out / "articles").glob("*.html")}
    assert pages == ids, "one page per article, and none for an article the corpus lacks"
    for page in _pages(out):
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        for href in parser.hrefs:
            if href.startswith(("http://", "https://", "mailto:", "#")):
                continue
            target = (page.parent / href.split("#")[0]).resolve()
            assert target.exists(), f"{page.relative_to(out)}: broken link {href}"
            if target.parent.name == "articles" and target.suffix == ".html":
                assert target.stem in ids, f"{page.name} links an article the corpus lacks"


def test_no_chart_has_more_than_30_tick_labels(built):
    records = [json.loads(line) for line in built["log"].read_text().splitlines()]
    assert records, "the build logged no figure"
    crowded = [r for r in records if max(r["tick_labels"], default=0) > MAX_LABELS]
    assert not crowded, crowded[:3]


def _rendered_text(chromium: str, page: Path, profile: Path) -> str:
    command = [chromium, "--headless", "--no-sandbox", "--disable-gpu",
               "--disable-background-networking", "--no-first-run",
               "--disable-dev-shm-usage", f"--user-data-dir={profile}",
               "--virtual-time-budget=2000", "--dump-dom", page.as_uri()]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr[-1000:]
    dom = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", result.stdout, flags=re.DOTALL)
    return re.sub(r"<[^>]+>", " ", dom)


def test_no_visible_nan_in_the_browser(built, tmp_path, chromium):
    out = built["out"]
    pages = [p for p in _pages(out) if p.parent == out]
    pages += sorted((out / "articles").glob("*.html"))[:5]
    for page in pages:
        text = _rendered_text(chromium, page, tmp_path / f"profile-{page.stem}")
        found = re.findall(r"\b(?:nan|NaN|NaT|<NA>|&lt;NA&gt;)\b", text)
        assert not found, f"{page.relative_to(out)} shows {found[:3]}"


def test_printing_keeps_every_column_of_the_article_list(built, tmp_path, chromium):
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext is not installed: `apt-get install -y poppler-utils` "
                    "(Debian); .ci/run installs it in CI")
    pdf = tmp_path / "index.pdf"
    command = [chromium, "--headless", "--no-sandbox", "--disable-gpu",
               "--no-first-run", "--disable-dev-shm-usage",
               f"--user-data-dir={tmp_path / 'profile-print'}", "--no-pdf-header-footer",
               f"--print-to-pdf={pdf}", (built["out"] / "index.html").as_uri()]
    subprocess.run(command, capture_output=True, timeout=180, check=False)
    assert pdf.is_file() and pdf.stat().st_size > 0, "Chromium wrote no PDF"
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    header = " ".join(text.split())
    for column, label in INDEX_COLUMNS:
        if column in ("outlet", "section", "date") and f">{label}<" not in (
                built["out"] / "index.html").read_text(encoding="utf-8"):
            continue
        assert label in header, f"the printed article list lost its '{label}' column"
