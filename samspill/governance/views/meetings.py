"""Meetings: planning, cases, attendance, the notice and its reminders, follow-ups."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from samspill.clusters.access import RegistryRequest, cluster_view
from samspill.clusters.freshness import page_key
from samspill.clusters.models import Cluster
from samspill.clusters.services import record_save
from samspill.common.views import add_service_error, form_page, kept_page

from .. import notice, queries, services
from ..forms import (
    AttendanceForm,
    AutosaveForm,
    CaseForm,
    DisqualificationForm,
    FollowUpForm,
    MeetingForm,
    SendOnForm,
)
from ..models import (
    Attendance,
    Case,
    Disqualification,
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
def case_create(
    request: RegistryRequest, cluster: Cluster, body: str, meeting: str
) -> HttpResponse:
    record = meeting_or_404(body, meeting)
    if record.minutes_locked:
        return locked_page(request, record)
    form = CaseForm(
        request.POST or None, instance=Case(cluster=cluster), cluster=cluster, meeting=record
    )
    if request.method == "POST" and form.is_valid():
        fields = {
            k: v for k, v in form.cleaned_data.items() if k not in ("title", "kind", "position")
        }
        services.case_add(
            meeting=record,
            title=form.cleaned_data["title"],
            kind=form.cleaned_data["kind"],
            actor=request.user,
            **fields,
        )
        messages.success(request, _("The case is added to the agenda."))
        return redirect(record.get_absolute_url())
    context = {
        "form": form,
        "title": _("New case for %(meeting)s") % {"meeting": record},
        "cancel_url": record.get_absolute_url(),
    }
    return render(request, "common/form_page.html", context)


@cluster_view(MANAGE_BODIES, write=True)
def case_edit(
    request: RegistryRequest, cluster: Cluster, body: str, meeting: str, pk: int
) -> HttpResponse:
    """Write a case (agenda or minutes). The texts of the minutes are saved as they are typed
    (`case_autosave`); someone else's change meanwhile is shown beside one's own text."""
    record = meeting_or_404(body, meeting)
    case = get_object_or_404(Case, meeting=record, pk=pk)
    if record.minutes_locked:
        return locked_page(request, record)
    form = CaseForm(
        request.POST if request.method == "POST" else None,
        instance=case,
        cluster=cluster,
        meeting=record,
    )
    theirs = None
    if request.method == "POST" and form.is_valid():
        try:
            services.case_save(
                case=form.instance, actor=request.user, revision=form.cleaned_data["revision"]
            )
        except services.EditConflict as conflict:
            theirs = conflict.current
            # Saving again keeps this text over theirs, knowingly.
            data = request.POST.copy()
            data["revision"] = str(theirs.revision)
            form.data = data
            form.add_error(None, _("Someone else saved this case while you were writing."))
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The case is saved."))
            return redirect(f"{record.get_absolute_url()}#case-{case.pk}")
    context = {
        "title": case.label,
        "cancel_url": f"{record.get_absolute_url()}#case-{case.pk}",
        "form": form,
        "case": case,
        "theirs": [(form[f].label, getattr(theirs, f)) for f in services.MINUTES_FIELDS]
        if theirs
        else None,
    }
    return render(request, "governance/case_form.html", context, status=409 if theirs else 200)


@cluster_view(MANAGE_BODIES, write=True)
def case_autosave(
    request: RegistryRequest, cluster: Cluster, body: str, meeting: str, pk: int
) -> HttpResponse:
    """Save the minutes' texts of a case as they are typed (POST, from the case's page):
    JSON with the new revision, or 409 with the other editor's texts, or 423 when locked."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    record = meeting_or_404(body, meeting)
    case = get_object_or_404(Case, meeting=record, pk=pk)
    form = AutosaveForm(request.POST)
    if not form.is_valid():
        return JsonResponse({"message": _("The text could not be saved.")}, status=400)
    texts = {f: form.cleaned_data[f] for f in services.MINUTES_FIELDS if f in request.POST}
    try:
        saved = services.minutes_autosave(
            case=case, texts=texts, revision=form.cleaned_data["revision"], actor=request.user
        )
    except services.MinutesLocked:
        message = _("The minutes are approved: the text can no longer be changed.")
        return JsonResponse({"message": message}, status=423)
    except services.EditConflict as conflict:
        current = conflict.current
        return JsonResponse(
            {
                "message": _(
                    "Someone else saved this case while you were writing. Your text is "
                    "kept here; theirs is shown below."
                ),
                "revision": current.revision,
                "theirs": {f: getattr(current, f) for f in services.MINUTES_FIELDS},
            },
            status=409,
        )
    except ValidationError as error:
        return JsonResponse({"message": " ".join(error.messages)}, status=400)
    at = timezone.localtime().strftime("%H:%M:%S")
    return JsonResponse({"revision": saved.revision, "message": _("Saved %(time)s") % {"time": at}})


@cluster_view(MANAGE_BODIES, write=True)
def disqualifications(
    request: RegistryRequest, cluster: Cluster, body: str, meeting: str, pk: int
) -> HttpResponse:
    """Who is disqualified (*inhabil*) for a case, and recording one more."""
    record = meeting_or_404(body, meeting)
    case = get_object_or_404(Case.objects.select_related("body"), meeting=record, pk=pk)
    if record.minutes_locked:
        return locked_page(request, record)
    form = DisqualificationForm(
        request.POST if request.method == "POST" else None,
        instance=Disqualification(cluster=cluster, case=case),
        cluster=cluster,
        case=case,
    )
    return form_page(
        request,
        form=form,
        save=lambda f: services.disqualification_add(
            disqualification=f.instance, actor=request.user
        ),
        template="governance/disqualifications.html",
        context={
            "case": case,
            "meeting": record,
            "disqualified": list(case.disqualifications.select_related("person")),
        },
        success_message=_("The disqualification is recorded."),
        success_url=lambda saved: request.path,
    )


@cluster_view(MANAGE_BODIES, write=True)
def disqualification_remove(
    request: RegistryRequest, cluster: Cluster, body: str, meeting: str, pk: int, person: int
) -> HttpResponse:
    record = meeting_or_404(body, meeting)
    found = get_object_or_404(
        Disqualification.objects.select_related("case"),
        case__meeting=record,
        case=pk,
        person=person,
    )
    back = redirect(reverse("governance:disqualifications", kwargs=found.case.url_kwargs()))
    if request.method != "POST":
        context = {
            "question": _("Remove the disqualification of %(name)s?") % {"name": found.person},
            "consequence": _("They take part in %(case)s again.") % {"case": found.case.label},
            "action": _("Remove"),
            "cancel_url": back.url,
        }
        return render(request, "governance/confirm.html", context)
    try:
        services.disqualification_remove(disqualification=found, actor=request.user)
    except services.MinutesLocked:
        return locked_page(request, record)
    messages.success(request, _("The disqualification is removed."))
    return back


@cluster_view(MANAGE_BODIES, write=True)
def case_send_on(
    request: RegistryRequest, cluster: Cluster, body: str, meeting: str, pk: int
) -> HttpResponse:
    """Send a case on to a coming meeting of another body; the case keeps its own record."""
    record = meeting_or_404(body, meeting)
    case = get_object_or_404(Case.objects.select_related("body"), meeting=record, pk=pk)
    form = SendOnForm(request.POST if request.method == "POST" else None, case=case)
    return form_page(
        request,
        form=form,
        save=lambda f: services.case_send_on(
            case=case, meeting=f.cleaned_data["meeting"], actor=request.user
        ),
        template="common/form_page.html",
        context={
            "title": _("Send %(case)s on to another body") % {"case": case},
            "cancel_url": f"{record.get_absolute_url()}#case-{case.pk}",
            "submit": _("Send on"),
            "intro": ""
            if form.fields["meeting"].queryset.exists()  # type: ignore[attr-defined]
            else _("No other body has a meeting planned: plan one first, then send the case."),
        },
        success_message=_("The case is on the other body's agenda."),
        success_url=lambda sent: f"{sent.meeting.get_absolute_url()}#case-{sent.pk}",
    )


@cluster_view(MANAGE_BODIES, write=True)
def case_withdraw(
    request: RegistryRequest, cluster: Cluster, body: str, meeting: str, pk: int
) -> HttpResponse:
    record = meeting_or_404(body, meeting)
    case = get_object_or_404(Case, meeting=record, pk=pk)
    if record.minutes_locked:
        return locked_page(request, record)
    if request.method == "POST":
        services.case_withdraw(case=case, actor=request.user)
        messages.success(
            request,
            _("%(case)s is withdrawn; its number is not used again.") % {"case": case.label},
        )
        return redirect(record.get_absolute_url())
    context = {
        "question": _("Withdraw %(case)s?") % {"case": case},
        "consequence": _("The case keeps its number, which is never given to another case."),
        "action": _("Withdraw the case"),
        "cancel_url": record.get_absolute_url(),
    }
    return render(request, "governance/confirm.html", context)


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
