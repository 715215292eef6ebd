"""Changing a draft: a chapter's texts, adding and changing measures, and the quick actions
of the plan page (complete, take up, prioritise, move)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from samspill.clusters.access import RegistryRequest, cluster_view
from samspill.clusters.models import Cluster
from samspill.common.views import form_page

from .. import queries, services
from ..forms import ChapterForm, MeasureForm
from ..models import Chapter, Measure, PlanVersion
from ..permissions import MANAGE_PLANS

Status = Measure.Status
ACTIONS = {
    "complete": (Status.COMPLETED, _("“%(measure)s” is marked completed.")),
    "take_up": (Status.ONGOING, _("“%(measure)s” is taken up from this year.")),
    "prioritise": (Status.PRIORITISED, _("“%(measure)s” is prioritised.")),
    "unprioritise": (Status.ONGOING, _("“%(measure)s” is no longer prioritised.")),
}


def frozen_notice(version: PlanVersion) -> str:
    """Said above a form of a version that is no longer a draft, before anyone types."""
    return "" if version.is_draft else services.VersionFrozen(version).messages[0]


def _anchor(version: PlanVersion, chapter: Chapter) -> str:
    return f"{version.get_absolute_url()}#chapter-{chapter.pk}"


@cluster_view(MANAGE_PLANS, write=True)
def chapter_edit(
    request: RegistryRequest, cluster: Cluster, plan: str, year: int, pk: int
) -> HttpResponse:
    version = queries.version_or_404(plan, year)
    chapter = get_object_or_404(Chapter, version=version, pk=pk)
    form = ChapterForm(
        request.POST if request.method == "POST" else None, instance=chapter, cluster=cluster
    )
    return form_page(
        request,
        form=form,
        save=lambda f: services.chapter_save(chapter=f.instance, actor=request.user),
        template="common/form_page.html",
        context={
            "title": str(chapter),
            "intro": frozen_notice(version),
            "cancel_url": _anchor(version, chapter),
        },
        success_message=_("The chapter is saved."),
        success_url=lambda saved: _anchor(version, saved),
    )


@cluster_view(MANAGE_PLANS, write=True)
def measure_create(
    request: RegistryRequest, cluster: Cluster, plan: str, year: int, pk: int
) -> HttpResponse:
    version = queries.version_or_404(plan, year)
    chapter = get_object_or_404(Chapter, version=version, pk=pk)
    measure = Measure(cluster=cluster, version=version, chapter=chapter)
    initial = {"chapter": chapter.pk, "status": Status.CANDIDATE}
    return _measure_form(request, cluster, version, measure, initial, _("Add a measure"))


@cluster_view(MANAGE_PLANS, write=True)
def measure_edit(
    request: RegistryRequest, cluster: Cluster, plan: str, year: int, pk: int
) -> HttpResponse:
    version = queries.version_or_404(plan, year)
    measure = get_object_or_404(Measure.objects.select_related("chapter"), version=version, pk=pk)
    return _measure_form(request, cluster, version, measure, {}, _("Change the measure"))


def _measure_form(
    request: RegistryRequest,
    cluster: Cluster,
    version: PlanVersion,
    measure: Measure,
    initial: dict,
    title: str,
) -> HttpResponse:
    form = MeasureForm(
        request.POST if request.method == "POST" else None,
        instance=measure,
        initial=initial,
        cluster=cluster,
        version=version,
    )

    def save(f: MeasureForm) -> Measure:
        return services.measure_save(
            measure=f.instance,
            actor=request.user,
            organisations=f.cleaned_data["organisations"],
            bodies=f.cleaned_data["bodies"],
            decisions=f.cleaned_data["decisions"],
        )

    return form_page(
        request,
        form=form,
        save=save,
        template="common/form_page.html",
        context={
            "title": title,
            "intro": frozen_notice(version),
            "cancel_url": version.get_absolute_url(),
        },
        success_message=_("The measure is saved."),
        success_url=lambda saved: _anchor(version, saved.chapter),
    )


@cluster_view(MANAGE_PLANS, write=True)
def measure_action(
    request: RegistryRequest, cluster: Cluster, plan: str, year: int, pk: int, action: str
) -> HttpResponse:
    """One button of a measure's row: a status, a move up or down, or removal."""
    version = queries.version_or_404(plan, year)
    measure = get_object_or_404(Measure.objects.select_related("chapter"), version=version, pk=pk)
    label = measure.text if len(measure.text) < 60 else measure.text[:57] + "…"
    if request.method != "POST" and action == "remove":
        context = {
            "question": _("Remove “%(measure)s”?") % {"measure": label},
            "consequence": _("It was added to this draft; the audit log keeps what it said."),
            "action": _("Remove"),
            "cancel_url": _anchor(version, measure.chapter),
        }
        return render(request, "governance/confirm.html", context)
    if request.method != "POST":
        return redirect(_anchor(version, measure.chapter))
    try:
        if action in ACTIONS:
            status, done = ACTIONS[action]
            services.measure_set_status(measure=measure, status=status, actor=request.user)
            messages.success(request, done % {"measure": label})
        elif action in ("up", "down"):
            services.measure_move(measure=measure, up=action == "up", actor=request.user)
        elif action == "remove":
            services.measure_remove(measure=measure, actor=request.user)
            messages.success(request, _("“%(measure)s” is removed.") % {"measure": label})
        else:
            raise Http404
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    return redirect(_anchor(version, measure.chapter))
