"""Contradiction scoring: do two claims on one topic clash, by which cue, and in which words.

Cues after de Marneffe, Rafferty & Manning (ACL 2008): negation asymmetry on a shared
predicate, antonyms, numeric and date mismatch, denial and modality; plus opposite stances on
one object (keep / scrap the rule, the rule is vital / outdated). A predicate meets its event
family ("agreed" / "no deal"); light verbs and control words ("reach a deal", "ready to
change") hand their negation to the word they govern. After Ritter et al. (EMNLP 2008), a cue
only counts as far as the two claims are about the same thing: same_topic, judged for long
claims on the clauses around the clash when both speak of one object.

The package, from the bottom up: tokens, tables (the word tables, loaded once), quantities,
units (a claim's parts), reporting, named and polarity (the passes that mark them), reading
(one claim read, cached), topic, clashes (the rules comparing two read claims), verdict
(score) and context (claim_context).
"""

from analysis.contradiction.context import claim_context
from analysis.contradiction.topic import topic_terms
from analysis.contradiction.verdict import Verdict, score

__all__ = ["Verdict", "claim_context", "score", "topic_terms"]
