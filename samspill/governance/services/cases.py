"""Writes on cases: adding one with the body's next number, saving its text (checking that
nobody else saved it meanwhile), withdrawing it, sending it on to another body, and who is
disqualified for it."""

from typing import Any

from auditlog.context import set_actor
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scope

from samspill.accounts.models import User
from samspill.clusters.services import record_delete, record_save

from ..models import Body, Case, CaseSequence, Disqualification, Meeting


class MinutesLocked(Exception):
    """The meeting's minutes are approved: a change needs a correction with a reason."""


def _next_case_number(*, body: Body, year: int) -> int:
    """The next number of `body` in `year`. The UPDATE takes the sequence row's lock until the
    transaction ends, so concurrent callers wait for each other and never share a number."""
    CaseSequence.objects.get_or_create(body=body, year=year, defaults={"cluster": body.cluster})
    CaseSequence.objects.filter(body=body, year=year).update(last=F("last") + 1)
    return CaseSequence.objects.get(body=body, year=year).last


@transaction.atomic
def case_add(
    *,
    meeting: Meeting,
    title: str,
    actor: User | None,
    kind: str = Case.Kind.DECISION,
    **fields: Any,
) -> Case:
    """Put a new case on the meeting's agenda, last, with the body's next number for the
    meeting's year."""
    if meeting.minutes_locked:
        raise MinutesLocked
    with set_actor(actor), scope(cluster=meeting.cluster):
        year = timezone.localtime(meeting.starts_at).year
        last = meeting.cases.order_by("-position").values_list("position", flat=True).first()
        case = Case(
            cluster=meeting.cluster,
            body=meeting.body,
            meeting=meeting,
            title=title,
            kind=kind,
            year=year,
            number=0,
            position=(last or 0) + 1,
            **fields,
        )
        case.full_clean(exclude=["number"])
        case.number = _next_case_number(body=meeting.body, year=year)
        case.save()
    return case


@transaction.atomic
def case_send_on(*, case: Case, meeting: Meeting, actor: User | None) -> Case:
    """Send a matter on to another body: a new case on the agenda of `meeting`, with the
    background, proposed decision and decision so far, that remembers where it came from."""
    if meeting.body_id == case.body_id:
        raise ValidationError({"meeting": _("Choose a meeting of another body.")})
    if meeting.status not in (Meeting.Status.PLANNED, Meeting.Status.NOTICE_SENT):
        raise ValidationError({"meeting": _("Choose a meeting that has not been held yet.")})
    background = case.background
    if case.decision:
        decided = _("%(body)s decided in %(case)s: %(decision)s") % {
            "body": case.body.name,
            "case": case.label,
            "decision": case.decision,
        }
        background = f"{background}\n\n{decided}".strip()
    return case_add(
        meeting=meeting,
        title=case.title,
        actor=actor,
        presenter=case.presenter,
        background=background,
        proposed_decision=case.proposed_decision,
        sent_from=case,
        restricted=case.restricted,
        legal_ground=case.legal_ground,
        public_title=case.public_title,
    )


@transaction.atomic
def case_withdraw(*, case: Case, actor: User | None) -> Case:
    """Withdraw a case: it keeps its number, which is never given again."""
    if case.meeting.minutes_locked:
        raise MinutesLocked
    case.withdrawn = True
    return record_save(record=case, actor=actor)


class EditConflict(Exception):
    """Someone saved the case since the editor's page was made: `current` is the case as it
    is now, for the editor to see beside their own text."""

    def __init__(self, current: Case) -> None:
        super().__init__(current.label)
        self.current = current


@transaction.atomic
def case_save(*, case: Case, actor: User | None, revision: int | None = None) -> Case:
    """Save a case's text (agenda or minutes); refused once the minutes are approved, and
    (given the `revision` the editor started from) if someone else saved it meanwhile."""
    if Meeting.objects.with_scopes_disabled().get(pk=case.meeting_id).minutes_locked:
        raise MinutesLocked
    current = Case.objects.with_scopes_disabled().select_for_update().get(pk=case.pk)
    if revision is not None and revision != current.revision:
        raise EditConflict(current)
    case.revision = current.revision + 1
    return record_save(record=case, actor=actor)


MINUTES_FIELDS = ("discussion", "decision", "dissent")


@transaction.atomic
def minutes_autosave(
    *, case: Case, texts: dict[str, str], revision: int, actor: User | None
) -> Case:
    """What the minute taker has written of a case so far (discussion, decision, dissent),
    saved as they type; an EditConflict if someone else saved the case meanwhile."""
    for field in MINUTES_FIELDS:
        if field in texts:
            setattr(case, field, texts[field])
    return case_save(case=case, actor=actor, revision=revision)


@transaction.atomic
def disqualification_add(*, disqualification: Disqualification, actor: User | None) -> None:
    """Record that a member is disqualified for a case: the body decides it without them."""
    _refuse_when_locked(disqualification.case.meeting_id)
    record_save(record=disqualification, actor=actor)


@transaction.atomic
def disqualification_remove(*, disqualification: Disqualification, actor: User | None) -> None:
    _refuse_when_locked(disqualification.case.meeting_id)
    record_delete(record=disqualification, actor=actor)


def _refuse_when_locked(meeting_id: int) -> None:
    if Meeting.objects.with_scopes_disabled().get(pk=meeting_id).minutes_locked:
        raise MinutesLocked
