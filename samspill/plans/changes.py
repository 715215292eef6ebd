"""What changed from one version of a plan to the next, matched by the measures' keys.

The categories are those a steering group asks about when it rolls the plan: added, taken
up, completed, newly prioritised, no longer prioritised, reworded (with a word-level diff),
moved to another chapter, and dropped.
"""

import difflib
from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from .models import Measure, PlanVersion

Status = Measure.Status

KINDS = {
    "added": _("Added"),
    "taken_up": _("Taken up"),
    "completed": _("Completed"),
    "prioritised": _("Newly prioritised"),
    "unprioritised": _("No longer prioritised"),
    "reworded": _("Reworded"),
    "moved": _("Moved to another chapter"),
    "dropped": _("Dropped"),
}


@dataclass
class Change:
    kind: str
    measure: Measure  # as it is now (or, if dropped, as it was)
    before: Measure | None = None
    diff: SafeString | None = None

    @property
    def label(self) -> str:
        return str(KINDS[self.kind])


@dataclass
class Changes:
    version: PlanVersion
    previous: PlanVersion | None
    items: list[Change] = field(default_factory=list)

    def of_kind(self, kind: str) -> list[Change]:
        return [change for change in self.items if change.kind == kind]

    @property
    def groups(self) -> list[tuple[str, list[Change]]]:
        return [
            (str(label), found) for kind, label in KINDS.items() if (found := self.of_kind(kind))
        ]


def version_changes(version: PlanVersion) -> Changes:
    """Compare `version` with the version it was rolled from, in two queries."""
    previous = version.based_on
    result = Changes(version=version, previous=previous)
    if previous is None:
        return result
    now = {m.key: m for m in Measure.objects.filter(version=version).select_related("chapter")}
    before = {m.key: m for m in Measure.objects.filter(version=previous).select_related("chapter")}
    for key, measure in now.items():
        old = before.get(key)
        if old is None:
            result.items.append(Change("added", measure))
            continue
        result.items.extend(_compare(old, measure))
    for key, old in before.items():
        if key not in now:
            result.items.append(Change("dropped", old, before=old))
    return result


def _compare(old: Measure, new: Measure) -> list[Change]:
    found = []
    if old.status == Status.CANDIDATE and new.status != Status.CANDIDATE:
        found.append(Change("taken_up", new, old))
    if new.status == Status.COMPLETED and old.status != Status.COMPLETED:
        found.append(Change("completed", new, old))
    if new.status == Status.PRIORITISED and old.status != Status.PRIORITISED:
        found.append(Change("prioritised", new, old))
    if old.status == Status.PRIORITISED and new.status not in (
        Status.PRIORITISED,
        Status.COMPLETED,
    ):
        found.append(Change("unprioritised", new, old))
    if old.text.split() != new.text.split():
        found.append(Change("reworded", new, old, word_diff(old.text, new.text)))
    if old.chapter.key != new.chapter.key:
        found.append(Change("moved", new, old))
    return found


def word_diff(before: str, after: str) -> SafeString:
    """The two texts word by word, with <del> and <ins> around what changed (escaped)."""
    a, b = before.split(), after.split()
    parts: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            parts.append(escape(" ".join(a[i1:i2])))
            continue
        if i2 > i1:
            parts.append(f"<del>{escape(' '.join(a[i1:i2]))}</del>")
        if j2 > j1:
            parts.append(f"<ins>{escape(' '.join(b[j1:j2]))}</ins>")
    return mark_safe(" ".join(parts))  # noqa: S308 (every piece is escaped above)
