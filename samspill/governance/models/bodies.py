"""Governance bodies and their members (appointments, substitutes, terms).

A body numbers its cases per year in its own format (`Body.case_number_format`); the number is
taken from `CaseSequence` under a row lock (`services.case_add`) and never reused.
"""

import datetime
import string
from typing import ClassVar

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_scopes import ScopedManager

from samspill.clusters.models import ClusterScoped, Organisation, Person, cluster_slug
from samspill.common.collation import norwegian

FORMAT_FIELDS = {"number", "year", "yy"}


def validate_case_number_format(value: str) -> None:
    """A format such as "{number:02}-{yy}" (08-22), "{number:02}/{yy}" (27/22),
    "{year}/{number:02}" (2022/08) or "PS {year}/{number}" (PS 2022/8)."""
    try:
        fields = {name for _, name, _, _ in string.Formatter().parse(value) if name is not None}
        format_case_number(value, 1, 2022)
    except (ValueError, KeyError, IndexError):
        raise ValidationError(
            _(
                "Write the number as {number}, with {year} or {yy} for the year, "
                "e.g. {number:02}-{yy}."
            )
        ) from None
    if "number" not in fields or not fields <= FORMAT_FIELDS:
        raise ValidationError(
            _("The format needs {number}, and may use only {number}, {year} and {yy}.")
        )


def format_case_number(fmt: str, number: int, year: int) -> str:
    return fmt.format(number=number, year=year, yy=f"{year % 100:02}")


class Body(ClusterScoped):
    """A governance body of a cluster: partner meeting, steering group, panels, groups."""

    class Kind(models.TextChoices):
        PARTNER_MEETING = "partner_meeting", _("Partner meeting")
        STEERING_GROUP = "steering_group", _("Steering group")
        EXPERIENCE_PANEL = "experience_panel", _("Experience panel")
        STUDENT_PANEL = "student_panel", _("Student panel")
        STRATEGY_GROUP = "strategy_group", _("Strategy group")
        WORKING_GROUP = "working_group", _("Working group")
        COMMITTEE = "committee", _("Committee")

    class Period(models.TextChoices):
        SEMESTER = "semester", _("semester")
        YEAR = "year", _("year")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("address"), max_length=80, help_text=_("Used in the web address."))
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    mandate = models.TextField(_("mandate"), blank=True, help_text=_("Markdown."))
    case_number_format = models.CharField(
        _("case number format"),
        max_length=40,
        default="{number:02}-{yy}",
        validators=[validate_case_number_format],
        help_text=_("{number:02}-{yy} gives 08-22; {number:02}/{yy} gives 27/22."),
    )
    voting_seats = models.PositiveSmallIntegerField(
        _("voting seats"),
        null=True,
        blank=True,
        help_text=_("Empty: the number of voting members appointed."),
    )
    is_public = models.BooleanField(_("shown on the public pages"), default=True)
    # Rules the body's page checks and warns about; empty means no such rule.
    min_meetings = models.PositiveSmallIntegerField(_("meets at least"), null=True, blank=True)
    meetings_per = models.CharField(
        _("times per"), max_length=10, choices=Period.choices, default=Period.YEAR
    )
    min_experience_representatives = models.PositiveSmallIntegerField(
        _("at least this many experience representatives"), null=True, blank=True
    )
    term_years = models.PositiveSmallIntegerField(_("term in years"), null=True, blank=True)
    max_terms = models.PositiveSmallIntegerField(
        _("at most this many terms in a row"), null=True, blank=True
    )
    max_members = models.PositiveSmallIntegerField(
        _("at most this many members"), null=True, blank=True
    )

    class Meta:
        verbose_name = pgettext_lazy("organ", "body")
        verbose_name_plural = pgettext_lazy("organ", "bodies")
        ordering = [norwegian("name")]
        constraints = [
            models.UniqueConstraint(
                fields=["cluster", "slug"],
                name="unique_body_slug",
                violation_error_message=_("Another body of the cluster has this address."),
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("governance:body_detail", kwargs=self.url_kwargs())

    def url_kwargs(self) -> dict[str, str]:
        return {"cluster": cluster_slug(self), "body": self.slug}

    def case_number(self, number: int, year: int) -> str:
        return format_case_number(self.case_number_format, number, year)


class MandateVersion(ClusterScoped):
    """A body's mandate as it was adopted: the text then, when, and the case that adopted it.
    The body's `mandate` is the text as it reads now; a version is never changed."""

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="mandate_versions")
    text = models.TextField(_("mandate"), editable=False)
    adopted_on = models.DateField(_("adopted"))
    adopted_in = models.ForeignKey(
        "governance.Case",
        verbose_name=_("adopted in case"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("version of the mandate")
        verbose_name_plural = _("versions of the mandate")
        ordering = ["-adopted_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.body}: {self.adopted_on:%d.%m.%Y}"


class Role(models.TextChoices):
    CHAIR = "chair", _("Chair")
    DEPUTY_CHAIR = "deputy_chair", _("Deputy chair")
    MEMBER = "member", _("Member")
    SUBSTITUTE = "substitute", _("Substitute")
    OBSERVER = "observer", _("Observer")
    SECRETARY = "secretary", _("Secretary")
    FACILITATOR = "facilitator", _("Facilitator")


class AppointmentQuerySet(models.QuerySet):
    @staticmethod
    def current_condition(day: datetime.date, *, through: str = "") -> Q:
        """Serving on `day`; `through` prefixes the fields ("appointments__") for a query
        from another model."""
        return Q(**{f"{through}starts_on__lte": day}) & (
            Q(**{f"{through}ends_on__isnull": True}) | Q(**{f"{through}ends_on__gte": day})
        )

    def current_on(self, day: datetime.date):
        return self.filter(self.current_condition(day))


class Appointment(ClusterScoped):
    """A person's seat in a body, for a term, often on behalf of an organisation.

    A substitute (*vara*) is an appointment with the role Substitute: personal when it names
    the appointment it stands in for (`substitute_for`), otherwise fixed for its
    organisation: it may stand in for whoever holds the organisation's seat.
    """

    objects: ClassVar = ScopedManager(
        models.Manager.from_queryset(AppointmentQuerySet), cluster="cluster"
    )
    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="appointments")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="appointments")
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("represents"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="appointments",
    )
    function = models.CharField(
        _("function"),
        max_length=200,
        blank=True,
        help_text=_("As the minutes show it, e.g. 'leader' or 'rectorate'."),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    voting = models.BooleanField(_("voting"), default=True)
    is_experience_representative = models.BooleanField(
        _("experience representative"), default=False
    )
    substitute_for = models.ForeignKey(
        "self",
        verbose_name=_("personal substitute for"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="personal_substitutes",
    )
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("to"), null=True, blank=True)
    decided_by = models.ForeignKey(
        "Case",
        verbose_name=_("appointed in case"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="appointments_made",
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("appointment")
        verbose_name_plural = _("appointments")
        ordering = ["position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="appointment_ends_after_start",
                violation_error_message=_("The term cannot end before it starts."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.get_role_display()}, {self.body})"

    def clean(self) -> None:
        if self.ends_on and self.starts_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The term cannot end before it starts.")})

    def url_kwargs(self) -> dict:
        return {**self.body.url_kwargs(), "pk": self.pk}

    @property
    def is_substitute(self) -> bool:
        return self.role == Role.SUBSTITUTE

    @property
    def summoned(self) -> bool:
        """Members, chairs and observers are summoned to every meeting; substitutes when
        the member they stand in for cannot come, secretaries and facilitators never."""
        return self.role in (Role.CHAIR, Role.DEPUTY_CHAIR, Role.MEMBER, Role.OBSERVER)
