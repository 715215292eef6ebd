"""A date poll: candidate times sent to the body's members, answered by personal links
without logging in; the time chosen becomes a planned meeting, and everyone gets the .ics."""

import re

import icalendar
import pytest
from django.core import mail
from django.urls import reverse
from django_scopes import scopes_disabled

from samspill.clusters.tests.factories import PersonFactory
from samspill.conftest import client_for
from samspill.governance.models import DatePoll, Meeting, Role

from .factories import appoint, make_body

pytestmark = pytest.mark.django_db
LINK = re.compile(r"https?://[^\s]+/poll/[^\s]+/")


@pytest.fixture
def body(polyfon):
    body = make_body(polyfon, name="Partnermøtet", slug="partnermotet")
    for name in ("Kari Leder", "Ola Medlem"):
        appoint(
            body,
            role=Role.MEMBER,
            person=PersonFactory(
                cluster=polyfon, name=name, email=f"{name[:3].lower()}@example.org"
            ),
        )
    return body


def create(client, body, data):
    return client.post(reverse("governance:poll_create", kwargs=body.url_kwargs()), data)


def test_a_date_poll_from_question_to_planned_meeting(
    body, secretariat, django_capture_on_commit_callbacks
):
    client = client_for(secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        response = create(
            client,
            body,
            {"title": "Vårmøtet 2027", "slot_1": "2027-03-10T10:00", "slot_2": "2027-03-11T12:00"},
        )
    assert response.status_code == 302
    assert sorted(m.to[0] for m in mail.outbox) == ["kar@example.org", "ola@example.org"]
    links = {
        m.to[0]: LINK.search(m.body).group(0).removeprefix("http://testserver") for m in mail.outbox
    }
    with scopes_disabled():
        poll = DatePoll.objects.get()
        first, second = poll.slots.all()

    anonymous = client_for(None)
    assert "Vårmøtet 2027" in anonymous.get(links["kar@example.org"]).content.decode()
    anonymous.post(links["kar@example.org"], {f"slot-{first.pk}": "no", f"slot-{second.pk}": "yes"})
    anonymous.post(
        links["ola@example.org"], {f"slot-{first.pk}": "yes", f"slot-{second.pk}": "if_needed"}
    )
    table = client.get(
        reverse("governance:poll_detail", kwargs=poll.url_kwargs()), HTTP_ACCEPT_LANGUAGE="en"
    )
    assert "1 yes, 1 if need be" in table.content.decode()

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("governance:poll_choose", kwargs=poll.url_kwargs()), {"slot": second.pk}
        )
    with scopes_disabled():
        meeting = Meeting.objects.get(body=body)
    assert response["Location"] == meeting.get_absolute_url()
    assert meeting.starts_at == second.starts_at and meeting.status == Meeting.Status.PLANNED
    assert len(mail.outbox) == 2
    ics = mail.outbox[0].attachments[0][1]
    assert (
        icalendar.Calendar.from_ical(ics).walk("VEVENT")[0].decoded("dtstart") == second.starts_at
    )
    # The poll is closed now: an answer changes nothing.
    anonymous.post(links["kar@example.org"], {f"slot-{first.pk}": "yes"})
    with scopes_disabled():
        assert first.votes.get(person__name="Kari Leder").answer == "no"


def test_a_poll_needs_two_times_and_explains_bad_ones(body, secretariat):
    response = create(client_for(secretariat), body, {"title": "", "slot_1": "i morgen"})
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"title", "slot_1", "slot_2"}


def test_an_altered_poll_link_changes_nothing(
    body, secretariat, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        create(
            client_for(secretariat),
            body,
            {"title": "Høst", "slot_1": "2027-09-01T10:00", "slot_2": "2027-09-02T10:00"},
        )
    link = LINK.search(mail.outbox[0].body).group(0).removeprefix("http://testserver")
    assert client_for(None).post(link[:-4] + "zz/", {}).status_code == 404
