"""The table "Aktuelle tiltak" as OCR leaves it: numbered rows, start years, new candidates.

OCR flattens the two columns "Tiltak | Startar" into lines. A numbered row "1) text … | 2015"
is a measure the cluster works on; its year may follow a "|", end the line, or stand on a
line of its own after a wrapped text. Unnumbered lines after the numbered rows are new
candidates, without a year. Sub-points "a) …, b) …" stay in their measure's text.
"""

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from ..outline import MeasureOutline, MeasureStatus
from .lines import bullet_rest, ends_open, join_lines, starts_capitalised, starts_lower
from .sections import is_header_row, valid_year

NUMBERED = re.compile(r"^(\d{1,2})\s?[).]\s+(.*)$")
YEAR_ALONE = re.compile(r"^\|?\s*(\d{4})\s*\|?$")
YEAR_AFTER_BAR = re.compile(r"^(.*?)\s*\|\s*(\d{4})\s*\|?$")
YEAR_AT_END = re.compile(r"^(.*\S)\s+(\d{4})$")
# A year after these words is part of the text ("et seminar i 2026"), not the start year.
IN_TEXT_BEFORE = {
    "i",
    "in",
    "fra",
    "frå",
    "til",
    "innen",
    "from",
    "to",
    "by",
    "since",
    "før",
    "for",
    "etter",
    "after",
    "before",
    "mot",
    "år",
    "per",
    "og",
    "and",
    "rundt",
    "ca",
    "-",
    "–",
}


@dataclass
class _Row:
    lines: list[str] = field(default_factory=list)
    year: int | None = None
    numbered: bool = False
    # Begun by a capitalised line right under a numbered row that had its year: a candidate,
    # unless another numbered row follows ("… i bulletinen | 2017" / "Polyfon-nytt og …").
    tentative: bool = False
    year_seen: bool = False  # a year was there, in range or not

    @property
    def complete(self) -> bool:
        """A numbered row whose year has been read: what follows may be a new row."""
        return self.numbered and (self.year is not None or self.year_seen)


def split_year(text: str, *, bar_only: bool = False) -> tuple[str, int | None, str]:
    """ "Arrangement av seminar 2017" → ("Arrangement av seminar", 2017, "2017")."""
    m = YEAR_AFTER_BAR.match(text)
    if m:
        return m.group(1).strip(), int(m.group(2)), m.group(2)
    m = YEAR_AT_END.match(text)
    if m and not bar_only:
        last_word = m.group(1).split()[-1].lower()
        if last_word not in IN_TEXT_BEFORE:
            return m.group(1).strip(), int(m.group(2)), m.group(2)
    return text.rstrip(" |"), None, ""


class _Table:
    """Reads the table's lines one by one; `rows` is what it found."""

    def __init__(self, label: str, warnings: list[str]) -> None:
        self.rows: list[_Row] = []
        self.current: _Row | None = None
        self.label = label
        self.warnings = warnings

    def year(self, row: _Row, text: str, *, bar_only: bool = False) -> str:
        """Take the start year off `text` into `row`; out of range: a warning, no year."""
        rest, year, raw = split_year(text, bar_only=bar_only)
        if year is None:
            return rest
        row.year_seen = True
        if valid_year(year):
            row.year = year
            row.numbered = True
            return rest
        self.warn_year(raw)
        return rest if "|" in text else text

    def warn_year(self, raw: str) -> None:
        self.warnings.append(
            _("Chapter %(chapter)s: the start year %(year)s is not between 1990 and 2100.")
            % {"chapter": self.label, "year": raw}
        )

    def numbered(self, text: str) -> None:
        self.merge_tentative()
        self.current = _Row(numbered=True)
        self.current.lines.append(self.year(self.current, text))
        self.rows.append(self.current)

    def year_alone(self, raw: str) -> None:
        """ "2025" on its own line: the start year of the last numbered row without one."""
        waiting = [r for r in self.rows if r.numbered and r.year is None]
        if not waiting:
            self.warnings.append(
                _("Chapter %(chapter)s: the year %(year)s stands alone and was left out.")
                % {"chapter": self.label, "year": raw}
            )
        elif valid_year(int(raw)):
            waiting[-1].year = int(raw)
        else:
            self.warn_year(raw)

    def merge_tentative(self) -> None:
        """Candidates cannot stand between numbered rows: such lines continue the row above."""
        tail: list[_Row] = []
        while self.rows and self.rows[-1].tentative:
            tail.insert(0, self.rows.pop())
        if tail and self.rows:
            for row in tail:
                self.rows[-1].lines.extend(row.lines)
        else:
            self.rows.extend(tail)

    def other(self, line: str, after_blank: bool) -> None:
        rest = bullet_rest(line)
        text = rest if rest is not None else line
        row = self.current
        if row is not None and rest is None and _continues(row, text, after_blank):
            row.lines.append(self.year(row, text) if row.numbered and not row.complete else text)
            return
        complete = row is not None and row.complete
        self.current = _Row(tentative=complete and not after_blank and rest is None)
        # A row with "| 2025" but no number lost its number to the OCR: not a candidate.
        self.current.lines.append(self.year(self.current, text, bar_only=True))
        self.rows.append(self.current)


def _continues(row: _Row, line: str, after_blank: bool) -> bool:
    """A numbered row goes on until a blank line, and after one in lower case; candidates
    are one a line or paragraph, each starting with a capitalised word."""
    if after_blank:
        return starts_lower(line)
    if row.numbered:
        return not row.complete or not starts_capitalised(line) or ends_open(row.lines[-1])
    return not starts_capitalised(line) or ends_open(row.lines[-1])


def parse_measures(
    lines: list[str], vocab: set[str], label: str, warnings: list[str]
) -> list[MeasureOutline]:
    """The measures of one chapter's table, in order: numbered ones, then candidates."""
    table = _Table(label, warnings)
    after_blank = False
    for line in lines:
        if not line:
            after_blank = True
            continue
        if is_header_row(line):
            pass
        elif m := NUMBERED.match(line):
            table.numbered(m.group(2))
        elif m := YEAR_ALONE.match(line):
            table.year_alone(m.group(1))
        else:
            table.other(line, after_blank)
        after_blank = False
    return _outlines(table.rows, vocab, label, warnings)


def _outlines(
    rows: list[_Row], vocab: set[str], label: str, warnings: list[str]
) -> list[MeasureOutline]:
    found = []
    for row in rows:
        text = join_lines(row.lines, vocab).strip(" |")
        if not text:
            continue
        if row.numbered and row.year is None:
            warnings.append(
                _("Chapter %(chapter)s: no start year found for “%(measure)s”.")
                % {"chapter": label, "measure": text[:80]}
            )
        status: MeasureStatus = "ongoing" if row.numbered else "candidate"
        found.append(MeasureOutline(text=text, start_year=row.year, status=status))
    return found
