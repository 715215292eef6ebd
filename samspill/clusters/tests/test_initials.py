from hypothesis import given
from hypothesis import strategies as st

from samspill.clusters.initials import suggest_initials


def test_initials_as_in_minutes():
    assert suggest_initials("Kjell A. Wolff", set()) == "KAW"
    assert suggest_initials("Gun Peggy Knudsen", set()) == "GPK"
    assert suggest_initials("Bård Mæland", set()) == "BM"


def test_clash_adds_letters_of_the_last_name():
    assert suggest_initials("Kristin Walter", {"KW"}) == "KWA"
    assert suggest_initials("Kristin Walter", {"KW", "KWA"}) == "KWL"


def test_clash_falls_back_to_a_number():
    assert suggest_initials("Ola Å", {"OÅ"}) == "OÅ2"


@given(st.text(max_size=40), st.sets(st.text(min_size=1, max_size=4), max_size=30))
def test_suggestion_is_never_taken_and_fits_the_field(name, taken):
    initials = suggest_initials(name, taken)
    assert initials.upper() not in {t.upper() for t in taken}
    assert 1 <= len(initials) <= 8
