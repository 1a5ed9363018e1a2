"""Transcript turns: a paragraph that opens with its speaker's name and a colon, as broadcast
transcripts and scripts write them ("JOAN PIKE: We cannot wait ...", "STEVE INSKEEP, HOST:
Good morning."), is that speaker's words, the whole turn. The name must be a person the article
names (the label's own capitals often are); "INTRO:", "SOT:" or "Poll:" are none (a headline's
"Poll:" is read as a cue, analysis/attribution/cues.py)."""

from __future__ import annotations

import re

from analysis.attribution.frame import DIRECT, INDIRECT, Attribution
from analysis.document import Document
from analysis.speakers import is_possessive, title_case

# Up to four words of a name, an optional ", ROLE", the colon, and the turn's first word.
_LABEL = re.compile(r"(?P<name>[^\W\d_][\w.'’-]*(?: [^\W\d_][\w.'’-]*){0,3})"
                    r"(?:, (?P<role>[^\W\d_][\w .'’-]{0,40}?))?:[ \t]+(?=\S)")
_WORD = re.compile(r"[^\W\d_]{2,}")
_CLOSING = " \n\"”’')"


def _people(document: Document) -> set[str]:
    """The head words of the people the parse names anywhere in the article, case folded."""
    return {entity.root.text.casefold() for paragraph in document.paragraphs
            for entity in paragraph.doc.ents if entity.label_ == "PERSON"}


def transcript_turns(document: Document) -> tuple[list[Attribution], set[int]]:
    """The turn of every paragraph that opens with a person's name and a colon, and the
    paragraphs they take; none in copy without case, where a name and a script's marker
    ("INTRO:") look alike."""
    if document.caseless:
        return [], set()
    people = None
    found: list[Attribution] = []
    used: set[int] = set()
    for index, paragraph in enumerate(document.paragraphs):
        label = _LABEL.match(document.text, paragraph.start, paragraph.end)
        if label is None:
            continue
        name, role = label.group("name"), label.group("role")
        words = name.split()
        turn = document.text[label.end() : paragraph.end]
        if not all(w[0].isupper() and not is_possessive(w) for w in words) or len(
                _WORD.findall(turn)) < 2:
            continue  # "Netanyahu and Obama: A tortured relationship", "Clinton: 1,769."
        people = _people(document) if people is None else people
        if words[-1].casefold() not in people:
            continue
        if name.isupper():  # a transcript's capitals, not the name's
            name = " ".join(title_case(word) for word in name.split())
        colon = label.end("role" if role else "name")
        # A turn is said word for word; a headline's "Sanders: Brexit could hurt economy" may
        # be the outlet's words for what was said.
        said = DIRECT if turn.rstrip(_CLOSING).endswith((".", "!", "?")) else INDIRECT
        found.append(Attribution(
            (label.end(), paragraph.end), (colon, colon + 1), said, index,
            source=label.span("name"), mention=label.group("name"), named_by=name, role=role,
            entity="PERSON", proper=True, frame_start=paragraph.start, ruled=True))
        used.add(index)
    return found, used
