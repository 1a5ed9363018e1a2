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
    named_at: tuple[int, int] | None = None  # where named_by (and any title before it) stands
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
    # What the frame filter reads (analysis/attribution/keep.py): the cue's lemma and how
    # likely it is a cue, the source's part of speech, whether the content is a bare infinitive
    # or needs its frame, and whether a quotation was carried on from an earlier frame.
    cue_lemma: str = ""
    cue_probability: float = 1.0
    source_pos: str = ""
    infinitive: bool = False
    whole_frame: bool = False
    carried: bool = False
    # Found by a rule of English rather than weighed by the models: "X calls Y Z", a pull
    # quote's paragraphs, a transcript's turn.
    ruled: bool = False
    # "For X, P": P as X's view, when X is someone whose view it can be (keep.holds).
    viewpoint: bool = False
    # A transcript's turn ("JOAN PIKE: ..."): its speaker says what no frame inside gives
    # another source (analysis/claims.py).
    turn: bool = False
