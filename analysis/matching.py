"""Claim matching: a normalised key for exact matches and a similarity for paraphrases."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from analysis.lexicon import FUNCTION_WORDS

# "A-B-M" and "A.B.M." are spellings of one acronym.
_SPELLED = re.compile(r"\b(?:[^\W\d_][-.]){1,}[^\W\d_]\b\.?")
_NOT_WORD = re.compile(r"[^\w\s]|_")
_SUFFIXES = (
    "ational",
    "ations",
    "ation",
    "ments",
    "ment",
    "ness",
    "ings",
    "ing",
    "ies",
    "ied",
    "ers",
    "er",
    "ed",
    "es",
    "ly",
    "s",
)
# Negation and modal words change a claim's meaning, so similarity keeps them as content.
_KEEP = frozenset("no not never nor will would can could may might must".split())


def claim_key(text: str) -> str:
    """Normal form for exact matching: case, quotes, punctuation, whitespace and acronyms folded."""
    text = unicodedata.normalize("NFKC", text)
    text = _SPELLED.sub(lambda m: re.sub(r"[-.]", "", m.group()), text)
    text = text.replace("’", "'").replace("'s ", " ").replace("'", "")
    return " ".join(_NOT_WORD.sub(" ", text).casefold().split())


@lru_cache(maxsize=16384)  # each claim's words are mostly words of the claims before it
def _stem(word: str) -> str:
    """A crude suffix-stripping stem: enough to meet "agrees" with "agreed"."""
    for suffix in _SUFFIXES:
        if len(word) - len(suffix) >= 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


# A new claim is compared with each of its candidates, and candidates come back ingest after ingest.
@lru_cache(maxsize=8192)
def content_stems(text: str) -> frozenset[str]:
    """Stems of the content words of a claim."""
    return frozenset(
        _stem(w) for w in claim_key(text).split() if w not in FUNCTION_WORDS or w in _KEEP
    )


_FIGURE = re.compile(r"\d+(?:[,.]\d+)*")


def figures(text: str) -> frozenset[str]:
    """The numbers a claim states in digits, thousands apart or not ("1,200" is "1200")."""
    return frozenset(re.sub(r",(?=\d{3}\b)", "", f) for f in _FIGURE.findall(text))


_NEGATION = re.compile(r"\b(?:not|no|never|nor|cannot)\b|n['’]t\b", re.IGNORECASE)


def may_be_one_claim(a: str, b: str) -> bool:
    """Whether two claims that share most words may be one: the figures of one are all the
    other's ("cost 120 million" and "cost 120 million in 2019", not "cost 310 million";
    numbers in words are not read), and both or neither deny ("will open", "will not open")."""
    x, y = figures(a), figures(b)
    return (x <= y or y <= x) and bool(_NEGATION.search(a)) == bool(_NEGATION.search(b))


def similarity(a: str, b: str) -> float:
    """Dice overlap of content-word stems, 0..1, symmetric."""
    x, y = content_stems(a), content_stems(b)
    if not x and not y:
        return 1.0 if claim_key(a) == claim_key(b) else 0.0
    return 2 * len(x & y) / (len(x) + len(y))
