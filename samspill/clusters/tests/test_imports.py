import io

import pytest
from auditlog.models import LogEntry
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from django_scopes import scopes_disabled
from openpyxl import Workbook

from samspill.clusters.imports import UnreadableFile, import_confirm, import_prepare, read_table
from samspill.clusters.models import Affiliation, ImportBatch, Membership, Organisation
from samspill.clusters.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

GOOD_AND_BAD = (
    "navn;type;organisasjonsnummer;region\n"
    "Voss herad;municipality;964967636;Vest\n"
    "Feil AS;business;123456789;Vest\n"
    "Askøy kommune;municipality;964 338 442;Vest\n"
)


def upload(text: str, name: str = "deltakere.csv"):
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")


def test_preview_names_the_bad_row_and_writes_nothing(polyfon, secretariat):
    batch = import_prepare(
        cluster=polyfon, kind="organisations", upload=upload(GOOD_AND_BAD), actor=secretariat
    )
    assert [row["number"] for row in batch.bad_rows] == [3]
    assert "123456789" in batch.bad_rows[0]["errors"][0]
    with scopes_disabled():
        assert not Organisation.objects.exists()


def test_confirm_imports_good_rows_only_and_audits_who(polyfon, secretariat):
    batch = import_prepare(
        cluster=polyfon, kind="organisations", upload=upload(GOOD_AND_BAD), actor=secretariat
    )
    result = import_confirm(batch=batch, actor=secretariat)
    assert (result.imported, result.skipped) == (2, 1)
    with scopes_disabled():
        names = sorted(Organisation.objects.values_list("name", flat=True))
        voss = Organisation.objects.get(name="Voss herad")
    assert names == ["Askøy kommune", "Voss herad"]
    assert voss.kind == "municipality" and voss.region.name == "Vest"
    assert LogEntry.objects.get_for_object(voss).get().actor == secretariat


def test_rows_are_checked_again_at_confirmation(polyfon, secretariat):
    batch = import_prepare(
        cluster=polyfon,
        kind="people",
        upload=upload("name,initials\nKari Nordmann,KN\n"),
        actor=secretariat,
    )
    from samspill.clusters.tests.factories import PersonFactory

    PersonFactory(cluster=polyfon, initials="KN")
    result = import_confirm(batch=batch, actor=secretariat)
    assert result.imported == 0
    batch.refresh_from_db()
    assert batch.bad_rows


def test_people_import_links_their_organisation(polyfon, secretariat):
    OrganisationFactory(cluster=polyfon, name="Helse Bergen HF", organisation_number="983974724")
    batch = import_prepare(
        cluster=polyfon,
        kind="people",
        upload=upload("navn,tittel,organisasjon\nSilje Bakken,Musikkterapeut,983974724\n"),
        actor=secretariat,
    )
    import_confirm(batch=batch, actor=secretariat)
    with scopes_disabled():
        affiliation = Affiliation.objects.select_related("person", "organisation").get()
    assert affiliation.person.initials == "SB"
    assert affiliation.organisation.name == "Helse Bergen HF"


def test_memberships_from_xlsx_with_norwegian_dates(polyfon, secretariat):
    OrganisationFactory(cluster=polyfon, name="Voss herad")
    workbook = Workbook()
    workbook.active.append(["Organisasjon", "Innmeldt", "Utmeldt"])
    workbook.active.append(["Voss herad", "01.05.2025", ""])
    workbook.active.append(["Ukjent kommune", "01.05.2025", ""])
    buffer = io.BytesIO()
    workbook.save(buffer)
    batch = import_prepare(
        cluster=polyfon,
        kind="memberships",
        upload=SimpleUploadedFile("medlemmer.xlsx", buffer.getvalue()),
        actor=secretariat,
    )
    assert len(batch.good_rows) == 1
    assert "Ukjent kommune" in batch.bad_rows[0]["errors"][0]
    import_confirm(batch=batch, actor=secretariat)
    with scopes_disabled():
        membership = Membership.objects.get()
    assert str(membership.joined_on) == "2025-05-01"
    assert membership.kind == "participant"


def test_file_without_known_columns_is_refused():
    with pytest.raises(UnreadableFile):
        read_table(upload("foo;bar\n1;2\n"))


def test_upload_page_shows_preview_then_confirms(secretariat_client, polyfon):
    response = secretariat_client.post(
        reverse("clusters:import_upload", args=["polyfon"]),
        {"kind": "organisations", "file": upload(GOOD_AND_BAD)},
    )
    with scopes_disabled():
        batch = ImportBatch.objects.get()
    assert response["Location"] == reverse("clusters:import_preview", args=["polyfon", batch.pk])
    preview = secretariat_client.get(response["Location"]).content.decode()
    assert "123456789" in preview
    secretariat_client.post(reverse("clusters:import_confirm", args=["polyfon", batch.pk]))
    with scopes_disabled():
        assert Organisation.objects.count() == 2


def test_unreadable_upload_is_reported_at_the_field(secretariat_client, polyfon):
    response = secretariat_client.post(
        reverse("clusters:import_upload", args=["polyfon"]),
        {"kind": "organisations", "file": upload("", name="tom.csv")},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["file"]


@translation.override("en")
def test_importing_the_same_file_twice_does_not_duplicate(polyfon, secretariat):
    for _ in range(2):
        batch = import_prepare(
            cluster=polyfon, kind="organisations", upload=upload(GOOD_AND_BAD), actor=secretariat
        )
        import_confirm(batch=batch, actor=secretariat)
    assert "May already be registered" in " ".join(batch.rows[0]["errors"])
    with scopes_disabled():
        assert Organisation.objects.count() == 2
