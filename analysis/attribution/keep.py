"""Which frames to keep: a linear model over what a frame is made of (its cue, its source, its
content) that weighs how likely the frame is a true attribution with the right source, trained
on PolNeAR train (`make train`, analysis/attribution/train.py) and written to keep_model.json.

The cue model asks whether a word reports; this one asks whether the whole frame holds: "The
decisive victory made him the nominee" has a likely cue and a source no one would quote."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from analysis.attribution.frame import Attribution
from analysis.attribution.linear import LinearModel
from analysis.speakers import SpeakerRef

MODEL = LinearModel(Path(__file__).parent / "keep_model.json")
# Where F1 peaks on PolNeAR train articles held out of the fit (640 articles to fit, 200 to
# measure), swept when the bar was chosen (commit 87e6e65's reading): F1 0.774 at 0.35, 0.775
# at 0.4 and 0.42, 0.774 at 0.47, 0.772 at 0.5.
KEEP_THRESHOLD = 0.4
SOURCELESS_CUE = 0.5
_LENGTHS = (2, 5, 10, 20, 40)
_QUOTE_MARKS = "\"“‘'"


def _bucket(value: float, edges) -> str:
    return str(next((i for i, edge in enumerate(edges) if value <= edge), len(edges)))


def heard_nearby(found: list[Attribution], speakers: dict[int, SpeakerRef]) -> set[int]:
    """The frames (by id) whose speaker has another frame in the same paragraph or the one
    before: a voice the story is hearing ("Smith says P. She believes Q.")."""
    named = [(frame, speakers[id(frame)].name) for frame in found
             if id(frame) in speakers and speakers[id(frame)].name]
    frames = Counter((frame.paragraph, name) for frame, name in named)
    return {id(frame) for frame, name in named
            if frames[frame.paragraph, name] + frames[frame.paragraph - 1, name] > 1}


def features(text: str, found: Attribution, speaker: SpeakerRef | None,
             heard: bool = False) -> dict[str, float]:
    """What the model sees of one frame; heard: its speaker speaks nearby (heard_nearby)."""
    content = text[found.content[0] : found.content[1]]
    words = len(content.split())
    head = (found.named_by or found.mention or "").split()
    shape = (f"kind={found.kind}", f"carried={found.carried}", f"infinitive={found.infinitive}",
             f"whole={found.whole_frame}", f"reworded={bool(found.text)}",
             f"source_pos={found.source_pos}",
             f"entity={found.entity or '-'}", f"proper={found.proper}",
             f"speaker={speaker.kind if speaker else '-'}", f"words={_bucket(words, _LENGTHS)}",
             f"mention_words={_bucket(len(head), (1, 2, 4, 8))}",
             f"opens_quote={content[:1] in _QUOTE_MARKS}", f"heard={heard}")
    found_features = dict.fromkeys(shape, 1.0)
    found_features.update(dict.fromkeys((
        f"cue={found.cue_lemma}",
        f"cue_kind={found.cue_lemma}|{found.kind}|{found.carried}",
        f"cue_source={found.cue_lemma}|{found.source_pos}|{found.entity or '-'}",
        f"cue_content={found.cue_lemma}|{found.whole_frame}|{found.infinitive}|{bool(found.text)}",
    ), 1.0))
    if found.source_pos in ("NOUN", "PRON") and head:
        found_features[f"source_word={head[-1].casefold()}"] = 1.0
    found_features["cue_probability"] = found.cue_probability
    return found_features


def keep_probability(text: str, found: Attribution, speaker: SpeakerRef | None,
                     heard: bool = False) -> float:
    return MODEL.probability(features(text, found, speaker, heard))


def holds(text: str, found: Attribution, speaker: SpeakerRef | None, heard: bool = False
          ) -> bool:
    """Whether to keep a frame. Frames found by rule are kept; a frame with no source (which
    the model is not trained on) only when its cue is more likely than not. "For X, P" gives
    the view of a group of people ("For many voters, P"); of one person it is most often the
    writer's reading of where that person stands ("For Obama, the deal fulfills a goal"), that
    person's view only when the story is hearing them nearby; of anything else it is no view
    at all ("For all these reasons, P")."""
    if found.viewpoint:
        kind = speaker.kind if speaker is not None else None
        return kind == "group" or (kind == "person" and heard)
    if found.ruled:
        return True
    if found.source is None:
        return found.cue_probability >= SOURCELESS_CUE
    return keep_probability(text, found, speaker, heard) >= KEEP_THRESHOLD
