"""Transcript turns: a paragraph that opens with its speaker's name and a colon, as broadcast
transcripts and scripts write them ("JOAN PIKE: We cannot wait ...", "STEVE INSKEEP, HOST:
Good morning."), is that speaker's words, but for the words of others the speaker reports.
The name must be a person's (see transcript_turns); "INTRO:", "SOT:" or "Poll:" are none (a
headline's "Poll:" is read as a cue, analysis/attribution/cues.py)."""

from __future__ import annotations

import re
from functools import lru_cache

from analysis.attribution.frame import DIRECT, INDIRECT, Attribution
from analysis.document import Document
from analysis.furniture import ends_on_a_full_stop, in_title_case, runs_into_headline
from analysis.nlp import model_name, pipeline
from analysis.speakers import is_possessive, title_case

# Up to four words of a name, an optional ", ROLE", the colon, and the turn's first word.
_LABEL = re.compile(r"(?P<name>[^\W\d_][\w.'’-]*(?: [^\W\d_][\w.'’-]*){0,3})"
                    r"(?:, (?P<role>[^\W\d_][\w .'’-]{0,40}?))?:[ \t]+(?=\S)")
_WORD = re.compile(r"[^\W\d_]{2,}")


def _people(document: Document) -> set[str]:
    """The head words of the people the parse names anywhere in the article, case folded."""
    return {entity.root.text.casefold() for paragraph in document.paragraphs
            for entity in paragraph.doc.ents if entity.label_ == "PERSON"}


def transcript_turns(document: Document) -> list[Attribution]:
    """The turn of every paragraph that opens with a person's name and a colon; none in copy
    without case, where a name and a script's marker ("INTRO:") look alike. A person is one
    the parse names in the article, or, once a turn shows the copy is a transcript, one named
    in full before a role ("RACHEL MORENO, HOST:") or before a surname that labels turns alone
    ("JAKE TAPPER:" beside "TAPPER:"), or by the surname of a turn's speaker ("MORENO:")."""
    if document.caseless:
        return []
    labels = {}
    for index, paragraph in enumerate(document.paragraphs):
        label = _LABEL.match(document.text, paragraph.start, paragraph.end)
        if label is None:
            continue
        words = label.group("name").split()
        turn = document.text[label.end() : paragraph.end]
        # Not "Netanyahu and Obama: A tortured relationship", nor a headline in title case:
        # "CNN President On Trump: We Do Not ...".
        headline = in_title_case(document.text[paragraph.start : paragraph.end])
        if all(w[0].isupper() and not is_possessive(w) for w in words) and not (
                headline and runs_into_headline(words)) and len(_WORD.findall(turn)) >= 2:
            labels[index] = label
    people = _people(document) if labels else set()
    # "TAPPER:" labelling other turns shows "JAKE TAPPER:" to be a name.
    alone = {label.group("name").casefold() for label in labels.values()
             if len(label.group("name").split()) == 1}
    speakers: dict[int, re.Match] = {}
    while True:  # each turn found may show the next ("MORENO:" after "RACHEL MORENO, HOST:")
        surnames = {label.group("name").split()[-1].casefold() for label in speakers.values()}
        found = {index: label for index, label in labels.items() if index not in speakers
                 and _a_speaker(label, people | surnames, alone, transcript=bool(speakers))}
        if not found:
            break
        speakers.update(found)
    return [_turn(document, index, speakers[index]) for index in sorted(speakers)]


def _a_speaker(label: re.Match, people: set[str], alone: set[str], transcript: bool) -> bool:
    words = label.group("name").split()
    return words[-1].casefold() in people or (transcript and len(words) > 1 and (
        label.group("role") is not None or words[-1].casefold() in alone and _a_name(words)))


def _a_name(words: list[str]) -> bool:
    """Whether the recogniser takes the words, written as a name, for a person's: "Jake
    Tapper" of "JAKE TAPPER:", not "News Clip" of "NEWS CLIP:"."""
    return _read_as_a_person(" ".join(title_case(word) for word in words), model_name())


@lru_cache(maxsize=1024)
def _read_as_a_person(name: str, model: str) -> bool:
    """_a_name's parse, once for every turn a name labels (and each pass over the labels)."""
    named = pipeline()(name)
    return any(entity.label_ == "PERSON" and entity.end == len(named) for entity in named.ents)


def _turn(document: Document, index: int, label: re.Match) -> Attribution:
    name, role = label.group("name"), label.group("role")
    if name.isupper():  # a transcript's capitals, not the name's
        name = " ".join(title_case(word) for word in name.split())
    colon = label.end("role" if role else "name")
    end = document.paragraphs[index].end
    # A turn is said word for word; a headline's "Sanders: Brexit could hurt economy" may be
    # the outlet's words for what was said.
    turn = document.text[label.end() : end]
    said = DIRECT if ends_on_a_full_stop(turn) else INDIRECT
    return Attribution(
        (label.end(), end), (colon, colon + 1), said, index, source=label.span("name"),
        mention=label.group("name"), named_by=name, role=role, entity="PERSON", proper=True,
        frame_start=document.paragraphs[index].start, ruled=True, turn=True)
