"""Writes on bodies, meetings, attendance, the notice and the minutes (cases: `cases.py`).

A rule a write breaks is raised as a ValidationError naming the field, for the view to show
next to it; approved minutes raise MinutesLocked.
"""

import datetime
from functools import partial
from typing import Any

from auditlog.context import set_actor
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scope

from samspill.accounts.models import User
from samspill.clusters.freshness import cluster_changed
from samspill.clusters.models import Person
from samspill.clusters.services import record_save

from .. import tasks
from ..models import (
    Answer,
    Appointment,
    Attendance,
    Body,
    Case,
    Circulation,
    FollowUp,
    MandateVersion,
    Meeting,
    MinutesSigner,
    MinutesVersion,
    Role,
    SubstituteAnswer,
)
from .cases import MinutesLocked, case_add


@transaction.atomic
def mandate_adopt(
    *, body: Body, adopted_on: datetime.date, adopted_in: Case | None, actor: User | None
) -> MandateVersion:
    """Record that the body's mandate, as it reads now, was adopted on `adopted_on` (in a
    case, usually): a new version, kept as it is."""
    if not body.mandate.strip():
        raise ValidationError(_("Write the mandate on the body before recording its adoption."))
    version = MandateVersion(
        cluster=body.cluster,
        body=body,
        text=body.mandate,
        adopted_on=adopted_on,
        adopted_in=adopted_in,
    )
    return record_save(record=version, actor=actor)


def _meeting_slug(body: Body, day: datetime.date, exclude_pk: int | None = None) -> str:
    taken = set(
        Meeting.objects.with_scopes_disabled()
        .filter(body=body, slug__startswith=day.isoformat())
        .exclude(pk=exclude_pk)
        .values_list("slug", flat=True)
    )
    slug, n = day.isoformat(), 1
    while slug in taken:
        n += 1
        slug = f"{day.isoformat()}-{n}"
    return slug


@transaction.atomic
def meeting_create(
    *,
    body: Body,
    starts_at: datetime.datetime,
    actor: User | None,
    standard_cases: bool = True,
    **fields: Any,
) -> Meeting:
    """Plan a meeting: its address from its date, a seat for every member summoned on that
    day, and (unless told not to) the standard opening and closing cases, with between them
    what is carried forward: cases left undecided, open follow-ups, and written procedures
    finished since."""
    with set_actor(actor), scope(cluster=body.cluster):
        day = timezone.localtime(starts_at).date()
        meeting = Meeting(
            cluster=body.cluster,
            body=body,
            starts_at=starts_at,
            slug=_meeting_slug(body, day),
            **fields,
        )
        meeting.full_clean()
        meeting.save()
        attendance_seat_members(meeting=meeting)
    if standard_cases:
        case_add(
            meeting=meeting,
            title=_("Approval of the notice and the agenda"),
            kind=Case.Kind.NOTICE_APPROVAL,
            actor=actor,
        )
        previous = (
            Meeting.objects.with_scopes_disabled()
            .filter(body=body, starts_at__lt=starts_at)
            .exclude(status=Meeting.Status.CANCELLED)
            .order_by("-starts_at")
            .first()
        )
        if previous is not None:
            case_add(
                meeting=meeting,
                title=_("Approval of the minutes of the meeting of %(date)s")
                % {"date": timezone.localtime(previous.starts_at).strftime("%d.%m.%Y")},
                kind=Case.Kind.MINUTES_APPROVAL,
                actor=actor,
            )
        _carry_forward(meeting=meeting, actor=actor)
        _circulations_report(meeting=meeting, actor=actor)
        case_add(
            meeting=meeting,
            title=_("Any other business"),
            kind=Case.Kind.OTHER_BUSINESS,
            actor=actor,
        )
    return meeting


HELD = (Meeting.Status.HELD, Meeting.Status.MINUTES_DRAFT, Meeting.Status.MINUTES_APPROVED)
TO_DECIDE = (Case.Kind.DECISION, Case.Kind.ELECTION)


def _carry_forward(*, meeting: Meeting, actor: User | None) -> None:
    """The cases the body's last held meeting left undecided come back, each following up its
    earlier self; the body's open follow-ups are listed in one orientation case."""
    with scope(cluster=meeting.cluster):
        last = (
            Meeting.objects.filter(
                body_id=meeting.body_id, starts_at__lt=meeting.starts_at, status__in=HELD
            )
            .order_by("-starts_at")
            .first()
        )
        unfinished = (
            list(
                last.cases.filter(kind__in=TO_DECIDE, decision="", withdrawn=False)
                .exclude(items__decision__gt="")
                .exclude(followed_up_by__isnull=False)
                .order_by("position", "number")
            )
            if last
            else []
        )
        followups = list(
            FollowUp.objects.filter(case__body_id=meeting.body_id, done_on__isnull=True)
            .select_related("owner", "case__body")
            .order_by("due_on", "pk")
        )
    for case in unfinished:
        case_add(
            meeting=meeting,
            title=case.title,
            kind=case.kind,
            actor=actor,
            presenter=case.presenter,
            background=case.background,
            proposed_decision=case.proposed_decision,
            follows_up=case,
            restricted=case.restricted,
            legal_ground=case.legal_ground,
            public_title=case.public_title,
        )
    if followups:
        case_add(
            meeting=meeting,
            title=_("Open follow-ups"),
            kind=Case.Kind.ORIENTATION,
            actor=actor,
            background="\n".join(f"- {_followup_line(f)}" for f in followups),
        )


def _followup_line(followup: FollowUp) -> str:
    parts = [followup.text.replace("\n", " ")]
    if followup.owner:
        parts.append(followup.owner.name)
    if followup.due_on:
        parts.append(_("due %(date)s") % {"date": followup.due_on.strftime("%d.%m.%Y")})
    return f"{', '.join(parts)} ({followup.case.label})"


def _circulations_report(*, meeting: Meeting, actor: User | None) -> None:
    """Bring the body's finished written procedures into `meeting`, once each."""
    with scope(cluster=meeting.cluster):
        waiting = list(
            Circulation.objects.filter(body_id=meeting.body_id, reported_in__isnull=True)
            .exclude(status=Circulation.Status.OPEN)
            .order_by("opens_on", "pk")
        )
    for circulation in waiting:
        circulation_report(circulation=circulation, meeting=meeting, actor=actor)


def circulation_report(*, circulation: Circulation, meeting: Meeting, actor: User | None) -> Case:
    """A finished written procedure on the agenda of `meeting`, before any other business: its
    outcome as an orientation, or the matter to decide if a member wanted it in a meeting."""
    to_meeting = circulation.status == Circulation.Status.TO_MEETING
    case = case_add(
        meeting=meeting,
        title=circulation.title
        if to_meeting
        else _("Written procedure: %(title)s") % {"title": circulation.title},
        kind=Case.Kind.DECISION if to_meeting else Case.Kind.ORIENTATION,
        actor=actor,
        background="\n\n".join(p for p in (circulation.text, circulation.outcome) if p),
        proposed_decision=circulation.proposed_decision,
    )
    with set_actor(actor), scope(cluster=meeting.cluster):
        other_business = meeting.cases.filter(
            kind=Case.Kind.OTHER_BUSINESS, position__lt=case.position
        ).first()
        if other_business is not None:  # "any other business" stays last
            case.position, other_business.position = other_business.position, case.position
            case.save(update_fields=["position"])
            other_business.save(update_fields=["position"])
        circulation.reported_in = case
        circulation.save(update_fields=["reported_in"])
    return case


def attendance_seat_members(*, meeting: Meeting) -> None:
    """A seat for every appointment summoned that is current on the meeting's day."""
    day = timezone.localtime(meeting.starts_at).date()
    seated = set(meeting.attendances.values_list("person_id", flat=True))
    appointments = (
        Appointment.objects.filter(body=meeting.body)
        .current_on(day)
        .exclude(role=Role.SUBSTITUTE)
        .order_by("position", "pk")
    )
    Attendance.objects.bulk_create(
        Attendance(
            cluster=meeting.cluster,
            meeting=meeting,
            appointment=appointment,
            person_id=appointment.person_id,
            summoned=appointment.summoned,
            position=position,
        )
        for position, appointment in enumerate(appointments)
        if appointment.person_id not in seated
    )
    cluster_changed(meeting.cluster_id)  # bulk_create sends no signal


@transaction.atomic
def attendance_record(
    *, attendance: Attendance, status: str, actor: User | None, substitute=None
) -> Attendance:
    if attendance.meeting.minutes_locked:
        raise MinutesLocked
    attendance.status = status
    attendance.substitute = substitute if status == Attendance.Status.SUBSTITUTE else None
    return record_save(record=attendance, actor=actor)


@transaction.atomic
def minutes_approve(
    *, meeting: Meeting, actor: User | None, in_case: Case | None = None
) -> Meeting:
    """Approve the minutes (in a case of a later meeting, or otherwise): they are locked."""
    if meeting.minutes_locked:
        raise MinutesLocked
    if meeting.status in (
        Meeting.Status.PLANNED,
        Meeting.Status.NOTICE_SENT,
        Meeting.Status.CANCELLED,
    ):
        raise ValidationError(_("Only the minutes of a meeting that was held can be approved."))
    meeting.status = Meeting.Status.MINUTES_APPROVED
    meeting.minutes_approved_in = in_case
    record_save(record=meeting, actor=actor)
    _keep_version(meeting, actor=actor, reason="")
    return meeting


@transaction.atomic
def minutes_correct(
    *,
    case: Case,
    discussion: str,
    decision: str,
    dissent: str,
    reason: str,
    actor: User | None,
) -> MinutesVersion:
    """Correct a case of approved minutes: the case's texts change, and the minutes are kept
    as a new version with the reason; the versions before stay as they were."""
    meeting = case.meeting
    if not meeting.minutes_locked:
        raise ValidationError(_("Minutes that are not approved are changed by writing them."))
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the approved minutes are corrected.")})
    case.discussion, case.decision, case.dissent = discussion, decision, dissent
    record_save(record=case, actor=actor)
    return _keep_version(meeting, actor=actor, reason=reason.strip())


def _keep_version(meeting: Meeting, *, actor: User | None, reason: str) -> MinutesVersion:
    from ..versions import minutes_text

    with scope(cluster=meeting.cluster):
        last = meeting.versions.order_by("-number").first()
        version = MinutesVersion(
            cluster=meeting.cluster,
            meeting=meeting,
            number=last.number + 1 if last else 1,
            text=minutes_text(meeting),
            reason=reason,
            created_by=actor,
        )
        return record_save(record=version, actor=actor)


# Notice and answers -------------------------------------------------------------------------


class NoticeNotAllowed(Exception):
    """A cancelled or held meeting gets no notice."""


@transaction.atomic
def notice_send(*, meeting: Meeting, actor: User | None, site_url: str) -> list[Attendance]:
    """Send the notice to every summoned member, by the task worker, each with their own
    answer links; again to all if sent before (a changed meeting). Returns the seats whose
    member has no email address, for the secretariat to reach another way."""
    if meeting.status not in (Meeting.Status.PLANNED, Meeting.Status.NOTICE_SENT):
        raise NoticeNotAllowed
    with set_actor(actor), scope(cluster=meeting.cluster):
        meeting.status = Meeting.Status.NOTICE_SENT
        meeting.notice_sent_at = timezone.now()
        meeting.save(update_fields=["status", "notice_sent_at"])
        seats = list(meeting.attendances.filter(summoned=True).select_related("person"))
    for seat in seats:
        _deliver_later(seat, tasks.NOTICE, site_url)
    return [seat for seat in seats if not seat.person.email]


def reminders_send(*, meeting: Meeting, site_url: str) -> int:
    """Remind the summoned members who have not answered; returns how many. Only after the
    notice and before the meeting."""
    if meeting.status != Meeting.Status.NOTICE_SENT:
        raise NoticeNotAllowed
    with scope(cluster=meeting.cluster):
        seats = list(meeting.attendances.filter(summoned=True, answer=""))
    for seat in seats:
        _deliver_later(seat, tasks.REMINDER, site_url)
    return len(seats)


# What an answer means for the seat: the secretariat corrects it at the meeting.
ANSWER_STATUS = {
    Answer.ATTEND: Attendance.Status.PRESENT,
    Answer.REMOTE: Attendance.Status.REMOTE,
    Answer.SUBSTITUTE: Attendance.Status.SUBSTITUTE,
    Answer.CANNOT: Attendance.Status.ABSENT_WITH_NOTICE,
}


@transaction.atomic
def answer_record(*, seat: Attendance, answer: str, site_url: str) -> Attendance:
    """The member's answer to the notice. When they do not come, their substitute is
    invited; when they come after all, an invited substitute is told they are not needed."""
    seat = Attendance.objects.with_scopes_disabled().select_for_update().get(pk=seat.pk)
    with scope(cluster=seat.cluster):
        seat.answer = Answer(answer)
        seat.answered_at = timezone.now()
        if seat.answer in (Answer.SUBSTITUTE, Answer.CANNOT):
            if seat.substitute_id is None or seat.substitute_answer == SubstituteAnswer.CANNOT:
                _invite_substitute(seat, site_url)
        elif seat.substitute_id is not None:
            _deliver_later(seat, tasks.RELEASED, site_url)
            seat.substitute, seat.substitute_answer, seat.substitute_invited_at = None, "", None
        seat.status = _seat_status(seat)
        seat.save()
    return seat


@transaction.atomic
def substitute_answer_record(*, seat: Attendance, answer: str, site_url: str) -> Attendance:
    """The invited substitute's answer; if they cannot come, the next substitute is asked."""
    seat = Attendance.objects.with_scopes_disabled().select_for_update().get(pk=seat.pk)
    with scope(cluster=seat.cluster):
        seat.substitute_answer = SubstituteAnswer(answer)
        if seat.substitute_answer == SubstituteAnswer.CANNOT:
            _invite_substitute(seat, site_url, after=seat.substitute_id)
        seat.status = _seat_status(seat)
        seat.save()
    return seat


def _seat_status(seat: Attendance) -> str:
    if seat.answer in (Answer.SUBSTITUTE, Answer.CANNOT):
        if seat.substitute_id and seat.substitute_answer == SubstituteAnswer.ATTEND:
            return Attendance.Status.SUBSTITUTE
        if seat.answer == Answer.SUBSTITUTE and seat.substitute_id:
            return Attendance.Status.SUBSTITUTE
        return Attendance.Status.ABSENT_WITH_NOTICE
    return ANSWER_STATUS[Answer(seat.answer)]


def _invite_substitute(seat: Attendance, site_url: str, *, after: int | None = None) -> None:
    """Invite the seat's next substitute (personal ones first, then those fixed for its
    organisation) who is not already at the meeting; none left: the seat stays empty."""
    from .. import queries

    taken = set(
        Attendance.objects.filter(meeting=seat.meeting).values_list("person_id", flat=True)
    ) | set(
        Attendance.objects.filter(meeting=seat.meeting, substitute__isnull=False)
        .exclude(pk=seat.pk)
        .values_list("substitute_id", flat=True)
    )
    candidates = [p.pk for p in queries.substitute_people(seat.meeting, seat).order_by("pk")]
    if after in candidates:
        candidates = candidates[candidates.index(after) + 1 :]
    free = [pk for pk in candidates if pk not in taken]
    if not free:
        seat.substitute, seat.substitute_answer, seat.substitute_invited_at = None, "", None
        return
    seat.substitute_id = free[0]
    seat.substitute_answer = ""
    seat.substitute_invited_at = timezone.now()
    _deliver_later(seat, tasks.INVITATION, site_url)


def _deliver_later(seat: Attendance, kind: str, site_url: str) -> None:
    """The email, composed and sent by the task worker once the change is committed; the
    seat's substitute as it is now (a released one is told even if the seat changes)."""
    person_id = seat.substitute_id if kind in (tasks.INVITATION, tasks.RELEASED) else None
    transaction.on_commit(
        lambda: tasks.notice_deliver.enqueue(
            seat_id=seat.pk, kind=kind, site_url=site_url, person_id=person_id
        )
    )


# Follow-ups ---------------------------------------------------------------------------------


def followup_save(*, followup: FollowUp, actor: User | None) -> FollowUp:
    """Add or change a follow-up of a case; its person must be of the same cluster."""
    followup.cluster = followup.case.cluster
    return record_save(record=followup, actor=actor)


def followup_done(*, followup: FollowUp, done: bool, actor: User | None) -> FollowUp:
    """Mark a follow-up done today, or open again."""
    followup.done_on = timezone.localdate() if done else None
    return record_save(record=followup, actor=actor)


# Approval by signing -------------------------------------------------------------------------


@transaction.atomic
def signers_choose(
    *, meeting: Meeting, people: list[Person], actor: User | None, site_url: str
) -> list[MinutesSigner]:
    """Ask `people` (two members, as a rule) to approve the minutes by signing; each gets an
    email with the minutes and a personal link. The minutes are approved when all have signed."""
    if meeting.minutes_locked:
        raise MinutesLocked
    if meeting.status not in (Meeting.Status.HELD, Meeting.Status.MINUTES_DRAFT):
        raise ValidationError(_("Only the minutes of a meeting that was held can be signed."))
    if len(people) < 1:
        raise ValidationError({"people": _("Choose who signs the minutes.")})
    with set_actor(actor), scope(cluster=meeting.cluster):
        meeting.signers.all().delete()
        signers = [
            MinutesSigner.objects.create(cluster=meeting.cluster, meeting=meeting, person=person)
            for person in people
        ]
        meeting.status = Meeting.Status.MINUTES_DRAFT
        meeting.save(update_fields=["status"])
    for signer in signers:
        transaction.on_commit(partial(_ask_to_sign, signer.pk, site_url))
    return signers


def _ask_to_sign(signer_id: int, site_url: str) -> None:
    tasks.signing_deliver.enqueue(signer_id=signer_id, site_url=site_url)


@transaction.atomic
def minutes_sign(*, signer: MinutesSigner) -> MinutesSigner:
    """A member signs the minutes; the last signature approves and locks them."""
    signer = MinutesSigner.objects.with_scopes_disabled().select_for_update().get(pk=signer.pk)
    if signer.signed_at is not None:
        return signer
    meeting = Meeting.objects.with_scopes_disabled().get(pk=signer.meeting_id)
    if meeting.minutes_locked:
        raise MinutesLocked
    with scope(cluster=signer.cluster):
        signer.signed_at = timezone.now()
        signer.save(update_fields=["signed_at"])
        if not meeting.signers.filter(signed_at__isnull=True).exists():
            minutes_approve(meeting=meeting, actor=None)
    return signer
