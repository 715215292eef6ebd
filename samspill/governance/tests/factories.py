import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone
from django_scopes import scopes_disabled

from samspill.clusters.tests.factories import OrganisationFactory, PersonFactory
from samspill.governance import services
from samspill.governance.models import (
    Appointment,
    Body,
    Circulation,
    CirculationReply,
    DatePoll,
    DatePollSlot,
    Disqualification,
    FollowUp,
    Role,
)

OSLO = ZoneInfo("Europe/Oslo")


def make_body(cluster, **fields) -> Body:
    fields = {
        "name": "Styringsgruppen",
        "slug": f"styringsgruppen-{cluster.slug}",
        "kind": Body.Kind.STEERING_GROUP,
        **fields,
    }
    with scopes_disabled():
        body = Body(cluster=cluster, **fields)
        body.full_clean()
        body.save()
    return body


def appoint(body: Body, *, role: str = Role.MEMBER, person=None, organisation=None, **fields):
    with scopes_disabled():
        return Appointment.objects.create(
            cluster=body.cluster,
            body=body,
            person=person or PersonFactory(cluster=body.cluster),
            organisation=organisation or OrganisationFactory(cluster=body.cluster),
            role=role,
            starts_on=fields.pop("starts_on", datetime.date(2020, 1, 1)),
            **fields,
        )


def meeting_at(body: Body, *when: int, **fields):
    """A meeting of `body` at the local time (year, month, day, hour) in Oslo."""
    starts_at = (
        datetime.datetime(*when, tzinfo=OSLO)
        if len(when) > 3
        else datetime.datetime(*when, 14, tzinfo=OSLO)
    )
    with scopes_disabled():
        return services.meeting_create(body=body, starts_at=starts_at, actor=None, **fields)


def governance_objects(cluster, *, person=None) -> dict:
    """A body with a chair and a member, a meeting with its standard cases and seats: the
    records the pages of every governance URL are about (`objects` in samspill/conftest.py)."""
    body = make_body(cluster, mandate="Styringsgruppen leder **klyngen**.")
    appoint(body, role=Role.CHAIR, person=person)
    member = appoint(body)
    meeting = meeting_at(body, 2026, 3, 2)
    with scopes_disabled():
        meeting.status = meeting.Status.HELD  # so that its minutes can be approved
        meeting.save(update_fields=["status"])
        case = meeting.cases.order_by("position").first()
        followup = FollowUp.objects.create(
            cluster=cluster, case=case, text="Send budsjettet til partnerne", owner=member.person
        )
        approved = meeting_at(body, 2026, 1, 12, standard_cases=False)
        approved.status = approved.Status.HELD
        approved.save(update_fields=["status"])
        services.minutes_approve(meeting=approved, actor=None)
        poll = DatePoll.objects.create(cluster=cluster, body=body, title="Vårmøtet")
        for day in (10, 11):
            DatePollSlot.objects.create(
                cluster=cluster,
                poll=poll,
                starts_at=datetime.datetime(2026, 4, day, 10, tzinfo=OSLO),
            )
        circulation = Circulation.objects.create(
            cluster=cluster,
            body=body,
            purpose=Circulation.Purpose.COMMENTS,
            title="Mandat for gruppa",
            deadline=timezone.localdate() + datetime.timedelta(days=30),
        )
        CirculationReply.objects.create(
            cluster=cluster, circulation=circulation, person=member.person, answer="agree"
        )
        disqualification = Disqualification.objects.create(
            cluster=cluster, case=case, person=member.person, grounds="Styreleder i søker"
        )
        other = make_body(cluster, name="Erfaringspanelet", slug="erfaringspanelet")
        coming = meeting_at(other, 2026, 6, 8, standard_cases=False)
        return {
            "body": body,
            "other_meeting": coming,
            "poll": poll,
            "circulation": circulation,
            "disqualification": disqualification,
            "approved_meeting": approved,
            "appointment": member,
            "meeting": meeting,
            "case": case,
            "attendance": meeting.attendances.order_by("position").first(),
            "followup": followup,
        }
