"""Page furniture that carries no claim: datelines, bylines, radio markers, boilerplate lines."""

from __future__ import annotations

import re

from analysis.lexicon import BOILERPLATE, FUNCTION_WORDS, SCRIPT_MARKERS

# "OSLO, Norway (Wire) --", "WASHINGTON (AP) -", "lima, peru (agency) --".
_DATELINE = re.compile(
    r"(?P<place>[^\W\d_][\w.'’ -]{1,30}?)"
    r"(?:,\s*[^\W\d_][\w.'’ -]{1,30}?)?"
    r"(?:,\s*[A-Za-z]{3,9}\.?\s+\d{1,2})?"
    r"\s*(?P<agency>\([^\W\d_][\w .&/-]{0,30}\))?"
    r"\s*(?P<dash>--|—|–|-|:)\s+"
)
# Radio-script cues: "INTRO:", "TEXT:", "///", "/// OPT ///".
_MARKER = re.compile(r"(?:[A-Z]{2,}(?:[ -][A-Z]{2,})*:\s*|/{2,}[^/\n]*/{2,}\s*|/{2,}\s*)+")
_CASELESS_MARKER = re.compile(r"(?P<word>[^\W\d_]{2,}):\s+")
_BYLINE = re.compile(
    r"by\s+[^\W\d_][\w.'’-]*(?:\s+[^\W\d_][\w.'’-]*){0,4}(?:\s*,\s*[\w .'’-]+)?", re.I
)
_NON_LETTERS = re.compile(r"[^\w\s]|_")
# Sign-offs of radio and television scripts and wire credit lines, matched whole:
# "Jane Doe reports from Lisbon.", "Jane Doe, BBC News, Lisbon.", "For ABC News, I'm Jane Doe.",
# "(Reporting by Jane Doe; editing by Tom Lee)". NAME and PLACE are checked after matching.
_NAME_WORD = r"(?!(?i:for|in|from|at|with|of|and|the|reporting|reports)\b)[^\W\d_][\w.'’-]*"
_NAME = rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}}"
_PLACE = r"[^\W\d_][\w.'’-]*(?:\s+[^\W\d_][\w.'’-]*){0,3}(?:\s*,\s*[^\W\d_][\w.'’ -]{1,30})?"
_OUTLET = r"[^\W\d_][\w.&'’-]*(?:\s+[^\W\d_][\w.&'’-]*){0,4}"
_SIGN_OFFS = [
    re.compile(
        rf"(?P<name>{_NAME})\s*,?\s+(?i:reports|reporting|reported)\s+(?i:from|for|in)\s+{_PLACE}"
    ),
    re.compile(
        rf"(?P<name>{_NAME})\s*,\s*(?P<outlet>{_OUTLET})"
        rf"(?:\s*,\s*(?i:(?:reporting\s+)?(?:from|in)\s+)?{_PLACE})?"
    ),
    re.compile(
        rf"(?:(?i:for)\s+(?P<outlet>{_OUTLET})\s*,\s*)?(?i:i'm|i’m|i\s+am|this\s+is)\s+(?P<name>{_NAME})"
        rf"(?:\s*,?\s*(?i:for|with)?\s*(?P<outlet2>{_OUTLET}))??"
        rf"(?:\s*,?\s*(?i:in|from|at|reporting\s+from)\s+{_PLACE})?"
    ),
]
_CREDIT = (
    r"(?i:(?:additional\s+)?(?:reporting|writing|editing|compiled|edited|written|produced"
    r"|research|graphics|photos?|video)\s+by)\s+[^;()]{2,60}?"
)
_CREDITS = re.compile(rf"{_CREDIT}(?:\s*[;,]\s*(?:and\s+)?{_CREDIT})*")
_OUTLET_WORDS = frozenset(
    "news radio tv television service network wire press report bureau channel".split()
)
_SIGN_OFF_EDGES = " \t\r\n.()[]"
# Punctuation and spacing may pad a furniture line, but not to three times its words.
_LONGEST_BOILERPLATE = 3 * max(map(len, BOILERPLATE), default=0) + 10


def dateline_length(text: str, caseless: bool = False) -> int:
    """Length of a dateline opening the text, or 0. caseless: the article is written all in
    lower case or all in capitals."""
    match = _DATELINE.match(text)
    if not match:
        return 0
    place = match.group("place")
    # An agency in brackets or an upper-case place is what tells a dateline from prose; where
    # case tells nothing, a place of a few words, none of them a function word, set off by a
    # dash ("MOSCOW --"; not "PUTIN SAID:", "and i just --").
    if caseless:
        words = place.casefold().split()
        dateline = (match.group("dash") != ":" and len(words) <= 3
                    and FUNCTION_WORDS.isdisjoint(words))
    else:
        dateline = place.isupper() and sum(c.isalpha() for c in place) >= 3
    return match.end() if (match.group("agency") and not _speaker_label(text, match)
                           or dateline) else 0


def _speaker_label(text: str, match: re.Match) -> bool:
    """ "Councillor Ana Duarte (Lab.): “...”": a name of words with a party in brackets and a
    colon opening a quotation names who speaks, where "Kyiv (AFP): Russian forces ..." is a
    dateline."""
    return (match.group("dash") == ":" and len(match.group("place").split()) > 1
            and len(match.group("agency").split()) <= 2
            and text[match.end() : match.end() + 1] in '"“«„')


def marker_length(text: str, caseless: bool = False) -> int:
    """Length of radio-script markers opening the text, or 0. caseless: the article is written
    all in lower case or all in capitals, where capitals mark no cue: a marker is then one
    word a script's cues are made of ("INTRO:", not "PUTIN SAID:" or "SANDERS:")."""
    if caseless:
        match = _CASELESS_MARKER.match(text)
        return match.end() if match and match.group("word").casefold() in SCRIPT_MARKERS else 0
    match = _MARKER.match(text)
    return match.end() if match else 0


def prefix_length(text: str, caseless: bool = False) -> int:
    """Length of the datelines and markers that open the text (of an article without case,
    caseless)."""
    total = 0
    while True:
        step = (marker_length(text[total:], caseless)
                or dateline_length(text[total:], caseless))
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
    if len(stripped) <= 200 and is_sign_off(stripped):
        return True
    return bool(_BYLINE.fullmatch(stripped)) and not stripped.endswith(".")


# A paragraph's last word, past any closing mark; an opening one there is a closing one mistyped.
_SENTENCE_ENDS = tuple('.!?:"”»’\')…“')
# A bracketed tag closing a paragraph, of where it is from: "... the South.” [538]".
_TAG = re.compile(r"\s*\[[^\[\]]{1,40}\]$")
_FULL_STOPS = (".", "!", "?", "…")
_CLOSING_MARKS = '"”»’\')'


def ends_a_sentence(words: str) -> bool:
    """Whether a paragraph's words end as a sentence does, not as a headline: before a tag, on
    a full stop ("... the South.” [538]", not "Trump Says Clinton Is ‘Unfit’ [VIDEO]")."""
    words = words.strip()
    return words.endswith(_SENTENCE_ENDS) if not _TAG.search(words) else ends_on_a_full_stop(
        words)


def ends_on_a_full_stop(words: str) -> bool:
    """Whether words end on a full stop, past closing marks and a tag: a headline's quotation
    does not ("CNN President On Trump: ‘We Do Not Pay Candidates’")."""
    return _TAG.sub("", words.strip()).rstrip(_CLOSING_MARKS).endswith(_FULL_STOPS)


_LONG_WORD = re.compile(r"[^\W\d_]{4,}")


def in_title_case(line: str) -> bool:
    """Whether a line is written in title case, as headlines are: most of its longer words
    capitalised ("Ferry Suspect Named By Police In Lisbon")."""
    words = _LONG_WORD.findall(line)
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.6 * len(words)


# Small words a headline in title case writes with a capital, and prose seldom does inside a
# name: "CNN President On Trump", "Suspect Named By Police" (not "of", "the" or "and").
_HEADLINE_WORDS = frozenset({"on", "by", "to", "in", "at", "from", "with", "about", "over",
                             "after", "into", "against", "as"})


def runs_into_headline(name: list[str]) -> bool:
    """Whether words a headline in title case gives as a name run on into the headline's own
    words: a small word written with a capital after the first ("CNN President On Trump")."""
    return any(w[:1].isupper() and w.casefold() in _HEADLINE_WORDS for w in name[1:])


def is_sign_off(line: str) -> bool:
    """A reporter's sign-off or a credit line: "Jane Doe, BBC News, Lisbon.", "Reporting by
    Jane Doe; editing by Tom Lee"."""
    core = line.strip(_SIGN_OFF_EDGES)
    credits = _CREDITS.fullmatch(core)
    if credits:
        names = re.split(r"\s+by\s+", core, flags=re.I)[1:]
        return all(_credited(n) for n in names)
    for pattern in _SIGN_OFFS:
        match = pattern.fullmatch(core)
        if match and _is_name(match.group("name")) and _is_outlet(match):
            return True
    return False


def _is_name(words: str) -> bool:
    """Two to four words that can be a person's name: no function word, capitalised if any is."""
    tokens = words.split()
    if any(t.casefold() in FUNCTION_WORDS for t in tokens):
        return False
    capitals = [t[0].isupper() for t in tokens]
    return all(capitals) or not any(capitals)


def _is_outlet(match: re.Match) -> bool:
    """The outlet of a sign-off, when it names one: capitalised words or a word like "News"."""
    groups = match.groupdict()
    outlet = groups.get("outlet") or groups.get("outlet2")
    if outlet is None:
        return True
    tokens = outlet.split()
    if any(t.casefold() in _OUTLET_WORDS for t in tokens):
        return True
    return all(t[0].isupper() or t.casefold() in {"of", "the", "for", "and"} for t in tokens)


def _credited(part: str) -> bool:
    """The names after "by" in a credit line: capitalised words, "and", "in PLACE"."""
    words = re.split(r"[;,]", part)[0].split()
    place = next((i for i, w in enumerate(words) if w.casefold() in {"in", "at"}), len(words))
    names = [w for w in words[:place] if w.casefold() != "and"]
    if not names or len(names) > 8:
        return False
    return all(w[0].isupper() for w in names) or all(w.islower() for w in names)
