"""Language identification on short segments: transcheck's detector, alone and as a two-way decision.

``benchmarks/lid_battery.csv`` holds hand-written single sentences, UI strings and headlines in ten
languages, each labelled with the language a translator would say it is in, and marked ``sentence``
(ordinary text), ``short`` (1–4 words) or ``hard`` (kanji-only Japanese headlines, Korean with Hanja,
English full of CJK names or acronyms, cognate-only European sentences, numbers-heavy lines...). Checks that
flag untranslated or wrong-language text live on this kind of segment, where detectors are weakest.

Two settings are measured:

- single detection: :func:`transcheck.lid.detect` names the language with no hint, and the answer is right
  when it equals the label (codes normalised, ``zh-cn``/``zh-tw`` → ``zh``);
- two-candidate decision: what a translation QA tool actually asks, "is this segment in A or B?", where A is
  the true language and B the other side of a plausible translation pair (``en`` for non-English rows; for
  English rows one of zh, ja, ko, de, fr chosen from the row id). The decision is
  ``transcheck.lid.decide(text, expected, alternative)`` when transcheck has it, else :func:`fallback_decide`
  below (script shares first, then langdetect restricted to the two candidates). It is run both ways round:
  with the true language passed as ``expected`` (does a correct segment pass?) and as ``alternative`` (is a
  segment left in the other language caught?), so a decider that simply answers ``expected`` scores 50%.

The script prints accuracy overall, per language and per kind, the confusions (true → predicted counts), the
first misclassified rows, and the time per segment.

Usage::

    PYTHONPATH=src python benchmarks/bench_lid.py [--battery CSV] [--json OUT] [--show N]
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
import time
import zlib
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from langdetect.lang_detect_exception import LangDetectException

from transcheck import lid
from transcheck.text.script import LATIN_PER_CHAR, ScriptCounts, base_lang, count_scripts

DEFAULT_BATTERY = Path(__file__).with_name("lid_battery.csv")
BATTERY_COLUMNS = ("id", "lang", "text", "kind", "note")
LANGS = ("en", "zh", "ja", "ko", "de", "fr", "es", "ru", "vi", "it")
KINDS = ("sentence", "short", "hard")
#: Rows the battery must have per language.
MINIMUM_ROWS = {"en": 50, "zh": 50, "ja": 50, "ko": 50, "de": 50, "fr": 50, "es": 50, "ru": 50, "vi": 30, "it": 30}
#: The other side of the pair for English rows, one per row, picked by :func:`alternative_for`.
EN_ALTERNATIVES = ("zh", "ja", "ko", "de", "fr")
#: How a wrong answer with no language is shown.
UNDETERMINED = "und"
#: Orientations of the two-candidate decision: the true language passed as ``expected`` or as ``alternative``.
ORIENTATIONS = ("expected", "alternative")

#: Scripts each language is written in (``other`` covers Cyrillic among the battery's languages).
LANG_SCRIPTS: dict[str, tuple[str, ...]] = {
    "zh": ("han",),
    "ja": ("han", "kana"),
    "ko": ("hangul", "han"),
    "ru": ("other",),
}
#: A script only one CJK language uses, and the share of letters that settles the question.
DISTINCTIVE_SCRIPT = {"ja": "kana", "ko": "hangul"}
DISTINCTIVE_SHARE = 0.05
#: A candidate is compatible with the text when its scripts carry at least this share of the text.
COMPATIBLE_SHARE = 0.5

Decider = Callable[[str, str, str], str]


@dataclass(frozen=True)
class Row:
    id: str
    lang: str
    text: str
    kind: str
    note: str = ""


@dataclass(frozen=True)
class Outcome:
    """What one detector or decider said about one row."""

    id: str
    lang: str
    kind: str
    text: str
    predicted: str
    alternative: str = ""  # the other candidate (two-candidate setting only)
    note: str = ""

    @property
    def correct(self) -> bool:
        return self.predicted == self.lang


# --- battery -------------------------------------------------------------------------------------------------


def parse_battery(text: str) -> list[Row]:
    """Rows of the battery (CSV text with the columns of :data:`BATTERY_COLUMNS`); blank ids are skipped."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff"), newline=""))
    missing = [c for c in BATTERY_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise ValueError(f"battery lacks columns: {', '.join(missing)}")
    rows = []
    for record in reader:
        row_id = (record["id"] or "").strip()
        if not row_id:
            continue
        rows.append(
            Row(
                id=row_id,
                lang=normalise(record["lang"] or ""),
                text=record["text"] or "",
                kind=(record["kind"] or "").strip(),
                note=(record["note"] or "").strip(),
            )
        )
    return rows


def normalise(code: str) -> str:
    """``zh-CN``/``zh-tw``/``zh-Hant`` → ``zh``, ``pt_BR`` → ``pt``, ``""`` stays ``""``."""
    code = code.strip().lower()
    return "zh" if code.startswith("zh") else base_lang(code)


def alternative_for(row: Row) -> str:
    """The other side of the translation pair: ``en``, or for English rows one of :data:`EN_ALTERNATIVES`."""
    if row.lang != "en":
        return "en"
    return EN_ALTERNATIVES[zlib.crc32(row.id.encode("utf-8")) % len(EN_ALTERNATIVES)]


# --- the two-candidate decision when transcheck has none -----------------------------------------------------


def script_shares(counts: ScriptCounts, candidates: Iterable[str]) -> dict[str, float]:
    """The share of the text (CJK characters weighted as the Latin letters they stand for) in each candidate's
    scripts."""
    weighted = {
        "han": counts.han * LATIN_PER_CHAR["han"],
        "hangul": counts.hangul * LATIN_PER_CHAR["hangul"],
        "kana": counts.kana * LATIN_PER_CHAR["kana"],
        "latin": float(counts.latin),
        "other": float(counts.other),
    }
    total = sum(weighted.values())
    if not total:
        return dict.fromkeys(candidates, 0.0)
    return {c: sum(weighted[s] for s in LANG_SCRIPTS.get(c, ("latin",))) / total for c in candidates}


def script_choice(counts: ScriptCounts, expected: str, alternative: str) -> str:
    """The candidate the scripts alone point to, or ``""`` when they do not settle it."""
    shares = script_shares(counts, (expected, alternative))
    compatible = [c for c in (expected, alternative) if shares[c] >= COMPATIBLE_SHARE]
    if len(compatible) == 1:
        return compatible[0]
    if len(compatible) == 2 and LANG_SCRIPTS.get(expected) and LANG_SCRIPTS.get(alternative):
        # Two CJK languages: kana means Japanese, Hangul Korean; Han alone is left to langdetect.
        marked = [
            c
            for c in (expected, alternative)
            if c in DISTINCTIVE_SCRIPT and counts.share(DISTINCTIVE_SCRIPT[c]) > DISTINCTIVE_SHARE
        ]
        if len(marked) == 1:
            return marked[0]
    return ""


def _langdetect_factory() -> Any:
    factory = getattr(lid, "_factory", None)
    if factory is not None:
        return factory()
    from langdetect.detector_factory import init_factory

    init_factory()
    from langdetect import detector_factory

    return detector_factory._factory


def restricted_probabilities(text: str, candidates: Iterable[str]) -> dict[str, float]:
    """langdetect's probabilities with every language but the candidates given prior 0 (each candidate gets
    the same prior mass, shared among its langdetect variants such as zh-cn and zh-tw); ``{}`` when langdetect
    finds nothing to go on. Unlike ``lid._langdetect``, this never drops a candidate for being below
    langdetect's 0.1 reporting threshold against some third language."""
    wanted = {normalise(c) for c in candidates}
    factory = _langdetect_factory()
    variants: dict[str, list[str]] = {}
    for code in factory.get_lang_list():
        if normalise(code) in wanted:
            variants.setdefault(normalise(code), []).append(code)
    if not variants:
        return {}
    prior = {code: 1.0 / len(codes) for codes in variants.values() for code in codes}
    detector = factory.create()
    detector.set_prior_map(prior)
    detector.append(text)
    try:
        found = detector.get_probabilities()
    except LangDetectException:
        return {}
    merged: dict[str, float] = {}
    for item in found:
        merged[normalise(item.lang)] = merged.get(normalise(item.lang), 0.0) + item.prob
    return merged


def fallback_decide(text: str, expected: str, alternative: str) -> str:
    """``expected`` or ``alternative``: scripts first (:func:`script_choice`), then langdetect restricted to
    the two; ``expected`` when nothing tells them apart (no letters, no usable n-grams, a tie)."""
    expected, alternative = normalise(expected), normalise(alternative)
    counts = count_scripts(text)
    if not counts.letters:
        return expected
    chosen = script_choice(counts, expected, alternative)
    if chosen:
        return chosen
    probabilities = restricted_probabilities(text, (expected, alternative))
    if probabilities.get(alternative, 0.0) > probabilities.get(expected, 0.0):
        return alternative
    return expected


def pick_decider() -> tuple[Decider, str]:
    """transcheck's own ``lid.decide`` when it exists, else :func:`fallback_decide`, with a label."""
    decide = getattr(lid, "decide", None)
    if callable(decide):
        return decide, "transcheck.lid.decide"
    return fallback_decide, "bench_lid.fallback_decide (scripts, then langdetect restricted to the two)"


# --- running -------------------------------------------------------------------------------------------------


def _clear_caches() -> None:
    clear = getattr(lid, "clear_caches", None)
    if callable(clear):
        clear()
        return
    for function in (lid.detect, getattr(lid, "decide", None)):
        cache_clear = getattr(function, "cache_clear", None)
        if cache_clear is not None:
            cache_clear()


def run_single(rows: Iterable[Row], detect: Callable[[str], Any] = lid.detect) -> tuple[list[Outcome], float]:
    """Outcomes of single detection and the seconds it took."""
    outcomes = []
    started = time.perf_counter()
    for row in rows:
        predicted = normalise(detect(row.text).lang) or UNDETERMINED
        outcomes.append(Outcome(row.id, row.lang, row.kind, row.text, predicted, note=row.note))
    return outcomes, time.perf_counter() - started


def run_pair(rows: Iterable[Row], decide: Decider, orientation: str = "expected") -> tuple[list[Outcome], float]:
    """Outcomes of the two-candidate decision, the true language passed as ``orientation``, and the seconds."""
    if orientation not in ORIENTATIONS:
        raise ValueError(f"orientation must be one of {ORIENTATIONS}")
    outcomes = []
    started = time.perf_counter()
    for row in rows:
        other = alternative_for(row)
        expected, alternative = (row.lang, other) if orientation == "expected" else (other, row.lang)
        answer = decide(row.text, expected, alternative)
        predicted = normalise(answer or "") or UNDETERMINED
        outcomes.append(Outcome(row.id, row.lang, row.kind, row.text, predicted, other, row.note))
    return outcomes, time.perf_counter() - started


Judge = Callable[[str, str, str, str], Any]


def pick_judge() -> Judge | None:
    """transcheck's per-segment language verdict (``checks.language.judge_segment``) when it exists."""
    try:
        from transcheck.checks import language
    except ImportError:  # pragma: no cover - transcheck always has the module
        return None
    judge = getattr(language, "judge_segment", None)
    return judge if callable(judge) else None


def run_checker(rows: Iterable[Row], judge: Judge) -> tuple[list[dict[str, Any]], float]:
    """What the language check reports on each row in three settings, and the seconds it took:

    - ``correct``: the row as a correct translation into its language from :func:`alternative_for`'s
      language; any verdict is a false alarm;
    - ``untranslated``: the row as a segment left in its own language in a translation into the other one
      (not a copy of the source); L002 is the catch;
    - ``copied``: the same, the segment identical to its source; L002 or L004 is the catch.
    """
    records = []
    started = time.perf_counter()
    for row in rows:
        other = alternative_for(row)
        verdicts = {
            "correct": judge(row.text, "", other, row.lang),
            "untranslated": judge(row.text, "", row.lang, other),
            "copied": judge(row.text, row.text, row.lang, other),
        }
        record: dict[str, Any] = {"id": row.id, "lang": row.lang, "kind": row.kind, "text": row.text}
        record.update({k: (v.rule if v is not None else "") for k, v in verdicts.items()})
        records.append(record)
    return records, time.perf_counter() - started


def summarize_checker(records: list[dict[str, Any]]) -> dict[str, Any]:
    """False alarms on correct segments and catches of untranslated ones, overall, per kind and per language."""

    def counts(items: list[dict[str, Any]]) -> dict[str, Any]:
        return {
            "n": len(items),
            "false_alarms": sum(bool(r["correct"]) for r in items),
            "untranslated_caught": sum(r["untranslated"] == "L002" for r in items),
            "copied_caught": sum(r["copied"] in ("L002", "L004") for r in items),
            "copied_l002": sum(r["copied"] == "L002" for r in items),
        }

    kinds = sorted({r["kind"] for r in records}, key=lambda k: (KINDS.index(k) if k in KINDS else len(KINDS), k))
    langs = sorted({r["lang"] for r in records}, key=lambda c: (LANGS.index(c) if c in LANGS else len(LANGS), c))
    return {
        "overall": counts(records),
        "per_kind": {k: counts([r for r in records if r["kind"] == k]) for k in kinds},
        "per_lang": {c: counts([r for r in records if r["lang"] == c]) for c in langs},
        "false_alarms": [r for r in records if r["correct"]],
        "missed": [r for r in records if r["untranslated"] != "L002"],
    }


# --- counting ------------------------------------------------------------------------------------------------


def accuracy(outcomes: Iterable[Outcome]) -> dict[str, Any]:
    items = list(outcomes)
    correct = sum(o.correct for o in items)
    return {"n": len(items), "correct": correct, "accuracy": correct / len(items) if items else None}


def confusion(outcomes: Iterable[Outcome]) -> list[tuple[str, str, int]]:
    """(true, predicted, count) for every wrong pairing, most frequent first."""
    counts = Counter((o.lang, o.predicted) for o in outcomes if not o.correct)
    return sorted(((t, p, n) for (t, p), n in counts.items()), key=lambda item: (-item[2], item[0], item[1]))


def summarize(outcomes: list[Outcome]) -> dict[str, Any]:
    """Accuracy overall, per language and per kind, the confusions and the misclassified rows."""
    langs = sorted({o.lang for o in outcomes}, key=lambda c: (LANGS.index(c) if c in LANGS else len(LANGS), c))
    kinds = sorted({o.kind for o in outcomes}, key=lambda k: (KINDS.index(k) if k in KINDS else len(KINDS), k))
    return {
        "overall": accuracy(outcomes),
        "per_lang": {lang: accuracy(o for o in outcomes if o.lang == lang) for lang in langs},
        "per_kind": {kind: accuracy(o for o in outcomes if o.kind == kind) for kind in kinds},
        "per_lang_kind": {
            lang: {kind: accuracy(o for o in outcomes if o.lang == lang and o.kind == kind) for kind in kinds}
            for lang in langs
        },
        "confusion": [{"true": t, "predicted": p, "count": n} for t, p, n in confusion(outcomes)],
        "errors": [asdict(o) for o in outcomes if not o.correct],
    }


# --- output --------------------------------------------------------------------------------------------------


def _pct(stats: dict[str, Any]) -> str:
    if stats["accuracy"] is None:
        return "—"
    return f"{100 * stats['accuracy']:.1f}% ({stats['correct']}/{stats['n']})"


def format_report(result: dict[str, Any], show: int = 30) -> str:
    settings: list[tuple[str, dict[str, Any]]] = [
        ("single", result["single"]),
        ("pair, true=expected", result["pair"]["expected"]),
        ("pair, true=alternative", result["pair"]["alternative"]),
    ]
    lines = [
        f"battery: {result['rows']} rows; two-candidate decider: {result['decider']}",
        "",
        "| group | " + " | ".join(label for label, _ in settings) + " |",
        "| --- |" + " ---: |" * len(settings),
    ]
    groups = [("all", lambda s: s["overall"])]
    groups += [(f"lang {lang}", lambda s, lang=lang: s["per_lang"][lang]) for lang in result["single"]["per_lang"]]
    groups += [(f"kind {kind}", lambda s, kind=kind: s["per_kind"][kind]) for kind in result["single"]["per_kind"]]
    for label, pick in groups:
        lines.append(f"| {label} | " + " | ".join(_pct(pick(summary)) for _, summary in settings) + " |")
    lines += ["", "single detection, hard rows per language:"]
    lines.append(
        "  "
        + ", ".join(
            f"{lang} {_pct(by_kind['hard'])}"
            for lang, by_kind in result["single"]["per_lang_kind"].items()
            if "hard" in by_kind and by_kind["hard"]["n"]
        )
    )
    checker = result.get("checker") or {}
    if checker:
        lines += [
            "",
            "language check (checks.language.judge_segment), per kind: false alarms on correct segments; "
            "untranslated segments caught (L002); copies of the source caught (L002 or L004, of which L002):",
            "",
            "| group | n | false alarms | untranslated → L002 | copied → L002/L004 (L002) |",
            "| --- | ---: | ---: | ---: | ---: |",
        ]
        groups_c = [("all", checker["overall"])]
        groups_c += [(f"kind {k}", v) for k, v in checker["per_kind"].items()]
        groups_c += [(f"lang {c}", v) for c, v in checker["per_lang"].items()]
        for label, c in groups_c:
            lines.append(
                f"| {label} | {c['n']} | {c['false_alarms']} | {c['untranslated_caught']} | "
                f"{c['copied_caught']} ({c['copied_l002']}) |"
            )
        lines.append("")
        lines.append(f"false alarms ({len(checker['false_alarms'])}):")
        for r in checker["false_alarms"][:show]:
            lines.append(f"  {r['id']} ({r['kind']}) → {r['correct']}: {r['text']!r}")
    lines += ["", "time per segment:"]
    for label, key in (("single", "single"), ("pair", "pair_expected"), ("pair, swapped", "pair_alternative")):
        seconds = result["seconds"][key]
        lines.append(f"  {label}: {1000 * seconds / max(result['rows'], 1):.2f} ms ({seconds:.2f} s in all)")
    if checker:
        seconds = checker["seconds"]
        lines.append(
            f"  language check, 3 settings: {1000 * seconds / max(result['rows'], 1):.2f} ms ({seconds:.2f} s in all)"
        )
    for label, summary in settings:
        pairs = summary["confusion"]
        lines += ["", f"confusions, {label} (true → predicted: count):"]
        lines.append("  " + (", ".join(f"{c['true']}→{c['predicted']}: {c['count']}" for c in pairs) or "none"))
    for label, summary in settings:
        errors = summary["errors"]
        lines += ["", f"misclassified, {label} ({len(errors)}; first {min(show, len(errors))}):"]
        for e in errors[:show]:
            versus = f" vs {e['alternative']}" if e["alternative"] else ""
            note = f"  [{e['note']}]" if e["note"] else ""
            lines.append(f"  {e['id']} ({e['kind']}{versus}) → {e['predicted']}: {e['text']!r}{note}")
    return "\n".join(lines)


def evaluate(rows: list[Row], decide: Decider, decider_label: str, judge: Judge | None = None) -> dict[str, Any]:
    _clear_caches()
    single, single_seconds = run_single(rows)
    _clear_caches()
    pair_expected, expected_seconds = run_pair(rows, decide, "expected")
    _clear_caches()
    pair_alternative, alternative_seconds = run_pair(rows, decide, "alternative")
    checker: dict[str, Any] = {}
    if judge is not None:
        _clear_caches()
        records, checker_seconds = run_checker(rows, judge)
        checker = summarize_checker(records) | {"seconds": round(checker_seconds, 4)}
    return {
        "rows": len(rows),
        "decider": decider_label,
        "single": summarize(single),
        "pair": {"expected": summarize(pair_expected), "alternative": summarize(pair_alternative)},
        "seconds": {
            "single": round(single_seconds, 4),
            "pair_expected": round(expected_seconds, 4),
            "pair_alternative": round(alternative_seconds, 4),
        },
        "checker": checker,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--battery", type=Path, default=DEFAULT_BATTERY, help="battery CSV")
    parser.add_argument("--json", type=Path, help="write the full result (all errors) here")
    parser.add_argument("--show", type=int, default=30, help="misclassified rows to print per setting")
    args = parser.parse_args(argv)

    rows = parse_battery(args.battery.read_text(encoding="utf-8"))
    lid.detect("warm-up: load the langdetect profiles before timing")
    decide, label = pick_decider()
    result = evaluate(rows, decide, label, pick_judge())
    print(format_report(result, args.show))
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
