"""Pair source and translated documents by what they contain, when their file names do not match.

A translation keeps much of its source verbatim or by value whatever the languages: the numbers (2023,
3万 = 30,000, 15亿 = 1.5 billion), Latin-script tokens such as URLs, acronyms and product names, and the
names the lexicon knows on both sides (尹锡悦 → Yoon Suk-yeol). Each document gets a *signature* of such
features and a length in Latin-equivalent characters; every source/translation candidate is scored by the
IDF-weighted overlap of their signatures, damped when their lengths disagree.

The assignment is greedy, best score first, and a pair is accepted only when its score clears
:data:`MIN_SCORE`, it shares at least :data:`MIN_SHARED` features, and it beats every competing candidate
that is still free, on either side, by :data:`MARGIN`. The passes repeat until nothing more is accepted
(each accepted pair removes competitors, which can only widen the others' margins). Greedy is enough here:
an accepted pair is the clear best of both its documents among those left, which is exactly the case where
greedy and an optimal (Hungarian) assignment agree; where they could disagree, several candidates score
about the same, and those documents are left unpaired on purpose, because a wrong pairing produces a report
full of false alarms while an unpaired document is reported as such and is easy to fix by renaming a file.

Everything is order-independent: features are strings summed in sorted order, scores are rounded, and ties
are broken by the documents' keys (their file names), never by their position in the input.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from .lid import detect_document
from .names.lexicon import NameLexicon, shipped_lexicon
from .text.numbers import extract_numbers
from .text.script import base_lang, is_cjk_lang, latin_equivalent_length

#: A candidate pair needs at least this score (weighted overlap in [0, 1], damped by length) ...
MIN_SCORE = 0.45
#: ... at least this many features in common (one shared year or name is never enough) ...
MIN_SHARED = 2
#: ... and this lead over the best competing candidate of either document.
MARGIN = 0.1
#: Spread of log(target length / source length) in Latin-equivalent characters around 1 (ratio 1.65 → 0.61).
LENGTH_SIGMA = 0.5

_URL = re.compile(r"(?:https?://|www\.)[\w\-.~:/?#@!$&*+,;=%]+", re.IGNORECASE | re.ASCII)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.ASCII)
_LATIN_TOKEN = re.compile(r"[A-Za-z0-9]+(?:[-'’.&+][A-Za-z0-9]+)*")
# What may stand between a sentence boundary and the word that opens the next sentence.
_OPENERS = " \t\"'“‘(«[—–-"
_SENTENCE_END = ".!?:;。！？：；\n"
_NAME_SEPARATORS = re.compile(r"[\s\-‐‑’'.]+")
_WORD = re.compile(r"\w+(?:[’'.\-‐‑]\w+)*\.?")
_MAX_NAME_WORDS = 5


@dataclass(frozen=True)
class Signature:
    """What a document is matched on: feature strings (``num:``, ``tok:``, ``name:``, ``cap:``), its length
    in Latin-equivalent characters, and whether it is written in an alphabetic language (not CJK)."""

    features: frozenset[str]
    length: float
    alphabetic: bool = True


@dataclass(frozen=True)
class Match:
    """Source ``source`` and translation ``target`` (indexes into the inputs), with the pair's score and the
    best score of a competing candidate at the moment it was decided (0 when there was none)."""

    source: int
    target: int
    score: float
    runner_up: float = 0.0


@dataclass(frozen=True)
class Pairing:
    """The outcome: accepted matches (in source order), the documents left over, and for a leftover whose
    best candidate cleared :data:`MIN_SCORE` but not the margin, that near miss (so a report can say why)."""

    matches: tuple[Match, ...]
    unpaired_sources: tuple[int, ...]
    unpaired_targets: tuple[int, ...]
    source_near_misses: dict[int, Match] = field(default_factory=dict)
    target_near_misses: dict[int, Match] = field(default_factory=dict)


def _number_features(text: str, lang: str) -> set[str]:
    """Values, not spellings: 3万 and 30,000 give the same feature; soft numbers (two, 两, March) count too."""
    features = set()
    for number in extract_numbers(text, lang):
        value = round(number.value, 6)
        features.add(f"num:{int(value) if value == int(value) else value}")
    return features


def _sentence_initial(text: str, start: int) -> bool:
    k = start - 1
    while k >= 0 and text[k] in _OPENERS:
        k -= 1
    return k < 0 or text[k] in _SENTENCE_END


def _token_features(text: str, lang: str) -> set[str]:
    """Latin-script tokens that a translation keeps verbatim.

    In CJK text every Latin word is such a token (NASA, iPhone, GSOMIA). In alphabetic text the distinctive
    ones are (``tok:``): mixed letters and digits (5G, F-35), a capital after the first letter (GSOMIA,
    iPhone, McDonald); a capitalised word that does not open a sentence (a name: Tokyo, Kishida) is kept
    apart (``cap:``), since it only carries over between two alphabetic languages.
    """
    features: set[str] = set()
    addresses: list[tuple[int, int]] = []
    for m in (*_URL.finditer(text), *_EMAIL.finditer(text)):
        features.add(f"tok:{m.group(0).rstrip('.,;:!?)').casefold()}")
        addresses.append(m.span())
    cjk = is_cjk_lang(lang)
    for m in _LATIN_TOKEN.finditer(text):
        if any(start <= m.start() < end for start, end in addresses):
            continue  # a piece of a URL or an e-mail address, already counted whole
        word = m.group(0).rstrip(".")
        if word.endswith(("'s", "’s")):
            word = word[:-2]
        letters = sum(ch.isalpha() for ch in word)
        if letters == 0 or len(word) < 2:
            continue  # a bare number: compared by value
        inner_capital = any(ch.isupper() for part in re.split(r"[-'’.&+]", word) for ch in part[1:])
        if cjk or letters < sum(ch.isalnum() for ch in word) or inner_capital:
            features.add(f"tok:{word.casefold()}")
        elif word[0].isupper() and not _sentence_initial(text, m.start()):
            features.add(f"cap:{word.casefold()}")
    return features


def _squash(text: str) -> str:
    return _NAME_SEPARATORS.sub("", text)


def _known(words: list[str], lexicon: NameLexicon) -> list[str]:
    """The ids of the lexicon entries that accept these words as a spelling, letter for letter."""
    candidate = " ".join(words)
    squashed = _squash(candidate)
    return [
        entry.id
        for entry in lexicon.by_rendering(candidate)
        if any(_squash(accepted) == squashed for accepted in entry.accepted)
    ]


def _name_features(text: str, lexicon: NameLexicon) -> set[str]:
    """Lexicon entries named in the text, by a source form (尹锡悦) or an accepted rendering (Yoon Suk-yeol).

    Renderings are looked up for runs of up to five words that start and end with a capital, longest first and
    without overlaps (the "Korean Central News Agency" is not also the "Central News Agency"); a run must
    match an accepted spelling letter for letter, case included, spacing, hyphens and dots aside, so "Who" is
    not WHO, and "Yoon Suk Yeol" is "Yoon Suk-yeol" only because both spellings are accepted.
    """
    ids = {entry.id for _, entry in lexicon.find_in_source(text)}
    words = [w.removesuffix("’s").removesuffix("'s") for w in _WORD.findall(text)]
    first = 0
    while first < len(words):
        found: list[str] = []
        if words[first][:1].isupper():
            for last in range(min(first + _MAX_NAME_WORDS, len(words)) - 1, first - 1, -1):  # longest first
                if words[last][:1].isupper() and (found := _known(words[first : last + 1], lexicon)):
                    first = last
                    break
        ids.update(found)
        first += 1
    return {f"name:{entry_id}" for entry_id in ids}


def document_signature(text: str, lang: str | None = None, lexicon: NameLexicon | None = None) -> Signature:
    """The signature of one document; ``lang`` is detected from the text when not given."""
    if not text.strip():
        return Signature(frozenset(), 0.0, not is_cjk_lang(lang))
    code = base_lang(lang) or detect_document([line for line in text.splitlines() if line.strip()]) or "en"
    lexicon = lexicon if lexicon is not None else shipped_lexicon()
    features = _number_features(text, code) | _token_features(text, code) | _name_features(text, lexicon)
    return Signature(frozenset(features), latin_equivalent_length(text), not is_cjk_lang(code))


def _length_agreement(source: float, target: float) -> float:
    """1 when the lengths are equal in Latin-equivalent characters, falling off with their log ratio."""
    if source <= 0 or target <= 0:
        return 0.0
    return math.exp(-0.5 * (math.log(target / source) / LENGTH_SIGMA) ** 2)


def _mass(features: Sequence[str], weight: dict[str, float]) -> float:
    return math.fsum(weight[f] for f in features)


def score_candidates(
    sources: Sequence[Signature], targets: Sequence[Signature], background: Sequence[Signature] = ()
) -> dict[tuple[int, int], float]:
    """Scores in [0, 1] of every (source, target) that share at least :data:`MIN_SHARED` features.

    Each feature weighs its inverse document frequency over all the documents, ``background`` included
    (the documents already paired by name, when there are some: they tell which numbers and names are
    common in this corpus), so a number that every article has (1, 2023) counts little and one that two
    documents share counts much. The score is the weighted Dice overlap of the two signatures times a length
    factor between 0.5 and 1. Features missing on one side count against a pair: a source whose numbers and
    names are absent from a translation is not its source, however much else they share.
    """
    frequency: dict[str, int] = defaultdict(int)
    for signature in (*sources, *targets, *background):
        for feature in signature.features:
            frequency[feature] += 1
    total = len(sources) + len(targets) + len(background)
    weight = {feature: math.log((total + 1) / (count + 0.5)) for feature, count in frequency.items()}

    # Which features count when two documents are compared: numbers and lexicon names carry over between
    # any two languages. Latin tokens written in CJK text carry over verbatim, but alphabetic text has
    # tokens of its own (US, NATO) that CJK text writes in characters, so against a CJK document an
    # alphabetic one counts only the tokens they share. Plain capitalised words carry over only between
    # two alphabetic languages.
    def masses(signature: Signature) -> dict[str, float]:
        kinds: dict[str, list[str]] = defaultdict(list)
        for feature in signature.features:
            kinds[feature.partition(":")[0]].append(feature)
        return {kind: _mass(features, weight) for kind, features in kinds.items()}

    def counted_mass(own: Signature, own_masses: dict[str, float], both: bool, shared_tokens: float) -> float:
        tokens = own_masses.get("tok", 0.0) if both or not own.alphabetic else shared_tokens
        return own_masses.get("num", 0.0) + own_masses.get("name", 0.0) + tokens + (own_masses.get("cap", 0.0) * both)

    src_masses = [masses(signature) for signature in sources]
    tgt_masses = [masses(signature) for signature in targets]
    holders: dict[str, list[int]] = defaultdict(list)
    for j, signature in enumerate(targets):
        for feature in signature.features:
            holders[feature].append(j)
    scores: dict[tuple[int, int], float] = {}
    for i, source in enumerate(sources):
        shared_count: dict[int, int] = defaultdict(int)
        for feature in source.features:
            for j in holders[feature]:
                shared_count[j] += 1
        for j, count in sorted(shared_count.items()):
            if count < MIN_SHARED:
                continue
            target = targets[j]
            both = source.alphabetic and target.alphabetic
            shared = sorted(f for f in source.features & target.features if both or not f.startswith("cap:"))
            if len(shared) < MIN_SHARED:
                continue
            shared_tokens = _mass([f for f in shared if f.startswith("tok:")], weight)
            total_mass = counted_mass(source, src_masses[i], both, shared_tokens)
            total_mass += counted_mass(target, tgt_masses[j], both, shared_tokens)
            dice = 2 * _mass(shared, weight) / total_mass
            length = _length_agreement(source.length, target.length)
            scores[(i, j)] = round(dice * (0.5 + 0.5 * length), 9)
    return scores


def assign(
    scores: dict[tuple[int, int], float],
    n_sources: int,
    n_targets: int,
    source_keys: Sequence[str],
    target_keys: Sequence[str],
) -> Pairing:
    """Greedy best-first one-to-one assignment with a threshold and a margin (see the module docstring)."""
    order = sorted(scores, key=lambda st: (-scores[st], source_keys[st[0]], target_keys[st[1]]))
    by_source: dict[int, list[tuple[int, int]]] = defaultdict(list)
    by_target: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for i, j in order:  # each list in descending score order, like ``order``
        by_source[i].append((i, j))
        by_target[j].append((i, j))
    free_sources, free_targets = set(range(n_sources)), set(range(n_targets))

    def rival(i: int, j: int) -> float:
        """The best score of another free candidate of source ``i`` or of target ``j``."""
        best = 0.0
        for a, b in by_source[i]:
            if b != j and b in free_targets:
                best = scores[(a, b)]
                break
        for a, b in by_target[j]:
            if a != i and a in free_sources:
                best = max(best, scores[(a, b)])
                break
        return best

    matches: list[Match] = []
    progress = True
    while progress:
        progress = False
        for i, j in order:
            score = scores[(i, j)]
            if score < MIN_SCORE:
                break
            if i not in free_sources or j not in free_targets:
                continue
            runner_up = rival(i, j)
            if score - runner_up >= MARGIN:
                matches.append(Match(i, j, score, runner_up))
                free_sources.discard(i)
                free_targets.discard(j)
                progress = True

    def near_miss(candidates: list[tuple[int, int]]) -> Match | None:
        for i, j in candidates:
            if i in free_sources and j in free_targets and scores[(i, j)] >= MIN_SCORE:
                return Match(i, j, scores[(i, j)], rival(i, j))
        return None

    source_misses = {i: m for i in sorted(free_sources) if (m := near_miss(by_source[i])) is not None}
    target_misses = {j: m for j in sorted(free_targets) if (m := near_miss(by_target[j])) is not None}
    return Pairing(
        matches=tuple(sorted(matches, key=lambda m: m.source)),
        unpaired_sources=tuple(sorted(free_sources)),
        unpaired_targets=tuple(sorted(free_targets)),
        source_near_misses=source_misses,
        target_near_misses=target_misses,
    )


def pair_by_content(
    sources: Sequence[str],
    targets: Sequence[str],
    *,
    src_lang: str | None = None,
    tgt_lang: str | None = None,
    lexicon: NameLexicon | None = None,
    source_keys: Sequence[str] | None = None,
    target_keys: Sequence[str] | None = None,
    background_sources: Sequence[str] = (),
    background_targets: Sequence[str] = (),
) -> Pairing:
    """Pair source texts with translation texts one to one by content; indexes refer to the inputs.

    ``source_keys``/``target_keys`` (e.g. file names) break ties between equal scores; by default the texts
    themselves do, so the result never depends on the order of the inputs. ``background_sources`` and
    ``background_targets`` (documents already paired by name) only count towards the feature weights.
    """
    src_keys = list(source_keys) if source_keys is not None else list(sources)
    tgt_keys = list(target_keys) if target_keys is not None else list(targets)
    if len(src_keys) != len(sources) or len(tgt_keys) != len(targets):
        raise ValueError("source_keys and target_keys must have one key per document")
    if not sources or not targets:
        return Pairing((), tuple(range(len(sources))), tuple(range(len(targets))))
    lexicon = lexicon if lexicon is not None else shipped_lexicon()
    src_signatures = [document_signature(text, src_lang, lexicon) for text in sources]
    tgt_signatures = [document_signature(text, tgt_lang, lexicon) for text in targets]
    background = [document_signature(text, src_lang, lexicon) for text in background_sources]
    background += [document_signature(text, tgt_lang, lexicon) for text in background_targets]
    scores = score_candidates(src_signatures, tgt_signatures, background)
    return assign(scores, len(sources), len(targets), src_keys, tgt_keys)
