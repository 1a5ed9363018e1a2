"""Page furniture that carries no claim: datelines, bylines, radio markers, boilerplate lines."""

from __future__ import annotations

import re

from analysis.lexicon import BOILERPLATE

# "OSLO, Norway (Wire) --", "WASHINGTON (AP) -", "lima, peru (agency) --".
_DATELINE = re.compile(
    r"(?P<place>[^\W\d_][\w.'’ -]{1,30}?)"
    r"(?:,\s*[^\W\d_][\w.'’ -]{1,30}?)?"
    r"(?:,\s*[A-Za-z]{3,9}\.?\s+\d{1,2})?"
    r"\s*(?P<agency>\([^\W\d_][\w .&/-]{0,30}\))?"
    r"\s*(?:--|—|–|-|:)\s+"
)
# Radio-script cues: "INTRO:", "TEXT:", "///", "/// OPT ///".
_MARKER = re.compile(r"(?:[A-Z]{2,}(?:[ -][A-Z]{2,})*:\s*|/{2,}[^/\n]*/{2,}\s*|/{2,}\s*)+")
_BYLINE = re.compile(
    r"by\s+[^\W\d_][\w.'’-]*(?:\s+[^\W\d_][\w.'’-]*){0,4}(?:\s*,\s*[\w .'’-]+)?", re.I
)
_NON_LETTERS = re.compile(r"[^\w\s]|_")
# Punctuation and spacing may pad a furniture line, but not to three times its words.
_LONGEST_BOILERPLATE = 3 * max(map(len, BOILERPLATE), default=0) + 10


def dateline_length(text: str) -> int:
    """Length of a dateline opening the text, or 0."""
    match = _DATELINE.match(text)
    if not match:
        return 0
    place = match.group("place")
    # An agency in brackets or an upper-case place is what tells a dateline from prose.
    if match.group("agency") or (place.isupper() and sum(c.isalpha() for c in place) >= 3):
        return match.end()
    return 0


def marker_length(text: str) -> int:
    """Length of radio-script markers opening the text, or 0."""
    match = _MARKER.match(text)
    return match.end() if match else 0


def prefix_length(text: str) -> int:
    """Length of the datelines and markers that open the text."""
    total = 0
    while True:
        step = marker_length(text[total:]) or dateline_length(text[total:])
        if not step:
            return total
        total += step


def is_boilerplate_line(line: str) -> bool:
    """A line such as "READ MORE", "Quote", a byline or a bare marker."""
    stripped = line.strip()
    if not stripped:
        return False
    if len(stripped) <= _LONGEST_BOILERPLATE:
        words = " ".join(_NON_LETTERS.sub(" ", stripped).split()).casefold()
        if words in BOILERPLATE:
            return True
    if marker_length(stripped) == len(stripped):
        return True
    return bool(_BYLINE.fullmatch(stripped)) and not stripped.endswith(".")
