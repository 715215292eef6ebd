"""Written procedures (*skriftlig behandling*, *sirkulasjon*): a proposal, a document or draft
minutes sent to a body's members with a deadline, answered by their personal links."""

import datetime

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samspill.clusters.models import ClusterScoped, Person

from .bodies import Body
from .meetings import Case, Meeting


class Circulation(ClusterScoped):
    """Out to the members until the deadline; any member may demand a meeting instead. The
    outcome is recorded when it is concluded, and enters the next meeting as a case."""

    class Purpose(models.TextChoices):
        COMMENTS = "comments", _("For comments")
        DECISION = "decision", _("For decision")
        MINUTES = "minutes", _("Approval of the minutes")

    class Status(models.TextChoices):
        OPEN = "open", _("Out for answers")
        CONCLUDED = "concluded", _("Concluded")
        TO_MEETING = "to_meeting", _("Goes to a meeting")

    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="circulations")
    purpose = models.CharField(_("purpose"), max_length=20, choices=Purpose.choices)
    title = models.CharField(_("title"), max_length=300)
    text = models.TextField(
        _("proposal or document"), blank=True, help_text=_("Markdown. What the members read.")
    )
    proposed_decision = models.TextField(_("proposed decision"), blank=True)
    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("minutes of the meeting"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="circulations",
    )
    opens_on = models.DateField(_("sent"), default=timezone.localdate)
    deadline = models.DateField(_("answers by"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.OPEN, editable=False
    )
    outcome = models.TextField(_("outcome"), blank=True)
    concluded_on = models.DateField(_("concluded"), null=True, blank=True, editable=False)
    reported_in = models.ForeignKey(
        Case,
        verbose_name=_("reported in case"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="circulations_reported",
        editable=False,
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("written procedure")
        verbose_name_plural = _("written procedures")
        ordering = ["-opens_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(deadline__gte=models.F("opens_on")),
                name="circulation_deadline_after_opening",
                violation_error_message=_("The deadline cannot be before the day it is sent."),
            ),
            models.CheckConstraint(
                condition=~Q(purpose="minutes") | Q(meeting__isnull=False),
                name="circulation_of_minutes_has_meeting",
                violation_error_message=_("Choose the meeting whose minutes are approved."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def url_kwargs(self) -> dict:
        return {**self.body.url_kwargs(), "pk": self.pk}

    def get_absolute_url(self) -> str:
        return reverse("governance:circulation_detail", kwargs=self.url_kwargs())

    @property
    def answerable(self) -> bool:
        """Open, and the deadline (the whole day, in Oslo) has not passed."""
        return self.status == self.Status.OPEN and timezone.localdate() <= self.deadline

    @property
    def period(self) -> str:
        return f"{_date(self.opens_on)}–{_date(self.deadline)}"


def _date(day: datetime.date) -> str:
    return day.strftime("%d.%m.%Y")


class CirculationAnswer(models.TextChoices):
    AGREE = "agree", _("I agree, no comments")
    COMMENT = "comment", _("I agree, with comments")
    OBJECT = "object", _("I do not agree")
    MEETING = "meeting", _("This must be decided in a meeting")


class CirculationReply(ClusterScoped):
    """A member asked; their answer and comment, which they may change until the deadline."""

    circulation = models.ForeignKey(Circulation, on_delete=models.CASCADE, related_name="replies")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="circulation_replies")
    answer = models.CharField(
        _("answer"), max_length=20, choices=CirculationAnswer.choices, blank=True
    )
    comment = models.TextField(_("comment"), blank=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)

    class Meta:
        ordering = ["circulation", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["circulation", "person"], name="one_reply_per_circulation_member"
            )
        ]

    def __str__(self) -> str:
        return f"{self.circulation}: {self.person}"
