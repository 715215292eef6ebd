"""Who takes part: organisations, people, affiliations, nodes, subgroups and memberships."""

import datetime
from typing import ClassVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_scopes import ScopedManager

from samspill.common.collation import norwegian

from ..validators import validate_organisation_number
from .clusters import ClusterScoped, DetailPage, Region


class County(models.TextChoices):
    """Norwegian counties from 2024."""

    AGDER = "agder", "Agder"
    AKERSHUS = "akershus", "Akershus"
    BUSKERUD = "buskerud", "Buskerud"
    FINNMARK = "finnmark", "Finnmark"
    INNLANDET = "innlandet", "Innlandet"
    MORE_OG_ROMSDAL = "more-og-romsdal", "Møre og Romsdal"
    NORDLAND = "nordland", "Nordland"
    OSLO = "oslo", "Oslo"
    ROGALAND = "rogaland", "Rogaland"
    TELEMARK = "telemark", "Telemark"
    TROMS = "troms", "Troms"
    TRONDELAG = "trondelag", "Trøndelag"
    VESTFOLD = "vestfold", "Vestfold"
    VESTLAND = "vestland", "Vestland"
    OSTFOLD = "ostfold", "Østfold"


class Organisation(DetailPage, ClusterScoped):
    detail_view = "clusters:organisation_detail"

    class Kind(models.TextChoices):
        UNIVERSITY = "university", _("University or university college")
        RESEARCH_INSTITUTE = "research_institute", _("Research institute")
        SPECIALIST_HEALTH = "specialist_health", _("Specialist health service")
        MUNICIPALITY = "municipality", _("Municipality")
        COUNTY = "county", _("County authority")
        STATE_AGENCY = "state_agency", _("State agency")
        USER_ORGANISATION = "user_organisation", _("User organisation")
        BUSINESS = "business", _("Business")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=50, blank=True)
    organisation_number = models.CharField(
        _("organisation number"),
        max_length=9,
        blank=True,
        validators=[validate_organisation_number],
        help_text=_("Nine digits from the Brønnøysund Register Centre."),
    )
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    county = models.CharField(_("county"), max_length=30, choices=County.choices, blank=True)
    region = models.ForeignKey(
        Region,
        verbose_name=_("region"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organisations",
    )
    website = models.URLField(_("website"), blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="units",
        help_text=_("For example the university a faculty belongs to."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = [norwegian("name")]
        indexes = [models.Index(fields=["cluster", "name"])]

    def __str__(self) -> str:
        return self.name


class Person(DetailPage, ClusterScoped):
    detail_view = "clusters:person_detail"

    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    title = models.CharField(_("title"), max_length=200, blank=True)
    initials = models.CharField(
        _("initials"),
        max_length=8,
        help_text=_("Used as the code in minutes. Suggested from the name; unique in the cluster."),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="people",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = [norwegian("name")]
        constraints = [
            models.UniqueConstraint(
                fields=["cluster", "initials"],
                name="unique_initials",
                violation_error_message=_("Someone else in the cluster has these initials."),
            )
        ]

    def __str__(self) -> str:
        return self.name


class Affiliation(ClusterScoped):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="affiliations")
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="affiliations",
    )
    position = models.CharField(_("position"), max_length=200, blank=True)
    starts_on = models.DateField(_("from"), null=True, blank=True)
    ends_on = models.DateField(_("to"), null=True, blank=True)

    class Meta:
        verbose_name = _("affiliation")
        verbose_name_plural = _("affiliations")
        ordering = ["-starts_on"]

    def __str__(self) -> str:
        return f"{self.person} – {self.organisation}"

    def get_absolute_url(self) -> str:
        return self.person.get_absolute_url()


class Node(DetailPage, ClusterScoped):
    """A regional hub (knutepunkt)."""

    detail_view = "clusters:node_detail"

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        TRIAL = "trial", _("In trial")
        ESTABLISHED = "established", _("Established")

    name = models.CharField(_("name"), max_length=200)
    region = models.ForeignKey(
        Region, verbose_name=_("region"), on_delete=models.PROTECT, related_name="nodes"
    )
    host_organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("host organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="hosted_nodes",
    )
    coordinator = models.ForeignKey(
        Person,
        verbose_name=_("coordinator"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="coordinated_nodes",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PLANNED
    )
    starts_on = models.DateField(_("from"), null=True, blank=True)
    ends_on = models.DateField(_("to"), null=True, blank=True)

    class Meta:
        verbose_name = pgettext_lazy("knutepunkt", "node")
        verbose_name_plural = pgettext_lazy("knutepunkt", "nodes")
        ordering = ["region__position", norwegian("name")]

    def __str__(self) -> str:
        return self.name


class Subgroup(DetailPage, ClusterScoped):
    """A subgroup (undergruppe) such as "Partssamarbeid Vestland"; its parties are memberships."""

    detail_view = "clusters:subgroup_detail"

    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    region = models.ForeignKey(
        Region,
        verbose_name=_("region"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="subgroups",
    )

    class Meta:
        verbose_name = _("subgroup")
        verbose_name_plural = _("subgroups")
        ordering = [norwegian("name")]

    def __str__(self) -> str:
        return self.name


ENDS_BEFORE_START = _("The membership cannot end before it starts.")


class MembershipQuerySet(models.QuerySet):
    @staticmethod
    def active_condition(day: datetime.date, *, through: str = "") -> Q:
        """What an active membership on `day` is, the one definition every read uses: joined
        on or before `day` and not left yet (the day it is left, it no longer counts).

        `through` names the relation from another model, for counting (a node's
        `Count("memberships", filter=active_condition(day, through="memberships"))`).
        `Membership.is_active_on` says the same of a row already read.
        """
        prefix = f"{through}__" if through else ""
        return Q(**{f"{prefix}joined_on__lte": day}) & (
            Q(**{f"{prefix}left_on__isnull": True}) | Q(**{f"{prefix}left_on__gt": day})
        )

    def active_on(self, day: datetime.date):
        return self.filter(self.active_condition(day))

    def active(self):
        return self.active_on(timezone.localdate())

    def in_region(self, region):
        """Memberships whose region, set on them or read from the organisation, is `region`."""
        return self.filter(Q(region=region) | Q(region__isnull=True, organisation__region=region))


class Membership(ClusterScoped):
    """One period of an organisation's membership; leaving closes it, rejoining opens another."""

    class Kind(models.TextChoices):
        PARTICIPANT = "participant", _("Participant (partner)")
        SUBGROUP_PARTY = "subgroup_party", _("Subgroup party")
        OBSERVER = "observer", _("Observer")
        STRATEGIC_PARTNER = "strategic_partner", _("Strategic partner")

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="memberships",
    )
    kind = models.CharField(
        _("kind"), max_length=30, choices=Kind.choices, default=Kind.PARTICIPANT
    )
    subgroup = models.ForeignKey(
        Subgroup,
        verbose_name=_("subgroup"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
    )
    joined_on = models.DateField(_("joined"))
    left_on = models.DateField(_("left"), null=True, blank=True)
    region = models.ForeignKey(
        Region,
        verbose_name=_("region"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
    )
    node = models.ForeignKey(
        Node,
        verbose_name=pgettext_lazy("knutepunkt", "node"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="memberships",
    )
    notes = models.TextField(_("notes"), blank=True)

    # ClassVar: it replaces ClusterScoped's manager (mypy requires it to say so).
    objects: ClassVar = ScopedManager(
        models.Manager.from_queryset(MembershipQuerySet), cluster="cluster"
    )

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["-joined_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(left_on__isnull=True) | Q(left_on__gte=models.F("joined_on")),
                name="membership_left_after_joined",
                violation_error_message=ENDS_BEFORE_START,
            ),
            models.CheckConstraint(
                condition=Q(kind="subgroup_party", subgroup__isnull=False)
                | (~Q(kind="subgroup_party") & Q(subgroup__isnull=True)),
                name="membership_subgroup_iff_subgroup_party",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.get_kind_display()})"

    def get_absolute_url(self) -> str:
        return self.organisation.get_absolute_url()

    def clean(self) -> None:
        """The rules of the constraints above, reported next to the field they concern.

        The constraints are the rule; this says it where the person typed the value, and
        without a query, so forms, services and the importer (which checks rows without the
        database's constraint checks) all report it the same way.
        """
        errors = {}
        if self.joined_on and self.left_on and self.left_on < self.joined_on:
            errors["left_on"] = ENDS_BEFORE_START
        if self.kind == self.Kind.SUBGROUP_PARTY and self.subgroup_id is None:
            errors["subgroup"] = _("Choose the subgroup this organisation is a party to.")
        if self.kind != self.Kind.SUBGROUP_PARTY and self.subgroup_id is not None:
            errors["subgroup"] = _(
                "Only a membership of kind “Subgroup party” can have a subgroup."
            )
        if errors:
            raise ValidationError(errors)

    @property
    def effective_region(self) -> "Region | None":
        """The region set on the membership, else the organisation's (read, never copied)."""
        return self.region or self.organisation.region

    def is_active_on(self, day: datetime.date) -> bool:
        """`MembershipQuerySet.active_condition` for this row."""
        return self.joined_on <= day and (self.left_on is None or self.left_on > day)

    @property
    def is_active(self) -> bool:
        return self.is_active_on(timezone.localdate())
