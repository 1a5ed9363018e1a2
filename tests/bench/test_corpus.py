"""The synthetic benchmark corpus: exact offsets, counts, repeats, contradictions, prose an
extractor can read, and fresh articles that contradict it."""

import datetime
import inspect
import re

import pytest

from analysis import extract_claims
from bench import corpus as corpus_module
from bench.corpus import ArticleSpec, ContradictionSpec, corpus, fresh_article

# Names from the real seed articles: the generator must never produce them.
FORBIDDEN = ("Felgenhauer", "Yakovenko", "Kremenyuk", "Pikayev", "Ivashov", "Yakovlev",
             "Condoleezza", "Genoa", "Bush", "Putin", "Rice")
KINDS = {"direct_quote", "indirect", "narration"}
SPEAKER_KINDS = {"person", "organization", "country", "group"}


@pytest.fixture(scope="module")
def stream() -> list:
    return list(corpus(3000, seed=1))


@pytest.fixture(scope="module")
def articles(stream) -> list[ArticleSpec]:
    return [item for item in stream if isinstance(item, ArticleSpec)]


def test_every_quote_is_exactly_at_its_offsets(articles):
    for article in articles:
        for claim in article.claims:
            assert article.text[claim.start:claim.end] == claim.quote
            assert claim.quote.strip() == claim.quote and claim.quote


def test_appearances_reach_the_count_in_the_last_article(articles):
    counts = [len(article.claims) for article in articles]
    assert sum(counts) >= 3000
    assert sum(counts[:-1]) < 3000
    assert 9 <= sum(counts) / len(counts) <= 12


def test_claims_have_a_kind_and_a_speaker_named_in_the_text(articles):
    for article in articles:
        for claim in article.claims:
            assert claim.kind in KINDS
            if claim.kind == "narration":
                assert claim.speaker is None and claim.speaker_mention is None
            else:
                assert claim.speaker.kind in SPEAKER_KINDS
                assert claim.speaker_mention in article.text


def test_a_repeated_ref_keeps_its_words_and_speaker(articles):
    first: dict[int, tuple] = {}
    repeats = 0
    for article in articles:
        for claim in article.claims:
            if claim.ref in first:
                repeats += 1
                assert first[claim.ref] == (claim.text, claim.speaker)
            else:
                first[claim.ref] = (claim.text, claim.speaker)
    appearances = sum(len(article.claims) for article in articles)
    assert 0.05 < repeats / appearances < 0.15
    # The converse: the same words by the same speaker are always the same proposition.
    assert len(set(first.values())) == len(first)


def test_contradictions_come_after_the_article_that_completes_them(stream):
    yielded: set[int] = set()
    last_article: set[int] = set()
    contradictions = []
    for item in stream:
        if isinstance(item, ContradictionSpec):
            assert item.ref_a in yielded and item.ref_b in yielded
            assert item.ref_b in last_article
            assert item.ref_a not in last_article
            assert item.cue in {"negation", "antonym", "numeric"}
            contradictions.append(item)
        else:
            last_article = {claim.ref for claim in item.claims}
            yielded |= last_article
    assert 0.005 < len(contradictions) / len(yielded) < 0.04
    assert {c.cue for c in contradictions} == {"negation", "antonym", "numeric"}


def test_urls_are_unique(articles):
    urls = [article.url for article in articles]
    assert len(set(urls)) == len(urls)
    assert all(re.fullmatch(r"https://[a-z-]+\.example/\d{4}/\d\d/[a-z0-9-]+-\d+", u) for u in urls)


def test_the_same_seed_gives_the_same_corpus(stream):
    assert list(corpus(3000, seed=1)) == stream
    assert list(corpus(300, seed=2)) != list(corpus(300, seed=1))


def test_corpora_of_every_size_share_their_propositions_but_for_years():
    def beginning(n_claims: int) -> list[tuple]:
        found = []
        for item in corpus(n_claims, seed=0):
            if isinstance(item, ArticleSpec):
                found += [(c.ref, re.sub(r"\b(19|20)\d\d\b", "#", c.text), c.speaker, c.kind)
                          for c in item.claims]
            if len(found) >= 500:
                return found[:500]

    assert beginning(1000) == beginning(1_000_000)


def test_articles_are_about_two_thousand_characters(articles):
    average = sum(len(article.text) for article in articles) / len(articles)
    assert 1500 <= average <= 2600
    assert all("\n\n" in article.text for article in articles)


def test_dates_grow_with_the_articles(articles):
    dates = [article.published for article in articles]
    assert datetime.date(2000, 1, 1) <= min(dates)
    assert max(dates) <= datetime.date(2026, 11, 30)
    assert dates[-1] - dates[0] > datetime.timedelta(days=20 * 365)
    assert all(later - earlier > datetime.timedelta(days=-60)
               for earlier, later in zip(dates, dates[1:], strict=False))


def test_outlets_repeat_and_speakers_are_many():
    articles = [item for item in corpus(30_000, seed=3) if isinstance(item, ArticleSpec)]
    outlets = {article.outlet for article in articles}
    speakers = {claim.speaker for article in articles for claim in article.claims}
    assert 20 <= len(outlets) <= 40
    assert len(speakers) > 1000


def test_some_articles_are_all_lower_case(articles):
    lower = [article for article in articles if article.text == article.text.lower()]
    assert 1 <= len(lower) <= 0.1 * len(articles)
    for article in lower:
        for claim in article.claims:
            assert article.text[claim.start:claim.end] == claim.quote


def test_no_name_of_the_seed_articles_is_used(articles):
    source = inspect.getsource(corpus_module)
    for name in FORBIDDEN:
        assert not re.search(rf"\b{name}\b", source), name
    words = {w for article in articles for w in re.findall(r"[a-z]+", article.text.lower())}
    words |= {w for s in range(20) for w in re.findall(r"[a-z]+", fresh_article(s).lower())}
    assert not words & {name.lower() for name in FORBIDDEN}


def test_fresh_articles_have_the_length_asked_for_and_differ():
    texts = [fresh_article(seed) for seed in range(12)]
    assert all(1700 <= len(text) <= 2300 for text in texts)
    assert len(set(texts)) == len(texts)
    assert fresh_article(3) == texts[3]
    assert 4250 <= len(fresh_article(5, length=5000)) <= 5750
    assert re.match(r"[A-Z ]+, [A-Z][a-z]+ \d{1,2} \([A-Za-z ]+\) - ", texts[0])


def test_fresh_articles_are_new_but_contradict_the_corpus():
    """Some claims of a fresh article are near-copies of claims of the default corpus (a word
    or a number changed); few, if any, repeat one word for word."""
    known = {claim.text.lower().rstrip(".") for item in corpus(1000, seed=0)
             if isinstance(item, ArticleSpec) for claim in item.claims}
    known_words = [set(text.split()) for text in known]
    for seed in range(5):
        found = [c.text.lower().rstrip(".") for c in extract_claims(fresh_article(seed))]
        assert len(set(found) & known) <= 2
        close = [text for text in set(found) - known
                 if any(len(set(text.split()) & words) / len(set(text.split()) | words) > 0.7
                        for words in known_words)]
        assert close, seed


def test_the_extractor_finds_claims_in_a_fresh_article():
    assert len(extract_claims(fresh_article(7))) >= 4


def test_the_extractor_finds_the_generated_claims(articles):
    sample = articles[:20] + [a for a in articles if a.text == a.text.lower()][:3]
    generated = found = 0
    for article in sample:
        extracted = extract_claims(article.text)
        for claim in article.claims:
            generated += 1
            found += any(e.start < claim.end and claim.start < e.end for e in extracted)
    assert found >= 0.5 * generated
