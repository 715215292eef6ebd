"""The minutes as text, for the versions kept when they are approved and corrected, and the
difference between two versions, line by line."""

import difflib
from dataclasses import dataclass

from . import documents
from .models import Meeting


def minutes_text(meeting: Meeting) -> str:
    """The minutes (*referat*) as plain text: attendance sentences and every case with its
    sub-items, discussion, decision and dissent, as the document shows them."""
    context = documents.minutes_context(meeting, kind="minutes", public=False)
    labels = context["labels"]
    lines = [context["title"], f"{context['date']} {context['time']} {context['place']}".strip()]
    for sentence in (context["substitutes"], context["chair"], context["quorum"]):
        if sentence:
            lines.append(sentence)
    for case in context["cases"]:
        lines += ["", case.heading]
        if case.presenter:
            lines.append(case.presenter)
        for item in case.items:
            lines += ["", item.heading, *_blocks(item.discussion)]
            if item.decision:
                lines += [labels["decision"], *_blocks(item.decision)]
        lines += _blocks(case.discussion)
        if case.decision:
            lines += [labels["decision"], *_blocks(case.decision)]
        if case.dissent:
            lines += [labels["dissent"], *_blocks(case.dissent)]
    return "\n".join(lines) + "\n"


def _blocks(blocks) -> list[str]:
    return [line for block in blocks for line in block.lines]


@dataclass(frozen=True)
class Line:
    kind: str  # "same", "added" or "removed"
    text: str


def difference(old: str, new: str) -> list[Line]:
    """What changed from `old` to `new`: the changed lines with two lines around each."""
    kinds = {" ": "same", "+": "added", "-": "removed"}
    lines = []
    for line in difflib.unified_diff(old.splitlines(), new.splitlines(), n=2, lineterm=""):
        if line.startswith(("---", "+++")):
            continue
        if line.startswith("@@"):
            lines.append(Line("gap", "…"))
            continue
        lines.append(Line(kinds[line[0]], line[1:]))
    return lines
