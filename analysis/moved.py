"""The old module paths of ``analysis``, kept for one release after the layout by layers.

``import analysis.attribution`` (or ``from analysis import gazetteer``) still works and
gives the module at its new place (``analysis.detect.attribution``), the same object, so
code written against the flat layout keeps running. Each old path is listed once here;
nothing else in the package uses them, and they go in the next release. The modules
named like a public function (``quotes``, ``sources``, ``highlight``, ``explore``) have
no old path: ``analysis.quotes`` is the table function.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.util
import sys
from types import ModuleType

#: old dotted path -> new dotted path
MOVED = {
    **{f"analysis.{name}": f"analysis.nlp.{name}" for name in (
        "words", "text", "syntax", "gazetteer", "lexicon_scan", "lexicons")},
    **{f"analysis.{name}": f"analysis.detect.{name}" for name in (
        "cues", "phrases", "mentions", "coreference", "descriptions", "people", "gender",
        "affiliation", "attribution", "hedging", "voice", "document", "audit")},
    **{f"analysis.{name}": f"analysis.tables.{name}" for name in ("corpus", "spreadsheets")},
    **{f"analysis.{name}": f"analysis.scale.{name}" for name in (
        "engines", "workers", "streaming")},
    **{f"analysis.{name}": f"analysis.present.{name}" for name in (
        "palette", "plots", "export", "checking", "report", "site",
        "nbtools", "notebook_files", "grouping", "sidecar", "stats", "coding")},
    "analysis.gold": "analysis.evaluation.polnear_gold",
    "analysis.szeged": "analysis.evaluation.szeged_gold",
    "analysis.scoring": "analysis.evaluation.scoring",
}


#: old paths that are not kept (the name is a public function now) -> where the module is
NOT_KEPT = {f"analysis.{name}": new for name, new in (
    ("quotes", "analysis.detect.quotes"), ("sources", "analysis.detect.sources"),
    ("highlight", "analysis.present.highlight"), ("explore", "analysis.present.explore"))}


def new_path(name: str) -> str | None:
    """The new dotted path of an old one, also below a moved package ("analysis.site.build"
    -> "analysis.present.site.build"); ``None`` for a path that did not move.

    >>> new_path("analysis.site.build"), new_path("analysis.api")
    ('analysis.present.site.build', None)
    """
    for old, new in MOVED.items():
        if name == old or name.startswith(old + "."):
            return new + name[len(old):]
    return None


class _OldPath(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Finds an old path of ``MOVED`` and loads it as the module at its new path."""

    def find_spec(self, name: str, path: object = None, target: object = None):
        for old, new in NOT_KEPT.items():
            if name == old or name.startswith(old + "."):
                raise ModuleNotFoundError(
                    f"{name} moved to {new + name[len(old):]} ({old} is the public function "
                    "now)", name=name)
        if new_path(name) is None:
            return None
        return importlib.util.spec_from_loader(name, self)

    def create_module(self, spec) -> ModuleType:
        return importlib.import_module(new_path(spec.name))

    def exec_module(self, module: ModuleType) -> None:
        """The module at its new path is already run."""


def install() -> None:
    """Put the finder of old paths on ``sys.meta_path`` (once)."""
    if not any(isinstance(finder, _OldPath) for finder in sys.meta_path):
        sys.meta_path.insert(0, _OldPath())
