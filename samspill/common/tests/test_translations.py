"""The message catalogues hold every marked string, translated, compiled and in our words.

Catalogues: samspill/locale/{nb,nn,en} hold Samspill's own strings (made by `make messages`);
samspill/locale_allauth/nn is nynorsk for the django-allauth pages Samspill shows, and
samspill/locale_allauth/nb corrects allauth's own bokmål where it is wrong or says things
differently from Samspill. The marked strings are extracted from the source with Django's own
makemessages, run on a temporary copy of the source so that the working tree is left alone.
"""

import os
import re
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path

import allauth
import polib
import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.utils import translation

SAMSPILL = Path(__file__).resolve().parents[2]
ALLAUTH = Path(allauth.__file__).resolve().parent
LANGUAGES = ["nb", "nn", "en"]
PLURAL_FORMS = "nplurals=2; plural=(n != 1);"
# The files makemessages reads for the "django" domain.
SOURCE_SUFFIXES = {".py", ".html", ".txt"}

# allauth's modules and templates whose text Samspill's users see (login, logout, password
# reset, re-authentication, two-factor authentication, and the emails and messages these send).
# The nynorsk catalogue translates every string in them, so a nynorsk page never falls back to
# bokmål.
ALLAUTH_PAGES = """
account/adapter.py account/fields.py account/forms.py
mfa/adapter.py mfa/base/forms.py mfa/totp/forms.py
templates/account/base_reauthenticate.html
templates/account/email/base_message.txt templates/account/email/base_notification.txt
templates/account/email/password_reset_key_message.txt
templates/account/email/password_reset_key_subject.txt
templates/account/email/password_reset_message.txt
templates/account/email/password_reset_subject.txt
templates/account/email/unknown_account_message.txt
templates/account/email/unknown_account_subject.txt
templates/account/login.html templates/account/logout.html
templates/account/messages/logged_in.txt templates/account/messages/logged_out.txt
templates/account/messages/password_changed.txt templates/account/messages/password_set.txt
templates/account/password_reset.html templates/account/password_reset_done.html
templates/account/password_reset_from_key.html
templates/account/password_reset_from_key_done.html
templates/account/reauthenticate.html
templates/account/snippets/already_logged_in.html
templates/account/snippets/warn_no_email.html
templates/mfa/authenticate.html templates/mfa/index.html templates/mfa/reauthenticate.html
templates/mfa/email/recovery_codes_generated_message.txt
templates/mfa/email/recovery_codes_generated_subject.txt
templates/mfa/email/totp_activated_message.txt templates/mfa/email/totp_activated_subject.txt
templates/mfa/email/totp_deactivated_message.txt
templates/mfa/email/totp_deactivated_subject.txt
templates/mfa/messages/recovery_codes_generated.txt
templates/mfa/messages/totp_activated.txt templates/mfa/messages/totp_deactivated.txt
templates/mfa/recovery_codes/base.html templates/mfa/recovery_codes/generate.html
templates/mfa/recovery_codes/index.html
templates/mfa/totp/activate_form.html templates/mfa/totp/base.html
templates/mfa/totp/deactivate_form.html
""".split()

# The one word for "passkey", in bokmål and nynorsk alike; allauth's bokmål uses it too
# ("tilgangsnøkkel" is allauth's word for an OAuth access token).
PASSKEY = re.compile(r"passnøkkel|passnøkl", re.IGNORECASE)

# %(name)s / %(count)d …, a bare %s / %d, and {{ name }} or {name} left in a string.
NAMED = re.compile(r"%\((\w+)\)[sdifr]")
POSITIONAL = re.compile(r"%[sdifr]")
TEMPLATE_VARIABLE = re.compile(r"\{\{\s*([\w.]+)\s*\}\}")
BRACE_FIELD = re.compile(r"(?<!\{)\{(\w*)\}(?!\})")

Key = tuple[str | None, str, str | None]


def _key(entry: polib.POEntry | polib.MOEntry) -> Key:
    return (entry.msgctxt, entry.msgid, entry.msgid_plural or None)


def _text(entry: polib.POEntry) -> str:
    context = f" (context {entry.msgctxt!r})" if entry.msgctxt else ""
    return f"{entry.msgid!r}{context}"


def _describe(entry: polib.POEntry) -> str:
    """An entry of a catalogue, by its line there."""
    return f"line {entry.linenum}: {_text(entry)}"


def _in_source(entry: polib.POEntry) -> str:
    """An extracted string, by where the source marks it."""
    where = " ".join(f"{path}:{line}" for path, line in entry.occurrences[:2])
    return f"{where}: {_text(entry)}"


def _po(language: str) -> Path:
    return SAMSPILL / "locale" / language / "LC_MESSAGES" / "django.po"


def _allauth_po(language: str) -> Path:
    return SAMSPILL / "locale_allauth" / language / "LC_MESSAGES" / "django.po"


def _read(path: Path) -> polib.POFile:
    assert path.exists(), f"{path} is missing; run `make messages`"
    return polib.pofile(str(path))


def _entries(path: Path) -> list[polib.POEntry]:
    return [entry for entry in _read(path) if not entry.obsolete]


CATALOGUES = [pytest.param((language, _po(language)), id=language) for language in LANGUAGES] + [
    pytest.param((language, _allauth_po(language)), id=f"allauth-{language}")
    for language in ["nn", "nb"]
]


@pytest.fixture(scope="module", params=CATALOGUES)
def catalogue(request) -> tuple[str, Path, polib.POFile]:
    language, path = request.param
    return language, path, _read(path)


# --- extraction of the marked strings ------------------------------------------------------


def _extract(root: Path, files: Iterable[Path]) -> dict[Key, polib.POEntry]:
    """What makemessages extracts from these files (relative to root), as the .pot has it.

    makemessages writes next to the files it reads and into the locale folder, so it runs on a
    copy in a temporary folder; xgettext does the extracting, with Django's keywords (gettext,
    pgettext, ngettext and their lazy forms) and templates turned into code by Django's
    templatize ({% translate %}, {% blocktranslate %}, _("…") in filters).
    """
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / root.name
        for relative in files:
            target = copy / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(root / relative, target)
        (copy / "locale").mkdir()
        cwd = os.getcwd()
        os.chdir(copy)
        try:
            with override_settings(LOCALE_PATHS=[copy / "locale"]):
                call_command("makemessages", locale=["en"], keep_pot=True, verbosity=0)
        except CommandError as error:
            pytest.fail(
                f"makemessages failed ({error}); GNU gettext is needed (apt install gettext)"
            )
        finally:
            os.chdir(cwd)
        pot = polib.pofile(str(copy / "locale" / "django.pot"))
    return {_key(entry): entry for entry in pot}


def _source_files() -> list[Path]:
    """The files `make messages` reads: makemessages walks samspill/, skipping hidden folders
    and the folders named locale."""
    found = []
    for folder, folders, names in os.walk(SAMSPILL):
        folders[:] = [name for name in folders if not name.startswith(".") and name != "locale"]
        found += [
            Path(folder, name).relative_to(SAMSPILL)
            for name in names
            if Path(name).suffix in SOURCE_SUFFIXES and not name.startswith(".")
        ]
    return found


@pytest.fixture(scope="session")
def source_messages() -> dict[Key, polib.POEntry]:
    return _extract(SAMSPILL, _source_files())


@pytest.fixture(scope="session")
def allauth_messages() -> dict[Key, polib.POEntry]:
    gone = [name for name in ALLAUTH_PAGES if not (ALLAUTH / name).exists()]
    assert not gone, f"allauth no longer has {gone}; update ALLAUTH_PAGES and its catalogues"
    return _extract(ALLAUTH, [Path(name) for name in ALLAUTH_PAGES])


# --- the catalogues match the source --------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_marked_string_is_in_the_catalogue(language, source_messages):
    path = _po(language)
    keys = {_key(entry) for entry in _entries(path)}
    missing = [_in_source(entry) for key, entry in source_messages.items() if key not in keys]
    assert not missing, (
        f"{path.relative_to(SAMSPILL.parent)} lacks {len(missing)} marked strings; "
        "run `make messages` and translate them:\n" + "\n".join(sorted(missing))
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_holds_no_string_the_source_no_longer_marks(language, source_messages):
    path = _po(language)
    stale = [_describe(entry) for entry in _entries(path) if _key(entry) not in source_messages]
    assert not stale, (
        f"{path.relative_to(SAMSPILL.parent)} has {len(stale)} strings no longer in the source; "
        "run `make messages` (it drops them):\n" + "\n".join(stale)
    )


def test_all_languages_have_the_same_messages():
    keys = {language: {_key(entry) for entry in _entries(_po(language))} for language in LANGUAGES}
    for language in LANGUAGES[1:]:
        differ = sorted(keys[language] ^ keys[LANGUAGES[0]], key=str)
        assert not differ, (
            f"{language} and {LANGUAGES[0]} differ: {differ}; run makemessages for all languages"
        )


def test_allauth_nynorsk_covers_the_allauth_pages_samspill_shows(allauth_messages):
    keys = {_key(entry) for entry in _entries(_allauth_po("nn"))}
    missing = [_in_source(entry) for key, entry in allauth_messages.items() if key not in keys]
    assert not missing, (
        "samspill/locale_allauth/nn lacks these strings of allauth's pages (nynorsk users would "
        "see allauth's bokmål):\n" + "\n".join(missing)
    )


@pytest.mark.parametrize("language", ["nn", "nb"])
def test_allauth_catalogue_translates_only_allauth_strings(language, allauth_messages):
    stale = [
        _describe(e) for e in _entries(_allauth_po(language)) if _key(e) not in allauth_messages
    ]
    assert not stale, (
        f"samspill/locale_allauth/{language} has strings that allauth's pages no longer have "
        "(after an allauth upgrade: compare with its catalogue):\n" + "\n".join(stale)
    )


def test_allauth_bokmal_overrides_change_allauth_wording():
    own = {
        _key(entry): entry.msgstr for entry in _entries(ALLAUTH / "locale/nb/LC_MESSAGES/django.po")
    }
    same = [_describe(e) for e in _entries(_allauth_po("nb")) if own.get(_key(e)) == e.msgstr]
    assert not same, "these overrides repeat allauth's own bokmål; remove them:\n" + "\n".join(same)


# --- each catalogue is complete, clean and compiled -----------------------------------------


def test_catalogue_header_names_its_language(catalogue):
    language, path, po = catalogue
    assert po.metadata.get("Language") == language, f"{path}: Language header"
    assert po.metadata.get("Plural-Forms") == PLURAL_FORMS, f"{path}: Plural-Forms header"
    assert "charset=UTF-8" in po.metadata.get("Content-Type", ""), f"{path}: charset"


def test_every_entry_has_a_translation(catalogue):
    _language, path, po = catalogue
    untranslated = [
        _describe(entry)
        for entry in po
        if not entry.obsolete
        and (
            (
                entry.msgid_plural
                and (len(entry.msgstr_plural) < 2 or not all(entry.msgstr_plural.values()))
            )
            or (not entry.msgid_plural and not entry.msgstr)
        )
    ]
    assert not untranslated, f"{path}: untranslated entries:\n" + "\n".join(untranslated)


def test_no_entry_is_marked_fuzzy(catalogue):
    _language, path, po = catalogue
    assert not po.metadata_is_fuzzy, f"{path}: the header is marked fuzzy"
    fuzzy = [_describe(entry) for entry in po if entry.fuzzy and not entry.obsolete]
    assert not fuzzy, f"{path}: fuzzy entries (check and remove the flag):\n" + "\n".join(fuzzy)


def _placeholders(text: str) -> tuple[set[str], int, set[str], set[str]]:
    without_escapes = text.replace("%%", "")
    return (
        set(NAMED.findall(without_escapes)),
        len(POSITIONAL.findall(without_escapes)),
        set(TEMPLATE_VARIABLE.findall(text)),
        set(BRACE_FIELD.findall(text)),
    )


def _translations(entry: polib.POEntry | polib.MOEntry) -> dict[int, str]:
    if entry.msgid_plural:
        return {int(index): text for index, text in entry.msgstr_plural.items()}
    return {0: entry.msgstr}


def test_translations_keep_every_placeholder(catalogue):
    _language, path, po = catalogue
    wrong = []
    for entry in po:
        if entry.obsolete:
            continue
        for index, text in _translations(entry).items():
            source = entry.msgid_plural if entry.msgid_plural and index > 0 else entry.msgid
            if text and _placeholders(text) != _placeholders(source):
                wrong.append(f"{_describe(entry)} msgstr[{index}] = {text!r}")
    assert not wrong, f"{path}: placeholders differ from the source:\n" + "\n".join(wrong)


def test_compiled_catalogue_matches_the_po_file(catalogue):
    _language, path, po = catalogue
    mo = path.with_suffix(".mo")
    assert mo.exists(), f"{mo} is missing; run compilemessages"
    expected = {
        _key(entry): _translations(entry)
        for entry in po
        if entry.translated() and not entry.obsolete
    }
    compiled = {_key(entry): _translations(entry) for entry in polib.mofile(str(mo)) if entry.msgid}
    stale = sorted(
        f"{key[1]!r}" + (f" (context {key[0]!r})" if key[0] else "")
        for key in expected.keys() | compiled.keys()
        if expected.get(key) != compiled.get(key)
    )
    assert not stale, (
        f"{mo} differs from the .po; run compilemessages ({len(stale)} messages):\n"
        + "\n".join(stale)
    )


def test_english_catalogue_repeats_the_source_text():
    different = [
        _describe(entry)
        for entry in _entries(_po("en"))
        if _translations(entry)
        != ({0: entry.msgid, 1: entry.msgid_plural} if entry.msgid_plural else {0: entry.msgid})
    ]
    assert not different, "en: msgstr differs from msgid:\n" + "\n".join(different)


# --- the words we chose --------------------------------------------------------------------


def _shown(language: str, message: Key | str) -> str:
    """The text a page shows for a message (its singular), through every catalogue Django
    merges: Samspill's, locale_allauth's, then allauth's own."""
    context, msgid, plural = (None, message, None) if isinstance(message, str) else message
    with translation.override(language):
        if plural:
            if context:
                return translation.npgettext(context, msgid, plural, 1)
            return translation.ngettext(msgid, plural, 1)
        return translation.pgettext(context, msgid) if context else translation.gettext(msgid)


def _msgstrs(path: Path) -> list[tuple[polib.POEntry, str]]:
    return [(entry, text) for entry in _entries(path) for text in _translations(entry).values()]


# Bokmål forms that have no place in nynorsk text ("medlemmar"/"medlemmer": nynorsk writes
# medlem, medlemen, medlemer, medlemene).
NOT_NYNORSK = re.compile(
    r"\b(medlemm\w*|bruker\w*|ikke|hvis|hva|hvem|hvilke|hvordan|noen|noe|også|fra|bare|"
    r"enda|ennå|jeg|mye|følgende|vennligst)\b",
    re.IGNORECASE,
)


def test_nynorsk_catalogues_use_nynorsk_forms():
    wrong = [
        f"{path.relative_to(SAMSPILL)} {_describe(entry)}: {match[0]!r} in {text!r}"
        for path in [_po("nn"), _allauth_po("nn")]
        for entry, text in _msgstrs(path)
        if (match := NOT_NYNORSK.search(text))
    ]
    assert not wrong, "bokmål in the nynorsk catalogues:\n" + "\n".join(wrong)


def test_key_nynorsk_words():
    assert _shown("nn", "Members") == "Medlemer"
    assert _shown("nn", "Members now") == "Medlemer no"
    assert "medlemene" in _shown("nn", "Every member has signed the agreement in force.")
    assert _shown("nn", "Memberships") == "Medlemskap"
    assert _shown("nn", "user") == "brukar"
    assert _shown("nn", "users") == "brukarar"
    assert "brukar" in _shown("nn", "The languages and written standards the cluster uses.")


def test_bokmal_says_enna_for_yet(source_messages, allauth_messages):
    """'enda' means 'even' (enda bedre); 'not yet' is 'ikke ennå'."""
    wrong = []
    for key, entry in {**allauth_messages, **source_messages}.items():
        if re.search(r"\byet\b", key[1]):
            shown = _shown("nb", key)
            if re.search(r"\benda\b", shown) or not re.search(r"\bennå\b", shown):
                wrong.append(f"{_in_source(entry)}: {shown!r}")
    assert not wrong, "nb should say 'ennå' for 'yet':\n" + "\n".join(wrong)


def test_password_reset_is_tilbakestille(allauth_messages):
    resets = [key for key in allauth_messages if re.search(r"\breset", key[1], re.IGNORECASE)]
    assert resets
    for language in ["nb", "nn"]:
        wrong = [
            f"{key[1]!r}: {shown!r}"
            for key in resets
            if "tilbakestil" not in (shown := _shown(language, key)).lower()
            or "nullstil" in shown.lower()
        ]
        assert not wrong, f"{language}: a password reset is 'tilbakestille':\n" + "\n".join(wrong)
    email = next(key for key in resets if key[1].startswith("You're receiving this email"))
    assert "bedt om å tilbakestille" in _shown("nb", email)
    # A title or an email subject names the thing; the button says what to do.
    assert _shown("nn", "Password Reset") == "Tilbakestilling av passord"
    assert _shown("nn", "Reset My Password").startswith("Tilbakestill ")


def test_passkey_is_one_word_in_bokmal_and_nynorsk(source_messages):
    allauth_own = _entries(ALLAUTH / "locale/nb/LC_MESSAGES/django.po")
    keys = {_key(entry) for entry in allauth_own} | set(source_messages)
    passkey = [key for key in keys if "passkey" in key[1].lower()]
    assert passkey
    wrong = [
        f"{language} {key[1]!r}: {shown!r}"
        for language in ["nb", "nn"]
        for key in passkey
        if not PASSKEY.search(shown := _shown(language, key))
    ]
    assert not wrong, f"'passkey' should be {PASSKEY.pattern!r}:\n" + "\n".join(wrong)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("nb", ["Organisasjoner", "Personer", "Kommune", "Annet", "knutepunkter"]),
        ("nn", ["Organisasjonar", "Personar", "Kommune", "Anna", "knutepunkt"]),
        ("en", ["Organisations", "People", "Municipality", "Other", "nodes"]),
    ],
)
def test_key_terms_are_shown_in_the_chosen_language(language, expected):
    # The registry's words (organisation kinds, the plural of node), read from the catalogue.
    with translation.override(language):
        shown = [
            translation.gettext("Organisations"),
            translation.gettext("People"),
            translation.gettext("Municipality"),
            translation.gettext("Other"),
            translation.pgettext("knutepunkt", "nodes"),
        ]
    assert shown == expected
