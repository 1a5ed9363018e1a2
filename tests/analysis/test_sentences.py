"""Paragraphs, sentences and quotations keep exact offsets, whatever the line wrapping."""

import pytest

from analysis.casing import is_caseless
from analysis.quotes import find_quotes
from analysis.sentences import split_paragraphs, split_sentences


def sentences_of(text):
    paragraphs = split_paragraphs(text, is_caseless(text))
    per_paragraph = split_sentences(text, paragraphs, is_caseless(text))
    return [[text[s.start : s.end] for s in para] for para in per_paragraph]


def test_blank_lines_separate_paragraphs():
    text = "The dam opened in May. It cost a lot.\n\nFarmers were pleased with it."
    assert sentences_of(text) == [
        ["The dam opened in May.", "It cost a lot."],
        ["Farmers were pleased with it."],
    ]


def test_hard_wrapped_lines_stay_one_paragraph():
    text = (
        "The harbour authority said on Tuesday that the new crane would double the\n"
        "   number of containers it can load, and that work on the second berth would\n"
        "   start next spring. Dock workers welcomed the plan."
    )
    result = sentences_of(text)
    assert len(result) == 1
    assert result[0][1] == "Dock workers welcomed the plan."


@pytest.mark.parametrize(
    "text, expected",
    [
        ("the mayor said the bridge was safe. engineers disagreed with her.", 2),
        ("she met george w. bush in the city. he left early.", 2),
        ('the minister wrote: "we will not wait." critics laughed at that.', 2),
    ],
)
def test_lower_case_text_is_split_into_sentences(text, expected):
    assert len(sentences_of(text)[0]) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The port is ready to expand CTX.Officials said so.",
        '"We are ready," she told staff today."We will win."',
    ],
)
def test_sentences_glued_without_a_space_are_split(text):
    assert len(sentences_of(text)[0]) == 2


def test_a_dateline_line_starts_a_new_paragraph():
    text = "Harbour News - Port plans cranes - May 3\nHAMBURG (Nordic Wire) - The port buys cranes."
    assert len(sentences_of(text)) == 2


def test_furniture_lines_are_their_own_paragraphs():
    text = "The budget passed.\nREAD MORE\nA second vote is due in June."
    assert sentences_of(text) == [
        ["The budget passed."],
        ["READ MORE"],
        ["A second vote is due in June."],
    ]


@pytest.mark.parametrize("text", ["", "   ", "\n\n\n", "x", '"""', "…", "\u2028\u2029"])
def test_odd_input_gives_spans_inside_the_text(text):
    paragraphs = split_paragraphs(text)
    for para in split_sentences(text, paragraphs):
        for span in para:
            assert 0 <= span.start < span.end <= len(text)


def test_typewriter_quotation_marks_quote_and_start_sentences():
    text = "''The bridge is safe,'' he said. ''I think so.'' ``Yes,'' she said."
    quoted = [text[q.start : q.end] for q in find_quotes(text, 0, len(text))]
    assert quoted == ["The bridge is safe,", "I think so.", "Yes,"]
    assert sentences_of(text) == [["''The bridge is safe,'' he said.", "''I think so.''",
                              "``Yes,'' she said."]]
