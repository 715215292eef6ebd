"""Bodies: the list, a body's page, adding and changing bodies and members, date polls, the
versions of the mandate."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from samspill.clusters.access import RegistryRequest, cluster_view
from samspill.clusters.freshness import page_key
from samspill.clusters.models import Cluster
from samspill.clusters.services import record_save
from samspill.common.audit import history_for
from samspill.common.views import form_page, kept_page

from .. import notice, queries, services
from ..filters import ChosenSlotForm
from ..forms import (
    AppointmentForm,
    BodyForm,
    DatePollForm,
    MandateAdoptionForm,
)
from ..models import (
    Appointment,
    Body,
    DatePoll,
    FollowUp,
    Role,
)
from ..permissions import MANAGE_BODIES, VIEW_BODIES
from ..versions import difference as versions_diff
from .lookups import absolute_root, body_or_404


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
    record = body_or_404(body)

    def read() -> dict:
        today = queries.today()
        appointments = queries.appointments_current(record, today)
        substitutes = queries.substitutes_by_seat(appointments)
        return {
            "feed": notice.feed_path("body", record.pk),
            "polls": list(record.polls.select_related("meeting")[:5]),
            "adopted": record.mandate_versions.select_related("adopted_in__body").first(),
            "circulations": list(record.circulations.select_related("body")[:5]),
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
    return _body_form(request, cluster, body_or_404(body))


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
    record = body_or_404(body)
    return _appointment_form(request, cluster, record, Appointment(cluster=cluster, body=record))


@cluster_view(MANAGE_BODIES, write=True)
def appointment_edit(
    request: RegistryRequest, cluster: Cluster, body: str, pk: int
) -> HttpResponse:
    record = body_or_404(body)
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
def poll_create(request: RegistryRequest, cluster: Cluster, body: str) -> HttpResponse:
    """A date poll for the body's next meeting, sent to its members."""
    record = body_or_404(body)
    form = DatePollForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            poll = services.poll_create(
                body=record,
                title=form.cleaned_data["title"],
                slots=form.slots(),
                actor=request.user,
                site_url=absolute_root(request),
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
    record = body_or_404(body)
    poll = get_object_or_404(DatePoll.objects.select_related("meeting"), body=record, pk=pk)
    return render(request, "governance/poll_detail.html", queries.poll_table(poll))


@cluster_view(MANAGE_BODIES, write=True)
def poll_choose(request: RegistryRequest, cluster: Cluster, body: str, pk: int) -> HttpResponse:
    """The secretariat chooses a time (POST `slot`): it becomes a planned meeting."""
    record = body_or_404(body)
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
            poll=poll, slot=slot, actor=request.user, site_url=absolute_root(request)
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return back
    messages.success(request, _("The meeting is planned, and the members are told."))
    return redirect(meeting.get_absolute_url())


@cluster_view(VIEW_BODIES)
def mandate_versions(request: RegistryRequest, cluster: Cluster, body: str) -> HttpResponse:
    """Every adopted version of the body's mandate, newest first, with what each changed."""
    record = body_or_404(body)
    versions = list(record.mandate_versions.select_related("adopted_in__body"))
    older = [*versions[1:], None] if versions else []
    context = {
        "body": record,
        "versions": [
            (version, versions_diff(previous.text, version.text) if previous else None)
            for version, previous in zip(versions, older, strict=True)
        ],
        "changed_since": versions_diff(versions[0].text, record.mandate)
        if versions and versions[0].text != record.mandate
        else None,
    }
    return render(request, "governance/mandate_versions.html", context)


@cluster_view(MANAGE_BODIES, write=True)
def mandate_adopt(request: RegistryRequest, cluster: Cluster, body: str) -> HttpResponse:
    """Record the adoption of the mandate as it reads now."""
    record = body_or_404(body)
    form = MandateAdoptionForm(
        request.POST if request.method == "POST" else None,
        initial={"adopted_on": queries.today()},
        body=record,
    )
    return form_page(
        request,
        form=form,
        save=lambda f: services.mandate_adopt(
            body=record,
            adopted_on=f.cleaned_data["adopted_on"],
            adopted_in=f.cleaned_data["adopted_in"],
            actor=request.user,
        ),
        template="common/form_page.html",
        context={
            "title": _("Adoption of the mandate of %(body)s") % {"body": record.name},
            "cancel_url": record.get_absolute_url(),
            "submit": _("Record the adoption"),
        },
        success_message=_("The adopted mandate is kept as a version."),
        success_url=lambda saved: reverse(
            "governance:mandate_versions", kwargs=record.url_kwargs()
        ),
    )
