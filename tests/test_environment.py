"""environment.yml (conda, Binder) and pyproject.toml list the same packages and bounds."""

from __future__ import annotations

import re
import tomllib

import yaml

from analysis.paths import REPO_ROOT

# conda-forge spells some packages differently; dask's extras are separate packages there.
CONDA_TO_PIP = {"lxml-html-clean": "lxml_html_clean", "distributed": "dask-distributed"}
REQUIREMENT = re.compile(r"^([A-Za-z0-9_.\-]+)(\[[^\]]*\])?\s*(>=\s*[0-9][^,;\s]*)?")


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _parse(requirement: str) -> tuple[str, str | None]:
    match = REQUIREMENT.match(requirement.strip())
    assert match, f"cannot read requirement {requirement!r}"
    bound = match.group(3).replace(" ", "") if match.group(3) else None
    return _normalise(match.group(1)), bound


def _pyproject() -> dict[str, str | None]:
    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text())["project"]
    requirements = project["dependencies"] + project["optional-dependencies"]["test"]
    found = dict(_parse(r) for r in requirements)
    if "dask" in found:  # dask[dataframe,distributed] brings distributed along
        found["dask-distributed"] = found["dask"]
    return found


def _environment() -> dict[str, str | None]:
    env = yaml.safe_load((REPO_ROOT / "environment.yml").read_text())
    found: dict[str, str | None] = {}
    for entry in env["dependencies"]:
        if isinstance(entry, dict):
            for requirement in entry["pip"]:
                if not requirement.startswith("-e"):
                    name, bound = _parse(requirement)
                    found[name] = bound
        else:
            name, bound = _parse(entry)
            if name not in ("python", "pip"):
                found[_normalise(CONDA_TO_PIP.get(name, name))] = bound
    return found


def test_same_packages_in_both_files() -> None:
    assert sorted(_environment()) == sorted(_pyproject())


def test_same_lower_bounds_in_both_files() -> None:
    pyproject, environment = _pyproject(), _environment()
    differing = {n: (pyproject[n], environment[n]) for n in pyproject
                 if pyproject[n] != environment.get(n)}
    assert differing == {}


def test_every_dependency_has_a_tested_lower_bound() -> None:
    assert [name for name, bound in _pyproject().items() if bound is None] == []


def test_environment_targets_python_311_or_newer() -> None:
    env = yaml.safe_load((REPO_ROOT / "environment.yml").read_text())
    assert "python>=3.11" in env["dependencies"]
