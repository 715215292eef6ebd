"""Background work of governance, run by the task worker (`manage.py worker`): the emails of
a meeting's notice, composed there because each carries the agenda as PDF."""

import logging

from django_scopes import scopes_disabled
from django_tasks import task

from samspill.clusters.models import Person

from . import notice
from .models import Attendance, CirculationReply, DatePoll, MinutesSigner

logger = logging.getLogger(__name__)

NOTICE, REMINDER, INVITATION, RELEASED = (
    notice.NOTICE,
    notice.REMINDER,
    notice.INVITATION,
    notice.RELEASED,
)


@task()
def notice_deliver(*, seat_id: int, kind: str, site_url: str, person_id: int | None = None) -> int:
    """Send one email of a meeting's notice: to the seat's member (notice, reminder) or to
    the substitute `person_id` (invitation, released). Nothing if the seat is gone or the
    substitute was replaced meanwhile."""
    with scopes_disabled():
        seat = (
            Attendance.objects.select_related("meeting__body", "meeting__cluster", "person")
            .filter(pk=seat_id)
            .first()
        )
        if seat is None:
            return 0
        person: Person | None = seat.person
        if kind in (INVITATION, RELEASED):
            if person_id is None or (kind == INVITATION and seat.substitute_id != person_id):
                return 0
            person = Person.objects.filter(pk=person_id).first()
        if person is None:
            return 0
        email = notice.message(seat, person=person, kind=kind, site_url=site_url)
    if email is None:
        logger.info("no %s for seat %s: no email address", kind, seat_id)
        return 0
    return email.send()


@task()
def signing_deliver(*, signer_id: int, site_url: str) -> int:
    """Ask one member to sign the minutes, with the minutes attached."""
    with scopes_disabled():
        signer = (
            MinutesSigner.objects.select_related("meeting__body", "meeting__cluster", "person")
            .filter(pk=signer_id, signed_at__isnull=True)
            .first()
        )
        if signer is None:
            return 0
        email = notice.signing_message(signer, site_url=site_url)
    return email.send() if email is not None else 0


@task()
def poll_deliver(*, poll_id: int, person_id: int, kind: str, site_url: str) -> int:
    """Ask a member to answer a date poll ("poll"), or tell them the date chosen ("chosen")."""
    with scopes_disabled():
        poll = DatePoll.objects.select_related("body", "cluster", "meeting").filter(pk=poll_id)
        person = Person.objects.filter(pk=person_id).first()
        if not poll.exists() or person is None:
            return 0
        email = notice.poll_message(poll.get(), person, kind=kind, site_url=site_url)
    return email.send() if email is not None else 0


@task()
def circulation_deliver(*, reply_id: int, site_url: str) -> int:
    """Send a member a written procedure with their personal link to answer it."""
    with scopes_disabled():
        reply = (
            CirculationReply.objects.select_related(
                "person", "circulation__body", "circulation__cluster"
            )
            .filter(pk=reply_id)
            .first()
        )
        if reply is None:
            return 0
        email = notice.circulation_message(reply, site_url=site_url)
    return email.send() if email is not None else 0
