"""Norwegian alphabetical order, the same on SQLite and PostgreSQL."""

import pytest
from django.db import connection

from samspill.common.collation import COLLATION, norwegian, sort_key

# In ICU's Norwegian order (PostgreSQL's nb-NO-x-icu) and so in ours.
NORWEGIAN_ORDER = [
    "(Test)",
    "1 A",
    "10 B",
    "9 C",
    "A-b",
    "Ab c",
    "Abc",
    "berg",
    "Berg",
    "Ebbe",
    "Émile",
    "Eva",
    "Helse Bergen HF",
    "Helse Vest RHF",
    "Helse-Bergen",
    "Høgskolen i Østfold",
    "Høgskulen på Vestlandet",
    "Mueller",
    "Myhre",
    "Müller",
    "Odd",
    "Vestland",
    "Vestland fylkeskommune",
    "VID",
    "VID vitenskapelige høgskole",
    "Über",
    "Yngve",
    "Zeta",
    "Zürich",
    "Ärlig",
    "Ærø",
    "Öberg",
    "Ølen",
    "Øystein",
    "Ålesund",
    # "aa" is a way of writing "å" (Aas = Ås): ICU sorts it so, after Å.
    "Aas",
    "Ås kommune",
    "Åse",
    "Aasen",
]


def test_sort_key_follows_the_norwegian_alphabet():
    shuffled = sorted(NORWEGIAN_ORDER, key=lambda s: s[::-1])
    assert sorted(shuffled, key=sort_key) == NORWEGIAN_ORDER


def test_sort_key_ignores_case_and_accents_first():
    assert sort_key("VID") > sort_key("Vestland")
    assert sort_key("émile") < sort_key("Eva")
    assert sort_key("berg") < sort_key("Berg") < sort_key("Bergen")


def test_collate_expression_names_the_icu_collation():
    assert norwegian("name").collation == COLLATION == "nb-NO-x-icu"


@pytest.mark.django_db
def test_database_sorts_as_sort_key_does():
    """On SQLite the registered collation, on PostgreSQL ICU: both give the same order."""
    values = ", ".join(["(%s)"] * len(NORWEGIAN_ORDER))
    collation = connection.ops.quote_name(COLLATION)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT column1 FROM (VALUES {values}) AS v "  # noqa: S608 - no user input
            f"ORDER BY column1 COLLATE {collation}",
            sorted(NORWEGIAN_ORDER, key=len),
        )
        assert [row[0] for row in cursor.fetchall()] == NORWEGIAN_ORDER
