"""Organisations: list, page, add/edit with the duplicate check, delete."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from samspill.common.audit import history_for
from samspill.common.tables import table
from samspill.common.views import form_page, kept_page, list_page

from .. import forms, queries
from ..access import MANAGE, VIEW, RegistryRequest, cluster_view
from ..filters import (
    DuplicateCheckForm,
    OrganisationFilterForm,
    parses_query,
)
from ..freshness import page_key
from ..models import (
    Cluster,
    Organisation,
)
from ..tables import (
    ORGANISATION_COLUMNS,
    membership_cells,
    organisation_cells,
)
from ..validators import compact_organisation_number
from .pages import delete_page, save_as


@parses_query(OrganisationFilterForm)
@cluster_view(VIEW)
def organisation_list(request: RegistryRequest, cluster: Cluster) -> HttpResponse:
    filters = OrganisationFilterForm(request.GET, cluster=cluster)
    return list_page(
        request,
        queryset=queries.organisations_for_list(cluster=cluster, **filters.values()),
        template="clusters/organisation_list.html",
        context={"filters": filters},
        columns=ORGANISATION_COLUMNS,
        cells=organisation_cells(cluster),
        filename=Organisation._meta.verbose_name_plural,
        cache_key=page_key(request, cluster, "results"),
    )


@cluster_view(VIEW)
def organisation_detail(request: RegistryRequest, cluster: Cluster, pk: int) -> HttpResponse:
    organisation = get_object_or_404(Organisation.objects.select_related("region", "parent"), pk=pk)
    return kept_page(
        request,
        template="clusters/organisation_detail.html",
        context={"organisation": organisation},
        read=lambda: _organisation_detail(request, cluster, organisation),
        cache_key=page_key(request, cluster, "main"),
    )


def _organisation_detail(
    request: RegistryRequest, cluster: Cluster, organisation: Organisation
) -> dict:
    # Read here, as lists, so that the history names their rows without asking again.
    memberships = list(organisation.memberships.select_related("region", "node", "subgroup"))
    signatures = list(organisation.signatures.select_related("version__agreement"))
    return {
        "memberships_table": table(
            memberships,
            membership_cells(
                cluster, show_organisation=False, can_manage=request.user.has_perm(MANAGE, cluster)
            ),
        ),
        "affiliations": organisation.affiliations.select_related("person"),
        "units": organisation.units.all(),
        "signatures": signatures,
        "history": history_for(organisation, related=[memberships, signatures]),
    }


def _organisation_form_page(
    request: RegistryRequest, cluster: Cluster, organisation: Organisation
) -> HttpResponse:
    form = forms.OrganisationForm(request.POST or None, instance=organisation, cluster=cluster)
    duplicates = []
    if request.method == "POST" and form.is_valid():
        duplicates = queries.likely_duplicates(
            cluster=cluster,
            name=form.cleaned_data["name"],
            organisation_number=form.cleaned_data["organisation_number"],
            exclude_pk=organisation.pk,
        )
        if duplicates and not request.POST.get("not_a_duplicate"):
            return render(
                request,
                "clusters/organisation_form.html",
                {"form": form, "duplicates": duplicates, "organisation": organisation},
            )
    return form_page(
        request,
        form=form,
        save=save_as(request),
        template="clusters/organisation_form.html",
        context={"organisation": organisation, "duplicates": duplicates},
        success_message=_("The organisation is saved."),
    )


@cluster_view(MANAGE, write=True)
def organisation_create(request: RegistryRequest, cluster: Cluster) -> HttpResponse:
    return _organisation_form_page(request, cluster, Organisation(cluster=cluster))


@cluster_view(MANAGE, write=True)
def organisation_edit(request: RegistryRequest, cluster: Cluster, pk: int) -> HttpResponse:
    organisation = get_object_or_404(Organisation.objects.select_related("parent"), pk=pk)
    return _organisation_form_page(request, cluster, organisation)


@cluster_view(MANAGE, write=True)
def organisation_delete(request: RegistryRequest, cluster: Cluster, pk: int) -> HttpResponse:
    return delete_page(
        request,
        get_object_or_404(Organisation, pk=pk),
        list_url="clusters:organisation_list",
    )


@parses_query(DuplicateCheckForm)
@cluster_view(MANAGE)
def organisation_duplicates(request: RegistryRequest, cluster: Cluster) -> HttpResponse:
    """htmx: warn while typing that an organisation may already be registered."""
    typed = DuplicateCheckForm(request.GET).values()
    duplicates = queries.likely_duplicates(
        cluster=cluster,
        name=typed["name"],
        organisation_number=compact_organisation_number(typed["organisation_number"]),
        exclude_pk=typed["exclude"],
    )
    return render(request, "clusters/organisation_form.html#duplicates", {"duplicates": duplicates})
