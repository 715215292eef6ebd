"""Written procedures: sent to the members, answered by personal links without logging in,
concluded with an outcome that enters the next meeting; minutes approved by one; and members
disqualified for a case."""

import datetime
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation
from django_scopes import scopes_disabled

from samspill.clusters.tests.factories import PersonFactory
from samspill.conftest import client_for
from samspill.governance import documents, services
from samspill.governance.models import (
    Case,
    Circulation,
    CirculationReply,
    Disqualification,
    Meeting,
    Role,
)

from .factories import OSLO, appoint, make_body, meeting_at

pytestmark = pytest.mark.django_db
LINK = re.compile(r"https?://[^\s]+/circulation/[^\s]+/")
IN_TWO_WEEKS = (timezone.localdate() + datetime.timedelta(days=14)).isoformat()


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


def send(client, body, data, captured, meeting=None):
    url = reverse("governance:circulation_create", kwargs=body.url_kwargs())
    with captured(execute=True):
        return client.post(url + (f"?meeting={meeting.pk}" if meeting else ""), data)


def links() -> dict[str, str]:
    return {
        m.to[0]: LINK.search(m.body).group(0).removeprefix("http://testserver") for m in mail.outbox
    }


def test_from_sending_to_the_next_meetings_agenda(
    body, secretariat, django_capture_on_commit_callbacks
):
    client = client_for(secretariat)
    response = send(
        client,
        body,
        {
            "purpose": "comments",
            "title": "Mandat for Partnermøtet",
            "text": "Partnermøtet er klyngas øverste organ.",
            "deadline": IN_TWO_WEEKS,
        },
        django_capture_on_commit_callbacks,
    )
    with scopes_disabled():
        circulation = Circulation.objects.get()
    assert response["Location"] == circulation.get_absolute_url()
    assert sorted(m.to[0] for m in mail.outbox) == ["kar@example.org", "ola@example.org"]
    kari, ola = links()["kar@example.org"], links()["ola@example.org"]

    anonymous = client_for(None)
    page = anonymous.get(kari).content.decode()
    assert "Mandat for Partnermøtet" in page and "klyngas øverste organ" in page
    assert anonymous.post(kari, {"answer": "agree"}).status_code == 302
    # A comment is needed with "with comments": said next to the field, the choice kept.
    refused = anonymous.post(ola, {"answer": "comment", "comment": " "})
    assert refused.status_code == 400
    assert refused.context["form"].errors["comment"]
    assert refused.context["form"]["answer"].value() == "comment"
    anonymous.post(ola, {"answer": "comment", "comment": "Legg til brukerrepresentant."})
    # Each member sees the others' comments on their own page.
    assert "Legg til brukerrepresentant." in anonymous.get(kari).content.decode()
    with scopes_disabled():
        assert dict(circulation.replies.values_list("person__name", "answer")) == {
            "Kari Leder": "agree",
            "Ola Medlem": "comment",
        }

    detail = client.get(circulation.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en")
    assert "2 of 2 members have answered" in detail.content.decode()
    conclude = reverse("governance:circulation_conclude", kwargs=circulation.url_kwargs())
    assert client.post(conclude, {"outcome": ""}).status_code == 400
    client.post(conclude, {"outcome": "Mandatet er vedtatt med én endring."})
    circulation.refresh_from_db()
    assert circulation.status == Circulation.Status.CONCLUDED
    # Answers are closed once it is concluded, and a late answer changes nothing.
    late = anonymous.post(kari, {"answer": "object", "comment": "Nei"})
    assert late.status_code == 400
    with scopes_disabled():
        assert circulation.replies.get(person__name="Kari Leder").answer == "agree"

    # The outcome enters the next meeting as an orientation, once.
    meeting = meeting_at(body, 2026, 12, 1)
    with scopes_disabled():
        reported = Case.objects.get(meeting=meeting, kind=Case.Kind.ORIENTATION)
        circulation.refresh_from_db()
    assert circulation.reported_in == reported
    assert "Mandatet er vedtatt med én endring." in reported.background
    later = meeting_at(body, 2027, 2, 1)
    with scopes_disabled():
        assert not Case.objects.filter(meeting=later, kind=Case.Kind.ORIENTATION).exists()


def test_the_references_mandate_on_circulation_with_no_comments_is_final(body):
    """ "Mandat … på sirkulasjon i perioden 23. mai – 3. juni. Det kom ikke ytterligere
    kommentarer til mandatet, så det anses som endelig." """
    with scopes_disabled():
        circulation = Circulation.objects.create(
            cluster=body.cluster,
            body=body,
            purpose=Circulation.Purpose.COMMENTS,
            title="Mandat for Partnermøtet",
            opens_on=datetime.date(2022, 5, 23),
            deadline=datetime.date(2022, 6, 3),
        )
        replies = [CirculationReply(circulation=circulation, answer="agree")]
    with translation.override("en"):
        outcome = services.circulation_outcome_suggested(circulation, replies)
    assert outcome == (
        "Sent on written procedure 23.05.2022–03.06.2022. "
        "No comments came in, so it is considered final."
    )
    with translation.override("nb"):
        outcome = services.circulation_outcome_suggested(circulation, replies)
    assert "23.05.2022–03.06.2022" in outcome and "endelig" in outcome


def test_a_member_who_demands_a_meeting_takes_the_matter_to_one(
    body, secretariat, django_capture_on_commit_callbacks
):
    send(
        client_for(secretariat),
        body,
        {
            "purpose": "decision",
            "title": "Ny samarbeidsavtale",
            "proposed_decision": "Partnermøtet godkjenner avtalen.",
            "deadline": IN_TWO_WEEKS,
        },
        django_capture_on_commit_callbacks,
    )
    kari, ola = links()["kar@example.org"], links()["ola@example.org"]
    coming = meeting_at(body, 2027, 1, 11)  # planned already: the matter goes on its agenda
    anonymous = client_for(None)
    anonymous.post(kari, {"answer": "meeting"})
    with scopes_disabled():
        circulation = Circulation.objects.get()
    assert circulation.status == Circulation.Status.TO_MEETING
    page = anonymous.get(ola).content.decode()
    assert 'name="answer"' not in page  # no form any more
    anonymous.post(ola, {"answer": "agree"})
    with scopes_disabled():
        assert circulation.replies.get(person__name="Ola Medlem").answer == ""
        kinds = list(coming.cases.order_by("position").values_list("title", "kind"))
        case = Case.objects.get(meeting=coming, title="Ny samarbeidsavtale")
    assert kinds[-2:] == [
        ("Ny samarbeidsavtale", Case.Kind.DECISION),
        (kinds[-1][0], Case.Kind.OTHER_BUSINESS),  # any other business stays last
    ]
    assert case.proposed_decision == "Partnermøtet godkjenner avtalen."
    # Nothing to conclude: the meeting decides it.
    detail = client_for(secretariat).get(circulation.get_absolute_url())
    assert detail.context["form"] is None


@pytest.fixture
def held(body):
    meeting = meeting_at(body, 2026, 10, 7)
    with scopes_disabled():
        Meeting.objects.filter(pk=meeting.pk).update(status=Meeting.Status.HELD)
        meeting.refresh_from_db()
    return meeting


@pytest.mark.parametrize("second_answer", ["agree", "object"])
def test_minutes_approved_by_written_procedure_unless_someone_disagrees(
    body, held, secretariat, django_capture_on_commit_callbacks, second_answer
):
    client = client_for(secretariat)
    form = client.get(
        reverse("governance:circulation_create", kwargs=body.url_kwargs()) + f"?meeting={held.pk}"
    ).context["form"]
    assert form["purpose"].value() == "minutes" and form["meeting"].value() == held.pk
    send(
        client,
        body,
        {
            "purpose": "minutes",
            "meeting": held.pk,
            "title": "Referat 07.10.2026",
            "deadline": IN_TWO_WEEKS,
        },
        django_capture_on_commit_callbacks,
    )
    anonymous = client_for(None)
    anonymous.post(links()["kar@example.org"], {"answer": "agree"})
    anonymous.post(links()["ola@example.org"], {"answer": second_answer, "comment": "Feil i sak 3"})
    with scopes_disabled():
        circulation = Circulation.objects.get()
    client.post(
        reverse("governance:circulation_conclude", kwargs=circulation.url_kwargs()),
        {"outcome": "Referatet er godkjent ved skriftlig behandling."},
    )
    held.refresh_from_db()
    circulation.refresh_from_db()
    if second_answer == "agree":
        assert held.status == Meeting.Status.MINUTES_APPROVED
        assert circulation.status == Circulation.Status.CONCLUDED
    else:
        assert held.status == Meeting.Status.HELD
        assert circulation.status == Circulation.Status.TO_MEETING


def test_a_bad_or_late_link_gets_a_clear_page_and_changes_nothing(
    body, secretariat, django_capture_on_commit_callbacks
):
    send(
        client_for(secretariat),
        body,
        {"purpose": "comments", "title": "Årsplan", "deadline": IN_TWO_WEEKS},
        django_capture_on_commit_callbacks,
    )
    kari = links()["kar@example.org"]
    anonymous = client_for(None)
    altered = kari[:-3] + ("A" if kari[-3] != "A" else "B") + kari[-2:]
    response = anonymous.post(altered, {"answer": "agree"})
    assert response.status_code == 404
    assert "not valid" in client_for(None).get(altered, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    with scopes_disabled():
        Circulation.objects.update(
            opens_on=datetime.date(2026, 1, 1), deadline=datetime.date(2026, 1, 5)
        )
    assert anonymous.post(kari, {"answer": "agree"}).status_code == 400
    with scopes_disabled():
        assert not CirculationReply.objects.exclude(answer="").exists()


def test_the_form_explains_bad_input_next_to_the_field_and_keeps_it(body, secretariat):
    url = reverse("governance:circulation_create", kwargs=body.url_kwargs())
    response = client_for(secretariat).post(
        url, {"purpose": "decision", "title": "Budsjett 2027", "deadline": "2020-01-01"}
    )
    form = response.context["form"]
    assert set(form.errors) == {"deadline", "proposed_decision"}
    assert form["title"].value() == "Budsjett 2027"
    with scopes_disabled():
        assert not Circulation.objects.exists()


def test_a_disqualified_member_is_recorded_in_the_minutes_and_the_quorum_of_the_case(
    body, held, secretariat
):
    with scopes_disabled():
        Meeting.objects.filter(pk=held.pk).update(
            starts_at=datetime.datetime(2026, 10, 7, 10, tzinfo=OSLO)
        )
        seats = list(held.attendances.order_by("pk"))
        for seat in seats:
            seat.status = seat.Status.PRESENT
            seat.save()
        case = services.case_add(meeting=held, title="Tildeling av midler", actor=None)
    client = client_for(secretariat)
    url = reverse("governance:disqualifications", kwargs=case.url_kwargs())
    # Only someone seated at the meeting can be chosen.
    stranger = PersonFactory(cluster=body.cluster)
    assert client.post(url, {"person": stranger.pk}).context["form"].errors["person"]
    client.post(url, {"person": seats[0].person_id, "grounds": "Styreleder i søker"})
    with scopes_disabled():
        assert Disqualification.objects.get().person_id == seats[0].person_id
    page = client.get(held.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Not quorate for this case: 1 of 2 voting seats." in page
    with translation.override("en"), scopes_disabled():
        entry = next(
            c
            for c in documents.minutes_context(held, kind="minutes", public=True)["cases"]
            if "Tildeling" in c.heading
        )
    assert entry.disqualified == (
        f"Disqualified, took no part in the case: {seats[0].person.name} (Styreleder i søker)."
    )

    # Approved minutes are locked: no disqualification is added or removed.
    services.minutes_approve(meeting=held, actor=None)
    client.post(url, {"person": seats[1].person_id})
    remove = reverse(
        "governance:disqualification_remove",
        kwargs={**case.url_kwargs(), "person": seats[0].person_id},
    )
    client.post(remove)
    with scopes_disabled():
        assert list(Disqualification.objects.values_list("person_id", flat=True)) == [
            seats[0].person_id
        ]


def test_the_outcome_waits_for_every_answer_or_the_deadline(
    body, secretariat, django_capture_on_commit_callbacks
):
    client = client_for(secretariat)
    send(
        client,
        body,
        {"purpose": "comments", "title": "Årsplan", "deadline": IN_TWO_WEEKS},
        django_capture_on_commit_callbacks,
    )
    with scopes_disabled():
        circulation = Circulation.objects.get()
    assert client.get(circulation.get_absolute_url()).context["form"] is None
    conclude = reverse("governance:circulation_conclude", kwargs=circulation.url_kwargs())
    client.post(conclude, {"outcome": "Ingen kommentarer."})
    circulation.refresh_from_db()
    assert circulation.status == Circulation.Status.OPEN
    with scopes_disabled():
        Circulation.objects.update(
            opens_on=datetime.date(2026, 1, 1), deadline=datetime.date(2026, 1, 5)
        )
    assert client.get(circulation.get_absolute_url()).context["form"] is not None
    client.post(conclude, {"outcome": "Ingen kommentarer."})
    circulation.refresh_from_db()
    assert circulation.status == Circulation.Status.CONCLUDED


def test_the_members_page_speaks_the_language_of_the_email(
    body, secretariat, django_capture_on_commit_callbacks
):
    body.cluster.languages = ["nn", "nb"]
    body.cluster.save()
    send(
        client_for(secretariat),
        body,
        {"purpose": "comments", "title": "Årsplan", "deadline": IN_TWO_WEEKS},
        django_capture_on_commit_callbacks,
    )
    assert "svar innan" in mail.outbox[0].subject
    link = links()["kar@example.org"]
    page = client_for(None).get(link, HTTP_ACCEPT_LANGUAGE="nb").content.decode()
    assert "Svar innan" in page and '<html lang="nn"' in page
