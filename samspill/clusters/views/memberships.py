"""Memberships: periods of an organisation's participation, ended rather than deleted."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samspill.common.views import list_page

from .. import forms, queries
from ..access import MANAGE, VIEW, RegistryRequest, cluster_view
from ..filters import (
    MembershipFilterForm,
    MembershipInitialForm,
    parses_query,
)
from ..freshness import page_key
from ..models import (
    Cluster,
    Membership,
)
from ..services import (
    membership_end,
)
from ..tables import (
    MEMBERSHIP_COLUMNS,
    MEMBERSHIP_NOTES,
    membership_cells,
)
from .pages import delete_page, record_form_views


@parses_query(MembershipFilterForm)
@cluster_view(VIEW)
def membership_list(request: RegistryRequest, cluster: Cluster) -> HttpResponse:
    filters = MembershipFilterForm(request.GET, cluster=cluster)
    can_manage = request.user.has_perm(MANAGE, cluster)
    return list_page(
        request,
        queryset=queries.memberships_for_list(cluster=cluster, **filters.values()),
        template="clusters/membership_list.html",
        context={"filters": filters},
        columns=[*MEMBERSHIP_COLUMNS, MEMBERSHIP_NOTES] if can_manage else MEMBERSHIP_COLUMNS,
        cells=membership_cells(cluster, show_organisation=True, can_manage=can_manage),
        filename=Membership._meta.verbose_name_plural,
        cache_key=page_key(request, cluster, "results"),
    )


def _initial(request: HttpRequest) -> dict | None:
    """Links from an organisation or a subgroup page fill in what the person came from."""
    initial: dict = {
        name: pk
        for name, pk in MembershipInitialForm(request.GET).values().items()
        if pk is not None
    }
    if "subgroup" in initial:
        initial["kind"] = Membership.Kind.SUBGROUP_PARTY
    return initial or None


membership_create, membership_edit = (
    parses_query(MembershipInitialForm)(view)
    for view in record_form_views(
        Membership,
        form_class=forms.MembershipForm,
        list_url="clusters:membership_list",
        new_title=gettext_lazy("Register membership"),
        saved=gettext_lazy("The membership is saved."),
        new=lambda cluster: Membership(cluster=cluster, joined_on=timezone.localdate()),
        initial=_initial,
    )
)


@cluster_view(MANAGE, write=True)
def membership_delete(request: RegistryRequest, cluster: Cluster, pk: int) -> HttpResponse:
    return delete_page(
        request,
        get_object_or_404(Membership.objects.select_related("organisation"), pk=pk),
        list_url="clusters:membership_list",
        consequence=_(
            "Delete only a membership registered by mistake. When an organisation leaves, "
            "end the membership instead, so the history stays right."
        ),
    )


@cluster_view(MANAGE, write=True)
def membership_leave(request: RegistryRequest, cluster: Cluster, pk: int) -> HttpResponse:
    membership = get_object_or_404(Membership.objects.select_related("organisation"), pk=pk)
    form = forms.MembershipEndForm(request.POST or None, initial={"left_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            membership_end(
                membership=membership, left_on=form.cleaned_data["left_on"], actor=request.user
            )
        except ValidationError as error:
            # The rule the date breaks (it is before the start), next to the date.
            form.add_error("left_on", error.message_dict.get("left_on", error.messages))
        else:
            messages.success(request, _("The membership is ended. It stays in the history."))
            return redirect(membership.organisation.get_absolute_url())
    return render(
        request, "clusters/membership_leave.html", {"form": form, "membership": membership}
    )
