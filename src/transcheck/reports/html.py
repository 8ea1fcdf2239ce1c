"""``report.html``: one self-contained page for reviewers. No CDN, no fonts or scripts from elsewhere: it works
offline, from a file, e-mailed or archived as a CI artifact.

- **Summary**: counts, the outcome at ``--fail-on``, corpus scores, and plots drawn as inline SVG: findings by
  rule and by document (stacked by severity) and the distribution of every score column of the documents and
  segments tables (BLEU, chrF, TER, alignment confidence, coverage, risk … whatever float columns they have).
- **Findings**: every column of the findings table; click a header to sort (numbers as numbers, severity by
  rank), filter by free text, severity, rule and document, and show or hide suppressed and baselined ones.
- **Documents** and **Names**: the tables as they are, sortable.
- **Side by side**, per document: each aligned pair on one row, source beside translation, the offending text
  highlighted in the colour of its worst finding, and each finding's evidence, suggestion and message beside the
  pair; the pair's other columns (scores, flags) in the last cell.

All text from the tables is HTML-escaped (article text is untrusted). The page's own script and style are the
only ones allowed to run: a Content-Security-Policy names their hashes, so even markup that slipped through could
not run a script or load anything.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from .common import (
    SEVERITIES,
    SEVERITY_RANK,
    counts,
    fail_on,
    fails,
    is_float_column,
    iter_records,
    plain,
    records,
    text,
    write_text,
)
from .tables import ReportTables

FILE = "report.html"
LONG_TEXT = {"source", "target", "message", "evidence", "suggestion", "detail", "renderings", "documents"}
#: Columns the side-by-side view lays out itself; the others go to its last cell.
_PAIR_LAYOUT = {"doc_id", "pair_id", "link", "source", "target", "src_lang", "tgt_lang", "findings", "max_severity"}

STYLE = """
:root{--error:#c62828;--error-bg:#fde7e9;--warning:#b26a00;--warning-bg:#fff3cd;--info:#1565c0;--info-bg:#e3f0ff;
--line:#d0d7de;--muted:#57606a;--head:#f6f8fa}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans CJK SC",
"Noto Sans CJK JP","Noto Sans CJK KR","Source Han Sans SC","PingFang SC","Hiragino Sans","Microsoft YaHei",
"Malgun Gothic","WenQuanYi Zen Hei",sans-serif;color:#1f2328;background:#fff}
header,main,footer{padding:0 24px}
header{border-bottom:1px solid var(--line);background:var(--head);padding-top:12px;padding-bottom:12px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid var(--line)}
h3{font-size:15px;margin:0;display:inline}
nav a{margin-right:14px}
.cards{display:flex;flex-wrap:wrap;gap:12px;margin:12px 0}
.card{border:1px solid var(--line);border-radius:6px;padding:8px 14px;min-width:120px}
.card b{display:block;font-size:20px}
.outcome-failed{border-color:var(--error);background:var(--error-bg)}
.outcome-passed{border-color:#1a7f37;background:#dafbe1}
.plots{display:flex;flex-wrap:wrap;gap:18px;align-items:flex-start}
figure{margin:0;border:1px solid var(--line);border-radius:6px;padding:8px}
figcaption{font-weight:600;margin-bottom:4px}
svg text{font-size:11px;fill:#1f2328}
svg .axis{stroke:#8c959f}
svg .bar{fill:#6e7781}
.sev-error{fill:var(--error)}.sev-warning{fill:#e0a100}.sev-info{fill:var(--info)}
.legend span{margin-right:12px}.legend i{display:inline-block;width:10px;height:10px;margin-right:4px}
.legend .k-error{background:var(--error)}.legend .k-warning{background:#e0a100}.legend .k-info{background:var(--info)}
table{border-collapse:collapse;margin:6px 0 12px;font-size:13px}
th,td{border:1px solid var(--line);padding:4px 6px;vertical-align:top;text-align:left}
th{background:var(--head);position:sticky;top:0;z-index:1}
th button{font:inherit;font-weight:600;background:none;border:0;padding:0;cursor:pointer;color:inherit}
th[aria-sort=ascending] button::after{content:" \\25B2"}th[aria-sort=descending] button::after{content:" \\25BC"}
td.num{text-align:right;font-variant-numeric:tabular-nums}
td.long{min-width:14em;max-width:36em;white-space:pre-wrap;overflow-wrap:anywhere}
td.sev{font-weight:600}
td.s-error,div.s-error{color:var(--error)}td.s-warning,div.s-warning{color:var(--warning)}
td.s-info,div.s-info{color:var(--info)}
tr.accepted td{color:var(--muted)}
.filters{display:flex;flex-wrap:wrap;gap:10px;align-items:center;margin:8px 0;position:sticky;top:0;z-index:2;
background:#fff;padding:6px 0}
.filters input[type=search]{min-width:18em}
.scroll{overflow:auto;max-height:80vh;border:1px solid var(--line)}
.scroll table{margin:0}
mark{border-radius:2px;padding:0 1px;color:inherit}
mark.m-error{background:var(--error-bg);box-shadow:inset 0 -2px var(--error)}
mark.m-warning{background:var(--warning-bg);box-shadow:inset 0 -2px #e0a100}
mark.m-info{background:var(--info-bg);box-shadow:inset 0 -2px var(--info)}
table.aligned{width:100%;table-layout:fixed}
table.aligned td.text{white-space:pre-wrap;overflow-wrap:anywhere}
table.aligned col.c-id{width:3.5em}table.aligned col.c-link{width:3.5em}table.aligned col.c-f{width:24%}
table.aligned col.c-x{width:12%}
tr.flagged td:first-child{border-left:4px solid var(--error)}
tr.flagged.w-warning td:first-child{border-left-color:#e0a100}
tr.flagged.w-info td:first-child{border-left-color:var(--info)}
.f{margin-bottom:6px}.f code{font-weight:700}.f del{color:var(--error)}
.f ins{color:#1a7f37;text-decoration:none;font-weight:600}
.msg{color:var(--muted)}
.extra{color:var(--muted);font-size:12px}
details.doc{border:1px solid var(--line);border-radius:6px;margin:10px 0;padding:6px 10px}
details.doc>summary{cursor:pointer}
.meta{display:flex;flex-wrap:wrap;gap:2px 16px;font-size:12px;color:var(--muted);margin:6px 0}
.meta b{font-weight:600;margin-right:4px}.extra span{display:inline-block;margin-right:10px}
dl.sig{font-size:12px;color:var(--muted)}dl.sig dd{margin:0 0 4px 12px;overflow-wrap:anywhere}
.empty{color:var(--muted);font-style:italic}
footer{color:var(--muted);border-top:1px solid var(--line);margin-top:24px;padding-top:8px;padding-bottom:16px}
"""

SCRIPT = """
(function () {
  "use strict";
  function value(row, index) {
    var cell = row.cells[index];
    if (!cell) { return ""; }
    var v = cell.getAttribute("data-value");
    return v !== null ? v : cell.textContent.trim();
  }
  function numeric(s) { return s !== "" && isFinite(Number(s)); }
  var collator = new Intl.Collator(undefined, {numeric: true, sensitivity: "base"});
  function sortBy(table, index, th) {
    var body = table.tBodies[0];
    var ascending = th.getAttribute("aria-sort") !== "ascending";
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (c) { c.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var rows = Array.prototype.map.call(body.rows, function (r, i) { return [r, i, value(r, index)]; });
    var allNumbers = rows.every(function (r) { return r[2] === "" || numeric(r[2]); });
    rows.sort(function (a, b) {
      var x = a[2], y = b[2], d;
      if (x === "" || y === "") { d = (x === "") - (y === ""); return d || a[1] - b[1]; }
      d = allNumbers ? Number(x) - Number(y) : collator.compare(x, y);
      if (!ascending) { d = -d; }
      return d || a[1] - b[1];
    });
    rows.forEach(function (r) { body.appendChild(r[0]); });
  }
  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (table) {
    if (!table.tHead) { return; }
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
      var button = th.querySelector("button");
      if (button) { button.addEventListener("click", function () { sortBy(table, index, th); }); }
    });
  });
  var table = document.getElementById("findings-table");
  if (!table) { return; }
  var text = document.getElementById("filter-text");
  var severity = document.getElementById("filter-severity");
  var rule = document.getElementById("filter-rule");
  var doc = document.getElementById("filter-doc");
  var accepted = document.getElementById("filter-accepted");
  var count = document.getElementById("filter-count");
  function apply() {
    var q = text.value.trim().toLowerCase();
    var shown = 0;
    var rows = table.tBodies[0].rows;
    Array.prototype.forEach.call(rows, function (row) {
      var ok = (!q || row.textContent.toLowerCase().indexOf(q) !== -1) &&
        (!severity.value || row.getAttribute("data-severity") === severity.value) &&
        (!rule.value || row.getAttribute("data-rule") === rule.value) &&
        (!doc.value || row.getAttribute("data-doc") === doc.value) &&
        (accepted.checked || row.getAttribute("data-counted") === "1");
      row.hidden = !ok;
      if (ok) { shown += 1; }
    });
    count.textContent = shown + " of " + rows.length + " findings shown";
  }
  [text, severity, rule, doc, accepted].forEach(function (el) {
    el.addEventListener("input", apply);
    el.addEventListener("change", apply);
  });
  apply();
}());
"""


def _hash(source: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii")


CSP = (
    f"default-src 'none'; script-src '{_hash(SCRIPT)}'; style-src '{_hash(STYLE)}'; img-src data:; "
    "base-uri 'none'; form-action 'none'"
)


def esc(value: object) -> str:
    """Escape for HTML text and attribute values (quotes included)."""
    return html.escape(value if isinstance(value, str) else text(value), quote=True)


def _lang(value: object) -> str:
    code = str(value or "")
    return code if re.fullmatch(r"[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*", code) else ""


def _lang_attr(value: object) -> str:
    code = _lang(value)
    return f' lang="{code}"' if code else ""


# --- plots -------------------------------------------------------------------------------------------------


def _legend() -> str:
    return '<div class="legend">' + "".join(f'<span><i class="k-{s}"></i>{s}</span>' for s in SEVERITIES) + "</div>"


def _stacked_bars(caption: str, rows: Sequence[tuple[str, Mapping[str, int]]]) -> str:
    """Horizontal bars, one per label, split by severity."""
    bar, gap, label_w, plot_w, count_w = 16, 6, 230, 300, 50
    height = len(rows) * (bar + gap) + gap
    width = label_w + plot_w + count_w
    top = max((sum(c.values()) for _, c in rows), default=0) or 1
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="{esc(caption)}">'
    ]
    for i, (label, by_severity) in enumerate(rows):
        y = gap + i * (bar + gap)
        short = label if len(label) <= 36 else label[:35] + "…"
        parts.append(f'<text x="{label_w - 6}" y="{y + bar - 4}" text-anchor="end">{esc(short)}</text>')
        x = float(label_w)
        for severity in SEVERITIES:
            n = by_severity.get(severity, 0)
            if not n:
                continue
            w = plot_w * n / top
            parts.append(
                f'<rect class="sev-{severity}" x="{x:.1f}" y="{y}" width="{max(w, 1):.1f}" height="{bar}">'
                f"<title>{esc(label)}: {n} {severity}</title></rect>"
            )
            x += w
        parts.append(f'<text x="{x + 4:.1f}" y="{y + bar - 4}">{sum(by_severity.values())}</text>')
    parts.append("</svg>")
    return f"<figure><figcaption>{esc(caption)}</figcaption>{_legend()}{''.join(parts)}</figure>"


def _histogram(caption: str, values: Sequence[float], bins: int = 10) -> str:
    lo, hi = min(values), max(values)
    if lo >= 0 and hi <= 1:
        lo, hi = 0.0, 1.0
    elif lo >= 0 and hi <= 100:
        lo, hi = 0.0, 100.0
    elif lo >= 0:
        lo = 0.0
    if hi == lo:
        lo, hi = lo - 0.5, hi + 0.5
    step = (hi - lo) / bins
    tally = [0] * bins
    for v in values:
        tally[min(bins - 1, max(0, int((v - lo) / step)))] += 1
    width, height, left, bottom, top_pad = 300, 140, 30, 20, 8
    plot_h = height - bottom - top_pad
    bar_w = (width - left - 4) / bins
    top = max(tally) or 1
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="{esc(caption)}">',
        f'<line class="axis" x1="{left}" y1="{height - bottom}" x2="{width - 4}" y2="{height - bottom}"/>',
        f'<text x="{left - 4}" y="{top_pad + 8}" text-anchor="end">{top}</text>',
        f'<text x="{left - 4}" y="{height - bottom}" text-anchor="end">0</text>',
    ]
    for i, n in enumerate(tally):
        h = plot_h * n / top
        x = left + i * bar_w
        a, b = lo + i * step, lo + (i + 1) * step
        parts.append(
            f'<rect class="bar" x="{x + 1:.1f}" y="{height - bottom - h:.1f}" width="{bar_w - 2:.1f}" '
            f'height="{h:.1f}"><title>{esc(text(a))}–{esc(text(b))}: {n}</title></rect>'
        )
    for frac, anchor in ((0.0, "start"), (0.5, "middle"), (1.0, "end")):
        x = left + frac * (width - left - 4)
        parts.append(
            f'<text x="{x:.1f}" y="{height - 5}" text-anchor="{anchor}">{esc(text(lo + frac * (hi - lo)))}</text>'
        )
    parts.append("</svg>")
    stats = f"n={len(values)}, median {text(statistics.median(values))}, mean {text(statistics.fmean(values))}"
    return (
        f'<figure><figcaption>{esc(caption)}</figcaption><div class="extra">{esc(stats)}</div>{"".join(parts)}</figure>'
    )


def _score_plots(tables: ReportTables) -> list[str]:
    plots = []
    for label, frame in (("documents", tables.documents), ("segments", tables.segments)):
        for column in frame.columns:
            if not is_float_column(frame, str(column)):
                continue
            values = [float(v) for v in frame[column].dropna().tolist()]
            values = [v for v in values if v == v and abs(v) != float("inf")]
            if values:
                plots.append(_histogram(f"{column} ({label})", values))
    return plots


# --- tables ------------------------------------------------------------------------------------------------


def _td(column: str, value: object, extra: str = "", lang: str = "") -> str:
    shown = esc(value)
    classes = []
    attrs = ""
    if column.endswith("severity"):
        severity = str(value or "")
        classes += ["sev", f"s-{severity}"] if severity in SEVERITY_RANK else []
        attrs += f' data-value="{SEVERITY_RANK.get(severity, "")}"'
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        classes.append("num")
    if column in LONG_TEXT:
        classes.append("long")
    if lang:
        attrs += _lang_attr(lang)
    cls = f' class="{" ".join(classes)}"' if classes else ""
    return f"<td{cls}{attrs}{extra}>{shown}</td>"


def _thead(columns: Iterable[str]) -> str:
    return (
        "<thead><tr>"
        + "".join(f'<th scope="col"><button type="button">{esc(c)}</button></th>' for c in columns)
        + "</tr></thead>"
    )


def _select(ident: str, label: str, values: Iterable[str]) -> str:
    options = "".join(f'<option value="{esc(v)}">{esc(v)}</option>' for v in values)
    return f'<label>{esc(label)} <select id="{ident}"><option value="">all</option>{options}</select></label>'


class _Anchors:
    """Stable element ids for documents and pairs (doc ids are untrusted text, so ids are numbered)."""

    def __init__(self, doc_ids: Iterable[str]) -> None:
        self.index: dict[str, int] = {}
        for doc_id in doc_ids:
            self.index.setdefault(doc_id, len(self.index))

    def doc(self, doc_id: str) -> str:
        return f"doc-{self.index.setdefault(doc_id, len(self.index))}"

    def pair(self, doc_id: str, pair_id: object) -> str:
        return f"{self.doc(doc_id)}-p{pair_id}" if pair_id is not None else self.doc(doc_id)


def _findings_section(tables: ReportTables, anchors: _Anchors, langs: Mapping[str, tuple[str, str]]) -> str:
    frame = tables.findings
    note = ""
    if len(frame) > MAX_FINDING_ROWS and "severity" in frame.columns:
        ranks = [_SEVERITY_ORDER.get(str(v), len(_SEVERITY_ORDER)) for v in frame["severity"]]
        order = sorted(range(len(frame)), key=lambda k: (ranks[k], k))[:MAX_FINDING_ROWS]
        frame = frame.iloc[sorted(order)]
        note = _left_out("findings (the most severe)", len(frame), len(tables.findings))
    rows = records(frame)
    columns = [str(c) for c in tables.findings.columns]
    if not rows:
        return '<section id="findings"><h2>Findings</h2><p class="empty">No findings.</p></section>'
    rules = sorted({str(r.get("rule")) for r in rows if r.get("rule")})
    docs = sorted({str(r.get("doc_id")) for r in rows if r.get("doc_id") is not None})
    filters = (
        '<div class="filters">'
        '<label>Search <input type="search" id="filter-text" placeholder="text in any column"></label>'
        + _select("filter-severity", "Severity", [s for s in SEVERITIES if any(r.get("severity") == s for r in rows)])
        + _select("filter-rule", "Rule", rules)
        + _select("filter-doc", "Document", docs)
        + '<label><input type="checkbox" id="filter-accepted" checked> suppressed and baselined</label>'
        + '<output id="filter-count"></output></div>'
    )
    body = []
    for r in rows:
        doc_id = str(r.get("doc_id") or "")
        src_lang, tgt_lang = langs.get(doc_id, ("", ""))
        cells = []
        for column in columns:
            value = r.get(column)
            if column == "doc_id":
                link = f'<a href="#{anchors.pair(doc_id, r.get("pair_id"))}">{esc(value)}</a>'
                cells.append(f"<td>{link}</td>")
                continue
            lang = src_lang if column == "source" else tgt_lang if column in {"target", "evidence"} else ""
            cells.append(_td(column, value, lang=lang))
        counted = counts(r)
        body.append(
            f'<tr data-severity="{esc(r.get("severity"))}" data-rule="{esc(r.get("rule"))}" '
            f'data-doc="{esc(doc_id)}" data-counted="{1 if counted else 0}"'
            + ("" if counted else ' class="accepted"')
            + ">"
            + "".join(cells)
            + "</tr>"
        )
    table = (
        '<div class="scroll"><table id="findings-table" class="sortable">'
        + _thead(columns)
        + "<tbody>"
        + "\n".join(body)
        + "</tbody></table></div>"
    )
    return f'<section id="findings"><h2>Findings</h2>{note}{filters}{table}</section>'


def _plain_table(
    ident: str, title: str, columns: Sequence[str], rows: Sequence[dict[str, Any]], anchors: _Anchors
) -> str:
    if not rows:
        return f'<section id="{ident}"><h2>{esc(title)}</h2><p class="empty">None.</p></section>'
    body = []
    for r in rows:
        cells = []
        for column in columns:
            if column == "doc_id" and ident == "documents":
                doc_id = str(r.get("doc_id") or "")
                cells.append(f'<td><a href="#{anchors.doc(doc_id)}">{esc(doc_id)}</a></td>')
            else:
                cells.append(_td(column, r.get(column)))
        body.append("<tr>" + "".join(cells) + "</tr>")
    return (
        f'<section id="{ident}"><h2>{esc(title)}</h2><div class="scroll"><table class="sortable" id="{ident}-table">'
        + _thead(columns)
        + "<tbody>"
        + "\n".join(body)
        + "</tbody></table></div></section>"
    )


# --- side by side ------------------------------------------------------------------------------------------


def _spans(haystack: str, needles: Sequence[tuple[str, str, str]]) -> list[tuple[int, int, str, list[str]]]:
    """Where each needle (text, severity, title) occurs in ``haystack``, overlaps merged (worst severity wins)."""
    found: list[tuple[int, int, str, str]] = []
    lowered = haystack.lower()
    same_length = len(lowered) == len(haystack)
    for needle, severity, title in needles:
        needle = needle.strip()
        if not needle:
            continue
        hits = [m.start() for m in re.finditer(re.escape(needle), haystack)]
        if not hits and same_length:
            low = needle.lower()
            if len(low) == len(needle):
                hits = [m.start() for m in re.finditer(re.escape(low), lowered)]
        found += [(start, start + len(needle), severity, title) for start in hits]
    found.sort()
    merged: list[tuple[int, int, str, list[str]]] = []
    for start, end, severity, title in found:
        if merged and start < merged[-1][1]:
            s0, e0, sev0, titles = merged[-1]
            worst = severity if SEVERITY_RANK.get(severity, 0) > SEVERITY_RANK.get(sev0, 0) else sev0
            merged[-1] = (s0, max(e0, end), worst, titles + ([title] if title not in titles else []))
        else:
            merged.append((start, end, severity, [title]))
    return merged


def _highlight(haystack: str, spans: Sequence[tuple[int, int, str, list[str]]]) -> str:
    out, at = [], 0
    for start, end, severity, titles in spans:
        out.append(esc(haystack[at:start]))
        out.append(
            f'<mark class="m-{esc(severity)}" title="{esc("; ".join(titles))}">{esc(haystack[start:end])}</mark>'
        )
        at = end
    out.append(esc(haystack[at:]))
    return "".join(out)


def _finding_note(r: Mapping[str, Any]) -> str:
    severity = str(r.get("severity") or "")
    evidence = str(r.get("evidence") or "")
    suggestion = str(r.get("suggestion") or "")
    change = ""
    if evidence and suggestion:
        change = f" <del>{esc(evidence)}</del> → <ins>{esc(suggestion)}</ins>"
    elif suggestion:
        change = f" → <ins>{esc(suggestion)}</ins>"
    elif evidence:
        change = f" <del>{esc(evidence)}</del>"
    accepted = "" if counts(r) else ' <span class="msg">(suppressed or baselined)</span>'
    return (
        f'<div class="f s-{esc(severity)}"><code>{esc(r.get("rule"))}</code> {esc(r.get("name"))}{change}{accepted}'
        f'<div class="msg">{esc(r.get("message"))}</div></div>'
    )


def _document_view(
    doc: Mapping[str, Any],
    segments: Sequence[dict[str, Any]],
    findings: Sequence[dict[str, Any]],
    extra_columns: Sequence[str],
    anchors: _Anchors,
) -> str:
    doc_id = str(doc.get("doc_id") or "")
    by_pair: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    for f in findings:
        by_pair[f.get("pair_id")].append(f)
    tally = Counter(str(f.get("severity")) for f in findings)
    status = str(doc.get("status") or "")
    headline = " · ".join(
        part
        for part in (
            status,
            f"{doc.get('src_lang') or '?'} → {doc.get('tgt_lang') or '?'}" if doc.get("tgt_lang") else "",
            f"{len(segments)} pairs",
            ", ".join(f"{tally[s]} {s}" for s in SEVERITIES if tally[s]) or "no findings",
        )
        if part
    )
    meta = "".join(f"<span><b>{esc(k)}</b>{esc(v)}</span>" for k, v in doc.items() if k != "doc_id" and text(v) != "")
    parts = [
        f'<details class="doc" id="{anchors.doc(doc_id)}"' + (" open" if findings else "") + ">",
        f'<summary><h3>{esc(doc_id)}</h3> <span class="msg">{esc(headline)}</span></summary>',
        f'<div class="meta">{meta}</div>',
    ]
    whole = by_pair.get(None, [])
    if whole:
        parts.append("<div>" + "".join(_finding_note(f) for f in whole) + "</div>")
    if segments:
        src_lang = _lang(segments[0].get("src_lang") or doc.get("src_lang"))
        tgt_lang = _lang(segments[0].get("tgt_lang") or doc.get("tgt_lang"))
        parts.append(
            '<table class="aligned"><colgroup><col class="c-id"><col class="c-link"><col><col>'
            '<col class="c-f"><col class="c-x"></colgroup>'
            f"<thead><tr><th>#</th><th>link</th><th>source {esc(src_lang)}</th><th>translation {esc(tgt_lang)}</th>"
            "<th>findings</th><th>details</th></tr></thead><tbody>"
        )
        for s in segments:
            pair_id = s.get("pair_id")
            notes = by_pair.get(pair_id, [])
            needles = [
                (
                    str(f.get("evidence") or ""),
                    str(f.get("severity") or ""),
                    f"{f.get('rule')} {f.get('name') or ''}".strip(),
                )
                for f in notes
            ]
            source, target = str(s.get("source") or ""), str(s.get("target") or "")
            in_target = [n for n in needles if n[0].strip() and n[0].strip() in target]
            in_source = [n for n in needles if n not in in_target]
            worst = max((str(f.get("severity")) for f in notes), key=lambda v: SEVERITY_RANK.get(v, 0), default="")
            row_class = f' class="flagged w-{esc(worst)}"' if notes else ""
            extras = "".join(f"<span>{esc(c)}: {esc(s.get(c))}</span>" for c in extra_columns if text(s.get(c)) != "")
            parts.append(
                f'<tr id="{anchors.pair(doc_id, pair_id)}"{row_class}>'
                f"<td>{esc(pair_id)}</td><td>{esc(s.get('link'))}</td>"
                f'<td class="text"{_lang_attr(s.get("src_lang") or doc.get("src_lang"))}>'
                f"{_highlight(source, _spans(source, in_source))}</td>"
                f'<td class="text"{_lang_attr(s.get("tgt_lang") or doc.get("tgt_lang"))}>'
                f"{_highlight(target, _spans(target, in_target))}</td>"
                f"<td>{''.join(_finding_note(f) for f in notes)}</td>"
                f'<td class="extra">{extras}</td></tr>'
            )
        parts.append("</tbody></table>")
    elif not whole:
        parts.append('<p class="empty">No sentence pairs.</p>')
    parts.append("</details>")
    return "".join(parts)


#: A page a browser can open: the side-by-side view shows at most this many documents, and the findings table
#: at most this many rows (the most severe first); the page says what it left out, which every other format
#: holds in full.
MAX_DOCUMENTS_SIDE_BY_SIDE = 500
MAX_FINDING_ROWS = 20_000

_SEVERITY_ORDER = {s: k for k, s in enumerate(SEVERITIES)}


def _shown_documents(tables: ReportTables) -> list[str] | None:
    """The documents of the side-by-side view when there are too many for one page (``None``: all of them):
    the most errors, then warnings, then risk first, listed in input order."""
    frame = tables.documents
    if len(frame) <= MAX_DOCUMENTS_SIDE_BY_SIDE or "doc_id" not in frame.columns:
        return None
    keys = {
        str(row.get("doc_id") or ""): (
            -(plain(row.get("errors")) or 0),
            -(plain(row.get("warnings")) or 0),
            -(plain(row.get("risk")) or 0.0),
            k,
        )
        for k, row in enumerate(iter_records(frame))
    }
    chosen = set(sorted(keys, key=keys.__getitem__)[:MAX_DOCUMENTS_SIDE_BY_SIDE])
    return [doc_id for doc_id in keys if doc_id in chosen]


def _left_out(what: str, shown: int, total: int) -> str:
    return (
        f'<p class="empty">Showing {shown:,} of {total:,} {what} on this page; every one of them is in the CSV, '
        "XLSX and JSON reports.</p>"
    )


def _side_by_side(tables: ReportTables, anchors: _Anchors) -> str:
    shown = _shown_documents(tables)
    segment_frame, finding_frame, document_frame = tables.segments, tables.findings, tables.documents
    if shown is not None:
        segment_frame = segment_frame[segment_frame["doc_id"].isin(shown)]
        finding_frame = finding_frame[finding_frame["doc_id"].isin(shown)]
        document_frame = document_frame[document_frame["doc_id"].isin(shown)]
    segments = records(segment_frame)
    findings = records(finding_frame)
    extra = [str(c) for c in tables.segments.columns if str(c) not in _PAIR_LAYOUT]
    by_doc_segments: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for s in segments:
        by_doc_segments[str(s.get("doc_id") or "")].append(s)
    by_doc_findings: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for f in findings:
        by_doc_findings[str(f.get("doc_id") or "")].append(f)
    documents = records(document_frame)
    known = {str(d.get("doc_id") or "") for d in documents}
    documents += [{"doc_id": d} for d in list(by_doc_segments) + list(by_doc_findings) if d not in known]
    seen: set[str] = set()
    parts = ['<section id="side-by-side"><h2>Side by side</h2>']
    if shown is not None:
        what = "documents (those with the most errors, warnings and risk)"
        parts.append(_left_out(what, len(shown), len(tables.documents)))
    for doc in documents:
        doc_id = str(doc.get("doc_id") or "")
        if doc_id in seen:
            continue
        seen.add(doc_id)
        parts.append(
            _document_view(doc, by_doc_segments.get(doc_id, []), by_doc_findings.get(doc_id, []), extra, anchors)
        )
    if not seen:
        parts.append('<p class="empty">No documents.</p>')
    parts.append("</section>")
    return "".join(parts)


# --- the page ----------------------------------------------------------------------------------------------


def _summary_section(tables: ReportTables) -> str:
    summary = tables.summary
    totals = summary.get("counts", {})
    rows = records(tables.findings)
    level = fail_on(tables)
    failing = sum(fails(r, level) for r in rows)
    new = sum(counts(r) for r in rows)
    if level == "never":
        outcome, outcome_class = "not gated (--fail-on never)", ""
    elif failing:
        outcome, outcome_class = f"fails: {failing} at or above {level}", "outcome-failed"
    else:
        outcome, outcome_class = f"passes at --fail-on {level}", "outcome-passed"
    by_severity = Counter(str(r.get("severity")) for r in rows)
    cards = [
        ("documents", totals.get("documents", len(tables.documents)), ""),
        ("sentence pairs", totals.get("pairs", len(tables.segments)), ""),
        ("findings", len(rows), ""),
        *[(s, by_severity[s], "") for s in SEVERITIES],
        ("new (counted)", new, ""),
        ("outcome", outcome, outcome_class),
    ]
    card_html = "".join(f'<div class="card {cls}"><b>{esc(value)}</b>{esc(label)}</div>' for label, value, cls in cards)
    plots = []
    by_rule: dict[str, Counter[str]] = defaultdict(Counter)
    by_doc: dict[str, Counter[str]] = defaultdict(Counter)
    for r in rows:
        by_rule[f"{r.get('rule')} {r.get('name') or ''}".strip()][str(r.get("severity"))] += 1
        by_doc[str(r.get("doc_id") or "")][str(r.get("severity"))] += 1
    if by_rule:
        plots.append(_stacked_bars("Findings by rule", sorted(by_rule.items())))
        ranked = sorted(by_doc.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))[:20]
        caption = "Findings by document" + (f" (top {len(ranked)} of {len(by_doc)})" if len(by_doc) > 20 else "")
        plots.append(_stacked_bars(caption, ranked))
    plots += _score_plots(tables)
    scores = summary.get("scores") or {}
    score_html = ""
    if isinstance(scores, dict) and scores:
        keys = sorted({k for v in scores.values() if isinstance(v, dict) for k in v if k != "signatures"})
        head = "".join(f"<th>{esc(k)}</th>" for k in ["language", *keys])
        body = "".join(
            "<tr>" + f"<td>{esc(lang)}</td>" + "".join(_td(k, v.get(k)) for k in keys) + "</tr>"
            for lang, v in sorted(scores.items())
            if isinstance(v, dict)
        )
        signatures = "".join(
            f"<dt>{esc(lang)} {esc(name)}</dt><dd>{esc(sig)}</dd>"
            for lang, v in sorted(scores.items())
            if isinstance(v, dict) and isinstance(v.get("signatures"), dict)
            for name, sig in sorted(v["signatures"].items())
        )
        score_html = f"<h3>Corpus scores</h3><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>" + (
            f'<details><summary>sacrebleu signatures</summary><dl class="sig">{signatures}</dl></details>'
            if signatures
            else ""
        )
    plot_html = f'<div class="plots">{"".join(plots)}</div>' if plots else '<p class="empty">Nothing to plot.</p>'
    return (
        f'<section id="summary"><h2>Summary</h2><div class="cards">{card_html}</div>{score_html}{plot_html}</section>'
    )


def render(tables: ReportTables) -> str:
    summary = tables.summary
    version = str(summary.get("tool", {}).get("version", ""))
    documents = records(tables.documents)
    doc_ids = [str(d.get("doc_id") or "") for d in documents]
    anchors = _Anchors(doc_ids)
    langs = {str(d.get("doc_id") or ""): (_lang(d.get("src_lang")), _lang(d.get("tgt_lang"))) for d in documents}
    doc_columns = [str(c) for c in tables.documents.columns]
    name_columns = [str(c) for c in tables.names.columns]
    body = "\n".join(
        [
            _summary_section(tables),
            _findings_section(tables, anchors, langs),
            _plain_table("documents", "Documents", doc_columns, documents, anchors),
            _plain_table("names", "Names", name_columns, records(tables.names), anchors),
            _side_by_side(tables, anchors),
        ]
    )
    title = f"transcheck report {version}".strip()
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f"<title>{esc(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        f"<header><h1>{esc(title)}</h1>"
        '<nav><a href="#summary">Summary</a><a href="#findings">Findings</a><a href="#documents">Documents</a>'
        '<a href="#names">Names</a><a href="#side-by-side">Side by side</a></nav></header>\n'
        f"<main>\n{body}\n</main>\n"
        f"<footer>Written by transcheck {esc(version)}. The same run gives the same file.</footer>\n"
        f"<script>{SCRIPT}</script>\n</body>\n</html>\n"
    )


def write(tables: ReportTables, folder: Path) -> list[Path]:
    return [write_text(folder, FILE, render(tables))]
