"""A flagged pair in words an editor can check: both claims quoted whole (a long one up to a
clause break, the cut marked), each with who says it."""

from __future__ import annotations

import re

from analysis.contradiction.frames import Side

LONGEST = 160  # characters of a claim quoted at most
SHORTEST_CUT = 60  # a cut at a clause break keeps at least this much, else it falls at a word
_BREAKS = re.compile(r"[,;:]\s|\s[—–-]+\s")
# A group's name up to what qualifies it ("Residents of the town", "Officials in Kyiv").
_HEAD = re.compile(r".+?(?=\s+(?:of|in|at|for|from|with|on)\s|,|$)", re.I)
_PLURALS = frozenset({"police", "people"})
_SAY = frozenset({"i", "we", "you", "they"})  # a source named only by a pronoun


def _quoted(side: Side) -> str:
    words = side.text.rstrip(".")
    if len(words) > LONGEST:
        breaks = [m.start() for m in _BREAKS.finditer(words, SHORTEST_CUT, LONGEST)]
        words = (words[: breaks[-1]] if breaks else words[:LONGEST].rsplit(" ", 1)[0]) + " ..."
    return f"'{words}'"


def _says(side: Side) -> str:
    """The verb after the speaker's name: "Democrats say", "Residents of the town say", "The
    Times says" (a group's head noun tells; "police" and "people" are plural whole)."""
    named = _HEAD.match(side.speaker_name or "")
    if (side.speaker_name or "").casefold() in _SAY:
        return "say"
    if side.speaker_kind != "group" or named is None or not named.group().split():
        return "says"
    head = named.group().split()[-1].casefold()
    plural = head in _PLURALS or (head.endswith("s") and not head.endswith("ss"))
    return "say" if plural else "says"


def explain(first: Side, second: Side, *, one_source: bool) -> str:
    """'Podesta says 'Gates was not working for the party'; Gates says 'He was working with
    Manafort'', or, for one speaker, 'Trump says '...', and elsewhere '...''."""
    narration = "the article" if one_source else "an article"
    if first.speaker is not None and first.speaker == second.speaker:
        where = "in the same article" if one_source else "elsewhere"
        said = (f"{first.speaker_name} {_says(first)} {_quoted(first)}, and {where} "
                f"{_quoted(second)}")
    else:
        said = "; ".join(f"{side.speaker_name} {_says(side)} {_quoted(side)}" if side.speaker_name
                         else f"{narration} says {_quoted(side)}" for side in (first, second))
    return said[0].upper() + said[1:]
