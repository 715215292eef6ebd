"""A version of a plan: its page (the plan itself, with the draft's controls), its texts,
what changed since last year, who works on what, and adoption by a body's decision."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from samspill.clusters.access import RegistryRequest, cluster_view
from samspill.clusters.freshness import page_key
from samspill.clusters.models import Cluster
from samspill.common.views import add_service_error, form_page, kept_page

from .. import changes, documents, queries, services
from ..forms import ProposeForm, VersionForm
from ..models import PlanVersion
from ..permissions import MANAGE_PLANS, VIEW_PLANS
from .measures import frozen_notice


def editing(request: RegistryRequest, cluster: Cluster, version: PlanVersion) -> bool:
    return version.is_draft and request.user.has_perm(MANAGE_PLANS, cluster)


@cluster_view(VIEW_PLANS)
def version_detail(
    request: RegistryRequest, cluster: Cluster, plan: str, year: int
) -> HttpResponse:
    version = queries.version_or_404(plan, year)
    version.cluster = cluster

    def read() -> dict:
        chapters = queries.chapters_with_measures(version, links=True)
        return {
            # The plan's own headings speak its written standard, as in the document.
            "labels": documents.document_labels(version),
            "chapters": [(c, documents.table_rows(c)) for c in chapters],
            "summary": queries.prioritised_by_chapter(chapters),
            "summary_notes": [c for c in chapters if c.summary_note and not c.has_measures],
            "priorities": queries.priority_counts(chapters),
            "problems": services.adoption_problems(version) if version.is_draft else [],
            # Measures new in this draft may be removed; the others are completed instead.
            "carried": queries.keys_of(version.based_on_id) if edit else set(),
        }

    edit = editing(request, cluster, version)
    return kept_page(
        request,
        template="plans/version_detail.html",
        context={"version": version, "plan": version.plan, "editing": edit},
        read=read,
        cache_key=page_key(request, cluster, "main"),
        forms=edit,  # the draft's controls: a form per button
    )


@cluster_view(MANAGE_PLANS, write=True)
def version_edit(request: RegistryRequest, cluster: Cluster, plan: str, year: int) -> HttpResponse:
    version = queries.version_or_404(plan, year)
    form = VersionForm(
        request.POST if request.method == "POST" else None, instance=version, cluster=cluster
    )
    return form_page(
        request,
        form=form,
        save=lambda f: services.version_save(version=f.instance, actor=request.user),
        template="common/form_page.html",
        context={
            "title": _("The %(year)s version: introduction and changes") % {"year": version.year},
            "intro": frozen_notice(version),
            "cancel_url": version.get_absolute_url(),
        },
        success_message=_("Saved."),
    )


@cluster_view(VIEW_PLANS)
def version_changes(
    request: RegistryRequest, cluster: Cluster, plan: str, year: int
) -> HttpResponse:
    version = queries.version_or_404(plan, year)
    return kept_page(
        request,
        template="plans/version_changes.html",
        context={"version": version, "plan": version.plan},
        read=lambda: {"changes": changes.version_changes(version)},
        cache_key=page_key(request, cluster, "main"),
    )


@cluster_view(VIEW_PLANS)
def coordination(request: RegistryRequest, cluster: Cluster, plan: str, year: int) -> HttpResponse:
    version = queries.version_or_404(plan, year)
    return kept_page(
        request,
        template="plans/coordination.html",
        context={"version": version, "plan": version.plan},
        read=lambda: {"participants": queries.coordination(version)},
        cache_key=page_key(request, cluster, "main"),
    )


@cluster_view(MANAGE_PLANS, write=True)
def version_propose(
    request: RegistryRequest, cluster: Cluster, plan: str, year: int
) -> HttpResponse:
    version = queries.version_or_404(plan, year)
    form = ProposeForm(request.POST if request.method == "POST" else None, cluster=cluster)
    if request.method == "POST" and form.is_valid():
        try:
            case = services.version_propose(
                version=version, meeting=form.cleaned_data["meeting"], actor=request.user
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(
                request,
                _("The draft is on the agenda as %(case)s.") % {"case": case.label},
            )
            return redirect(version.get_absolute_url())
    return render(
        request,
        "common/form_page.html",
        {
            "form": form,
            "title": _("Send the %(year)s draft to a meeting") % {"year": version.year},
            "cancel_url": version.get_absolute_url(),
            "submit": _("Put it on the agenda"),
        },
    )


@cluster_view(MANAGE_PLANS, write=True)
def version_adopt(request: RegistryRequest, cluster: Cluster, plan: str, year: int) -> HttpResponse:
    version = queries.version_or_404(plan, year)
    if request.method == "POST":
        try:
            services.version_adopt(version=version, actor=request.user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(
                request, _("The %(year)s version is adopted.") % {"year": version.year}
            )
    return redirect(version.get_absolute_url())
