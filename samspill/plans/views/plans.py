"""The plans of a cluster: the list, a plan's versions, adding a plan or a strategy, and
starting the year's rolling."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samspill.clusters.access import RegistryRequest, cluster_view
from samspill.clusters.freshness import page_key
from samspill.clusters.models import Cluster
from samspill.clusters.services import record_save
from samspill.clusters.views.pages import record_form_views
from samspill.common.views import add_service_error, form_page, kept_page

from .. import queries, services
from ..forms import ActionPlanForm, RollingForm, StrategyForm
from ..models import ActionPlan, Strategy
from ..permissions import MANAGE_PLANS, VIEW_PLANS


def list_url(cluster: Cluster) -> str:
    return reverse("plans:plan_list", kwargs={"cluster": cluster.slug})


@cluster_view(VIEW_PLANS)
def plan_list(request: RegistryRequest, cluster: Cluster) -> HttpResponse:
    return kept_page(
        request,
        template="plans/plan_list.html",
        context={},
        read=lambda: {
            "plans": list(queries.plans_for_list(cluster)),
            "strategies": list(Strategy.objects.filter(cluster=cluster)),
        },
        cache_key=page_key(request, cluster, "main"),
    )


@cluster_view(VIEW_PLANS)
def plan_detail(request: RegistryRequest, cluster: Cluster, plan: str) -> HttpResponse:
    record = queries.plan_or_404(plan)
    versions = list(record.versions.select_related("adopted_in__body"))
    latest = versions[0].year if versions else timezone.localdate().year
    form = RollingForm(initial={"year": latest + 1})
    return render(
        request,
        "plans/plan_detail.html",
        {"plan": record, "versions": versions, "form": form},
    )


@cluster_view(MANAGE_PLANS, write=True)
def rolling_start(request: RegistryRequest, cluster: Cluster, plan: str) -> HttpResponse:
    record = queries.plan_or_404(plan)
    form = RollingForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            draft = services.rolling_start(
                plan=record, year=form.cleaned_data["year"], actor=request.user
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(
                request,
                _("The draft for %(year)s is a copy of the adopted plan. Change it here.")
                % {"year": draft.year},
            )
            return redirect(draft.get_absolute_url())
    versions = list(record.versions.select_related("adopted_in__body"))
    return render(
        request, "plans/plan_detail.html", {"plan": record, "versions": versions, "form": form}
    )


@cluster_view(MANAGE_PLANS, write=True)
def plan_create(request: RegistryRequest, cluster: Cluster) -> HttpResponse:
    return _plan_form(request, cluster, ActionPlan(cluster=cluster))


@cluster_view(MANAGE_PLANS, write=True)
def plan_edit(request: RegistryRequest, cluster: Cluster, plan: str) -> HttpResponse:
    return _plan_form(request, cluster, queries.plan_or_404(plan))


def _plan_form(request: RegistryRequest, cluster: Cluster, record: ActionPlan) -> HttpResponse:
    form = ActionPlanForm(
        request.POST if request.method == "POST" else None, instance=record, cluster=cluster
    )
    return form_page(
        request,
        form=form,
        save=lambda f: record_save(record=f.instance, actor=request.user),
        template="common/form_page.html",
        context={
            "title": _("Edit %(name)s") % {"name": record} if record.pk else _("Add action plan"),
            "cancel_url": record.get_absolute_url() if record.pk else list_url(cluster),
        },
        success_message=_("The plan is saved."),
    )


strategy_create, strategy_edit = record_form_views(
    Strategy,
    form_class=StrategyForm,
    list_url="plans:plan_list",
    new_title=gettext_lazy("Add strategy"),
    saved=gettext_lazy("The strategy is saved."),
    permission=MANAGE_PLANS,
)
