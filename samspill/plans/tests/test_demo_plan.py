"""The demo plan is Polyfon's reference plan, complete and free of OCR residue (no database)."""

import re
from collections.abc import Iterator
from dataclasses import fields, is_dataclass

import pytest

from samspill.plans.demo_plan import (
    STRATEGY,
    SUMMARY_CLOSING,
    SUMMARY_TITLES,
    polyfon_2026,
)
from samspill.plans.outline import PlanOutline

NUMERALS = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]

# The numbered measures of each chapter's table and their start years ("1) … | 2015").
START_YEARS = [
    ("II", [2025, 2025, 2025, 2026, 2026]),
    ("III", [2018, 2019, 2022, 2022, 2025, 2026]),
    ("IV", [2017, 2017, 2017, 2025, 2025, 2026]),
    ("V", [2015, 2015, 2025, 2025, 2026]),
    ("VI", [2015, 2015, 2021, 2025]),
    ("VII", [2015, 2015, 2017, 2025]),
    ("VIII", [2018, 2021, 2023, 2025]),
    ("IX", [2015, 2025]),
]

# The unnumbered lines after the numbered measures: new candidates.
CANDIDATES = {"II": 0, "III": 5, "IV": 1, "V": 2, "VI": 2, "VII": 1, "VIII": 1, "IX": 3}

# The bullets of the summary page ("Sammendrag: Prioriterte tiltak i 2026") per chapter.
PRIORITISED = {"II": 3, "III": 1, "IV": 2, "V": 3, "VI": 1, "VII": 1, "VIII": 1, "IX": 1}

# Mangled letters the OCR left behind, as whole words, and fragments that only OCR makes.
OCR_WORDS = ["gst", "sgr", "veere", "fglger", "Malsetting", "stotte", "statte", "giennom"]
OCR_FRAGMENTS = [" pa ", " tienester", " | "]
BULLET_MARKS = ("e ", "o ", "¢ ")


@pytest.fixture(scope="module")
def plan() -> PlanOutline:
    return polyfon_2026()


def strings(value: object) -> Iterator[str]:
    """Every string in the outline, however deep."""
    if isinstance(value, str):
        yield value
    elif is_dataclass(value) and not isinstance(value, type):
        for f in fields(value):
            yield from strings(getattr(value, f.name))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings(key)
            yield from strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from strings(item)


def everything(plan: PlanOutline) -> list[str]:
    return [
        *strings(plan),
        *strings(STRATEGY),
        *strings(SUMMARY_TITLES),
        SUMMARY_CLOSING,
    ]


def test_ten_chapters_in_order(plan):
    assert plan.title == "Handlingsplan 2025-2030" and plan.year == 2026
    assert [c.numeral for c in plan.chapters] == NUMERALS
    assert list(SUMMARY_TITLES) == NUMERALS


def test_only_chapters_ii_to_ix_have_measures(plan):
    for chapter in plan.chapters:
        with_table = chapter.numeral not in ("I", "X")
        assert chapter.has_measures is with_table, chapter.numeral
        assert bool(chapter.measures) is with_table, chapter.numeral
        assert bool(chapter.why and chapter.where_2030 and chapter.prerequisites) is with_table


def test_numbered_measures_and_start_years(plan):
    numbered = [
        (c.numeral, [m.start_year for m in c.measures if m.status != "candidate"])
        for c in plan.chapters
        if c.has_measures
    ]
    assert numbered == START_YEARS


def test_numbered_measures_come_before_the_candidates(plan):
    for chapter in plan.chapters:
        statuses = [m.status == "candidate" for m in chapter.measures]
        assert statuses == sorted(statuses), chapter.numeral


def test_candidates_per_chapter(plan):
    for chapter in plan.chapters:
        candidates = [m for m in chapter.measures if m.status == "candidate"]
        assert len(candidates) == CANDIDATES.get(chapter.numeral, 0), chapter.numeral
        assert all(m.start_year is None for m in candidates)


def test_prioritised_measures_are_those_of_the_summary(plan):
    counts = {
        c.numeral: sum(m.status == "prioritised" for m in c.measures)
        for c in plan.chapters
        if c.has_measures
    }
    assert counts == PRIORITISED
    for chapter in plan.chapters:
        for measure in chapter.measures:
            assert measure.status in ("ongoing", "prioritised", "candidate")
            if measure.status != "candidate":
                assert measure.start_year is not None


def test_measure_texts_carry_no_numbering_or_year(plan):
    for chapter in plan.chapters:
        for measure in chapter.measures:
            assert not re.match(r"\d+\)", measure.text), measure.text
            # The start year column must not have been swept into the text.
            assert not measure.text.endswith(f" {measure.start_year}"), measure.text
            assert "|" not in measure.text, measure.text


def test_goal_codes_and_introductions(plan):
    codes = {c.numeral: c.goal_code for c in plan.chapters}
    assert codes == {
        "I": "",
        "II": "",
        "III": "",
        "IV": "Målsetting 1",
        "V": "Målsetting 2a",
        "VI": "Målsetting 2b",
        "VII": "Målsetting 3",
        "VIII": "Målsetting 4a",
        "IX": "Målsetting 4b",
        "X": "",
    }
    with_introduction = {c.numeral for c in plan.chapters if c.introduction}
    assert with_introduction == {"I", "II", "III", "VI", "VII", "X"}
    first = plan.chapters[0].introduction
    assert f"> {STRATEGY['main_objective']}" in first
    assert "Endringer i Polyfon" not in first
    assert STRATEGY["document_url"] in plan.chapters[1].introduction
    assert plan.chapters[6].introduction.startswith("### Polyfons rolle som medspiller")
    assert plan.chapters[9].introduction.count("### ") == 3


def test_context_changes(plan):
    lines = plan.context_changes.splitlines()
    assert lines[0] == "Endringer i Polyfon:"
    assert sum(line.startswith("- ") for line in lines) == 7
    assert lines[-1].startswith("Endringer i politisk kontekst")
    assert "Forklaringer" not in plan.context_changes


def test_no_ocr_residue(plan):
    words = re.compile(r"\b(" + "|".join(OCR_WORDS) + r")\b", re.IGNORECASE)
    for text in everything(plan):
        assert not words.search(text), text
        for fragment in OCR_FRAGMENTS:
            assert fragment not in text, (fragment, text)
        for line in text.splitlines():
            assert not line.startswith(BULLET_MARKS), line


def test_strings_are_stripped_and_not_empty(plan):
    # Only the goal code (none in I, II, III and X) and the introduction (the goal chapters IV,
    # V, VIII and IX go straight to "Hvorfor er dette viktig?") may be empty.
    optional = ("goal_code", "introduction")
    required = [plan.title, plan.summary_introduction, plan.context_changes, SUMMARY_CLOSING]
    required += [*strings(STRATEGY), *strings(SUMMARY_TITLES)]
    for chapter in plan.chapters:
        required += [chapter.numeral, chapter.title]
        required += [*chapter.why, *chapter.where_2030, *chapter.prerequisites]
        required += [m.text for m in chapter.measures]
        for name in optional:
            value = getattr(chapter, name)
            assert value == value.strip(), (chapter.numeral, name)
    assert all(required)
    for text in required:
        assert text == text.strip() and "  " not in text, text
