"""Link each name mention in a translation to the name in its source, and judge the rendering.

Spelling similarity cannot tell a garble from a different person ("Yoon Suk-yue" vs "Yoon Suk-yeol" is as
close as "Lee Jae-yong" vs "Lee Jae-myung"), so similarity is only used to *link* a mention to a name that
the source sentence actually contains; the verdict comes from membership in a set of accepted spellings: the
lexicon's, and for Korean, Japanese and Chinese names the readings of the source characters (``korean``,
``japanese``, ``chinese``), which also cover names outside the lexicon that the source introduces by a title or
that a tagger finds (``source_names``). Each Japanese mention also records its order (given name first or
surname first), so that the corpus pass can report a corpus that mixes the two.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from rapidfuzz.distance import Indel

from ..model import AlignedPair
from ..text.script import han_runs
from . import chinese, japanese, korean
from .lexicon import NameEntry, NameLexicon, name_key, rotated
from .mentions import NameMention, extract_mentions
from .source_names import SourceName, source_person_names
from .vocabulary import is_known_word

#: Linking needs the surname to agree and the rest of the name to be at least this similar.
GIVEN_NAME_SIMILARITY = 0.6
#: Without a source, a mention is suspected only when it is this close to a lexicon name.
TARGET_ONLY_SIMILARITY = 0.75
#: Naming traditions written in either order in English (Japanese names: "Fumio Kishida" and "Kishida Fumio").
BOTH_ORDERS_ORIGINS = frozenset({"ja", "jp"})
#: The least similarity of the other name parts (one part agreeing) for a mention to be matched with the only
#: unrendered name of its source.
ELIMINATION_SIMILARITY = 0.4
#: A one-word mention stands for a one-word name of the source (a city) when this similar to it.
ONE_WORD_SIMILARITY = 0.8
#: Without a source, a name in pinyin is suspected of being a Chinese lexicon name only when this close to it.
PINYIN_TARGET_ONLY_SIMILARITY = 0.85
#: ... and a one-word pinyin place name when this close to a Chinese one.
PINYIN_TARGET_ONLY_SIMILARITY_ONE_WORD = 0.9
#: Without a source, a one-word mention shorter than this is never suspected (too many short words are alike).
MIN_ONE_WORD_SUSPECT = 5
#: Lexicon ``origin`` values of Korean names, whose source forms can be read and romanized.
KOREAN_ORIGINS = frozenset({"ko", "kr", "kp"})
#: Whether a rendering is another accepted spelling of a lexicon name, by ``origin``: a Korean name may be any
#: romanization of its characters' readings (Revised Romanization, McCune–Reischauer, customary surnames); a
#: Japanese person's reading is known, so only its romanization style and order may differ (Kono, Kohno, Kōno),
#: not the reading (the characters of Akio Toyoda also read Toyota).
READING_TESTS: dict[str, Callable[[NameEntry, str, str], bool]] = {
    **dict.fromkeys(KOREAN_ORIGINS, lambda entry, text, form: korean.is_possible_rendering(text, form)),
    **dict.fromkeys(BOTH_ORDERS_ORIGINS, lambda entry, text, form: japanese.same_reading(text, entry.english)),
}
#: Traditions whose given names are customarily hyphenated in English (Korean); Chinese ones are joined.
HYPHENATED_GIVEN_NAMES = frozenset({"ko"})
#: Accepted English spellings of a name in Chinese characters, by naming tradition (for names outside the
#: lexicon, found in the source by their titles).
READERS: dict[str, Callable[[str], set[str]]] = {
    "ko": korean.english_candidates,
    "ja": japanese.english_candidates,
    "zh": chinese.english_candidates,
}
#: The spellings to suggest, where a tradition accepts more than it would suggest (a Japanese reading is
#: suggested given name first in plain Hepburn, "Yoji Muto", not "Mutou Youji").
SUGGESTIONS: dict[str, Callable[[str], set[str]]] = {"ja": japanese.customary_candidates}
#: NameOccurrence.order values: the order of a Japanese name's parts in the translation.
GIVEN_FIRST, SURNAME_FIRST = "given-first", "surname-first"


@dataclass(frozen=True, slots=True)
class NameOccurrence:
    """One name mention with its verdict; the corpus pass groups these into families."""

    rendering: str
    doc_id: str
    pair_id: int
    location: str
    entity: str = ""
    standard: str = ""
    verdict: str = "unverified"  # standard | variant | swapped | nonstandard | suspect | unverified
    source_form: str = ""
    source_han: tuple[str, ...] = ()
    order: str = ""  # GIVEN_FIRST or SURNAME_FIRST for a Japanese name whose order can be told, else ""


def _tokens(name: str) -> list[str]:
    return [t for t in re.split(r"[\s\-‐‑]+", name.casefold()) if t]


def given_name_similarity(mention: str, english: str) -> float:
    """Similarity of the non-surname parts when the surname (first or last token) agrees, else 0."""
    a, b = _tokens(mention), _tokens(english)
    if len(a) != len(b) or len(a) < 2:
        return 0.0
    if a[0] == b[0]:
        return float(Indel.normalized_similarity("".join(a[1:]), "".join(b[1:])))
    if a[-1] == b[-1]:
        return float(Indel.normalized_similarity("".join(a[:-1]), "".join(b[:-1])))
    return 0.0


def _pinyin_name(text: str) -> bool:
    """Every word of the name is pinyin ("Wang Chunying"; not "Ma Huateng's" garble "Ma Huatengg")."""
    return all(chinese.is_pinyin(word) for word in _tokens(text))


def _reads_as(entry: NameEntry, text: str, form: str) -> bool:
    """Whether ``text`` is another accepted spelling of the entry's name written ``form`` in the source
    (Korean and Japanese names only)."""
    test = READING_TESTS.get(entry.origin.lower())
    return test is not None and test(entry, text, form)


def japanese_order(text: str, standard: str, forms: tuple[str, ...]) -> str:
    """Whether a rendering of a Japanese name puts the given name first, told from the name's characters
    where the dictionary reads them, else from the lexicon's standard spelling (given name first). A one-word
    rendering has no order."""
    if len(text.split()) < 2:
        return ""
    for form in forms:
        first = japanese.given_name_first(text, form)
        if first is not None:
            return GIVEN_FIRST if first else SURNAME_FIRST
    key = name_key(text)
    if standard and key == name_key(standard):
        return GIVEN_FIRST
    if standard and key == name_key(rotated(standard)):
        return SURNAME_FIRST
    return ""


def _rendered(entry: NameEntry, rendered: set[str]) -> bool:
    return any(name_key(r) in rendered for r in entry.accepted)


def _closest_one_word(mention: str, entries: list[NameEntry]) -> NameEntry | None:
    """A one-word mention linked to a one-word name of the source (Seol → Seoul), by spelling similarity."""
    if len(_tokens(mention)) != 1:
        return None
    best, best_score = None, ONE_WORD_SIMILARITY
    for entry in entries:
        if len(_tokens(entry.english)) == 1:
            score = Indel.normalized_similarity(name_key(mention), name_key(entry.english))
            if score >= best_score and (best is None or score > best_score):
                best, best_score = entry, score
    return best


def _preference(hyphenated: bool, candidate: str) -> tuple[bool, int, bool, str]:
    tokens = candidate.split()
    return (any(t.isupper() and len(t) > 1 for t in tokens), len(tokens), ("-" in candidate) != hyphenated, candidate)


def _judge_by_reading(base: NameOccurrence, text: str, unknown: list[SourceName]) -> NameOccurrence | None:
    """Judge a mention against the readings of a source name the lexicon does not know.

    A mention that is one of the readings is an accepted spelling; a mention close to a reading (same
    surname, similar given name) but outside the set is a garble, and the closest reading is the suggestion.
    """
    best: tuple[float, SourceName, str] | None = None
    for name in unknown:
        candidates = READERS[name.origin](name.form)
        if name_key(text) in {name_key(c) for c in candidates}:
            order = japanese_order(text, "", (name.form,)) if name.origin == "ja" else ""
            return replace(base, entity="src:" + name.form, verdict="variant", source_form=name.form, order=order)
        # Sorted so that the suggestion never depends on set order, customary forms first: no all-capital
        # surname, the given name in one piece, hyphenated for Korean ("Kim Eun-hye"), joined for Chinese
        # ("Liu Pengyu").
        for candidate in sorted(candidates, key=functools.partial(_preference, name.origin in HYPHENATED_GIVEN_NAMES)):
            score = given_name_similarity(text, candidate)
            if score >= GIVEN_NAME_SIMILARITY and (best is None or score > best[0]):
                best = (score, name, candidate)
    if best is None:
        return None
    _, name, candidate = best
    if name.origin in SUGGESTIONS:
        # in the mention's own order: "Mutu Yoji" is suggested "Muto Yoji"
        preferred = sorted(SUGGESTIONS[name.origin](name.form))
        preferred += [rotated(c) for c in preferred]
        candidate = max(preferred, key=lambda c: given_name_similarity(text, c), default=candidate)
    return replace(base, entity="src:" + name.form, standard=candidate, verdict="nonstandard", source_form=name.form)


class NameLinker:
    def __init__(self, lexicon: NameLexicon) -> None:
        self.lexicon = lexicon
        self._by_id = {entry.id: entry for entry in lexicon.entries}
        self._one_word_entries = [e for e in lexicon.entries if len(_tokens(e.english)) == 1]
        self._by_surname: dict[str, list[NameEntry]] = {}
        for entry in lexicon.entries:
            tokens = _tokens(entry.english)
            if len(tokens) >= 2:
                for key in {tokens[0], tokens[-1]}:
                    self._by_surname.setdefault(key, []).append(entry)

    def _order_swapped(self, text: str) -> NameEntry | None:
        """The lexicon name this mention spells with its name parts in the other order ("Jinping Xi",
        "Suk-yeol Yoon", "Jong Un Kim"), if any."""
        words = text.split()
        if len(words) < 2:
            return None
        for other_order in (" ".join([words[-1], *words[:-1]]), rotated(text)):
            known = self.lexicon.by_rendering(other_order)
            if known:
                return known[0]
        return None

    def _with_short_mentions(
        self, mentions: list[NameMention], target: str, in_source: list[NameEntry], has_source: bool = True
    ) -> list[NameMention]:
        """Add the one-word mentions that can stand for a name in the source: a one-word name (Seoul, Tokyo)
        or a two-word name whose first word looks like a title or pronoun ("He Lifeng", "To Lam"). Without a
        source, the second kind judged against lexicon names of the same surname, and one word that is no known
        word or name but is spelt like a one-word lexicon name ("Bejing"; not "Wulan", a pinyin place name)."""
        taken = [(m.start, m.end) for m in mentions]
        target_key = name_key(target)
        # one-word names whose entry the translation does not already render (in any accepted spelling): the
        # short form beside a long one ("Japan Business Federation (Keidanren)") is a gloss, not a new mention
        one_word = {
            name_key(e.english)
            for e in in_source
            if len(_tokens(e.english)) == 1
            and not any(name_key(r) in target_key for r in e.accepted if len(_tokens(r)) > 1)
        }
        added = []
        for m in extract_mentions(target, min_words=1):
            if any(m.start < end and start < m.end for start, end in taken):
                continue
            words = m.full.split()
            # the shortest tail of the sequence that is a name of the source: "Vice Premier He Lifeng" → "He Lifeng"
            tail = next(
                (
                    " ".join(words[k:])
                    for k in range(len(words) - 2, -1, -1)
                    if self._names_a_person(" ".join(words[k:]), in_source, has_source)
                ),
                None,
            )
            if tail is not None:
                added.append(replace(m, text=tail, start=m.end - len(tail)))
            elif len(m.text.split()) == 1 and (
                any(Indel.normalized_similarity(name_key(m.text), key) >= ONE_WORD_SIMILARITY for key in one_word)
                or (not has_source and self._unknown_one_word_like_a_name(m.text))
            ):
                added.append(m)
        return sorted([*mentions, *added], key=lambda m: m.start)

    def _unknown_one_word_like_a_name(self, word: str) -> bool:
        """A word spelt like a one-word lexicon name that is no English word, no lexicon name and no Japanese
        name; a pinyin name with an apostrophe (Xing'an) is written as meant."""
        if len(word) < MIN_ONE_WORD_SUSPECT or "'" in word or "’" in word or self.lexicon.by_rendering(word):
            return False
        closest = _closest_one_word(word, self._one_word_entries)
        if closest is None or is_known_word(word) or japanese.is_name_word(word):
            return False
        if chinese.is_pinyin(word):
            # a pinyin word may be any Chinese place: only a letter away from a Chinese name is it suspected
            # ("Beijin", "Guanzhou"; not "Wulan" for Ulsan or "Yuhan" for Wuhan)
            similarity = Indel.normalized_similarity(name_key(word), name_key(closest.english))
            return closest.origin.startswith("zh") and similarity >= PINYIN_TARGET_ONLY_SIMILARITY_ONE_WORD
        return True

    def _names_a_person(self, text: str, in_source: list[NameEntry], has_source: bool) -> bool:
        if has_source:
            return self._closest(text, in_source, GIVEN_NAME_SIMILARITY) is not None
        tokens = _tokens(text)
        pool = self._by_surname.get(tokens[0], []) + self._by_surname.get(tokens[-1], [])
        return bool(self.lexicon.by_rendering(text)) or self._closest(text, pool, TARGET_ONLY_SIMILARITY) is not None

    def _closest(self, mention: str, entries: list[NameEntry], threshold: float) -> NameEntry | None:
        best, best_score = None, threshold
        for entry in entries:
            score = given_name_similarity(mention, entry.english)
            if score >= best_score and (best is None or score > best_score):
                best, best_score = entry, score
        return best

    def link_pair(self, doc_id: str, pair: AlignedPair, has_source: bool) -> list[NameOccurrence]:
        in_source = self.lexicon.find_in_source(pair.source) if has_source else []
        mentions = extract_mentions(pair.target)
        if in_source or not has_source:
            mentions = self._with_short_mentions(mentions, pair.target, [e for _, e in in_source], has_source)
        if not mentions:
            return []
        known_forms = "".join(f for f, _ in in_source)

        @functools.cache
        def unknown() -> list[SourceName]:
            """Names the lexicon does not know that can be read in their own tradition (found on first need:
            the tagger is the slowest step of linking)."""
            return [n for n in source_person_names(pair.source) if n.origin in READERS and n.form not in known_forms]

        source_han = tuple(han_runs(pair.source, 2)) if has_source else ()
        # Spellings the translation uses as whole mentions: a name counts as rendered only as a whole mention
        # ("Roh Moo-hyun" is not rendered by "Roh Moo-hyung", though one is a prefix of the other).
        rendered = {name_key(m.text) for m in mentions} | {name_key(m.full) for m in mentions if m.full}
        occurrences = []
        for mention in mentions:
            if mention.full != mention.text and self.lexicon.by_rendering(mention.full):
                mention = replace(mention, text=mention.full)
            text = mention.text
            base = NameOccurrence(text, doc_id, pair.pair_id, pair.location, source_han=source_han)
            known = self.lexicon.by_rendering(text)
            if known:
                source_ids = {e.id for _, e in in_source}
                entry = next((e for e in known if e.id in source_ids), None)
                if entry is None and has_source:
                    # A correct spelling of someone else (Lee Jae-yong where the source names 李在明, Lee
                    # Jae-myung): if the source holds a similar name that the translation does not render, the
                    # mention stands for that person and is wrong.
                    unrendered = [e for _, e in in_source if not _rendered(e, rendered)]
                    rival = self._closest(text, unrendered, GIVEN_NAME_SIMILARITY)
                    if rival is not None:
                        form = next(f for f, e in in_source if e.id == rival.id)
                        occurrences.append(
                            replace(
                                base, entity=rival.id, standard=rival.english, verdict="nonstandard", source_form=form
                            )
                        )
                        continue
                entry = entry or known[0]
                form = next((f for f, e in in_source if e.id == entry.id), "")
                verdict = "standard" if text == entry.english else "variant"
                occurrences.append(
                    replace(base, entity=entry.id, standard=entry.english, verdict=verdict, source_form=form)
                )
                continue
            swapped = self._order_swapped(text)
            if swapped is not None:
                verdict = "variant" if swapped.origin.lower() in BOTH_ORDERS_ORIGINS else "swapped"
                form = next((f for f, e in in_source if e.id == swapped.id), "")
                occurrences.append(
                    replace(base, entity=swapped.id, standard=swapped.english, verdict=verdict, source_form=form)
                )
                continue
            present = [e for _, e in in_source if not _rendered(e, rendered)]
            # A Korean name has more than one correct spelling: a reading of the source's characters in Revised
            # Romanization or a customary form ("Yun Seok-yeol" for 尹锡悦) is an accepted variant, decided by
            # membership in the set of readings, before any similarity.
            readable = next(((f, e) for f, e in in_source if e in present and _reads_as(e, text, f)), None)
            if readable is not None:
                form, entry = readable
                occurrences.append(
                    replace(base, entity=entry.id, standard=entry.english, verdict="variant", source_form=form)
                )
                continue
            linked = self._closest(text, present, GIVEN_NAME_SIMILARITY) or _closest_one_word(text, present)
            if linked is None and has_source:
                judged = _judge_by_reading(base, text, unknown())
                if judged is not None:
                    occurrences.append(judged)
                    continue
            if linked is not None:
                form = next(f for f, e in in_source if e.id == linked.id)
                occurrences.append(
                    replace(base, entity=linked.id, standard=linked.english, verdict="nonstandard", source_form=form)
                )
                continue
            if not has_source:
                tokens = _tokens(text)
                pool = self._by_surname.get(tokens[0], []) + self._by_surname.get(tokens[-1], [])
                suspect = self._closest(text, pool, TARGET_ONLY_SIMILARITY)
                if suspect is None and len(tokens) == 1 and self._unknown_one_word_like_a_name(text):
                    suspect = _closest_one_word(text, self._one_word_entries)
                if (
                    suspect is not None
                    and len(tokens) > 1
                    and suspect.origin == "zh"
                    and _pinyin_name(text)
                    and given_name_similarity(text, suspect.english) < PINYIN_TARGET_ONLY_SIMILARITY
                ):
                    # Chinese given names draw on ~400 syllables, so "Wang Chunying" is as close to Wang Huning
                    # as a garble would be: without the source, another pinyin name is taken for another person
                    # unless it differs from the lexicon's in a letter or two ("Ma Huatang")
                    suspect = None
                # another romanization of the same Korean name ("Han Dong-hun") is not a misspelling
                another_reading = suspect is not None and any(
                    _reads_as(suspect, text, form) for form in suspect.source_forms
                )
                if suspect is not None and another_reading:
                    occurrences.append(replace(base, entity=suspect.id, standard=suspect.english, verdict="variant"))
                    continue
                if suspect is not None:
                    occurrences.append(replace(base, entity=suspect.id, standard=suspect.english, verdict="suspect"))
                    continue
            occurrences.append(base)
        if has_source:
            occurrences = self._by_elimination(occurrences, [e for _, e in in_source], in_source)
        return [self._with_order(o) for o in occurrences]

    def _with_order(self, occ: NameOccurrence) -> NameOccurrence:
        """Record the order of an accepted rendering of a Japanese person in the lexicon."""
        if occ.order or occ.verdict not in {"standard", "variant"} or occ.entity.startswith("src:"):
            return occ
        entry = self._by_id.get(occ.entity)
        if entry is None or entry.origin.lower() not in BOTH_ORDERS_ORIGINS or entry.kind != "person":
            return occ
        forms = (occ.source_form,) if occ.source_form else entry.source_forms
        return replace(occ, order=japanese_order(occ.rendering, entry.english, forms))

    @staticmethod
    def _by_elimination(
        occurrences: list[NameOccurrence], entries: list[NameEntry], in_source: list[tuple[str, NameEntry]]
    ) -> list[NameOccurrence]:
        """One name left on each side: if the source holds exactly one lexicon name that no mention accounts
        for and exactly one mention is left unexplained, that mention renders it ("Wang Ye" for 王毅 — too short
        for the similarity gate), provided the two spellings are not wholly unlike."""
        accounted = {o.entity for o in occurrences if o.entity}
        # people only, spelled with as many name parts: a shortened organisation ("Security Council" for the UN
        # Security Council) or a mention that ran into the next word ("Wang Yi Meets") is no garble
        left_entries = {e.id: e for e in entries if e.id not in accounted and e.kind == "person"}
        left = [k for k, o in enumerate(occurrences) if not o.entity]
        if len(left_entries) != 1 or len(left) != 1:
            return occurrences
        [entry] = left_entries.values()
        occ = occurrences[left[0]]
        # one name part must agree and the rest must be somewhat alike: "Pierre Trudeau" is another Trudeau
        if given_name_similarity(occ.rendering, entry.english) < ELIMINATION_SIMILARITY:
            return occurrences
        form = next(f for f, e in in_source if e.id == entry.id)
        occurrences = list(occurrences)
        occurrences[left[0]] = replace(
            occ, entity=entry.id, standard=entry.english, verdict="nonstandard", source_form=form
        )
        return occurrences
