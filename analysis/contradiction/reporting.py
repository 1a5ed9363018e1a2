"""Whose words a claim's words are: its own speaker is left out ("X said P", "P, X said",
"according to X"), a denial wraps what is denied ("X denied that P"), and what the claim
reports from someone else (in single quotes, under a nested reporting verb) weighs less."""

from __future__ import annotations

import re

from analysis.contradiction.tables import (
    _ARTICLES,
    _ATTRIBUTION,
    _COPULAS,
    _CUES,
    _DETERMINERS,
    _MODALS,
    _SUBORDINATORS,
)
from analysis.contradiction.tokens import _SENTENCE_END, _Token
from analysis.contradiction.units import _Unit

# Single quotes around words: an opening one before a letter not after one, a closing one
# after a letter or punctuation and not before a letter ("the farmers' union" has no opening).
_OPEN_QUOTE = re.compile(r"(?<![\w'])'(?=[^\W_])")
_CLOSE_QUOTE = re.compile(r"(?<=[\w.,!?])'(?!\w)")


def _mark_denials(units: list[_Unit], tokens: list[_Token]) -> None:
    """"X denied (reports) that P": the wrapper becomes a denial of P, X a speaker."""
    objects = _CUES.get("denial_object", set())
    for i, unit in enumerate(units):
        if unit.kind != "word" or unit.low not in _CUES.get("denial_verb", ()):
            continue
        j = i + 1
        if j < len(units) and units[j].low == "as":
            j += 1
        if j < len(units) and units[j].low in _DETERMINERS - {"that"}:
            j += 1
        if j < len(units) and units[j].low in objects:
            j += 1
            if not (j < len(units) and units[j].low in ("that", "of")):
                continue
            j += 1
        elif j < len(units) and units[j].low == "that":
            j += 1
        elif not (j < len(units) and units[j].kind == "word" and units[j].low.endswith("ing")):
            continue
        for k in range(i, j):
            units[k].kind = "func"
        units[i].kind, units[i].cue, units[i].scope = "neg", "denial", "rest"
        _mark_speaker(units, i)
        return


def _mark_speaker(units: list[_Unit], verb: int) -> None:
    for unit in reversed(units[:verb]):
        if unit.kind in ("punct", "break") and unit.low != ",":
            break
        unit.speaker = True


def _mark_attribution(units: list[_Unit]) -> None:
    """Leave out who said it: "X said (that) P", "P, X said", "according to X"."""
    words = [i for i, u in enumerate(units) if u.kind == "word"]
    for i in words[:8]:
        if any(u.low == "," for u in units[:i]):
            break
        if units[i].low in _ATTRIBUTION and i != words[-1]:
            if _governed(units, i):
                break  # "they would say P", "want to say P": said by nobody yet
            _mark_speaker(units, i)
            units[i].kind = "func"
            if i + 1 < len(units) and units[i + 1].low == "that":
                units[i + 1].kind = "func"
            break
    commas = [i for i, u in enumerate(units) if u.low == ","]
    if commas:
        tail = units[commas[-1] + 1 :]
        verb = next((j for j, u in enumerate(tail) if u.low in _ATTRIBUTION), None)
        nested = tail and (tail[0].kind == "break" or tail[0].low in _SUBORDINATORS)
        if len(tail) <= 9 and verb is not None and not nested:
            if any(u.low in _COPULAS | _MODALS for u in tail[verb + 1 :]):
                # "Speaking to reporters, the minister said the levy is vital"
                _mark_speaker(tail, verb)
                tail[verb].kind = "func"
            else:
                for unit in tail:
                    unit.speaker = True
    for i, unit in enumerate(units[:-1]):
        if unit.low == "according" and units[i + 1].low == "to":
            for other in units[i:]:
                if other.low == "," or other.kind in ("punct", "break"):
                    break
                other.speaker = True


def _governed(units: list[_Unit], i: int) -> bool:
    """A reporting verb under a modal or a wish ("would say", "want to say"): no one said it."""
    return (i > 1 and units[i - 1].low == "to" and units[i - 2].light) \
        or (i > 0 and units[i - 1].low in _MODALS)


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    """Character spans inside single quotes ('no, no, no'), leaving out a quote that opens
    the claim: that one is the speaker's own."""
    spans: list[tuple[int, int]] = []
    if "'" not in text:
        return spans
    closes = [m.start() for m in _CLOSE_QUOTE.finditer(text)]
    end = -1
    for match in _OPEN_QUOTE.finditer(text):
        if match.start() < end:
            continue
        end = next((c for c in closes if c > match.start()), -1)
        if end < 0:
            break
        if text[: match.start()].strip(" \t\n\"-"):
            spans.append((match.start(), end))
    return spans


def _mark_reported(units: list[_Unit], tokens: list[_Token], text: str) -> None:
    """Words the claim reports from someone else weigh less than its own: those in single
    quotes, and those under a reporting verb nested in the claim ("..., although critics say
    P", "X said Q and that critics say P", "they want to say P")."""
    for first, last in _quoted_spans(text):
        before = [i for i, u in enumerate(units) if tokens[u.first].start < first]
        if not any(units[i].kind == "word" and not units[i].speaker
                   or units[i].low in _ATTRIBUTION and _governed(units, i) for i in before):
            continue  # "The minister said: 'The levy is vital.'": the speaker's own words
        for unit in units:
            if first < tokens[unit.first].start < last:
                unit.reported = True
    reported_before = False
    for i, unit in enumerate(units):
        if unit.kind in ("punct", "break") and unit.low in _SENTENCE_END:
            reported_before = False
            continue
        attribution = unit.low in _ATTRIBUTION and not unit.low.endswith("ing")
        if not attribution or unit.speaker:
            continue
        after = units[i + 1] if i + 1 < len(units) else None
        if unit.kind == "word" and (i > 0 and units[i - 1].low in _ARTICLES or after is None
                                    or after.kind in ("punct", "break")
                                    and after.low not in (":", '"')):
            continue  # "changes to the congestion charge.": a noun, reporting nothing
        if unit.kind == "func":  # the claim's own attribution, marked already
            reported_before = True
            continue
        start = i
        while start > 0 and units[start - 1].low not in _SENTENCE_END:
            start -= 1
        governed = _governed(units, i)
        opener = next((j for j in range(i - 1, start - 1, -1)
                       if units[j].kind == "break" or units[j].low in _SUBORDINATORS
                       or units[j].low in ("that", "and", ",")), None)
        own = opener is not None and units[opener].low != "," and any(
            u.kind == "word" and not u.speaker for u in units[start:opener])
        if not (governed or reported_before or own):
            reported_before = True  # the claim's own speaker, left in
            continue
        reported_before = True
        subordinate = opener is not None and units[opener].low in _SUBORDINATORS
        for other in units[(opener if opener is not None else start - 1) + 1 : i]:
            if other.kind == "word" and not governed:
                other.speaker = True
        unit.kind = "func"
        for other in units[i + 1 :]:
            if other.kind == "break" or other.low in _SENTENCE_END or \
                    (subordinate and other.low == ","):
                break
            if other.low == "that" and other is units[i + 1]:
                other.kind = "func"
            other.reported = True
