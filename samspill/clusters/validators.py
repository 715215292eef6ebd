"""Norwegian organisation numbers, checked with python-stdnum (`stdnum.no.orgnr`)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from stdnum import exceptions as stdnum_errors
from stdnum.no import mva, orgnr
from stdnum.util import isdigits


def compact_organisation_number(value: str) -> str:
    """People write "971 035 854", or the VAT form "NO 971035854 MVA"; keep the nine digits.

    Anything else comes back without its spaces, for the validator to explain.
    """
    vat = mva.compact(value)  # without spaces and without a leading "NO", in capitals
    if vat.endswith("MVA") and isdigits(vat[:-3]):
        return vat[:-3]
    return orgnr.compact(value)


def format_organisation_number(value: str | None) -> str:
    """A Norwegian organisation number as it is printed: 917 641 404 (other text as it is)."""
    digits = str(value or "")
    if len(digits) != 9 or not digits.isdigit():
        return digits
    return f"{digits[:3]} {digits[3:6]} {digits[6:]}"  # what stdnum's orgnr.format gives


def organisation_number_check_digit(first_eight: str) -> int | None:
    """The check digit that makes `first_eight` a valid organisation number, or None when no
    digit does (mod 11 leaves 10). For making up valid numbers: demo data, tests, bench."""
    return next((d for d in range(10) if orgnr.is_valid(f"{first_eight}{d}")), None)


def validate_organisation_number(value: str) -> None:
    """Nine digits with a valid mod-11 check digit (spaces between them are allowed)."""
    try:
        orgnr.validate(value)
    except stdnum_errors.InvalidChecksum:
        raise ValidationError(
            _(
                "%(value)s is not a valid organisation number: the check digit (the last "
                "digit) is wrong. Check for a typing error."
            ),
            code="check_digit",
            params={"value": value},
        ) from None
    except stdnum_errors.ValidationError:  # wrong length, or not only digits
        raise ValidationError(
            _("An organisation number has exactly nine digits, for example 971 035 854."),
            code="length",
        ) from None
