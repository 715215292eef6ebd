import re
import unicodedata


def _letters(word: str) -> str:
    return "".join(ch for ch in word if ch.isalpha())


def suggest_initials(name: str, taken: set[str]) -> str:
    """Initials as minutes use them ("Kjell A. Wolff" → "KAW"), made unique against `taken`.

    On a clash, letters of the last name are added ("KW" → "KWA"), then a number.
    """
    words = [w for w in re.split(r"[\s\-]+", name.strip()) if _letters(w)]
    if not words:
        base = "X"
    else:
        base = "".join(_letters(w)[0] for w in words).upper()
    base = unicodedata.normalize("NFC", base)[:6]
    taken = {t.upper() for t in taken}
    if base not in taken:
        return base
    last = _letters(words[-1]).upper() if words else ""
    for extra in last[1:]:
        candidate = (base + extra)[:8]
        if candidate not in taken:
            return candidate
    number = 2
    while f"{base}{number}" in taken:
        number += 1
    return f"{base}{number}"
