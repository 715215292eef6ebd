"""The registry's overview: dashboard, balance picture, cluster settings and who has access."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samspill.accounts.models import User
from samspill.common import dashboard as panels
from samspill.common.views import kept_page

from .. import forms, queries
from ..access import MANAGE, VIEW, RegistryRequest, cluster_view
from ..freshness import page_key
from ..models import (
    Cluster,
    ClusterRole,
    Region,
)
from ..services import (
    AlreadyHasRole,
    LastSecretariat,
    cluster_update,
    regions_update,
    role_invite,
    role_revoke,
)
from ..services import role_change as role_change_service


@cluster_view(VIEW)
def dashboard(request: RegistryRequest, cluster: Cluster) -> HttpResponse:
    def read() -> dict:
        version = queries.agreement_in_force(cluster=cluster)
        year = timezone.localdate().year
        return {
            "figures": queries.dashboard_figures(cluster=cluster, year=year),
            "last_year": year - 1,
            "version": version,
            "unsigned": queries.unsigned_shown(version=version),
            "balance": queries.balance_picture(cluster=cluster),
            "year": year,
            "panels": panels.panels_for(request.user, cluster),
        }

    return kept_page(
        request,
        template="clusters/dashboard.html",
        context={},
        read=read,
        cache_key=page_key(request, cluster, "main"),
    )


@cluster_view(VIEW)
def balance(request: RegistryRequest, cluster: Cluster) -> HttpResponse:
    return kept_page(
        request,
        template="clusters/balance.html",
        context={},
        read=lambda: {"balance": queries.balance_picture(cluster=cluster)},
        cache_key=page_key(request, cluster, "main"),
    )


@cluster_view(MANAGE, write=True)
def cluster_edit(request: RegistryRequest, cluster: Cluster) -> HttpResponse:
    form = forms.ClusterSettingsForm(request.POST or None, request.FILES or None, instance=cluster)
    if request.method == "POST" and form.is_valid():
        cluster_update(cluster=form.instance, actor=request.user)
        messages.success(request, _("The cluster settings are saved."))
        return redirect("clusters:dashboard", cluster=cluster.slug)
    return render(request, "clusters/cluster_form.html", {"form": form})


@cluster_view(MANAGE, write=True)
def regions_edit(request: RegistryRequest, cluster: Cluster) -> HttpResponse:
    """The cluster's regions: rename, reorder, add (a region in use cannot be deleted)."""
    regions = forms.RegionFormSet(
        request.POST or None,
        instance=cluster,
        queryset=Region.objects.all(),
        prefix="regions",
    )
    if request.method == "POST" and regions.is_valid():
        regions_update(cluster=cluster, regions=regions.save(commit=False), actor=request.user)
        messages.success(request, _("The regions are saved."))
        return redirect("clusters:dashboard", cluster=cluster.slug)
    return render(request, "clusters/regions_form.html", {"regions": regions})


@cluster_view(MANAGE, write=True)
def role_list(request: RegistryRequest, cluster: Cluster) -> HttpResponse:
    """Who has access to the cluster's internal pages, and inviting more people."""
    form = forms.RoleInviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            grant = role_invite(
                cluster=cluster,
                email=form.cleaned_data["email"],
                name=form.cleaned_data["name"],
                role=form.cleaned_data["role"],
                actor=request.user,
                site_url=request.build_absolute_uri("/"),
            )
        except AlreadyHasRole as error:
            form.add_error(
                "email",
                _("%(person)s already has access as %(role)s; change the role in the list above.")
                % {"person": error.grant.user, "role": error.grant.get_role_display().lower()},
            )
        else:
            messages.success(
                request,
                _("%(person)s is now %(role)s and has been sent an email.")
                % {"person": grant.user, "role": grant.get_role_display().lower()},
            )
            return redirect("clusters:role_list", cluster=cluster.slug)
    roles = ClusterRole.objects.select_related("user").order_by("role", "user__email")
    return render(
        request,
        "clusters/role_list.html",
        {"form": form, "roles": roles, "role_choices": ClusterRole.Role.choices},
    )


@cluster_view(MANAGE, write=True)
@require_POST
def role_change(request: RegistryRequest, cluster: Cluster, pk: int) -> HttpResponse:
    """Change someone's role from the access list; no confirmation, a message either way."""
    grant = get_object_or_404(ClusterRole.objects.select_related("user"), pk=pk)
    form = forms.RoleChangeForm(request.POST)
    if form.is_valid():
        try:
            role_change_service(grant=grant, role=form.cleaned_data["role"], actor=request.user)
        except LastSecretariat:
            messages.error(
                request,
                _(
                    "%(person)s is the only secretariat and keeps that role: the cluster must "
                    "have at least one. Give someone else the secretariat role first."
                )
                % {"person": grant.user},
            )
        else:
            messages.success(
                request,
                _("%(person)s is now %(role)s.")
                % {"person": grant.user, "role": grant.get_role_display().lower()},
            )
            if grant.role != ClusterRole.Role.SECRETARIAT and _own_role(request.user, grant):
                # They may no longer manage access; the registry is still theirs to read.
                return redirect("clusters:dashboard", cluster=cluster.slug)
    else:
        messages.error(request, _("Choose one of the roles in the list."))
    return redirect("clusters:role_list", cluster=cluster.slug)


def _own_role(user: User, grant: ClusterRole) -> bool:
    """Whether `grant` is the role that gives `user` (not a superuser) access to the cluster."""
    return grant.user_id == user.pk and not user.is_superuser


@cluster_view(MANAGE, write=True)
def role_remove(request: RegistryRequest, cluster: Cluster, pk: int) -> HttpResponse:
    grant = get_object_or_404(ClusterRole.objects.select_related("user"), pk=pk)
    problem = ""
    if request.method == "POST":
        try:
            role_revoke(grant=grant, actor=request.user)
        except LastSecretariat:
            problem = _(
                "The cluster must keep at least one secretariat. Give someone else that role first."
            )
        else:
            messages.success(
                request, _("%(person)s no longer has access.") % {"person": grant.user}
            )
            if _own_role(request.user, grant):
                return redirect("home")
            return redirect("clusters:role_list", cluster=cluster.slug)
    return render(request, "clusters/role_remove.html", {"grant": grant, "problem": problem})
