"""The rule catalogue: every finding has a stable code documented here, and only here.

Codes are grouped by family like ruff's: I input, A alignment (omissions, additions), L language,
D numbers and dates, N names, T terms, Q quality thresholds (scores and risk). ``transcheck rules`` prints this table.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Severity


@dataclass(frozen=True)
class Rule:
    """One rule and where it applies.

    ``needs_cased_target``: the rule finds what it judges by letter case (names by their capitals), so it is
    off by default for a document whose target is written in a caseless script (Chinese, Japanese, Korean,
    Thai, Arabic, Hebrew, Devanagari ...); selecting it by its full code turns it on there too.
    ``needs_aligned_pair``: the rule compares a pair's source with its target, so it is withheld from a pair
    whose alignment failed (1-0, 0-1, or a link below the confidence threshold) or whose target is not a
    translation at all. ``marks_untranslated``: a finding of this rule says the target is not a translation of
    its source, which withholds the ``needs_aligned_pair`` rules from that pair.
    """

    code: str
    name: str
    severity: Severity
    summary: str
    explanation: str
    needs_cased_target: bool = False
    needs_aligned_pair: bool = False
    marks_untranslated: bool = False


_E, _W, _I = Severity.ERROR, Severity.WARNING, Severity.INFO

RULES: dict[str, Rule] = {
    r.code: r
    for r in [
        Rule(
            "I001",
            "input-unreadable",
            _E,
            "An input file could not be read",
            "The file could not be decoded (UTF-8, UTF-16 and GB18030 are read) or parsed, or is larger than "
            "the input size limit (--max-input-mb). Nothing in it was checked; every other document was.",
        ),
        Rule(
            "I002",
            "input-bad-unit",
            _E,
            "A row or unit of an input file could not be read",
            "One row (table, JSONL), unit (TMX, XLIFF) or entry (PO) was malformed: skipped, or kept as the "
            "message says; the rest of the file was read.",
        ),
        Rule(
            "I003",
            "input-unpaired",
            _W,
            "A document has no counterpart",
            "A source file without a translation, or a translation without a source, by file name and by "
            "content. A translation without its source is still checked for language and names.",
        ),
        Rule("I004", "input-empty", _W, "A document is empty", "The document has no text to check."),
        Rule(
            "I005",
            "input-duplicate-id",
            _W,
            "Two inputs produce the same document id",
            "The later document was renamed ID~2, ID~3 … so both are checked and reported.",
        ),
        Rule(
            "I006",
            "input-paired-by-content",
            _I,
            "A translation was paired with its source by content, not by file name",
            "No source file has the translation's name, so the two were paired by what they share: numbers by "
            "value, names, URLs and acronyms, and length. The pair is accepted only when it scores well and "
            "clearly better than any other candidate; the message gives the source file and the score so a "
            "reviewer can confirm it (renaming the file makes the pairing explicit).",
        ),
        Rule(
            "A001",
            "omission",
            _E,
            "Source sentence has no translation",
            "The aligner found no target sentence for this source sentence (a 1-0 link): the translation "
            "probably dropped it. Evidence is the source sentence.",
        ),
        Rule(
            "A002",
            "addition",
            _W,
            "Target sentence has no source",
            "A target sentence that matches no source sentence (a 0-1 link): added text, a stray caption or "
            "leftover metadata.",
        ),
        Rule(
            "A003",
            "length-mismatch",
            _W,
            "A translated sentence is far shorter or longer than its source",
            "The pair's length ratio lies far outside the ratio of the document's other pairs (in Latin-"
            "equivalent units): part of the sentence may have been dropped or invented even though the "
            "sentence itself is translated.",
        ),
        Rule(
            "A004",
            "markup-mismatch",
            _W,
            "Markup or placeholders differ between source and translation",
            "Tags (<b>, </a>), placeholders ({0}, {name}, %s, %1$d, {{var}}) or entities present on one side "
            "only: leftover markup in the translation, or markup the translation lost.",
        ),
        Rule(
            "L001",
            "wrong-language",
            _E,
            "Translation is in the wrong language",
            "The target segment is written in a language other than the target language.",
            marks_untranslated=True,
        ),
        Rule(
            "L002",
            "untranslated",
            _E,
            "Text left untranslated",
            "The target sentence is in the source language: by its script, its character forms (Japanese or "
            "Chinese kanji) or its alphabet, or by n-grams with enough letters to be sure. A copy of the source "
            "whose language cannot be told is L004 instead.",
            marks_untranslated=True,
        ),
        Rule(
            "L003",
            "source-script-in-target",
            _W,
            "Source-language characters inside the translation",
            "A run of the source's non-Latin script (Chinese characters, kana, Hangul, Cyrillic …) inside a "
            "sentence otherwise in the target language, e.g. a name or term the MT system did not translate. A "
            "gloss, the source form in brackets right after its rendering (Kyodo News (共同通信)), is allowed.",
        ),
        Rule(
            "L004",
            "identical-to-source",
            _W,
            "The translation is identical to its source",
            "Source and translation are the same text although their languages differ: nothing was "
            "translated. Numbers, codes, URLs and names alone are not reported.",
            marks_untranslated=True,
        ),
        Rule(
            "D001",
            "number-missing",
            _E,
            "A number in the source is missing from the translation",
            "Numbers are compared by value (3万 = 30,000; 15亿 = 1.5 billion; full-width digits; Chinese "
            "numerals), so a different way of writing the same value is never flagged.",
            needs_aligned_pair=True,
        ),
        Rule(
            "D002",
            "number-added",
            _W,
            "A number in the translation is not in the source",
            "The translation states a value that its source does not contain.",
            needs_aligned_pair=True,
        ),
        Rule(
            "D003",
            "number-changed",
            _E,
            "A number changed value in translation",
            "A source number is missing and a different one appears in its place, e.g. 3万 (30,000) "
            "rendered as 3,000. The suggestion is the source value.",
            needs_aligned_pair=True,
        ),
        Rule(
            "D004",
            "date-time-changed",
            _E,
            "A date or time changed in translation",
            "A date (year, month, day) or time of day in the source is rendered with another day, month, "
            "year or hour, e.g. 5月8日 → 5 August, 下午3点 → 3 a.m. Dates are compared as dates whatever their "
            "written form (2023年3月10日 = March 10, 2023 = 10.03.2023). The suggestion is the source's date.",
            needs_aligned_pair=True,
        ),
        Rule(
            "N001",
            "name-nonstandard",
            _E,
            "A name is not rendered in its standard spelling",
            "The source names someone the lexicon knows (e.g. 尹锡悦 → Yoon Suk-yeol) and the translation "
            "spells the name differently and not as an accepted variant; or the source names, by a title "
            "(韩国总统…, 发言人…), a Korean or Chinese person the lexicon does not know and the translation's "
            "spelling is not a reading of the characters; or the source holds a Korean, Japanese or Chinese name "
            "outside the lexicon (found by a title, a Japanese honorific or a person-name tag) and the "
            "translation spells it close to, but not as, one of its readings. The suggestion is the standard "
            "spelling, or the closest reading. A name written given name first (Jinping Xi) is a warning; "
            "Japanese names may be written in either order (see N004). Without a source, a spelling close to a "
            "lexicon name is a warning.",
            needs_cased_target=True,
            needs_aligned_pair=True,
        ),
        Rule(
            "N002",
            "name-inconsistent",
            _W,
            "A name is rendered differently across the corpus",
            "The same source name is rendered one way in most places and differently here; the suggestion is "
            "the dominant rendering. Different people with similar names are told apart by their source "
            "forms, never by spelling similarity alone.",
            needs_cased_target=True,
        ),
        Rule(
            "N003",
            "name-variant-mixed",
            _I,
            "Accepted spellings of one name are mixed",
            "Both renderings are accepted (e.g. Yoon Suk-yeol / Yoon Suk Yeol) but a corpus usually keeps "
            "one house style.",
            needs_cased_target=True,
        ),
        Rule(
            "N004",
            "name-order-mixed",
            _W,
            "Japanese names are written in both orders across the corpus",
            "English texts write Japanese names given name first (Fumio Kishida) or surname first (Kishida "
            "Fumio); both are accepted, but one corpus should keep one. Each mention in the less used order is "
            "reported, with the name in the corpus's usual order as the suggestion.",
            needs_cased_target=True,
        ),
        Rule(
            "T001",
            "term-missing",
            _W,
            "A glossary term is not rendered as required",
            "The source contains a glossary term and the aligned translation contains none of its required "
            "renderings (case, plural and possessive are tolerated).",
            needs_aligned_pair=True,
        ),
        Rule(
            "T002",
            "term-forbidden",
            _E,
            "A forbidden rendering of a glossary term is used",
            "The source contains a glossary term and the translation uses a rendering the glossary forbids "
            "for it (e.g. a deprecated product name). The suggestion is the required rendering.",
            needs_aligned_pair=True,
        ),
        Rule(
            "Q001",
            "chrf-below-threshold",
            _E,
            "A document's chrF is below the minimum set for CI",
            "With references and --min-chrf (or min-chrf in the settings file), a document whose chrF against its "
            "reference is lower than the minimum. Scores miss name and number errors; use both.",
        ),
        Rule(
            "Q002",
            "bleu-below-threshold",
            _E,
            "A document's BLEU is below the minimum set for CI",
            "With references and --min-bleu, a document whose BLEU against its reference is lower than the minimum.",
        ),
        Rule(
            "Q003",
            "risk-above-threshold",
            _E,
            "A sentence pair's risk is above the maximum set for CI",
            "With --max-risk, a pair whose reference-free risk score (0–1: findings, alignment confidence, length "
            "ratio, untranslated share, dictionary coverage, encoder similarity, length; see transcheck.risk) is "
            "higher than the maximum: it should be reviewed before publication.",
        ),
    ]
}


def rule(code: str) -> Rule:
    return RULES[code]
