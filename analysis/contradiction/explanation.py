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
# A source the text names only by these words says nothing an editor could check by name.
_PRONOUNS = frozenset("i we you he she it they this that who".split())
_DETERMINERS = frozenset("the a an its their his her our".split())


def _quoted(side: Side) -> str:
    words = side.text.rstrip(".")
    if len(words) > LONGEST:
        breaks = [m.start() for m in _BREAKS.finditer(words, SHORTEST_CUT, LONGEST)]
        words = (words[: breaks[-1]] if breaks else words[:LONGEST].rsplit(" ", 1)[0]) + " ..."
    return f"'{words}'"


def _who(side: Side) -> str | None:
    """Who says a claim: its speaker's name, else the words naming its source ("the transport
    minister", the capital of its sentence dropped); none for a pronoun."""
    name = side.speaker_name
    if not name or side.speaker is not None:
        return name
    first, _, rest = name.partition(" ")
    if name.casefold() in _PRONOUNS:
        return None
    return f"{first.casefold()} {rest}" if rest and first.casefold() in _DETERMINERS else name


def _says(side: Side) -> str:
    """The verb after the speaker's name: "Democrats say", "Residents of the town say", "The
    Times says" (a group's head noun tells, or that of words naming no speaker, "officials";
    "police" and "people" are plural whole)."""
    named = _HEAD.match(side.speaker_name or "")
    grouped = side.speaker_kind == "group" or side.speaker is None
    if not grouped or named is None or not named.group().split():
        return "says"
    head = named.group().split()[-1].casefold()
    plural = head in _PLURALS or (head.endswith("s") and not head.endswith("ss"))
    return "say" if plural else "says"


def _said(side: Side, narration: str) -> str:
    who = _who(side)
    return f"{who} {_says(side)} {_quoted(side)}" if who else f"{narration} says {_quoted(side)}"


def explain(first: Side, second: Side, *, one_source: bool) -> str:
    """'Podesta says 'Gates was not working for the party'; Gates says 'He was working with
    Manafort'', or, for one speaker, 'Trump says '...', and elsewhere '...''."""
    narration = "the article" if one_source else "an article"
    if first.speaker is not None and first.speaker == second.speaker:
        where = "in the same article" if one_source else "elsewhere"
        said = (f"{first.speaker_name} {_says(first)} {_quoted(first)}, and {where} "
                f"{_quoted(second)}")
    else:
        said = "; ".join(_said(side, narration) for side in (first, second))
    return said[0].upper() + said[1:]
