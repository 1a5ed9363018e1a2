"""The one spaCy pipeline: exact offsets through folded whitespace, one parse per text, the model
chosen by setting."""

import pytest

from analysis import nlp
from analysis.casing import truecase
from analysis.document import read_document


def test_tokens_keep_their_offsets_in_hard_wrapped_copy():
    text = "moscow says the\n   treaty   is\n   indispensable.\n\nSecond  paragraph here."
    document = read_document(text)
    for paragraph in document.paragraphs:
        for token in paragraph.doc:
            start, end = paragraph.span(token)
            assert text[start:end] == token.text


@pytest.mark.parametrize("text, words", [
    ("paranoia,”Clinton said", ["paranoia", ",", "”", "Clinton", "said"]),
    ("he said,“We will", ["he", "said", ",", "“", "We", "will"]),
    ('paranoia,"Clinton said', ["paranoia", ",", '"', "Clinton", "said"]),
    ("the “fireable offense”in Ohio", ["the", "“", "fireable", "offense", "”", "in", "Ohio"]),
    ("U.S.-based, e.g. this", ["U.S.-based", ",", "e.g.", "this"]),
])
def test_a_quotation_mark_without_a_space_beside_it_is_a_token(text, words):
    assert [token.text for token in nlp.pipeline().tokenizer(text)] == words


def test_a_quotation_mark_without_a_space_after_it_still_ends_the_quotation():
    from analysis.claims import extract_claims

    (claim,) = extract_claims("“The harbour is too small for the ships,”Maes said on Monday.")
    assert (claim.kind, claim.speaker.name) == ("direct_quote", "Maes")


def test_the_same_text_is_parsed_once():
    text = "The minister said that fares will not rise this year."
    assert read_document(text).paragraphs is read_document(text).paragraphs


def test_the_model_is_loaded_once_per_process():
    assert nlp.pipeline() is nlp.pipeline()


def test_the_model_is_a_setting():
    try:
        nlp.use_model("no_such_spacy_model")
        assert nlp.model_name() == "no_such_spacy_model"
        with pytest.raises(OSError):
            nlp.pipeline()
    finally:
        nlp.use_model(None)
    assert nlp.model_name() in nlp.MODELS


def test_truecasing_changes_case_only():
    text = "moscow, june 5 -- the u.s. plan would fail, he said. russia agreed."
    cased = truecase(text)
    assert cased.casefold() == text.casefold()
    assert cased.startswith("Moscow") and "Russia agreed" in cased and "U.S. plan" in cased


def test_truecasing_copy_in_capitals_keeps_every_offset():
    # Letters whose other case is longer ("İ" lower, "ß" upper) stay as they are.
    for text in ("MOSCOW -- THE U.S. PLAN WOULD FAIL, HE SAID. RUSSIA AGREED.",
                 "THE İMAM SPOKE. ẞTRASSE. ẞA"):
        cased = truecase(text)
        assert len(cased) == len(text) and cased.casefold() == text.casefold()
    assert truecase("RUSSIA AGREED. THE PLAN FAILED.") == "Russia agreed. The plan failed."
