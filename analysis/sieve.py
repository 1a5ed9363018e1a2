"""The attribution sieve: who says what, tried from the most precise rule to the least.

Stage 1 finds direct quotes and their speakers; stage 2 runs SENTENCE_RULES in order on every
other sentence (the first rule that answers wins); what no rule claims becomes narration.
A later rule is added by writing one function and putting it in SENTENCE_RULES.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from analysis.furniture import is_boilerplate_line, prefix_length
from analysis.lexicon import (
    FUNCTION_WORDS,
    GROUP_HEADS,
    ORGANIZATION_HEADS,
    REPORTING_VERBS,
    TITLE_HEADS,
    ReportingVerb,
)
from analysis.quotes import Quote, find_quotes
from analysis.sentences import Span
from analysis.speakers import (
    DETERMINERS,
    Cast,
    Entity,
    Mention,
    capitalise,
    looks_like_verb,
    parse_mention,
    role_phrase,
)

DIRECT, INDIRECT, NARRATION = "direct_quote", "indirect", "narration"


@dataclass(frozen=True)
class Attribution:
    """A claim's words in the article and who says them (None: the outlet's narration)."""

    kind: str
    start: int
    end: int
    speaker: Entity | None = None
    mention: str | None = None
    text: str | None = None  # the claim as a proposition, when it is not the quoted words


@dataclass(frozen=True)
class Token:
    """A word or punctuation mark with its place in the article."""

    text: str
    start: int
    end: int

    @property
    def fold(self) -> str:
        return self.text.casefold()

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()


@dataclass
class Article:
    """Everything the sieve needs to know about the text being read."""

    text: str
    lower_case: bool
    paragraphs: list[Span]
    sentences: list[list[Span]]
    cast: Cast

    @cached_property
    def sentence_starts(self) -> list[int]:
        """Where every sentence starts, sorted."""
        return sorted(s.start for para in self.sentences for s in para)

    @cached_property
    def sentence_edges(self) -> list[int]:
        """Every sentence start and end, sorted."""
        return sorted({edge for para in self.sentences for s in para for edge in (s.start, s.end)})


_VERB_FORMS = sorted(REPORTING_VERBS, key=len, reverse=True)
_VERB = re.compile(
    r"(?<![\w'’-])(?:" + "|".join(re.escape(v) for v in _VERB_FORMS) + r")(?![\w'’-])", re.I
)
_VERB_FIRST_WORDS = frozenset(form.split()[0] for form in REPORTING_VERBS)
_PLAIN_WORD = re.compile(r"[\w'’-]+")
# "the farmers' union": a plural possessive keeps its apostrophe.
_TOKEN = re.compile(r"[^\W_](?:[\w'’.&-]*[^\W_])?(?:(?<=s)['’](?!\w))?\.?|--|[^\w\s]")
_ABBREVIATED = re.compile(r"^(?:[^\W\d_]\.|(?:[^\W\d_]\.){2,}|[^\W\d_]{1,4}\.)$")
_HEADS = TITLE_HEADS | ORGANIZATION_HEADS
_FILLERS = frozenset(
    "has have had is was were will would also again later earlier today yesterday repeatedly "
    "publicly privately previously already then still now reportedly once recently quickly "
    "firmly flatly openly always often never subsequently separately".split()
)
_VERB_WORDS = frozenset(w for form in REPORTING_VERBS for w in form.split())
_CLAUSE_OPENERS = frozenset({"but", "while", "whereas", "although", "though", "because", ";"})
_PRONOUN_SUBJECTS = frozenset({"he", "she", "they", "it", "we", "i"})
# A speaker appearing in the media before a gerund: "X was on television saying ...".
_ON_AIR = re.compile(
    r"\s+(?:was|is|were|are|appeared|went)\s+(?:on|in)\s+(?:[\w.'’-]+\s+){0,3}?"
    r"(?:television|tv|radio|air|camera|record)\s*$|\s+(?:was|is|were)\s+quoted\s+(?:by\s+[^,]{1,40}?\s+)?as\s*$",
    re.I,
)
_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_LEAD_ADVERBIAL = re.compile(
    rf"(?:(?:today|yesterday|tonight|on {_WEEKDAY}|{_WEEKDAY}"
    r"|again|also|repeatedly|recently|earlier|later"
    r"|in an? (?:statement|interview|speech|letter|televised address|press conference)"
    r"|(?:this|last|next) (?:week|month|year|weekend))[,]?\s+)+",
    re.I,
)
_PREPOSITIONS = frozenset(
    "after before during in at on with following for from by since over".split()
)
_AUDIENCE = frozenset(
    "reporters journalists agencies agency newspaper television radio parliament lawmakers "
    "ministers audience crowd students supporters delegates conference interviewer "
    "correspondents listeners viewers readers congress senators".split()
)
_BAD_COMPLEMENT_START = frozenset("to of about by with for and or but as than if".split())
_THAT_SPLIT = re.compile(r",?\s+and\s+that\s+", re.I)
_CLAUSE_BREAK = re.compile(r"(?:,\s*(?:but|and|while|whereas)|;|\s+but)\s+$", re.I)
_ACCORDING_FRONT = re.compile(r"according\s+to\s+(?P<who>[^,]{2,80}?)\s*,\s*", re.I)
_DOCUMENT_NOUNS = (
    "report|reports|study|studies|survey|surveys|poll|polls|analysis|audit|review|assessment"
    "|estimate|estimates|forecast|forecasts|research|paper|census|investigation|inquiry|index"
    "|figures|data|statistics|document|documents|memo|filing|ranking|projections|tally|model"
)
# "a report by X", "the X's study", "a new survey published on Monday" after "according to".
_DOCUMENT = re.compile(
    r"(?:(?:a|an|the|its|their|this|that|these|those|one|another)\s+)?"
    r"(?:(?P<owner>(?:[\w.&-]+\s+){0,4}?[\w.&-]+(?:['’]s|s['’]))\s+)?"
    r"(?:(?:new|latest|recent|fresh|official|preliminary|draft|final|annual|internal|leaked"
    r"|independent|confidential|separate|joint|\d{4})\s+)*"
    r"(?:(?P<pre>(?:[\w.&'’-]+\s+){0,4}?[\w.&'’-]+)\s+)??"
    rf"(?P<doc>{_DOCUMENT_NOUNS})"
    r"(?:\s+(?:(?:commissioned|carried\s+out|conducted|published|released|compiled|written)\s+)?"
    r"(?:by|from)\s+(?P<author>[^,;]+?))?"
    r"(?:\s+(?:published|released|issued|seen|obtained|presented|made\s+public|out|due|last"
    r"|this|on|in)\b[^,;]*)?",
    re.I,
)
_DOCUMENT_DETERMINERS = frozenset("a an the its their this that these those one another".split())
_POSSESSIVE_END = re.compile(r"(?:['’]s|(?<=s)['’])$")
_ACCORDING_BACK = re.compile(
    r",\s*according\s+to\s+(?P<who>[^,;]{2,80}?)\s*[.!]?[\"”’)]*\s*$", re.I
)
_AND_BEFORE_VERB = re.compile(rf",?\s+and\s+(?:(?:{'|'.join(sorted(_FILLERS))})\s+)*$", re.I)
_FOR_FRONT = re.compile(
    r"(?:(?:but|and|yet|still)\s+)?for\s+(?P<who>[^,;:\"“”]{2,80}?)\s*,\s*", re.I
)
_VERBS_ALT = "|".join(re.escape(v) for v in _VERB_FORMS)
# "..., the minister said on Friday.": a time after the verb closes the frame.
_WHEN = (
    rf"(?:(?:late\s+|early\s+)?(?:on\s+)?{_WEEKDAY}(?:\s+(?:morning|afternoon|evening|night))?"
    r"|today|yesterday|tonight|earlier|later|(?:this|last)\s+(?:week|month|morning)"
    r"|in\s+an?\s+(?:statement|interview|speech|letter)|at\s+an?\s+(?:news|press)\s+conference"
    r"|on\s+(?:television|radio))"
)
# "X, who chairs the board," may stand between a trailing frame's comma and its verb.
_RELATIVE = r"(?:,\s*(?:who|which)\s[^,;:\"“”]{1,80}?,)?"
# A trailing frame "..., X (has) said (on Friday).", read from its verb: one big regex with
# every verb form is slow on the many sentences whose last comma starts no frame.
_TRAILING_END = re.compile(rf"(?:\s+{_WHEN}){{0,2}}\s*[.!]?[\"”’)]*\s*$", re.I)
_TRAILING_WHO = re.compile(rf",\s*[^,;:\"“”]{{2,80}}?{_RELATIVE}\s+", re.I)
_AUXILIARY_END = re.compile(r"(?<=\s)(?:has|have|had)\s+$", re.I)
_TRAILING_INVERTED = re.compile(
    rf",\s*(?P<verb>{_VERBS_ALT})\s+(?P<who>[^,;:\"“”]{{2,80}}?)"
    r"(?:,\s*(?:who|which)\s[^,;:\"“”]{1,100}?)?\s*[.!]?[\"”’)]*\s*$",
    re.I,
)
_RELATIVE_OPENING = re.compile(r",\s*(?:who|which)\s", re.I)
_FRAME_INVERTED = re.compile(rf"^[\s,:;.!?—–-]*(?P<verb>{_VERBS_ALT})\s+(?P<who>[^;:\"“”]+)", re.I)
_FRAME_NORMAL = re.compile(
    rf"^[\s,:;.!?—–-]*(?P<who>[^,;:\"“”]{{1,80}}?(?:,\s*(?:who|which)\s[^,;:\"“”]{{1,80}}?,)?)"
    rf"\s+(?:(?:{'|'.join(sorted(_FILLERS))})\s+)*"
    rf"(?P<verb>{_VERBS_ALT})(?![\w'’-])",
    re.I,
)
_FRAME_BEFORE = re.compile(rf"(?P<verb>{_VERBS_ALT})(?![\w'’-])[^\"“”]{{0,60}}?[:,]\s*$", re.I)
_CUT_SPEAKER = re.compile(r"\s+(?:of|from|at|in|on|who|when|after|before|during|to)\s+.*$", re.I)
_WORD = re.compile(r"\w+")
_RELATIVE_PRONOUNS = frozenset({"who", "which"})
_POSSESSIVE_DETERMINERS = frozenset({"its", "their"})
_PARTICLES = frozenset("up off out down back over in on to for about".split())
_GROUP_PREPOSITIONS = frozenset({"at", "in", "of", "from", "with", "inside", "within", "across"})
_SPEAKING_KINDS = frozenset({"person", "organization", "country", "group"})
# "who chairs the board": a verb in the present tense says what the speaker does.
_PRESENT_VERB = re.compile(r"[a-z]+[^s]s", re.I)
_SPEAKER_END = re.compile(r"[,;(]|\s--?\s|\s[—–]\s")
_THAT = re.compile(r"(?<![\w'’-])that\s+")
_COMMA = re.compile(r"[,;]")
_TO_VERB = re.compile(r"(?<![\w'’-])to\s+\w")
_LISTENER_WORD = re.compile(r"[\w'’.-]+|,")
_AFTER_LAST_QUOTE = re.compile(r"^.*[\"”»]", re.S)


def tokens(text: str, start: int, end: int) -> list[Token]:
    """Words and punctuation of text[start:end]; a sentence-final period is its own token."""
    found = []
    for match in _TOKEN.finditer(text, start, end):
        word = match.group()
        if len(word) > 1 and word.endswith(".") and not _ABBREVIATED.match(word):
            found.append(Token(word[:-1], match.start(), match.end() - 1))
            found.append(Token(".", match.end() - 1, match.end()))
        else:
            found.append(Token(word, match.start(), match.end()))
    return found


def _is_head(token: Token) -> bool:
    return token.fold in _HEADS or token.fold.rstrip(".") in _HEADS


def _np_start_before(toks: list[Token]) -> int:
    """Index where the noun phrase ending the token list starts (len(toks) if none)."""
    i = start = len(toks)
    if toks and toks[-1].fold in _PRONOUN_SUBJECTS:
        return len(toks) - 1
    while i > 0:
        tok = toks[i - 1]
        if not tok.is_word:
            break
        if tok.fold in {"of", "for"}:
            if i >= 2 and _is_head(toks[i - 2]) and start < len(toks):
                i -= 1
                continue
            break
        if tok.fold in DETERMINERS:
            start = i - 1
            # "a spokesman for the ministry": the determiner is inside an of/for phrase.
            if i >= 3 and toks[i - 2].fold in {"of", "for"} and _is_head(toks[i - 3]):
                i -= 1
                continue
            break
        if tok.fold in FUNCTION_WORDS or tok.fold in _VERB_WORDS:
            break
        start = i - 1
        i -= 1
    return start


def _np_end_after(toks: list[Token], start: int) -> int:
    """Index just past the noun phrase that starts at toks[start]."""
    i = start
    while i < len(toks):
        tok = toks[i]
        if not tok.is_word:
            break
        if tok.fold in {"of", "for"} and i > start and _is_head(toks[i - 1]):
            i += 1
            continue
        after_of = i > start and toks[i - 1].fold in {"of", "for"}
        if tok.fold in DETERMINERS and (i == start or after_of):
            i += 1
            continue
        if tok.fold in FUNCTION_WORDS or tok.fold in _VERB_WORDS:
            break
        i += 1
    return i


class SpeakerFinder:
    """Turns the words around a reporting verb into a resolved speaker."""

    def __init__(self, article: Article):
        self.article = article

    def phrase(self, toks: list[Token]) -> tuple[Mention, int] | None:
        """Tokens as a mention; else their known surname or capitalised tail."""
        if not toks:
            return None
        text = self.article.text
        lower_case = self.article.lower_case
        whole = parse_mention(text[toks[0].start : toks[-1].end], lower_case)
        if whole and whole.kind in {"person", "country", "group", "pronoun", "description"}:
            return whole, toks[0].start
        last = toks[-1]
        known = self.article.cast.find("person", last.text.title() if lower_case else last.text)
        if known is not None or (not lower_case and last.text[:1].isupper()):
            j = len(toks) - 1
            while j > 0 and (known is None and toks[j - 1].text[:1].isupper()):
                j -= 1
            # "the University of Oakford": the place ends the organisation's name.
            if whole and whole.kind == "organization" and j and toks[j - 1].fold == "of":
                return whole, toks[0].start
            tail = parse_mention(text[toks[j].start : last.end], lower_case)
            if tail and tail.kind == "person":
                return tail, toks[j].start
        if whole and whole.kind == "organization":
            return whole, toks[0].start
        return None

    def resolve(
        self, found: tuple[Mention, int] | None, role: str | None = None
    ) -> tuple[Entity, str] | None:
        """The entity a parsed mention refers to, with the words used."""
        if found is None:
            return None
        mention, position = found
        if mention.kind in {"pronoun", "description"}:
            entity = self.article.cast.resolve(mention, position)
        else:
            entity = self.article.cast.add(mention, position, role)
        return (entity, mention.surface) if entity else None

    def before(self, start: int, end: int) -> tuple[Entity, str] | None:
        """The subject of a verb at end, read back from the text before it."""
        text = self.article.text
        # The media phrase is short and ends at the verb: its last 150 characters are enough.
        window = max(start, end - 150)
        on_air = _ON_AIR.search(text[window:end])
        if on_air:
            end = window + on_air.start()
        toks = tokens(text, start, end)
        while toks and toks[-1].fold in _FILLERS:
            toks.pop()
        if toks and toks[-1].text == ",":
            appositive = self._apposition(toks[:-1])
            if appositive:
                return appositive
            return self.clause_subject(toks)
        np_start = _np_start_before(toks)
        if np_start == len(toks):
            if not toks or toks[-1].fold not in {"and", "by", "while"}:
                return None
            # "P, but X did Y and warned Q": the subject heads the last clause, not the sentence.
            clause = max(
                (i + 1 for i, t in enumerate(toks[:-1]) if t.fold in _CLAUSE_OPENERS),
                default=0,
            )
            return self.clause_subject(toks[clause:])
        group = self._group_before_preposition(toks, np_start)
        if group:
            return group
        if np_start and toks[np_start - 1].fold in _POSSESSIVE_DETERMINERS:
            owned = self.possessed(toks[np_start - 1], toks[np_start:])
            if owned:
                return owned
        return self.resolve(self.phrase(toks[np_start:]))

    def _group_before_preposition(
        self, toks: list[Token], np_start: int
    ) -> tuple[Entity, str] | None:
        """ "economists at the central bank", "officials in the capital": the group speaks, and
        the whole phrase is its role."""
        # The preposition is at most a few words back: "analysts at the Lantern Group".
        for at in range(np_start - 1, max(np_start - 6, 0) - 1, -1):
            tok = toks[at]
            if tok.fold in _GROUP_PREPOSITIONS and at and toks[at - 1].fold in GROUP_HEADS:
                break
            if not tok.is_word or tok.fold in _VERB_WORDS or tok.fold in _CLAUSE_OPENERS:
                return None
        else:
            return None
        if any(not t.is_word and t.text not in "'’" or t.fold in _VERB_WORDS for t in toks[at:]):
            return None
        start = _np_start_before(toks[:at])
        # "Talks with officials in the capital ...": the group is not the subject.
        if start and toks[start - 1].fold in _PREPOSITIONS | _GROUP_PREPOSITIONS:
            return None
        found = self.phrase(toks[start:at])
        if found is None or found[0].kind != "group":
            return None
        text = self.article.text
        return self.resolve(found, text[toks[start].start : toks[-1].end])

    def possessed(self, owner_word: Token, toks: list[Token]) -> tuple[Entity, str] | None:
        """ "its chairman": the holder of that office in the organisation the sentence opens
        with ("The water board will ..., its chairman said"), else the one named last."""
        text = self.article.text
        if not toks or toks[-1].fold.rstrip(".") not in TITLE_HEADS:
            return None
        owner = self._sentence_subject(owner_word.start, 0) or self._sentence_subject(
            owner_word.start, 1
        )
        if owner is None:
            pronoun = "it" if owner_word.fold == "its" else "they"
            entity = self.article.cast.resolve(parse_mention(pronoun), owner_word.start)
            owner = entity.aliases[-1] if entity and entity.aliases else None
        if owner is None:
            return None
        words = owner.split()
        if words[0] in {"The", "A", "An"}:
            words[0] = words[0].lower()
        office = text[toks[0].start : toks[-1].end]
        surface = text[owner_word.start : toks[-1].end]
        role = f"{office} of {' '.join(words)}"
        return self.resolve((Mention(surface, "description", role=role), owner_word.start))

    def _sentence_subject(self, position: int, back: int) -> str | None:
        """The organisation, country or group opening the sentence at position (back=0) or
        the one before it (back=1), if it opens with one."""
        starts = self.article.sentence_starts
        index = bisect_right(starts, position) - 1 - back
        if index < 0:
            return None
        start = starts[index]
        toks = tokens(self.article.text, start, min(position, start + 200))
        lower_case = self.article.lower_case
        for end in range(_np_end_after(toks, 0), 0, -1):
            phrase = self.article.text[toks[0].start : toks[end - 1].end]
            found = parse_mention(phrase, lower_case)
            headed = toks[end - 1].fold in ORGANIZATION_HEADS or toks[end - 1].fold in GROUP_HEADS
            if found and (found.kind == "country" or headed and found.kind != "person"):
                return phrase
        return None

    def _apposition(self, toks: list[Token]) -> tuple[Entity, str] | None:
        """ "NAME, a ROLE," or "a ROLE, NAME," just before the verb."""
        comma = max((i for i, t in enumerate(toks) if t.text == ","), default=-1)
        inner = toks[comma + 1 :]
        if comma < 0 or not inner:
            return None
        outer_all = toks[:comma]
        if inner[0].fold in _RELATIVE_PRONOUNS:
            return self._relative_clause(outer_all, inner)
        outer = outer_all[_np_start_before(outer_all) :]
        text = self.article.text
        inner_text = text[inner[0].start : inner[-1].end]
        inner_mention = self.phrase(inner)
        named_inner = inner_mention and (
            inner_mention[0].kind in {"person", "country"}
            or (inner_mention[0].kind == "organization" and inner[0].fold not in DETERMINERS)
        )
        if named_inner:
            role = role_phrase(text[outer[0].start : outer[-1].end]) if outer else None
            return self.resolve(inner_mention, role)
        outer_mention = self.phrase(outer)
        if outer_mention and outer_mention[0].kind in {
            "person",
            "organization",
            "country",
            "group",
        }:
            return self.resolve(outer_mention, role_phrase(inner_text))
        return None

    def _relative_clause(
        self, outer: list[Token], clause: list[Token]
    ) -> tuple[Entity, str] | None:
        """ "NAME, who chairs the board," and "NAME, which runs the port,": the name speaks;
        "who chairs the board" may give the role, and "which" marks an organisation."""
        # "Joan Pike, 54, who ...": an age between the name and the clause.
        if len(outer) >= 3 and outer[-1].text.isdigit() and outer[-2].text == ",":
            outer = outer[:-2]
        found = self.phrase(outer[_np_start_before(outer) :])
        if found is None or found[0].kind not in _SPEAKING_KINDS:
            return None
        mention, position = found
        if clause[0].fold == "which" and mention.kind == "person" and not mention.role:
            mention = Mention(mention.surface, "organization", mention.name)
        role = None
        if clause[0].fold == "who" and len(clause) >= 3:
            text = self.article.text
            rest = text[clause[1].start : clause[-1].end]
            if clause[1].fold in {"is", "was"}:
                role = role_phrase(text[clause[2].start : clause[-1].end])
            elif _PRESENT_VERB.fullmatch(clause[1].text) and clause[1].fold not in _FILLERS:
                role = rest
        return self.resolve((mention, position), role)

    def clause_subject(self, toks: list[Token]) -> tuple[Entity, str] | None:
        """The subject at the head of the clause, for "..., saying" and "X did Y and warned"."""
        i = 0
        while i < len(toks) and (
            not toks[i].is_word
            or (
                toks[i].fold in FUNCTION_WORDS
                and toks[i].fold not in DETERMINERS
                and toks[i].fold not in _PRONOUN_SUBJECTS
            )
        ):
            i += 1
        if i < len(toks) and toks[i].fold in _PRONOUN_SUBJECTS:
            # "She resigned in March, saying ...".
            return self.resolve(self.phrase(toks[i : i + 1]))
        end = _np_end_after(toks, i)
        if end <= i:
            return None
        rest = toks[end:]
        if rest and rest[0].text == ",":
            closing = next((k for k, t in enumerate(rest[1:], 1) if t.text == ","), None)
            if closing is not None:
                named = self.phrase(rest[1:closing])
                if named and named[0].kind == "person":
                    text = self.article.text
                    return self.resolve(named, role_phrase(text[toks[i].start : toks[end - 1].end]))
        lower_case = self.article.lower_case
        for stop in range(end, i, -1):
            found = self.phrase(toks[i:stop])
            # "The mayor rejected ...": a description or an organisation ends on its noun.
            last = toks[stop - 1]
            if found and found[0].kind in {"description", "organization", "group"}:
                if not (_is_head(last) or last.fold in GROUP_HEADS or last.text[:1].isupper()):
                    continue
            # Without capitals, a name ends where a verb-like word begins: "joan pike rejected".
            if found and (
                not lower_case
                or found[0].kind != "person"
                or stop == i + 1
                or self.article.cast.find("person", found[0].name)
                or (stop < end and stop - i <= 3 and looks_like_verb(toks[stop].text))
            ):
                return self.resolve(found)
        return None

    def after(self, phrase_start: int, phrase_end: int) -> tuple[Entity, str] | None:
        """A speaker named after the verb: "..., said Mr Jane Doe of the institute"."""
        text = self.article.text
        phrase = text[phrase_start:phrase_end]
        cut = _SPEAKER_END.split(phrase, maxsplit=1)[0]
        short, full = (
            self._parse_prefix(phrase_start, c) for c in (_CUT_SPEAKER.sub("", cut), cut)
        )
        # "Jane Doe of the port council": the person, not the council.
        if short and short[0].kind in {"person", "country", "group", "pronoun"}:
            return self.resolve(short)
        return self.resolve(full or short)

    def document(self, start: int, end: int) -> tuple[Entity, str] | None:
        """ "a report by the water board", "the Lantern Group's study", "a new survey": the
        author the phrase names, else the document itself as an organisation."""
        text = self.article.text
        match = _DOCUMENT.fullmatch(text, start, end)
        if match is None:
            return None
        author = None
        if match.group("author"):
            author = self._author(match.start("author"), match.end("author"))
        elif match.group("owner"):
            author = self._author(match.start("owner"), match.end("owner"), possessive=True)
        elif match.group("pre") and not self.article.lower_case:
            author = self._author(match.start("pre"), match.end("pre"), premodifier=True)
        if author:
            return author
        # Named by its own words: "a consultants' report" -> "Consultants' report".
        named_end = match.end("author") if match.group("author") else match.end("doc")
        named = text[start:named_end].split()
        if len(named) > 1 and named[0].casefold() in _DOCUMENT_DETERMINERS:
            named = named[1:]
        surface = text[start:named_end]
        mention = Mention(surface, "organization", capitalise(" ".join(named)))
        return self.resolve((mention, start))

    def _author(
        self, start: int, end: int, possessive: bool = False, premodifier: bool = False
    ) -> tuple[Entity, str] | None:
        """The author of a document: "by consultants", "the Lantern Group's", "a Gallup"."""
        text = self.article.text
        words = text[start:end].strip()
        if possessive:
            words = _POSSESSIVE_END.sub("", words)
        toks = tokens(text, start, start + len(text[start:end].rstrip()))
        if premodifier:
            # "a Lantern Group study": capitalised words before the noun name the author.
            if not all(t.text[:1].isupper() for t in toks if t.fold not in {"of", "and", "&"}):
                return None
            mention = parse_mention(words)
            if mention is None or mention.kind != "country":
                mention = Mention(words, "organization", words)
            return self.resolve((mention, start))
        found = self.phrase(toks) if not possessive else None
        if possessive:
            mention = parse_mention(words, self.article.lower_case)
            found = (mention, start) if mention else None
        if found is None:
            return None
        mention, position = found
        # "a poll by the Eastwick Herald": an author named with an article is an institution.
        if mention.kind == "person" and toks and toks[0].fold in DETERMINERS:
            mention = Mention(mention.surface, "organization", mention.name)
        if possessive and mention.kind not in {"person", "organization", "country"}:
            return None
        return self.resolve((mention, position))

    def _parse_prefix(self, start: int, phrase: str) -> tuple[Mention, int] | None:
        stripped = phrase.rstrip(' .!?"”’')
        return self.phrase(tokens(self.article.text, start, start + len(stripped)))


# ---- stage 1: direct quotes -------------------------------------------------------------


def _sentence_of(sentences: list[Span], position: int) -> Span | None:
    return next((s for s in sentences if s.start <= position < s.end), None)


def _word_count(text: str) -> int:
    return len(_WORD.findall(text))


def _is_standalone(article: Article, quote: Quote, sentences: list[Span]) -> bool:
    """A quotation rather than a scare quote: it opens its sentence or follows "said:"."""
    if _word_count(article.text[quote.start : quote.end]) < 3:
        return False
    sentence = _sentence_of(sentences, quote.open_mark)
    before = article.text[sentence.start if sentence else quote.open_mark : quote.open_mark]
    before = before[prefix_length(before) :]
    # Only another quotation before it: "Q1." "Q2," she said.
    before = _AFTER_LAST_QUOTE.sub("", before)
    return not before.strip() or bool(_FRAME_BEFORE.search(before))


def standalone_quotes(article: Article, index: int) -> list[Quote]:
    """Stage 1a: the quotations of one paragraph (scare quotes and short phrases left out)."""
    para = article.paragraphs[index]
    sentences = article.sentences[index]
    return [
        q
        for q in find_quotes(article.text, para.start, para.end)
        if _is_standalone(article, q, sentences)
    ]


def quote_attribution(article: Article, index: int, quote: Quote) -> Attribution:
    """Stage 1b: a quotation with the speaker its frame names (None when the frame names none)."""
    speaker = _quote_speaker(article, SpeakerFinder(article), quote, article.sentences[index])
    entity, mention = speaker if speaker else (None, None)
    return Attribution(DIRECT, quote.start, quote.end, entity, mention)


def _quote_speaker(article: Article, finder: SpeakerFinder, quote: Quote, sentences: list[Span]):
    """The speaker named in the frame around the quote: after it first, then before it."""
    text = article.text
    if quote.close_mark is not None:
        sentence = _sentence_of(sentences, quote.close_mark)
        end = sentence.end if sentence else quote.close_mark + 1
        frame = text[quote.close_mark + 1 : end]
        punctuated = text[quote.end - 1 : quote.end] in ",.!?…" or frame.lstrip()[:1] in {",", "."}
        inverted = _FRAME_INVERTED.match(frame)
        normal = _FRAME_NORMAL.match(frame)
        if punctuated and inverted:
            base = quote.close_mark + 1
            who = finder.after(base + inverted.start("who"), base + inverted.end("who"))
            if who:
                return who
        if punctuated and normal:
            base = quote.close_mark + 1
            who = finder.before(base, base + normal.start("verb"))
            if who:
                return who
    sentence = _sentence_of(sentences, quote.open_mark)
    start = sentence.start if sentence else quote.open_mark
    frame = text[start : quote.open_mark]
    verb = _FRAME_BEFORE.search(frame)
    if verb:
        return finder.before(start + prefix_length(frame), start + verb.start())
    return None


def inherit_speakers(
    article: Article, index: int, found: list[Attribution], previous: Attribution | None
):
    """Unattributed quotes take the speaker of the quote before, or after, in the paragraph;
    a paragraph that opens with a quote continues the last quotation of the one before."""
    para = article.paragraphs[index]
    opens_with_quote = article.text[para.start : para.start + 1] in {'"', "“", "«"}
    result = list(found)
    for i, claim in enumerate(result):
        if claim.speaker is not None:
            continue
        donor = next((c for c in reversed(result[:i]) if c.speaker), None)
        donor = donor or next((c for c in result[i + 1 :] if c.speaker), None)
        if donor is None and i == 0 and opens_with_quote and previous is not None:
            donor = previous if previous.speaker else None
        if donor is not None:
            result[i] = Attribution(DIRECT, claim.start, claim.end, donor.speaker, donor.mention)
    return result


# ---- stage 2: one sentence at a time ----------------------------------------------------

Rule = Callable[[Article, int, int], list[Attribution] | None]


def according_to(article: Article, start: int, end: int) -> list[Attribution] | None:
    """ "According to X, P." and "P, according to X." """
    text = article.text
    finder = SpeakerFinder(article)
    front = _ACCORDING_FRONT.match(text, start, end)
    if front:
        who = finder.document(front.start("who"), front.end("who")) or finder.after(
            front.start("who"), front.end("who")
        )
        if who and _word_count(text[front.end() : end]) >= 3:
            return [Attribution(INDIRECT, front.end(), end, *who)]
    # The back frame holds no comma after its own: it can only start at the last comma.
    last_comma = text.rfind(",", start, end)
    back = _ACCORDING_BACK.match(text, last_comma, end) if last_comma >= 0 else None
    if back:
        who = finder.document(back.start("who"), back.end("who")) or finder.after(
            back.start("who"), back.end("who")
        )
        if who and _word_count(text[start : back.start()]) >= 3:
            return [Attribution(INDIRECT, start, back.start(), *who)]
    return None


def for_speaker(article: Article, start: int, end: int) -> list[Attribution] | None:
    """ "For Ms. Doe, P" and "But for the analyst, P": P is the view of that person."""
    text = article.text
    front = _FOR_FRONT.match(text, start, end)
    if front is None or _word_count(text[front.end() : end]) < 3:
        return None
    finder = SpeakerFinder(article)
    found = finder.phrase(tokens(text, front.start("who"), front.end("who")))
    if found is None or found[1] != front.start("who") or not _names_a_speaker(article, found[0]):
        return None
    who = finder.resolve(found)
    return [Attribution(INDIRECT, front.end(), end, *who)] if who else None


def _names_a_speaker(article: Article, mention: Mention) -> bool:
    """A person by name or title, a described role or a group; not "For years" or "For now"."""
    if mention.kind in {"description", "group"}:
        return True
    if mention.kind != "person":
        return False
    titled = mention.role is not None or mention.gender is not None
    known = article.cast.find("person", mention.name) is not None
    full_name = not article.lower_case and len(mention.name.split()) >= 2
    return titled or known or full_name


def trailing_attribution(article: Article, start: int, end: int) -> list[Attribution] | None:
    """ "P, the minister said." and "P, said the minister." """
    text = article.text
    finder = SpeakerFinder(article)
    # A trailing frame holds no comma after its own: it can only start at the last comma.
    # Its verb comes first ("said the minister") or among the last words ("the minister said
    # on Friday"); checking words first spares the regexes most sentences.
    last_comma = text.rfind(",", start, end)
    if last_comma < 0:
        return None
    # "..., said Joan Pike, who chairs the board." and "..., Joan Pike, who chairs it, said.":
    # the frame starts at the comma before the name.
    earlier = text.rfind(",", start, last_comma)
    if earlier >= 0 and _RELATIVE_OPENING.match(text, last_comma, end):
        last_comma = earlier
    elif earlier >= 0 and _RELATIVE_OPENING.match(text, earlier, last_comma):
        before_name = text.rfind(",", start, earlier)
        last_comma = before_name if before_name >= 0 else last_comma
    tail = [w.group().casefold() for w in _PLAIN_WORD.finditer(text, last_comma, end)]
    if (
        tail
        and any(w in _VERB_WORDS for w in tail[-8:])
        and _word_count(text[start:last_comma]) >= 4
    ):
        for verb in _verbs(text, last_comma, end):
            if not _TRAILING_END.match(text, verb.end(), end):
                continue
            who_end = verb.start()
            auxiliary = _AUXILIARY_END.search(text, last_comma, who_end)
            if auxiliary:
                who_end = auxiliary.start()
            if not _TRAILING_WHO.fullmatch(text, last_comma, who_end):
                break
            who = finder.before(_past_space(text, last_comma + 1, who_end) - 1, verb.start())
            if who:
                return [Attribution(INDIRECT, start, last_comma, *who)]
            break
    if tail and tail[0] in _VERB_FIRST_WORDS:
        inverted = _TRAILING_INVERTED.match(text, last_comma, end)
        # "..., says the harbour is too small.": a clause, not a speaker, follows the verb.
        clause = inverted and any(
            w.group().casefold() in _AUXILIARIES
            for w in _PLAIN_WORD.finditer(text, inverted.start("who"), inverted.end("who"))
        )
        if inverted and not clause and _word_count(text[start : inverted.start()]) >= 4:
            who = finder.after(inverted.start("who"), inverted.end("who"))
            if who:
                return [Attribution(INDIRECT, start, inverted.start(), *who)]
    return None


def reported_clause(article: Article, start: int, end: int) -> list[Attribution] | None:
    """ "X says (that) P", "X, a ROLE, told reporters P", "X vowed to P": first fitting verb."""
    text = article.text
    finder = SpeakerFinder(article)
    for verb_match in _verbs(text, start, end):
        verb = REPORTING_VERBS[" ".join(verb_match.group().casefold().split())]
        complement = _complement(article, verb_match.end(), end, verb)
        if complement is None:
            continue
        # "X denied the report, saying P": the object is no claim; the gerund's complement is.
        if (
            verb.takes_object
            and not complement[1]
            and _object_then_gerund(text, verb_match.end(), complement[0], end)
        ):
            continue
        who = finder.before(start, verb_match.start())
        if who is None:
            continue
        c_start, infinitive = complement
        if infinitive:
            subject_start = _subject_start(article, start, verb_match.start(), who[1])
            return [Attribution(INDIRECT, subject_start, end, *who)]
        claims = [
            Attribution(INDIRECT, x, y, *who)
            for a, b in _split_that(text, c_start, end)
            for x, y in _split_gerund(text, a, b)
        ]
        verb_start = verb_match.start()
        return (
            _with_lead_narration(article, start, verb_start, who[1])
            + _first_predicate(article, start, verb_start, who[1])
            + claims
        )
    return None


def _past_space(text: str, start: int, end: int) -> int:
    """The first position at or after start that is not white space (at most end)."""
    while start < end and text[start].isspace():
        start += 1
    return start


def _object_then_gerund(text: str, verb_end: int, c_start: int, end: int) -> bool:
    """True when a verb's complement is a plain object followed by ", saying ..."."""
    if _THAT.search(text, verb_end, c_start) or ":" in text[verb_end:c_start]:
        return False
    comma = text.find(",", c_start, end)
    if comma < 0:
        return False
    # A plain object is a short noun phrase: no auxiliary, as "the bridge was unsafe" has.
    object_words = [w.group().casefold() for w in _PLAIN_WORD.finditer(text, c_start, comma)]
    if len(object_words) > 6 or any(w in _AUXILIARIES for w in object_words):
        return False
    return _gerund_frame(text, comma, end) is not None


def _gerund_frame(text: str, comma: int, end: int) -> int | None:
    """Where the proposition starts after ", saying (that)" at comma; None if no such frame."""
    gerund = _PLAIN_WORD.match(text, _past_space(text, comma + 1, end))
    if gerund is None:
        return None
    word = gerund.group().casefold()
    if not word.endswith("ing") or word not in _VERB_FIRST_WORDS:
        return None
    following = _PLAIN_WORD.match(text, _past_space(text, gerund.end(), end))
    # "the plan, adding up to 4 million, ...": a phrasal verb, not a report.
    if following is None or following.group().casefold() in _PARTICLES:
        return None
    if following.group().casefold() == "that":
        return _past_space(text, following.end(), end)
    return following.start()


def _split_gerund(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """ "P, saying Q": two claims of one speaker."""
    for comma in (m.start() for m in _COMMA.finditer(text, start, end)):
        if comma == start or _word_count(text[start:comma]) < 2:
            continue
        second = _gerund_frame(text, comma, end)
        if second is not None and _word_count(text[second:end]) >= 3:
            return [(start, comma), (second, end)]
    return [(start, end)]


def _verbs(text: str, start: int, end: int):
    """Reporting verbs in text[start:end]; a set look-up first, as one big regex is slow."""
    for word in _PLAIN_WORD.finditer(text, start, end):
        if word.group().casefold() in _VERB_FIRST_WORDS:
            verb = _VERB.match(text, word.start(), end)
            if verb:
                yield verb


def _subject_start(article: Article, start: int, verb_start: int, mention: str) -> int:
    """Where the subject's words begin, so "Bush vowed to P" keeps its subject."""
    found = article.text.rfind(mention, start, verb_start)
    if found < 0:
        found = article.text.casefold().rfind(mention.casefold(), start, verb_start)
    return found if found >= 0 else start


def _with_lead_narration(
    article: Article, start: int, verb_start: int, mention: str
) -> list[Attribution]:
    """ "P, but analysts say Q": P is the outlet's own statement."""
    subject = _subject_start(article, start, verb_start, mention)
    lead = article.text[start:subject]
    broken = _CLAUSE_BREAK.search(lead)
    if broken and _word_count(lead[: broken.start()]) >= 4:
        return [Attribution(NARRATION, start, start + broken.start())]
    return []


def _first_predicate(
    article: Article, start: int, verb_start: int, mention: str
) -> list[Attribution]:
    """ "X refused P and warned Q": "X refused P" is the outlet's own statement."""
    text = article.text
    joined = _AND_BEFORE_VERB.search(text, start, verb_start)
    if joined is None:
        return []
    subject = _subject_start(article, start, verb_start, mention)
    predicate = text[subject + len(mention) : joined.start()]
    if _word_count(predicate) < 2 or not text[subject : joined.start()].strip():
        return []
    return [Attribution(NARRATION, subject, joined.start())]


def _split_that(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """ "P and that Q" holds two claims."""
    spans = []
    cursor = start
    for match in _THAT_SPLIT.finditer(text, start, end):
        if _word_count(text[cursor : match.start()]) >= 3:
            spans.append((cursor, match.start()))
            cursor = match.end()
    spans.append((cursor, end))
    return spans


def _complement(
    article: Article, pos: int, end: int, verb: ReportingVerb
) -> tuple[int, bool] | None:
    """Where the reported proposition starts after a verb, and whether it is a to-infinitive."""
    text = article.text
    rest = text[pos:end]
    offset = len(rest) - len(rest.lstrip())
    adverbial = _LEAD_ADVERBIAL.match(rest, offset)
    if adverbial:
        offset = adverbial.end()
    if verb.lemma == "tell":
        offset = _past_listener(rest, offset)
        if offset is None:
            return None
    toks = rest[offset:].split()
    if not toks:
        return None
    first = toks[0].casefold().strip(",")
    if verb.takes_infinitive and first == "to":
        return pos + offset, True
    if first in _PREPOSITIONS or first == ":":
        that = _THAT.search(rest[offset : offset + 120])
        if that is None or _COMMA.search(rest[offset : offset + that.start()]):
            infinitive = _TO_VERB.search(rest[offset : offset + 80])
            if (
                verb.takes_infinitive
                and infinitive
                and "," not in rest[offset : offset + infinitive.start()]
            ):
                return pos + offset, True
            return None
        offset += that.end()
    elif first == "that":
        offset += rest[offset:].casefold().index("that") + 4
    elif first.startswith(":"):
        offset += rest[offset:].index(":") + 1
    offset += len(rest[offset:]) - len(rest[offset:].lstrip())
    words = rest[offset:].split()
    if (
        len(words) < 3
        or words[0].casefold().strip(",") in _BAD_COMPLEMENT_START
        or not words[0][0].isalnum()
        and words[0][0] not in '"“$'
    ):
        return None
    return pos + offset, False


def _past_listener(rest: str, offset: int) -> int | None:
    """Skip the listener after "told": up to "that", a pronoun, or a word like "reporters"."""
    for match in _LISTENER_WORD.finditer(rest[offset:]):
        word = match.group().casefold()
        if match.start() > 80 or word == ",":
            return None
        if word == "that":
            return offset + match.end()
        if word in _PRONOUN_SUBJECTS and match.start() > 0:
            return offset + match.start()
        if word in _AUDIENCE:
            return offset + match.end()
    return None


_CALL = re.compile(r"(?<![\w'’-])(?:calls|call|called)(?=\s)", re.I)
_PASSIVE = re.compile(r"(?:(?<![\w'’-])(?:is|are|was|were|be|been|being)\s+)$", re.I)
_OBJECT_PRONOUNS = {
    "it": ("It", "is"),
    "him": ("He", "is"),
    "her": ("She", "is"),
    "them": ("They", "are"),
}
_OBJECT_DETERMINERS = frozenset("the this that these those his her its their our".split())
_NAMING_STARTS = frozenset("a an the his her its their our".split())
_OBJECT_INNER = frozenset("of for in on at from with".split())
_ADJECTIVE = re.compile(r"(?:able|ible|ous|ful|less|ive|al|ic|ed|ant|ent|ary|ing)$|^un\w{3,}", re.I)
_AUXILIARIES = frozenset(
    "is are was were has have had will would can could should may might must does did do "
    "remains remain wants want".split()
)


def naming_call(article: Article, start: int, end: int) -> list[Attribution] | None:
    """ "X calls Y Z": X says that Y is Z ("the union calls the offer an insult")."""
    text = article.text
    if "call" not in text[start:end].casefold():
        return None
    finder = SpeakerFinder(article)
    for call in _CALL.finditer(text, start, end):
        if _PASSIVE.search(text[max(start, call.start() - 12) : call.start()]):
            continue
        # "X said Y calls ...": the reporting verb comes first and reported_clause reads it.
        if next(_verbs(text, start, call.start()), None):
            return None
        toks = tokens(text, call.end(), end)
        named = _object_and_name(article, toks)
        if named is None:
            continue
        who = finder.before(start, call.start())
        if who is None:
            continue
        obj, name, rest = named
        subject, copula = (
            _OBJECT_PRONOUNS.get(obj[0].fold, (None, None))
            if len(obj) == 1
            else (
                None,
                None,
            )
        )
        subject = subject or text[obj[0].start : obj[-1].end]
        copula = copula or ("are" if _plural(obj) else "is")
        name_end = _without_stop(text, name[0].start, name[-1].end)
        proposition = f"{subject} {copula} {text[name[0].start : name_end]}"
        claims = [Attribution(INDIRECT, obj[0].start, name_end, *who, text=proposition)]
        return claims + _coordinated(article, rest, end, who)
    return None


def _object_and_name(
    article: Article, toks: list[Token]
) -> tuple[list[Token], list[Token], list[Token]] | None:
    """Split the words after "calls" into its object, the name given to it, and what follows."""
    stop = next((i for i, t in enumerate(toks) if t.text in {".", "!", "?", ";", ":"}), len(toks))
    for i in range(1, stop - 1):
        if toks[i].fold == "and" and (
            toks[i + 1].fold in _AUXILIARIES or toks[i + 1].fold in _VERB_FIRST_WORDS
        ):
            stop = i - 1 if toks[i - 1].text == "," else i
            break
    region, rest = toks[:stop], toks[stop:]
    if len(region) < 2 or not all(t.is_word or t.text in "-'’\"“”" for t in region):
        return None
    first = region[0]
    if first.fold in _OBJECT_PRONOUNS and (
        first.fold != "her" or region[1].fold in _NAMING_STARTS or len(region) == 2
    ):
        return region[:1], region[1:], rest
    proper = (
        not article.lower_case and first.text[:1].isupper() and first.fold not in FUNCTION_WORDS
    )
    if first.fold not in _OBJECT_DETERMINERS and not proper:
        return None
    for j in range(1, min(len(region), 7)):
        tok = region[j]
        if tok.fold in _NAMING_STARTS and region[j - 1].fold not in _OBJECT_INNER:
            obj = region[:j]
            if len(region) - j >= 2 and _plain_noun_phrase(obj):
                return obj, region[j:], rest
            return None
    last = region[-1]
    if (
        2 <= len(region) - 1 <= 5
        and _ADJECTIVE.search(last.text)
        and _plain_noun_phrase(region[:-1])
    ):
        return region[:-1], region[-1:], rest
    return None


def _without_stop(text: str, start: int, end: int) -> int:
    """End of text[start:end] without the sentence's closing punctuation."""
    return start + len(text[start:end].rstrip(' .!?"”’)'))


def _plain_noun_phrase(toks: list[Token]) -> bool:
    """Words that can be an object noun phrase: no clause words past its determiner."""
    return all(
        t.is_word
        and (
            i == 0
            or t.fold in _OBJECT_INNER
            or t.fold in DETERMINERS
            or (t.fold not in FUNCTION_WORDS and t.fold not in _VERB_WORDS)
        )
        for i, t in enumerate(toks)
    )


def _plural(toks: list[Token]) -> bool:
    """A rough number for the copula: "the talks are", "the levy is"."""
    heads = [t.fold for t in toks if t.fold not in _OBJECT_INNER]
    if any(t.fold == "and" for t in toks):
        return True
    inner = next((i for i, t in enumerate(toks) if t.fold in _OBJECT_INNER), len(toks))
    head = toks[inner - 1].fold if inner else heads[-1]
    if head in {"these", "those"}:
        return True
    return (
        len(head) > 3 and head.endswith("s") and not head.endswith(("ss", "us", "is", "'s", "’s"))
    )


def _coordinated(
    article: Article, rest: list[Token], end: int, who: tuple[Entity, str]
) -> list[Attribution]:
    """ "... and is opposed to changing it": a second claim of the same speaker."""
    words = [t for t in rest if t.is_word]
    if len(words) < 3 or words[0].fold != "and":
        return []
    text = article.text
    verb_at = words[1].start
    verb = _VERB.match(text, verb_at, end)
    if verb:
        complement = _complement(
            article, verb.end(), end, REPORTING_VERBS[" ".join(verb.group().casefold().split())]
        )
        if complement and not complement[1]:
            return [Attribution(INDIRECT, complement[0], end, *who)]
        return []
    tail = _without_stop(text, verb_at, words[-1].end)
    entity, mention = who
    subject = entity.name if mention.casefold() in _PRONOUN_SUBJECTS else mention
    proposition = f"{subject} {text[verb_at:tail]}"
    return [Attribution(INDIRECT, verb_at, tail, entity, mention, text=proposition)]


SENTENCE_RULES: tuple[Rule, ...] = (
    according_to,
    for_speaker,
    trailing_attribution,
    naming_call,
    reported_clause,
)


def is_declarative(text: str) -> bool:
    """A statement worth tracking: ends in a full stop or "!", has a few words, is not furniture."""
    core = text.rstrip().rstrip("\"”’')]")
    if not core or core[-1] not in ".!" or core.endswith("...") or _word_count(text) < 4:
        return False
    return not is_boilerplate_line(text) and any(c.islower() for c in text)


def attribute_sentence(article: Article, start: int, end: int) -> list[Attribution]:
    """Stage 2 and 3 for one sentence: the first rule that answers, else narration."""
    text = article.text
    start += prefix_length(text[start:end])
    if not is_declarative(text[start:end]):
        return []
    for rule in SENTENCE_RULES:
        found = rule(article, start, end)
        if found:
            return found
    return [Attribution(NARRATION, start, end)]


def lend_speakers(
    quotes: list[Attribution], others: list[Attribution], para: Span
) -> list[Attribution]:
    """A quote still without a speaker takes the one attributed just before it in the paragraph."""
    result = []
    for quote in quotes:
        if quote.speaker is None:
            earlier = [
                a for a in others if a.speaker and para.start <= a.start and a.end <= quote.start
            ]
            if earlier:
                donor = max(earlier, key=lambda a: a.end)
                quote = Attribution(DIRECT, quote.start, quote.end, donor.speaker, donor.mention)
        result.append(quote)
    return result
