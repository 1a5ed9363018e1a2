"""The content of a cue: its clausal complement, the clause it interrupts ("..., she said"), what
"according to" qualifies, or the object of a cue like "called for" and "announced"."""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Token

from analysis.attribution.rewording import is_said, negated
from analysis.lexicon import DENIAL_VERBS, DOCUMENTS
from analysis.quotes import TYPEWRITER_MARKS

_CLAUSES = ("ccomp", "xcomp")
_OBJECTS = ("dobj", "attr", "oprd")
# "called for new talks", "referring to the ban", "warned of a crisis".
_PREPOSITIONS = frozenset({"for", "to", "of", "about", "on", "that", "against"})
_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
_CLAUSAL = frozenset({"ccomp", "parataxis", "advcl", "conj", "punct"})
_SKIP = frozenset({"that", ",", ":", "—", "–", "-", '"', "“", "”", "‘", "'", "«", "»", "„",
                   *TYPEWRITER_MARKS})


def _subtree(token: Token, without: Token | None = None) -> tuple[int, int] | None:
    """[first, last] token indexes of a subtree; less a cue's own subtree, keeping the larger
    side of the subtree when the cue stands inside it."""
    first, last = token.left_edge.i, token.right_edge.i
    if without is None:
        return first, last
    lo, hi = without.left_edge.i, without.right_edge.i
    doc = token.doc
    before = (first, lo - 1) if first < lo else None
    after = (hi + 1, last) if hi < last else None

    def words(side):
        return sum(not doc[i].is_punct for i in range(side[0], side[1] + 1)) if side else 0

    return before if words(before) >= words(after) else after


def _skipped(token: Token) -> bool:
    """Punctuation and the "that" of "said that P" before a content; not "That attitude"."""
    if token.lower_ == "that":
        return token.dep_ == "mark"
    return token.lower_ in _SKIP or token.is_space


def _trim(doc, span: tuple[int, int]) -> tuple[int, int] | None:
    first, last = span
    while first <= last and _skipped(doc[first]):
        first += 1
    while last >= first and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    return (first, last) if first <= last else None


def _after_colon(colon: Token) -> tuple[int, int] | None:
    """What follows a colon to the end of its sentence."""
    doc = colon.doc
    end = doc[colon.i :].sent.end - 1 if colon.i + 1 < len(doc) else colon.i
    return _trim(doc, (colon.i + 1, end)) if end > colon.i else None


@dataclass(frozen=True)
class Content:
    """What a cue attributes: token ranges [first, last], each a claim; a rewording when the
    words alone do not read as a claim ("calls the plan a failure" -> "the plan is a failure");
    whole_frame when a bare infinitive needs its subject ("X vowed to close ..."); ruled when
    a rule of English, not a model's guess, makes it a claim ("X calls Y Z"); interrupted when
    the frame stands inside the words ("The museum, he said, celebrated P")."""

    ranges: tuple[tuple[int, int], ...]
    text: str | None = None
    whole_frame: bool = False
    infinitive: bool = False
    ruled: bool = False
    interrupted: bool = False


def _content(doc, span: tuple[int, int] | None, **kwargs) -> Content | None:
    trimmed = _trim(doc, span) if span is not None else None
    return Content((trimmed,), **kwargs) if trimmed is not None else None


def _clauses(clause: Token) -> Content | None:
    """A reported clause, split where "and that" coordinates a second one."""
    doc = clause.doc
    # "made it clear that P": the clause hangs from the adjective.
    if clause.pos_ in ("ADJ", "NOUN"):
        inner = next((c for c in clause.children if c.dep_ in ("ccomp", "advcl")
                      and any(m.dep_ == "mark" for m in c.children)), None)
        if inner is not None:
            clause = inner
        else:
            small = _small_clause(clause)
            if small is not None:
                return small
    seconds = _second_clauses(clause)
    cuts = [clause.left_edge.i, *(c.left_edge.i for c in seconds), clause.right_edge.i + 1]
    ranges = []
    for first, after in zip(cuts, cuts[1:], strict=False):
        last = after - 1
        while last >= first and (doc[last].dep_ == "cc" or doc[last].is_punct):
            last -= 1
        trimmed = _trim(doc, (first, last))
        if trimmed is not None:
            ranges.append(trimmed)
    # "vowed to close", not a quoted imperative the parse hangs the same way ('said, "Let ...').
    infinitive = clause.dep_ == "xcomp" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in clause.children
    ) and not any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)
    return Content(tuple(ranges), whole_frame=infinitive, infinitive=infinitive) if ranges else None


def _relative_subject(cue: Token, clause: Token) -> Token | None:
    """ "a church that Carson says led him to Christ": the reported clause's subject is a
    relative pronoun before the frame, standing for the noun the frame describes, and the
    clause ends the sentence."""
    if cue.dep_ not in ("relcl", "acl") or not _ends_its_sentence(cue):
        return None
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None:
        return subject if subject.tag_ in ("WDT", "WP") and subject.i < cue.i else None
    # The parse may hang the pronoun from the frame (its source the frame's subject), leaving
    # the clause without a subject; not the subject of the frame: "voters who want to P".
    if clause.dep_ != "ccomp" or not any(c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP")
                                         for c in cue.children):
        return None
    return next((c for c in cue.children if c.i < cue.i and (
        c.tag_ in ("WDT", "WP") or c.dep_ == "mark" and c.lower_ == "that")), None)


def _ends_its_sentence(clause: Token) -> bool:
    """Whether a clause runs to the last word of its sentence: "The pier that the mayor said
    was unsafe reopened" goes on past it, and is the outlet's sentence whole."""
    last = clause.sent.end - 1
    while last > clause.i and (clause.doc[last].is_punct or clause.doc[last].is_space):
        last -= 1
    return clause.right_edge.i >= last


def _standing_for(cue: Token, clause: Token) -> Content | None:
    """The reported clause after the frame, read with the noun its relative pronoun stands
    for: "a church that Carson says led him to Christ" -> "a church led him to Christ"."""
    doc = cue.doc
    first = min((t.i for t in clause.subtree if t.i > cue.i), default=None)
    said = _trim(doc, (first, clause.right_edge.i)) if first is not None else None
    noun = _trim(doc, (cue.head.left_edge.i, cue.left_edge.i - 1))
    if said is None:
        return None
    words = doc[said[0] : said[1] + 1].text
    text = f"{doc[noun[0] : noun[1] + 1].text} {words}" if noun is not None else None
    return Content((said,), text=text)


def _naming(named: Token, said: tuple[int, int], *, ruled: bool) -> Content | None:
    """ "X calls Y Z", "X considers Y Z": X says Y is Z. named: the head of Y; said: Z."""
    doc = named.doc
    subject = _trim(doc, (named.left_edge.i, named.right_edge.i))
    said = _trim(doc, said)
    if subject is None or said is None:
        return None
    text = is_said(named, doc[subject[0] : subject[1] + 1], doc[said[0] : said[1] + 1])
    return Content(((subject[0], said[1]),), text=text, ruled=ruled)


def _small_clause(clause: Token) -> Content | None:
    """A reported clause with no verb: "considers the plan reckless", "deems the rules unfair"
    (the plan is reckless)."""
    if clause.pos_ not in ("ADJ", "NOUN") or any(
            c.dep_ in ("aux", "auxpass", "cop") for c in clause.children):
        return None
    subject = next((c for c in clause.children if c.dep_ == "nsubj" and c.i < clause.i), None)
    if subject is None:
        return None
    return _naming(subject, (subject.right_edge.i + 1, clause.right_edge.i), ruled=False)


def _interrupts(cue: Token) -> bool:
    """ "The museum, he said, celebrated P" / "As Mr. Bown observed, P": a frame the parse
    hangs from the reported clause, which goes on after it."""
    head = cue.head
    if head.i <= cue.i:
        return False
    return cue.dep_ == "parataxis" or (
        cue.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in cue.children)
    )


def _second_clauses(clause: Token) -> list[Token]:
    """Clauses coordinated with this one that have their own subject or "that": "P, and that
    Q", "P, and she added Q"; and a "that" clause ending it that the parse coordinates with a
    verb inside it ("had failed to produce a breakthrough and that Moscow ...")."""
    seconds = []
    for c in clause.subtree:
        if c == clause or c.dep_ != "conj" or c.pos_ not in ("VERB", "AUX"):
            continue
        if c.head == clause:
            second = any(m.dep_ in ("mark", "nsubj", "nsubjpass") for m in c.children)
        else:
            second = c.right_edge == clause.right_edge and any(
                m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        if second:
            seconds.append(c)
    return seconds


def frame_left(cue: Token) -> int:
    """Where a cue's own words start: a clause the parse hangs before it is no part of them
    ("Critics argue P; supporters say Q", "If elected, she said, she would P"); the relative
    pronoun of a reported clause is ("a church that Carson says led him to Christ")."""
    relatives = [relative.i for clause in cue.children if clause.dep_ in _CLAUSES
                 for relative in [_relative_subject(cue, clause)] if relative is not None]
    return min([cue.i, *relatives] + [c.left_edge.i for c in cue.lefts if c.dep_ not in _CLAUSAL])


def _around(cue: Token) -> Content | None:
    """The reported clause around an interrupting frame, read without it, up to a second
    clause coordinated with it ("The plan, he said, will fail, and she added ...")."""
    doc = cue.doc
    head = cue.head
    start = min(head.left_edge.i, cue.left_edge.i)
    end = min([c.left_edge.i for c in _second_clauses(head) if c.i > cue.i],
              default=head.right_edge.i + 1) - 1
    while end > cue.right_edge.i and doc[end].dep_ == "cc":
        end -= 1
    left = frame_left(cue)
    before = _trim(doc, (start, left - 1)) if start < left else None
    after = _trim(doc, (cue.right_edge.i + 1, end))
    if after is None:
        return None
    if before is None or _quotation_after_only(doc, before, cue.i, after):
        return Content((after,))
    # "The museum celebrated P" but "In office, a majority believe P".
    opening = doc[before[0] : before[1] + 1]
    subject = any(t.dep_ in _SUBJECTS and t.head == head for t in opening)
    words = opening.text + (" " if subject else ", ") + doc[after[0] : after[1] + 1].text
    return Content(((before[0], after[1]),), text=words, interrupted=True)


def _quotation_after_only(doc, before: tuple[int, int], cue: int, after: tuple[int, int]
                          ) -> bool:
    """ "Asked whether P, she said, “Q”": a quotation opens after the frame and none closes
    before it; the words before it are the frame's, not the quotation's."""
    return any(t.is_quote for t in doc[cue + 1 : after[0]]) and not any(
        t.is_quote for t in doc[before[0] : cue])


def _quoted(clause: Token, cue: Token) -> bool:
    """A clause before the cue that opens with a quotation mark closed before the cue."""
    doc = clause.doc
    first = clause.left_edge.i
    opens = doc[first].is_quote or (first > 0 and doc[first - 1].is_quote)
    return opens and any(t.is_quote for t in doc[clause.right_edge.i : cue.i])


def _one_after_another(clauses: list[Token]) -> bool:
    """Several clauses, each with its own subject, each set off from the one before by a
    comma alone."""
    ordered = sorted(clauses, key=lambda c: c.i)
    if len(ordered) < 2 or not all(any(c.dep_ in _SUBJECTS for c in clause.children)
                                   for clause in ordered):
        return False
    for earlier, later in zip(ordered, ordered[1:], strict=False):
        first_word = next(t for t in later.subtree if not t.is_punct)
        if [t.text for t in later.doc[earlier.right_edge.i + 1 : first_word.i]] != [","]:
            return False
    return True


def _subordinate(clause: Token) -> bool:
    """Made part of the clause before by a conjunction ("that", "because"); not "as": "P, as
    critics point out"."""
    return any(m.dep_ == "mark" and m.lower_ != "as" for m in clause.children)


def _marked_that(clause: Token) -> bool:
    return any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children)


def in_document(cue: Token) -> Token | None:
    """ "In a Quinnipiac poll released Monday, P": the document a phrase gives as P's source."""
    if cue.lower_ != "in" or cue.dep_ != "prep":
        return None
    document = next((c for c in cue.children if c.dep_ == "pobj"), None)
    return document if document is not None and document.lemma_.casefold() in DOCUMENTS else None


def asked_for(cue: Token) -> Token | None:
    """The verb a "for" follows ("called for talks", "pressed for X to resign"), which asks for
    what "for" governs; None for "For X, P"."""
    if cue.lower_ != "for":
        return None
    verb = cue.head.head if cue.dep_ == "mark" else cue.head
    return verb if verb.i < cue.i and verb.pos_ == "VERB" else None


def content_of(cue: Token) -> Content | None:
    """What the cue attributes, or None."""
    doc = cue.doc
    if cue.text in ":—–":
        return _content(doc, _after_colon(cue))
    if asked_for(cue) is not None:
        # "called for new talks", "called for X to resign": what was asked for.
        last = cue.head.right_edge.i if cue.dep_ == "mark" else cue.right_edge.i
        return _content(doc, (cue.i + 1, last), whole_frame=True)
    if cue.lower_ in ("according", "for") or in_document(cue) is not None:
        # "According to X, P" / "P, according to X" / "For X, P" / "In a poll released Monday,
        # P": the clause the phrase modifies.
        return _content(doc, _subtree(cue.head, without=cue))
    # Not the colon of a verb joined to the cue: "he said, and then predicted: “Q”" (the
    # joined verb is a cue of its own).
    joined = [c for c in cue.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
    colon = next((t for t in cue.subtree if t.text == ":" and t.i > cue.i and not any(
        c.left_edge.i <= t.i <= c.right_edge.i for c in joined)), None)
    if colon is not None:
        # "released the following statement: ...", "declared: ...".
        return _content(doc, _after_colon(colon))
    if cue.lemma_.casefold() == "quote":
        # "quotes Putin as saying P", "was quoted as saying P": what the saying says.
        saying = next((g for c in cue.children if c.lower_ == "as" for g in c.children
                       if g.pos_ == "VERB"), None)
        if saying is not None:
            return content_of(saying)
    # The largest: a hyphenated verb ("re-write") may come as several. A noun's clause comes
    # as a modifier: "Trump's claim that P".
    clauses = [c for c in cue.children if c.dep_ in _CLAUSES or (
        cue.pos_ == "NOUN" and c.dep_ == "acl" and _marked_that(c))]
    if not clauses:
        # "Critics are worried that P": the clause hangs from the adjective of the stance.
        # "said in a statement on Monday that P": from the noun of a phrase after the cue.
        clauses = [clause for state in cue.children if state.dep_ == "acomp"
                   for clause in state.children if clause.dep_ in _CLAUSES] or [
            clause for phrase in cue.children if phrase.dep_ == "prep" and phrase.i > cue.i
            for clause in phrase.subtree
            if clause.dep_ in ("ccomp", "acl") and _marked_that(clause)][:1]
    # "Even its backers sounded wary: Harman called it Z" is no "P, Harman said".
    clauses = [c for c in clauses if c.i > cue.i or not any(
        t.text in ":;" for t in doc[c.right_edge.i + 1 : cue.i])]
    if clauses:
        # Of clauses on both sides, the one before may be a long subject misread as a clause;
        # not a quotation: '"P," she said, noting Q'.
        after = [c for c in clauses if c.i > cue.i]
        quoted = [c for c in clauses if c.i < cue.i and _quoted(c, cue)]
        clause = max(quoted or after or clauses, key=lambda c: c.right_edge.i - c.left_edge.i)
        if not quoted and _one_after_another(after):
            # "has said P, the vast majority of them Q": each clause a claim of the frame's.
            parts = [_clauses(c) for c in sorted(after, key=lambda c: c.i)]
            if all(p is not None and p.text is None and not p.infinitive for p in parts):
                return Content(tuple(r for p in parts for r in p.ranges))
        if _relative_subject(cue, clause) is not None:
            return _standing_for(cue, clause)
        content = _clauses(clause)
        if content is not None and cue.lemma_.casefold() in DENIAL_VERBS \
                and len(content.ranges) == 1 and content.text is None:
            return replace(content, text=negated(clause, content.ranges[0]))
        return content
    obj = next((c for c in cue.children if c.dep_ in _OBJECTS), None)
    if obj is None and _interrupts(cue):
        return _around(cue)
    if obj is None and cue.dep_ in ("parataxis", "ccomp", "advcl", "conj") and (
            cue.head.i != cue.i and cue.tag_ != "VBG") and not _subordinate(cue):
        # "Prices will fall, she said": the parse may hang the cue from the reported clause;
        # not a participle ('"P," he said, referring to Q'), nor a clause a conjunction makes
        # part of the one before ("The problem is that, whatever X does, they stand by him").
        head = cue.head
        if head.i < cue.i and not any(c.dep_ in ("nsubj", "nsubjpass") and c.i > cue.i
                                      for c in head.children):
            reported = _subtree(head, without=cue)
            if reported is not None:
                start = head.left_edge.i
                return _content(doc, (start, min(reported[1], cue.left_edge.i - 1)))
    prep = next((c for c in cue.children if c.dep_ == "prep" and c.lower_ in _PREPOSITIONS), None)
    if obj is not None:
        complement = next((c for c in cue.children if c.dep_ in ("oprd", "acomp")
                           and c.i > obj.i), None)
        if complement is not None:
            return _naming(obj, (complement.left_edge.i, complement.right_edge.i), ruled=True)
        end = obj.right_edge.i
        later = [c for c in cue.children if c.i > obj.i and c.dep_ in ("prep", "xcomp", "advcl")]
        if later:
            end = max(end, later[0].right_edge.i)
        # "criticized the plan": the object alone is no claim; the whole frame is.
        return _content(doc, (obj.left_edge.i, end), whole_frame=True)
    if prep is not None:
        return _content(doc, (prep.i + 1, prep.right_edge.i), whole_frame=True)
    return None
