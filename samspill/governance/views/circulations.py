"""Written procedures: sending one to a body's members, following the answers, concluding."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from samspill.clusters.access import RegistryRequest, cluster_view
from samspill.clusters.models import Cluster
from samspill.common.views import add_service_error

from .. import services
from ..forms import CirculationForm, ConcludeForm
from ..models import Circulation, Meeting
from ..permissions import MANAGE_BODIES, VIEW_BODIES
from .lookups import absolute_root, body_or_404, may_manage


@cluster_view(MANAGE_BODIES, write=True)
def circulation_create(request: RegistryRequest, cluster: Cluster, body: str) -> HttpResponse:
    """A written procedure, sent to the body's members when saved. `?meeting=<pk>` offers
    that meeting's minutes for approval."""
    record = body_or_404(body)
    circulation = Circulation(cluster=cluster, body=record)
    initial = {}
    asked = _int(request.GET.get("meeting"))
    meeting = Meeting.objects.filter(body=record, pk=asked).first() if asked else None
    if meeting is not None:
        initial = {
            "purpose": Circulation.Purpose.MINUTES,
            "meeting": meeting.pk,
            "title": _("Minutes of the meeting of %(date)s")
            % {"date": f"{timezone.localtime(meeting.starts_at):%d.%m.%Y}"},
        }
    form = CirculationForm(
        request.POST if request.method == "POST" else None,
        instance=circulation,
        initial=initial,
        cluster=cluster,
        body=record,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.circulation_send(
                circulation=form.instance, actor=request.user, site_url=absolute_root(request)
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The written procedure is sent to the members."))
            return redirect(form.instance.get_absolute_url())
    context = {
        "form": form,
        "title": _("New written procedure in %(body)s") % {"body": record.name},
        "cancel_url": record.get_absolute_url(),
        "submit": _("Send to the members"),
        "intro": _(
            "It is sent by email to the members summoned to the body's meetings, each with a "
            "personal link to answer by, without logging in."
        ),
    }
    return render(request, "common/form_page.html", context)


def _int(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() and len(value) < 10 else None


@cluster_view(VIEW_BODIES)
def circulation_detail(
    request: RegistryRequest, cluster: Cluster, body: str, pk: int
) -> HttpResponse:
    """The matter, every member's answer and comment, and (for the secretariat) concluding."""
    record = body_or_404(body)
    circulation = get_object_or_404(
        Circulation.objects.select_related("body", "meeting", "reported_in__meeting"),
        body=record,
        pk=pk,
    )
    return _detail(request, cluster, circulation, None)


def _detail(
    request: RegistryRequest,
    cluster: Cluster,
    circulation: Circulation,
    form: ConcludeForm | None,
    status: int = 200,
) -> HttpResponse:
    replies = list(circulation.replies.select_related("person").order_by("person__name"))
    may_conclude = services.circulation_may_conclude(circulation, replies)
    if form is None and may_conclude:
        outcome = circulation.outcome or services.circulation_outcome_suggested(
            circulation, replies
        )
        form = ConcludeForm(initial={"outcome": outcome})
    context = {
        "circulation": circulation,
        "body": circulation.body,
        "replies": replies,
        "answered": sum(1 for reply in replies if reply.answer),
        "comments": [reply for reply in replies if reply.comment],
        "manages": may_manage(request, cluster),
        "form": form if may_manage(request, cluster) else None,
    }
    return render(request, "governance/circulation_detail.html", context, status=status)


@cluster_view(MANAGE_BODIES, write=True)
def circulation_conclude(
    request: RegistryRequest, cluster: Cluster, body: str, pk: int
) -> HttpResponse:
    """Record the outcome (POST `outcome`); minutes out for approval are approved by it."""
    record = body_or_404(body)
    circulation = get_object_or_404(
        Circulation.objects.select_related("meeting"), body=record, pk=pk
    )
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    form = ConcludeForm(request.POST)
    if form.is_valid():
        try:
            services.circulation_conclude(
                circulation=circulation,
                outcome=form.cleaned_data["outcome"],
                actor=request.user,
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The outcome is recorded."))
            return redirect(circulation.get_absolute_url())
    return _detail(request, cluster, circulation, form, status=400)
