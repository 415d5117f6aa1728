"""The examples in the loading modules' docstrings are true."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["analysis.loading.cleaning", "analysis.loading.fields", "analysis.loading.table",
           "analysis.loading.language", "analysis.loading.files",
           "analysis.loading.formats.structured"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(name))
    assert result.attempted > 0 and result.failed == 0
