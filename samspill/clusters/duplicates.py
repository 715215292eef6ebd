"""Finding organisations that are probably already registered under a slightly other name.

Comparing a name with every other name costs a second per row at a thousand organisations,
so names are compared with their neighbours in alphabetical order, read forwards and
backwards (the "sorted neighbourhood" method of record linkage): a typo late in a name keeps
it next to the original in the first order, a typo early in it in the second. Two
organisations with different organisation numbers are never taken for one, however alike
their names ("Bergen kommune", "Berg kommune").
"""

from bisect import bisect_left, insort
from difflib import SequenceMatcher
from typing import Any

SIMILAR = 0.88
WINDOW = 6


def simplify(name: str) -> str:
    return " ".join(name.casefold().replace(",", " ").replace(".", " ").split())


class DuplicateFinder:
    """Organisations (or rows about to become one) indexed by number and by name."""

    def __init__(self, organisations: Any = ()) -> None:
        self._by_number: dict[str, list[Any]] = {}
        self._forward: list[tuple[str, int]] = []
        self._backward: list[tuple[str, int]] = []
        self._items: list[Any] = []
        for organisation in organisations:
            self.add(organisation)

    def add(self, organisation: Any) -> None:
        """Index anything with `name`, `organisation_number` and `pk` (None for a file row)."""
        index = len(self._items)
        self._items.append(organisation)
        if organisation.organisation_number:
            self._by_number.setdefault(organisation.organisation_number, []).append(organisation)
        simple = simplify(organisation.name)
        if simple:
            insort(self._forward, (simple, index))
            insort(self._backward, (simple[::-1], index))

    def find(self, *, name: str, organisation_number: str, exclude_pk: int | None = None) -> list:
        found: dict[int, Any] = {}
        if organisation_number:
            for organisation in self._by_number.get(organisation_number, []):
                found[id(organisation)] = organisation
        wanted = simplify(name)
        if wanted:
            matcher = SequenceMatcher(None, "", wanted)
            for index in self._neighbours(wanted):
                organisation = self._items[index]
                if organisation_number and organisation.organisation_number:
                    continue  # two different registered numbers are two organisations
                matcher.set_seq1(simplify(organisation.name))
                if (
                    matcher.real_quick_ratio() >= SIMILAR
                    and matcher.quick_ratio() >= SIMILAR
                    and matcher.ratio() >= SIMILAR
                ):
                    found[id(organisation)] = organisation
        return [
            organisation
            for organisation in found.values()
            if exclude_pk is None or organisation.pk != exclude_pk
        ]

    def _neighbours(self, simple: str) -> list[int]:
        indexes = []
        for order, key in ((self._forward, simple), (self._backward, simple[::-1])):
            at = bisect_left(order, (key, -1))
            indexes += [index for _key, index in order[max(0, at - WINDOW) : at + WINDOW]]
        return sorted(set(indexes))
