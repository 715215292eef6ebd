"""Meetings: planning, attendance, the notice and its reminders, follow-ups (cases: cases.py)."""

from typing import Any

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from samspill.clusters.access import RegistryRequest, cluster_view
from samspill.clusters.freshness import page_key
from samspill.clusters.models import Cluster
from samspill.clusters.services import record_save
from samspill.common.views import form_page, kept_page

from .. import notice, queries, services
from ..forms import (
    AttendanceForm,
    FollowUpForm,
    MeetingForm,
)
from ..models import (
    Attendance,
    Case,
    FollowUp,
    Meeting,
)
from ..permissions import MANAGE_BODIES, VIEW_BODIES
from .lookups import absolute_root, body_or_404, locked_page, may_manage, meeting_or_404


@cluster_view(MANAGE_BODIES, write=True)
def meeting_create(request: RegistryRequest, cluster: Cluster, body: str) -> HttpResponse:
    record = body_or_404(body)
    form = MeetingForm(
        request.POST or None, instance=Meeting(cluster=cluster, body=record), cluster=cluster
    )
    if request.method == "POST" and form.is_valid():
        data: dict[str, Any] = {
            name: form.cleaned_data[name]
            for name in ("ends_at", "place", "room", "remote_link", "chair", "minute_taker")
        }
        meeting = services.meeting_create(
            body=record,
            starts_at=form.cleaned_data["starts_at"],
            actor=request.user,
            standard_cases=form.cleaned_data["standard_cases"],
            **data,
        )
        messages.success(request, _("The meeting is planned."))
        return redirect(meeting.get_absolute_url())
    context = {
        "form": form,
        "title": _("New meeting of %(body)s") % {"body": record},
        "cancel_url": record.get_absolute_url(),
    }
    return render(request, "common/form_page.html", context)


@cluster_view(VIEW_BODIES)
def meeting_detail(
    request: RegistryRequest, cluster: Cluster, body: str, meeting: str
) -> HttpResponse:
    record = meeting_or_404(body, meeting)
    manages = may_manage(request, cluster)

    def read() -> dict:
        attendance = queries.meeting_attendance(record)
        cases = queries.meeting_cases(record, request.user, manages)
        return {
            # The minutes a "Godkjenning av referat" case of this meeting can approve.
            "unapproved": queries.previous_unapproved(record) if manages else None,
            # With each case, whether it is quorate without those disqualified for it.
            "cases": [
                (case, queries.quorum(record, attendance, people) if people else None)
                for case in cases
                for people in [frozenset(d.person_id for d in case.disqualifications.all())]
            ],
            "circulations": list(record.circulations.all()),
            "signers": list(record.signers.select_related("person")),
            "attendance": attendance,
            "quorum": queries.quorum(record, attendance),
        }

    # Restricted cases show to the members of the body: who is asking matters.
    who = [] if manages else [str(request.user.pk)]
    return kept_page(
        request,
        template="governance/meeting_detail.html",
        context={"meeting": record, "body": record.body},
        read=read,
        cache_key=page_key(request, cluster, "main", *who),
    )


@cluster_view(MANAGE_BODIES, write=True)
def meeting_edit(
    request: RegistryRequest, cluster: Cluster, body: str, meeting: str
) -> HttpResponse:
    record = meeting_or_404(body, meeting)
    if record.minutes_locked:
        return locked_page(request, record)
    form = MeetingForm(request.POST or None, instance=record, cluster=cluster)
    return form_page(
        request,
        form=form,
        save=lambda f: record_save(record=f.instance, actor=request.user),
        template="common/form_page.html",
        context={
            "title": _("Edit %(name)s") % {"name": record},
            "cancel_url": record.get_absolute_url(),
        },
        success_message=_("The meeting is saved."),
    )


@cluster_view(MANAGE_BODIES, write=True)
def attendance_record(
    request: RegistryRequest, cluster: Cluster, body: str, meeting: str, pk: int
) -> HttpResponse:
    record = meeting_or_404(body, meeting)
    seat = get_object_or_404(
        Attendance.objects.select_related("person", "appointment"), meeting=record, pk=pk
    )
    if record.minutes_locked:
        return locked_page(request, record)
    substitutes = queries.substitute_people(record, seat)
    form = AttendanceForm(
        request.POST or None, instance=seat, cluster=cluster, substitutes=substitutes
    )
    if request.method == "POST" and form.is_valid():
        services.attendance_record(
            attendance=seat,
            status=form.cleaned_data["status"],
            substitute=form.cleaned_data.get("substitute"),
            actor=request.user,
        )
        messages.success(
            request, _("The attendance of %(person)s is saved.") % {"person": seat.person}
        )
        return redirect(record.get_absolute_url() + "#attendance")
    context = {
        "form": form,
        "title": _("Attendance of %(person)s") % {"person": seat.person},
        "cancel_url": record.get_absolute_url(),
    }
    return render(request, "common/form_page.html", context)


@cluster_view(MANAGE_BODIES, write=True)
def notice_send(
    request: RegistryRequest, cluster: Cluster, body: str, meeting: str
) -> HttpResponse:
    """Send the notice: asks first, naming the members it goes to and those it cannot reach."""
    record = meeting_or_404(body, meeting)
    seats = list(record.attendances.filter(summoned=True).select_related("person"))
    if request.method == "POST":
        try:
            unreachable = services.notice_send(
                meeting=record, actor=request.user, site_url=absolute_root(request)
            )
        except services.NoticeNotAllowed:
            messages.error(request, _("A held or cancelled meeting gets no notice."))
            return redirect(record.get_absolute_url())
        messages.success(
            request,
            ngettext(
                "The notice is being sent to %(count)d member.",
                "The notice is being sent to %(count)d members.",
                len(seats) - len(unreachable),
            )
            % {"count": len(seats) - len(unreachable)},
        )
        if unreachable:
            messages.warning(
                request,
                _("No email address, reach them another way: %(names)s")
                % {"names": ", ".join(seat.person.name for seat in unreachable)},
            )
        return redirect(record.get_absolute_url())
    again = record.notice_sent_at is not None
    context = {
        "meeting": record,
        "seats": seats,
        "again": again,
        "cancel_url": record.get_absolute_url(),
    }
    return render(request, "governance/notice_send.html", context)


@cluster_view(MANAGE_BODIES, write=True)
def reminders_send(
    request: RegistryRequest, cluster: Cluster, body: str, meeting: str
) -> HttpResponse:
    record = meeting_or_404(body, meeting)
    if request.method != "POST":
        waiting = record.attendances.filter(summoned=True, answer="").count()
        context = {
            "question": ngettext(
                "Remind %(count)d member who has not answered?",
                "Remind %(count)d members who have not answered?",
                waiting,
            )
            % {"count": waiting},
            "consequence": _("Each gets the notice again, with their personal answer link."),
            "action": _("Send the reminders"),
            "cancel_url": record.get_absolute_url(),
        }
        return render(request, "governance/confirm.html", context)
    try:
        count = services.reminders_send(meeting=record, site_url=absolute_root(request))
    except services.NoticeNotAllowed:
        messages.error(request, _("Reminders go out after the notice and before the meeting."))
        return redirect(record.get_absolute_url())
    messages.success(
        request,
        ngettext(
            "A reminder is being sent to %(count)d member who has not answered.",
            "A reminder is being sent to %(count)d members who have not answered.",
            count,
        )
        % {"count": count},
    )
    return redirect(record.get_absolute_url())


@cluster_view(VIEW_BODIES)
def meeting_calendar(
    request: RegistryRequest, cluster: Cluster, body: str, meeting: str
) -> HttpResponse:
    """meeting.ics: the meeting for a calendar."""
    record = meeting_or_404(body, meeting)
    content = notice.calendar([record], absolute_root(request), name=record.body.name)
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{record.slug}.ics"'
    return response


@cluster_view(VIEW_BODIES)
def notice_document(
    request: RegistryRequest, cluster: Cluster, body: str, meeting: str
) -> HttpResponse:
    """notice.pdf: the notice with the agenda; restricted cases for the secretariat and the
    body's members, the public version for everyone else."""
    record = meeting_or_404(body, meeting)
    manages = may_manage(request, cluster)
    member = record.body.appointments.filter(person__user=request.user).exists()
    response = HttpResponse(
        notice.notice_pdf(record, public=not (manages or member)), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'inline; filename="notice-{record.slug}.pdf"'
    return response


@cluster_view(MANAGE_BODIES, write=True)
def followup_create(
    request: RegistryRequest, cluster: Cluster, body: str, meeting: str, pk: int
) -> HttpResponse:
    record = meeting_or_404(body, meeting)
    case = get_object_or_404(Case, meeting=record, pk=pk)
    return _followup_form(request, cluster, FollowUp(cluster=cluster, case=case))


@cluster_view(MANAGE_BODIES, write=True)
def followup_edit(
    request: RegistryRequest, cluster: Cluster, body: str, meeting: str, pk: int
) -> HttpResponse:
    record = meeting_or_404(body, meeting)
    followup = get_object_or_404(
        FollowUp.objects.select_related("case"), case__meeting=record, pk=pk
    )
    return _followup_form(request, cluster, followup)


def _followup_form(request: RegistryRequest, cluster: Cluster, followup: FollowUp) -> HttpResponse:
    case = followup.case
    form = FollowUpForm(request.POST or None, instance=followup, cluster=cluster)
    return form_page(
        request,
        form=form,
        save=lambda form: services.followup_save(followup=form.instance, actor=request.user),
        template="common/form_page.html",
        context={
            "title": _("Follow-up of %(case)s") % {"case": case.label},
            "cancel_url": case.meeting.get_absolute_url(),
        },
        success_message=_("The follow-up is saved."),
        success_url=lambda saved: f"{case.meeting.get_absolute_url()}#case-{case.pk}",
    )


@cluster_view(MANAGE_BODIES, write=True)
def followup_done(
    request: RegistryRequest, cluster: Cluster, body: str, meeting: str, pk: int
) -> HttpResponse:
    """Mark a follow-up done, or open again if it is done."""
    record = meeting_or_404(body, meeting)
    followup = get_object_or_404(FollowUp, case__meeting=record, pk=pk)
    done = followup.done_on is None
    if request.method == "POST":
        services.followup_done(followup=followup, done=done, actor=request.user)
        messages.success(
            request, _("The follow-up is done.") if done else _("The follow-up is open again.")
        )
        return redirect(f"{record.get_absolute_url()}#case-{followup.case_id}")
    context = {
        "question": _("Mark “%(text)s” done?") % {"text": str(followup)}
        if done
        else _("Open “%(text)s” again?") % {"text": str(followup)},
        "consequence": "",
        "action": _("Mark done") if done else _("Open again"),
        "cancel_url": record.get_absolute_url(),
    }
    return render(request, "governance/confirm.html", context)
