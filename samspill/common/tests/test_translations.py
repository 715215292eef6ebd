"""The message catalogues in samspill/locale are complete, keep placeholders and are compiled.

The .po files are parsed here with a small reader (no polib), so the tests need no database
and no extra package.
"""

import gettext
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.utils import translation

SAMSPILL = Path(__file__).resolve().parents[2]
LOCALE = SAMSPILL / "locale"
LANGUAGES = ["nb", "nn", "en"]
# Nynorsk for django-allauth's pages, which ships no nn catalogue of its own.
ALLAUTH_NYNORSK = SAMSPILL / "locale_allauth" / "nn" / "LC_MESSAGES" / "django.po"

# %(name)s / %(count)d …, a bare %s / %d, and {{ name }} left in a template string.
NAMED = re.compile(r"%\((\w+)\)[sdifr]")
POSITIONAL = re.compile(r"%[sdifr]")
TEMPLATE_VARIABLE = re.compile(r"\{\{\s*([\w.]+)\s*\}\}")
BRACE_FIELD = re.compile(r"(?<!\{)\{(\w*)\}(?!\})")


@dataclass
class Entry:
    msgid: str = ""
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    line: int = 0

    @property
    def key(self) -> str:
        """The key gettext uses in a compiled catalogue."""
        return f"{self.msgctxt}\x04{self.msgid}" if self.msgctxt is not None else self.msgid

    def __str__(self) -> str:
        context = f" (context {self.msgctxt!r})" if self.msgctxt is not None else ""
        return f"line {self.line}: {self.msgid!r}{context}"


def _unquote(text: str) -> str:
    body = text.strip()[1:-1]
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t", "r": "\r"}.get(m[1], m[1]), body)


def _read_block(lines: list[tuple[int, str]]) -> Entry:
    entry = Entry(line=lines[0][0])
    name, index = "", None
    for _number, line in lines:
        if line.startswith("#,"):
            entry.flags |= {flag.strip() for flag in line[2:].split(",")}
            continue
        if line.startswith("#"):
            continue
        if not line.startswith('"'):
            keyword, _, line = line.partition(" ")
            match = re.fullmatch(r"(msgctxt|msgid|msgid_plural|msgstr)(?:\[(\d+)\])?", keyword)
            assert match, f"line {_number}: cannot read {keyword!r}"
            name, index = match[1], int(match[2] or 0)
            if name == "msgstr":
                entry.msgstr[index] = ""
            else:
                setattr(entry, name, "")
        text = _unquote(line)
        if name == "msgstr":
            entry.msgstr[index] += text
        else:
            setattr(entry, name, getattr(entry, name) + text)
    return entry


def read_po(path: Path) -> list[Entry]:
    """Entries of a .po file (blank-line separated), without the header and obsolete ones."""
    blocks: list[list[tuple[int, str]]] = [[]]
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line:
            blocks.append([])
        elif not line.startswith("#~"):
            blocks[-1].append((number, line))
    entries = [_read_block(block) for block in blocks if block]
    return [entry for entry in entries if entry.msgid != "" or entry.msgctxt is not None]


def _po(language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / "django.po"


CATALOGUES = [pytest.param(_po(language), id=language) for language in LANGUAGES]
if ALLAUTH_NYNORSK.exists():
    CATALOGUES.append(pytest.param(ALLAUTH_NYNORSK, id="allauth-nn"))


@pytest.fixture(scope="module", params=CATALOGUES)
def catalogue(request):
    path = request.param
    assert path.exists(), f"{path} is missing; run makemessages"
    return path, read_po(path)


def _placeholders(text: str) -> tuple[set[str], int, set[str], set[str]]:
    without_escapes = text.replace("%%", "")
    return (
        set(NAMED.findall(without_escapes)),
        len(POSITIONAL.findall(without_escapes)),
        set(TEMPLATE_VARIABLE.findall(text)),
        set(BRACE_FIELD.findall(text)),
    )


def test_catalogue_is_not_empty(catalogue):
    path, entries = catalogue
    assert len(entries) > 100, f"{path}: only {len(entries)} entries"


def test_every_entry_has_a_translation(catalogue):
    path, entries = catalogue
    untranslated = [
        str(entry)
        for entry in entries
        if not entry.msgstr
        or any(not text for text in entry.msgstr.values())
        or (entry.msgid_plural is not None and len(entry.msgstr) < 2)
    ]
    assert not untranslated, f"{path}: untranslated entries:\n" + "\n".join(untranslated)


def test_no_entry_is_marked_fuzzy(catalogue):
    path, entries = catalogue
    header_flags = _header_flags(path)
    assert "fuzzy" not in header_flags, f"{path}: the header is marked fuzzy"
    fuzzy = [str(entry) for entry in entries if "fuzzy" in entry.flags]
    assert not fuzzy, f"{path}: fuzzy entries (check and remove the flag):\n" + "\n".join(fuzzy)


def _header_flags(path: Path) -> set[str]:
    flags: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("msgid"):
            break
        if line.startswith("#,"):
            flags |= {flag.strip() for flag in line[2:].split(",")}
    return flags


def test_translations_keep_every_placeholder(catalogue):
    path, entries = catalogue
    wrong = []
    for entry in entries:
        for index, text in entry.msgstr.items():
            source = entry.msgid if index == 0 or entry.msgid_plural is None else entry.msgid_plural
            if _placeholders(text) != _placeholders(source):
                wrong.append(f"{entry} msgstr[{index}] = {text!r}")
    assert not wrong, f"{path}: placeholders differ from the source:\n" + "\n".join(wrong)


def test_english_catalogue_repeats_the_source_text():
    different = [
        str(entry)
        for entry in read_po(_po("en"))
        if entry.msgstr.get(0) != entry.msgid
        or (entry.msgid_plural is not None and entry.msgstr.get(1) != entry.msgid_plural)
    ]
    assert not different, "en: msgstr differs from msgid:\n" + "\n".join(different)


def test_all_languages_have_the_same_messages():
    keys = {language: {entry.key for entry in read_po(_po(language))} for language in LANGUAGES}
    for language in LANGUAGES[1:]:
        assert keys[language] == keys[LANGUAGES[0]], (
            f"{language} and {LANGUAGES[0]} differ: "
            f"{sorted(keys[language] ^ keys[LANGUAGES[0]])}; run makemessages for all languages"
        )


def test_compiled_catalogue_matches_the_po_file(catalogue):
    path, entries = catalogue
    mo = path.with_suffix(".mo")
    assert mo.exists(), f"{mo} is missing; run compilemessages"
    with mo.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)._catalog
    translated = [entry for entry in entries if entry.msgstr and "fuzzy" not in entry.flags]
    stale = []
    for entry in translated:
        if entry.msgid_plural is None:
            if compiled.get(entry.key) != entry.msgstr[0]:
                stale.append(str(entry))
        else:
            for index, text in entry.msgstr.items():
                if compiled.get((entry.key, index)) != text:
                    stale.append(f"{entry} [{index}]")
    messages_in_mo = {key if isinstance(key, str) else key[0] for key in compiled} - {""}
    assert not stale, f"{path}: the .mo is older than the .po; run compilemessages:\n" + (
        "\n".join(stale)
    )
    assert len(messages_in_mo) == len(translated), (
        f"{path}: the .mo has {len(messages_in_mo)} messages, the .po {len(translated)}; "
        "run compilemessages"
    )


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("nb", ["Organisasjoner", "Personer", "Kommune", "Annet", "knutepunkter"]),
        ("nn", ["Organisasjonar", "Personar", "Kommune", "Anna", "knutepunkt"]),
        ("en", ["Organisations", "People", "Municipality", "Other", "nodes"]),
    ],
)
def test_key_terms_are_shown_in_the_chosen_language(language, expected):
    from samspill.clusters.models import Node, Organisation

    with translation.override(language):
        shown = [
            translation.gettext("Organisations"),
            translation.gettext("People"),
            str(Organisation.Kind.MUNICIPALITY.label),
            str(Organisation.Kind.OTHER.label),
            str(Node._meta.verbose_name_plural),
        ]
    assert shown == expected
