"""Reads of the registry that are more than a one-liner."""

import datetime
from dataclasses import dataclass
from typing import Literal

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django_stubs_ext import StrOrPromise

from samspill.common.collation import norwegian

from .duplicates import DuplicateFinder
from .freshness import kept_rows
from .initials import suggest_initials
from .models import (
    Affiliation,
    Agreement,
    AgreementSignature,
    AgreementVersion,
    Cluster,
    Membership,
    MembershipQuerySet,
    Node,
    Organisation,
    Person,
    Region,
    Subgroup,
)

# The statuses the organisation and membership lists filter by.
OrganisationStatus = Literal["member", "former", "unsigned"]
MembershipStatus = Literal["active", "ended", "all"]

# The kinds Polyfon's plan wants represented in every region ("balansert klyngerekruttering").
CORE_KINDS = (
    Organisation.Kind.UNIVERSITY,
    Organisation.Kind.SPECIALIST_HEALTH,
    Organisation.Kind.MUNICIPALITY,
)


def organisations_for_list(
    *,
    cluster: Cluster,
    search: str = "",
    kind: str | None = None,
    region: Region | None = None,
    status: OrganisationStatus | None = None,
) -> QuerySet[Organisation]:
    """The organisation list; each filter is a parsed value (see `filters.py`), None for all."""
    active = Membership.objects.active().filter(organisation=OuterRef("pk"))
    qs = (
        Organisation.objects.filter(cluster=cluster)
        .select_related("region", "parent")
        .annotate(is_member=Exists(active))
    )
    if search:
        qs = qs.filter(
            Q(name__icontains=search)
            | Q(short_name__icontains=search)
            | Q(organisation_number__contains=search.replace(" ", ""))
        )
    if kind:
        qs = qs.filter(kind=kind)
    if region is not None:
        qs = qs.filter(region=region)
    if status == "member":
        qs = qs.filter(is_member=True)
    elif status == "former":
        qs = qs.filter(is_member=False, memberships__isnull=False).distinct()
    elif status == "unsigned":
        # Members that have not signed the cluster agreement in force (none without one).
        in_force = _versions_in_force(cluster=cluster, on=timezone.localdate())
        qs = qs.filter(Exists(in_force), _has_not_signed(Subquery(in_force.values("pk")[:1])))
    return qs.order_by(norwegian("name"))


def people_for_list(
    *, cluster: Cluster, search: str = "", organisation: int | None = None
) -> QuerySet[Person]:
    """The people list; `organisation` is the id of an organisation they are affiliated with."""
    qs = Person.objects.filter(cluster=cluster).prefetch_related(
        Prefetch(
            "affiliations",
            queryset=Affiliation.objects.select_related("organisation"),
        )
    )
    if search:
        qs = qs.filter(
            Q(name__icontains=search) | Q(email__icontains=search) | Q(initials__iexact=search)
        )
    if organisation is not None:
        qs = qs.filter(affiliations__organisation_id=organisation).distinct()
    return qs.order_by(norwegian("name"))


def taken_initials(*, cluster: Cluster, exclude_pk: int | None = None) -> set[str]:
    """The initials people in `cluster` have (in capitals), but for the person `exclude_pk`."""
    return {
        initials.upper()
        for initials in Person.objects.with_scope(cluster=cluster)
        .exclude(pk=exclude_pk)
        .values_list("initials", flat=True)
    }


def initials_for(*, cluster: Cluster, name: str, exclude_pk: int | None = None) -> str:
    """The initials a person called `name` would get: suggested from the name, and free."""
    return suggest_initials(name, taken_initials(cluster=cluster, exclude_pk=exclude_pk))


def memberships_for_list(
    *,
    cluster: Cluster,
    search: str = "",
    kind: str | None = None,
    region: Region | None = None,
    status: MembershipStatus = "active",
    year: int | None = None,
) -> QuerySet[Membership]:
    """The membership list; `year` gives those who joined or left that year."""
    qs = Membership.objects.filter(cluster=cluster).select_related(
        "organisation__region", "region", "node", "subgroup"
    )
    if search:
        qs = qs.filter(organisation__name__icontains=search)
    if kind:
        qs = qs.filter(kind=kind)
    if region is not None:
        qs = qs.in_region(region)
    if status == "active":
        qs = qs.active()
    elif status == "ended":
        qs = qs.filter(left_on__lte=timezone.localdate())
    if year is not None:
        qs = qs.filter(Q(joined_on__year=year) | Q(left_on__year=year))
    return qs.order_by(norwegian("organisation__name"), "-joined_on")


def nodes_for_list(*, cluster: Cluster) -> QuerySet[Node]:
    """The nodes, each with its number of active memberships (`member_count`)."""
    active = MembershipQuerySet.active_condition(timezone.localdate(), through="memberships")
    return (
        Node.objects.filter(cluster=cluster)
        .select_related("region", "host_organisation", "coordinator")
        .annotate(member_count=Count("memberships", filter=active))
        .order_by("region__position", norwegian("name"))
    )


def node_memberships(*, node: Node) -> QuerySet[Membership]:
    """The node's active memberships, as its page lists them (the list counts the same)."""
    return (
        Membership.objects.with_scope(cluster=node.cluster_id)
        .active()
        .filter(node=node)
        .select_related("organisation")
    )


def subgroups_for_list(*, cluster: Cluster) -> QuerySet[Subgroup]:
    """The subgroups, each with its number of active parties (`party_count`)."""
    active = MembershipQuerySet.active_condition(timezone.localdate(), through="memberships")
    return (
        Subgroup.objects.filter(cluster=cluster)
        .select_related("region")
        .annotate(party_count=Count("memberships", filter=active))
        .order_by(norwegian("name"))
    )


def agreements_for_list(*, cluster: Cluster) -> QuerySet[Agreement]:
    """The cluster's agreements, each with its number of versions (`version_count`)."""
    return (
        Agreement.objects.filter(cluster=cluster)
        .select_related("counterpart_cluster")
        .annotate(version_count=Count("versions"))
        .order_by("kind", norwegian("title"))
    )


@dataclass
class DashboardFigures:
    participants: int
    joined_this_year: int
    joined_last_year: int
    people: int
    nodes: int


def dashboard_figures(*, cluster: Cluster, year: int) -> DashboardFigures:
    """The dashboard's counts: active participants, participants who joined in `year` and
    the year before (in one query), people and nodes."""
    active = MembershipQuerySet.active_condition(timezone.localdate())
    participants = Membership.objects.filter(
        cluster=cluster, kind=Membership.Kind.PARTICIPANT
    ).aggregate(
        participants=Count("pk", filter=active),
        joined_this_year=Count("pk", filter=Q(joined_on__year=year)),
        joined_last_year=Count("pk", filter=Q(joined_on__year=year - 1)),
    )
    return DashboardFigures(
        **participants,
        people=Person.objects.filter(cluster=cluster).count(),
        nodes=Node.objects.filter(cluster=cluster).count(),
    )


def likely_duplicates(
    *, cluster: Cluster, name: str, organisation_number: str, exclude_pk: int | None = None
) -> list[Organisation]:
    """Organisations with the same number, or a name close enough to be the same body."""
    others = Organisation.objects.filter(cluster=cluster).only(
        "id", "name", "short_name", "organisation_number", "cluster_id"
    )
    finder = DuplicateFinder(others)
    return finder.find(name=name, organisation_number=organisation_number, exclude_pk=exclude_pk)


def bubble_radius(count: int, maximum: int) -> float:
    """The radius of a balance picture's circle: its area is proportional to the count."""
    if not count:
        return 0
    return round(6 + 22 * (count / max(maximum, 1)) ** 0.5, 1)


# The balance picture is a grid of 100 × 100 cells: the region names take the first two
# columns, the kinds' names the first two rows (`_balance.html`).
BALANCE_CELL = 100


@dataclass
class BalanceCell:
    """One region × kind of the balance picture, with what the drawing and the table print,
    computed once here: a template filter or a localised number per cell is what made the
    page slow (a few hundred of them)."""

    region: Region | None
    kind: str
    kind_label: StrOrPromise
    count: int
    is_gap: bool
    count_text: str = ""  # the count as printed (plain digits, as {{ count }} printed it)
    x: str = ""  # the centre of the cell in the drawing
    radius: str = ""  # of its circle, when the count is not 0
    title: str = ""  # the circle's tooltip: region, kind, count or "gap"


@dataclass
class BalanceRow:
    region: Region | None
    cells: list[BalanceCell]
    total: int
    label: str = ""  # the region's name, or "No region"
    top: str = ""  # the drawing's coordinates of the row: its grid line, centre, texts
    middle: str = ""
    text_y: str = ""
    mark_y: str = ""


@dataclass
class BalanceKind:
    label: StrOrPromise
    short_label: str  # as the drawing's column heading prints it
    x: str  # where that heading starts


def _shortened(text: str, length: int) -> str:
    """`text` cut to `length` characters with “…”, as the `truncatechars` filter does."""
    return text if len(text) <= length else Truncator(text).chars(length)


def balance_picture(*, cluster: Cluster, on: datetime.date | None = None) -> dict:
    """Active participants counted by region × organisation kind, with gaps marked.

    Every coordinate and text the picture and its table print is computed here as a string
    (`_balance.html` only places them).
    """
    on = on or timezone.localdate()
    counts = {
        (row["in_region"], row["organisation__kind"]): row["n"]
        for row in Membership.objects.filter(cluster=cluster)
        .active_on(on)
        # The membership's own region, else its organisation's, read now (never copied).
        .annotate(in_region=Coalesce("region_id", "organisation__region_id"))
        .values("in_region", "organisation__kind")
        # A faculty that is a member in its own right is still part of its university.
        .annotate(n=Count(Coalesce("organisation__parent_id", "organisation_id"), distinct=True))
    }
    regions: list[Region | None] = list(Region.objects.filter(cluster=cluster))
    if any(region_id is None for region_id, _ in counts):
        regions.append(None)
    kinds = list(Organisation.Kind.choices)
    biggest = max(counts.values(), default=0) or 1
    no_region, no_region_short, gap = _("No region"), "–", _("gap")
    rows = []
    for y, region in enumerate(regions, start=2):
        region_id = region.pk if region else None
        label = region.name if region else no_region
        cells = []
        for x, (kind, kind_label) in enumerate(kinds, start=2):
            count = counts.get((region_id, kind), 0)
            is_gap = region is not None and kind in CORE_KINDS and not count
            if count:
                title = f"{region.name if region else no_region_short}, {kind_label}: {count}"
            elif is_gap:
                title = f"{label}, {kind_label}: {gap}"
            else:
                title = ""
            cells.append(
                BalanceCell(
                    region=region,
                    kind=kind,
                    kind_label=kind_label,
                    count=count,
                    is_gap=is_gap,
                    count_text=str(count),
                    x=str(x * BALANCE_CELL + 50),
                    radius=str(bubble_radius(count, biggest)) if count else "",
                    title=title,
                )
            )
        rows.append(
            BalanceRow(
                region=region,
                cells=cells,
                total=sum(c.count for c in cells),
                label=label,
                top=str(y * BALANCE_CELL),
                middle=str(y * BALANCE_CELL + 50),
                text_y=str(y * BALANCE_CELL + 55),
                mark_y=str(y * BALANCE_CELL + 56),
            )
        )
    gaps = [c for r in rows for c in r.cells if c.is_gap]
    return {
        "rows": rows,
        "kinds": [
            BalanceKind(
                label=label,
                short_label=_shortened(str(label), 28),
                x=str(x * BALANCE_CELL + 50),
            )
            for x, (_kind, label) in enumerate(kinds, start=2)
        ],
        "max": biggest,
        "gaps": gaps,
        "on": on,
        "width": str((len(kinds) + 2) * BALANCE_CELL),
        "height": str((len(rows) + 2) * BALANCE_CELL),
    }


def _versions_in_force(*, cluster: Cluster, on: datetime.date) -> QuerySet[AgreementVersion]:
    """The cluster agreement's versions in force on `on`, the one in force first."""
    return AgreementVersion.objects.filter(
        cluster=cluster,
        agreement__kind=Agreement.Kind.CLUSTER_AGREEMENT,
        effective_from__lte=on,
    ).order_by("-effective_from")


def agreement_in_force(
    *, cluster: Cluster, on: datetime.date | None = None
) -> AgreementVersion | None:
    on = on or timezone.localdate()
    return _versions_in_force(cluster=cluster, on=on).select_related("agreement").first()


def agreement_versions(*, agreement: Agreement) -> list[AgreementVersion]:
    """The agreement's versions, newest first, each with its appendices and its number of
    signatures (`signature_count`): the page lists the signatures of one version only."""
    return list(
        agreement.versions.annotate(signature_count=Count("signatures"))
        .prefetch_related("appendices")
        .order_by("-effective_from", "-pk")  # a query with a count keeps no default order
    )


def version_signatures(*, version: AgreementVersion) -> QuerySet[AgreementSignature]:
    """Who signed `version`, in Norwegian order of their names (for a page of them)."""
    return version.signatures.select_related("organisation").order_by(
        norwegian("organisation__name"), "pk"
    )


def agreements_with_us(*, cluster: Cluster) -> QuerySet[Agreement]:
    """Collaboration agreements other clusters have registered with this one as the party.

    They belong to the other cluster's registry; this cluster sees their title, status and
    latest version date, not their documents.
    """
    latest = (
        AgreementVersion.objects.with_scopes_disabled()
        .filter(agreement=OuterRef("pk"))
        .order_by("-effective_from")
    )
    return (
        Agreement.objects.with_scopes_disabled()
        .filter(counterpart_cluster=cluster, kind=Agreement.Kind.COLLABORATION)
        .select_related("cluster")
        .annotate(latest_version_from=Subquery(latest.values("effective_from")[:1]))
        .order_by(norwegian("cluster__name"), norwegian("title"))
    )


def _has_not_signed(version: AgreementVersion | Subquery) -> Q:
    """Organisations (as the outer query) with an active membership that is not an observer's,
    and no signature of `version` (a version, or a subquery giving its id)."""
    participates = (
        Membership.objects.active()
        .exclude(kind=Membership.Kind.OBSERVER)
        .filter(organisation=OuterRef("pk"))
    )
    signed = AgreementSignature.objects.filter(version=version, organisation=OuterRef("pk"))
    return Q(Exists(participates)) & ~Q(Exists(signed))


def unsigned_members(*, version: AgreementVersion) -> QuerySet[Organisation]:
    """Organisations with an active participant membership that have not signed `version`."""
    return (
        Organisation.objects.filter(cluster_id=version.cluster_id)
        .filter(_has_not_signed(version))
        .order_by(norwegian("name"))
    )


# Pages list at most this many of the members that have not signed, and link to the rest
# (the organisation list with `?status=unsigned`).
UNSIGNED_SHOWN = 20


@dataclass
class Unsigned:
    version: AgreementVersion
    organisations: list[Organisation]  # the first UNSIGNED_SHOWN, in Norwegian order
    more: bool  # whether there are more than those


def unsigned_shown(*, version: AgreementVersion | None) -> Unsigned | None:
    """The first members that have not signed `version`, in one query; None without a version."""
    if version is None:
        return None
    first = list(unsigned_members(version=version)[: UNSIGNED_SHOWN + 1])
    return Unsigned(
        version=version, organisations=first[:UNSIGNED_SHOWN], more=len(first) > UNSIGNED_SHOWN
    )


def cluster_regions(cluster: Cluster) -> list[Region]:
    """The cluster's regions in their order: read once while the cluster is unchanged (a
    select and a filter of regions are on most of the registry's forms and lists)."""
    return kept_rows(cluster, "regions", lambda: list(Region.objects.filter(cluster=cluster)))
