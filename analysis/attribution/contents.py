"""The content of a cue: its clausal complement, the clause it interrupts ("..., she said"), what
"according to" qualifies, or the object of a cue like "called for" and "announced"."""

from __future__ import annotations

from spacy.tokens import Token

_CLAUSES = ("ccomp", "xcomp")
_OBJECTS = ("dobj", "attr", "oprd")
# "called for new talks", "referring to the ban", "warned of a crisis".
_PREPOSITIONS = frozenset({"for", "to", "of", "about", "on", "that", "against"})
_SKIP = frozenset({"that", ",", ":", "—", "–", "-", '"', "“", "”", "'"})


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


def _trim(doc, span: tuple[int, int]) -> tuple[int, int] | None:
    first, last = span
    while first <= last and (doc[first].lower_ in _SKIP or doc[first].is_space):
        first += 1
    while last >= first and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    return (first, last) if first <= last else None


def _after_colon(colon: Token) -> tuple[int, int] | None:
    """What follows a colon to the end of its sentence."""
    doc = colon.doc
    end = doc[colon.i :].sent.end - 1 if colon.i + 1 < len(doc) else colon.i
    return _trim(doc, (colon.i + 1, end)) if end > colon.i else None


def content_tokens(cue: Token, source: Token | None) -> tuple[int, int] | None:
    """[first, last] token indexes of what the cue attributes, or None."""
    doc = cue.doc
    if cue.text in ":—–":
        return _after_colon(cue)
    if cue.lower_ == "according":
        # "According to X, P" / "P, according to X": the clause the phrase modifies.
        return _trim(doc, _subtree(cue.head, without=cue) or (0, -1))
    colon = next((t for t in cue.subtree if t.text == ":" and t.i > cue.i), None)
    if colon is not None:
        # "released the following statement: ...", "declared: ...".
        return _after_colon(colon)
    if cue.lemma_.casefold() == "quote":
        # "quotes Putin as saying P", "was quoted as saying P": what the saying says.
        saying = next((g for c in cue.children if c.lower_ == "as" for g in c.children
                       if g.pos_ == "VERB"), None)
        if saying is not None:
            return content_tokens(saying, None)
    clause = next((c for c in cue.children if c.dep_ in _CLAUSES), None)
    if clause is not None:
        return _trim(doc, (clause.left_edge.i, clause.right_edge.i))
    if cue.dep_ in ("parataxis", "ccomp", "advcl", "conj") and cue.head.i != cue.i:
        # "Prices will fall, she said": the parse may hang the cue from the reported clause.
        head = cue.head
        if head.i < cue.i and not any(c.dep_ in ("nsubj", "nsubjpass") and c.i > cue.i
                                      for c in head.children):
            reported = _subtree(head, without=cue)
            if reported is not None:
                start = head.left_edge.i
                return _trim(doc, (start, min(reported[1], cue.left_edge.i - 1)))
    obj = next((c for c in cue.children if c.dep_ in _OBJECTS), None)
    prep = next((c for c in cue.children if c.dep_ == "prep" and c.lower_ in _PREPOSITIONS), None)
    if obj is not None:
        end = obj.right_edge.i
        later = [c for c in cue.children if c.i > obj.i and c.dep_ in ("prep", "xcomp", "advcl")]
        if later:
            end = max(end, later[0].right_edge.i)
        return _trim(doc, (obj.left_edge.i, end))
    if prep is not None:
        return _trim(doc, (prep.i + 1, prep.right_edge.i))
    return None
