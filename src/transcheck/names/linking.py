"""Link each name mention in a translation to the name in its source, and judge the rendering.

Spelling similarity cannot tell a garble from a different person ("Yoon Suk-yue" vs "Yoon Suk-yeol" is as
close as "Lee Jae-yong" vs "Lee Jae-myung"), so similarity is only used to *link* a mention to a name that
the source sentence actually contains; the verdict comes from membership in the lexicon's accepted set.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from rapidfuzz.distance import Indel

from ..model import AlignedPair
from ..text.script import han_runs
from .korean import is_possible_rendering
from .lexicon import NameEntry, NameLexicon, name_key
from .mentions import extract_mentions

#: Linking needs the surname to agree and the rest of the name to be at least this similar.
GIVEN_NAME_SIMILARITY = 0.6
#: Without a source, a mention is suspected only when it is this close to a lexicon name.
TARGET_ONLY_SIMILARITY = 0.75
#: Lexicon ``origin`` values of Korean names, whose source forms can be read and romanized.
KOREAN_ORIGINS = frozenset({"ko", "kr", "kp"})


@dataclass(frozen=True)
class NameOccurrence:
    """One name mention with its verdict; the corpus pass groups these into families."""

    rendering: str
    doc_id: str
    pair_id: int
    location: str
    entity: str = ""
    standard: str = ""
    verdict: str = "unverified"  # standard | variant | nonstandard | suspect | unverified
    source_form: str = ""
    source_han: tuple[str, ...] = ()


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


class NameLinker:
    def __init__(self, lexicon: NameLexicon) -> None:
        self.lexicon = lexicon
        self._by_surname: dict[str, list[NameEntry]] = {}
        for entry in lexicon.entries:
            tokens = _tokens(entry.english)
            if len(tokens) >= 2:
                for key in {tokens[0], tokens[-1]}:
                    self._by_surname.setdefault(key, []).append(entry)

    def _closest(self, mention: str, entries: list[NameEntry], threshold: float) -> NameEntry | None:
        best, best_score = None, threshold
        for entry in entries:
            score = given_name_similarity(mention, entry.english)
            if score >= best_score and (best is None or score > best_score):
                best, best_score = entry, score
        return best

    def link_pair(self, doc_id: str, pair: AlignedPair, has_source: bool) -> list[NameOccurrence]:
        mentions = extract_mentions(pair.target)
        if not mentions:
            return []
        in_source = self.lexicon.find_in_source(pair.source) if has_source else []
        source_han = tuple(han_runs(pair.source, 2)) if has_source else ()
        occurrences = []
        for mention in mentions:
            if mention.full != mention.text and self.lexicon.by_rendering(mention.full):
                mention = replace(mention, text=mention.full)
            text = mention.text
            base = NameOccurrence(text, doc_id, pair.pair_id, pair.location, source_han=source_han)
            known = self.lexicon.by_rendering(text)
            if known:
                source_ids = {e.id for _, e in in_source}
                entry = next((e for e in known if e.id in source_ids), known[0])
                form = next((f for f, e in in_source if e.id == entry.id), "")
                verdict = "standard" if text == entry.english else "variant"
                occurrences.append(
                    replace(base, entity=entry.id, standard=entry.english, verdict=verdict, source_form=form)
                )
                continue
            present = [e for _, e in in_source if name_key(e.english) not in name_key(pair.target)]
            # A Korean name has more than one correct spelling: a reading of the source's characters in Revised
            # Romanization or a customary form ("Yun Seok-yeol" for 尹锡悦) is an accepted variant, decided by
            # membership in the set of readings, before any similarity.
            readable = next(
                (
                    (f, e)
                    for f, e in in_source
                    if e.origin.lower() in KOREAN_ORIGINS and e in present and is_possible_rendering(text, f)
                ),
                None,
            )
            if readable is not None:
                form, entry = readable
                occurrences.append(
                    replace(base, entity=entry.id, standard=entry.english, verdict="variant", source_form=form)
                )
                continue
            linked = self._closest(text, present, GIVEN_NAME_SIMILARITY)
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
                if suspect is not None:
                    occurrences.append(replace(base, entity=suspect.id, standard=suspect.english, verdict="suspect"))
                    continue
            occurrences.append(base)
        return occurrences
