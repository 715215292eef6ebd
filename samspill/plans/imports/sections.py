"""Recognising the plan's structure in lines: chapter headings, section headings, the table's
header row, the title and the year.

Headings are matched on `fold`ed text, so they are found whether or not the letters were
repaired ("Hvor bor klynga veere i 2030?" and "Hvor bør klynga være i 2030?"), in bokmål,
nynorsk or English (the app's own export speaks the plan's language).
"""

import re
from dataclasses import dataclass

from .lines import fold

WHY, WHERE, MEASURES, PREREQUISITES = "why", "where_2030", "measures", "prerequisites"

SECTIONS: list[tuple[str, re.Pattern[str]]] = [
    (
        WHY,
        re.compile(
            r"^(?:hvorfor|kvifor)\b.{0,25}\bviktig$"
            r"|^why (?:does|is) this (?:matter|important)$|^why this matters$"
        ),
    ),
    (
        WHERE,
        re.compile(
            r"^(?:hvor|kvar)\b.{0,30}\bklyng\w*\b.{0,25}\b\d{4}$"
            r"|^where should the cluster be\b.{0,10}\b\d{4}$"
        ),
    ),
    (MEASURES, re.compile(r"^(?:aktuelle|current|possible) (?:tiltak|measures)$")),
    (
        PREREQUISITES,
        re.compile(
            r"^(?:forutsetninger|forutsetningar|foresetnader|foresetningar|prerequisites"
            r"|preconditions)\b.{0,12}\b(?:lykkes|lukkast|lykkast|success|succeed)$"
        ),
    ),
]

HEADER_ROW = re.compile(
    r"^(?:tiltak|measures?)?\s*(?:start|starts|startar|starter|start year|oppstart|startaar)?$"
)
CHAPTER = re.compile(r"^([IVXil1|]{1,5})\s?\)\s+(\S.*)$")
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
GOAL = re.compile(r"^(\S+)\s+(\d{1,2}\s?[a-zA-Z]?)\s*[:.]\s+(\S.*)$")
GOAL_WORDS = {"malsetting", "malsetjing", "malsettning", "delmal", "goal", "objective"}
YEAR_OF_VERSION = re.compile(
    r"\b(?:prioriter\w*\s+tiltak|prioriti[sz]ed\s+(?:measures|actions))\s+(?:i|in|for)\s+"
    r"(\d{4})\b"
)
PLAN_TITLE = re.compile(
    r"^(?:[\w.-]+\s+){0,3}(?:handlingsplan\w*|action plan)\b[^.]{0,40}?\d{4}\s*[-–]\s*\d{4}",
    re.IGNORECASE,
)
ROLLED = re.compile(
    r"\s*[,–—-]?\s*\(?(?:rullert|rulla|rullera|rolled)\s+(?:for|til|in)\s+(\d{4})\)?\s*$",
    re.IGNORECASE,
)
SUMMARY = re.compile(r"^(?:sammendrag|samandrag|summary)\b")
CONTEXT_CHANGES = re.compile(r"^(?:endringer|endringar|changes) in? .*\b(?:kontekst|context)\b")
EXPLANATION = re.compile(
    r"^(?:forklaring|forklaringer|forklaringar|explanation|explanations) (?:til|of|to) "
    r"(?:tabellene|tabellane|the tables)"
)


@dataclass
class Heading:
    """A chapter heading: "V) Malsetting 2a: MT er integrert …" → V, "Malsetting 2a", "MT …"."""

    numeral: str
    title: str
    goal_code: str = ""


def section_of(line: str) -> str | None:
    """Which of the chapter's four sections `line` opens, if it is a section heading."""
    if not line or len(line) > 80:
        return None
    folded = fold(line)
    for kind, pattern in SECTIONS:
        if pattern.match(folded):
            return kind
    return None


def is_header_row(line: str) -> bool:
    """ "Tiltak Startar", "Tiltak", "Startar", "Measure | Start": the table's header."""
    folded = fold(line)
    return bool(folded) and len(folded) <= 30 and bool(HEADER_ROW.match(folded))


def numeral_of(token: str) -> str | None:
    """ "Il", "1ll", "Vill", "VIIl" → "II", "III", "VIII", "VIII": OCR reads I as l, 1 or |."""
    if set(token) <= {"i"}:
        return None  # "i)", "ii)": sub-points
    numeral = "".join("I" if c in "il1|" else c for c in token)
    return numeral if numeral in ROMAN else None


def chapter_heading(line: str, *, in_measures: bool = False) -> Heading | None:
    """The chapter heading on `line`, if it is one. "1)" is chapter I only outside a table
    of measures and before a short title ("1) Innledning"), since it is also measure 1."""
    m = CHAPTER.match(line)
    if not m:
        return None
    token, title = m.group(1), m.group(2).strip()
    if not (title[:1].isupper() or title[:1] in '«"'):
        return None
    if token.isdigit():
        short = len(title.split()) <= 6 and not re.search(r"\d{4}|\|", title)
        if token != "1" or in_measures or not short:
            return None
    numeral = numeral_of(token)
    return split_goal(numeral, title) if numeral else None


def split_goal(numeral: str, title: str) -> Heading:
    """Separate the goal code: "Målsetting 2a: MT er …" → ("Målsetting 2a", "MT er …")."""
    m = GOAL.match(title)
    if m and fold(m.group(1)) in GOAL_WORDS:
        code = f"{m.group(1)} {m.group(2).replace(' ', '')}"
        return Heading(numeral, m.group(3).strip(), code)
    return Heading(numeral, title)


def rank(numeral: str) -> int:
    return ROMAN.index(numeral) if numeral in ROMAN else -1


def plan_title(line: str) -> tuple[str, int | None] | None:
    """ "Handlingsplan 2025-2030 – rullert for 2026" → ("Handlingsplan 2025-2030", 2026)."""
    if len(line) > 100:
        return None
    m = PLAN_TITLE.match(line)
    if not m:
        return None
    rest = line[m.end() :]
    rolled = ROLLED.match(rest)
    if rest.strip(" )") and not rolled:
        return None  # a sentence that mentions the plan
    year = int(rolled.group(1)) if rolled else None
    return line[: m.end()].strip(), year


def version_year(line: str) -> int | None:
    """2026 from "Sammendrag: Prioriterte tiltak i 2026"."""
    m = YEAR_OF_VERSION.search(fold(line))
    return int(m.group(1)) if m else None


def is_summary_heading(line: str) -> bool:
    return bool(SUMMARY.match(fold(line)))


def is_context_heading(line: str) -> bool:
    """ "Endringer i Polyfon og i politisk og faglig kontekst i 2025 …"."""
    return len(line) <= 200 and bool(CONTEXT_CHANGES.match(fold(line)))


def is_explanation_heading(line: str) -> bool:
    """ "Forklaringer til tabellene med tiltak": the app prints its own."""
    return len(line) <= 120 and bool(EXPLANATION.match(fold(line)))


def valid_year(year: int | None) -> bool:
    return year is not None and 1990 <= year <= 2100


@dataclass
class RawChapter:
    """A chapter as found in the text: its heading and the lines under it."""

    heading: Heading
    body: list[str]
