"""Pages of bodies, their members, meetings and cases. Addresses are readable:
/<cluster>/bodies/<body slug>/<YYYY-MM-DD>/ is a meeting."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_scopes import scope

from samspill.clusters.access import RegistryRequest, cluster_view
from samspill.clusters.filters import parses_query
from samspill.clusters.freshness import page_key
from samspill.clusters.models import Cluster
from samspill.clusters.services import record_save
from samspill.common.audit import history_for
from samspill.common.http import HtmxHttpRequest
from samspill.common.middleware import mark_private
from samspill.common.views import form_page, kept_page, list_page

from . import documents, notice, queries, services
from . import versions as versions_diff
from .filters import ChosenSlotForm, DecisionFilterForm, FollowUpFilterForm, VersionForm
from .forms import (
    AppointmentForm,
    AttendanceForm,
    BodyForm,
    CaseForm,
    CorrectionForm,
    DatePollForm,
    FollowUpForm,
    MeetingForm,
    SignersForm,
)
from .models import (
    Answer,
    Appointment,
    Attendance,
    Body,
    Case,
    DatePoll,
    DatePollVote,
    FollowUp,
    Meeting,
    PollAnswer,
    Role,
    SubstituteAnswer,
)
from .permissions import MANAGE_BODIES, VIEW_BODIES
from .tables import DECISION_COLUMNS, FOLLOWUP_COLUMNS, decision_cells, followup_cells


def _body(slug: str) -> Body:
    return get_object_or_404(Body, slug=slug)


def _meeting(body: str, meeting: str) -> Meeting:
    return get_object_or_404(
        Meeting.objects.select_related("body", "chair"), body__slug=body, slug=meeting
    )


def _manages(request: RegistryRequest, cluster: Cluster) -> bool:
    return request.user.has_perm(MANAGE_BODIES, cluster)


@cluster_view(VIEW_BODIES)
def body_list(request: RegistryRequest, cluster: Cluster) -> HttpResponse:
    return kept_page(
        request,
        template="governance/body_list.html",
        context={},
        read=lambda: {"bodies": queries.bodies_for_list(cluster, queries.today())},
        cache_key=page_key(request, cluster, "main"),
    )


@cluster_view(VIEW_BODIES)
def body_detail(request: RegistryRequest, cluster: Cluster, body: str) -> HttpResponse:
    record = _body(body)

    def read() -> dict:
        today = queries.today()
        appointments = queries.appointments_current(record, today)
        substitutes = queries.substitutes_by_seat(appointments)
        return {
            "feed": notice.feed_path("body", record.pk),
            "polls": list(record.polls.select_related("meeting")[:5]),
            "open_followups": FollowUp.objects.filter(
                case__body=record, done_on__isnull=True
            ).count(),
            "seats": [
                (a, substitutes.get(a.pk, [])) for a in appointments if a.role != Role.SUBSTITUTE
            ],
            "warnings": queries.body_warnings(record, appointments, today),
            "meetings": queries.meetings_of(record)[:50],
            "history": history_for(record),
        }

    return kept_page(
        request,
        template="governance/body_detail.html",
        context={"body": record},
        read=read,
        cache_key=page_key(request, cluster, "main"),
    )


@cluster_view(MANAGE_BODIES, write=True)
def body_create(request: RegistryRequest, cluster: Cluster) -> HttpResponse:
    return _body_form(request, cluster, Body(cluster=cluster))


@cluster_view(MANAGE_BODIES, write=True)
def body_edit(request: RegistryRequest, cluster: Cluster, body: str) -> HttpResponse:
    return _body_form(request, cluster, _body(body))


def _body_form(request: RegistryRequest, cluster: Cluster, record: Body) -> HttpResponse:
    form = BodyForm(request.POST or None, instance=record, cluster=cluster)
    return form_page(
        request,
        form=form,
        save=lambda f: record_save(record=f.instance, actor=request.user),
        template="common/form_page.html",
        context={
            "title": _("Edit %(name)s") % {"name": record} if record.pk else _("Add body"),
            "cancel_url": record.get_absolute_url() if record.pk else _list_url(cluster),
        },
        success_message=_("The body is saved."),
    )


def _list_url(cluster: Cluster) -> str:
    return reverse("governance:body_list", kwargs={"cluster": cluster.slug})


@cluster_view(MANAGE_BODIES, write=True)
def appointment_create(request: RegistryRequest, cluster: Cluster, body: str) -> HttpResponse:
    record = _body(body)
    return _appointment_form(request, cluster, record, Appointment(cluster=cluster, body=record))


@cluster_view(MANAGE_BODIES, write=True)
def appointment_edit(
    request: RegistryRequest, cluster: Cluster, body: str, pk: int
) -> HttpResponse:
    record = _body(body)
    appointment = get_object_or_404(Appointment, body=record, pk=pk)
    return _appointment_form(request, cluster, record, appointment)


def _appointment_form(
    request: RegistryRequest, cluster: Cluster, body: Body, appointment: Appointment
) -> HttpResponse:
    form = AppointmentForm(request.POST or None, instance=appointment, cluster=cluster, body=body)
    return form_page(
        request,
        form=form,
        save=lambda f: record_save(record=f.instance, actor=request.user),
        template="common/form_page.html",
        context={
            "title": _("Appointment to %(body)s") % {"body": body},
            "cancel_url": body.get_absolute_url(),
        },
        success_message=_("The appointment is saved."),
        success_url=lambda saved: body.get_absolute_url(),
    )


@cluster_view(MANAGE_BODIES, write=True)
def meeting_create(request: RegistryRequest, cluster: Cluster, body: str) -> HttpResponse:
    record = _body(body)
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
    record = _meeting(body, meeting)
    manages = _manages(request, cluster)

    def read() -> dict:
        attendance = queries.meeting_attendance(record)
        return {
            "cases": queries.meeting_cases(record, request.user, manages),
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
    record = _meeting(body, meeting)
    if record.minutes_locked:
        return _locked(request, record)
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
    record = _meeting(body, meeting)
    if record.minutes_locked:
        return _locked(request, record)
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
    record = _meeting(body, meeting)
    case = get_object_or_404(Case, meeting=record, pk=pk)
    if record.minutes_locked:
        return _locked(request, record)
    form = CaseForm(request.POST or None, instance=case, cluster=cluster, meeting=record)
    return form_page(
        request,
        form=form,
        save=lambda f: services.case_save(case=f.instance, actor=request.user),
        template="common/form_page.html",
        context={"title": case.label, "cancel_url": record.get_absolute_url()},
        success_message=_("The case is saved."),
        success_url=lambda saved: record.get_absolute_url(),
    )


@cluster_view(MANAGE_BODIES, write=True)
def case_withdraw(
    request: RegistryRequest, cluster: Cluster, body: str, meeting: str, pk: int
) -> HttpResponse:
    record = _meeting(body, meeting)
    case = get_object_or_404(Case, meeting=record, pk=pk)
    if record.minutes_locked:
        return _locked(request, record)
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
    record = _meeting(body, meeting)
    seat = get_object_or_404(
        Attendance.objects.select_related("person", "appointment"), meeting=record, pk=pk
    )
    if record.minutes_locked:
        return _locked(request, record)
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
def minutes_approve(
    request: RegistryRequest, cluster: Cluster, body: str, meeting: str
) -> HttpResponse:
    record = _meeting(body, meeting)
    if request.method == "POST":
        try:
            services.minutes_approve(meeting=record, actor=request.user)
        except services.MinutesLocked:
            return _locked(request, record)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The minutes are approved and locked."))
        return redirect(record.get_absolute_url())
    context = {
        "question": _("Approve the minutes of %(meeting)s?") % {"meeting": record},
        "consequence": _("Approved minutes are locked: a change after this needs a correction."),
        "action": _("Approve the minutes"),
        "cancel_url": record.get_absolute_url(),
    }
    return render(request, "governance/confirm.html", context)


def _locked(request: RegistryRequest, meeting: Meeting) -> HttpResponse:
    messages.error(
        request,
        _(
            "The minutes of this meeting are approved and cannot be changed. "
            "Use “Correct” on a case to make a correction with a reason."
        ),
    )
    return redirect(meeting.get_absolute_url())


@cluster_view(VIEW_BODIES)
def meeting_document(
    request: RegistryRequest, cluster: Cluster, body: str, meeting: str, kind: str, extension: str
) -> HttpResponse:
    """minutes.pdf, minutes.docx, protocol.pdf, protocol.docx: restricted cases only for the
    secretariat; everyone else gets the public version."""
    record = _meeting(body, meeting)
    public = not _manages(request, cluster)
    if extension == "pdf":
        content = documents.minutes_pdf(record, kind=kind, public=public)
        content_type = "application/pdf"
    else:
        content = documents.minutes_docx(record, kind=kind, public=public)
        content_type = DOCX
    response = HttpResponse(content, content_type=content_type)
    filename = documents.minutes_filename(record, kind=kind, extension=extension)
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _site_url(request: HtmxHttpRequest) -> str:
    return request.build_absolute_uri("/").rstrip("/")


@cluster_view(MANAGE_BODIES, write=True)
def notice_send(
    request: RegistryRequest, cluster: Cluster, body: str, meeting: str
) -> HttpResponse:
    """Send the notice: asks first, naming the members it goes to and those it cannot reach."""
    record = _meeting(body, meeting)
    seats = list(record.attendances.filter(summoned=True).select_related("person"))
    if request.method == "POST":
        try:
            unreachable = services.notice_send(
                meeting=record, actor=request.user, site_url=_site_url(request)
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
    record = _meeting(body, meeting)
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
        count = services.reminders_send(meeting=record, site_url=_site_url(request))
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
    record = _meeting(body, meeting)
    content = notice.calendar([record], _site_url(request), name=record.body.name)
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{record.slug}.ics"'
    return response


@cluster_view(VIEW_BODIES)
def notice_document(
    request: RegistryRequest, cluster: Cluster, body: str, meeting: str
) -> HttpResponse:
    """notice.pdf: the notice with the agenda; restricted cases for the secretariat and the
    body's members, the public version for everyone else."""
    record = _meeting(body, meeting)
    manages = _manages(request, cluster)
    member = record.body.appointments.filter(person__user=request.user).exists()
    response = HttpResponse(
        notice.notice_pdf(record, public=not (manages or member)), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'inline; filename="notice-{record.slug}.pdf"'
    return response


def answer(request: HtmxHttpRequest, token: str) -> HttpResponse:
    """A member's or an invited substitute's answer, by the personal link in their email:
    no login. A link that is altered, withdrawn or for a meeting that has started gets a page
    saying so, and changes nothing."""
    mark_private(request)
    try:
        link = notice.read_link(token)
    except notice.LinkProblem as problem:
        return render(request, "governance/answer.html", {"problem": problem.message}, status=404)
    seat = link.seat
    choices = Answer.choices if link.who == notice.MEMBER else SubstituteAnswer.choices
    current = seat.answer if link.who == notice.MEMBER else seat.substitute_answer
    error = ""
    if request.method == "POST":
        chosen = request.POST.get("answer", "")
        if not link.open:
            return render(
                request,
                "governance/answer.html",
                {
                    "link": link,
                    "problem": _("The meeting has started: answers can no longer be changed."),
                },
                status=410,
            )
        if chosen not in dict(choices):
            error = _("Choose one of the answers.")
        else:
            record = (
                services.answer_record
                if link.who == notice.MEMBER
                else services.substitute_answer_record
            )
            record(seat=seat, answer=chosen, site_url=_site_url(request))
            messages.success(request, _("Thank you, your answer is registered."))
            return redirect(request.path)
    elif request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    context = {
        "link": link,
        "feed": notice.feed_path("person", seat.substitute_id or seat.person_id)
        if link.who == notice.SUBSTITUTE
        else notice.feed_path("person", seat.person_id),
        "meeting": seat.meeting,
        "choices": choices,
        "current": current,
        "current_label": dict(choices).get(current, ""),
        "error": error,
        "when": notice.meeting_when(seat.meeting),
    }
    return render(request, "governance/answer.html", context, status=400 if error else 200)


@parses_query(DecisionFilterForm)
@cluster_view(VIEW_BODIES)
def decision_list(request: RegistryRequest, cluster: Cluster) -> HttpResponse:
    """The decision register: searchable by text, body, year and kind."""
    filters = DecisionFilterForm(request.GET, cluster=cluster)
    manages = _manages(request, cluster)
    # Restricted cases show to the members of their body: who is asking matters.
    who = [] if manages else [str(request.user.pk)]
    return list_page(
        request,
        queryset=queries.decisions_for_list(
            cluster=cluster, user=request.user, manages=manages, **filters.values()
        ),
        template="governance/decision_list.html",
        context={"filters": filters},
        columns=DECISION_COLUMNS,
        cells=decision_cells(),
        filename=_("decisions"),
        cache_key=page_key(request, cluster, "results", *who),
    )


def calendar_feed(request: HtmxHttpRequest, token: str) -> HttpResponse:
    """A person's or a body's meetings as a calendar to subscribe to, by a signed address."""
    mark_private(request)
    try:
        name, meetings = notice.feed_meetings(token)
    except notice.LinkProblem as problem:
        return HttpResponse(problem.message, status=404, content_type="text/plain; charset=utf-8")
    content = notice.calendar(meetings, _site_url(request), name=name)
    return HttpResponse(content, content_type="text/calendar; charset=utf-8")


@cluster_view(MANAGE_BODIES, write=True)
def case_correct(
    request: RegistryRequest, cluster: Cluster, body: str, meeting: str, pk: int
) -> HttpResponse:
    """Correct a case of approved minutes: a new version of the minutes, with the reason."""
    record = _meeting(body, meeting)
    case = get_object_or_404(Case, meeting=record, pk=pk)
    initial = {"discussion": case.discussion, "decision": case.decision, "dissent": case.dissent}
    form = CorrectionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            version = services.minutes_correct(case=case, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("The minutes are corrected: version %(number)s.") % {"number": version.number},
            )
            return redirect(reverse("governance:minutes_versions", kwargs=record.url_kwargs()))
    context = {
        "form": form,
        "title": _("Correct %(case)s in the approved minutes") % {"case": case.label},
        "cancel_url": record.get_absolute_url(),
    }
    return render(request, "common/form_page.html", context)


@parses_query(VersionForm)
@cluster_view(VIEW_BODIES)
def minutes_versions(
    request: RegistryRequest, cluster: Cluster, body: str, meeting: str
) -> HttpResponse:
    """The versions of approved minutes: each correction with its reason and what it
    changed; any version readable in full (`?version=2`)."""
    record = _meeting(body, meeting)
    if not _manages(request, cluster) and any(
        c.restricted for c in Case.objects.filter(meeting=record)
    ):
        # The versions are the minutes in full; restricted parts are for the secretariat.
        raise Http404
    versions = list(record.versions.select_related("created_by"))
    changes = [
        (version, versions_diff.difference(previous.text, version.text))
        for previous, version in zip(versions, versions[1:], strict=False)
    ]
    asked = VersionForm(request.GET).values()["version"]
    shown = next((v for v in versions if v.number == asked), None)
    context = {
        "meeting": record,
        "body": record.body,
        "versions": versions,
        "changes": list(reversed(changes)),
        "shown": shown,
    }
    return render(request, "governance/minutes_versions.html", context)


@parses_query(FollowUpFilterForm)
@cluster_view(VIEW_BODIES)
def followup_list(request: RegistryRequest, cluster: Cluster) -> HttpResponse:
    """Follow-ups, per body and per person, open until done."""
    filters = FollowUpFilterForm(request.GET, cluster=cluster)
    manages = _manages(request, cluster)
    who = [] if manages else [str(request.user.pk)]
    values = filters.values()
    return list_page(
        request,
        queryset=queries.followups_for_list(
            cluster=cluster, user=request.user, manages=manages, **values
        ),
        template="governance/followup_list.html",
        context={"filters": filters, "person": values["person"]},
        columns=FOLLOWUP_COLUMNS,
        cells=followup_cells(queries.today(), request.path),
        filename=_("follow-ups"),
        cache_key=page_key(request, cluster, "results", *who),
    )


@cluster_view(MANAGE_BODIES, write=True)
def followup_create(
    request: RegistryRequest, cluster: Cluster, body: str, meeting: str, pk: int
) -> HttpResponse:
    record = _meeting(body, meeting)
    case = get_object_or_404(Case, meeting=record, pk=pk)
    return _followup_form(request, cluster, FollowUp(cluster=cluster, case=case))


@cluster_view(MANAGE_BODIES, write=True)
def followup_edit(
    request: RegistryRequest, cluster: Cluster, body: str, meeting: str, pk: int
) -> HttpResponse:
    record = _meeting(body, meeting)
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
    record = _meeting(body, meeting)
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


@cluster_view(MANAGE_BODIES, write=True)
def signers_choose(
    request: RegistryRequest, cluster: Cluster, body: str, meeting: str
) -> HttpResponse:
    """Approve the minutes by signing: choose who signs; each gets the minutes by email."""
    record = _meeting(body, meeting)
    if record.minutes_locked:
        return _locked(request, record)
    form = SignersForm(request.POST if request.method == "POST" else None, meeting=record)
    if request.method == "POST" and form.is_valid():
        try:
            services.signers_choose(
                meeting=record,
                people=list(form.cleaned_data["people"]),
                actor=request.user,
                site_url=_site_url(request),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The minutes are sent to be signed."))
            return redirect(record.get_absolute_url())
    context = {
        "form": form,
        "title": _("Approve the minutes by signing"),
        "cancel_url": record.get_absolute_url(),
    }
    return render(request, "common/form_page.html", context)


def sign(request: HtmxHttpRequest, token: str) -> HttpResponse:
    """A member chosen to sign reads the minutes and signs them with a click, no login."""
    mark_private(request)
    try:
        signer = notice.read_sign_link(token)
    except notice.LinkProblem as problem:
        return render(request, "governance/sign.html", {"problem": problem.message}, status=404)
    if request.method == "POST":
        try:
            services.minutes_sign(signer=signer)
        except services.MinutesLocked:
            pass  # approved meanwhile: the page says so
        else:
            messages.success(request, _("Thank you, your signature is recorded."))
        return redirect(request.path)
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    with scope(cluster=signer.cluster):
        context = {
            "signer": signer,
            "meeting": signer.meeting,
            "minutes": documents.minutes_context(signer.meeting, kind="minutes", public=False),
            "others": list(signer.meeting.signers.exclude(pk=signer.pk).select_related("person")),
        }
    return render(request, "governance/sign.html", context)


@cluster_view(MANAGE_BODIES, write=True)
def poll_create(request: RegistryRequest, cluster: Cluster, body: str) -> HttpResponse:
    """A date poll for the body's next meeting, sent to its members."""
    record = _body(body)
    form = DatePollForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            poll = services.poll_create(
                body=record,
                title=form.cleaned_data["title"],
                slots=form.slots(),
                actor=request.user,
                site_url=_site_url(request),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The date poll is sent to the members."))
            return redirect(reverse("governance:poll_detail", kwargs=poll.url_kwargs()))
    context = {
        "form": form,
        "title": _("New date poll for %(body)s") % {"body": record.name},
        "cancel_url": record.get_absolute_url(),
    }
    return render(request, "common/form_page.html", context)


@cluster_view(VIEW_BODIES)
def poll_detail(request: RegistryRequest, cluster: Cluster, body: str, pk: int) -> HttpResponse:
    """The answers to a date poll, time by time, and the time chosen."""
    record = _body(body)
    poll = get_object_or_404(DatePoll.objects.select_related("meeting"), body=record, pk=pk)
    return render(request, "governance/poll_detail.html", queries.poll_table(poll))


@cluster_view(MANAGE_BODIES, write=True)
def poll_choose(request: RegistryRequest, cluster: Cluster, body: str, pk: int) -> HttpResponse:
    """The secretariat chooses a time (POST `slot`): it becomes a planned meeting."""
    record = _body(body)
    poll = get_object_or_404(DatePoll, body=record, pk=pk)
    if request.method != "POST":
        return render(request, "governance/poll_detail.html", queries.poll_table(poll))
    back = redirect(reverse("governance:poll_detail", kwargs=poll.url_kwargs()))
    slot = poll.slots.filter(pk=ChosenSlotForm(request.POST).values()["slot"]).first()
    if slot is None:
        messages.error(request, _("Choose one of the times."))
        return back
    try:
        meeting = services.poll_choose(
            poll=poll, slot=slot, actor=request.user, site_url=_site_url(request)
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return back
    messages.success(request, _("The meeting is planned, and the members are told."))
    return redirect(meeting.get_absolute_url())


def poll(request: HtmxHttpRequest, token: str) -> HttpResponse:
    """A member answers a date poll by the personal link in their email: no login."""
    mark_private(request)
    try:
        record, person = notice.read_poll_link(token)
    except notice.LinkProblem as problem:
        return render(
            request, "governance/poll_answer.html", {"problem": problem.message}, status=404
        )
    with scope(cluster=record.cluster):
        slots = list(record.slots.all())
        mine = {
            vote.slot_id: vote.answer
            for vote in DatePollVote.objects.filter(slot__poll=record, person=person)
        }
    if request.method == "POST":
        answers = {
            slot.pk: request.POST.get(f"slot-{slot.pk}", "")
            for slot in slots
            if request.POST.get(f"slot-{slot.pk}", "") in PollAnswer.values
        }
        try:
            services.poll_answer(poll=record, person=person, answers=answers)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Thank you, your answer is registered."))
        return redirect(request.path)
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    context = {
        "poll": record,
        "person": person,
        "rows": [(slot, mine.get(slot.pk, "")) for slot in slots],
        "choices": PollAnswer.choices,
    }
    return render(request, "governance/poll_answer.html", context)
