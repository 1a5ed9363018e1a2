"""The source of a cue: whoever the parse makes its subject, whatever it is (a person, an outlet, a
poll, "a source", "officials"), or the object of "according to", or the agent of a passive."""

from __future__ import annotations

from spacy.tokens import Span, Token

from analysis.attribution.contents import asked_for, in_document
from analysis.lexicon import DOCUMENTS, TITLE_HEADS

_SUBJECTS = ("nsubj", "nsubjpass")
# A cue without its own subject takes the subject of the verb it hangs from: "..., saying",
# "decided to announce", "met reporters and said".
_CLIMB = ("xcomp", "advcl", "conj", "pcomp", "acl", "prep")
# Words that make a phrase no source: it, what, there, relative pronouns (usable() takes "it"
# as a verb's active subject and "one" with a phrase after it: "One in four voters").
_NOT_SOURCES = frozenset({"it", "there", "this", "that", "what", "which", "who", "whom", "one"})
_TIMES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"})
_PLACES = frozenset({"GPE", "LOC", "FAC"}) | _TIMES
_LABEL_WORDS = 4
_RELATIVE = frozenset({"who", "which", "that"})
_CUT_DEPS = frozenset({"relcl", "acl", "punct", "cc", "conj", "advcl"})
# Verbs that say what office someone holds: "who chairs the board".
_OFFICE_VERBS = frozenset({"chair", "head", "lead", "run", "direct", "manage", "represent"})


def source_token(cue: Token) -> Token | None:
    """The head word of the cue's source, if the parse names one."""
    source = _source_token(cue)
    return _before_brackets(source) if source is not None else None


def _before_brackets(token: Token) -> Token:
    """ "Gov. John Kasich (R-OH) said": the parse may take the bracketed party and state for
    the subject; the source is the name before the bracket."""
    doc = token.doc
    opening = next((t for t in reversed(doc[max(0, token.i - 4) : token.i]) if t.text in "()"),
                   None)
    if opening is None or opening.text != "(" or opening.i == 0:
        return token
    before = doc[opening.i - 1]
    return before if before.pos_ in ("PROPN", "NOUN") else token


def _source_token(cue: Token) -> Token | None:
    document = in_document(cue)
    if document is not None:
        return document
    if cue.lower_ == "according":
        return next((g for c in cue.children if c.lower_ == "to" for g in c.children
                     if g.dep_ == "pobj"), None)
    if cue.lower_ == "for":
        # "called for new talks", "called for X to resign": who called; "For X, P": X.
        verb = asked_for(cue)
        if verb is not None:
            return _source_token(verb)
        return next((c for c in cue.children if c.dep_ == "pobj"), None)
    if cue.pos_ == "NOUN":
        # "Trump's statement", "the Kremlin statement", "a statement by the Kremlin".
        owner = next((c for c in cue.children if c.dep_ == "poss"), None) or next(
            (c for c in cue.children if c.dep_ == "compound" and (
                c.pos_ == "PROPN" or c.ent_type_ in ("PERSON", "ORG"))), None)
        if owner is not None:
            return owner
        return next((g for c in cue.children if c.dep_ == "prep" and c.lower_ in ("by", "from")
                     for g in c.children if g.dep_ == "pobj"), None)
    if cue.text in ":—–":
        named = speaker_of_quotation(cue)
        if named is not None:  # "The verdict stunned the court - Judge Ruiz: “...”"
            return named
        head = cue.head
        subject = next((c for c in head.children if c.dep_ in _SUBJECTS and c.i < cue.i), None)
        return subject if subject is not None else label(cue)
    if cue.dep_ == "conj" and not any(c.dep_ in _SUBJECTS for c in cue.children):
        named = _set_off_before(cue)
        if named is not None:
            return named
    reporting = _verb_before(cue) or _frame_of_quotation(cue)
    if reporting is not None:
        return _source_token(reporting)
    word = cue
    # Climbed from an active cue by conjunctions only: "who are drawn to him and feel that P".
    conjoined = not any(c.dep_ == "auxpass" for c in cue.children)
    for _ in range(3):
        agent = next((g for c in word.children if c.dep_ == "agent" for g in c.children
                      if g.dep_ == "pobj"), None)
        # Of two subjects the parse gives ("LA CROSSE, Wis. - Mike Pence said"), the nearer.
        subject = min((c for c in word.children if c.dep_ in _SUBJECTS),
                      key=lambda c: abs(c.i - word.i), default=None)
        if word.lemma_.casefold() == "quote":
            # "A statement quotes Putin as saying", "Putin was quoted as saying".
            quoted = next((c for c in word.children if c.dep_ in ("dobj", "nsubjpass")), None)
            if quoted is not None:
                return quoted
        if subject is not None and subject.dep_ == "nsubj":
            return subject
        # A passive's subject is the subject of an active verb joined to it, too, whoever its
        # agent: "officials were angered by the deal and predicted P".
        if subject is not None and word is not cue and conjoined:
            return subject
        if subject is not None or agent is not None:
            # A passive's subject is who is asked, told or expected: the agent speaks.
            return agent
        if word.dep_ not in _CLIMB or word.head.i == word.i or _passive_participle(word):
            break
        conjoined = conjoined and word.dep_ == "conj"
        # "acknowledged that P but said Q": the parse may join the cue to the reported clause;
        # it is joined to the verb that reports that clause.
        word = word.head.head if word.dep_ == "conj" and word.head.dep_ == "ccomp" else word.head
    if cue.pos_ != "VERB":
        return None
    return _noun_before(cue) or _named_after(cue) or _clause_subject_before(cue)


def _verb_before(cue: Token) -> Token | None:
    """ "he said, adding that P, they serve ...": a participle set off after the verb of its
    clause is that verb's, though the parse may hang it from a clause after it (a participle
    opening its sentence is the clause after it: "Adding that P, they said"; so is one after
    the "that" of a clause: "said that, insisting P, her aides Q")."""
    if not _adverbial_participle(cue) or cue.head.i < cue.i or cue.i == 0:
        return None
    comma = cue.doc[cue.i - 1]
    verb = comma.head  # the comma sets the participle off from this verb's own words
    if comma.text != "," or verb.pos_ != "VERB" or verb.i > cue.i or not verb.is_ancestor(cue):
        return None
    return verb


def _adverbial_participle(cue: Token) -> bool:
    """ "adding that P", "referring to Q": a participle the parse hangs from a verb as an
    adverbial clause, whose source is some frame's it stands beside."""
    return cue.tag_ == "VBG" and cue.dep_ == "advcl"


def _frame_of_quotation(cue: Token) -> Token | None:
    """ "Duarte said things “should be settled by Lisbon,” referring to Q": a participle just
    after a quotation closes is the frame's that reports the quotation, though the parse hangs
    it from the quoted words (whose passive gave "Lisbon" as the source)."""
    doc = cue.doc
    if not _adverbial_participle(cue) or cue.i < 2 or not doc[cue.i - 1].is_quote:
        return None
    opening = next((t for t in reversed(doc[cue.sent.start : cue.i - 1]) if t.is_quote), None)
    if opening is None:
        return None
    return next((a for a in cue.ancestors if a.i < opening.i and a.pos_ == "VERB"), None)


def _set_off_before(cue: Token) -> Token | None:
    """ "“...,” Ramos, 58, told AFP", "— Brendan Buck, a spokesman for Ryan, told POLITICO":
    a name set off by commas just before a cue the parse joins to the clause before it is the
    cue's subject, though the parse hangs it from that clause."""
    doc = cue.doc
    comma = cue.i - 1
    if comma < 1 or doc[comma].text != ",":
        return None
    for word in doc[comma].ancestors:
        if word.i >= cue.i or word.right_edge.i != comma:
            return None
        if word.pos_ == "PROPN" and word.dep_ in ("conj", "appos"):
            return word
    return None


def _clause_subject_before(cue: Token) -> Token | None:
    """ "Jeffrey Salkin, a rabbi helping to organize the boycott, said": the parse may read a
    long subject as a clause of its own hanging before the verb; the source is its subject."""
    clause = next((c for c in cue.lefts if c.dep_ in ("ccomp", "dep", "parataxis")), None)
    if clause is None:
        return None
    return next((c for c in clause.children if c.dep_ == "nsubj" and c.i < clause.i), None)


def label(colon: Token) -> Token | None:
    """ "Matthews: Well, speculation is bad.": a name alone before the colon that opens its
    sentence, as a transcript or a headline gives its speaker; not a dateline's place."""
    words = colon.doc[colon.sent.start : colon.i]
    if not 0 < len(words) <= _LABEL_WORDS or any(
        t.pos_ not in ("PROPN", "NOUN") or not t.text[:1].isupper() or t.ent_type_ in _PLACES
        for t in words
    ):
        return None
    return words[-1]


def speaker_of_quotation(colon: Token) -> Token | None:
    """ "Rep. Trey Gowdy (R-S.C.): “I have not heard ...”", "... - Philip Bump: “Two weeks
    ago ...”": who is named just before a colon that opens a quotation, from the start of its
    sentence or a dash: a person ending words with no verb, or a name of a few capitalised
    words the parse does not know (not "Editor's Note")."""
    doc = colon.doc
    if colon.text != ":" or colon.i + 1 >= len(doc) or not doc[colon.i + 1].is_quote:
        return None
    start, at = colon.sent.start, colon.i - 1
    if at > start and doc[at].text == ")":  # a party and state after the name: "(R-S.C.)"
        at = next((t.i for t in reversed(doc[start:at]) if t.text == "("), start) - 1
    start = max([start] + [t.i + 1 for t in doc[start:at] if t.text in "-—–"])
    words = doc[start : at + 1]
    if not words or any(t.pos_ in ("VERB", "AUX") or t.tag_ == "POS" for t in words):
        return None
    named = words[-1].ent_type_ == "PERSON" or 1 < len(words) <= _LABEL_WORDS and all(
        t.pos_ == "PROPN" and t.text[:1].isupper() and t.ent_type_ not in _PLACES for t in words)
    return words[-1] if named else None


def _passive_participle(word: Token) -> bool:
    """ "Asked about the plan, Smith said ...": the clause's subject was asked; who asked is
    not said."""
    return word.tag_ == "VBN" and word.dep_ == "advcl" and not any(
        c.dep_ in ("aux", "auxpass") for c in word.children)


def _noun_before(cue: Token) -> Token | None:
    """A subject the parse missed: "..., former president Bill Clinton said his wife ..." hung
    as an apposition. The name just before the verb, if one stands there, or the noun a
    relative clause just before it describes ("..., a White House official who spoke
    anonymously to discuss strategy said")."""
    doc = cue.doc
    at = cue.i - 1
    while at >= 0 and doc[at].head.i == cue.i and doc[at].dep_ in ("aux", "advmod", "neg"):
        at -= 1
    if at < 0 or doc[at].sent != cue.sent:
        return None
    before = doc[at]
    clause = next((t for t in before.ancestors if t.dep_ in ("relcl", "acl")), None)
    if clause is not None and clause.head.i < clause.i and clause.head.right_edge.i == at:
        before = clause.head
    named = before.pos_ in ("PROPN", "PRON", "NOUN") and before.ent_type_ not in _TIMES
    # "That attitude, many argue, could ...": a verb has no adjectives; one the parse hangs
    # from it is a quantifier standing as its subject.
    counted = before.pos_ == "ADJ" and before.dep_ == "amod" and before.head.i == cue.i
    return before if counted or (named and before.dep_ not in ("pobj", "dobj", "poss")) else None


def _named_after(cue: Token) -> Token | None:
    """ "“P,” said David Brock, a confidant who heads Correct the Record", "P, said Brock, ...":
    the parse may hang the name after a cue set off after its words from some later verb; a
    person or body named just after such a cue is its source."""
    doc = cue.doc
    if cue.i == 0 or not (doc[cue.i - 1].is_punct or doc[cue.i - 1].is_quote):
        return None
    named = next((entity for entity in doc.ents if entity.start == cue.i + 1), None)
    return named.root if named is not None and named.label_ in ("PERSON", "ORG") else None


def stands_for(source: Token) -> Token:
    """The noun a relative pronoun stands for ("Smith, who said ..."; "voters who are drawn to
    him and who believe ..."), else the source itself."""
    if source.lower_ not in _RELATIVE:
        return source
    clause = source.head
    # A second relative clause joined to the first, or (as the parse may hang it) to the noun.
    while clause.dep_ == "conj" and clause.head.pos_ in ("VERB", "AUX"):
        clause = clause.head
    joined_to_noun = clause.dep_ == "conj" and clause.head.pos_ in ("NOUN", "PROPN")
    return clause.head if clause.dep_ == "relcl" or joined_to_noun else source


def source_phrase(head: Token) -> Span:
    """The noun phrase around a source's head word, without clauses hanging from it:
    "Brian Baker, a longtime political adviser to the family who oversees ..." -> its name and
    apposition, stopping at the relative clause."""
    doc = head.doc
    left = _left_edge(head)
    right = head.i
    for child in head.rights:
        if child.dep_ in _CUT_DEPS:
            break
        right = child.right_edge.i
    while right > left and doc[right].is_punct:
        right -= 1
    while left < right and doc[left].is_punct:
        left += 1
    return doc[left : right + 1]


def _core(head: Token) -> Span:
    """A noun with the words before it, and the rest of its name when it is one
    ("Mayor Otto Brandt", "Canada's transport ministry", "the Department of State"); never
    the word it is the subject of, which a recogniser reading a headline in title case may
    take into the name ("Ted Cruz Refuses to Disavow ...")."""
    doc = head.doc
    end = head.i + 1
    if head.ent_iob_ in ("B", "I"):
        while (end < len(doc) and doc[end].ent_iob_ == "I" and doc[end].dep_ != "case"
               and doc[end] != head.head):
            end += 1
    return doc[_left_edge(head) : end]


def _left_edge(head: Token) -> int:
    """Where a noun phrase starts: a dash set off by spaces ends the words before the name
    ("the court - Judge Ruiz"), and so does a quotation closed after its punctuation ("“...
    from the beginning,” Herrera"), either of which the parse may join to it; a hyphen does
    not ("vice-president"), nor scare quotes ("the “reform” caucus")."""
    doc = head.doc
    ends = [t.i + 1 for t in doc[head.left_edge.i : head.i] if t.i > 0 and (
        t.text in "-—–" and doc[t.i - 1].whitespace_ and t.whitespace_
        or t.is_quote and doc[t.i - 1].text in ",.!?")]
    return max([head.left_edge.i, *ends])


def _author(document: Token) -> Token | None:
    """Who wrote a document: "a report by X", "X's report", "a Lantern Group study"."""
    for child in document.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ == "prep" and child.lower_ in ("by", "from", "of"):
            author = next((g for g in child.children if g.dep_ == "pobj"), None)
            if author is not None and author.lower_ not in DOCUMENTS:
                return author
    return next((c for c in document.children if c.dep_ == "compound" and c.pos_ == "PROPN"),
                None)


def _relative_role(head: Token) -> Span | None:
    """ "Joan Pike, who chairs the board," -> "chairs the board"; "who is the head of the
    board" -> "head of the board"."""
    clause = next((c for c in head.children if c.dep_ == "relcl"), None)
    # Only before the frame's verb: "Pike, who chairs the board, said"; a trailing clause
    # ("..., said Pike, who has lived there since 1990") tells a story, not a role.
    if clause is None or clause.i > head.head.i or not any(
        c.lower_ == "who" for c in clause.children
    ):
        return None
    # An office, not a life story: "who chairs the board", "who is the head of the board"; not
    # "who has lived in Oakford since 1990".
    office = clause.lemma_.casefold() in _OFFICE_VERBS or any(
        c.dep_ == "attr" and c.lower_ in TITLE_HEADS for c in clause.children
    )
    if not office:
        return None
    doc = head.doc
    words = [t for t in doc[clause.left_edge.i : clause.right_edge.i + 1]
             if t.lower_ != "who" and not (t.i == clause.right_edge.i and t.is_punct)]
    while words and (words[0].lemma_ == "be" or words[0].dep_ == "det"):
        words = words[1:]
    return doc[words[0].i : words[-1].i + 1] if words else None


def office_of(source: Token) -> str | None:
    """ "its chairman", "their leader": the office in the organisation or group the sentence
    (or the one before it) opens with -> "the chairman of the water board"."""
    owner = next((c for c in source.children if c.dep_ == "poss"
                  and c.lower_ in ("its", "their")), None)
    if owner is None or source.lower_ not in TITLE_HEADS:
        return None
    sentence = source.sent
    starts = [sentence]
    if sentence.start > 0:
        starts.append(source.doc[sentence.start - 1].sent)
    for sent in starts:
        verbs = [sent.root, *(c for c in sent.root.children if c.dep_ == "ccomp")]
        subject = next((c for v in verbs for c in v.children if c.dep_ in _SUBJECTS
                        and c.i < source.i), None)
        if subject is not None and subject.pos_ in ("NOUN", "PROPN"):
            words = source.doc[subject.left_edge.i : subject.i + 1].text
            return f"the {source.text} of {words[0].lower() + words[1:]}"
    return None


def name_and_role(source: Token) -> tuple[Span, Span | None]:
    """The words that name a source and the words that give its role, from an apposition:
    "A spokesman for the ministry, Paulo Reis," -> (Paulo Reis, A spokesman for the ministry);
    "Rosa Pereira, an energy analyst," -> (Rosa Pereira, an energy analyst); from a relative
    clause; or a document's author."""
    head = stands_for(source)
    if head.lower_ in DOCUMENTS or head.lemma_.casefold() in DOCUMENTS:
        author = _author(head)
        if author is not None:
            return name_and_role(author)
        return source_phrase(head), None
    doc = head.doc
    # Not a party and state in brackets: "Ana Duarte (D-Calif.)".
    appositive = next((c for c in head.children if c.dep_ == "appos" and c.pos_ != "NUM"
                       and not _in_brackets(c)), None)
    if appositive is None and head.lower_ in TITLE_HEADS:
        # "a spokesman for the parents' group Free Choice, Tom Beck,": the parse may hang the
        # name from the organisation's name that ends the description (not from a person's
        # noun: "a spokesman for the victim, John Doe," is the victim's name).
        appositive = next((t for t in reversed(list(head.subtree)) if t.i > head.i
                           and t.dep_ == "appos" and t.ent_type_ == "PERSON"
                           and t.head.pos_ == "PROPN" and t.head.ent_type_ != "PERSON"), None)
    if appositive is None:
        if head.pos_ == "NOUN" and any(c.dep_ == "prep" for c in head.children):
            # "Officials in the capital": a group named by its head, described by the rest.
            return _core(head), source_phrase(head)
        return _core(head), _relative_role(head)
    named_by_apposition = appositive.pos_ == "PROPN" and head.pos_ != "PROPN"
    role_start = head.left_edge.i if named_by_apposition else appositive.left_edge.i
    role_end = appositive.left_edge.i if named_by_apposition else appositive.right_edge.i + 1
    while role_end > role_start and doc[role_end - 1].is_punct:
        role_end -= 1
    role = doc[role_start:role_end]
    return (_core(appositive) if named_by_apposition else _core(head)), role


def _in_brackets(token: Token) -> bool:
    """Whether the words of a token stand inside brackets opened just before them."""
    before = token.doc[max(0, token.left_edge.i - 4) : token.left_edge.i + 1]
    opened = [t.i for t in before if t.text == "("]
    return bool(opened) and not any(t.text == ")" for t in before if t.i > opened[-1])


def usable(head: Token) -> bool:
    """Whether a source word can name a speaker at all ("who" can, standing for its noun)."""
    if stands_for(head) is not head:
        return usable(stands_for(head))
    # Adjectives used as nouns: "Many in the crowd said", "the Real Clear Politics average" (a
    # tagger's slip); an interjection or a quantifier as a subject ("Pike said", "most said");
    # any subject word heading a noun phrase ("council member joan pike says", the name
    # unknown in lower case).
    nominal = head.pos_ in ("PROPN", "NOUN", "PRON", "NUM", "X") or (
        head.pos_ == "ADJ" and (head.dep_ in ("nsubj", "amod") or any(
            c.dep_ in ("det", "prep") for c in head.children))) or (
        head.pos_ in ("INTJ", "ADV", "DET") and head.dep_ == "nsubj") or (
        head.dep_ == "nsubj" and any(c.dep_ in ("compound", "det") for c in head.children))
    # "one" alone is anyone; "One in four voters", "one of the aides" are sources. "It" as the
    # subject of a verb is the company or report named before; as a passive's, nobody.
    counted = head.lower_ == "one" and any(c.dep_ == "prep" for c in head.children)
    referring = head.lower_ == "it" and head.dep_ == "nsubj" and head.head.pos_ == "VERB"
    return nominal and (head.lower_ not in _NOT_SOURCES or counted or referring)
