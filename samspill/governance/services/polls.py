"""Date polls: candidate times for a body's next meeting, answered by personal links."""

import datetime
from functools import partial

from auditlog.context import set_actor
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scope

from samspill.accounts.models import User
from samspill.clusters.models import Person

from .. import tasks
from ..models import Appointment, Body, DatePoll, DatePollSlot, DatePollVote, Meeting, PollAnswer
from .meetings import meeting_create


def _poll_people(body: Body) -> list[Person]:
    """Whom a date poll asks: the body's current members who are summoned to its meetings."""
    today = timezone.localdate()
    appointments = Appointment.objects.filter(body=body).current_on(today).select_related("person")
    return [a.person for a in appointments if a.summoned]


@transaction.atomic
def poll_create(
    *,
    body: Body,
    title: str,
    slots: list[datetime.datetime],
    actor: User | None,
    site_url: str,
) -> DatePoll:
    """A date poll with candidate times, sent to every summoned member of the body."""
    if len(slots) < 2:
        raise ValidationError({"slot_1": _("Give at least two times to choose between.")})
    with set_actor(actor), scope(cluster=body.cluster):
        poll = DatePoll.objects.create(cluster=body.cluster, body=body, title=title)
        for starts_at in sorted(set(slots)):
            DatePollSlot.objects.create(cluster=body.cluster, poll=poll, starts_at=starts_at)
        people = _poll_people(body)
    for person in people:
        transaction.on_commit(partial(_deliver_poll, poll.pk, person.pk, "poll", site_url))
    return poll


def _deliver_poll(poll_id: int, person_id: int, kind: str, site_url: str) -> None:
    tasks.poll_deliver.enqueue(poll_id=poll_id, person_id=person_id, kind=kind, site_url=site_url)


@transaction.atomic
def poll_answer(*, poll: DatePoll, person: Person, answers: dict[int, str]) -> None:
    """A member's answers, slot by slot (yes, if need be, no); again replaces them."""
    if poll.meeting_id:
        raise ValidationError(_("The date is chosen: the poll is closed."))
    with scope(cluster=poll.cluster):
        for slot in poll.slots.all():
            answer = answers.get(slot.pk)
            if answer is None:
                continue
            DatePollVote.objects.update_or_create(
                cluster=poll.cluster,
                slot=slot,
                person=person,
                defaults={"answer": PollAnswer(answer)},
            )


@transaction.atomic
def poll_choose(
    *, poll: DatePoll, slot: DatePollSlot, actor: User | None, site_url: str
) -> Meeting:
    """The chosen time becomes a planned meeting with the standard cases; everyone asked is
    told, with the meeting for their calendar."""
    if poll.meeting_id:
        raise ValidationError(_("The date is chosen already."))
    meeting = meeting_create(body=poll.body, starts_at=slot.starts_at, actor=actor)
    poll.meeting = meeting
    with set_actor(actor), scope(cluster=poll.cluster):
        poll.save(update_fields=["meeting"])
        people = _poll_people(poll.body)
    for person in people:
        transaction.on_commit(partial(_deliver_poll, poll.pk, person.pk, "chosen", site_url))
    return meeting
