"""One attribution as the reading finds it: who says what, by which words."""

from __future__ import annotations

from dataclasses import dataclass

DIRECT = "direct_quote"
INDIRECT = "indirect"


@dataclass
class Attribution:
    """Who (source) says what (content, article offsets) by which words (cue)."""

    content: tuple[int, int]
    cue: tuple[int, int]
    kind: str
    paragraph: int
    source: tuple[int, int] | None = None
    mention: str | None = None
    # The words that name the speaker (a relative pronoun's noun, an apposition's name), and
    # those that give their role.
    named_by: str | None = None
    role: str | None = None
    # The entity type the parser gives the name (PERSON, ORG, GPE, NORP), if any, and whether
    # the name is a proper noun at all ("Talks with officials said" names nobody).
    entity: str = ""
    proper: bool = False
    # The source is an office of an organisation named before ("its chairman").
    office: bool = False
    # The claim's words when the content alone does not read as one ("the plan is a failure").
    text: str | None = None
    # Where the whole frame (source, cue, content) starts: narration may stand before it.
    frame_start: int | None = None
    # A frame whose content is only an object ("rejected the plan"): it gives way to a reported
    # clause of the same source ("rejected the plan, saying it was too costly").
    weak: bool = False
