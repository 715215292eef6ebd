import datetime
import io

import pytest
from auditlog.models import LogEntry
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django_scopes import scopes_disabled
from openpyxl import Workbook

from samspill.clusters.imports import (
    UnreadableFile,
    import_confirm,
    import_prepare,
    read_rows,
)
from samspill.clusters.models import Affiliation, ImportBatch, Membership, Organisation, Person
from samspill.clusters.tests.factories import (
    OrganisationFactory,
    PersonFactory,
    valid_organisation_number,
)
from samspill.common.spreadsheets import Limits, read_table
from samspill.conftest import client_for

pytestmark = pytest.mark.django_db

GOOD_AND_BAD = (
    "navn;type;organisasjonsnummer;region\n"
    "Voss herad;municipality;964967636;Vest\n"
    "Feil AS;business;123456789;Vest\n"
    "Askøy kommune;municipality;964 338 442;Vest\n"
)


def upload(text: str | bytes, name: str = "deltakere.csv"):
    data = text.encode("utf-8") if isinstance(text, str) else text
    return SimpleUploadedFile(name, data, content_type="text/csv")


def xlsx(rows: list[list], name: str = "fil.xlsx"):
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def prepare_and_confirm(cluster, actor, kind, file, include_duplicates=False):
    batch = import_prepare(cluster=cluster, kind=kind, upload=file, actor=actor)
    batch.include_duplicates = include_duplicates
    return batch, import_confirm(batch=batch, actor=actor)


# Preview and confirmation -----------------------------------------------------------------


def test_preview_names_the_bad_row_and_writes_nothing(polyfon, secretariat):
    batch = import_prepare(
        cluster=polyfon, kind="organisations", upload=upload(GOOD_AND_BAD), actor=secretariat
    )
    assert [row["number"] for row in batch.bad_rows] == [3]
    assert "123456789" in batch.bad_rows[0]["errors"][0]
    with scopes_disabled():
        assert not Organisation.objects.exists()


def test_confirm_imports_good_rows_only_and_audits_who(polyfon, secretariat):
    _batch, result = prepare_and_confirm(
        polyfon, secretariat, "organisations", upload(GOOD_AND_BAD)
    )
    assert (result.imported, result.skipped) == (2, 1)
    with scopes_disabled():
        names = sorted(Organisation.objects.values_list("name", flat=True))
        voss = Organisation.objects.get(name="Voss herad")
    assert names == ["Askøy kommune", "Voss herad"]
    assert voss.kind == "municipality" and voss.region.name == "Vest"
    assert LogEntry.objects.get_for_object(voss).get().actor == secretariat


@translation.override("en")
def test_preview_says_exactly_what_confirm_does_with_look_alikes_in_the_file(polyfon, secretariat):
    """Two municipalities alike enough to be one: the preview says so, and confirm agrees."""
    text = (
        "name;kind\n"
        "Bergen kommune;municipality\n"
        "Bergen komune;municipality\n"
        "Voss herad;municipality\n"
        "Stord kommune;municipality\n"
        "Odda kommune;municipality\n"
    )
    batch = import_prepare(
        cluster=polyfon, kind="organisations", upload=upload(text), actor=secretariat
    )
    assert len(batch.good_rows) == 4
    [duplicate] = batch.possible_duplicates
    assert duplicate["warnings"] == ["May be the same as “Bergen kommune” in row 2."]
    result = import_confirm(batch=batch, actor=secretariat)
    assert result.imported == len(batch.good_rows) == 4
    with scopes_disabled():
        assert Organisation.objects.count() == 4


def test_rows_that_may_be_duplicates_are_imported_when_chosen(polyfon, secretariat):
    OrganisationFactory(cluster=polyfon, name="Bergen kommune", organisation_number="")
    _batch, result = prepare_and_confirm(
        polyfon,
        secretariat,
        "organisations",
        upload("name;kind\nBergen kommune.;municipality\n"),
        include_duplicates=True,
    )
    assert result.imported == 1


def test_different_organisation_numbers_are_different_organisations(polyfon, secretariat):
    OrganisationFactory(cluster=polyfon, name="Bergen kommune", organisation_number="964338531")
    batch = import_prepare(
        cluster=polyfon,
        kind="organisations",
        upload=upload("name;kind;orgnr\nBerg kommune;municipality;964967636\n"),
        actor=secretariat,
    )
    assert len(batch.good_rows) == 1


@translation.override("en")
def test_registry_changed_since_preview_imports_nothing_and_shows_new_preview(polyfon, secretariat):
    batch = import_prepare(
        cluster=polyfon,
        kind="people",
        upload=upload("name,initials\nKari Nordmann,KN\nOla Nordmann,ON\n"),
        actor=secretariat,
    )
    PersonFactory(cluster=polyfon, initials="KN")
    result = import_confirm(batch=batch, actor=secretariat)
    assert (result.imported, result.changed) == (0, True)
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.CHANGED
    assert "KN is already used" in batch.bad_rows[0]["errors"][0]
    with scopes_disabled():
        assert Person.objects.count() == 1
    # Confirming the new preview imports what it now says.
    assert import_confirm(batch=batch, actor=secretariat).imported == 1


def test_people_import_links_their_organisations_and_suggests_initials(polyfon, secretariat):
    OrganisationFactory(cluster=polyfon, name="Helse Bergen HF", organisation_number="983974724")
    OrganisationFactory(cluster=polyfon, name="Universitetet i Bergen")
    PersonFactory(cluster=polyfon, initials="SB")
    batch, _result = prepare_and_confirm(
        polyfon,
        secretariat,
        "people",
        upload(
            "navn;tittel;organisasjoner\n"
            'Silje Bakken;Musikkterapeut;"983974724; Universitetet i Bergen"\n'
            "Siri Berg;Professor;\n"
        ),
    )
    assert batch.rows[0]["notes"] and "SBA" in batch.rows[0]["notes"][0]
    with scopes_disabled():
        silje = Person.objects.get(name="Silje Bakken")
        siri = Person.objects.get(name="Siri Berg")
        organisations = sorted(
            Affiliation.objects.filter(person=silje).values_list("organisation__name", flat=True)
        )
    assert (silje.initials, siri.initials) == ("SBA", "SBE")
    assert organisations == ["Helse Bergen HF", "Universitetet i Bergen"]


def test_memberships_from_xlsx_with_norwegian_dates(polyfon, secretariat):
    OrganisationFactory(cluster=polyfon, name="Voss herad")
    file = xlsx(
        [
            ["Organisasjon", "Innmeldt", "Utmeldt"],
            ["Voss herad", "01.05.2025", ""],
            ["Ukjent kommune", "01.05.2025", ""],
        ],
        name="medlemmer.xlsx",
    )
    batch, _result = prepare_and_confirm(polyfon, secretariat, "memberships", file)
    assert "Ukjent kommune" in batch.bad_rows[0]["errors"][0]
    with scopes_disabled():
        membership = Membership.objects.get()
    assert membership.joined_on == datetime.date(2025, 5, 1)
    assert membership.kind == "participant"
    assert membership.region is None  # the organisation's region is read, not copied


def test_a_parent_later_in_the_file_is_saved_first(polyfon, secretariat):
    text = (
        "Navn;Type;Overordnet organisasjon\n"
        "Det medisinske fakultet;university;Universitetet i Bergen\n"
        "Institutt for klinisk medisin;university;Det medisinske fakultet\n"
        "Universitetet i Bergen;university;\n"
    )
    batch, result = prepare_and_confirm(polyfon, secretariat, "organisations", upload(text))
    assert result.imported == 3, batch.rows
    with scopes_disabled():
        institute = Organisation.objects.select_related("parent__parent").get(
            name="Institutt for klinisk medisin"
        )
    assert institute.parent.parent.name == "Universitetet i Bergen"


def test_importing_the_same_file_twice_does_not_duplicate(polyfon, secretariat):
    for _ in range(2):
        batch, _result = prepare_and_confirm(
            polyfon, secretariat, "organisations", upload(GOOD_AND_BAD)
        )
    assert batch.rows[0]["warnings"]
    with scopes_disabled():
        assert Organisation.objects.count() == 2


def test_checking_costs_no_query_per_row(polyfon, secretariat):
    def queries_for(rows: int) -> int:
        lines = ["navn;type;organisasjonsnummer;region;overordnet"]
        lines += [
            f"Kommune {n} {rows};municipality;{valid_organisation_number(n * 31 + rows)};Vest;"
            for n in range(rows)
        ]
        with CaptureQueriesContext(connection) as captured:
            import_prepare(
                cluster=polyfon,
                kind="organisations",
                upload=upload("\n".join(lines)),
                actor=secretariat,
            )
        return len(captured)

    queries_for(1)  # one-off lookups (the audit log's content types) are cached after this
    assert queries_for(3) == queries_for(40)


# Reading files ----------------------------------------------------------------------------


@translation.override("en")
def test_unknown_columns_are_listed_and_headers_read_in_every_language(polyfon, secretariat):
    for header in ("Navn;Type;Fylke;Farge", "Namn;Type;Fylke;Farge", "Name;Kind;County;Colour"):
        batch = import_prepare(
            cluster=polyfon,
            kind="organisations",
            upload=upload(f"{header}\nVoss herad;Kommune;Vestland;blå\n"),
            actor=secretariat,
        )
        assert batch.unused_columns == [header.split(";")[-1]], header
        assert batch.rows[0]["errors"] == [], header


def test_file_without_known_columns_is_refused():
    with pytest.raises(UnreadableFile):
        read_rows(upload("foo;bar\n1;2\n"), "organisations")


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
def test_norwegian_excel_csv_in_windows_1252_with_quotes(polyfon, secretariat, bom):
    text = 'Navn;Type;Kortnavn\n"Brukerorganisasjonen ""Ærlig"" Øst";Brukerorganisasjon;Å\n'
    data = bom + text.encode("utf-8") if bom else text.encode("cp1252")
    batch, result = prepare_and_confirm(polyfon, secretariat, "organisations", upload(data))
    assert result.imported == 1, batch.rows
    with scopes_disabled():
        organisation = Organisation.objects.get()
    assert organisation.name == 'Brukerorganisasjonen "Ærlig" Øst'
    assert (organisation.short_name, organisation.kind) == ("Å", "user_organisation")


@translation.override("en")
def test_csv_named_xlsx_gets_a_clear_message():
    with pytest.raises(UnreadableFile, match="not an Excel workbook"):
        read_table(upload(GOOD_AND_BAD, name="deltakere.xlsx"))


def test_xlsx_named_csv_is_read_as_a_workbook():
    file = xlsx([["Navn", "Type"], ["Voss herad", "Kommune"]], name="deltakere.csv")
    assert read_table(file) == [["Navn", "Type"], ["Voss herad", "Kommune"]]


@translation.override("en")
def test_reading_stops_at_the_row_limit():
    file = xlsx([["Navn"]] + [[f"Organisasjon {n}"] for n in range(300)])
    with pytest.raises(UnreadableFile, match="more than 100 rows"):
        read_table(file, Limits(max_rows=100))


@translation.override("en")
@pytest.mark.parametrize(
    ("content", "limits", "message"),
    [
        ("Navn\n" + "x" * 6000 + "\n", Limits(), "more than 5000 characters"),
        ("Navn" + ";x" * 60 + "\n", Limits(), "more than 50 columns"),
        ("Navn\nA\x00B\n", Limits(), "NUL"),
        ("Navn\nx\n", Limits(max_bytes=5), "the limit is"),
        ("", Limits(), "empty"),
    ],
)
def test_limits_and_broken_text_give_clear_messages(content, limits, message):
    with pytest.raises(UnreadableFile, match=message):
        read_table(upload(content), limits)


# Pages ------------------------------------------------------------------------------------


def test_upload_page_shows_preview_then_confirms(
    secretariat_client, polyfon, django_capture_on_commit_callbacks
):
    response = secretariat_client.post(
        reverse("clusters:import_upload", args=["polyfon"]),
        {"kind": "organisations", "file": upload(GOOD_AND_BAD)},
    )
    with scopes_disabled():
        batch = ImportBatch.objects.get()
    assert response["Location"] == reverse("clusters:import_preview", args=["polyfon", batch.pk])
    preview = secretariat_client.get(response["Location"]).content.decode()
    assert "123456789" in preview
    with django_capture_on_commit_callbacks(execute=True):
        secretariat_client.post(reverse("clusters:import_confirm", args=["polyfon", batch.pk]))
    batch.refresh_from_db()
    assert (batch.status, batch.imported_count) == (ImportBatch.Status.DONE, 2)
    with scopes_disabled():
        assert Organisation.objects.count() == 2
    # Confirming again does nothing more.
    secretariat_client.post(reverse("clusters:import_confirm", args=["polyfon", batch.pk]))
    with scopes_disabled():
        assert Organisation.objects.count() == 2


def test_progress_is_polled_until_done_then_the_page_reloads(secretariat, polyfon):
    batch = import_prepare(
        cluster=polyfon, kind="organisations", upload=upload(GOOD_AND_BAD), actor=secretariat
    )
    client = client_for(secretariat)
    url = reverse("clusters:import_preview", args=["polyfon", batch.pk])
    ImportBatch.objects.with_scopes_disabled().filter(pk=batch.pk).update(
        status=ImportBatch.Status.RUNNING, progress=1
    )
    running = client.get(url, HTTP_HX_REQUEST="true")
    assert 'hx-trigger="every 2s"' in running.content.decode()
    ImportBatch.objects.with_scopes_disabled().filter(pk=batch.pk).update(
        status=ImportBatch.Status.DONE
    )
    done = client.get(url, HTTP_HX_REQUEST="true")
    assert done.headers["HX-Refresh"] == "true"


def test_unreadable_upload_is_reported_at_the_field(secretariat_client, polyfon):
    response = secretariat_client.post(
        reverse("clusters:import_upload", args=["polyfon"]),
        {"kind": "organisations", "file": upload("", name="tom.csv")},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["file"]


def test_many_alike_names_with_their_own_numbers_all_import(polyfon, secretariat):
    """A long file of "Kommune 1", "Kommune 2" … once previewed as importable and then
    imported one row: the confirmation refused each as a duplicate of the row before."""
    lines = ["navn;type;organisasjonsnummer"]
    lines += [f"Kommune {n};municipality;{valid_organisation_number(n + 500)}" for n in range(60)]
    batch, result = prepare_and_confirm(
        polyfon, secretariat, "organisations", upload("\n".join(lines))
    )
    assert len(batch.good_rows) == result.imported == 60
