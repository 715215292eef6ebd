"""The registry's template filters: `{% load clusters %}`."""

from django import template
from stdnum.no import orgnr

register = template.Library()


@register.filter
def scale(value: int, maximum: int) -> float:
    """Bubble radius for the balance picture: area proportional to the count."""
    if not value:
        return 0
    return round(6 + 22 * (value / max(maximum, 1)) ** 0.5, 1)


@register.filter
def organisation_number(value: str) -> str:
    """A Norwegian organisation number as it is printed: 917 641 404."""
    digits = str(value or "")
    if len(digits) != 9 or not digits.isdigit():
        return digits
    return orgnr.format(digits)
