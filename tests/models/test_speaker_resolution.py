"""A name in a new article finds the speaker already known, and namesakes stay apart."""

import pytest

from analysis import SpeakerRef
from models.db import database
from models.speaker import resolve_speaker, same_person


@pytest.fixture
def db(app):
    with database.connection_context():
        with database.atomic():
            yield


def person(name, role=None, aliases=()):
    return SpeakerRef(name=name, kind="person", role=role, aliases=aliases)


def test_a_surname_alone_finds_the_one_person_of_that_name(db):
    known = resolve_speaker(person("Angela Marsh", role="Finance Minister"))
    assert resolve_speaker(person("Marsh")).id == known.id


def test_lower_case_names_find_the_same_speaker(db):
    known = resolve_speaker(person("Tomas Berg"))
    assert resolve_speaker(person("tomas berg")).id == known.id


def test_two_people_sharing_a_surname_are_not_merged(db):
    first = resolve_speaker(person("Laura Kent", role="Mayor"))
    second = resolve_speaker(person("David Kent", role="Police Chief"))
    assert first.id != second.id


def test_an_ambiguous_surname_is_settled_by_the_role_or_left_apart(db):
    mayor = resolve_speaker(person("Laura Kent", role="Mayor"))
    chief = resolve_speaker(person("David Kent", role="Police Chief"))
    assert resolve_speaker(person("Kent", role="Mayor")).id == mayor.id
    assert resolve_speaker(person("Kent")).id not in (mayor.id, chief.id)


def test_a_middle_initial_does_not_make_a_new_person_and_the_fuller_name_wins(db):
    known = resolve_speaker(person("Harold Finch"))
    fuller = resolve_speaker(person("Harold J. Finch"))
    assert fuller.id == known.id
    assert fuller.name == "Harold J. Finch"


def test_a_speaker_first_known_by_surname_takes_the_full_name_later(db):
    known = resolve_speaker(person("Okafor"))
    full = resolve_speaker(person("Chidi Okafor"))
    assert full.id == known.id and full.name == "Chidi Okafor"


def test_the_latest_role_is_kept(db):
    resolve_speaker(person("Rosa Lind", role="Deputy Governor"))
    assert resolve_speaker(person("Rosa Lind", role="Governor")).role == "Governor"


def test_countries_and_people_of_one_name_stay_apart(db):
    country = resolve_speaker(SpeakerRef(name="Jordan", kind="country"))
    someone = resolve_speaker(person("Jordan"))
    assert country.id != someone.id


@pytest.mark.parametrize("a, b, same", [
    ("George W. Bush", "George Bush", True),
    ("George W. Bush", "George H. W. Bush", False),
    ("J. Smith", "John Smith", False),
    ("Mary Ann Lee", "Mary A. Lee", True),
    ("Mary Lee", "Mark Lee", False),
    ("Martin Luther King Jr.", "Martin Luther King", True),
    ("Sen. Bernie Sanders", "Bernie Sanders", True),
])
def test_same_person_compares_first_middle_and_last_names(a, b, same):
    assert same_person(a, b) is same


def test_a_surname_after_a_suffixed_full_name_finds_its_speaker(db):
    king = resolve_speaker(person("Martin Luther King Jr."))
    assert resolve_speaker(person("King")).id == king.id
