import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from samspill.clusters.tests.factories import valid_organisation_number
from samspill.clusters.validators import (
    compact_organisation_number,
    organisation_number_check_digit,
    validate_organisation_number,
)


@pytest.mark.parametrize("number", ["974760673", "971035854", "991825827"])
def test_real_organisation_numbers_are_valid(number):
    validate_organisation_number(number)


@pytest.mark.parametrize(
    "number", ["974760674", "123456789", "97476067", "9747606733", "97476067A"]
)
def test_wrong_organisation_numbers_are_rejected(number):
    with pytest.raises(ValidationError):
        validate_organisation_number(number)


@given(st.integers(min_value=0, max_value=10**6))
def test_generated_numbers_pass_and_any_other_last_digit_fails(seed):
    number = valid_organisation_number(seed)
    validate_organisation_number(number)
    for digit in "0123456789":
        if digit != number[-1]:
            with pytest.raises(ValidationError):
                validate_organisation_number(number[:-1] + digit)


@given(st.text(max_size=20))
def test_validator_never_crashes_on_any_text(text):
    try:
        validate_organisation_number(text)
    except ValidationError:
        pass


@given(st.from_regex(r"\A\d{8}\Z"))
def test_check_digit_is_a_digit_or_none(first_eight):
    check = organisation_number_check_digit(first_eight)
    assert check is None or 0 <= check <= 9


@pytest.mark.parametrize(
    "written", ["974760673", "974 760 673", "NO 974 760 673 MVA", "NO974760673MVA", "974760673 mva"]
)
def test_numbers_as_people_write_them_are_compacted_to_nine_digits(written):
    assert compact_organisation_number(written) == "974760673"
    validate_organisation_number(compact_organisation_number(written))


@pytest.mark.parametrize(
    ("written", "code"),
    [("NO 974 760 674 MVA", "check_digit"), ("NO 97476067 MVA", "length"), ("ABC", "length")],
)
def test_a_wrong_number_in_the_vat_form_gets_the_same_messages(written, code):
    with pytest.raises(ValidationError) as error:
        validate_organisation_number(compact_organisation_number(written))
    assert error.value.code == code
