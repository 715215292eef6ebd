"""The public face of governance: bodies with mandate and members, meetings, and approved
minutes without restricted parts."""

import pytest
from django.urls import reverse
from django_scopes import scopes_disabled

from samspill.conftest import client_for, pdf_text
from samspill.governance import services
from samspill.governance.models import Meeting, Role
from samspill.governance.tests.factories import appoint, make_body, meeting_at

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(polyfon):
    body = make_body(polyfon, name="Styringsgruppa", slug="styre", mandate="Styrer **klynga**.")
    appoint(body, role=Role.CHAIR)
    meeting = meeting_at(body, 2026, 3, 4, standard_cases=False)
    with scopes_disabled():
        services.case_add(meeting=meeting, title="Budsjett 2026", actor=None)
        services.case_add(
            meeting=meeting,
            title="Personalsak Hemmelig",
            restricted=True,
            legal_ground="offl. § 13",
            actor=None,
        )
        meeting.status = Meeting.Status.HELD
        meeting.save()
        services.minutes_approve(meeting=meeting, actor=None)
    planned = meeting_at(body, 2030, 5, 6, standard_cases=False)
    return {"body": body, "meeting": meeting, "planned": planned}


def test_the_public_sees_bodies_members_meetings_and_approved_minutes(published):
    page = client_for(None).get(reverse("website:bodies", kwargs={"cluster": "polyfon"}))
    html = page.content.decode()
    assert "Styringsgruppa" in html and "<strong>klynga</strong>" in html
    with scopes_disabled():
        chair = published["body"].appointments.get().person
    assert chair.name in html
    assert chair.email not in html  # names and organisations only
    assert "06.05.2030" in html  # a planned meeting: its date, no minutes
    minutes_url = reverse("website:minutes_pdf", kwargs=published["meeting"].url_kwargs())
    assert minutes_url in html
    pdf = client_for(None).get(minutes_url)
    text = pdf_text(pdf.content)
    assert "Budsjett 2026" in text
    assert "Hemmelig" not in text


def test_minutes_not_yet_approved_are_not_public(published):
    url = reverse("website:minutes_pdf", kwargs=published["planned"].url_kwargs())
    assert client_for(None).get(url).status_code == 404


def test_a_cluster_without_public_pages_shows_them_to_its_members_only(published, polyfon, member):
    polyfon.is_public = False
    polyfon.save()
    url = reverse("website:bodies", kwargs={"cluster": "polyfon"})
    assert client_for(None).get(url).status_code in (302, 404)
    assert client_for(member).get(url).status_code == 200
