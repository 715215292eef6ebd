"""The notice of a meeting: sent by email with the agenda and the meeting for the calendar,
answered by personal links without logging in, substitutes invited when a member cannot come."""

import datetime
import re

import icalendar
import pytest
from django.conf import settings as django_settings
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django_scopes import scopes_disabled
from hypothesis import given, settings
from hypothesis import strategies as st

from samspill.clusters.tests.factories import OrganisationFactory, PersonFactory
from samspill.conftest import client_for
from samspill.governance import services
from samspill.governance.models import Answer, Attendance, Meeting, Role

from .factories import appoint, make_body, meeting_at

pytestmark = pytest.mark.django_db
LINK = re.compile(r"https?://[^\s\"<]+/answer/[^\s\"<]+/")


@pytest.fixture
def board(polyfon):
    """A steering group of two members, one with a personal substitute, meeting next month."""
    body = make_body(polyfon)
    org = OrganisationFactory(cluster=polyfon, name="Universitetet i Bergen")
    leader = appoint(
        body,
        role=Role.CHAIR,
        person=PersonFactory(cluster=polyfon, name="Kari Leder", email="kari@example.org"),
        organisation=org,
    )
    member = appoint(
        body,
        person=PersonFactory(cluster=polyfon, name="Ola Medlem", email="ola@example.org"),
        organisation=org,
    )
    appoint(
        body,
        role=Role.SUBSTITUTE,
        person=PersonFactory(cluster=polyfon, name="Vara Varasen", email="vara@example.org"),
        organisation=org,
        substitute_for=member,
    )
    soon = timezone.localtime() + datetime.timedelta(days=30)
    meeting = meeting_at(body, soon.year, soon.month, soon.day, 10)
    return {"body": body, "meeting": meeting, "leader": leader, "member": member}


def send_notice(meeting, actor, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), scopes_disabled():
        return services.notice_send(meeting=meeting, actor=actor, site_url="http://testserver")


def seat_of(meeting, name) -> Attendance:
    with scopes_disabled():
        return Attendance.objects.get(meeting=meeting, person__name=name)


def link_in(email) -> str:
    found = LINK.search(email.body)
    assert found, email.body
    return found.group(0).removeprefix("http://testserver")


def test_notice_is_emailed_with_the_agenda_and_the_calendar_and_a_personal_link(
    board, secretariat, django_capture_on_commit_callbacks
):
    meeting = board["meeting"]
    assert send_notice(meeting, secretariat, django_capture_on_commit_callbacks) == []
    assert sorted(m.to[0] for m in mail.outbox) == ["kari@example.org", "ola@example.org"]
    email = next(m for m in mail.outbox if m.to == ["ola@example.org"])
    assert "Styringsgruppen" in email.subject
    assert "Ola Medlem" in email.body
    (pdf_name, pdf, pdf_type), (ics_name, ics, ics_type) = email.attachments
    assert pdf_type == "application/pdf" and pdf.startswith(b"%PDF")
    assert ics_type == "text/calendar"
    event = icalendar.Calendar.from_ical(ics).walk("VEVENT")[0]
    assert event.decoded("dtstart") == meeting.starts_at
    assert "Styringsgruppen" in str(event["summary"])
    assert link_in(email) != link_in(next(m for m in mail.outbox if m.to == ["kari@example.org"]))
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.NOTICE_SENT and meeting.notice_sent_at


def test_members_without_an_address_are_named_to_the_secretariat(
    board, secretariat, django_capture_on_commit_callbacks
):
    with scopes_disabled():
        person = board["leader"].person
        person.email = ""
        person.save()
    unreachable = send_notice(board["meeting"], secretariat, django_capture_on_commit_callbacks)
    assert [seat.person.name for seat in unreachable] == ["Kari Leder"]
    assert [m.to for m in mail.outbox] == [["ola@example.org"]]


def test_member_answers_substitute_by_link_without_login_and_the_substitute_is_invited(
    board, secretariat, django_capture_on_commit_callbacks
):
    meeting = board["meeting"]
    send_notice(meeting, secretariat, django_capture_on_commit_callbacks)
    link = link_in(next(m for m in mail.outbox if m.to == ["ola@example.org"]))
    mail.outbox.clear()
    anonymous = client_for(None)
    page = anonymous.get(link)
    assert page.status_code == 200
    assert "Ola Medlem" in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = anonymous.post(link, {"answer": Answer.SUBSTITUTE})
    assert response.status_code == 302
    seat = seat_of(meeting, "Ola Medlem")
    assert seat.answer == Answer.SUBSTITUTE
    assert seat.status == Attendance.Status.SUBSTITUTE
    assert seat.substitute.name == "Vara Varasen"
    (invitation,) = mail.outbox
    assert invitation.to == ["vara@example.org"]
    assert "Ola Medlem" in invitation.body

    # The substitute answers by their own link.
    substitute_link = link_in(invitation)
    assert "Vara Varasen" in anonymous.get(substitute_link).content.decode()
    anonymous.post(substitute_link, {"answer": "attend"})
    assert seat_of(meeting, "Ola Medlem").substitute_answer == "attend"


def test_a_member_who_comes_after_all_releases_the_substitute(
    board, secretariat, django_capture_on_commit_callbacks
):
    meeting = board["meeting"]
    send_notice(meeting, secretariat, django_capture_on_commit_callbacks)
    link = link_in(next(m for m in mail.outbox if m.to == ["ola@example.org"]))
    anonymous = client_for(None)
    with django_capture_on_commit_callbacks(execute=True):
        anonymous.post(link, {"answer": Answer.CANNOT})
    seat = seat_of(meeting, "Ola Medlem")
    assert seat.status == Attendance.Status.ABSENT_WITH_NOTICE
    invitation = mail.outbox[-1]
    assert invitation.to == ["vara@example.org"]
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        anonymous.post(link, {"answer": Answer.ATTEND})
    seat = seat_of(meeting, "Ola Medlem")
    assert seat.status == Attendance.Status.PRESENT and seat.substitute is None
    (released,) = mail.outbox
    assert released.to == ["vara@example.org"] and not released.attachments
    # The released substitute's link no longer works, and says why.
    response = anonymous.post(link_in(invitation), {"answer": "attend"}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 404
    assert "no longer invited" in response.content.decode()


def test_an_altered_link_gets_a_clear_page_and_changes_nothing(
    board, secretariat, django_capture_on_commit_callbacks
):
    send_notice(board["meeting"], secretariat, django_capture_on_commit_callbacks)
    link = link_in(mail.outbox[0])
    altered = link[:-6] + ("A" if link[-6] != "A" else "B") + link[-5:]
    response = client_for(None).post(altered, {"answer": Answer.CANNOT}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 404
    assert "not valid" in response.content.decode()
    with scopes_disabled():
        assert not Attendance.objects.exclude(answer="").exists()


def test_a_link_used_after_the_meeting_has_started_changes_nothing(
    board, secretariat, django_capture_on_commit_callbacks
):
    meeting = board["meeting"]
    send_notice(meeting, secretariat, django_capture_on_commit_callbacks)
    link = link_in(next(m for m in mail.outbox if m.to == ["ola@example.org"]))
    with scopes_disabled():
        Meeting.objects.filter(pk=meeting.pk).update(
            starts_at=timezone.now() - datetime.timedelta(hours=1)
        )
    anonymous = client_for(None)
    anonymous.cookies[django_settings.LANGUAGE_COOKIE_NAME] = "en"  # chosen on the site
    page = anonymous.get(link).content.decode()
    assert "can no longer be changed" in page
    response = anonymous.post(link, {"answer": Answer.CANNOT})
    assert response.status_code == 410
    assert seat_of(meeting, "Ola Medlem").answer == ""


def test_an_answer_that_is_not_one_of_the_choices_is_explained(
    board, secretariat, django_capture_on_commit_callbacks
):
    send_notice(board["meeting"], secretariat, django_capture_on_commit_callbacks)
    link = link_in(mail.outbox[0])
    response = client_for(None).post(link, {"answer": "maybe"})
    assert response.status_code == 400
    # In the cluster's language, as the email was: Polyfon writes bokmål here.
    assert "Velg ett av svarene" in response.content.decode()


@settings(max_examples=10, deadline=None)
@given(token=st.text(min_size=1, max_size=300).filter(lambda t: "/" not in t))
def test_no_link_makes_the_answer_page_fail(token):
    response = client_for(None).get(reverse("answer", kwargs={"token": "x" + token[:200]}))
    assert response.status_code == 404


def test_only_the_secretariat_sends_notices_and_reminders(
    board, member, secretariat, django_capture_on_commit_callbacks
):
    meeting = board["meeting"]
    kwargs = meeting.url_kwargs()
    with django_capture_on_commit_callbacks(execute=True):
        for name in ("governance:notice_send", "governance:reminders_send"):
            assert client_for(member).post(reverse(name, kwargs=kwargs)).status_code == 404
    assert mail.outbox == []
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.PLANNED

    client = client_for(secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(reverse("governance:notice_send", kwargs=kwargs)).status_code == 302
    assert len(mail.outbox) == 2
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("governance:reminders_send", kwargs=kwargs))
    assert len(mail.outbox) == 4  # neither has answered yet
    assert mail.outbox[-1].subject != mail.outbox[0].subject  # a reminder, not the notice


def test_the_meeting_page_shows_the_answers(board, secretariat, django_capture_on_commit_callbacks):
    meeting = board["meeting"]
    send_notice(meeting, secretariat, django_capture_on_commit_callbacks)
    link = link_in(next(m for m in mail.outbox if m.to == ["ola@example.org"]))
    with django_capture_on_commit_callbacks(execute=True):
        client_for(None).post(link, {"answer": Answer.REMOTE})
    page = client_for(secretariat).get(meeting.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en")
    assert "I attend remotely" in page.content.decode()


def test_calendar_and_notice_documents_of_a_meeting(board, secretariat):
    kwargs = board["meeting"].url_kwargs()
    client = client_for(secretariat)
    ics = client.get(reverse("governance:meeting_ics", kwargs=kwargs))
    assert ics["Content-Type"].startswith("text/calendar")
    assert icalendar.Calendar.from_ical(ics.content).walk("VEVENT")
    pdf = client.get(reverse("governance:notice_pdf", kwargs=kwargs))
    assert pdf.content.startswith(b"%PDF")


# Committed, as in production: the worker closes its database connection between tasks.
@pytest.mark.django_db(transaction=True)
def test_the_task_worker_sends_the_notice(
    board, secretariat, settings, django_capture_on_commit_callbacks
):
    """As in production: the notice is queued in the database, and the worker sends it."""
    from samspill.common.management.commands.worker import ResilientWorker

    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    }
    send_notice(board["meeting"], secretariat, django_capture_on_commit_callbacks)
    assert mail.outbox == []  # queued, not sent
    ResilientWorker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test",
        excluded_queue_names=[],
    ).run()
    assert sorted(m.to[0] for m in mail.outbox) == ["kari@example.org", "ola@example.org"]
    assert all(m.attachments[0][1].startswith(b"%PDF") for m in mail.outbox)


def test_calendar_feeds_of_a_person_and_a_body_by_signed_address(board, polyfon):
    from samspill.governance import notice

    meeting = board["meeting"]
    with scopes_disabled():
        other = meeting_at(make_body(polyfon, name="Panelet", slug="panelet"), 2026, 5, 5)
        Meeting.objects.filter(pk=meeting.pk).update(status=Meeting.Status.CANCELLED)
        ola = board["member"].person
    anonymous = client_for(None)
    feed = anonymous.get(notice.feed_path("person", ola.pk))
    assert feed["Content-Type"].startswith("text/calendar")
    events = icalendar.Calendar.from_ical(feed.content).walk("VEVENT")
    assert [str(e["uid"]).split("@")[0] for e in events] == [f"meeting-{meeting.pk}"]
    assert str(events[0]["status"]) == "CANCELLED"
    body_feed = anonymous.get(notice.feed_path("body", other.body_id))
    assert len(icalendar.Calendar.from_ical(body_feed.content).walk("VEVENT")) == 1
    altered = notice.feed_path("body", other.body_id).replace(".ics", "x.ics")
    assert anonymous.get(altered).status_code == 404
