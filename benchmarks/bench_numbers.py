"""Error detection and false alarms of the number check, measured on a hand-written battery of translations.

``benchmarks/numbers_battery.csv`` holds short news and localisation sentences in Chinese, Japanese, Korean,
German and French, each with an English translation. About half the translations are correct, in the varied
forms a good translator uses (3.5万 → 35,000, 1,500억 → 150 billion won, 3万多 → more than 30,000, rounding
1,234,567 → 1.23 million, 15時30分 → 3:30 p.m.); the other half carry one planted number error each, tagged
with its ``error_kind``: tenfold, dropped-digit, changed-value, wrong-unit, wrong-date, wrong-time, missing or
added. Each row's ``note`` starts with the number form it exercises (``unit:``, ``approx:``, ``date:``, …).

For every row this script runs :func:`transcheck.checks.numbers.check_pair_numbers` on the pair and counts the
row as *flagged* when any finding's rule starts with ``D``. It prints precision, recall and F1 of error
detection overall and per source language, recall per error kind, false alarms per number form of the correct
rows, and the misses and false alarms themselves. Those lists say what the number parser does not read yet.

As a reference point it also runs the numbers check of translate-toolkit's pofilter
(``translate.filters.checks.StandardChecker.numbers``), which compares digit strings. translate-toolkit is
GPL-licensed and must never become a dependency of transcheck: it is used only when it is importable here, or,
better, from another interpreter given with ``--pofilter-python`` (a separate venv), which answers over JSON in
a subprocess so that transcheck's own environment stays clean.

Usage::

    PYTHONPATH=src python benchmarks/bench_numbers.py [--battery CSV] [--json OUT] [--show N]
        [--pofilter-python /tmp/tt/bin/python | --no-pofilter]
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import subprocess
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from transcheck.checks.numbers import check_pair_numbers
from transcheck.model import AlignedPair

DEFAULT_BATTERY = Path(__file__).with_name("numbers_battery.csv")
COLUMNS = ("id", "src_lang", "source", "target", "expected", "error_kind", "note")
LANGS = ("zh", "ja", "ko", "de", "fr")
ERROR_KINDS = (
    "tenfold",
    "dropped-digit",
    "changed-value",
    "wrong-unit",
    "wrong-date",
    "wrong-time",
    "missing",
    "added",
)
#: The number forms a row's note may start with ("unit: 3.5万 as 35,000").
FORMS = (
    "sep",
    "fullwidth",
    "numeral",
    "unit",
    "mixed",
    "words",
    "approx",
    "rounding",
    "percent",
    "permille",
    "ordinal",
    "currency",
    "range",
    "date",
    "time",
    "multi",
    "plain",
)
TRANSCHECK = "transcheck"
POFILTER = "pofilter"
INSTALL_HINT = (
    "pofilter comparison skipped: translate-toolkit (GPL) is not importable here and must not be installed into "
    "transcheck's environment. Install it in a separate venv:\n"
    "    python -m venv /tmp/tt && /tmp/tt/bin/pip install translate-toolkit\n"
    "and run this script with --pofilter-python /tmp/tt/bin/python."
)

#: Run by the other interpreter: reads [[id, source, target], ...] as JSON on stdin, writes {id: [flagged, why]}.
POFILTER_SNIPPET = """
import json, sys
from translate.filters import checks
checker = checks.StandardChecker(checks.CheckerConfig(targetlanguage="en"))
out = {}
for row_id, source, target in json.load(sys.stdin):
    try:
        checker.numbers(source, target)
        out[row_id] = [False, ""]
    except checks.FilterFailure as exc:
        out[row_id] = [True, str(exc)]
json.dump(out, sys.stdout)
"""


@dataclass(frozen=True)
class Row:
    id: str
    src_lang: str
    source: str
    target: str
    expected: str  # ok | error
    error_kind: str = ""
    note: str = ""

    @property
    def is_error(self) -> bool:
        return self.expected == "error"

    @property
    def form(self) -> str:
        """The number form the row exercises: the note's text before the first colon."""
        head, sep, _ = self.note.partition(":")
        return head.strip() if sep else "other"


@dataclass(frozen=True)
class Verdict:
    """What one checker said about one row."""

    flagged: bool
    detail: str = ""


def parse_battery(text: str) -> list[Row]:
    """Rows of the battery CSV; raises ``ValueError`` on a missing column, a bad value or a repeated id."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise ValueError(f"battery lacks column(s): {', '.join(missing)}")
    rows: list[Row] = []
    seen: set[str] = set()
    for record in reader:
        values = {c: record.get(c) or "" for c in COLUMNS}
        row = Row(**{c: v if c in ("source", "target") else v.strip() for c, v in values.items()})
        if not row.id:
            continue
        if row.id in seen:
            raise ValueError(f"repeated id {row.id}")
        seen.add(row.id)
        if row.expected not in ("ok", "error"):
            raise ValueError(f"{row.id}: expected must be ok or error, not {row.expected!r}")
        if row.is_error and row.error_kind not in ERROR_KINDS:
            raise ValueError(f"{row.id}: unknown error_kind {row.error_kind!r}")
        if not row.is_error and row.error_kind:
            raise ValueError(f"{row.id}: an ok row has error_kind {row.error_kind!r}")
        rows.append(row)
    return rows


def load_battery(path: Path) -> list[Row]:
    return parse_battery(path.read_text(encoding="utf-8"))


def transcheck_verdict(row: Row) -> Verdict:
    pair = AlignedPair(pair_id=0, src_ids=(0,), tgt_ids=(0,), source=row.source, target=row.target, location="row")
    findings = check_pair_numbers(doc_id=row.id, pair=pair, src_lang=row.src_lang, tgt_lang="en")
    number_findings = [f for f in findings if f.rule.startswith("D")]
    detail = " | ".join(f"{f.rule} {f.message}" for f in number_findings)
    return Verdict(bool(number_findings), detail)


def transcheck_verdicts(rows: Sequence[Row]) -> dict[str, Verdict]:
    return {row.id: transcheck_verdict(row) for row in rows}


def pofilter_verdicts_here(rows: Sequence[Row]) -> dict[str, Verdict] | None:
    """pofilter's verdicts from this interpreter, or ``None`` when translate-toolkit is not importable."""
    try:
        from translate.filters import checks  # type: ignore[import-not-found]  # GPL, optional, never a dependency
    except ImportError:
        return None
    checker = checks.StandardChecker(checks.CheckerConfig(targetlanguage="en"))
    verdicts: dict[str, Verdict] = {}
    for row in rows:
        try:
            checker.numbers(row.source, row.target)
            verdicts[row.id] = Verdict(False)
        except checks.FilterFailure as exc:
            verdicts[row.id] = Verdict(True, str(exc))
    return verdicts


def pofilter_verdicts_subprocess(rows: Sequence[Row], python: str) -> dict[str, Verdict]:
    """pofilter's verdicts from another interpreter (a venv holding translate-toolkit), over JSON."""
    payload = json.dumps([[row.id, row.source, row.target] for row in rows], ensure_ascii=False)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    done = subprocess.run(
        [python, "-c", POFILTER_SNIPPET],
        input=payload,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"{python} could not run pofilter's numbers check:\n{done.stderr.strip()}")
    answer = json.loads(done.stdout)
    return {row_id: Verdict(bool(flagged), why) for row_id, (flagged, why) in answer.items()}


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


def score(rows: Sequence[Row], verdicts: Mapping[str, Verdict]) -> dict[str, float | int | None]:
    """Error detection counts and precision, recall, F1 (``None`` where a ratio has no denominator)."""
    tp = fp = fn = tn = 0
    for row in rows:
        flagged = verdicts[row.id].flagged
        if row.is_error:
            tp += flagged
            fn += not flagged
        else:
            fp += flagged
            tn += not flagged
    precision = _ratio(tp, tp + fp)
    recall = _ratio(tp, tp + fn)
    f1 = None
    if precision is not None and recall is not None:
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "rows": len(rows),
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "tn": tn,
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "false_alarm_rate": _ratio(fp, fp + tn),
    }


def _groups(rows: Sequence[Row], key: str, order: Sequence[str]) -> dict[str, list[Row]]:
    groups: dict[str, list[Row]] = {}
    for row in rows:
        groups.setdefault(getattr(row, key), []).append(row)
    ranked = [k for k in order if k in groups] + sorted(k for k in groups if k not in order)
    return {k: groups[k] for k in ranked}


def tool_report(rows: Sequence[Row], verdicts: Mapping[str, Verdict]) -> dict[str, object]:
    """All figures for one checker: overall, per language, per error kind, per form, misses, false alarms."""
    errors = [r for r in rows if r.is_error]
    oks = [r for r in rows if not r.is_error]
    per_kind = {
        kind: {"rows": len(group), "caught": sum(verdicts[r.id].flagged for r in group)}
        for kind, group in _groups(errors, "error_kind", ERROR_KINDS).items()
    }
    per_form: dict[str, dict[str, int]] = {}
    for form, group in _groups(rows, "form", FORMS).items():
        per_form[form] = {
            "ok_rows": sum(not r.is_error for r in group),
            "false_alarms": sum(not r.is_error and verdicts[r.id].flagged for r in group),
            "error_rows": sum(r.is_error for r in group),
            "caught": sum(r.is_error and verdicts[r.id].flagged for r in group),
        }
    # An error row whose correct twin (same source, expected ok) is flagged too was probably caught for the
    # wrong reason: the check cannot read that source, so the planted error did not make the difference.
    flagged_ok_sources = {(r.src_lang, r.source) for r in oks if verdicts[r.id].flagged}
    return {
        "overall": score(rows, verdicts),
        "per_lang": {lang: score(group, verdicts) for lang, group in _groups(rows, "src_lang", LANGS).items()},
        "per_kind": per_kind,
        "per_form": per_form,
        "misses": [asdict(r) for r in errors if not verdicts[r.id].flagged],
        "caught_but_twin_flagged": [
            r.id for r in errors if verdicts[r.id].flagged and (r.src_lang, r.source) in flagged_ok_sources
        ],
        "false_alarms": [asdict(r) | {"detail": verdicts[r.id].detail} for r in oks if verdicts[r.id].flagged],
    }


def report(rows: Sequence[Row], tools: Mapping[str, Mapping[str, Verdict]]) -> dict[str, object]:
    return {
        "battery_rows": len(rows),
        "error_rows": sum(r.is_error for r in rows),
        "ok_rows": sum(not r.is_error for r in rows),
        "tools": {name: tool_report(rows, verdicts) for name, verdicts in tools.items()},
        "verdicts": {name: {row_id: asdict(v) for row_id, v in verdicts.items()} for name, verdicts in tools.items()},
    }


def _fmt(value: object) -> str:
    return "—" if value is None else f"{value:.3f}" if isinstance(value, float) else str(value)


def format_report(result: Mapping[str, object], show: int = 20) -> str:
    tools: dict[str, dict] = result["tools"]  # type: ignore[assignment]
    names = list(tools)
    lines = [
        f"number check battery: {result['battery_rows']} rows, {result['error_rows']} with a planted error, "
        f"{result['ok_rows']} correct",
        "",
        "error detection      " + "".join(f"{name:>34}" for name in names),
        "                     " + "".join(f"{'P':>8}{'R':>8}{'F1':>8}{'FA':>10}" for _ in names),
    ]

    def score_line(label: str, pick: str | None) -> str:
        cells = []
        for name in names:
            s = tools[name]["overall"] if pick is None else tools[name]["per_lang"].get(pick)
            if s is None:
                cells.append(f"{'':>34}")
                continue
            fa = f"{s['fp']}/{s['fp'] + s['tn']}"
            cells.append(f"{_fmt(s['precision']):>8}{_fmt(s['recall']):>8}{_fmt(s['f1']):>8}{fa:>10}")
        return f"{label:<21}" + "".join(cells)

    lines.append(score_line("all", None))
    langs = list(next(iter(tools.values()))["per_lang"]) if tools else []
    lines += [score_line(lang, lang) for lang in langs]
    lines += ["", "recall per error kind " + "".join(f"{name:>14}" for name in names)]
    kinds = list(next(iter(tools.values()))["per_kind"]) if tools else []
    for kind in kinds:
        cells = "".join(
            f"{tools[n]['per_kind'][kind]['caught']:>9}/{tools[n]['per_kind'][kind]['rows']:<4}" for n in names
        )
        lines.append(f"{kind:<22}{cells}")
    lines += [
        "",
        "per form             false alarms on ok rows" + " " * 6 + "caught among error rows",
        "                     " + "".join(f"{n:>14}" for n in names) + "   " + "".join(f"{n:>14}" for n in names),
    ]
    forms = list(next(iter(tools.values()))["per_form"]) if tools else []
    for form in forms:
        fa = "".join(
            f"{tools[n]['per_form'][form]['false_alarms']:>9}/{tools[n]['per_form'][form]['ok_rows']:<4}" for n in names
        )
        caught = "".join(
            f"{tools[n]['per_form'][form]['caught']:>9}/{tools[n]['per_form'][form]['error_rows']:<4}" for n in names
        )
        lines.append(f"{form:<21}{fa}   {caught}")
    lines += [
        "",
        "errors caught although the correct twin (same source) is flagged too, i.e. caught for the wrong reason:",
    ]
    for n in names:
        strict = tools[n]["overall"]["tp"] - len(tools[n]["caught_but_twin_flagged"])
        lines.append(f"  {n}: strict recall {_fmt(_ratio(strict, int(result['error_rows'])))} ({strict} caught)")
    lines += [
        f"  {n}: {len(tools[n]['caught_but_twin_flagged'])}  {' '.join(tools[n]['caught_but_twin_flagged'])}"
        for n in names
    ]
    if show and TRANSCHECK in tools:
        own = tools[TRANSCHECK]
        lines += ["", f"transcheck misses ({len(own['misses'])}, first {show}):"]
        lines += [
            f"  {r['id']:<7} [{r['error_kind']}] {r['source']}  →  {r['target']}   ({r['note']})"
            for r in own["misses"][:show]
        ]
        lines += ["", f"transcheck false alarms ({len(own['false_alarms'])}, first {show}):"]
        for r in own["false_alarms"][:show]:
            lines.append(f"  {r['id']:<7} {r['source']}  →  {r['target']}   ({r['note']})")
            lines.append(f"          {r['detail']}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--battery", type=Path, default=DEFAULT_BATTERY, help="battery CSV (default: shipped)")
    parser.add_argument("--json", type=Path, help="also write every figure and verdict as JSON here")
    parser.add_argument("--show", type=int, default=20, help="misses and false alarms to list (0: none)")
    parser.add_argument(
        "--pofilter-python",
        metavar="PATH",
        help="interpreter of a separate venv with translate-toolkit, to run pofilter's numbers check in",
    )
    parser.add_argument("--no-pofilter", action="store_true", help="skip the pofilter comparison")
    args = parser.parse_args(argv)

    rows = load_battery(args.battery)
    started = time.perf_counter()
    tools: dict[str, dict[str, Verdict]] = {TRANSCHECK: transcheck_verdicts(rows)}
    elapsed = time.perf_counter() - started
    notice = ""
    if not args.no_pofilter:
        if args.pofilter_python:
            tools[POFILTER] = pofilter_verdicts_subprocess(rows, args.pofilter_python)
        else:
            here = pofilter_verdicts_here(rows)
            if here is None:
                notice = INSTALL_HINT
            else:
                tools[POFILTER] = here
    result = report(rows, tools)
    result["transcheck_seconds"] = round(elapsed, 3)
    print(format_report(result, args.show))
    print(f"\ntranscheck checked {len(rows)} rows in {elapsed:.2f} s")
    if notice:
        print("\n" + notice)
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
