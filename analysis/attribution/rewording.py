"""A claim said in words of its own where the article's do not read as one: "calls the plan a
failure" says "the plan is a failure", "denied that P" says the opposite of P."""

from __future__ import annotations

from spacy.tokens import Span, Token

# The subject of "called him a liar" is said as "he is a liar".
_NOMINATIVE = {"me": ("I", "am"), "him": ("he", "is"), "her": ("she", "is"),
               "us": ("we", "are"), "them": ("they", "are"), "you": ("you", "are")}
# "fled" denied is "did not flee"; a contracted negation ("won't") undone is its auxiliary.
_DO = {"VBD": "did", "VBZ": "does", "VBP": "do"}
_CONTRACTED = {"wo": "will", "ca": "can", "sha": "shall"}


def is_said(named: Token, subject: Span, said: Span) -> str:
    """ "Y is Z" of "X calls Y Z" (named: the head of Y)."""
    words = subject.text
    verb = "are" if named.tag_ in ("NNS", "NNPS") else "is"
    if len(subject) == 1 and named.lower_ in _NOMINATIVE:
        words, verb = _NOMINATIVE[named.lower_]
    return f"{words} {verb} {said.text}"


def negated(clause: Token, span: tuple[int, int]) -> str | None:
    """The words of a denied clause said the other way: "denied that the president had been
    briefed" says "the president had not been briefed", "disputed that prices fell" says
    "prices did not fall", "denied that he did not pay" says "he did pay"; None when the
    clause has no verb to negate so."""
    doc = clause.doc
    words = list(doc[span[0] : span[1] + 1])
    negations = [c for c in clause.children if c.dep_ == "neg"]
    if negations:
        said = []
        for token in words:
            if token in negations:
                continue
            undone = token.i + 1 < len(doc) and doc[token.i + 1] in negations
            said.append(_CONTRACTED.get(token.lower_, token.text) + " " if undone
                        else token.text_with_ws)
        return "".join(said).strip()
    auxiliaries = sorted((c for c in clause.children if c.dep_ in ("aux", "auxpass")),
                         key=lambda c: c.i)
    if auxiliaries or clause.lemma_ == "be":
        after = auxiliaries[0] if auxiliaries else clause
        return "".join(t.text_with_ws + ("not " if t == after else "") for t in words).strip()
    if clause.tag_ in _DO and any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
        return "".join(f"{_DO[clause.tag_]} not {clause.lemma_}{t.whitespace_}" if t == clause
                       else t.text_with_ws for t in words).strip()
    return None
