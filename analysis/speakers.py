"""Speakers: naming them from a phrase, and keeping track of who is who in one article."""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from dataclasses import dataclass, field
from functools import lru_cache

from analysis.genders import gender_of
from analysis.lexicon import (
    COUNTRY_NAMES,
    DEMONYMS,
    FUNCTION_WORDS,
    GROUP_HEADS,
    HONORIFICS,
    METONYMS,
    ORGANIZATION_HEADS,
    REPORTING_VERBS,
    TITLE_HEADS,
    TITLE_MODIFIERS,
)
from analysis.names import SUFFIXES, may_be_same


@dataclass(frozen=True)
class SpeakerRef:
    """A speaker as this text names them, before matching against the database."""

    name: str
    kind: str
    role: str | None = None
    aliases: tuple[str, ...] = ()
    # False for a description no one in the text is named for ("the company", "the prime
    # minister"): a source the analysis weighs, but no speaker to store.
    named: bool = True


@dataclass(frozen=True)
class Mention:
    """What one phrase says about a speaker: a name, a pronoun or a description."""

    surface: str
    kind: str  # person | organization | country | group | pronoun | description
    name: str = ""
    role: str | None = None
    gender: str | None = None


PRONOUNS = {"he": "m", "she": "f", "they": None, "it": None}
DETERMINERS = frozenset({"the", "a", "an"})
_VERB_WORDS = frozenset(w for form in REPORTING_VERBS for w in form.split())
_TITLE_WORDS = TITLE_HEADS | TITLE_MODIFIERS | frozenset(DEMONYMS) | {"of", "for", "and"}
_TOKEN = re.compile(r"[^\W_](?:[\w'’.&-]*[^\W_])?\.?")
_LOWER_IN_NAMES = frozenset({"of", "for", "and", "the", "de", "van", "von", "al"})
_POSSESSIVE_S = re.compile(r"(['’])S\b")
_POSSESSIVE = re.compile(r"['’]s$")


def is_possessive(word: str) -> bool:
    """ "Cruz's", "MAYOR’S"."""
    return bool(_POSSESSIVE.search(word.casefold()))


def words(phrase: str) -> list[str]:
    """The word tokens of a phrase ("U.S.", "O'Neill", "president-elect" stay whole)."""
    return _TOKEN.findall(phrase)


def _fold(token: str) -> str:
    return token.casefold().rstrip(".") if token.count(".") == 1 else token.casefold()


def _is_title_word(token: str, caseless: bool) -> bool:
    folded = token.casefold()
    if folded in {"of", "for", "and"}:
        return False
    # "Spain's foreign minister": a country's possessive qualifies a title.
    country = _POSSESSIVE.sub("", folded) in COUNTRY_NAMES
    known = folded in _TITLE_WORDS or _fold(token) in _TITLE_WORDS or country
    return known and (caseless or not token[0].islower() or folded in TITLE_MODIFIERS)


def _is_name_word(token: str, caseless: bool) -> bool:
    folded = token.casefold()
    if folded in FUNCTION_WORDS or folded in _VERB_WORDS or not token[0].isalpha():
        return False
    if folded in TITLE_HEADS or folded in ORGANIZATION_HEADS or folded in GROUP_HEADS:
        return False
    return caseless or token[0].isupper()


def _display(tokens: list[str], caseless: bool) -> str:
    """Tokens as a name: title-cased when the article has no capitals to go by."""
    return " ".join(title_case(t) if caseless else t for t in tokens)


def title_case(token: str) -> str:
    """ "o'brien" -> "O'Brien", "u.s." -> "U.S.", but "norway's" -> "Norway's"."""
    return _POSSESSIVE_S.sub(r"\1s", token.title())


def _title_case_known(tokens: list[str], caseless: bool) -> str:
    """Group or organisation names: capitalise only countries and demonyms in text without
    case."""
    if not caseless:
        return " ".join(tokens)
    shown = [
        title_case(t) if _POSSESSIVE.sub("", t) in COUNTRY_NAMES or t in DEMONYMS else t
        for t in tokens
    ]
    return " ".join(shown)


# Speakers are named again and again in one article: the same phrases come back.
@lru_cache(maxsize=4096)
def parse_mention(phrase: str, caseless: bool = False) -> Mention | None:
    """Read a noun phrase as a speaker mention, or None when it names no speaker."""
    tokens = words(phrase)
    if not tokens or len(tokens) > 12:
        return None
    surface = " ".join(phrase.split()).strip(" ,;:")
    folded = [t.casefold() for t in tokens]
    if len(tokens) == 1 and folded[0] in PRONOUNS:
        return Mention(surface, "pronoun", gender=PRONOUNS[folded[0]])
    bare = tokens[1:] if folded[0] in DETERMINERS else tokens
    bare_folded = " ".join(t.casefold() for t in bare)
    if not bare:
        return None
    place = (
        METONYMS.get(" ".join(folded))
        or METONYMS.get(bare_folded)
        or COUNTRY_NAMES.get(bare_folded)
    )
    if place:
        return Mention(surface, "country", place)
    head = bare[-1].casefold()
    if head in GROUP_HEADS and all(t.casefold() not in PRONOUNS for t in bare):
        return Mention(surface, "group", capitalise(_title_case_known(bare, caseless)))
    if _is_organization(bare) and folded[0] not in HONORIFICS:
        named = _named_after_description(bare)
        if named:  # "the watchdog group Media Matters"
            return Mention(surface, "organization", " ".join(bare[named:]),
                           role=" ".join(bare[:named]))
        return Mention(surface, "organization", _organization_name(surface, caseless))
    return _person(surface, tokens, caseless)


def _is_organization(bare: list[str]) -> bool:
    """An organisation noun heads the phrase: no title follows it ("party leader Jane Doe")."""
    heads = [i for i, t in enumerate(bare) if t.casefold() in ORGANIZATION_HEADS]
    if not heads:
        return False
    return not any(_fold(t) in TITLE_HEADS for t in bare[heads[-1] + 1 :])


_NAME_PARTICLES = frozenset({"of", "the", "for", "and", "&", "de", "da", "do", "del", "la", "von"})


def _named_after_description(bare: list[str]) -> int:
    """Where the name of an organisation starts after the common noun that describes it
    ("watchdog group Media Matters"); 0 when the organisation noun is part of the name ("the
    Center for Economic Research") or nothing named follows it."""
    head = max(i for i, t in enumerate(bare) if t.casefold() in ORGANIZATION_HEADS)
    name = bare[head + 1 :]
    if not bare[head].islower() or not name or not name[0][:1].isupper() or not all(
            t[:1].isupper() or t in _NAME_PARTICLES for t in name):
        return 0  # not "a campaign TV ad"
    return head + 1


def _organization_name(surface: str, caseless: bool) -> str:
    """The words of the phrase without its article: "the farmers' union" -> "Farmers' union"."""
    tokens = surface.split()
    if len(tokens) > 1 and tokens[0].casefold() in DETERMINERS:
        tokens = tokens[1:]
    return capitalise(_title_case_known(tokens, caseless))


def capitalise(name: str) -> str:
    """The name with its first letter upper-cased."""
    return name[:1].upper() + name[1:]


def _person(surface: str, tokens: list[str], caseless: bool) -> Mention | None:
    """A person named with optional honorific and title, or a description ("the analyst")."""
    definite = tokens[0].casefold() in DETERMINERS
    rest = tokens[1:] if definite else tokens
    gender = None
    honorific = rest[0].casefold() if rest else ""
    if honorific in HONORIFICS:
        gender = HONORIFICS[honorific]
        rest = rest[1:]
    split = 0
    while split < len(rest):
        if _is_title_word(rest[split], caseless):
            split += 1
        elif split and _of_title(rest, split, lambda t: _is_title_word(t, caseless)):
            split += 2  # "Secretary of State Jane Doe": an of-phrase inside a title
        else:
            break
    title, name = rest[:split], rest[split:]
    if name and _is_name(name, caseless) and len(name) <= 4 and not definite:
        role = _display(title, caseless) if title else None
        return Mention(surface, "person", _display(name, caseless), role, gender)
    split = _loose_title_end(rest, caseless) if not definite else 0
    if split:
        role = _display(rest[:split], caseless)
        return Mention(surface, "person", _display(rest[split:], caseless), role, gender)
    if (
        title
        and not name
        and any(t.casefold() in TITLE_HEADS or _fold(t) in TITLE_HEADS for t in title)
    ):
        return Mention(surface, "description", role=" ".join(title))
    # "Spain's foreign minister", "South Korea's president" describe as "the minister" does.
    owner = next((i for i, t in enumerate(tokens) if _POSSESSIVE.search(t)), None)
    owned = owner is not None and _POSSESSIVE.sub(
        "", " ".join(tokens[: owner + 1]).casefold()) in COUNTRY_NAMES
    if (definite or owned) and any(t.casefold() in TITLE_HEADS for t in rest):
        return Mention(surface, "description", role=" ".join(rest))
    return None


# Surnames that are also small words: "Theresa May", "George Will".
_SMALL_SURNAMES = frozenset({"may", "will"})


def _is_name(tokens: list[str], caseless: bool) -> bool:
    """Name words, with a suffix ("Jr.", "III") and a surname that is also a title ("Martin
    Luther King", "Carole King") or a small word ("Theresa May", "George Will") when written
    with capitals after a first name."""
    given = tokens[:-1] if len(tokens) > 1 and _fold(tokens[-1]) in SUFFIXES else tokens
    if not given or not all(_is_name_word(t, caseless) for t in given[:-1]):
        return False
    last = given[-1]
    return _is_name_word(last, caseless) or (
        len(given) > 1 and not caseless and last[0].isupper()
        and (_fold(last) in TITLE_HEADS or last.casefold() in _SMALL_SURNAMES)
    )


def _loose_title_end(tokens: list[str], caseless: bool) -> int:
    """End of a title written in lower case before a name: "Opposition leader Jane Holm",
    "planning board chairwoman Joan Pike". 0 when the tokens are not title then name."""
    for head in range(len(tokens) - 2, -1, -1):
        if _fold(tokens[head]) in TITLE_HEADS:
            break
    else:
        return 0
    end = head + 1
    while _of_title(tokens, end, lambda t: t.casefold() in _TITLE_WORDS):
        end += 2  # "former secretary of state Jane Doe"
    name = tokens[end:]
    if len(name) > 4 or not _is_name(name, caseless) or _is_name(tokens, caseless):
        return 0
    for index, token in enumerate(tokens[:head]):
        folded = token.casefold()
        # A group may name the office ("Police Chief Ann Ruiz"), not stand before it.
        if folded in FUNCTION_WORDS or folded in _VERB_WORDS or (
                folded in GROUP_HEADS and index < head - 1):
            return 0
    return end


def _of_title(tokens: list[str], at: int, titled) -> bool:
    """Whether "of" or "for" and a title word stand at tokens[at] ("of State", "for Europe"),
    a name still to follow."""
    return (at + 2 < len(tokens) and tokens[at].casefold() in ("of", "for")
            and titled(tokens[at + 1]))


def role_phrase(phrase: str) -> str | None:
    """An apposition as a role: "an independent analyst" -> "independent analyst"."""
    tokens = phrase.split()
    # "a water engineer" is a role by its article; "deputy head" by its title word.
    if tokens and tokens[0].casefold() in DETERMINERS:
        tokens = tokens[1:]
    elif not any(_fold(t.strip(",")) in TITLE_HEADS for t in tokens):
        return None
    return " ".join(tokens).strip(" ,")


@dataclass(eq=False)
class Entity:
    """One speaker or person of the article, with every way the text names them."""

    kind: str
    name: str
    role: str | None = None
    gender: str | None = None
    aliases: list[str] = field(default_factory=list)
    positions: list[int] = field(default_factory=list)
    # Known only by a role ("the finance minister") that no named person held when it was read.
    described: bool = False
    # Known only by what it is ("the company"): met, to be looked back to, but no speaker.
    unnamed: bool = False

    def ref(self) -> SpeakerRef:
        """The contract form of this entity."""
        return SpeakerRef(self.name, self.kind, self.role, tuple(dict.fromkeys(self.aliases)))

    def last_before(self, position: int) -> int:
        """Where the text last named this entity before position (-1 if it did not)."""
        index = bisect_left(self.positions, position)
        return self.positions[index - 1] if index else -1

    def seen_at(self, position: int) -> None:
        """Note that the text names this entity at position."""
        insort(self.positions, position)


@dataclass
class Cast:
    """The speakers and people of one article, in the order the text names them."""

    caseless: bool = False
    entities: list[Entity] = field(default_factory=list)

    def find(self, kind: str, name: str) -> Entity | None:
        """The entity this name refers to, if the article has named it already."""
        for entity in self.entities:
            if entity.kind != kind:
                continue
            if entity.name.casefold() == name.casefold():
                return entity
            if kind == "person" and may_be_same(entity.name, name):
                return entity
        return None

    def add(self, mention: Mention, position: int, role: str | None = None) -> Entity:
        """Record a named mention and return its entity, merging with earlier names."""
        entity = self.find(mention.kind, mention.name)
        if entity is None:
            entity = Entity(mention.kind, mention.name)
            self.entities.append(entity)
        if len(mention.name.split()) > len(entity.name.split()):
            entity.name = mention.name
        new_role = mention.role or role
        # A shorter form of a known title ("President" after "Russian President") adds nothing.
        if new_role and not (entity.role and new_role.casefold() in entity.role.casefold()):
            entity.role = new_role
        entity.gender = entity.gender or mention.gender or (
            gender_of(mention.name) if mention.kind == "person" else None)
        entity.aliases.append(self._alias(mention))
        entity.seen_at(position)
        return entity

    def _alias(self, mention: Mention) -> str:
        """The words used, as a name reads: "The United States" -> "United States", and
        title-cased when the article is written without case ("petrov", "PETROV" -> "Petrov")."""
        tokens = mention.surface.split()
        if mention.kind == "country" and len(tokens) > 1 and tokens[0].casefold() in DETERMINERS:
            tokens = tokens[1:]
        if not self.caseless:
            return " ".join(tokens)
        if mention.kind in {"person", "country"}:
            return " ".join(
                t if i and t in _LOWER_IN_NAMES else title_case(t) for i, t in enumerate(tokens)
            )
        return capitalise(_title_case_known(tokens, True))

    def resolve(self, mention: Mention, position: int) -> Entity | None:
        """The entity a mention refers to: names are added, pronouns and titles looked back."""
        if mention.kind == "pronoun":
            return self._antecedent(mention, position)
        if mention.kind == "description":
            return self._described(mention, position)
        return self.add(mention, position)

    def _antecedent(self, mention: Mention, position: int) -> Entity | None:
        """The last compatible entity named before the pronoun."""
        if mention.surface.casefold() in {"he", "she"}:
            kinds = {"person"}
        elif mention.surface.casefold() == "it":
            kinds = {"organization", "country"}
        else:
            kinds = {"group", "organization", "country"}
        candidates = [
            e
            for e in self.entities
            if e.kind in kinds
            and e.last_before(position) >= 0
            and (mention.gender is None or e.gender in (None, mention.gender))
        ]
        if not candidates:
            return None
        entity = max(candidates, key=lambda e: e.last_before(position))
        entity.gender = entity.gender or mention.gender
        entity.seen_at(position)
        return entity

    def _described(self, mention: Mention, position: int) -> Entity | None:
        """The last person whose role fits "the analyst"; else a person named by the role."""
        heads = {t.casefold() for t in words(mention.role or "")} & TITLE_HEADS
        people = [e for e in self.entities if e.kind == "person" and e.last_before(position) >= 0]
        fitting = [e for e in people if heads & {t.casefold() for t in words(e.role or "")}]
        if fitting:
            entity = max(fitting, key=lambda e: e.last_before(position))
            entity.seen_at(position)
            return entity
        role = mention.role or ""
        if len(words(role)) < 2:
            return None
        name = " ".join(
            t if i and t.casefold() in _LOWER_IN_NAMES else title_case(t)
            for i, t in enumerate(words(role))
        )
        entity = self.find("person", name) or Entity("person", name, role=name, described=True)
        if entity not in self.entities:
            self.entities.append(entity)
        entity.seen_at(position)
        return entity

    def name_the_described(self, text: str, sentences: list[tuple[int, int]]) -> dict[int, Entity]:
        """Roles named before their holder: "..., the finance minister has said. But Ana Duarte
        made it clear ...". Each such role entity merges into the one person first named in the
        next two sentences, when that person has no other role and no one else holds the role.
        Returns the merged entities by id."""
        merged: dict[int, Entity] = {}
        starts = [a for a, _ in sentences]
        for placeholder in [e for e in self.entities if e.described and e.positions]:
            index = bisect_left(starts, placeholder.positions[0] + 1) - 1
            window = sentences[index + 1 : index + 3]
            if index < 0 or not window:
                continue
            holder = self._sole_newcomer(text, window, placeholder)
            if holder is None:
                continue
            # "Chairman Ed Voss" holds "its chairman" of the water board: keep the fuller role.
            if not holder.role or holder.role.casefold() in (placeholder.role or "").casefold():
                holder.role = placeholder.role
            for position in placeholder.positions:
                holder.seen_at(position)
            self.entities.remove(placeholder)
            merged[id(placeholder)] = holder
        return merged

    def _sole_newcomer(
        self, text: str, window: list[tuple[int, int]], described: Entity
    ) -> Entity | None:
        """The one person first named in the window of sentences, if they may hold the role:
        no other role, or a title of the same office ("Chairman Ed Voss" for "its chairman")."""
        start, end = window[0][0], window[-1][1]
        newcomers = [
            e
            for e in self.entities
            if e.kind == "person" and not e.described and start <= e.positions[0] < end
        ]
        if len(newcomers) != 1:
            return None
        holder = newcomers[0]
        heads = _heads(described.role)
        others = [e for e in self.entities if e.kind == "person" and e not in (holder, described)]
        own_role = holder.role and not (_heads(holder.role) and _heads(holder.role) <= heads)
        if own_role or any(heads & _heads(e.role) for e in others):
            return None
        if self.caseless and not _opens_its_sentence(text, window, holder):
            return None
        # Capitals show names the sieve did not register as speakers; any other one is a rival.
        if not self.caseless:
            for match in _CAPITALISED_NAME.finditer(text, start, end):
                run = match.group().split()
                while run and run[0].casefold() in FUNCTION_WORDS:
                    run.pop(0)
                mention = parse_mention(" ".join(run)) if len(run) > 1 else None
                if (
                    mention
                    and mention.kind == "person"
                    and not may_be_same(mention.name, holder.name)
                ):
                    return None
        return holder


def _heads(role: str | None) -> set[str]:
    """The title nouns of a role: "Spain's Foreign Minister" -> {"minister"}."""
    return {_fold(t) for t in words(role or "")} & TITLE_HEADS


# Words that may come before the subject that opens a sentence: "but ana duarte said ...".
_SENTENCE_LINKS = frozenset("but and yet so however meanwhile later then also still".split())


def _opens_its_sentence(text: str, window: list[tuple[int, int]], holder: Entity) -> bool:
    """Without capitals to tell a rival name, the holder must be the subject its sentence
    opens with, and alone: "maria ruiz told ...", not "tomas ek and maria ruiz said ..."."""
    first = holder.positions[0]
    sentence = next(((a, b) for a, b in window if a <= first < b), None)
    if sentence is None:
        return False
    lead = _TOKEN.findall(text[sentence[0] : first])
    if any(t.casefold() not in _SENTENCE_LINKS for t in lead):
        return False
    after = _TOKEN.findall(text[first : min(sentence[1], first + 80)])
    name = len(holder.name.split())
    return not (len(after) > name and after[name].casefold() in {"and", "or", "with"})


_CAPITALISED_NAME = re.compile(r"(?<![\w'’.-])[A-Z][\w'’-]+(?:\s+[A-Z][\w'’.-]*)+")
