"""The allowlist every report page body passes through before it is wrapped in the page
shell (``analysis.present.site.page``): nothing executable survives."""

from __future__ import annotations

import re

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "col", "colgroup", "dd",
    "del", "details", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3",
    "h4", "h5", "h6", "hr", "i", "img", "kbd", "li", "mark", "ol", "p", "pre", "q", "s",
    "samp", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td",
    "tfoot", "th", "thead", "tr", "u", "ul",
}
ALLOWED_ATTRIBUTES = {
    "*": {"class", "title"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan"},
    "ol": {"start"},
    "details": {"open"},
    **{f"h{i}": {"id"} for i in range(1, 7)},
}
DATA_IMAGE = re.compile(r"data:image/(?:png|jpeg|gif);base64,[A-Za-z0-9+/=\s]+\Z")
# http(s), mailto, fragments, and relative links to the report's own pages and files
# ("articles/<id>.html", "../index.html", "data/tables.xlsx", "student/00_x.ipynb")
SAFE_LINK = re.compile(r"(?:https?://|mailto:|#|(?:\.\./)?(?:[\w-]+/)*[\w.-]+"
                       r"\.(?:html|csv|xlsx|ipynb)(?:#[\w.-]*)?\Z)", re.IGNORECASE)


def _attribute_filter(element: str, attribute: str, value: str) -> str | None:
    """Second line of defence after the allowlist: only data-URI images and plain links."""
    if element == "img" and attribute == "src":
        return value if DATA_IMAGE.match(value) else None
    if element == "a" and attribute == "href":
        return value if SAFE_LINK.match(value.strip()) else None
    return value


def sanitise(fragment: str) -> str:
    """An HTML fragment with everything outside the report allowlist removed.

    Script, style, template, iframe, object and the like are removed with their content;
    other unknown tags are unwrapped (their text stays, escaped). Attributes outside
    ``ALLOWED_ATTRIBUTES`` go, so no ``on*`` handler or inline style survives; image
    sources must be ``data:image/png|jpeg|gif`` URIs; links must be http(s), mailto,
    fragments or relative links to reports and tables.
    """
    import nh3

    return nh3.clean(
        fragment,
        tags=ALLOWED_TAGS,
        clean_content_tags={"script", "style", "template", "iframe", "object", "embed",
                            "noscript", "textarea", "svg", "math", "select", "button",
                            "form", "input", "title", "head"},
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=_attribute_filter,
        url_schemes={"http", "https", "mailto", "data"},
        strip_comments=True,
        link_rel="noopener noreferrer",
    )
