"""The import graph of ``analysis/`` gains no new cycle (issue 13).

The graph is read from the source with ``ast``: every ``import`` anywhere in a module,
including those inside functions (lazy imports) and under ``if TYPE_CHECKING:``. A name
taken from a package (``from analysis import analyse``, ``analysis.load_articles`` after
``import analysis``) points at the submodule of that name, else at the module the package's
``__init__`` re-exports it from, else at the package itself. ``analysis/__init__.py`` is
the API face: its own imports are re-exports and draw no arrow (issue 13 allows them).

``KNOWN_CYCLES`` lists the cycles (strongly connected groups of modules) left today, each
with the issue that plans its removal (``docs/architecture.md`` says how). The test fails
when a new cycle appears or a known one grows, and asks for the entry to be deleted when
one is broken.
"""

from __future__ import annotations

import ast
import re
from collections import defaultdict
from pathlib import Path

import pytest

from analysis.paths import REPO_ROOT

PACKAGE = "analysis"

#: Cycles left today -> the issue that removes them (docs/architecture.md, "Known knots").
KNOWN_CYCLES = {
}


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _absolute(node: ast.ImportFrom, module: str, is_package: bool) -> str:
    if not node.level:
        return node.module or ""
    base = module.split(".")
    base = base[: len(base) - node.level + (1 if is_package else 0)]
    return ".".join(base + ([node.module] if node.module else []))


class Graph:
    """Modules of one package and the arrows between them (module -> set of modules).

    ``api_face``: a package ``__init__`` whose imports are re-exports (no arrows out of it,
    and names taken from it point at the modules defining them)."""

    def __init__(self, root: Path, package: str, api_face: str | None = None) -> None:
        self.package = package
        self.api_face = api_face
        self.trees: dict[str, ast.Module] = {}
        self.packages: set[str] = set()
        for path in sorted((root / package).rglob("*.py")):
            name = module_name(path, root)
            self.trees[name] = ast.parse(path.read_text(encoding="utf-8"), str(path))
            if path.name == "__init__.py":
                self.packages.add(name)
        self.exports = {name: self._reexports(name) for name in self.packages}
        self.edges: dict[str, set[str]] = defaultdict(set)
        for name, tree in self.trees.items():
            if name != api_face:
                self.edges[name] = self._targets(name, tree) - {name}

    def _reexports(self, package: str) -> dict[str, str]:
        """name -> module, for ``from <module> import name`` at the top of the package."""
        found = {}
        for node in self.trees[package].body:
            if isinstance(node, ast.ImportFrom):
                source = _absolute(node, package, True)
                for alias in node.names:
                    found[alias.asname or alias.name] = source
        return found

    def _resolve(self, package: str, name: str) -> str:
        """Where ``name`` taken from ``package`` lives (a module of the graph)."""
        if f"{package}.{name}" in self.trees:
            return f"{package}.{name}"
        source = self.exports.get(package, {}).get(name)
        if source in self.trees and source != package:
            return self._resolve(source, name) if source in self.packages else source
        return package

    def _targets(self, module: str, tree: ast.Module) -> set[str]:
        found: set[str] = set()
        package_aliases: dict[str, str] = {}  # local name -> package imported whole
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name.split(".")[0] != self.package:
                        continue
                    if alias.name in self.packages:
                        package_aliases[alias.asname or alias.name] = alias.name
                    if alias.name in self.trees and alias.name not in self.packages:
                        found.add(alias.name)
            elif isinstance(node, ast.ImportFrom):
                source = _absolute(node, module, module in self.packages)
                if source.split(".")[0] != self.package:
                    continue
                for alias in node.names:
                    found.add(self._resolve(source, alias.name) if source in self.packages
                              else source)
        for node in ast.walk(tree):
            if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
                    and node.value.id in package_aliases):
                found.add(self._resolve(package_aliases[node.value.id], node.attr))
        return {target for target in found if target in self.trees and target != self.api_face}

    def cycles(self) -> set[frozenset[str]]:
        """The strongly connected groups of two or more modules (Tarjan's algorithm)."""
        index: dict[str, int] = {}
        low: dict[str, int] = {}
        stack: list[str] = []
        on_stack: set[str] = set()
        groups: set[frozenset[str]] = set()

        def visit(node: str) -> None:
            index[node] = low[node] = len(index)
            stack.append(node)
            on_stack.add(node)
            for target in sorted(self.edges.get(node, ())):
                if target not in index:
                    visit(target)
                    low[node] = min(low[node], low[target])
                elif target in on_stack:
                    low[node] = min(low[node], index[target])
            if low[node] == index[node]:
                group = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.add(member)
                    if member == node:
                        break
                if len(group) > 1:
                    groups.add(frozenset(group))

        for node in sorted(self.trees):
            if node not in index:
                visit(node)
        return groups


@pytest.fixture(scope="module")
def graph() -> Graph:
    return Graph(REPO_ROOT, PACKAGE, api_face=PACKAGE)


def _show(group: frozenset[str], graph: Graph) -> str:
    arrows = [f"{a} -> {b}" for a in sorted(group) for b in sorted(graph.edges[a] & group)]
    return "{" + ", ".join(sorted(group)) + "}: " + "; ".join(arrows)


def test_no_new_import_cycle(graph: Graph) -> None:
    found = graph.cycles()
    new = [_show(group, graph) for group in found - set(KNOWN_CYCLES)]
    assert not new, "new import cycle(s) in analysis/ (lazy imports count):\n" + "\n".join(new)
    gone = [", ".join(sorted(group)) for group in set(KNOWN_CYCLES) - found]
    assert not gone, "cycle(s) broken, delete them from KNOWN_CYCLES:\n" + "\n".join(gone)


def test_document_and_hedging_import_one_way(graph: Graph) -> None:
    assert "analysis.detect.hedging" in graph.edges["analysis.detect.document"]
    assert "analysis.detect.document" not in graph.edges["analysis.detect.hedging"]


def test_tables_engines_and_api_import_one_way(graph: Graph) -> None:
    """The plain table functions, the chunked stream, the engines and the public API
    module each import only the ones before them in this order."""
    order = ["analysis.tables.corpus", "analysis.scale.streaming", "analysis.scale.engines",
             "analysis.api"]
    for position, low in enumerate(order):
        upward = graph.edges[low] & set(order[position + 1 :])
        assert not upward, f"{low} imports {sorted(upward)}"
    assert "analysis.scale.engines" in graph.edges["analysis.api"]
    assert "analysis.tables.corpus" in graph.edges["analysis.scale.engines"]


def test_notebook_helpers_do_not_reach_the_report_build(graph: Graph) -> None:
    """Every notebook kernel imports ``nbtools``; ``report`` brings nbformat, jsonschema and
    papermill with it (seconds of CPU a kernel), which only the build process needs."""
    reached, todo = set(), ["analysis.present.nbtools"]
    while todo:
        for module in graph.edges[todo.pop()] - reached:
            reached.add(module)
            todo.append(module)
    assert "analysis.present.report" not in reached
    assert "analysis.present.site.build" not in reached


def test_the_reader_sees_lazy_typing_and_package_imports(tmp_path: Path) -> None:
    """The graph reader itself: each kind of import it must see closes a cycle."""
    pkg = tmp_path / "pkg"
    (pkg / "sub").mkdir(parents=True)
    files = {
        "__init__.py": "from pkg.a import run\n",
        "a.py": "def run():\n    from pkg import b\n    return b\n",
        "b.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from pkg.sub import c\n",
        "sub/__init__.py": "from pkg.sub.c import helper\n",
        "sub/c.py": "import pkg\n\n\ndef helper():\n    return pkg.run()\n",
        "d.py": "from .sub import helper\n",
        "e.py": "from . import d\n",
    }
    for name, source in files.items():
        (pkg / name).write_text(source, encoding="utf-8")
    found = Graph(tmp_path, "pkg")
    assert found.edges["pkg.d"] == {"pkg.sub.c"}
    assert found.edges["pkg.e"] == {"pkg.d"}
    assert found.cycles() == {frozenset({"pkg.a", "pkg.b", "pkg.sub.c"})}


def test_readme_module_list_names_every_module():
    """The README's "Modules (...)" paragraph names each module and package of the tree."""
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("\nModules (one job each;")
    paragraph = readme[start : readme.index("\n\n", start + 1)]
    named = {name.rstrip("/") for name in re.findall(r"`([\w/*]+)`", paragraph)}
    root = REPO_ROOT / PACKAGE
    tree = {p.stem for p in root.glob("*.py") if not p.stem.startswith("_")}
    tree |= {p.parent.name for p in root.glob("*/__init__.py")}
    for layer in ("nlp", "detect", "tables", "scale", "present"):
        tree |= {p.stem for p in (root / layer).glob("*.py") if not p.stem.startswith("_")}
        tree |= {p.parent.name for p in (root / layer).glob("*/__init__.py")}
    assert tree - named == set(), "modules the README does not name"


#: The layers of ``analysis/``, lowest first (docs/architecture.md): a module imports from
#: its own layer and the ones below it, never from one above.
LAYERS = (
    ("analysis.paths", "analysis.records", "analysis.moved"),
    ("analysis.nlp",),
    ("analysis.loading",),
    ("analysis.detect",),
    ("analysis.tables",),
    ("analysis.scale",),
    ("analysis.api",),
    ("analysis.present", "analysis.evaluation"),
    ("analysis.__main__",),
)


def layer_of(module: str) -> int:
    for level, prefixes in enumerate(LAYERS):
        if any(module == p or module.startswith(p + ".") for p in prefixes):
            return level
    raise AssertionError(f"{module} is in no layer: add it to LAYERS and docs/architecture.md")


def test_layers_only_point_down(graph: Graph) -> None:
    upward = [f"{a} -> {b}" for a in sorted(graph.trees) if a != PACKAGE
              for b in sorted(graph.edges[a]) if layer_of(b) > layer_of(a)]
    assert not upward, "imports that point up a layer:\n" + "\n".join(upward)


def test_old_module_paths_are_the_moved_modules() -> None:
    """One release of the flat layout's paths (``analysis.moved``): the same objects."""
    import importlib

    import analysis.detect.attribution
    from analysis.moved import MOVED

    assert importlib.import_module("analysis.attribution") is analysis.detect.attribution
    for old, new in MOVED.items():
        assert (REPO_ROOT / (new.replace(".", "/") + ".py")).is_file() or (
            REPO_ROOT / new.replace(".", "/")).is_dir(), old
    assert callable(importlib.import_module("analysis").quotes)
    # below a moved package: the same object, not a second copy
    import analysis.present.site.build

    assert importlib.import_module("analysis.site.build") is analysis.present.site.build
    with pytest.raises(ModuleNotFoundError, match="moved to analysis.detect.quotes"):
        importlib.import_module("analysis.quotes")
