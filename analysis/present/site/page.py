"""The page shell every report page shares: stylesheet (screen and print), notice, CSP.

``page(title, body)`` wraps an already sanitised ``body``. Each page carries a Content
Security Policy: nothing loads from anywhere (``default-src 'none'``), images only as
``data:`` URIs, the one stylesheet and, on pages that need it, the one vendored script
are allowed by their SHA-256 hashes. A script that got into a page any other way would
not run even if the sanitiser missed it.

The print stylesheet fits A4 and US Letter: 15 mm margins (the narrower Letter page
sets the width), tables lose their scroll box and wrap long words instead, so every
column is on paper; headings stay with what follows; navigation and the search box are
not printed; links print their target after the text.
"""

from __future__ import annotations

import base64
import hashlib
import html
from functools import cache
from importlib import resources

from analysis.present.highlight import CSS as HIGHLIGHT_CSS

REPORT_CSS = """
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;
margin:0;padding:0;background:#fff;color:#1a1a1a;line-height:1.55}
main{max-width:60em;margin:0 auto;padding:1.5em 1.5em 4em}
nav.report-nav{font-size:.9em;margin-bottom:1em}
h1{font-size:1.8em;margin-top:.4em}h2{margin-top:1.6em;border-bottom:1px solid #ddd}
h3{margin-top:1.3em}
a.anchor-link{display:none}
img{max-width:100%;height:auto;display:block;margin:.6em 0}
table{border-collapse:collapse;margin:.6em 0 1.2em;font-size:.86em;display:block;
overflow-x:auto;max-width:100%}
th,td{border:1px solid #d0d0d0;padding:.25em .55em;text-align:left;vertical-align:top}
thead th{background:#f1f1f1}
tbody tr:nth-child(even){background:#fafafa}
pre{background:#f6f6f6;padding:.6em .8em;overflow-x:auto;font-size:.86em;
white-space:pre-wrap}
code{background:#f3f3f3;padding:0 .2em;border-radius:3px}
pre code{background:none;padding:0}
details{border:1px solid #ccc;border-radius:4px;padding:.4em .8em;margin:.6em 0;
background:#fcfcfc}
summary{cursor:pointer;font-weight:600}
blockquote{border-left:4px solid #ccc;margin-left:0;padding-left:1em;color:#333}
.notice{border:2px solid #D55E00;background:#fff4ec;padding:.6em 1em;margin:1em 0}
.jp-RenderedText pre,.output_text pre{background:#fbfbfb;border-left:3px solid #ddd}
.report-list li{margin:.5em 0}
.hl-view{margin:.8em 0}
.finding{margin:1em 0 1.4em}.finding p{margin:.2em 0}
.error{color:#444;font-size:.9em}.muted{color:#555;font-size:.9em}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
input.search{font:inherit;padding:.35em .6em;width:100%;max-width:28em;margin:.4em 0 .6em;
border:1px solid #999;border-radius:4px}
th.sort{cursor:pointer;text-decoration:underline dotted}
th.sort.asc::after{content:" \\25B2"}th.sort.desc::after{content:" \\25BC"}
@media print{
@page{size:auto;margin:15mm}
body{font-size:10pt;line-height:1.4}
main{max-width:none;padding:0}
nav.report-nav,input.search{display:none}
table{display:table;overflow:visible;width:100%;table-layout:auto;font-size:8pt;
page-break-inside:auto}
tr{page-break-inside:avoid}
th,td{overflow-wrap:anywhere;word-break:break-word;padding:.15em .3em}
thead{display:table-header-group}
pre,code{white-space:pre-wrap;overflow-wrap:anywhere}
h1,h2,h3{page-break-after:avoid}
img{max-width:100%;page-break-inside:avoid}
details{border:none;padding:0}
a[href^="http"]::after{content:" (" attr(href) ")";font-size:.85em;color:#555}
}
"""

VENDOR = "analysis.present.site.vendor"
# Turns every ``div.sortable`` table into a sortable, searchable list (list.js): the
# header cells' first class names the column; a search box goes above the table.
LIST_INIT = """
document.querySelectorAll('div.sortable').forEach(function (box) {
  var names = [];
  box.querySelectorAll('thead th').forEach(function (th) {
    var name = th.className.split(' ')[0];
    names.push(name);
    th.classList.add('sort');
    th.setAttribute('data-sort', name);
    th.setAttribute('tabindex', '0');
    th.addEventListener('keydown', function (e) { if (e.key === 'Enter') th.click(); });
  });
  var input = document.createElement('input');
  input.type = 'search';
  input.className = 'search';
  input.placeholder = 'Search the list (any column)';
  input.setAttribute('aria-label', 'Search the list');
  box.insertBefore(input, box.firstChild);
  new List(box, {valueNames: names, listClass: 'list'});
});
"""


@cache
def list_script() -> str:
    """The vendored list.js (MIT, see ``vendor/LICENSE-list.js.txt``) and its start-up."""
    library = resources.files(VENDOR).joinpath("list.min.js").read_text(encoding="utf-8")
    return library + "\n" + LIST_INIT


def _hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def stylesheet() -> str:
    """The one stylesheet of every page: the report CSS and the highlighted view's."""
    return f"{REPORT_CSS}\n{HIGHLIGHT_CSS}"


def content_policy(script: str | None) -> str:
    """The page's CSP: nothing remote, data-URI images, the stylesheet and script by hash."""
    scripts = _hash(script) if script else "'none'"
    return (f"default-src 'none'; img-src data:; style-src {_hash(stylesheet())}; "
            f"script-src {scripts}; base-uri 'none'; form-action 'none'")


def page(title: str, body: str, *, notice: str | None = None, nav: str | None = None,
         script: str | None = None) -> str:
    """A complete page around an already sanitised ``body``; ``script`` is trusted code
    of this package (the vendored list script), never text from a corpus."""
    parts = [
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n",
        f'<meta http-equiv="Content-Security-Policy" content="{content_policy(script)}">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        f"<title>{html.escape(title)}</title>\n",
        f"<style>{stylesheet()}</style>\n</head>\n<body>\n<main>\n",
    ]
    if nav:
        parts.append(f'<nav class="report-nav">{nav}</nav>\n')
    if notice:
        parts.append(f'<div class="notice">{html.escape(notice)}</div>\n')
    parts.append(body)
    parts.append("\n</main>\n")
    if script:
        parts.append(f"<script>{script}</script>\n")
    parts.append("</body>\n</html>\n")
    return "".join(parts)
