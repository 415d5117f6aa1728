"""``build_reports`` on the shipped data: content, tables, determinism, failures.

The full build runs once per session (about a minute on two cores); the determinism
test exports one notebook a second time and compares it byte for byte.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pandas as pd
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from analysis.__main__ import main
from analysis.paths import DEFAULT_CORPUS, REPO_ROOT
from analysis.present.report import (
    ReportError,
    build_reports,
    corpus_notice,
    notebook_kernel,
    notebook_paths,
    research_use_notice,
    reset_kernel,
    sanitise,
    start_order,
)

pytestmark = pytest.mark.slow
NOTEBOOKS = notebook_paths(REPO_ROOT / "notebooks")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("reports")
    build_reports(DEFAULT_CORPUS, out)
    return out


def test_index_links_every_notebook_with_a_summary(built):
    index = (built / "index.html").read_text(encoding="utf-8")
    for notebook in NOTEBOOKS:
        link = re.search(rf'<li><a href="{notebook.stem}\.html"[^>]*>([^<]+)</a> — ([^<]+)</li>',
                         index)
        assert link, f"index does not link {notebook.stem}"
        assert len(link.group(2).strip()) > 20, "one-line summary missing"
        assert (built / f"{notebook.stem}.html").is_file()
    assert "research use only" not in index.lower()  # the shipped data is the project's own
    assert "copyright (" not in index.lower()


def test_each_report_holds_figures_and_tables_and_no_code(built):
    for notebook in NOTEBOOKS:
        page = (built / f"{notebook.stem}.html").read_text(encoding="utf-8")
        assert "<table" in page, notebook.stem
        assert "<script" not in page.lower()
        assert "Content-Security-Policy" in page
        assert "Traceback" not in page
        assert "resolve(CORPUS)" not in page, "code cells must not be exported"
        assert not re.search(r"0x[0-9a-f]{8,}", page), "memory address in the report"
        assert "/tmp/" not in page and str(REPO_ROOT) not in page, "machine path in report"
        if notebook.stem[:2] > "07":  # notebooks of other issues: the checks above only
            continue
        assert re.search(r'<img[^>]+src="data:image/png;base64,', page), notebook.stem
        solutions = re.findall(r"<details><summary>Solution</summary>(.*?)</details>", page,
                               re.DOTALL)
        assert solutions and all(s.strip() for s in solutions), "solutions must be inside"
    start = (built / "00_start_here.html").read_text(encoding="utf-8")
    assert 'class="hl-view"' in start and "hl-cue-distancing" in start
    assert "is a <i>distancing</i> cue" in start  # "What to look for", from the records


def test_tables_behind_the_figures_are_written(built):
    data = built / "data"
    for name in ("articles", "profile", "quotes", "attributions", "sources", "hedges",
                 "boosters", "skipped", "group_means"):
        assert (data / f"{name}.csv").is_file(), name
        assert (data / f"{name}.csv").read_bytes().startswith(b"\xef\xbb\xbf"), "no BOM"
    profile = pd.read_csv(data / "profile.csv", encoding="utf-8-sig")
    articles = pd.read_csv(data / "articles.csv", encoding="utf-8-sig")
    assert len(profile) == len(articles) > 10
    means = pd.read_csv(data / "group_means.csv", encoding="utf-8-sig")
    assert {"group", "measure", "n", "mean", "ci_low", "ci_high", "group_by"} <= set(means)
    assert means.loc[means["n"] < 10, ["ci_low", "ci_high"]].isna().all().all(), \
        "no interval for a group of fewer than 10 articles"
    book = pd.read_excel(data / "tables.xlsx", sheet_name=None)
    assert {"articles", "profile", "attributions", "quotes"} <= set(book)
    for sheet in ("attributions", "quotes", "hedges", "boosters"):
        assert list(book[sheet].columns[1:5]) == ["title", "outlet", "date", "sentence"]
        assert book[sheet].columns[-1] == "correct?"


def test_every_article_has_a_page_linked_from_the_index(built):
    index = (built / "index.html").read_text(encoding="utf-8")
    articles = pd.read_csv(built / "data" / "articles.csv", encoding="utf-8-sig",
                           dtype={"article_id": str})
    for article_id in articles["article_id"]:
        page = built / "articles" / f"{article_id}.html"
        assert page.is_file(), article_id
        assert f'href="articles/{article_id}.html"' in index
        text = page.read_text(encoding="utf-8")
        assert 'class="hl-view"' in text and "<h2>Profile</h2>" in text
    for name in ("findings", "glossary", "rules"):
        assert (built / f"{name}.html").is_file()
        assert f'href="{name}.html"' in index
    assert sorted(p.name for p in (built / "student").glob("*.ipynb")) == \
        sorted(f"{p.stem}.ipynb" for p in NOTEBOOKS)


def test_findings_are_sentences_with_their_stories_and_error(built):
    findings = (built / "findings.html").read_text(encoding="utf-8")
    assert "rely on a single source" in findings
    assert findings.count("Measured error:") >= 8
    assert 'href="articles/' in findings
    assert "Kadyrov" not in findings.split("<h1>Findings</h1>", 1)[1].split("<details>")[0]


def test_one_notebook_exported_twice_is_byte_identical(built, tmp_path):
    build_reports(DEFAULT_CORPUS, tmp_path, only=["00"], data=False)
    first = (built / "00_start_here.html").read_bytes()
    second = (tmp_path / "00_start_here.html").read_bytes()
    assert first == second


def test_the_longest_notebook_is_taken_first_and_the_rest_in_order():
    order = [NOTEBOOKS[i].name[:2] for i in start_order(NOTEBOOKS)]
    assert order[0] == "07"
    assert order[1:] == sorted(order[1:])
    assert sorted(order) == [p.name[:2] for p in NOTEBOOKS]


def _run_in(kernel, code: str) -> dict:
    """The ``text/plain`` value of ``code``'s last expression, run in ``kernel``."""
    from jupyter_client import BlockingKernelClient

    client = BlockingKernelClient()
    client.load_connection_info(kernel.get_connection_info())
    client.start_channels()
    try:
        client.wait_for_ready(timeout=60)
        reply = client.execute(code, user_expressions={"value": "_value"}, silent=True)
        while True:
            msg = client.get_shell_msg(timeout=60)
            if msg["parent_header"].get("msg_id") == reply:
                return msg["content"]["user_expressions"]["value"]["data"]["text/plain"]
    finally:
        client.stop_channels()


def test_a_reset_kernel_has_an_empty_namespace_and_its_imports_frozen(tmp_path):
    with notebook_kernel(tmp_path) as kernel:
        _run_in(kernel, "import pandas as pd\nframe = pd.DataFrame({'a': [1]})\n_value = 1")
        reset_kernel(kernel)
        names = _run_in(kernel, "_value = sorted(k for k in globals() if not k.startswith('_')"
                                " and k not in ('In', 'Out', 'exit', 'quit', 'get_ipython',"
                                " 'open'))")
        frozen = _run_in(kernel, "_value = __import__('gc').get_freeze_count()")
    assert names == "[]"
    assert int(frozen) > 10_000  # pandas and what it imports: out of the collector's walk


def _failing_notebooks(folder: Path) -> Path:
    folder.mkdir()
    nb = new_notebook(cells=[new_markdown_cell("# 00 · Fails"),
                             new_code_cell('CORPUS = "data/articles"'),
                             new_code_cell("raise ValueError('boom: the cell failed')")])
    nb.cells[1].metadata["tags"] = ["parameters"]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nbformat.write(nb, folder / "00_fails.ipynb")
    return folder


def test_a_failing_cell_fails_the_build_with_its_error(tmp_path):
    notebooks = _failing_notebooks(tmp_path / "notebooks")
    with pytest.raises(ReportError, match="boom: the cell failed"):
        build_reports(DEFAULT_CORPUS, tmp_path / "out", notebooks=notebooks, data=False)


def test_the_command_exits_non_zero_and_shows_the_error(tmp_path, capsys):
    notebooks = _failing_notebooks(tmp_path / "notebooks")
    status = main(["report", "--corpus", str(DEFAULT_CORPUS), "--out", str(tmp_path / "out"),
                   "--notebooks", str(notebooks)])
    assert status == 1
    err = capsys.readouterr().err
    assert "00_fails.ipynb" in err and "ValueError: boom: the cell failed" in err


def test_research_use_only_corpus_is_flagged(tmp_path):
    corpus = tmp_path / "corpus" / "data"
    corpus.mkdir(parents=True)
    (corpus / "a.txt").write_text("Headline\nBody.\n", encoding="utf-8")
    assert research_use_notice(corpus) is None
    (tmp_path / "corpus" / "SOURCE.txt").write_text(
        "License: none.\nTreat as research-use only.\n", encoding="utf-8")
    notice = research_use_notice(corpus)
    assert notice and "research-use only" in notice
    assert research_use_notice(DEFAULT_CORPUS) is None


def test_a_copyright_corpus_gets_a_notice(tmp_path):
    (tmp_path / "a.txt").write_text("Headline\nBody.\n", encoding="utf-8")
    assert corpus_notice(tmp_path) is None
    (tmp_path / "README.TXT").write_text(
        "All rights, including copyright, in the content of the original articles are "
        "owned by the BBC.\n", encoding="utf-8")
    notice = corpus_notice(tmp_path)
    assert notice.startswith("Copyright (README.TXT: All rights") and "do not publish" in notice


def test_index_of_a_research_only_corpus_says_do_not_publish(tmp_path):
    import pandas as pd

    from analysis.present.report import Report
    from analysis.present.site.build import write_index

    reports = [Report(tmp_path / "00_a.ipynb", tmp_path / "00_a.html", "00 · A <b>", "One <i>")]
    articles = pd.DataFrame({"article_id": ["a1"], "title": ["T <script>"], "outlet": ["O"]})
    profile = pd.DataFrame({"article_id": ["a1"], "n_words": [3]})
    notice = "Research use only (SOURCE.txt: research use only): do not publish them."
    page = write_index(tmp_path, reports=reports, articles=articles, profile=profile,
                       files=[], corpus=tmp_path, notice=notice,
                       group_by="outlet").read_text(encoding="utf-8")
    assert "do not publish" in page and "research use only" in page.lower()
    assert "00 · A &lt;b&gt;" in page and "One &lt;i&gt;" in page  # escaped
    assert "T &lt;script&gt;" in page


def test_sanitise_keeps_the_report_vocabulary():
    fragment = (
        '<div class="hl-view"><span class="hl hl-cue" title="cue: neutral">said</span>'
        '<sup class="hl-tag">neutral</sup></div><details><summary>Solution</summary>'
        '<pre><code>x = 1</code></pre></details><table class="dataframe"><thead><tr>'
        '<th>a</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>'
        '<img src="data:image/png;base64,iVBORw0KGgo=" alt="figure">'
        '<h2 id="Summary">Summary</h2><a href="02_sourcing.html">next</a>'
    )
    clean = sanitise(fragment)
    for kept in ('class="hl hl-cue"', 'title="cue: neutral"', "<details>", "<summary>",
                 "<table", "<td>1</td>", 'src="data:image/png;base64,', 'id="Summary"',
                 'href="02_sourcing.html"', "<code>x = 1</code>"):
        assert kept in clean, kept


def test_sanitise_removes_everything_executable():
    hostile = (
        '<script>alert(1)</script><style>body{}</style><img src=x onerror="alert(2)">'
        '<img src="data:image/svg+xml;base64,PHN2Zz4=">'
        '<a href="javascript:alert(3)">a</a><a href=" JaVaScRiPt:alert(4)">b</a>'
        '<svg onload="alert(5)"><circle/></svg><iframe src="x"></iframe>'
        '<div onclick="alert(6)" style="x" class="ok">t</div></textarea><form><input></form>'
    )
    clean = sanitise(hostile)
    lowered = clean.lower()
    for gone in ("<script", "<style", "onerror", "javascript:", "<svg", "onload", "<iframe",
                 "onclick", "style=", "<form", "<input", "svg+xml", "alert(1)"):
        assert gone not in lowered, gone
    assert '<div class="ok">t</div>' in clean


def test_the_report_command_validates_notebooks_without_the_iri_grammar():
    """``python -m analysis report`` keeps jsonschema from importing rfc3987_syntax (about
    2 s of start-up); nbformat still reads and validates every notebook."""
    import subprocess
    import sys

    code = ("import sys\n"
            "from analysis.__main__ import _skip_iri_grammar\n"
            "_skip_iri_grammar()\n"
            "import jsonschema, nbformat\n"
            "for path in sorted(__import__('pathlib').Path('notebooks').glob('*.ipynb')):\n"
            "    nbformat.validate(nbformat.read(path, as_version=4))\n"
            "print(sys.modules['rfc3987_syntax'], 'iri' in jsonschema.FormatChecker.checkers)\n")
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True,
                          text=True, check=True)
    assert done.stdout.split() == ["None", "False"]
