"""People and their affiliations."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samspill.common.audit import history_for
from samspill.common.views import form_page, kept_page, list_page

from .. import forms, queries
from ..access import MANAGE, VIEW, RegistryRequest, cluster_view
from ..filters import (
    InitialsForm,
    PersonFilterForm,
    parses_query,
)
from ..freshness import page_key
from ..models import (
    Affiliation,
    Cluster,
    Person,
)
from ..services import (
    person_save,
)
from ..tables import (
    PERSON_COLUMNS,
    person_cells,
)
from .pages import delete_page, record_form_page, record_form_views, save_as


@parses_query(PersonFilterForm)
@cluster_view(VIEW)
def person_list(request: RegistryRequest, cluster: Cluster) -> HttpResponse:
    filters = PersonFilterForm(request.GET, cluster=cluster)
    return list_page(
        request,
        queryset=queries.people_for_list(cluster=cluster, **filters.values()),
        template="clusters/person_list.html",
        context={"filters": filters},
        columns=PERSON_COLUMNS,
        cells=person_cells(cluster),
        filename=Person._meta.verbose_name_plural,
        cache_key=page_key(request, cluster, "results"),
    )


@cluster_view(VIEW)
def person_detail(request: RegistryRequest, cluster: Cluster, pk: int) -> HttpResponse:
    person = get_object_or_404(Person, pk=pk)

    def read() -> dict:
        affiliations = list(person.affiliations.select_related("organisation"))
        return {
            "affiliations": affiliations,
            "nodes": person.coordinated_nodes.select_related("region"),
            "history": history_for(person, related=[affiliations]),  # read once, for both
        }

    return kept_page(
        request,
        template="clusters/person_detail.html",
        context={"person": person},
        read=read,
        cache_key=page_key(request, cluster, "main"),
    )


person_create, person_edit = record_form_views(
    Person,
    form_class=forms.PersonForm,
    list_url="clusters:person_list",
    new_title=gettext_lazy("Add person"),
    saved=gettext_lazy("The person is saved."),
    save=lambda request: lambda form: person_save(person=form.instance, actor=request.user),
)


@parses_query(InitialsForm)
@cluster_view(MANAGE)
def person_initials(request: RegistryRequest, cluster: Cluster) -> HttpResponse:
    """htmx: the initials a person with this name would get."""
    typed = InitialsForm(request.GET).values()
    initials = queries.initials_for(
        cluster=cluster, name=typed["name"], exclude_pk=typed["exclude"]
    )
    return HttpResponse(
        escape(
            _("Suggested: %(initials)s. Leave empty to use the suggestion.")
            % {"initials": initials}
        )
    )


@cluster_view(MANAGE, write=True)
def person_delete(request: RegistryRequest, cluster: Cluster, pk: int) -> HttpResponse:
    return delete_page(
        request,
        get_object_or_404(Person, pk=pk),
        list_url="clusters:person_list",
        consequence=_("Their affiliations are deleted too."),
    )


@cluster_view(MANAGE, write=True)
def affiliation_create(request: RegistryRequest, cluster: Cluster, pk: int) -> HttpResponse:
    person = get_object_or_404(Person, pk=pk)
    form = forms.AffiliationForm(
        request.POST or None, instance=Affiliation(cluster=cluster, person=person), cluster=cluster
    )
    return form_page(
        request,
        form=form,
        save=save_as(request),
        template="common/form_page.html",
        context={
            "title": _("New affiliation for %(name)s") % {"name": person.name},
            "cancel_url": person.get_absolute_url(),
        },
        success_message=_("The affiliation is added."),
        success_url=lambda a: a.person.get_absolute_url(),
    )


@cluster_view(MANAGE, write=True)
def affiliation_edit(request: RegistryRequest, cluster: Cluster, pk: int) -> HttpResponse:
    """Change or end an affiliation (set “to” when someone leaves the organisation)."""
    return record_form_page(
        request,
        cluster,
        get_object_or_404(Affiliation.objects.select_related("person", "organisation"), pk=pk),
        form_class=forms.AffiliationForm,
        list_url="clusters:person_list",
        new_title="",
        saved=_("The affiliation is saved."),
    )
