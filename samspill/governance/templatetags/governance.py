from django import template

register = template.Library()


@register.filter
def letter(counter: int) -> str:
    """The letter of a case's sub-item: 1 → "a.", 2 → "b."."""
    return f"{chr(ord('a') + counter - 1)}." if 1 <= counter <= 26 else f"{counter}."
