from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_WEIGHTS = (3, 2, 7, 6, 5, 4, 3, 2)


def organisation_number_check_digit(first_eight: str) -> int | None:
    """The mod-11 check digit of a Norwegian organisation number, or None if none is valid."""
    remainder = sum(int(d) * w for d, w in zip(first_eight, _WEIGHTS, strict=True)) % 11
    check = (11 - remainder) % 11
    return None if check == 10 else check


def normalise_organisation_number(value: str) -> str:
    """People write "971 035 854" or "NO 971035854 MVA"; keep the nine digits."""
    return "".join(ch for ch in value if ch.isdigit())


def validate_organisation_number(value: str) -> None:
    digits = normalise_organisation_number(value)
    if len(digits) != 9 or digits != value.replace(" ", ""):
        raise ValidationError(
            _("An organisation number has exactly nine digits, for example 971 035 854."),
            code="length",
        )
    if organisation_number_check_digit(digits[:8]) != int(digits[8]):
        raise ValidationError(
            _(
                "%(value)s is not a valid organisation number: the check digit (the last "
                "digit) is wrong. Check for a typing error."
            ),
            code="check_digit",
            params={"value": value},
        )
