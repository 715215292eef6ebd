"""The summary page before the chapters ("Sammendrag: Prioriterte tiltak i 2026").

Its bullets are the year's prioritised measures in short: each is matched to the measure of
its chapter that shares most of its words, and that measure is marked prioritised. OCR
mangles the two copies differently ("sgknad" and "spgknad"), so words match when they are
close, not only when they are equal.
"""

from difflib import SequenceMatcher

from django.utils.translation import gettext as _

from ..outline import ChapterOutline, MeasureOutline, PlanOutline
from .blocks import items, markdown
from .lines import content_words, fold, join_lines
from .sections import RawChapter, is_summary_heading, plan_title, version_year

_Entry = tuple[MeasureOutline, frozenset[str]]

# The share of a bullet's words that must be found in a measure for the two to match.
THRESHOLD = 0.6
MAX_BULLETS = 300
# Pairs of words compared for closeness, at most: a bound on the time a huge text takes.
MAX_COMPARISONS = 500_000


def read_summary(
    preamble: list[str],
    summary: list[RawChapter],
    outline: PlanOutline,
    vocab: set[str],
    warnings: list[str],
) -> None:
    """Fill in the summary's introduction, the chapters' short titles and summary notes, and
    mark the measures the bullets name as prioritised."""
    intro = [line for line in preamble if not _is_title_line(line)]
    for raw in summary:
        if raw.heading.numeral == "I":
            intro += ["", *raw.body]
    outline.summary_introduction = markdown(intro, vocab)
    chapters: dict[str, ChapterOutline] = {}
    for each in outline.chapters:
        chapters.setdefault(each.numeral, each)
    bullets = 0
    measures = _Measures(outline)
    for raw in summary:
        chapter = chapters.get(raw.heading.numeral)
        if chapter is not None:
            _short_title(chapter, raw.heading.title)
        if raw.heading.numeral == "I":
            continue
        found = items(raw.body)
        if chapter is not None and not chapter.has_measures and not any(i.marked for i in found):
            chapter.summary_note = "\n\n".join(join_lines(i.lines, vocab) for i in found)
            continue
        for item in found:
            bullets += 1
            if bullets <= MAX_BULLETS:
                measures.prioritise(join_lines(item.lines, vocab), raw.heading.numeral, warnings)


def _is_title_line(line: str) -> bool:
    return (
        is_summary_heading(line)
        or plan_title(line) is not None
        or bool(version_year(line) and len(line) < 60)
    )


def _short_title(chapter: ChapterOutline, title: str) -> None:
    if not chapter.short_title and fold(title) != fold(chapter.title):
        chapter.short_title = title


class _Measures:
    """The outline's measures with their words, worked out once for all bullets."""

    def __init__(self, outline: PlanOutline) -> None:
        self.outline = outline
        self.by_numeral: dict[str, list[_Entry]] = {}
        self.every: list[_Entry] = []
        for chapter in outline.chapters:
            for measure in chapter.measures:
                entry = (measure, frozenset(content_words(measure.text[:2000])))
                self.by_numeral.setdefault(chapter.numeral, []).append(entry)
                self.every.append(entry)
        self.vocabulary = frozenset().union(*(words for _, words in self.every))
        self.near: dict[str, frozenset[str]] = {}
        self.comparisons = 0

    def prioritise(self, bullet: str, numeral: str, warnings: list[str]) -> None:
        words = content_words(bullet[:2000])
        if not words:
            return
        own = self.by_numeral.get(numeral, [])
        best = self.best(words, own) or self.best(words, self.every)
        if best is None:
            warnings.append(
                _("The summary’s point “%(point)s” matches no measure in the chapters.")
                % {"point": bullet[:100]}
            )
            return
        best.status = "prioritised"
        if best.start_year is None and self.outline.year is not None:
            best.start_year = self.outline.year  # a candidate taken up this year

    def best(self, words: list[str], entries: list[_Entry]) -> MeasureOutline | None:
        """The measure sharing most of the bullet's words; the first one on a tie."""
        near = [self.near_words(word) for word in words]
        best, best_score = None, 0.0
        for measure, measure_words in entries:
            score = sum(1 for close in near if not close.isdisjoint(measure_words)) / len(words)
            if score > best_score:
                best, best_score = measure, score
        return best if best_score >= THRESHOLD else None

    def near_words(self, word: str) -> frozenset[str]:
        """The measures' words that are `word` as OCR might have mangled it otherwise."""
        if word not in self.near:
            found = {word}
            if len(word) >= 4 and self.comparisons < MAX_COMPARISONS:
                self.comparisons += len(self.vocabulary)
                found.update(other for other in self.vocabulary if _close(word, other))
            self.near[word] = frozenset(found)
        return self.near[word]


def _close(word: str, other: str) -> bool:
    if abs(len(other) - len(word)) > max(len(word), len(other)) // 3:
        return False
    matcher = SequenceMatcher(None, word, other)
    return matcher.real_quick_ratio() >= 0.75 and matcher.ratio() >= 0.75
