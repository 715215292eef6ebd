"""The strategy and the action plan that is rolled every year (*rullering*).

An action plan has one `PlanVersion` per year. A version is a draft until a body's decision
adopts it; it is then frozen, and the version it replaces becomes superseded but stays
readable. Chapters and measures are copied into each new version with the same `key`, so a
year can be compared with the one before (`changes.py`) and a measure keeps its identity
when it is reworded, moved or taken up.
"""

import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_stubs_ext import StrOrPromise

from samspill.clusters.models import ClusterScoped, Organisation, cluster_slug
from samspill.governance.models import Body, Case

# A measure's start year is a year people write; anything else is a typing error.
EARLIEST_YEAR = 1990
LATEST_YEAR = 2100


class Language(models.TextChoices):
    """The written standard (*målform*) of a plan's text."""

    BOKMAL = "nb", _("Bokmål")
    NYNORSK = "nn", _("Nynorsk")
    ENGLISH = "en", _("English")


class Period(ClusterScoped):
    """A record that runs over years: "2024-2030"."""

    period_start = models.PositiveSmallIntegerField(_("from year"))
    period_end = models.PositiveSmallIntegerField(_("to year"))

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__gte=models.F("period_start")),
                name="%(class)s_period_in_order",
                violation_error_message=_("The period cannot end before it starts."),
            )
        ]

    def clean(self) -> None:
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": _("The period cannot end before it starts.")})

    @property
    def period(self) -> str:
        return f"{self.period_start}–{self.period_end}"


class Strategy(Period):
    """The cluster's multi-year strategy ("Polyfons strategi 2024-2030")."""

    title = models.CharField(_("title"), max_length=200)
    vision = models.TextField(_("vision"), blank=True)
    values = models.TextField(_("values"), blank=True)
    main_objective = models.TextField(_("main objective"), blank=True)
    document_url = models.URLField(_("link to the full document"), blank=True)
    adopted_in = models.ForeignKey(
        Case,
        verbose_name=_("adopted in case"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta(Period.Meta):
        verbose_name = _("strategy")
        verbose_name_plural = _("strategies")
        ordering = ["-period_start", "title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("plans:plan_list", args=[cluster_slug(self)]) + f"#strategy-{self.pk}"


class ActionPlan(Period):
    """An action plan ("Handlingsplan 2025-2030"), rolled once a year."""

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("address"), max_length=80, help_text=_("Used in the web address."))
    strategy = models.ForeignKey(
        Strategy,
        verbose_name=_("strategy"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="plans",
    )
    language = models.CharField(
        _("written standard"), max_length=2, choices=Language.choices, default=Language.BOKMAL
    )

    class Meta(Period.Meta):
        verbose_name = _("action plan")
        verbose_name_plural = _("action plans")
        ordering = ["-period_start", "title"]
        constraints = [
            *Period.Meta.constraints,
            models.UniqueConstraint(
                fields=["cluster", "slug"],
                name="unique_plan_slug",
                violation_error_message=_("Another plan of the cluster has this address."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("plans:plan_detail", kwargs=self.url_kwargs())

    def url_kwargs(self) -> dict[str, object]:
        return {"cluster": cluster_slug(self), "plan": self.slug}


class PlanVersion(ClusterScoped):
    """One year's plan: what the steering group adopts in December for the coming year."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        ADOPTED = "adopted", _("Adopted")
        SUPERSEDED = "superseded", _("Superseded")

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="versions")
    year = models.PositiveSmallIntegerField(_("year"))
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT, editable=False
    )
    based_on = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, editable=False, related_name="+"
    )
    summary_introduction = models.TextField(
        _("introduction to the summary"),
        blank=True,
        help_text=_("Printed above the prioritised measures on the summary page. Markdown."),
    )
    context_changes = models.TextField(
        _("changes this year"),
        blank=True,
        help_text=_(
            "Changes in the cluster and in the political and professional context that matter "
            "for the plan. Markdown: a line starting with “- ” is a bullet."
        ),
    )
    proposed_in = models.ForeignKey(
        Case,
        verbose_name=_("proposed in case"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    adopted_in = models.ForeignKey(
        Case,
        verbose_name=_("adopted in case"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    adopted_on = models.DateField(_("adopted"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("version of the plan")
        verbose_name_plural = _("versions of the plan")
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "year"],
                name="one_version_per_year",
                violation_error_message=_("The plan already has a version for this year."),
            ),
            models.UniqueConstraint(
                fields=["plan"],
                condition=Q(status="adopted"),
                name="one_adopted_version",
            ),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(adopted_on__isnull=False),
                name="adopted_version_has_date",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.plan.title} ({self.year})"

    def get_absolute_url(self) -> str:
        return reverse("plans:version_detail", kwargs=self.url_kwargs())

    def url_kwargs(self) -> dict[str, object]:
        return {"cluster": cluster_slug(self), "plan": self.plan.slug, "year": self.year}

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT


class Chapter(ClusterScoped):
    """A chapter of a version: "V) Målsetting 2a: MT er integrert i tjenester …".

    The three point lists hold one point per line. Chapters that only hold text (the
    introduction, the chapter on rolling the plan) have no table of measures.
    """

    version = models.ForeignKey(PlanVersion, on_delete=models.CASCADE, related_name="chapters")
    key = models.UUIDField(default=uuid.uuid4, editable=False)
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    numeral = models.CharField(_("numeral"), max_length=8, help_text=_("I, II, III …"))
    goal_code = models.CharField(
        _("goal"), max_length=40, blank=True, help_text=_("For example “Målsetting 2a”.")
    )
    title = models.CharField(_("title"), max_length=300)
    short_title = models.CharField(
        _("title in the summary"), max_length=200, blank=True, help_text=_("Empty: the title.")
    )
    summary_note = models.TextField(
        _("text in the summary"),
        blank=True,
        help_text=_("For a chapter without measures: a sentence for the summary page."),
    )
    introduction = models.TextField(_("introduction"), blank=True, help_text=_("Markdown."))
    why = models.TextField(_("why this matters"), blank=True, help_text=_("One point per line."))
    where_2030 = models.TextField(
        _("where the cluster should be"), blank=True, help_text=_("One point per line.")
    )
    prerequisites = models.TextField(
        _("prerequisites for success"), blank=True, help_text=_("One point per line.")
    )
    has_measures = models.BooleanField(_("has a table of measures"), default=True)
    evaluation_notes = models.TextField(
        _("feedback and evaluation"),
        blank=True,
        help_text=_("What the year's feedback said about this goal, as input to the rolling."),
    )

    class Meta:
        verbose_name = _("chapter")
        verbose_name_plural = _("chapters")
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["version", "key"], name="chapter_key_once_per_version")
        ]

    def __str__(self) -> str:
        return f"{self.numeral}) {self.heading}"

    def url_kwargs(self) -> dict[str, object]:
        return {**self.version.url_kwargs(), "pk": self.pk}

    @property
    def heading(self) -> str:
        return f"{self.goal_code}: {self.title}" if self.goal_code else self.title

    @property
    def summary_title(self) -> str:
        return self.short_title or self.title

    @property
    def why_points(self) -> list[str]:
        return _points(self.why)

    @property
    def where_points(self) -> list[str]:
        return _points(self.where_2030)

    @property
    def prerequisite_points(self) -> list[str]:
        return _points(self.prerequisites)


def _points(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class Measure(ClusterScoped):
    """A measure (*tiltak*). Candidates have no start year until they are taken up."""

    class Status(models.TextChoices):
        ONGOING = "ongoing", _("Ongoing")
        CANDIDATE = "candidate", _("New candidate")
        PRIORITISED = "prioritised", _("Prioritised this year")
        COMPLETED = "completed", _("Completed")

    version = models.ForeignKey(PlanVersion, on_delete=models.CASCADE, related_name="measures")
    chapter = models.ForeignKey(
        Chapter, verbose_name=_("chapter"), on_delete=models.CASCADE, related_name="measures"
    )
    key = models.UUIDField(default=uuid.uuid4, editable=False)
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    text = models.TextField(pgettext_lazy("tiltak", "measure"))
    start_year = models.PositiveSmallIntegerField(
        pgettext_lazy("plan table", "starts"), null=True, blank=True
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.ONGOING
    )
    organisations = models.ManyToManyField(
        Organisation,
        verbose_name=_("participants responsible or taking part"),
        blank=True,
        related_name="measures",
    )
    bodies = models.ManyToManyField(
        Body, verbose_name=_("bodies responsible"), blank=True, related_name="measures"
    )
    decisions = models.ManyToManyField(
        Case, verbose_name=_("decisions that serve it"), blank=True, related_name="measures"
    )

    class Meta:
        verbose_name = pgettext_lazy("tiltak", "measure")
        verbose_name_plural = pgettext_lazy("tiltak", "measures")
        ordering = ["chapter__position", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["version", "key"], name="measure_key_once_per_version"),
            models.CheckConstraint(
                condition=(Q(status="candidate") & Q(start_year__isnull=True))
                | (~Q(status="candidate") & Q(start_year__isnull=False)),
                name="candidate_has_no_start_year",
                violation_error_message=_(
                    "A new candidate has no start year; a measure that is taken up has one."
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.text

    def url_kwargs(self) -> dict[str, object]:
        return {**self.version.url_kwargs(), "pk": self.pk}

    @property
    def is_candidate(self) -> bool:
        return self.status == self.Status.CANDIDATE

    def clean(self) -> None:
        errors: dict[str, StrOrPromise] = {}
        if not self.text.strip():
            errors["text"] = _("Write what the measure is.")
        if self.status == self.Status.CANDIDATE and self.start_year is not None:
            errors["start_year"] = _("A new candidate has no start year until it is taken up.")
        elif self.status != self.Status.CANDIDATE and self.start_year is None:
            errors["start_year"] = _("Write the year the measure started, for example 2026.")
        elif self.start_year is not None and not EARLIEST_YEAR <= self.start_year <= LATEST_YEAR:
            errors["start_year"] = _("Write a year such as 2026.")
        if errors:
            raise ValidationError(errors)
