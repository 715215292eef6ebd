"""Reads of bodies, meetings and cases: what each page shows, in a fixed number of queries."""

import datetime
from dataclasses import dataclass
from typing import Literal

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from samspill.accounts.models import User
from samspill.clusters.models import Cluster, Person

from .models import (
    Appointment,
    AppointmentQuerySet,
    Attendance,
    Body,
    Case,
    DatePoll,
    DatePollVote,
    Disqualification,
    FollowUp,
    Meeting,
    PollAnswer,
    Role,
)

TERM_WARNING_DAYS = 90
SEATED_ROLES = (Role.CHAIR, Role.DEPUTY_CHAIR, Role.MEMBER)


def bodies_for_list(cluster: Cluster, today: datetime.date) -> QuerySet[Body]:
    seated = Q(appointments__role__in=SEATED_ROLES) & AppointmentQuerySet.current_condition(
        today, through="appointments__"
    )
    return Body.objects.filter(cluster=cluster).annotate(
        member_count=Count("appointments", filter=seated, distinct=True),
        meeting_count=Count("meetings", distinct=True),
    )


def appointments_current(body: Body, today: datetime.date) -> list[Appointment]:
    """Everyone serving on `body` today, substitutes last, with their person and organisation."""
    return list(
        Appointment.objects.filter(body=body)
        .current_on(today)
        .select_related("person", "organisation", "substitute_for__person")
        .order_by("position", "pk")
    )


def substitutes_by_seat(appointments: list[Appointment]) -> dict[int, list[Appointment]]:
    """Who may stand in for whom: each seat's personal substitutes, and the substitutes fixed
    for the organisation it represents."""
    substitutes = [a for a in appointments if a.role == Role.SUBSTITUTE]
    result: dict[int, list[Appointment]] = {}
    for seat in appointments:
        if seat.role == Role.SUBSTITUTE:
            continue
        result[seat.pk] = [
            s
            for s in substitutes
            if s.substitute_for_id == seat.pk
            or (
                s.substitute_for_id is None
                and s.organisation_id is not None
                and s.organisation_id == seat.organisation_id
            )
        ]
    return result


@dataclass(frozen=True)
class Warning:
    text: str


def body_warnings(
    body: Body,
    appointments: list[Appointment],
    today: datetime.date,
    held_on: list[datetime.date] | None = None,
) -> list[Warning]:
    """The body's rules it breaks today, and terms that end within 90 days. `held_on`: the
    days of its meetings that took place, if read already."""
    warnings = []
    seated = [a for a in appointments if a.role in SEATED_ROLES]
    if not any(a.role == Role.CHAIR for a in seated):
        warnings.append(Warning(_("The body has no chair.")))
    if body.max_members is not None and len(seated) > body.max_members:
        warnings.append(
            Warning(
                _("The body has %(count)s members; its mandate allows at most %(max)s.")
                % {"count": len(seated), "max": body.max_members}
            )
        )
    if body.min_experience_representatives:
        count = sum(1 for a in seated if a.is_experience_representative)
        if count < body.min_experience_representatives:
            warnings.append(
                Warning(
                    ngettext(
                        "The body has %(count)s experience representative; "
                        "its mandate requires at least %(min)s.",
                        "The body has %(count)s experience representatives; "
                        "its mandate requires at least %(min)s.",
                        count,
                    )
                    % {"count": count, "min": body.min_experience_representatives}
                )
            )
    if body.min_meetings:
        start, end = _previous_period(body.meetings_per, today)
        if held_on is None:
            held_on = _days_held(Meeting.objects.filter(body=body), start)
        held = sum(1 for day in held_on if start <= day < end)
        if held < body.min_meetings:
            warnings.append(
                Warning(
                    _(
                        "The body met %(held)s times from %(start)s to %(end)s; its mandate "
                        "requires at least %(min)s."
                    )
                    % {
                        "held": held,
                        "min": body.min_meetings,
                        "start": start.strftime("%d.%m.%Y"),
                        "end": (end - datetime.timedelta(days=1)).strftime("%d.%m.%Y"),
                    }
                )
            )
    if body.term_years:
        for a in seated:
            if (
                a.ends_on is None
                and a.starts_on.replace(year=a.starts_on.year + body.term_years) < today
            ):
                warnings.append(
                    Warning(
                        _("%(person)s has served longer than a term of %(years)s years.")
                        % {"person": a.person, "years": body.term_years}
                    )
                )
    for a in appointments:
        if a.ends_on is not None and today <= a.ends_on <= today + datetime.timedelta(
            TERM_WARNING_DAYS
        ):
            warnings.append(
                Warning(
                    _("The term of %(person)s ends on %(date)s.")
                    % {"person": a.person, "date": a.ends_on.strftime("%d.%m.%Y")}
                )
            )
    return warnings


def _days_held(meetings: QuerySet[Meeting], since: datetime.date) -> list[datetime.date]:
    return [
        timezone.localtime(starts_at).date()
        for starts_at in meetings.filter(starts_at__date__gte=since)
        .exclude(status__in=[Meeting.Status.CANCELLED, Meeting.Status.PLANNED])
        .values_list("starts_at", flat=True)
    ]


def cluster_warnings(cluster: Cluster, today: datetime.date) -> list[tuple[Body, list[Warning]]]:
    """Every body of the cluster that breaks a rule, with its warnings: three queries."""
    bodies = list(Body.objects.filter(cluster=cluster).order_by("name"))
    appointments = list(
        Appointment.objects.filter(body__cluster=cluster)
        .current_on(today)
        .select_related("person")
        .order_by("position", "pk")
    )
    since = datetime.date(today.year - 1, 1, 1)  # the earliest previous period
    held: dict[int, list[datetime.date]] = {}
    meetings = Meeting.objects.filter(cluster=cluster).filter(starts_at__date__gte=since)
    for body_id, starts_at in meetings.exclude(
        status__in=[Meeting.Status.CANCELLED, Meeting.Status.PLANNED]
    ).values_list("body_id", "starts_at"):
        held.setdefault(body_id, []).append(timezone.localtime(starts_at).date())
    found = []
    for body in bodies:
        own = [a for a in appointments if a.body_id == body.pk]
        warnings = body_warnings(body, own, today, held.get(body.pk, []))
        if warnings:
            found.append((body, warnings))
    return found


def _previous_period(per: str, today: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The last whole semester (January–June, July–December) or year before `today`."""
    if per == Body.Period.YEAR:
        return datetime.date(today.year - 1, 1, 1), datetime.date(today.year, 1, 1)
    if today.month <= 6:
        return datetime.date(today.year - 1, 7, 1), datetime.date(today.year, 1, 1)
    return datetime.date(today.year, 1, 1), datetime.date(today.year, 7, 1)


def meetings_of(body: Body) -> QuerySet[Meeting]:
    return Meeting.objects.filter(body=body).annotate(case_count=Count("cases"))


def cases_visible(user: User, cluster: Cluster, manages: bool) -> Q:
    """Restricted cases are for the secretariat and the members of the case's body."""
    if manages:
        return Q()
    return Q(restricted=False) | Q(
        body__appointments__person__user=user,
        body__appointments__role__in=[r for r in Role if r != Role.SUBSTITUTE],
    )


def meeting_cases(meeting: Meeting, user: User, manages: bool) -> list[Case]:
    return list(
        Case.objects.filter(meeting=meeting)
        .filter(cases_visible(user, meeting.cluster, manages))
        .distinct()
        .select_related("body", "follows_up__body", "sent_from__body", "sent_from__meeting")
        .prefetch_related(
            "items",
            Prefetch("sent_on", queryset=Case.objects.select_related("body", "meeting")),
            Prefetch("related", queryset=Case.objects.select_related("body")),
            Prefetch("followups", queryset=FollowUp.objects.select_related("owner")),
            Prefetch(
                "disqualifications", queryset=Disqualification.objects.select_related("person")
            ),
        )
        .order_by("position", "number")
    )


def meeting_attendance(meeting: Meeting) -> list[Attendance]:
    return list(
        meeting.attendances.select_related(
            "person", "substitute", "appointment__organisation"
        ).order_by("position", "pk")
    )


@dataclass(frozen=True)
class Quorum:
    seats: int
    filled: int

    @property
    def quorate(self) -> bool:
        """More than half of the voting seats are filled, by members or their substitutes."""
        return self.seats > 0 and self.filled * 2 > self.seats


def quorum(
    meeting: Meeting, attendance: list[Attendance], without: frozenset[int] = frozenset()
) -> Quorum:
    """The voting seats and how many are filled; `without` the people (ids) disqualified for
    a case, whose seats do not count as filled in it."""
    voting = [
        a
        for a in attendance
        if a.appointment is not None and a.appointment.voting and a.appointment.role in SEATED_ROLES
    ]
    seats = meeting.body.voting_seats or len(voting)
    filled = sum(1 for a in voting if a.attends and a.seated_person_id not in without)
    return Quorum(seats=seats, filled=filled)


def today() -> datetime.date:
    return timezone.localdate()


def substitute_people(meeting: Meeting, seat: Attendance):
    """Who may come instead of the seat's holder: its personal substitutes and those fixed
    for its organisation, else any current substitute of the body."""
    from samspill.clusters.models import Person

    day = timezone.localtime(meeting.starts_at).date()
    substitutes = Appointment.objects.filter(body=meeting.body, role=Role.SUBSTITUTE).current_on(
        day
    )
    if seat.appointment is not None:
        own = substitutes.filter(
            Q(substitute_for_id=seat.appointment.pk)
            | Q(substitute_for__isnull=True, organisation_id=seat.appointment.organisation_id)
        )
        if own.exists():
            substitutes = own
    return Person.objects.filter(pk__in=substitutes.values("person_id"))


def decisions_for_list(
    *,
    cluster: Cluster,
    user: User,
    manages: bool,
    search: str = "",
    body: str | None = None,
    year: int | None = None,
    kind: str | None = None,
) -> QuerySet[Case]:
    """The decision register: every case of the cluster's bodies with a decision, newest
    first, as far as the user may see it (restricted cases for their bodies' members)."""
    cases = (
        Case.objects.filter(cluster=cluster, withdrawn=False)
        .exclude(decision="")
        .filter(cases_visible(user, cluster, manages))
        .distinct()
        .select_related("body", "meeting__body")
        .order_by("-meeting__starts_at", "-number")
    )
    if search:
        cases = cases.filter(Q(title__icontains=search) | Q(decision__icontains=search))
    if body:
        cases = cases.filter(body__slug=body)
    if year is not None:
        cases = cases.filter(year=year)
    if kind:
        cases = cases.filter(kind=kind)
    return cases


FollowUpStatus = Literal["open", "done", "all"]


def followups_for_list(
    *,
    cluster: Cluster,
    user: User,
    manages: bool,
    body: str | None = None,
    person: Person | None = None,
    status: FollowUpStatus = "open",
) -> QuerySet[FollowUp]:
    """Follow-ups of the cluster's cases, soonest due first; open ones unless asked."""
    followups = (
        FollowUp.objects.filter(cluster=cluster)
        .filter(case__in=Case.objects.filter(cases_visible(user, cluster, manages)))
        .select_related("owner", "case__body", "case__meeting__body")
    )
    if status == "open":
        followups = followups.filter(done_on__isnull=True)
    elif status == "done":
        followups = followups.filter(done_on__isnull=False)
    if body:
        followups = followups.filter(case__body__slug=body)
    if person is not None:
        followups = followups.filter(owner=person)
    return followups


PUBLIC_MEETINGS = 12  # per body: the newest, planned ones included


@dataclass(frozen=True)
class PublicBody:
    body: Body
    members: list[Appointment]
    meetings: list[Meeting]  # the newest PUBLIC_MEETINGS, planned ones included


def public_bodies(cluster: Cluster, today: datetime.date) -> list[PublicBody]:
    """What the public pages show of the cluster's bodies: mandate, current members (names
    and organisations), and meetings with their approved minutes. Three queries."""
    bodies = list(Body.objects.filter(cluster=cluster).order_by("name"))
    members = list(
        Appointment.objects.filter(body__cluster=cluster, role__in=SEATED_ROLES)
        .current_on(today)
        .select_related("person", "organisation")
        .order_by("position", "pk")
    )
    # Enough of the newest for every body to have its share; the page stays bounded.
    newest = (
        Meeting.objects.filter(cluster=cluster)
        .exclude(status=Meeting.Status.CANCELLED)
        .order_by("-starts_at")
    )
    meetings = list(newest[: PUBLIC_MEETINGS * 2 * max(1, len(bodies))])
    return [
        PublicBody(
            body=body,
            members=[a for a in members if a.body_id == body.pk],
            meetings=[m for m in meetings if m.body_id == body.pk][:PUBLIC_MEETINGS],
        )
        for body in bodies
    ]


def poll_table(poll: DatePoll) -> dict:
    """A date poll's answers: a row per member asked, a column per time, and per time how
    many can come and how many only if need be. Four queries."""
    slots = list(poll.slots.all())
    votes = list(DatePollVote.objects.filter(slot__poll=poll).select_related("person"))
    today = timezone.localdate()
    asked = [
        a.person
        for a in Appointment.objects.filter(body=poll.body)
        .current_on(today)
        .select_related("person")
        if a.summoned
    ]
    people = {p.pk: p for p in asked} | {v.person_id: v.person for v in votes}
    answer = {(v.person_id, v.slot_id): v for v in votes}
    rows = [
        (person, [answer.get((person.pk, slot.pk)) for slot in slots])
        for person in sorted(people.values(), key=lambda p: p.name)
    ]
    totals = [
        (
            sum(1 for v in votes if v.slot_id == slot.pk and v.answer == PollAnswer.YES),
            sum(1 for v in votes if v.slot_id == slot.pk and v.answer == PollAnswer.IF_NEEDED),
        )
        for slot in slots
    ]
    return {"poll": poll, "body": poll.body, "slots": slots, "rows": rows, "totals": totals}


def previous_unapproved(meeting: Meeting) -> Meeting | None:
    """The body's meeting before `meeting` that was held and whose minutes wait for approval."""
    return (
        Meeting.objects.filter(
            body_id=meeting.body_id,
            starts_at__lt=meeting.starts_at,
            status__in=[Meeting.Status.HELD, Meeting.Status.MINUTES_DRAFT],
        )
        .order_by("-starts_at")
        .first()
    )
