"""Reading an action plan from OCR text into a `PlanOutline`.

The text is the plan as a PDF's OCR gives it (see the reference plan): a summary page, then
chapters "I) …" to "X) …", each with its sections and a table of measures flattened into
lines. The parser recognises the structure loosely (damaged letters, OCR's "l" for "I",
bokmål, nynorsk or English headings), never changes a letter (that is `repair.py`'s job, and
the user's choice), never raises, and says in `warnings` what it could not place.
"""

from django.utils.translation import gettext as _

from ..outline import ChapterOutline, PlanOutline
from .blocks import markdown, split_points
from .lines import bullet_rest, clean_lines, is_url_only, join_lines, starts_lower, vocabulary
from .measures import parse_measures
from .result import ParsedPlan
from .sections import (
    MEASURES,
    PREREQUISITES,
    WHERE,
    WHY,
    RawChapter,
    chapter_heading,
    is_context_heading,
    is_explanation_heading,
    is_header_row,
    is_summary_heading,
    plan_title,
    rank,
    section_of,
    valid_year,
    version_year,
)
from .summary import read_summary

INTRO = "introduction"


def parse_plan_text(text: str) -> ParsedPlan:
    """The outline found in `text`, and warnings about what needs checking."""
    warnings: list[str] = []
    lines = clean_lines(text if isinstance(text, str) else "")
    vocab = vocabulary("\n".join(lines))
    outline = PlanOutline()
    _title_and_year(lines, outline)
    preamble, found = _split_chapters(lines, vocab)
    summary, chapters = _split_summary(preamble, found)
    for raw in chapters:
        outline.chapters.append(_chapter(raw, outline, vocab, warnings))
    if summary or any(is_summary_heading(line) for line in preamble):
        read_summary(preamble, summary, outline, vocab, warnings)
    _check(outline, warnings)
    return ParsedPlan(outline=outline, warnings=warnings)


def _title_and_year(lines: list[str], outline: PlanOutline) -> None:
    """ "Handlingsplan 2025-2030" and the year of "Prioriterte tiltak i 2026"."""
    rolled = None
    for line in lines:
        title = plan_title(line)
        if title and not outline.title:
            outline.title, rolled = title
        year = version_year(line)
        if outline.year is None and valid_year(year):
            outline.year = year
    if outline.year is None and valid_year(rolled):
        outline.year = rolled


def _split_chapters(lines: list[str], vocab: set[str]) -> tuple[list[str], list[RawChapter]]:
    """The lines before the first chapter heading, and the chapters with their lines."""
    preamble: list[str] = []
    chapters: list[RawChapter] = []
    section = None
    i = 0
    while i < len(lines):
        line = lines[i]
        kind = section_of(line)
        heading = None if kind else chapter_heading(line, in_measures=section == MEASURES)
        if heading:
            heading.title, i = _full_title(lines, i, heading.title, vocab)
            chapters.append(RawChapter(heading, []))
            section = None
        else:
            section = kind or section
            (chapters[-1].body if chapters else preamble).append(line)
        i += 1
    return preamble, chapters


def _full_title(lines: list[str], i: int, title: str, vocab: set[str]) -> tuple[str, int]:
    """A title wraps onto the next line when it ends in a hyphen or the next line goes on in
    lower case ("… som folkehelse-" / "ressurs"). Returns the title and its last line."""
    for _turn in range(2):
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if not nxt or section_of(nxt) or chapter_heading(nxt) or is_header_row(nxt):
            break
        if bullet_rest(nxt) is not None or not (title.endswith("-") or starts_lower(nxt)):
            break
        title = join_lines([title, nxt], vocab)
        i += 1
    return title.strip(), i


def _split_summary(
    preamble: list[str], found: list[RawChapter]
) -> tuple[list[RawChapter], list[RawChapter]]:
    """The summary page's chapters (up to chapter I's second heading) and the real ones."""
    restart = next((j for j in range(1, len(found)) if found[j].heading.numeral == "I"), None)
    if restart is None and any(is_summary_heading(line) for line in preamble):
        restart = next(
            (
                j
                for j in range(1, len(found))
                if rank(found[j].heading.numeral) <= rank(found[j - 1].heading.numeral)
            ),
            None,
        )
    if restart is None:
        return [], found
    return found[:restart], found[restart:]


def _chapter(
    raw: RawChapter, outline: PlanOutline, vocab: set[str], warnings: list[str]
) -> ChapterOutline:
    heading = raw.heading
    chapter = ChapterOutline(
        numeral=heading.numeral, title=heading.title, goal_code=heading.goal_code
    )
    parts = _sections(_without_urls(raw.body, heading.numeral, warnings))
    if len(parts) == 1:
        chapter.has_measures = False
        introduction, context = _context_split(parts[INTRO])
        chapter.introduction = markdown(introduction, vocab)
        if context is not None:
            changes = [outline.context_changes, markdown(context, vocab)]
            outline.context_changes = "\n\n".join(part for part in changes if part)
        return chapter
    texts = [markdown(parts[INTRO], vocab)]
    chapter.why, extra = split_points(parts.get(WHY, []), vocab)
    texts.append(extra)
    chapter.where_2030, extra = split_points(parts.get(WHERE, []), vocab)
    texts.append(extra)
    chapter.prerequisites, extra = split_points(parts.get(PREREQUISITES, []), vocab)
    texts.append(extra)
    chapter.introduction = "\n\n".join(text for text in texts if text)
    chapter.measures = parse_measures(parts.get(MEASURES, []), vocab, heading.numeral, warnings)
    return chapter


def _sections(body: list[str]) -> dict[str, list[str]]:
    """The chapter's lines by section; lines before the first section heading: introduction."""
    parts: dict[str, list[str]] = {INTRO: []}
    current = INTRO
    for line in body:
        kind = section_of(line)
        if kind:
            current = kind
            parts.setdefault(kind, []).append("")
        else:
            parts[current].append(line)
    return parts


def _without_urls(body: list[str], numeral: str, warnings: list[str]) -> list[str]:
    """A line that is only a web address is a footnote's: left out, with a warning."""
    kept = []
    for line in body:
        if is_url_only(line):
            warnings.append(
                _("Chapter %(chapter)s: the web address %(url)s stands alone and was left out.")
                % {"chapter": numeral, "url": line[:200]}
            )
        else:
            kept.append(line)
    return kept


def _context_split(lines: list[str]) -> tuple[list[str], list[str] | None]:
    """Chapter I: the introduction, and "Endringer i … kontekst …" (without its heading) up
    to "Forklaringer til tabellene …", which is left out: the app prints its own."""
    introduction: list[str] = []
    context: list[str] | None = None
    dropping = False
    for line in lines:
        if is_explanation_heading(line):
            dropping = True
        elif context is None and is_context_heading(line):
            context, dropping = [], False
        elif not dropping:
            (context if context is not None else introduction).append(line)
    return introduction, context


def _check(outline: PlanOutline, warnings: list[str]) -> None:
    if not outline.chapters:
        warnings.append(_("No chapters found."))
        return
    seen: set[str] = set()
    for chapter in outline.chapters:
        if chapter.numeral in seen:
            warnings.append(
                _("Chapter %(chapter)s appears more than once.") % {"chapter": chapter.numeral}
            )
        seen.add(chapter.numeral)
