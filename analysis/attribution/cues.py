"""Reporting cues: the word that attributes ("said", "according to", "found", ":"), by a linear
model over parse features trained on PolNeAR train (`make train`, analysis/attribution/train.py).
"""

from __future__ import annotations

from pathlib import Path

from spacy.tokens import Token

from analysis.attribution.contents import in_document
from analysis.attribution.linear import LinearModel
from analysis.attribution.sources import label
from analysis.lexicon import TITLE_HEADS

MODEL = LinearModel(Path(__file__).parent / "cue_model.json")
# Parts of speech a cue can have: verbs, nouns ("a statement", "a poll"), "according", colons.
CANDIDATE_POS = frozenset({"VERB", "AUX", "NOUN", "ADJ", "ADP", "PUNCT", "SCONJ"})
_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
# Entities that set a scene rather than take a stance: "on Friday", "in Ohio".
_SETTINGS = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC", "CARDINAL", "ORDINAL", "QUANTITY"})
_COMPLEMENTS = ("ccomp", "xcomp", "dobj", "prep", "agent", "advcl", "parataxis", "attr", "acomp")


def is_candidate(token: Token) -> bool:
    return token.pos_ in CANDIDATE_POS and (token.pos_ != "PUNCT" or token.text in ":—–")


def features(token: Token, quoted: bool) -> list[str]:
    """What the model sees of one token: its word, its place in the parse, its neighbours."""
    lemma = token.lemma_.casefold()
    children = {child.dep_ for child in token.children}
    found = [
        f"lemma={lemma}",
        f"pos={token.pos_}",
        f"tag={token.tag_}",
        f"dep={token.dep_}",
        f"lemma_dep={lemma}|{token.dep_}",
        f"lemma_tag={lemma}|{token.tag_}",
        f"head={token.head.lemma_.casefold()}|{token.dep_}",
        f"next={token.nbor(1).lower_ if token.i + 1 < len(token.doc) else '</s>'}",
        f"prev={token.nbor(-1).lower_ if token.i > 0 else '<s>'}",
    ]
    found += [f"child={dep}" for dep in children if dep in _SUBJECTS + _COMPLEMENTS]
    found += [f"lemma_child={lemma}|{dep}" for dep in children if dep in _SUBJECTS + _COMPLEMENTS]
    found += [
        f"lemma_prep={lemma}|{child.lower_}" for child in token.children if child.dep_ == "prep"
    ]
    # "bragged about", "taking aim at", "her criticism of": a stance towards what follows, for
    # words the training data rarely holds; not "on Friday", "in Ohio".
    owned = token.pos_ == "NOUN" and any(c.dep_ == "poss" for c in token.children)
    found += [f"{token.pos_}_prep={child.lower_}|{owned}" for child in token.children
              if child.dep_ == "prep" and not any(
                  g.dep_ == "pobj" and g.ent_type_ in _SETTINGS for g in child.children)]
    # "warned that P", "made it clear that P": a that-clause below the word.
    if any(m.dep_ == "mark" and m.lower_ == "that" for c in token.children
           for m in (*c.children, *(g for k in c.children for g in k.children))):
        found += ["that_clause", f"lemma_that={lemma}"]
    found += [f"lemma_prt={lemma}|{c.lower_}" for c in token.children if c.dep_ == "prt"]
    subject = next((c for c in token.children if c.dep_ in _SUBJECTS), None)
    if subject is not None:
        found.append(f"subj_ent={subject.ent_type_ or subject.pos_}")
        found.append(f"lemma_subj={lemma}|{subject.ent_type_ or subject.pos_}")
        # Who can speak: "officials", "a poll", "the campaign"; not "the victory", "the deal".
        found.append(f"subj_lemma={subject.lemma_.casefold()}")
    # "In a poll released Monday, P".
    if in_document(token) is not None:
        found.append("in_document")
    # "Matthews: Well, ...", "Sanders: Brexit could ...": a transcript's or headline's speaker.
    if token.text in ":—–" and label(token) is not None:
        found.append("after_label")
    if quoted:
        found.append("quoted")
        found.append(f"quoted_lemma={lemma}")
    return found


def _named_before(word: Token) -> bool:
    """A word of a person or organisation the parse named earlier in the paragraph: "lucia
    ortega said ... but for ortega," where lower-case text leaves the second one unrecognised."""
    return any(word.lower_ == t.lower_ for entity in word.doc.ents if entity.end <= word.i
               and entity.label_ in ("PERSON", "ORG") for t in entity)


def is_viewpoint(token: Token) -> bool:
    """ "For Mr. Smith, P" / "For many economists, P": a clause-initial "for" whose object is
    a person or a group, set off by a comma, gives P as their view."""
    if token.lower_ != "for" or token.dep_ != "prep" or token.head.pos_ not in ("VERB", "AUX"):
        return False
    holder = next((c for c in token.children if c.dep_ == "pobj"), None)
    after = token.right_edge.i + 1
    subject = next((c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    people = holder is not None and (
        holder.ent_type_ in ("PERSON", "ORG", "NORP")
        or (not holder.ent_type_ and (holder.tag_ == "NNS" or holder.lower_ in TITLE_HEADS))
        or _named_before(holder)
    )
    return (
        people
        and after < len(token.doc)
        and token.doc[after].text == ","
        and subject is not None
        and token.i < subject.i
    )


def cue_probability(token: Token, quoted: bool) -> float:
    """How likely the token is the head of a reporting cue, 0..1."""
    return MODEL.probability(dict.fromkeys(features(token, quoted), 1.0))
