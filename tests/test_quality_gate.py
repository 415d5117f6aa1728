"""The quality gate (issue 13): no benchmark figure drops below its floor.

``tests/eval_baseline.json`` holds, per benchmark of ``analysis.evaluation.gate``, a floor
under each figure with the value measured when it was pinned, and the SHA-256 of the gold
files scored. The figures come from the scorers ``benchmarks/`` prints; the shipped gold is
scored everywhere, the corpus benchmarks (PolNeAR test, Szeged, Zyte, BBC development gold)
skip with a message when ``../shared/corpora`` is absent. ``benchmarks/quality_gate.py``
prints every figure beside its floor.
"""

from __future__ import annotations

import json
import math
from functools import cache

import pytest

from analysis.evaluation.gate import BENCHMARKS, Benchmark
from analysis.paths import REPO_ROOT

BASELINE_PATH = REPO_ROOT / "tests" / "eval_baseline.json"
BASELINE = json.loads(BASELINE_PATH.read_text(encoding="utf-8"))
TOLERANCE = BASELINE["tolerance"]
ENTRIES = BASELINE["benchmarks"]
#: Rounding slack when comparing a floor with ``measured - tolerance``.
EPSILON = 1e-9


def _param(name: str):
    marks = () if BENCHMARKS[name].corpus is None else (pytest.mark.corpora,)
    return pytest.param(name, marks=marks, id=name)


PARAMS = [_param(name) for name in BENCHMARKS]


def _require_corpus(benchmark: Benchmark) -> None:
    if not benchmark.available():
        pytest.skip(f"{benchmark.name}: needs {benchmark.corpus} (absent in a fresh clone)")


@cache
def _measured(name: str) -> dict[str, float]:
    return BENCHMARKS[name].measure()


def test_baseline_covers_every_benchmark_and_its_gold() -> None:
    assert set(ENTRIES) == set(BENCHMARKS)
    for name, entry in ENTRIES.items():
        assert tuple(entry["gold"]) == BENCHMARKS[name].gold, name
        assert len(entry["gold_sha256"]) == 64, name


def test_floors_are_lowered_only_with_a_reason() -> None:
    """A floor more than ``tolerance`` under its measured value must say why."""
    assert 0 < TOLERANCE <= 0.02
    unexplained = []
    for name, entry in ENTRIES.items():
        for figure, pin in entry["figures"].items():
            assert set(pin) <= {"floor", "measured", "reason"}, (name, figure)
            assert 0.0 < pin["floor"] <= 1.0 and 0.0 <= pin["measured"] <= 1.0, (name, figure)
            lowered = pin["floor"] < pin["measured"] - TOLERANCE - EPSILON
            if lowered and not str(pin.get("reason", "")).strip():
                unexplained.append(f"{name}.{figure}: floor {pin['floor']} < measured "
                                   f"{pin['measured']} - {TOLERANCE}")
    assert not unexplained, "add a 'reason' to each lowered floor:\n" + "\n".join(unexplained)


@pytest.mark.parametrize("name", PARAMS)
def test_gold_files_are_the_ones_pinned(name: str) -> None:
    benchmark = BENCHMARKS[name]
    if benchmark.root != REPO_ROOT:
        _require_corpus(benchmark)
    assert benchmark.gold_files(), f"{name}: no gold file matches {benchmark.gold}"
    assert benchmark.gold_sha256() == ENTRIES[name]["gold_sha256"], (
        f"{name}: the gold files changed; re-measure with benchmarks/quality_gate.py and "
        f"update gold_sha256 and the figures in {BASELINE_PATH.name}"
    )


@pytest.mark.parametrize("name", PARAMS)
def test_figures_hold_their_floors(name: str) -> None:
    benchmark = BENCHMARKS[name]
    _require_corpus(benchmark)
    pins = ENTRIES[name]["figures"]
    measured = _measured(name)
    assert set(measured) == set(pins), f"{name}: figures measured and pinned differ"
    below = [
        f"{figure}: {value:.4f} < floor {pins[figure]['floor']} "
        f"(pinned at {pins[figure]['measured']})"
        for figure, value in measured.items()
        if math.isnan(value) or value < pins[figure]["floor"]
    ]
    assert not below, f"{name} dropped below its floors:\n" + "\n".join(below)
