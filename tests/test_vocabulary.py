"""Tests for the English vocabulary that keeps real words from being taken for misspelt names."""

from __future__ import annotations

from transcheck.names.vocabulary import is_known_word, known_words


def test_vocabulary_holds_words_and_place_names() -> None:
    assert len(known_words()) > 20_000
    for word in ("Kyoto", "soul", "Routers", "government"):
        assert is_known_word(word), word


def test_garbles_are_not_words() -> None:
    for word in ("Bejing", "Pyongjang", "Toyko", "Shanghei"):
        assert not is_known_word(word), word
