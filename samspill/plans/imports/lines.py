"""Lines of OCR text: cleaning, bullet marks, and joining wrapped lines back into sentences.

OCR breaks every sentence at the page's line ends and hyphenates long words there; the plan's
points are one sentence each, so the parser joins lines and undoes the hyphenation, keeping
the hyphens that belong to the words ("bruker- og pårørende", "MT-tilbud", "ph.d.-kandidater").
"""

import re
import unicodedata

LINE_BREAK = re.compile(r"\r\n|[\n\r\f\v\x1c-\x1e\x85\u2028\u2029]")
# "e ", "o ", "¢ " are how OCR reads the round bullet; "•", "-", "–", "*" are typed ones.
BULLET = re.compile(r"^(?:[eo¢©°](?:\s+|$)|[•·▪◦‣∙●○■□](?:\s*)|[-–—*](?:\s+|$))")
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
LETTERS = re.compile(r"[^\W\d_]+")
URL_ONLY = re.compile(r"^(?:https?://|www\.)\S+$")
TERMINAL = (".", "!", "?", ":", ";")


def clean_lines(text: str) -> list[str]:
    """The text's lines, stripped, with control characters gone (OCR leaves form feeds)."""
    lines = []
    for raw in LINE_BREAK.split(text):
        kept = "".join(
            " " if unicodedata.category(c) in {"Cc", "Zs"} else c
            for c in raw
            if unicodedata.category(c) != "Cf"
        )
        lines.append(" ".join(kept.split()))
    return lines


def fold(text: str) -> str:
    """A loose form for recognising headings, whatever OCR or repair did to the letters."""
    text = text.lower()
    for a, b in (("å", "a"), ("ø", "o"), ("æ", "e"), ("ä", "a"), ("ö", "o"), ("é", "e")):
        text = text.replace(a, b)
    text = text.replace("&", "a").replace("@", "o").replace("|", " ")
    text = text.replace("ae", "e").replace("ee", "e")
    return " ".join(text.split()).strip(" ?:.!")


def fold_word(word: str) -> str:
    """One word in `fold`'s form, for matching a summary's bullets to measures."""
    return fold(word).replace(" ", "")


def bullet_rest(line: str) -> str | None:
    """The text after a bullet mark, or None when the line does not start with one."""
    m = BULLET.match(line)
    if not m:
        return None
    rest = line[m.end() :]
    if m.group()[:1] in "eo" and rest[:1].isdigit():
        return None  # "e 2025" is not a point
    return rest.strip()


def starts_capitalised(line: str) -> bool:
    """ "Ledere i …" starts a sentence; "MT-feltets …" may continue one."""
    return len(line) > 1 and line[0].isupper() and line[1].islower()


def starts_lower(line: str) -> bool:
    return line[:1].islower()


def ends_open(line: str) -> bool:
    """A line that cannot end a point: it ends with a hyphen, comma or slash."""
    return line.endswith(("-", ",", "/", "(", "&"))


def is_url_only(line: str) -> bool:
    return bool(URL_ONLY.match(line))


def vocabulary(text: str) -> set[str]:
    """Every word of the text in lower case, hyphenated compounds too: decides hyphen joins."""
    return {m.group().lower() for m in WORD.finditer(text[:2_000_000])}


def join_lines(lines: list[str], vocab: set[str]) -> str:
    """Wrapped lines as one text: "folkehelse-" + "ressurs" → "folkehelseressurs"."""
    text = ""
    for line in lines:
        line = line.strip()
        if not line:
            continue
        text = _join_two(text, line, vocab) if text else line
    return text


def _join_two(first: str, second: str, vocab: set[str]) -> str:
    if first.endswith("/") and first[-2:-1] not in {" ", ""}:
        return first + second  # "kurs/" + "emner"
    if not first.endswith("-") or first[-2:-1] in {" ", ""}:
        return f"{first} {second}"
    prefix = re.search(r"([^\W\d_]+)-$", first)
    nxt = LETTERS.match(second)
    if re.match(r"(?:og|eller|and|or|samt)\b", second) or second.startswith("/"):
        return f"{first} {second}"  # "bruker-" + "og pårørende"
    if not prefix or not nxt:
        return first + second  # "ph.d.-" + "kandidater"
    before, after = prefix.group(1), nxt.group()
    if (before + after).lower() in vocab:
        return first[:-1] + second
    if f"{before}-{after}".lower() in vocab or after[0].isupper():
        return first + second
    if len(before) > 1 and before.isupper():
        return first + second  # "MT-" + "tilbud"
    return first[:-1] + second


def content_words(text: str) -> list[str]:
    """The words that carry meaning, folded: what a summary bullet and its measure share."""
    return [
        fold_word(m.group())
        for m in LETTERS.finditer(text)
        if len(m.group()) >= 3 and fold_word(m.group()) not in STOPWORDS
    ]


STOPWORDS = {
    "og",
    "i",
    "av",
    "for",
    "med",
    "som",
    "til",
    "der",
    "det",
    "den",
    "de",
    "en",
    "et",
    "ei",
    "pa",
    "om",
    "fra",
    "mot",
    "inn",
    "ut",
    "at",
    "er",
    "ved",
    "osv",
    "mellom",
    "eller",
    "the",
    "and",
    "of",
    "to",
    "in",
    "with",
    "on",
}
