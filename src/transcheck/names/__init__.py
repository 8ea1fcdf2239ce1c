"""Person, place and organisation names: mentions, the shipped lexicon, and corpus-wide families."""
