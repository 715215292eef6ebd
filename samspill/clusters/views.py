from django.contrib import messages
from django.db.models import Count, Prefetch, ProtectedError, Q
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRefresh

from samspill.common.audit import history_for
from samspill.common.collation import norwegian
from samspill.common.views import form_page, list_page

from . import forms, imports, queries
from .access import MANAGE, VIEW, cluster_view
from .filters import (
    DuplicateCheckForm,
    InitialsForm,
    MembershipFilterForm,
    MembershipInitialForm,
    OrganisationFilterForm,
    PersonFilterForm,
    parses_query,
)
from .initials import suggest_initials
from .models import (
    Affiliation,
    Agreement,
    AgreementAppendix,
    AgreementSignature,
    AgreementVersion,
    ClusterRole,
    ImportBatch,
    Membership,
    Node,
    Organisation,
    Person,
    Region,
    Subgroup,
)
from .services import (
    AlreadyHasRole,
    LastSecretariat,
    cluster_update,
    membership_end,
    person_save,
    record_delete,
    record_save,
    role_invite,
    role_revoke,
)
from .services import role_change as role_change_service
from .tables import (
    AGREEMENT_COLUMNS,
    IMPORT_COLUMNS,
    MEMBERSHIP_COLUMNS,
    MEMBERSHIP_NOTES,
    NODE_COLUMNS,
    ORGANISATION_COLUMNS,
    PERSON_COLUMNS,
    SUBGROUP_COLUMNS,
)


def _cancel(cluster, record, list_url: str) -> str:
    """Where Cancel goes: back to the record, or to its list when it is new."""
    return record.get_absolute_url() if record.pk else reverse(list_url, args=[cluster.slug])


def _record_form_page(
    request, cluster, record, *, form_class, list_url, new_title, saved, save=None, initial=None
):
    """Add or edit one registry record on the shared form page."""
    form = form_class(
        request.POST or None,
        request.FILES or None,
        instance=record,
        cluster=cluster,
        initial=initial,
    )
    return form_page(
        request,
        form=form,
        save=save or _save_as(request),
        template="common/form_page.html",
        context={
            "title": _("Edit %(name)s") % {"name": record} if record.pk else new_title,
            "cancel_url": _cancel(cluster, record, list_url),
        },
        success_message=saved,
    )


def _delete_page(request, record, *, list_url: str, consequence: str = ""):
    """Confirm, then delete a record entered by mistake, or explain why it cannot go."""
    problem = ""
    if request.method == "POST":
        try:
            record_delete(record=record, actor=request.user)
        except ProtectedError:
            problem = _(
                "It cannot be deleted because other records refer to it. End its memberships "
                "or affiliations instead; they stay in the history."
            )
        else:
            messages.success(request, _("“%(name)s” is deleted.") % {"name": record})
            return redirect(list_url, cluster=request.cluster.slug)
    context = {"record": record, "problem": problem, "consequence": consequence}
    return render(request, "common/confirm_delete.html", context)


def _save_as(request):
    """The save callback for form_page: validate and save the form's instance as this user."""
    return lambda form: record_save(record=form.instance, actor=request.user)


# Overview ---------------------------------------------------------------------------------


@cluster_view(VIEW)
def dashboard(request, cluster):
    version = queries.agreement_in_force(cluster=cluster)
    year = timezone.localdate().year
    active = Membership.objects.active().filter(kind=Membership.Kind.PARTICIPANT)
    context = {
        "participants": active.count(),
        "joined_this_year": Membership.objects.filter(
            joined_on__year=year, kind=Membership.Kind.PARTICIPANT
        ).count(),
        "joined_last_year": Membership.objects.filter(
            joined_on__year=year - 1, kind=Membership.Kind.PARTICIPANT
        ).count(),
        "last_year": year - 1,
        "people": Person.objects.count(),
        "nodes": Node.objects.count(),
        "version": version,
        "unsigned": queries.unsigned_members(version=version)[:50] if version else [],
        "balance": queries.balance_picture(cluster=cluster),
        "year": year,
    }
    return render(request, "clusters/dashboard.html", context)


@cluster_view(VIEW)
def balance(request, cluster):
    return render(
        request, "clusters/balance.html", {"balance": queries.balance_picture(cluster=cluster)}
    )


@cluster_view(MANAGE, write=True)
def cluster_edit(request, cluster):
    form = forms.ClusterSettingsForm(request.POST or None, request.FILES or None, instance=cluster)
    regions = forms.RegionFormSet(
        request.POST or None,
        instance=cluster,
        queryset=Region.objects.all(),
        prefix="regions",
    )
    if request.method == "POST" and form.is_valid() and regions.is_valid():
        cluster_update(cluster=form.instance, regions=regions, actor=request.user)
        messages.success(request, _("The cluster settings are saved."))
        return redirect("clusters:dashboard", cluster=cluster.slug)
    return render(request, "clusters/cluster_form.html", {"form": form, "regions": regions})


@cluster_view(MANAGE, write=True)
def role_list(request, cluster):
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
def role_change(request, cluster, pk):
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


def _own_role(user, grant: ClusterRole) -> bool:
    """Whether `grant` is the role that gives `user` (not a superuser) access to the cluster."""
    return grant.user_id == user.pk and not user.is_superuser


@cluster_view(MANAGE, write=True)
def role_remove(request, cluster, pk):
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


# Organisations ----------------------------------------------------------------------------


@parses_query(OrganisationFilterForm)
@cluster_view(VIEW)
def organisation_list(request, cluster):
    filters = OrganisationFilterForm(request.GET, cluster=cluster)
    return list_page(
        request,
        queryset=queries.organisations_for_list(cluster=cluster, **filters.values()),
        template="clusters/organisation_list.html",
        context={"filters": filters},
        columns=ORGANISATION_COLUMNS,
        filename=Organisation._meta.verbose_name_plural,
    )


@cluster_view(VIEW)
def organisation_detail(request, cluster, pk):
    organisation = get_object_or_404(Organisation.objects.select_related("region", "parent"), pk=pk)
    context = {
        "organisation": organisation,
        "memberships": organisation.memberships.select_related("region", "node", "subgroup"),
        "affiliations": organisation.affiliations.select_related("person"),
        "units": organisation.units.all(),
        "signatures": organisation.signatures.select_related("version__agreement"),
        "history": history_for(
            organisation,
            related=[organisation.memberships.all(), organisation.signatures.all()],
        ),
    }
    return render(request, "clusters/organisation_detail.html", context)


def _organisation_form_page(request, cluster, organisation):
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
        save=_save_as(request),
        template="clusters/organisation_form.html",
        context={"organisation": organisation, "duplicates": duplicates},
        success_message=_("The organisation is saved."),
    )


@cluster_view(MANAGE, write=True)
def organisation_create(request, cluster):
    return _organisation_form_page(request, cluster, Organisation(cluster=cluster))


@cluster_view(MANAGE, write=True)
def organisation_edit(request, cluster, pk):
    return _organisation_form_page(request, cluster, get_object_or_404(Organisation, pk=pk))


@cluster_view(MANAGE, write=True)
def organisation_delete(request, cluster, pk):
    return _delete_page(
        request,
        get_object_or_404(Organisation, pk=pk),
        list_url="clusters:organisation_list",
    )


@parses_query(DuplicateCheckForm)
@cluster_view(MANAGE)
def organisation_duplicates(request, cluster):
    """htmx: warn while typing that an organisation may already be registered."""
    typed = DuplicateCheckForm(request.GET).values()
    duplicates = queries.likely_duplicates(
        cluster=cluster,
        name=typed["name"],
        organisation_number=typed["organisation_number"].replace(" ", ""),
        exclude_pk=typed["exclude"],
    )
    return render(request, "clusters/organisation_form.html#duplicates", {"duplicates": duplicates})


# People -----------------------------------------------------------------------------------


@parses_query(PersonFilterForm)
@cluster_view(VIEW)
def person_list(request, cluster):
    filters = PersonFilterForm(request.GET, cluster=cluster)
    return list_page(
        request,
        queryset=queries.people_for_list(cluster=cluster, **filters.values()),
        template="clusters/person_list.html",
        context={"filters": filters},
        columns=PERSON_COLUMNS,
        filename=Person._meta.verbose_name_plural,
    )


@cluster_view(VIEW)
def person_detail(request, cluster, pk):
    person = get_object_or_404(Person, pk=pk)
    context = {
        "person": person,
        "affiliations": person.affiliations.select_related("organisation"),
        "nodes": person.coordinated_nodes.select_related("region"),
        "history": history_for(person, related=[person.affiliations.all()]),
    }
    return render(request, "clusters/person_detail.html", context)


def _person_form_page(request, cluster, person):
    return _record_form_page(
        request,
        cluster,
        person,
        form_class=forms.PersonForm,
        list_url="clusters:person_list",
        new_title=_("Add person"),
        saved=_("The person is saved."),
        save=lambda form: person_save(person=form.instance, actor=request.user),
    )


@parses_query(InitialsForm)
@cluster_view(MANAGE)
def person_initials(request, cluster):
    """htmx: the initials a person with this name would get."""
    typed = InitialsForm(request.GET).values()
    taken = Person.objects.exclude(pk=typed["exclude"])
    initials = suggest_initials(typed["name"], set(taken.values_list("initials", flat=True)))
    return HttpResponse(
        escape(
            _("Suggested: %(initials)s. Leave empty to use the suggestion.")
            % {"initials": initials}
        )
    )


@cluster_view(MANAGE, write=True)
def person_create(request, cluster):
    return _person_form_page(request, cluster, Person(cluster=cluster))


@cluster_view(MANAGE, write=True)
def person_edit(request, cluster, pk):
    return _person_form_page(request, cluster, get_object_or_404(Person, pk=pk))


@cluster_view(MANAGE, write=True)
def person_delete(request, cluster, pk):
    return _delete_page(
        request,
        get_object_or_404(Person, pk=pk),
        list_url="clusters:person_list",
        consequence=_("Their affiliations are deleted too."),
    )


@cluster_view(MANAGE, write=True)
def affiliation_create(request, cluster, pk):
    person = get_object_or_404(Person, pk=pk)
    form = forms.AffiliationForm(
        request.POST or None, instance=Affiliation(cluster=cluster, person=person), cluster=cluster
    )
    return form_page(
        request,
        form=form,
        save=_save_as(request),
        template="common/form_page.html",
        context={
            "title": _("New affiliation for %(name)s") % {"name": person.name},
            "cancel_url": person.get_absolute_url(),
        },
        success_message=_("The affiliation is added."),
        success_url=lambda a: a.person.get_absolute_url(),
    )


@cluster_view(MANAGE, write=True)
def affiliation_edit(request, cluster, pk):
    """Change or end an affiliation (set “to” when someone leaves the organisation)."""
    return _record_form_page(
        request,
        cluster,
        get_object_or_404(Affiliation.objects.select_related("person", "organisation"), pk=pk),
        form_class=forms.AffiliationForm,
        list_url="clusters:person_list",
        new_title="",
        saved=_("The affiliation is saved."),
    )


# Memberships ------------------------------------------------------------------------------


@parses_query(MembershipFilterForm)
@cluster_view(VIEW)
def membership_list(request, cluster):
    filters = MembershipFilterForm(request.GET, cluster=cluster)
    return list_page(
        request,
        queryset=queries.memberships_for_list(cluster=cluster, **filters.values()),
        template="clusters/membership_list.html",
        context={"filters": filters},
        columns=[*MEMBERSHIP_COLUMNS, MEMBERSHIP_NOTES]
        if request.user.has_perm(MANAGE, cluster)
        else MEMBERSHIP_COLUMNS,
        filename=Membership._meta.verbose_name_plural,
    )


def _membership_form_page(request, cluster, membership):
    # Links from an organisation or a subgroup page fill in what the person came from.
    initial = {
        name: pk
        for name, pk in MembershipInitialForm(request.GET).values().items()
        if pk is not None
    }
    if "subgroup" in initial:
        initial["kind"] = Membership.Kind.SUBGROUP_PARTY
    return _record_form_page(
        request,
        cluster,
        membership,
        form_class=forms.MembershipForm,
        list_url="clusters:membership_list",
        new_title=_("Register membership"),
        saved=_("The membership is saved."),
        initial=initial or None,
    )


@parses_query(MembershipInitialForm)
@cluster_view(MANAGE, write=True)
def membership_create(request, cluster):
    return _membership_form_page(
        request, cluster, Membership(cluster=cluster, joined_on=timezone.localdate())
    )


@parses_query(MembershipInitialForm)
@cluster_view(MANAGE, write=True)
def membership_edit(request, cluster, pk):
    return _membership_form_page(request, cluster, get_object_or_404(Membership, pk=pk))


@cluster_view(MANAGE, write=True)
def membership_delete(request, cluster, pk):
    return _delete_page(
        request,
        get_object_or_404(Membership.objects.select_related("organisation"), pk=pk),
        list_url="clusters:membership_list",
        consequence=_(
            "Delete only a membership registered by mistake. When an organisation leaves, "
            "end the membership instead, so the history stays right."
        ),
    )


@cluster_view(MANAGE, write=True)
def membership_leave(request, cluster, pk):
    membership = get_object_or_404(Membership.objects.select_related("organisation"), pk=pk)
    form = forms.MembershipEndForm(request.POST or None, initial={"left_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["left_on"] < membership.joined_on:
            form.add_error("left_on", _("The membership cannot end before it starts."))
        else:
            membership_end(
                membership=membership, left_on=form.cleaned_data["left_on"], actor=request.user
            )
            messages.success(request, _("The membership is ended. It stays in the history."))
            return redirect(membership.organisation.get_absolute_url())
    return render(
        request, "clusters/membership_leave.html", {"form": form, "membership": membership}
    )


# Nodes and subgroups ----------------------------------------------------------------------


@cluster_view(VIEW)
def node_list(request, cluster):
    return list_page(
        request,
        queryset=Node.objects.select_related("region", "host_organisation", "coordinator")
        .annotate(member_count=Count("memberships", filter=Q(memberships__left_on__isnull=True)))
        .order_by("region__position", norwegian("name")),
        template="clusters/node_list.html",
        context={},
        columns=NODE_COLUMNS,
        filename=Node._meta.verbose_name_plural,
    )


@cluster_view(VIEW)
def node_detail(request, cluster, pk):
    node = get_object_or_404(
        Node.objects.select_related("region", "host_organisation", "coordinator"), pk=pk
    )
    context = {
        "node": node,
        "memberships": node.memberships.active().select_related("organisation"),
        "history": history_for(node),
    }
    return render(request, "clusters/node_detail.html", context)


def _node_form_page(request, cluster, node):
    return _record_form_page(
        request,
        cluster,
        node,
        form_class=forms.NodeForm,
        list_url="clusters:node_list",
        new_title=_("Add node"),
        saved=_("The node is saved."),
    )


@cluster_view(MANAGE, write=True)
def node_create(request, cluster):
    return _node_form_page(request, cluster, Node(cluster=cluster))


@cluster_view(MANAGE, write=True)
def node_edit(request, cluster, pk):
    return _node_form_page(request, cluster, get_object_or_404(Node, pk=pk))


@cluster_view(VIEW)
def subgroup_list(request, cluster):
    today = timezone.localdate()
    current = Q(memberships__left_on__isnull=True) | Q(memberships__left_on__gt=today)
    return list_page(
        request,
        queryset=Subgroup.objects.select_related("region")
        .annotate(party_count=Count("memberships", filter=current))
        .order_by(norwegian("name")),
        template="clusters/subgroup_list.html",
        context={},
        columns=SUBGROUP_COLUMNS,
        filename=Subgroup._meta.verbose_name_plural,
    )


@cluster_view(VIEW)
def subgroup_detail(request, cluster, pk):
    subgroup = get_object_or_404(Subgroup.objects.select_related("region"), pk=pk)
    context = {
        "subgroup": subgroup,
        "memberships": subgroup.memberships.select_related(
            "organisation__region", "region", "node", "subgroup"
        ).order_by("left_on", norwegian("organisation__name")),
        "history": history_for(subgroup),
    }
    return render(request, "clusters/subgroup_detail.html", context)


def _subgroup_form_page(request, cluster, subgroup):
    return _record_form_page(
        request,
        cluster,
        subgroup,
        form_class=forms.SubgroupForm,
        list_url="clusters:subgroup_list",
        new_title=_("Add subgroup"),
        saved=_("The subgroup is saved."),
    )


@cluster_view(MANAGE, write=True)
def subgroup_create(request, cluster):
    return _subgroup_form_page(request, cluster, Subgroup(cluster=cluster))


@cluster_view(MANAGE, write=True)
def subgroup_edit(request, cluster, pk):
    return _subgroup_form_page(request, cluster, get_object_or_404(Subgroup, pk=pk))


# Agreements -------------------------------------------------------------------------------


@cluster_view(VIEW)
def agreement_list(request, cluster):
    version = queries.agreement_in_force(cluster=cluster)
    return list_page(
        request,
        queryset=Agreement.objects.select_related("counterpart_cluster")
        .annotate(version_count=Count("versions"))
        .order_by("kind", norwegian("title")),
        template="clusters/agreement_list.html",
        context={
            "version": version,
            "unsigned": queries.unsigned_members(version=version) if version else [],
            "with_us": queries.agreements_with_us(cluster=cluster),
        },
        columns=AGREEMENT_COLUMNS,
        filename=Agreement._meta.verbose_name_plural,
    )


@cluster_view(VIEW)
def agreement_detail(request, cluster, pk):
    agreement = get_object_or_404(Agreement.objects.select_related("counterpart_cluster"), pk=pk)
    versions = agreement.versions.prefetch_related(
        "appendices",
        Prefetch("signatures", queryset=AgreementSignature.objects.select_related("organisation")),
    )
    in_force = queries.agreement_in_force(cluster=cluster)
    in_force_here = in_force if in_force and in_force.agreement_id == agreement.pk else None
    context = {
        "agreement": agreement,
        "versions": versions,
        "in_force": in_force,
        "unsigned_version": in_force_here,
        "unsigned": queries.unsigned_members(version=in_force_here) if in_force_here else [],
        "history": history_for(agreement, related=[agreement.versions.all()]),
    }
    return render(request, "clusters/agreement_detail.html", context)


def _agreement_form_page(request, cluster, agreement):
    return _record_form_page(
        request,
        cluster,
        agreement,
        form_class=forms.AgreementForm,
        list_url="clusters:agreement_list",
        new_title=_("Add agreement"),
        saved=_("The agreement is saved."),
    )


@cluster_view(MANAGE, write=True)
def agreement_create(request, cluster):
    return _agreement_form_page(request, cluster, Agreement(cluster=cluster))


@cluster_view(MANAGE, write=True)
def agreement_edit(request, cluster, pk):
    return _agreement_form_page(request, cluster, get_object_or_404(Agreement, pk=pk))


def _agreement_part_page(request, cluster, *, form_class, instance, agreement, title):
    """Versions, appendices and signatures are added on a page of their own agreement."""
    form = form_class(
        request.POST or None, request.FILES or None, instance=instance, cluster=cluster
    )
    return form_page(
        request,
        form=form,
        save=_save_as(request),
        template="common/form_page.html",
        context={"title": title, "cancel_url": agreement.get_absolute_url()},
        success_message=_("Saved."),
        success_url=lambda _saved: agreement.get_absolute_url(),
    )


@cluster_view(MANAGE, write=True)
def agreement_version_create(request, cluster, pk):
    agreement = get_object_or_404(Agreement, pk=pk)
    return _agreement_part_page(
        request,
        cluster,
        form_class=forms.AgreementVersionForm,
        instance=AgreementVersion(cluster=cluster, agreement=agreement),
        agreement=agreement,
        title=_("New version"),
    )


@cluster_view(MANAGE, write=True)
def appendix_create(request, cluster, pk):
    version = get_object_or_404(AgreementVersion.objects.select_related("agreement"), pk=pk)
    return _agreement_part_page(
        request,
        cluster,
        form_class=forms.AgreementAppendixForm,
        instance=version.appendices.model(cluster=cluster, version=version),
        agreement=version.agreement,
        title=_("New appendix to version %(label)s") % {"label": version.label},
    )


@cluster_view(MANAGE, write=True)
def signature_create(request, cluster, pk):
    version = get_object_or_404(AgreementVersion.objects.select_related("agreement"), pk=pk)
    return _agreement_part_page(
        request,
        cluster,
        form_class=forms.AgreementSignatureForm,
        instance=AgreementSignature(
            cluster=cluster, version=version, signed_on=timezone.localdate()
        ),
        agreement=version.agreement,
        title=_("Register a signature of version %(label)s") % {"label": version.label},
    )


@cluster_view(VIEW)
def agreement_document(request, cluster, pk):
    """Agreement documents are for the cluster's members, so they are served after a check."""
    return _document(get_object_or_404(AgreementVersion, pk=pk).document)


@cluster_view(VIEW)
def appendix_document(request, cluster, pk):
    return _document(get_object_or_404(AgreementAppendix, pk=pk).document)


def _document(field):
    if not field:
        raise Http404
    return FileResponse(field.open("rb"), filename=field.name.rsplit("/", 1)[-1])


# Import -----------------------------------------------------------------------------------


@cluster_view(MANAGE)
def import_list(request, cluster):
    batches = ImportBatch.objects.select_related("created_by")
    return list_page(
        request,
        queryset=batches,
        template="clusters/import_list.html",
        context={},
        columns=IMPORT_COLUMNS,
        filename=ImportBatch._meta.verbose_name_plural,
    )


@cluster_view(MANAGE, write=True)
def import_upload(request, cluster):
    form = forms.ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            batch = imports.import_prepare(
                cluster=cluster,
                kind=form.cleaned_data["kind"],
                upload=form.cleaned_data["file"],
                actor=request.user,
            )
        except imports.UnreadableFile as problem:
            form.add_error("file", str(problem))
        else:
            return redirect("clusters:import_preview", cluster=cluster.slug, pk=batch.pk)
    return render(request, "clusters/import_upload.html", {"form": form})


@cluster_view(MANAGE, write=True)
def import_preview(request, cluster, pk):
    batch = get_object_or_404(ImportBatch.objects.select_related("created_by"), pk=pk)
    if request.htmx and not batch.in_progress:
        # The import being followed has finished: reload to show its result.
        return HttpResponseClientRefresh()
    context = {"batch": batch, "columns": imports.field_labels(batch.kind)}
    if request.htmx:
        return render(request, "clusters/import_preview.html#progress", context)
    return render(request, "clusters/import_preview.html", context)


@cluster_view(MANAGE, write=True)
@require_POST
def import_confirm(request, cluster, pk):
    batch = get_object_or_404(ImportBatch, pk=pk)
    if batch.can_confirm:
        imports.import_queue(
            batch=batch,
            include_duplicates=bool(request.POST.get("include_duplicates")),
            actor=request.user,
        )
    return redirect("clusters:import_preview", cluster=cluster.slug, pk=batch.pk)
