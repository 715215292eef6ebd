"""Norwegian alphabetical order (… X Y Z Æ Ø Å) on PostgreSQL and SQLite alike.

PostgreSQL sorts with its ICU collation `nb-NO-x-icu`. SQLite has no ICU, so every new
SQLite connection gets a collation of the same name, implemented by `sort_key`
(`CommonConfig.ready` connects `register_sqlite_collation`). One expression therefore sorts
the same on both databases:

    Organisation.objects.order_by(norwegian("name"))
    class Meta: ordering = [norwegian("name")]

`sort_key` follows the Norwegian tailoring of the Unicode collation algorithm that ICU uses:
case is a tie-breaker only (lower case first), accents are ignored at first (é like e),
ü sorts as y, ä as æ, ö as ø, and the double letter "aa" as å ("Aas" beside "Ås", as in the
telephone directory), punctuation before digits before letters.
"""

import gc
import unicodedata
from functools import lru_cache

from django.db.models.functions import Collate

COLLATION = "nb-NO-x-icu"

# Letters that the Norwegian tailoring sorts as another letter: (base, secondary rank).
_TAILORED = {
    "æ": ("æ", 0),
    "ä": ("æ", 1),
    "ø": ("ø", 0),
    "ö": ("ø", 1),
    "ő": ("ø", 2),
    "å": ("å", 0),
    "ü": ("y", 1),
    "ű": ("y", 2),
    "đ": ("d", 1),
    "ð": ("d", 2),
    "þ": ("th", 1),
}
_AFTER_Z = {"æ": 27, "ø": 28, "å": 29}
# "aa" is a variant of "å", after "å" and "Å" (CLDR: å <<< Å <<< aa <<< Aa <<< AA).
_DOUBLE_A = {"aa": 2, "Aa": 3, "AA": 4}
# Punctuation and symbols in the order of the Unicode collation algorithm; others after them.
_PUNCTUATION = {c: n for n, c in enumerate("_-–—,;:!?.·'’\"«»()[]{}§¶@*/\\&#%`^+<=>|~¤$£€")}

SortKey = tuple[tuple[tuple[int, int], ...], tuple[int, ...], tuple[int, ...], str]


def norwegian(field: str) -> Collate:
    """`field` in Norwegian alphabetical order, for `order_by()` and `Meta.ordering`."""
    return Collate(field, COLLATION)


def _primary(letter: str) -> tuple[int, int]:
    if letter in _AFTER_Z:
        return (3, _AFTER_Z[letter])
    if "a" <= letter <= "z":
        return (3, ord(letter) - ord("a") + 1)
    if letter.isspace():
        return (0, ord(letter))
    if letter.isdigit():
        return (2, ord(letter))
    if letter.isalpha():
        return (4, ord(letter))
    return (1, _PUNCTUATION.get(letter, len(_PUNCTUATION) + ord(letter)))


@lru_cache(maxsize=8192)
def sort_key(text: str) -> SortKey:
    """A key that orders strings as ICU's `nb-NO` collation does (near enough to agree on
    names: letters, accents, case, spaces, punctuation and digits)."""
    text = unicodedata.normalize("NFC", text)
    primary: list[tuple[int, int]] = []
    secondary: list[int] = []
    tertiary: list[int] = []
    i = 0
    while i < len(text):
        pair = text[i : i + 2]
        if pair in _DOUBLE_A:
            primary.append(_primary("å"))
            secondary.append(0)
            tertiary.append(_DOUBLE_A[pair])
            i += 2
            continue
        char = text[i]
        i += 1
        folded = char.casefold()
        tertiary.append(0 if char == folded else 1)
        for letter in folded:
            if letter in _TAILORED:
                base, rank = _TAILORED[letter]
                primary.extend(_primary(b) for b in base)
                secondary.append(rank)
                continue
            decomposed = unicodedata.normalize("NFD", letter)
            marks = [c for c in decomposed if unicodedata.combining(c)]
            primary.extend(_primary(c) for c in decomposed if not unicodedata.combining(c))
            secondary.append(10 + ord(marks[0]) if marks else 0)
    return (tuple(primary), tuple(secondary), tuple(tertiary), text)


def compare(a: str, b: str) -> int:
    """The SQLite collation function: negative, zero or positive as `a` sorts before `b`.

    The garbage collector waits while it runs: SQLite calls it holding the database's lock,
    and a collection that closed another connection to the same shared-cache database (the
    tests' in-memory one) would wait for that lock for ever."""
    if not gc.isenabled():
        return _compare(a, b)
    gc.disable()
    try:
        return _compare(a, b)
    finally:
        gc.enable()


def _compare(a: str, b: str) -> int:
    key_a, key_b = sort_key(a), sort_key(b)
    return (key_a > key_b) - (key_a < key_b)


def register_sqlite_collation(sender, connection, **kwargs) -> None:
    """Give a new SQLite connection the collation PostgreSQL has built in."""
    if connection.vendor == "sqlite":
        connection.connection.create_collation(COLLATION, compare)
