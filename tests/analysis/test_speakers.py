"""Naming speakers from a phrase, and telling who is who in one article."""

import pytest

from analysis.speakers import Cast, parse_mention, role_phrase


@pytest.mark.parametrize(
    "phrase, kind, name, role",
    [
        ("Ms. Ingrid Halvorsen", "person", "Ingrid Halvorsen", None),
        ("Dr. Halvorsen", "person", "Halvorsen", None),
        ("Trade Minister Tomasz Wrobel", "person", "Tomasz Wrobel", "Trade Minister"),
        ("Japanese Prime Minister Kenji Arata", "person", "Kenji Arata", "Japanese Prime Minister"),
        ("General Marta Ruiz", "person", "Marta Ruiz", "General"),
        ("Secretary of State Ana Duarte", "person", "Ana Duarte", "Secretary of State"),
        ("former secretary of state Tomas Berg Lund", "person", "Tomas Berg Lund",
         "former secretary of state"),
        (
            "french defence minister odile marchal",
            "person",
            "Odile Marchal",
            "French Defence Minister",
        ),
        ("Tokyo", "country", "Japan", None),
        ("the White House", "country", "United States", None),
        ("the Kremlin", "country", "Russia", None),
        ("Paris", "country", "France", None),
        ("Britain", "country", "United Kingdom", None),
        ("German economists", "group", "German economists", None),
        ("military experts", "group", "Military experts", None),
        ("the central bank", "organization", "Central bank", None),
        ("Canada's finance ministry", "organization", "Canada's finance ministry", None),
    ],
)
def test_phrases_name_speakers_of_the_right_kind(phrase, kind, name, role):
    mention = parse_mention(phrase, caseless=phrase.islower())
    assert (mention.kind, mention.name, mention.role) == (kind, name, role)


@pytest.mark.parametrize("phrase, gender", [("he", "m"), ("she", "f"), ("they", None)])
def test_pronouns_are_mentions_to_resolve(phrase, gender):
    mention = parse_mention(phrase)
    assert (mention.kind, mention.gender) == ("pronoun", gender)


@pytest.mark.parametrize("phrase", ["the harbour analyst", "the Brazilian president",
                                    "the spokeswoman", "the Secretary of State"])
def test_titles_with_an_article_are_descriptions(phrase):
    assert parse_mention(phrase).kind == "description"


@pytest.mark.parametrize("phrase", ["", "the plan", "no one", "both", "in the morning"])
def test_phrases_that_name_nobody(phrase):
    assert parse_mention(phrase) is None


def test_role_from_apposition_drops_the_article():
    assert role_phrase("an independent energy analyst") == "independent energy analyst"
    assert role_phrase("a keen gardener") == "keen gardener"
    assert role_phrase("last Tuesday") is None


def test_short_and_full_names_merge_into_one_person():
    cast = Cast()
    full = cast.add(parse_mention("Finance Minister Leila Haddad"), 0)
    short = cast.add(parse_mention("Ms. Haddad"), 50)
    assert full is short
    assert full.ref().name == "Leila Haddad"
    assert full.ref().role == "Finance Minister"
    assert full.ref().aliases == ("Finance Minister Leila Haddad", "Ms. Haddad")


def test_he_resolves_to_the_last_compatible_person():
    cast = Cast()
    anna = cast.add(parse_mention("Ms. Anna Berg"), 0)
    piet = cast.add(parse_mention("Mr. Piet Visser"), 20)
    cast.add(parse_mention("Dutch farmers"), 40)
    assert cast.resolve(parse_mention("he"), 60) is piet
    assert cast.resolve(parse_mention("she"), 60) is anna


def test_a_group_is_never_the_antecedent_of_he():
    cast = Cast()
    cast.add(parse_mention("Spanish analysts"), 0)
    assert cast.resolve(parse_mention("he"), 30) is None


def test_a_description_resolves_by_role():
    cast = Cast()
    analyst = cast.add(parse_mention("Rosa Pereira"), 0, role="independent energy analyst")
    cast.add(parse_mention("Mr. Jonas Ek"), 30)
    assert cast.resolve(parse_mention("the energy analyst"), 60) is analyst


@pytest.mark.parametrize(
    "phrase, alias",
    [
        ("petrov", "Petrov"),
        ("swedish trade minister ivan petrov", "Swedish Trade Minister Ivan Petrov"),
        ("u.s. envoy dan o'brien", "U.S. Envoy Dan O'Brien"),
        ("the united states", "United States"),
        ("the elysee", "Elysee"),
        ("norway's fishing ministry", "Norway's fishing ministry"),
    ],
)
def test_aliases_of_a_lower_case_article_are_title_cased(phrase, alias):
    cast = Cast(caseless=True)
    entity = cast.add(parse_mention(phrase, caseless=True), 0)
    assert entity.ref().aliases == (alias,)


@pytest.mark.parametrize(
    "phrase, alias", [("The United States", "United States"), ("the White House", "White House")]
)
def test_country_aliases_drop_their_article(phrase, alias):
    assert Cast().add(parse_mention(phrase), 0).ref().aliases == (alias,)


@pytest.mark.parametrize(
    "phrase, kind, name",
    [
        ("Opposition leader Jane Holm", "person", "Jane Holm"),
        ("Board member Tomas Ek", "person", "Tomas Ek"),
        ("the opposition Greens", "organization", "Opposition Greens"),
    ],
)
def test_a_title_after_an_organisation_noun_makes_a_person(phrase, kind, name):
    mention = parse_mention(phrase)
    assert (mention.kind, mention.name) == (kind, name)
