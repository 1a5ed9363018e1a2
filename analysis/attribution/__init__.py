"""Attribution on the parse: cues found by a trained model, their sources and contents read off
the dependency tree, quotations given to the speaker of their frame or carried on from it."""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Span, Token

from analysis.attribution.contents import content_of, frame_left
from analysis.attribution.cues import cue_probability, is_candidate, is_viewpoint
from analysis.attribution.frame import DIRECT, INDIRECT, Attribution
from analysis.attribution.intents import reports_intent
from analysis.attribution.pull_quotes import pull_quotes
from analysis.attribution.sources import (
    name_and_role,
    office_of,
    source_phrase,
    source_token,
    speaker_of_quotation,
    usable,
)
from analysis.attribution.transcripts import transcript_turns
from analysis.document import Document
from analysis.furniture import ends_a_sentence, is_sign_off
from analysis.nlp import Paragraph
from analysis.quotes import Quote
from analysis.speakers import parse_mention

# A low bar for a cue: the frame model (keep.py) decides which frames hold.
CUE_THRESHOLD = 0.3
_BARE_FRAME = 6
# Cues whose object is who was told, not what ("told the station", "assured voters").
_TO_A_LISTENER = frozenset({"tell", "assure", "reassure", "inform", "remind", "notify", "brief"})
_BETWEEN = " \n\t,.:;—–-"
# Objects of a frame that announce what follows: "wrote the following:", "put it this way:".
_ANNOUNCING = frozenset({"following", "this", "these", "it"})
# The fields that name a frame's speaker, beside the words of its source.
_NAMING_FIELDS = ("named_by", "named_at", "role", "entity", "proper")
_SPEAKER_FIELDS = ("source", "mention", *_NAMING_FIELDS, "office", "source_pos")


def _cues(document: Document, paragraph: Paragraph, after: int = 0
          ) -> list[tuple[Token, float]]:
    """The likely cues of a paragraph, none before offset after (a transcript turn's label)."""
    found = []
    furniture = max(after, document.prefix_end(paragraph.start, paragraph.end))
    words = document.text[paragraph.start : paragraph.end].strip()
    # A headline or a sign-off frames nothing: "Harbour plans new cranes".
    if is_sign_off(words) or not ends_a_sentence(words):
        return found
    for token in paragraph.doc:
        if is_candidate(token):
            start = paragraph.token_start(token)
            # A frame inside a quotation is the quoted speaker's words, not the article's.
            if start < furniture or document.quoted(start):
                continue
            ruled = is_viewpoint(token) or speaker_of_quotation(token) is not None
            probability = 1.0 if ruled else cue_probability(token, quoted=False)
            if probability >= CUE_THRESHOLD:
                found.append((token, probability))
    return found


def attribute(document: Document) -> list[Attribution]:
    """Every attribution the parse supports, in text order."""
    found, used = pull_quotes(document)
    turns = {t.paragraph: t for t in transcript_turns(document) if t.paragraph not in used}
    for index, paragraph in enumerate(document.paragraphs):
        if index not in used:
            # A turn's speaker may report someone else: "LINDA CHO: The mayor says P."
            after = turns[index].content[0] if index in turns else 0
            for cue, probability in _cues(document, paragraph, after):
                frames = _frame(document, index, paragraph, cue, probability)
                if index in turns:
                    _first_person_is_the_speaker(frames, turns[index])
                found += frames
    # "wrote on Twitter, adding:": two cues of one frame may both reach the same words.
    found = list({a.content: a for a in reversed(found)}.values())[::-1]
    found = _without_nested_acts(_without_nested_frames(document, found) + list(turns.values()))
    return _with_quotations(document, sorted(found, key=lambda a: a.content))


def _without_nested_acts(found: list[Attribution]) -> list[Attribution]:
    """An act reported after a speaker's colon is part of what the speaker says, no frame of
    its own: "Ana Duarte: Investigators attacked the plan." is Ana Duarte's claim. (After
    "said" the parse makes the act part of the content; the words after a colon it parses
    as a sentence of their own.)"""
    return [a for a in found if not a.whole_frame or not any(
        (outer.turn or outer.cue_lemma == ":") and outer.content[0] <= a.cue[0] < outer.content[1]
        for outer in found)]


_FIRST_PERSON = frozenset({"i", "we"})
_OTHER_FRAMES = frozenset({"advcl", "conj", "parataxis"})


def _first_person_is_the_speaker(frames: list[Attribution], turn: Attribution) -> None:
    """ "DAN COLE: I think P" or "We told them P": P is the turn's speaker's, said as "I"."""
    for frame in frames:
        if (frame.mention or "").casefold() in _FIRST_PERSON:
            for name in _NAMING_FIELDS:
                setattr(frame, name, getattr(turn, name))


# What sets a second speaker's frame against the first one's content: ", while Jones said".
_CONTRASTED = re.compile(r"(?:[,;—–]\s*(?:while|whereas|but|although|though)|;)\s*$", re.I)


def _without_nested_frames(document: Document, found: list[Attribution]) -> list[Attribution]:
    """ "said P, adding that Q": the parse may put the second frame inside the first one's
    content; the first content then stops where the second frame begins. A cue before the
    first one's own is its frame, not its content: "X spoke, pledging to P" reports P in a
    content that starts at X. A second frame the parse left without a source has the first
    one's: "joan pike rejected the plan, saying P". Someone else's frame that ends the first
    content after a contrasting conjunction is a second claim beside it, not part of it:
    "Officials said P, while Jones insisted Q" (but "Officials said Jones claimed Q" reports
    Jones's claim)."""
    for outer in found:
        inner = [a for a in found if a is not outer and a.source in (outer.source, None)
                 and max(outer.content[0], outer.cue[1]) <= a.cue[0] < outer.content[1]]
        for frame in inner:
            if frame.source is None:
                for name in _SPEAKER_FIELDS:
                    setattr(frame, name, getattr(outer, name))
        beside = [a for a in found if a.source not in (outer.source, None)
                  and outer.content[0] < a.frame_start and a.cue[0] < outer.content[1]
                  and a.content[1] >= outer.content[1]
                  and _CONTRASTED.search(document.text, outer.content[0], a.source[0])]
        if inner or beside:
            outer.content = (outer.content[0], min([a.cue[0] for a in inner]
                                                   + [a.frame_start for a in beside]))
            outer.text = None  # a rewording of the whole content no longer fits
    return found


def _unsaid(cue: Token, head: Token | None) -> bool:
    """A cue negated, or with nobody as its source."""
    if any(c.dep_ == "neg" for c in cue.children):
        return True
    return head is not None and (head.lower_ in ("nobody", "none", "no-one") or any(
        c.dep_ == "det" and c.lower_ == "no" for c in head.children))


def _speaker_words(document: Document, paragraph: Paragraph, head: Token, furniture: int
                   ) -> dict:
    """The Attribution fields that say who the source is; a dateline before furniture that the
    parse hangs from the name is none of it ("WASHINGTON — Sen. Bernie Sanders")."""
    def after_furniture(span: Span) -> Span:
        first = next((t.i for t in span if paragraph.token_start(t) >= furniture), span.end)
        return span.doc[first : span.end]

    phrase = after_furniture(source_phrase(head))
    source = paragraph.span(phrase)
    name, role = name_and_role(head)
    name = after_furniture(name)
    role_words = role.text if role is not None else None
    # "Presumptive Democratic presidential nominee Hillary Clinton": the words before the name
    # the recogniser finds are her role (and stay in named_at, the words naming her).
    person = _person_after_words(name)
    if person is not None:
        role_words = role_words or name[: person.start - name.start].text
    office = office_of(head)
    if office is not None and head not in name:
        # "Its chairwoman, Anne Kjaer, says": named by the apposition, the office her role.
        office, role_words = None, office
    return {
        "source": source,
        "mention": document.text[source[0] : source[1]],
        "named_by": office or (person or name).text,
        "named_at": None if office or not name else paragraph.span(name),
        "role": role_words,
        "entity": name.root.ent_type_,
        "proper": name.root.pos_ == "PROPN",
        "office": office is not None,
    }


def _person_after_words(name: Span) -> Span | None:
    """The person the recogniser names at the end of words that do not read as a name with
    its titles ("GOP presidential nominee Donald Trump", "journalist Martha Raddatz")."""
    person = next((e for e in name.ents if e.label_ == "PERSON" and e.end == name.end), None)
    # Not the last of two people: "Republican Donald Trump and Democrat Hillary Clinton".
    if person is None or person.start == name.start or any(t.dep_ == "cc" for t in name):
        return None
    return person if parse_mention(name.text) is None else None


def _frame(
    document: Document, index: int, paragraph: Paragraph, cue: Token, probability: float
) -> list[Attribution]:
    """The attributions of one cue: one per reported clause."""
    doc = paragraph.doc
    furniture = document.prefix_end(paragraph.start, paragraph.end)
    head = source = source_token(cue)
    # "LA CROSSE, Wis. - Mike Pence said": a dateline is no source, but the parse may hang the
    # source from it as an apposition.
    if head is not None and paragraph.token_start(head) < furniture:
        head = next((c for c in head.children if c.dep_ == "appos"
                     and paragraph.token_start(c) >= furniture), None)
    if head is not None and not usable(head):
        head = None
    content = content_of(cue)
    if content is not None and _unsaid(cue, source):
        # "did not say that P", "No one has suggested P": P is nobody's claim; the claim is the
        # whole frame, as for an act.
        ranges = content.ranges
        content = replace(content, ranges=((ranges[0][0], ranges[-1][1]),), text=None,
                          whole_frame=True)
    if content is not None and content.infinitive and not reports_intent(cue):
        # "tried to reopen the talks", "would like to build": the outlet reports an act or wish.
        return []
    # '“Everything X said is Y,” Duarte said': the parse may take the quotation's first words
    # for the cue's object; the frame reports the quotation (found below).
    misread = content is not None and content.whole_frame and _quoted_before(
        document, paragraph, paragraph.token_start(doc[content.ranges[0][0]]), cue)
    # The source inside its own content is a misreading, unless the frame interrupts the
    # content: "The museum, Mr. Obama said, celebrated P".
    if content is not None and head is not None and not content.interrupted and not misread and any(
        first <= head.i <= last for first, last in content.ranges
    ):
        return []
    spans = [(max(start, furniture), end) for start, end in (
        paragraph.span(doc[first : last + 1]) for first, last in content.ranges
        if last > first) if end > furniture] if content is not None else []
    # "issued the following statement:" may have an object; a reported clause is kept.
    if not spans or content.whole_frame:
        # "tweeted the transcript:" announces a quotation, not the paragraph after it; "wrote
        # the following:" and "put it this way:" announce the paragraph.
        announced = _announced(document, index, cue, bare=not spans and not any(
            c.dep_ == "dobj" and c.lower_ not in _ANNOUNCING for c in cue.children))
        # A frame with no content reports the quotation beside it; so does "told the station",
        # whose object is its listener, no claim, and a frame whose object the parse took from
        # the quotation before it ('“Everything X said is Y,” Duarte said').
        if announced is None and (not spans or cue.lemma_.casefold() in _TO_A_LISTENER
                                  or misread):
            quote = _adjacent_quote(document, paragraph, cue, head, bare=not spans)
            announced = (quote.start, quote.end) if quote is not None else None
        if announced is not None:
            spans, content = [announced], None
    if not spans:
        return []
    speaker = _speaker_words(document, paragraph, head, furniture) if head is not None else {}
    frame = [frame_left(cue)]
    # "X did P and said Q": a coordinated frame leaves "X did P" to the narration, and so
    # does a participle after another frame ("X said P, referring to Q").
    if head is not None and cue.dep_ != "conj" and not _after_its_frame(cue, head):
        frame.append(source_phrase(head).start)
    frame_start = max(furniture, paragraph.token_start(doc[min(frame)]))
    reading = {
        "cue_lemma": cue.lemma_.casefold(),
        "cue_probability": probability,
        "source_pos": head.pos_ if head is not None else "",
        "infinitive": content is not None and content.infinitive,
        "whole_frame": content is not None and content.whole_frame,
        # "X calls Y Z" is a rule of English, not the models' guess; keep.holds says for whom
        # "For X, P" holds.
        "ruled": content is not None and content.ruled,
        "viewpoint": is_viewpoint(cue),
    }
    found = []
    for start, end in spans:
        kind = INDIRECT
        quote = document.quote_at(start)
        if quote is not None and quote.end >= end - 1:
            # The frame reports the whole quotation, though the parse may give it a part.
            kind = DIRECT
            start, end = min(start, quote.start), max(end, quote.end)
        text = content.text if content is not None and len(spans) == 1 else None
        if content is not None and content.whole_frame:
            start = min(start, frame_start)
            if speaker and start == speaker["source"][0]:
                text = _renamed(document, speaker, end) or text
        found.append(Attribution(
            (start, end), paragraph.span(cue), kind=kind, paragraph=index, text=text,
            frame_start=min(frame_start, start), **reading, **speaker,
        ))
    return found


def _after_its_frame(cue: Token, source: Token) -> bool:
    """Whether a participle takes its source from a frame before it that reports other words:
    "Duarte said things “should be settled,” referring to the congress"."""
    frame = source.head
    return cue.tag_ == "VBG" and frame.i < cue.i and frame is not cue.head and any(
        c.dep_ == "ccomp" for c in frame.children)


def _renamed(document: Document, speaker: dict, end: int) -> str | None:
    """The words of a whole frame up to end with the speaker named as named_by names them:
    "Smith, who has blasted the plan" reads "Smith has blasted the plan", "his running mate —
    Mike Pence — has" reads "Mike Pence has"; None when the mention is that name. A name in
    the text is given in the article's words (copy in capitals is parsed in lower case)."""
    name, named_at = speaker["named_by"], speaker["named_at"]
    if name.lower() == speaker["mention"].lower():
        return None
    source_end = speaker["source"][1]
    rest = document.text[source_end:end]
    if named_at is not None:
        name = document.text[named_at[0] : named_at[1]]
        if named_at[0] >= source_end:  # an apposition after the source: not said twice
            rest = document.text[named_at[1] : end].lstrip(_BETWEEN)
            rest = " " + rest if rest else rest
    return f"{name}{rest}"


def _adjacent_quote(
    document: Document, paragraph: Paragraph, cue: Token, source: Token | None, bare: bool
) -> Quote | None:
    """The quotation a frame without a complement reports: '"...," Smith told reporters.' or
    'Smith told reporters: "..."'. Only punctuation may stand between the two, and the frame
    is bare: a source, a cue, a listener or a time. Not bare: the quotation the frame opens on,
    however long the frame goes on ('"...," Trump told the station in an interview aired on
    Monday when asked ...'). A clause after the cue with a verb of its own is another frame,
    no part of this one ('"...," X said, adding that Q')."""
    if source is None:
        return None
    named = range(source.left_edge.i, source.right_edge.i + 1)
    others = [range(c.left_edge.i, c.right_edge.i + 1) for c in cue.children
              if c.i > cue.i and c.dep_ in _OTHER_FRAMES and c.pos_ == "VERB"]
    words = [(t, paragraph.token_start(t)) for t in {*cue.subtree, *source.subtree}
             if not t.is_punct and not any(t.i in other for other in others)]
    for quote in document.quotes:
        if not paragraph.start <= quote.open_mark < paragraph.end or quote.close_mark is None:
            continue
        # The parse may hang the quotation's words or marks from the cue: they are no frame.
        frame = [t for t, start in words if not quote.open_mark <= start <= quote.close_mark]
        if not frame:
            continue
        start = paragraph.token_start(min(frame, key=lambda t: t.i))
        end = paragraph.token_end(max(frame, key=lambda t: t.i))
        if bare and sum(1 for t in frame if t.i not in named) > _BARE_FRAME:
            continue
        before = document.text[quote.close_mark + 1 : start]
        after = document.text[end : quote.open_mark]
        if (quote.close_mark < start and not before.strip(_BETWEEN)) or (
            bare and quote.open_mark >= end and not after.strip(_BETWEEN)
        ):
            return quote
    return None


def _quoted_before(document: Document, paragraph: Paragraph, start: int, cue: Token) -> bool:
    """Whether the words at start stand in a quotation closed before the cue."""
    quote = document.quote_at(start)
    return quote is not None and quote.close_mark is not None \
        and quote.close_mark < paragraph.token_start(cue)


def _announced(document: Document, index: int, cue: Token, bare: bool) -> tuple[int, int] | None:
    """ "X issued the following statement:" ending its paragraph: the quotation that opens the
    next paragraph; after a bare frame ("Limbaugh added:", not "listed the reasons:") the next
    paragraph itself, set off as a block."""
    paragraph = document.paragraphs[index]
    last = next((t for t in reversed(paragraph.doc) if not t.is_space), None)
    if last is None or last.text != ":" or last.i not in (t.i for t in cue.subtree):
        return None
    if index + 1 == len(document.paragraphs):
        return None
    following = document.paragraphs[index + 1]
    words = document.text[following.start : following.end]
    opening = following.start + len(words) - len(words.lstrip())
    quote = next((q for q in document.quotes if q.open_mark == opening), None)
    if quote is not None:
        return quote.start, quote.end
    block = words.strip()
    if not bare or not ends_a_sentence(block) or is_sign_off(block):
        return None
    return opening, opening + len(block)


def _with_quotations(document: Document, found: list[Attribution]) -> list[Attribution]:
    """Quotations no cue reached: given to the speaker quoted last in their paragraph, or
    quoted directly in the paragraph before when the quotation opens its own (a quotation
    carried on), else to the quotation that follows in their paragraph ('"P." "Q," said X.').
    A frame that only reported a speaker's words in the paragraph before hands on nothing: the
    next quotation there is most often someone else's."""
    covered = [a.content for a in found]
    result = list(found)
    for quote in document.quotes:
        if quote.end - quote.start < 12 or any(
            start <= quote.start < end or start < quote.end <= end for start, end in covered
        ):
            continue
        para = _paragraph_of(document, quote.start)
        before = [a for a in found if a.content[1] <= quote.start and a.source is not None
                  and para - a.paragraph <= 1]
        if before and before[-1].paragraph < para and (
                before[-1].kind != DIRECT or not _opens_paragraph(document, para, quote)):
            before = []
        after = [a for a in found if a.content[0] >= quote.end and a.source is not None
                 and a.paragraph == para and a.kind == DIRECT]
        donor = before[-1] if before else after[0] if after else None
        if donor is None:
            continue
        result.append(replace(donor, content=(quote.start, quote.end), kind=DIRECT,
                              paragraph=para, text=None, frame_start=quote.open_mark,
                              whole_frame=False, infinitive=False, carried=True))
    return sorted(result, key=lambda a: a.content)


def _opens_paragraph(document: Document, index: int, quote: Quote) -> bool:
    """Whether a quotation opens its paragraph, as one carried on from the paragraph before
    does; one further in is the paragraph's own ('On Fox's "Sunday Futures," Issa said')."""
    paragraph = document.paragraphs[index]
    return not document.text[paragraph.start : quote.open_mark].strip()


def _paragraph_of(document: Document, offset: int) -> int:
    for index, paragraph in enumerate(document.paragraphs):
        if paragraph.start <= offset < paragraph.end:
            return index
    return len(document.paragraphs) - 1
