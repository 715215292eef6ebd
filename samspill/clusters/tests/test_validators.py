import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from samspill.clusters.tests.factories import valid_organisation_number
from samspill.clusters.validators import (
    normalise_organisation_number,
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


def test_normalise_keeps_only_digits():
    assert normalise_organisation_number("NO 974 760 673 MVA") == "974760673"
