"""Written procedures: sending to the members, their answers and the outcome. The outcome's
way into the next meeting is `meetings.meeting_create`'s."""

import datetime
from functools import partial

from auditlog.context import set_actor
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scope

from samspill.accounts.models import User
from samspill.clusters.services import record_save

from .. import tasks
from ..models import (
    Appointment,
    Body,
    Circulation,
    CirculationAnswer,
    CirculationReply,
    Meeting,
)
from .meetings import circulation_report, minutes_approve


def _members(body: Body, day: datetime.date) -> list:
    """Whom a written procedure asks: the members summoned to the body's meetings that day."""
    appointments = Appointment.objects.filter(body=body).current_on(day).select_related("person")
    people = {a.person_id: a.person for a in appointments if a.summoned}
    return list(people.values())


@transaction.atomic
def circulation_send(*, circulation: Circulation, actor: User | None, site_url: str) -> Circulation:
    """Save a new written procedure and send it to every summoned member of the body, each
    with a personal link to answer by."""
    meeting = circulation.meeting
    if meeting is not None and meeting.body_id != circulation.body_id:
        raise ValidationError({"meeting": _("Choose a meeting of this body.")})
    if circulation.purpose == Circulation.Purpose.MINUTES and meeting and meeting.minutes_locked:
        raise ValidationError({"meeting": _("These minutes are approved already.")})
    with set_actor(actor), scope(cluster=circulation.cluster):
        circulation.full_clean()
        circulation.save()
        people = _members(circulation.body, circulation.opens_on)
        if not people:
            raise ValidationError(_("The body has no current members to send it to."))
        replies = CirculationReply.objects.bulk_create(
            CirculationReply(cluster=circulation.cluster, circulation=circulation, person=person)
            for person in people
        )
    for reply in replies:
        transaction.on_commit(partial(_deliver, reply.pk, site_url))
    return circulation


def _deliver(reply_id: int, site_url: str) -> None:
    tasks.circulation_deliver.enqueue(reply_id=reply_id, site_url=site_url)


@transaction.atomic
def circulation_answer(*, reply: CirculationReply, answer: str, comment: str) -> CirculationReply:
    """A member's answer, which they may change until the deadline. Demanding a meeting
    takes the matter out of the written procedure at once."""
    reply = CirculationReply.objects.with_scopes_disabled().select_for_update().get(pk=reply.pk)
    with scope(cluster=reply.cluster):
        circulation = Circulation.objects.get(pk=reply.circulation_id)
        if not circulation.answerable:
            raise ValidationError(
                _("The written procedure is closed: answers can no longer be changed.")
            )
        if answer not in CirculationAnswer.values:
            raise ValidationError({"answer": _("Choose one of the answers.")})
        if answer in (CirculationAnswer.COMMENT, CirculationAnswer.OBJECT) and not comment.strip():
            raise ValidationError({"comment": _("Write your comment or what you disagree with.")})
        reply.answer, reply.comment = answer, comment.strip()
        reply.answered_at = timezone.now()
        reply.save(update_fields=["answer", "comment", "answered_at"])
        if answer == CirculationAnswer.MEETING:
            circulation.status = Circulation.Status.TO_MEETING
            circulation.save(update_fields=["status"])
    if answer == CirculationAnswer.MEETING:
        _report_to_the_next_meeting(circulation, actor=None)
    return reply


def _report_to_the_next_meeting(circulation: Circulation, *, actor: User | None) -> None:
    """On the agenda of the body's next planned meeting at once, if it has one; otherwise the
    meeting planned next takes it up (`meeting_create`)."""
    with scope(cluster=circulation.cluster):
        meeting = (
            Meeting.objects.filter(
                body_id=circulation.body_id,
                starts_at__gte=timezone.now(),
                status__in=[Meeting.Status.PLANNED, Meeting.Status.NOTICE_SENT],
            )
            .order_by("starts_at")
            .first()
        )
    if meeting is not None:
        circulation_report(circulation=circulation, meeting=meeting, actor=actor)


def may_conclude(circulation: Circulation, replies: list[CirculationReply]) -> bool:
    """Open, and everyone has answered or the deadline has passed: members get their time."""
    if circulation.status != Circulation.Status.OPEN:
        return False
    return not circulation.answerable or all(reply.answer for reply in replies)


def outcome_suggested(circulation: Circulation, replies: list[CirculationReply]) -> str:
    """The outcome as the minutes would put it, from the answers: "no comments came in, so it
    is considered final", or who agreed, commented, disagreed and did not answer."""
    counts = {value: 0 for value in CirculationAnswer.values}
    for reply in replies:
        if reply.answer:
            counts[reply.answer] += 1
    unanswered = sum(1 for reply in replies if not reply.answer)
    period = circulation.period
    if circulation.status == Circulation.Status.TO_MEETING:
        return _(
            "Sent on written procedure %(period)s. A member asked for the matter to be decided "
            "in a meeting."
        ) % {"period": period}
    if not counts[CirculationAnswer.COMMENT] and not counts[CirculationAnswer.OBJECT]:
        return _(
            "Sent on written procedure %(period)s. No comments came in, so it is considered final."
        ) % {"period": period}
    return _(
        "Sent on written procedure %(period)s: %(agree)s agreed, %(comment)s agreed with "
        "comments, %(object)s disagreed, %(unanswered)s did not answer."
    ) % {
        "period": period,
        "agree": counts[CirculationAnswer.AGREE],
        "comment": counts[CirculationAnswer.COMMENT],
        "object": counts[CirculationAnswer.OBJECT],
        "unanswered": unanswered,
    }


@transaction.atomic
def circulation_conclude(
    *, circulation: Circulation, outcome: str, actor: User | None
) -> Circulation:
    """Record the outcome. Minutes out for approval are approved (and locked) by it, unless a
    member disagreed or asked for a meeting: then the next meeting approves them."""
    if circulation.status != Circulation.Status.OPEN:
        raise ValidationError(_("The written procedure is closed already."))
    with scope(cluster=circulation.cluster):
        replies = list(circulation.replies.all())
    if not may_conclude(circulation, replies):
        raise ValidationError(
            _("Members can answer until %(deadline)s, and not all of them have yet.")
            % {"deadline": circulation.deadline.strftime("%d.%m.%Y")}
        )
    if not outcome.strip():
        raise ValidationError({"outcome": _("Write the outcome, as the minutes will say it.")})
    objected = any(
        r.answer in (CirculationAnswer.OBJECT, CirculationAnswer.MEETING) for r in replies
    )
    approves = circulation.purpose == Circulation.Purpose.MINUTES and not objected
    if circulation.purpose == Circulation.Purpose.MINUTES and objected:
        circulation.status = Circulation.Status.TO_MEETING
    else:
        circulation.status = Circulation.Status.CONCLUDED
    circulation.outcome = outcome.strip()
    circulation.concluded_on = timezone.localdate()
    record_save(record=circulation, actor=actor)
    if approves and circulation.meeting_id is not None:
        with scope(cluster=circulation.cluster):
            meeting = Meeting.objects.get(pk=circulation.meeting_id)
        minutes_approve(meeting=meeting, actor=actor)
    _report_to_the_next_meeting(circulation, actor=actor)
    return circulation
