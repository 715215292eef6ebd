"""Running text of a chapter as the outline wants it: point lists and Markdown.

OCR keeps no structure but line breaks, blank lines and bullet marks. A point starts at a
bullet mark, after a blank line, or (in lists without marks) at a line starting with a
capitalised word; everything else continues the line before. Introductions become Markdown
paragraphs, "- " lists and "### " sub-headings (short lines standing alone).
"""

import re
from dataclasses import dataclass, field

from .lines import TERMINAL, bullet_rest, ends_open, join_lines, starts_capitalised, starts_lower

# Words that continue a sentence rather than start a point in a list of verb phrases.
CONTINUING = {
    "og",
    "eller",
    "men",
    "det",
    "den",
    "de",
    "der",
    "som",
    "at",
    "i",
    "på",
    "pa",
    "til",
    "av",
    "for",
    "med",
    "en",
    "et",
    "ei",
    "slik",
    "samt",
    "så",
    "sa",
    "om",
    "ved",
    "fra",
    "mellom",
    "etter",
    "innen",
    "uten",
    "når",
    "nar",
    "enn",
    "ikke",
    "også",
    "ogsa",
    "blir",
    "er",
    "kan",
    "vil",
    "skal",
    "and",
    "or",
    "the",
    "of",
    "to",
    "in",
}
LONE_I = re.compile(r"(?:^|\s)[|I]$")


@dataclass
class Item:
    """A point or paragraph as found: its lines, and whether it had a bullet mark."""

    lines: list[str] = field(default_factory=list)
    marked: bool = False
    kind: str = "p"  # "p" paragraph, "li" list item, "h" sub-heading (Markdown only)


def items(lines: list[str]) -> list[Item]:
    """The points of a list, with or without bullet marks."""
    found: list[Item] = []
    current: Item | None = None
    after_blank = True
    for line in lines:
        if not line:
            current, after_blank = None, True
            continue
        rest = bullet_rest(line)
        if rest is not None:
            current = Item([rest] if rest else [], marked=True)
            found.append(current)
        elif current is not None and not after_blank and _continues(current, line):
            current.lines.append(line)
        elif after_blank and _page_break(found, line):
            current = found[-1]
            current.lines.append(line)
        else:
            current = Item([line])
            found.append(current)
        after_blank = False
    return [item for item in found if item.lines]


def _continues(item: Item, line: str) -> bool:
    """Without a blank line between: a marked point goes on; an unmarked one ends where a
    new sentence starts ("… prioriteringer" / "Utfordringsbildet …")."""
    if item.marked or not item.lines:
        return True
    previous = item.lines[-1]
    if previous.endswith(".") and line[:1].isupper():
        return False  # "… utviklingssentre (USHT), osv." / "MT er også …"
    return not starts_capitalised(line) or ends_open(previous)


def _page_break(found: list[Item], line: str) -> bool:
    """A marked point interrupted by a blank line (a page break) goes on in lower case."""
    if not found or not found[-1].marked or not found[-1].lines:
        return False
    return starts_lower(line) and not found[-1].lines[-1].endswith(TERMINAL)


def points(lines: list[str], vocab: set[str]) -> list[str]:
    """One string per point, wrapped lines joined."""
    return [text for item in items(lines) if (text := join_lines(item.lines, vocab))]


def split_points(lines: list[str], vocab: set[str]) -> tuple[list[str], str]:
    """The points, and a sub-section standing among them as Markdown for the introduction.

    Chapter VII of the reference has, inside "Hvorfor er dette viktig?", the sub-heading
    "Polyfons rolle som medspiller i utvikling av forsking", a paragraph ending in ":" and a
    list of verb phrases: that is running text, not points, and goes to the introduction.
    """
    cut = _subsection(lines)
    if cut is None:
        return points(lines, vocab), ""
    heading, lead_end = cut
    lead = [line for line in lines[heading + 1 : lead_end + 1] if line]
    markdown = [f"### {lines[heading]}", join_lines(lead, vocab)]
    listed = [f"- {text}" for text in _verb_list(lines[lead_end + 1 :], vocab)]
    if listed:
        markdown.append("\n".join(listed))
    return points(lines[:heading], vocab), "\n\n".join(markdown)


def _paragraphs(lines: list[str]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = None
    for i, line in enumerate([*lines, ""]):
        if line and start is None:
            start = i
        elif not line and start is not None:
            spans.append((start, i - 1))
            start = None
    return spans


def _subsection(lines: list[str]) -> tuple[int, int] | None:
    spans = _paragraphs(lines)
    for (h_start, h_end), (_, p_end) in zip(spans, spans[1:], strict=False):
        if h_start == h_end and lines[p_end].endswith(":") and is_subheading(lines[h_start]):
            return h_start, p_end
    return None


def _verb_list(lines: list[str], vocab: set[str]) -> list[str]:
    """ "stimulere til …" / "finansiere …" / "og også bidra …": items start with a verb."""
    found: list[list[str]] = []
    after_blank = True
    for line in lines:
        if not line:
            after_blank = True
            continue
        rest = bullet_rest(line)
        first = line.split()[0].lower()
        new = rest is not None or after_blank or not found or first not in CONTINUING
        if found and not after_blank and ends_open(found[-1][-1]):
            new = rest is not None
        if new:
            found.append([rest if rest is not None else line])
        else:
            found[-1].append(line)
        after_blank = False
    return [text for group in found if (text := join_lines(group, vocab))]


def is_subheading(line: str) -> bool:
    """A short line without punctuation, standing alone: "Kontinuerlig evaluering"."""
    words = line.split()
    return (
        0 < len(words) <= 8
        and len(line) <= 70
        and line[:1].isupper()
        and "," not in line
        and not line.endswith((*TERMINAL, "-", ")"))
        and bullet_rest(line) is None
    )


def markdown(lines: list[str], vocab: set[str]) -> str:
    """Running text as Markdown: paragraphs, "- " lists, "### " sub-headings."""
    entries: list[Item] = []
    current: Item | None = None
    after_blank = True
    for i, line in enumerate(lines):
        if not line:
            current, after_blank = None, True
            continue
        rest = bullet_rest(line)
        before = lines[i - 1] if i else ""
        after = lines[i + 1] if i + 1 < len(lines) else ""
        if rest is not None:
            current = Item([rest] if rest else [], marked=True, kind="li")
            entries.append(current)
        elif _stands_alone(line, before, after):
            current = None
            entries.append(Item([line], kind="h"))
        elif current is not None and not after_blank:
            current.lines.append(line)
        elif after_blank and _page_break(entries, line):
            current = entries[-1]
            current.lines.append(line)
        else:
            current = Item([line])
            entries.append(current)
        after_blank = False
    return _render(_merge_lone_i(entries), vocab)


def _stands_alone(line: str, before: str, after: str) -> bool:
    opens = not before or before.endswith(TERMINAL)
    closes = not after or after[:1].isupper() or bullet_rest(after) is not None
    return opens and closes and is_subheading(line)


def _merge_lone_i(entries: list[Item]) -> list[Item]:
    """ "… strategi. |" + blank + "dette sammendraget …": OCR set the "I" on the line above."""
    merged: list[Item] = []
    for entry in entries:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and previous.kind == entry.kind == "p"
            and previous.lines
            and LONE_I.search(previous.lines[-1])
            and starts_lower(entry.lines[0])
        ):
            previous.lines.extend(entry.lines)
        else:
            merged.append(entry)
    return merged


def _render(entries: list[Item], vocab: set[str]) -> str:
    blocks: list[str] = []
    previous_kind = ""
    for entry in entries:
        text = join_lines(entry.lines, vocab)
        if not text:
            continue
        if entry.kind == "li" and previous_kind == "li":
            blocks[-1] += f"\n- {text}"
        elif entry.kind == "li":
            blocks.append(f"- {text}")
        elif entry.kind == "h":
            blocks.append(f"### {text}")
        else:
            blocks.append(text)
        previous_kind = entry.kind
    return "\n\n".join(blocks)
