"""The source of a cue: whoever the parse makes its subject, whatever it is (a person, an outlet, a
poll, "a source", "officials"), or the object of "according to", or the agent of a passive."""

from __future__ import annotations

from spacy.tokens import Span, Token

_SUBJECTS = ("nsubj", "nsubjpass")
# A cue without its own subject takes the subject of the verb it hangs from: "..., saying",
# "decided to announce", "met reporters and said".
_CLIMB = ("xcomp", "advcl", "conj", "pcomp", "acl")
# Words that make a phrase no source: it, what, there, relative pronouns.
_NOT_SOURCES = frozenset({"it", "there", "this", "that", "what", "which", "who", "whom", "one"})
_RELATIVE = frozenset({"who", "which", "that"})
_CUT_DEPS = frozenset({"relcl", "acl", "punct", "cc", "conj", "advcl", "prep"})


def source_token(cue: Token) -> Token | None:
    """The head word of the cue's source, if the parse names one."""
    if cue.lower_ == "according":
        return next((g for c in cue.children if c.lower_ == "to" for g in c.children
                     if g.dep_ == "pobj"), None)
    if cue.pos_ == "NOUN":
        # "Trump's statement", "a statement by the Kremlin".
        owner = next((c for c in cue.children if c.dep_ == "poss"), None)
        if owner is not None:
            return owner
        return next((g for c in cue.children if c.dep_ == "prep" and c.lower_ in ("by", "from")
                     for g in c.children if g.dep_ == "pobj"), None)
    if cue.text in ":—–":
        head = cue.head
        return next((c for c in head.children if c.dep_ in _SUBJECTS and c.i < cue.i), None)
    word = cue
    for _ in range(3):
        agent = next((g for c in word.children if c.dep_ == "agent" for g in c.children
                      if g.dep_ == "pobj"), None)
        subject = next((c for c in word.children if c.dep_ in _SUBJECTS), None)
        if word.lemma_.casefold() == "quote":
            # "A statement quotes Putin as saying", "Putin was quoted as saying".
            quoted = next((c for c in word.children if c.dep_ in ("dobj", "nsubjpass")), None)
            if quoted is not None:
                return quoted
        if subject is not None and subject.dep_ == "nsubj":
            return subject
        if subject is not None or agent is not None:
            # A passive's subject is who is asked, told or expected: the agent speaks.
            return agent
        if word.dep_ not in _CLIMB or word.head.i == word.i:
            return None
        word = word.head
    return None


def stands_for(source: Token) -> Token:
    """The noun a relative pronoun stands for ("Smith, who said ..."), else the source itself."""
    clause = source.head
    if source.lower_ in _RELATIVE and clause.dep_ == "relcl":
        return clause.head
    return source


def source_phrase(head: Token) -> Span:
    """The noun phrase around a source's head word, without clauses hanging from it:
    "Brian Baker, a longtime political adviser to the family who oversees ..." -> its name and
    apposition, stopping at the relative clause."""
    doc = head.doc
    left = head.left_edge.i
    right = head.i
    for child in head.rights:
        if child.dep_ in _CUT_DEPS and not (child.dep_ == "prep" and child.lower_ == "of"):
            break
        right = child.right_edge.i
    while right > left and doc[right].is_punct:
        right -= 1
    while left < right and doc[left].is_punct:
        left += 1
    return doc[left : right + 1]


def usable(head: Token) -> bool:
    """Whether a source word can name a speaker at all."""
    return head.lower_ not in _NOT_SOURCES and head.pos_ in ("PROPN", "NOUN", "PRON", "NUM", "X")
