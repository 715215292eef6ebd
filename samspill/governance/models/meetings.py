"""Meetings with numbered cases, attendance and answers to the notice, the minutes' versions
and signers, and follow-ups."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from samspill.clusters.models import ClusterScoped, Person, cluster_slug

from .bodies import Appointment, Body, format_case_number


class Meeting(ClusterScoped):
    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        NOTICE_SENT = "notice_sent", _("Notice sent")
        HELD = "held", _("Held")
        MINUTES_DRAFT = "minutes_draft", _("Minutes drafted")
        MINUTES_APPROVED = "minutes_approved", _("Minutes approved")
        CANCELLED = "cancelled", _("Cancelled")

    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="meetings")
    # The meeting's address under its body: the date, with -2 for a second meeting that day.
    slug = models.CharField(max_length=20, editable=False)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    room = models.CharField(_("room"), max_length=200, blank=True)
    remote_link = models.URLField(_("link for remote attendance"), blank=True)
    chair = models.ForeignKey(
        Person,
        verbose_name=_("chaired by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meetings_chaired",
        help_text=_("Empty: the body's chair."),
    )
    notice_sent_at = models.DateTimeField(_("notice sent"), null=True, blank=True, editable=False)
    minute_taker = models.ForeignKey(
        Person,
        verbose_name=_("minute taker"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meetings_minuted",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PLANNED
    )
    minutes_approved_in = models.ForeignKey(
        "Case",
        verbose_name=_("minutes approved in case"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="minutes_approved",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = pgettext_lazy("møte", "meeting")
        verbose_name_plural = pgettext_lazy("møte", "meetings")
        ordering = ["-starts_at"]
        constraints = [
            models.UniqueConstraint(fields=["body", "slug"], name="unique_meeting_slug"),
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True) | Q(ends_at__gte=models.F("starts_at")),
                name="meeting_ends_after_start",
                violation_error_message=_("The meeting cannot end before it starts."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.body} {self.starts_at:%d.%m.%Y}"

    def get_absolute_url(self) -> str:
        return reverse("governance:meeting_detail", kwargs=self.url_kwargs())

    def url_kwargs(self) -> dict[str, str]:
        return {"cluster": cluster_slug(self), "body": self.body.slug, "meeting": self.slug}

    def clean(self) -> None:
        if self.ends_at and self.starts_at and self.ends_at < self.starts_at:
            raise ValidationError({"ends_at": _("The meeting cannot end before it starts.")})

    @property
    def minutes_locked(self) -> bool:
        return self.status == self.Status.MINUTES_APPROVED


class CaseSequence(ClusterScoped):
    """The last case number a body has given in a year. `services.case_add` increments it
    under a row lock, so two secretaries adding cases at once get distinct numbers, and a
    withdrawn case's number is never given again."""

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="case_sequences")
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["body", "year"], name="one_case_sequence_per_year")
        ]


class Case(ClusterScoped):
    """A case (*sak*) on a meeting's agenda, numbered per body and year."""

    class Kind(models.TextChoices):
        NOTICE_APPROVAL = "notice_approval", _("Approval of notice and agenda")
        MINUTES_APPROVAL = "minutes_approval", _("Approval of minutes")
        ORIENTATION = "orientation", _("Orientation")
        DECISION = "decision", _("Decision")
        DISCUSSION = "discussion", _("Discussion")
        ELECTION = "election", _("Election")
        OTHER_BUSINESS = "other_business", _("Any other business")

    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="cases")
    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="cases")
    year = models.PositiveSmallIntegerField(editable=False)
    number = models.PositiveIntegerField(editable=False)
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.DECISION)
    title = models.CharField(_("title"), max_length=300)
    presenter = models.CharField(
        _("presented by"), max_length=200, blank=True, help_text=_("Shown as 'v/ …'.")
    )
    background = models.TextField(_("background"), blank=True)
    proposed_decision = models.TextField(_("proposed decision"), blank=True)
    discussion = models.TextField(_("discussion"), blank=True)
    decision = models.TextField(_("decision"), blank=True)
    dissent = models.TextField(_("dissent"), blank=True)
    follows_up = models.ForeignKey(
        "self",
        verbose_name=_("follow-up of case"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="followed_up_by",
    )
    sent_from = models.ForeignKey(
        "self",
        verbose_name=_("sent on from case"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sent_on",
        editable=False,
        help_text=_("The case of another body that sent this matter here."),
    )
    related = models.ManyToManyField(
        "self", verbose_name=_("related cases"), symmetrical=False, blank=True
    )
    restricted = models.BooleanField(_("restricted"), default=False)
    legal_ground = models.CharField(
        _("legal ground"),
        max_length=200,
        blank=True,
        help_text=_("For a restricted case, e.g. 'offl. § 13, jf. fvl. § 13'."),
    )
    public_title = models.CharField(
        _("public title"),
        max_length=300,
        blank=True,
        help_text=_("Shown to the public instead of the title of a restricted case."),
    )
    withdrawn = models.BooleanField(_("withdrawn"), default=False)
    # Raised by every save: an editor whose page holds an older number has missed a change.
    revision = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = pgettext_lazy("sak", "case")
        verbose_name_plural = pgettext_lazy("sak", "cases")
        ordering = ["position", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["body", "year", "number"], name="case_number_once_per_body_and_year"
            ),
            models.CheckConstraint(
                condition=Q(restricted=False) | ~Q(legal_ground=""),
                name="restricted_case_has_legal_ground",
                violation_error_message=_("A restricted case needs its legal ground."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.label} {self.title}"

    def url_kwargs(self) -> dict:
        return {**self.meeting.url_kwargs(), "pk": self.pk}

    @property
    def label(self) -> str:
        """ "Sak 08-22": the case number in the body's format."""
        return pgettext_lazy("sak", "Case %(number)s") % {"number": self.code}

    @property
    def code(self) -> str:
        return format_case_number(self.body.case_number_format, self.number, self.year)

    def clean(self) -> None:
        if self.restricted and not self.legal_ground:
            raise ValidationError({"legal_ground": _("A restricted case needs its legal ground.")})


class CaseItem(ClusterScoped):
    """A sub-item (a, b, c) of a case, with its own presenter, discussion and decision."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("title"), max_length=300)
    presenter = models.CharField(_("presented by"), max_length=200, blank=True)
    discussion = models.TextField(_("discussion"), blank=True)
    decision = models.TextField(_("decision"), blank=True)

    class Meta:
        verbose_name = _("sub-item")
        verbose_name_plural = _("sub-items")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.title


class Disqualification(ClusterScoped):
    """A member disqualified (*inhabil*) for a case: the body decides it without them, and the
    minutes say so."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="disqualifications")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="disqualifications")
    grounds = models.CharField(
        _("grounds"),
        max_length=300,
        blank=True,
        help_text=_('Why, e.g. "board member of the applicant (fvl. § 6 first paragraph e)".'),
    )

    class Meta:
        verbose_name = _("disqualification")
        verbose_name_plural = _("disqualifications")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["case", "person"], name="disqualified_once_per_case")
        ]

    def __str__(self) -> str:
        return f"{self.case}: {self.person}"

    def url_kwargs(self) -> dict:
        return {**self.case.url_kwargs(), "person": self.person_id}


class Answer(models.TextChoices):
    """What a member answers to a notice."""

    ATTEND = "attend", _("I attend")
    REMOTE = "remote", _("I attend remotely")
    SUBSTITUTE = "substitute", _("My substitute comes")
    CANNOT = "cannot", _("I cannot come")


class SubstituteAnswer(models.TextChoices):
    """What an invited substitute answers."""

    ATTEND = "attend", _("I come")
    CANNOT = "cannot", _("I cannot come")


class Attendance(ClusterScoped):
    """One seat at one meeting: who was summoned, and whether they came, or who came instead."""

    class Status(models.TextChoices):
        PRESENT = "present", _("Present")
        REMOTE = "remote", _("Present remotely")
        SUBSTITUTE = "substitute", _("Represented by substitute")
        ABSENT_WITH_NOTICE = "absent_notice", _("Absent with notice")
        ABSENT = "absent", _("Absent")
        UNKNOWN = "unknown", _("Not recorded")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendances")
    appointment = models.ForeignKey(
        Appointment, on_delete=models.PROTECT, null=True, blank=True, related_name="attendances"
    )
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="attendances")
    summoned = models.BooleanField(_("summoned"), default=True)
    status = models.CharField(
        _("attendance"), max_length=20, choices=Status.choices, default=Status.UNKNOWN
    )
    substitute = models.ForeignKey(
        Person,
        verbose_name=_("substitute"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="substitutions",
    )
    position = models.PositiveSmallIntegerField(default=0)
    # The member's answer to the notice, by their personal link (`answers.py`).
    answer = models.CharField(_("answer"), max_length=20, choices=Answer.choices, blank=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    # The substitute invited when the member does not come, and their answer.
    substitute_answer = models.CharField(
        _("substitute's answer"), max_length=20, choices=SubstituteAnswer.choices, blank=True
    )
    substitute_invited_at = models.DateTimeField(_("substitute invited"), null=True, blank=True)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person"], name="one_seat_per_person"),
            models.CheckConstraint(
                condition=~Q(status="substitute") | Q(substitute__isnull=False),
                name="substitute_named",
                violation_error_message=_("Name the substitute who came."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.get_status_display()}"

    def clean(self) -> None:
        if self.status == self.Status.SUBSTITUTE and not self.substitute_id:
            raise ValidationError({"substitute": _("Name the substitute who came.")})

    def url_kwargs(self) -> dict:
        return {**self.meeting.url_kwargs(), "pk": self.pk}

    @property
    def attends(self) -> bool:
        """The seat is filled: by the member, in the room or remotely, or by a substitute."""
        return self.status in (self.Status.PRESENT, self.Status.REMOTE, self.Status.SUBSTITUTE)

    @property
    def seated_person_id(self) -> int | None:
        """Who sits in the seat: the substitute standing in, or the member."""
        return self.substitute_id if self.status == self.Status.SUBSTITUTE else self.person_id


class MinutesVersion(ClusterScoped):
    """The minutes of a meeting as approved (version 1), and after each correction: the
    text as it read then, and why it was corrected. A version is never changed."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField(editable=False)
    text = models.TextField(editable=False)
    reason = models.TextField(_("reason for the correction"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )

    class Meta:
        verbose_name = _("version of the minutes")
        verbose_name_plural = _("versions of the minutes")
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "number"], name="one_number_per_version")
        ]

    def __str__(self) -> str:
        return f"{self.meeting} v{self.number}"


class FollowUp(ClusterScoped):
    """Something a case left to be done: by whom and by when, listed until it is done."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="followups")
    text = models.TextField(_("what is to be done"))
    owner = models.ForeignKey(
        Person,
        verbose_name=_("responsible"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="followups",
    )
    due_on = models.DateField(_("due"), null=True, blank=True)
    done_on = models.DateField(_("done"), null=True, blank=True)

    class Meta:
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")
        ordering = [F("due_on").asc(nulls_last=True), "pk"]

    def __str__(self) -> str:
        return self.text[:80]

    def url_kwargs(self) -> dict:
        return {**self.case.meeting.url_kwargs(), "pk": self.pk}


class MinutesSigner(ClusterScoped):
    """One of the members chosen to approve a meeting's minutes by signing: the minutes are
    approved when every one of them has signed, each with a click recorded with its time."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="signers")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="signatures_given")
    signed_at = models.DateTimeField(_("signed"), null=True, blank=True)

    class Meta:
        verbose_name = _("signer of the minutes")
        verbose_name_plural = _("signers of the minutes")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person"], name="one_signature_per_person")
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.meeting}"
