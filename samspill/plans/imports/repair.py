"""Letter repair for OCR text: proposals the user sees and chooses, never silent changes.

OCR of Norwegian plans loses the letters æ, ø and å ("sgr" for "sør", "pa" for "på",
"veere" for "være") and runs words together. `propose_repairs` proposes one `Repair` per
damaged word, with its place in the text, so a form can list them with checkboxes;
`apply_repairs` applies the chosen ones. Words that can also be right ("far", "bor", "a")
are only proposed where the words around them say so: a missed repair costs the user one
edit, a wrong one costs trust in all the others.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass

from . import words as w

# A word (with the "@" and "\" OCR puts in front of some), or one of the signs OCR makes of
# "å" ("&") and "I" ("|").
TOKEN = re.compile(r"[@\\]?[^\W\d_]+|[&|]")
URL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+")
ROMAN = re.compile(r"(?:X|IX|IV|V?I{0,3})")
BULLET_MARKS = {"", "e", "o", "¢", "•", "-", "–", "*"}
SPACES = " \t"
WHITESPACE = " \t\n\r"


@dataclass(frozen=True)
class Repair:
    """One proposed change: `before` at `line` (0-based), characters `start`–`end`."""

    line: int
    start: int
    end: int
    before: str
    after: str

    @property
    def key(self) -> str:
        """Stable while the text is unchanged: the form's checkbox value."""
        return f"{self.line}:{self.start}"


@dataclass(frozen=True)
class _Token:
    line: int
    start: int
    end: int
    text: str

    @property
    def lower(self) -> str:
        return self.text.lower()


class _Context:
    """The text's tokens with what is needed to look at a token's neighbours."""

    def __init__(self, text: str) -> None:
        self.lines = text.split("\n")
        self.tokens = list(_tokens(self.lines))
        self.norwegian = _looks_norwegian(self.tokens)

    def gap(self, a: _Token, b: _Token) -> str:
        """The text between two tokens, across lines."""
        if a.line == b.line:
            return self.lines[a.line][a.end : b.start]
        middle = self.lines[a.line + 1 : b.line]
        return "\n".join([self.lines[a.line][a.end :], *middle, self.lines[b.line][: b.start]])

    def neighbour(self, i: int, step: int, allowed: str = WHITESPACE) -> _Token | None:
        """The token before (step -1) or after (+1) token i, if only `allowed` separates them."""
        j = i + step
        if not 0 <= j < len(self.tokens):
            return None
        a, b = (self.tokens[j], self.tokens[i]) if step < 0 else (self.tokens[i], self.tokens[j])
        if b.line - a.line > 1 or any(c not in allowed for c in self.gap(a, b)):
            return None
        return self.tokens[j]

    def word(self, i: int, step: int) -> str:
        """The neighbouring word in lower case, or "" when punctuation is in between."""
        token = self.neighbour(i, step)
        return token.lower if token else ""


def _tokens(lines: list[str]) -> Iterable[_Token]:
    for number, line in enumerate(lines):
        urls = [m.span() for m in URL.finditer(line)]
        for m in TOKEN.finditer(line):
            start, end = m.span()
            if start > 0 and line[start - 1].isdigit() or end < len(line) and line[end].isdigit():
                continue  # "2b", "1ll": numbers, not words
            if any(s <= start < e for s, e in urls):
                continue
            yield _Token(number, start, end, m.group())


def _looks_norwegian(tokens: list[_Token]) -> bool:
    """The word rules are for Norwegian: English "a", "far" and "bar" are right as they are."""
    lowered = [t.lower for t in tokens[:5000]]
    norwegian = sum(1 for t in lowered if t in w.NORWEGIAN_MARKERS)
    english = sum(1 for t in lowered if t in w.ENGLISH_MARKERS)
    return norwegian >= english


def match_case(original: str, replacement: str) -> str:
    """The replacement in the original's case; a replacement with capitals keeps its own."""
    core = original.lstrip("@\\")
    if any(c.isupper() for c in replacement):
        return replacement
    if len(core) > 1 and core.isupper():
        return replacement.upper()
    if core[:1].isupper() or original.startswith("@"):
        return replacement[:1].upper() + replacement[1:]
    return replacement


def _looks_infinitive(word: str) -> bool:
    return word in w.SHORT_VERBS or len(word) >= 3 and word.endswith("e") or word.endswith("es")


def _bar_sign(ctx: _Context, i: int, token: _Token) -> str | None:
    """ "| Polyfon vektlegges" → "I Polyfon": a "|" that starts a sentence is a capital I."""
    line = ctx.lines[token.line]
    before, after = line[: token.start], line[token.end :]
    following = ctx.neighbour(i, 1, SPACES)
    if before.strip() in BULLET_MARKS and after[:1] == " " and following and "|" not in after:
        return "I"  # not "| Tiltak | Startar |", a table's border
    if not after.strip() and before.rstrip().endswith((".", "!", "?", ":")):
        nxt = ctx.tokens[i + 1] if i + 1 < len(ctx.tokens) else None
        if nxt and not ctx.gap(token, nxt).strip() and nxt.text[:1].islower():
            return "I"
    return None


def _roman(ctx: _Context, i: int, token: _Token) -> str | None:
    """ "Il)", "VIIl)" at a chapter heading and "kap. VIl": an "l" in a numeral is an "I"."""
    text = token.text
    if not ("l" in text and set(text) <= set("IVXli") and text[0] in "IVXl"):
        return None
    numeral = text.replace("l", "I").replace("i", "I")
    if not ROMAN.fullmatch(numeral):
        return None
    line = ctx.lines[token.line]
    at_heading = not line[: token.start].strip() and line[token.end : token.end + 1] == ")"
    previous = ctx.neighbour(i, -1, ". ")
    after_chapter = previous is not None and previous.lower in {"kap", "kapittel", "chapter"}
    return numeral if at_heading or after_chapter else None


def _compass(ctx: _Context, i: int, token: _Token) -> str | None:
    """ "regionene gst, sgr og vest" → "Øst", "Sør", "Vest": regions are names."""
    first, last = _enumeration(ctx, i)
    run = ctx.tokens[first : last + 1]
    compass = [t for t in run if t.lower in w.COMPASS]
    mangled = any(w.COMPASS[t.lower] != t.lower for t in compass)
    before = ctx.word(first, -1)
    regions = mangled and (len(compass) >= 2 or before in w.REGION_WORDS)
    repaired = w.COMPASS[token.lower]
    if regions:
        return repaired.capitalize()
    if token.lower in w.COMPASS_AMBIGUOUS or repaired == token.lower:
        return None
    return match_case(token.text, repaired)


def _enumeration(ctx: _Context, i: int) -> tuple[int, int]:
    """Where the list "gst, sgr og vest" that token i is part of starts and ends."""
    linking = {"og", "eller", "and", "or"}
    first = last = i
    while (t := ctx.neighbour(first, -1, WHITESPACE + ",")) and (
        t.lower in w.COMPASS or t.lower in linking
    ):
        first -= 1
    while (t := ctx.neighbour(last, 1, WHITESPACE + ",")) and (
        t.lower in w.COMPASS or t.lower in linking
    ):
        last += 1
    return first, last


def _in_context(ctx: _Context, i: int, token: _Token) -> str | None:
    """Words that are right elsewhere, repaired only where the neighbours say so."""
    word, prev, nxt = token.lower, ctx.word(i, -1), ctx.word(i, 1)
    following = ctx.neighbour(i, 1)
    nxt_lower_case = following is not None and following.text.islower()
    if word in {"a", "&"} and token.text in {"a", "&"}:
        line = ctx.lines[token.line]
        if word == "&" and prev in w.INFINITIVE_AFTER and line[token.end :].startswith(":"):
            return "å"
        if not nxt_lower_case or nxt in {"og", "eller", "er", "i"}:
            return None
        return "å" if prev in w.INFINITIVE_AFTER or _looks_infinitive(nxt) else None
    if word in {"bar", "bor"}:
        after_next = ctx.word(i + 1, 1) if following else ""
        modal = nxt in w.MODAL_VERBS or (nxt_lower_case and after_next in w.MODAL_VERBS)
        return "bør" if modal else None
    if word == "far":
        before_prev = ctx.word(i - 1, -1) if prev else ""
        father = prev in w.FATHER_BEFORE or (prev == "og" and before_prev in {"mor", "far"})
        ok = prev and nxt_lower_case and nxt not in w.FATHER_AFTER and not father
        return "får" if ok else None
    return _in_context_rare(ctx, i, word, prev, nxt)


def _in_context_rare(ctx: _Context, i: int, word: str, prev: str, nxt: str) -> str | None:
    token = ctx.tokens[i]
    if word == "fatt":
        return "fått" if prev in w.PERFECT_BEFORE else None
    if word == "mate":
        if re.match(r"\s+\d", ctx.lines[token.line][token.end :]):
            return "møte"  # "i møte 13. desember"
        manner = prev in w.MANNER_BEFORE or prev.endswith(("sk", "ig"))
        return "måte" if manner else None
    if word == "matte":
        return "måtte" if prev in w.MODALS else None
    if word == "sa":
        return "så" if nxt in w.SO_BEFORE else None
    if word == "star":
        return "står" if nxt in w.STANDS_BEFORE else None
    if word == "bade":
        # "både X og Y"; "å bade", "vil bade" are bathing.
        ahead = [t.lower for t in ctx.tokens[i + 2 : i + 15]]
        bathing = prev in w.MODALS | {"å", "a", "&", "og", "for"}
        return "både" if nxt != "og" and "og" in ahead and not bathing else None
    if word == "lase":
        problem = any(k in nxt for k in ("utfordring", "problem", "oppgave"))
        return "løse" if prev in {"å", "a", "&"} and problem else None
    if word == "lengt":
        return "lengst" if prev in {"kommet", "kommi", "nådd", "nadd"} else None
    if word == "prosjektar":
        return "prosjektår" if prev in w.ORDINALS else None
    return None


CONTEXT_WORDS = {"a", "&", "bar", "bor", "far", "fatt", "mate", "matte", "sa", "star", "bade"}
CONTEXT_WORDS |= {"lase", "lengt", "prosjektar"}


def _replacement(ctx: _Context, i: int, token: _Token) -> str | None:
    """What token i should be, or None to leave it."""
    if token.text == "|":
        return _bar_sign(ctx, i, token)
    roman = _roman(ctx, i, token)
    if roman or not ctx.norwegian:
        return roman
    word = token.lower
    if word in w.COMPASS:
        return _compass(ctx, i, token)
    if word in CONTEXT_WORDS:
        found = _in_context(ctx, i, token)
        return match_case(token.text, found) if found else None
    if word in w.WORDS:
        return match_case(token.text, w.WORDS[word])
    repaired = word
    for pattern, replacement in w.PATTERNS:
        repaired = pattern.sub(replacement, repaired)
    return match_case(token.text, repaired) if repaired != word else None


def propose_repairs(text: str) -> list[Repair]:
    """Every repair of OCR-damaged letters found in `text`, in reading order."""
    if not isinstance(text, str) or not text:
        return []
    ctx = _Context(text)
    found = []
    for i, token in enumerate(ctx.tokens):
        after = _replacement(ctx, i, token)
        if after and after != token.text:
            found.append(Repair(token.line, token.start, token.end, token.text, after))
    return found


def apply_repairs(text: str, repairs: Iterable[Repair]) -> str:
    """`text` with the chosen repairs made; ones that no longer fit or overlap are skipped."""
    lines = text.split("\n")
    by_line: dict[int, list[Repair]] = {}
    for repair in set(repairs):
        if 0 <= repair.line < len(lines):
            by_line.setdefault(repair.line, []).append(repair)
    for number, chosen in by_line.items():
        lines[number] = _apply_to_line(lines[number], chosen)
    return "\n".join(lines)


def _apply_to_line(line: str, repairs: list[Repair]) -> str:
    accepted: list[Repair] = []
    end = -1
    for repair in sorted(repairs, key=lambda r: (r.start, r.end, r.after)):
        fits = 0 <= repair.start <= repair.end <= len(line)
        if fits and repair.start >= end and line[repair.start : repair.end] == repair.before:
            accepted.append(repair)
            end = max(repair.end, repair.start + 1)
    for repair in reversed(accepted):
        line = line[: repair.start] + repair.after + line[repair.end :]
    return line
