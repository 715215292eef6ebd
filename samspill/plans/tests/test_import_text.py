"""Importing the reference plan from its OCR text, and the letter repair (no database)."""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from samspill.plans.demo_plan import polyfon_2026
from samspill.plans.imports import (
    ParsedPlan,
    Repair,
    apply_repairs,
    parse_plan_text,
    propose_repairs,
)
from samspill.plans.imports.lines import fold

# The reference plan as OCR gave it (../shared/reference/000_a35a21b113d56bc2.txt).
REFERENCE = Path(__file__).parent / "data" / "polyfon-handlingsplan-2026-ocr.txt"

# Numeral, goal code (folded: with or without the repaired "å") and the title's start.
CHAPTERS = [
    ("I", "", "Innledning"),
    ("II", "", "Realisering av en nasjonal funksjon"),
    ("III", "", "Bruker- og p"),
    ("IV", "malsetting 1", "Kunnskap om MT og musikk som helseressurs er lett tilgjengelig"),
    ("V", "malsetting 2a", "MT er integrert i t"),
    ("VI", "malsetting 2b", "Musikk er tatt systematisk i bruk som folkehelseressurs"),
    ("VII", "malsetting 3", "Forsking om MT / helserelaterte musikkpraksiser er praksisn"),
    ("VIII", "malsetting 4a", "Utdanningene i MT er relevante, av h"),
    ("IX", "malsetting 4b", "Emner / kurs om MT / musikk og helse er integrerte i aktuelle"),
    ("X", "", "Rullering: evaluering, prioritering, samordning og arbeidsfordeling"),
]

# The numbered measures of each chapter's table and their start years.
START_YEARS = {
    "II": [2025, 2025, 2025, 2026, 2026],
    "III": [2018, 2019, 2022, 2022, 2025, 2026],
    "IV": [2017, 2017, 2017, 2025, 2025, 2026],
    "V": [2015, 2015, 2025, 2025, 2026],
    "VI": [2015, 2015, 2021, 2025],
    "VII": [2015, 2015, 2017, 2025],
    "VIII": [2018, 2021, 2023, 2025],
    "IX": [2015, 2025],
}
CANDIDATES = {"II": 0, "III": 5, "IV": 1, "V": 2, "VI": 2, "VII": 1, "VIII": 1, "IX": 3}
PRIORITISED = {"II": 3, "III": 1, "IV": 2, "V": 3, "VI": 1, "VII": 1, "VIII": 1, "IX": 1}
POINTS = {  # why, where, prerequisites
    "II": (3, 2, 5),
    "III": (4, 4, 8),
    "IV": (3, 5, 6),
    "V": (3, 8, 5),
    "VI": (3, 5, 5),
    "VII": (2, 5, 5),
    "VIII": (3, 6, 3),
    "IX": (3, 3, 2),
}


@pytest.fixture(scope="module")
def text() -> str:
    return REFERENCE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def parsed(text: str) -> ParsedPlan:
    return parse_plan_text(text)


@pytest.fixture(scope="module")
def repaired(text: str) -> ParsedPlan:
    return parse_plan_text(apply_repairs(text, propose_repairs(text)))


def chapter(parsed: ParsedPlan, numeral: str):
    return next(c for c in parsed.outline.chapters if c.numeral == numeral)


def structure(parsed: ParsedPlan) -> list[tuple]:
    """What must not change when the letters are repaired."""
    return [
        (
            c.numeral,
            fold(c.goal_code),
            c.has_measures,
            len(c.why),
            len(c.where_2030),
            len(c.prerequisites),
            [(m.start_year, m.status) for m in c.measures],
        )
        for c in parsed.outline.chapters
    ]


def test_ten_chapters_with_titles_and_goal_codes(parsed):
    chapters = parsed.outline.chapters
    assert [c.numeral for c in chapters] == [numeral for numeral, _, _ in CHAPTERS]
    for found, (numeral, goal, title) in zip(chapters, CHAPTERS, strict=True):
        assert fold(found.goal_code) == goal, numeral
        assert found.title.startswith(title), (numeral, found.title)
    assert [c.numeral for c in chapters if not c.has_measures] == ["I", "X"]
    assert chapter(parsed, "VI").title == "Musikk er tatt systematisk i bruk som folkehelseressurs"


def test_title_and_year(parsed):
    assert parsed.outline.year == 2026
    assert parsed.outline.title == ""  # the reference has no title line of its own


@pytest.mark.parametrize("numeral", START_YEARS)
def test_numbered_measures_and_start_years(parsed, numeral):
    measures = chapter(parsed, numeral).measures
    numbered = [m.start_year for m in measures if m.status != "candidate"]
    assert numbered == START_YEARS[numeral]


@pytest.mark.parametrize("numeral", CANDIDATES)
def test_candidates(parsed, numeral):
    candidates = [m for m in chapter(parsed, numeral).measures if m.status == "candidate"]
    assert len(candidates) == CANDIDATES[numeral]
    assert all(m.start_year is None for m in candidates)


def test_measure_texts_are_joined(parsed):
    ii = chapter(parsed, "II").measures
    assert ii[0].text.endswith("der det legges vekt pa rekruttering etter knutepunktmodellen")
    vii = chapter(parsed, "VII").measures
    assert vii[0].text.endswith("studenter og ph.d.-kandidater")
    assert "a) behovet for arbeidsgrupper vurderes, b) arbeidsseminar" in vii[3].text
    assert vii[3].start_year == 2025  # the year on a line of its own
    assert vii[4].text.endswith("(inkludert toppforsking)")
    vi = chapter(parsed, "VI").measures
    assert vi[3].text.endswith("seminar i 2026") and vi[3].start_year == 2025


def test_summary_marks_prioritised_measures(parsed):
    for numeral, count in PRIORITISED.items():
        measures = chapter(parsed, numeral).measures
        assert sum(m.status == "prioritised" for m in measures) == count, numeral
    statuses = [m.status for m in chapter(parsed, "II").measures]
    assert [i for i, s in enumerate(statuses, start=1) if s == "prioritised"] == [3, 4, 5]
    assert not [w for w in parsed.warnings if "summary" in w.lower()]


def test_summary_introduction_short_titles_and_note(parsed):
    outline = parsed.outline
    assert outline.summary_introduction.startswith("Denne handlingsplanen konkretiserer")
    assert outline.summary_introduction.endswith("kapitler som fglger.")
    assert chapter(parsed, "II").short_title == "Nasjonal funksjon"
    assert chapter(parsed, "X").summary_note.startswith("Det legges opp til arlig rullering")


@pytest.mark.parametrize("numeral", POINTS)
def test_point_lists(parsed, numeral):
    found = chapter(parsed, numeral)
    counts = (len(found.why), len(found.where_2030), len(found.prerequisites))
    assert counts == POINTS[numeral]
    for point in [*found.why, *found.where_2030, *found.prerequisites]:
        assert not point.startswith(("e ", "o ", "¢ ")), point


def test_hyphenated_words_are_joined(parsed):
    iii = chapter(parsed, "III").measures
    assert "i alt informasjonsarbeid, i aktuelle praksiser" in iii[8].text
    why = chapter(parsed, "III").why
    assert why[3].endswith("samskapings- og samproduksjonsperspektiv")


def test_introductions_and_context(parsed):
    outline = parsed.outline
    first = chapter(parsed, "I")
    assert first.introduction.startswith("Polyfons Handlingsplan 2025-2030 bygger")
    assert "Forklaringer" not in first.introduction and "Tabellene" not in first.introduction
    assert outline.context_changes.startswith("Endringer i Polyfon:\n\n- Ennyklyngeavtale")
    assert sum(line.startswith("- ") for line in outline.context_changes.split("\n")) == 7
    assert "Forklaringer" not in outline.context_changes
    assert not any("Forklaringer" in w for w in parsed.warnings)
    x = chapter(parsed, "X").introduction
    assert "### Kontinuerlig evaluering" in x and "\n- Tydelig prioritering:" in x
    vii = chapter(parsed, "VII").introduction
    assert vii.startswith("### Polyfons rolle som medspiller i utvikling av forsking")
    assert vii.count("\n- ") == 5


def test_repairs_propose_letters(text):
    repairs = propose_repairs(text)
    pairs = {(r.before, r.after) for r in repairs}
    assert ("gst", "Øst") in pairs
    assert ("pa", "på") in pairs
    assert ("veere", "være") in pairs
    assert ("Malsetting", "Målsetting") in pairs
    assert len({r.key for r in repairs}) == len(repairs)
    lines = text.split("\n")
    for r in repairs:
        assert lines[r.line][r.start : r.end] == r.before


def test_repairs_leave_right_words_alone():
    text = "Han bor i Bergen, og far er hjemme. Vi skal bade og sole oss. Se a) og b)."
    assert propose_repairs(text) == []
    english = "This is a plan for a cluster, and the far end of the bar."
    assert propose_repairs(english) == []


def test_repairs_leave_the_hand_repaired_plan_alone():
    """The demo plan is the reference with its letters repaired by hand: nothing to propose."""
    plan = polyfon_2026()
    texts = [plan.summary_introduction, plan.context_changes]
    for c in plan.chapters:
        texts += [c.title, c.goal_code, c.introduction, *c.why, *c.where_2030, *c.prerequisites]
        texts += [m.text for m in c.measures]
    assert propose_repairs("\n".join(texts)) == []


def test_repairs_in_context():
    text = "Hvor bor klynga veere i 2030?\nForutsetninger for a lykkes\nregionene Jst, Sgr og Vest"
    after = apply_repairs(text, propose_repairs(text))
    assert (
        after
        == "Hvor bør klynga være i 2030?\nForutsetninger for å lykkes\nregionene Øst, Sør og Vest"
    )


def test_apply_skips_stale_and_overlapping_repairs():
    text = "pa veien"
    good = Repair(0, 0, 2, "pa", "på")
    overlapping = Repair(0, 1, 5, "a ve", "x")
    stale = Repair(0, 3, 8, "other", "y")
    outside = Repair(4, 0, 1, "p", "q")
    assert apply_repairs(text, [good, overlapping, stale, outside]) == "på veien"
    assert good.key == "0:0"


def test_repaired_text_keeps_the_structure(parsed, repaired):
    assert structure(repaired) == structure(parsed)
    assert "regionene Øst, Sør og Vest" in chapter(repaired, "II").introduction
    assert chapter(repaired, "IV").goal_code == "Målsetting 1"
    assert repaired.outline.summary_introduction.startswith(
        "Denne handlingsplanen konkretiserer arbeidet med å realisere"
    )
    assert " I dette sammendraget" in repaired.outline.summary_introduction


NYNORSK_AND_ENGLISH = """Handlingsplan 2025-2030 – rullert for 2026

I) Innleiing
Planen byggjer på strategien.

II) Målsetjing 1: Kunnskap er lett tilgjengeleg
Kvifor er dette viktig?
- Kunnskap trengst
- Samfunnet treng det
Kvar bør klynga vere i 2030?
• Synleg i media
Aktuelle tiltak
Tiltak
Startar
1) Formidling på nettsida | 2017
2) Nytt forum 2025
Nytt tiltak utan år
Føresetnader for å lukkast
- Nok ressursar

III) Working together
Why does this matter?
- Because
Where should the cluster be in 2030?
- Visible
Current measures
Measure Start
1) Do things 2024
2) Something old | 1850
Try new things
Prerequisites for success
- Money
"""


def test_nynorsk_and_english_headings():
    parsed = parse_plan_text(NYNORSK_AND_ENGLISH)
    outline = parsed.outline
    assert (outline.title, outline.year) == ("Handlingsplan 2025-2030", 2026)
    first, second, third = outline.chapters
    assert (first.title, first.has_measures) == ("Innleiing", False)
    assert (second.goal_code, second.title) == ("Målsetjing 1", "Kunnskap er lett tilgjengeleg")
    assert second.why == ["Kunnskap trengst", "Samfunnet treng det"]
    assert second.where_2030 == ["Synleg i media"]
    assert second.prerequisites == ["Nok ressursar"]
    assert [(m.text, m.start_year, m.status) for m in second.measures] == [
        ("Formidling på nettsida", 2017, "ongoing"),
        ("Nytt forum", 2025, "ongoing"),
        ("Nytt tiltak utan år", None, "candidate"),
    ]
    assert (third.why, third.where_2030, third.prerequisites) == (
        ["Because"],
        ["Visible"],
        ["Money"],
    )
    assert [(m.start_year, m.status) for m in third.measures] == [
        (2024, "ongoing"),
        (None, "ongoing"),
        (None, "candidate"),
    ]
    assert any("1850" in warning for warning in parsed.warnings)


def test_nothing_found():
    for text in ["", "   \n\n", "\x00\x01\ufeff", "Bare litt tekst."]:
        parsed = parse_plan_text(text)
        assert parsed.outline.chapters == []
        assert parsed.warnings


@settings(max_examples=150, deadline=None)
@given(st.text())
def test_parse_never_raises(text):
    parsed = parse_plan_text(text)
    assert isinstance(parsed, ParsedPlan)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.text(),
            st.sampled_from(
                [
                    "IV) Malsetting 1: Kunnskap",
                    "Aktuelle tiltak",
                    "1) Tiltak | 2025",
                    "2025",
                    "e ",
                    "Hvorfor er dette viktig?",
                    "1) Innledning",
                    "Sammendrag: Prioriterte tiltak i 2026",
                    "| ",
                    "-",
                ]
            ),
        ),
        max_size=30,
    )
)
def test_parse_never_raises_on_plan_like_lines(lines):
    parse_plan_text("\n".join(lines))


@settings(max_examples=150, deadline=None)
@given(st.text())
def test_repair_never_raises(text):
    repairs = propose_repairs(text)
    repaired = apply_repairs(text, repairs)
    assert isinstance(repaired, str)
    assert apply_repairs(text, []) == text
