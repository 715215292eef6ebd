"""Approved minutes are locked; a correction is a new version with a reason, shown as what it
changed, and the versions before stay readable."""

import pytest
from django.urls import reverse
from django_scopes import scopes_disabled

from samspill.conftest import client_for
from samspill.governance import services
from samspill.governance.models import Case, Meeting, MinutesVersion

from .factories import make_body, meeting_at

pytestmark = pytest.mark.django_db


@pytest.fixture
def approved(polyfon, secretariat):
    meeting = meeting_at(make_body(polyfon), 2022, 10, 7, standard_cases=False)
    with scopes_disabled():
        case = services.case_add(meeting=meeting, title="Budsjett 2023", actor=None)
        case.decision = "Budsjettet på 1,2 millioner kroner vedtas."
        case.save()
        meeting.status = Meeting.Status.HELD
        meeting.save()
        services.minutes_approve(meeting=meeting, actor=secretariat)
    return case


def correct_url(case) -> str:
    return reverse("governance:case_correct", kwargs=case.url_kwargs())


def versions_url(case) -> str:
    return reverse("governance:minutes_versions", kwargs=case.meeting.url_kwargs())


def test_approval_keeps_the_minutes_as_version_1(approved):
    with scopes_disabled():
        (version,) = MinutesVersion.objects.filter(meeting=approved.meeting)
    assert version.number == 1
    assert "Budsjettet på 1,2 millioner kroner vedtas." in version.text


def test_a_correction_is_a_new_version_with_its_reason_and_what_changed(approved, secretariat):
    client = client_for(secretariat)
    response = client.post(
        correct_url(approved),
        {
            "decision": "Budsjettet på 1,3 millioner kroner vedtas.",
            "discussion": "",
            "dissent": "",
            "reason": "Feil beløp i vedtaket",
        },
    )
    assert response.status_code == 302
    with scopes_disabled():
        first, second = MinutesVersion.objects.filter(meeting=approved.meeting)
        assert Case.objects.get(pk=approved.pk).decision.startswith("Budsjettet på 1,3")
    assert "1,2 millioner" in first.text  # the approved version stays as it was
    assert "1,3 millioner" in second.text and second.reason == "Feil beløp i vedtaket"
    page = client.get(versions_url(approved)).content.decode()
    assert "<del>- Budsjettet på 1,2 millioner kroner vedtas.</del>" in page
    assert "<ins>+ Budsjettet på 1,3 millioner kroner vedtas.</ins>" in page
    assert "Feil beløp i vedtaket" in page
    old = client.get(versions_url(approved), {"version": "1"}).content.decode()
    assert "1,2 millioner" in old.split('id="version-text"')[1]


def test_a_correction_without_a_reason_is_explained_and_keeps_the_text(approved, secretariat):
    response = client_for(secretariat).post(
        correct_url(approved),
        {"decision": "Ny tekst", "discussion": "", "dissent": "", "reason": " "},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 200
    assert response.context["form"].errors["reason"]
    assert "Ny tekst" in response.content.decode()
    with scopes_disabled():
        assert MinutesVersion.objects.filter(meeting=approved.meeting).count() == 1
        assert Case.objects.get(pk=approved.pk).decision.startswith("Budsjettet på 1,2")


def test_editing_approved_minutes_is_refused_with_a_message(approved, secretariat):
    edit = reverse("governance:case_edit", kwargs=approved.url_kwargs())
    response = client_for(secretariat).post(
        edit, {"title": "Endret", "kind": "decision"}, follow=True, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert "cannot be changed" in response.content.decode()
    with scopes_disabled():
        assert Case.objects.get(pk=approved.pk).title == "Budsjett 2023"


def test_members_read_the_versions_unless_the_minutes_hold_restricted_cases(
    approved, member, secretariat
):
    assert client_for(member).get(versions_url(approved)).status_code == 200
    assert client_for(member).post(correct_url(approved), {"reason": "x"}).status_code == 404
    with scopes_disabled():
        Case.objects.filter(pk=approved.pk).update(restricted=True, legal_ground="offl. § 13")
    assert client_for(member).get(versions_url(approved)).status_code == 404
    assert client_for(secretariat).get(versions_url(approved)).status_code == 200


def test_versions_approved_by_nobody_in_particular_are_listed(polyfon, member):
    """Minutes approved without a user (by signing, or by the demo) show a dash for who."""
    meeting = meeting_at(make_body(polyfon), 2022, 3, 18, standard_cases=False)
    with scopes_disabled():
        meeting.status = Meeting.Status.HELD
        meeting.save()
        services.minutes_approve(meeting=meeting, actor=None)
    url = reverse("governance:minutes_versions", kwargs=meeting.url_kwargs())
    assert client_for(member).get(url).status_code == 200
