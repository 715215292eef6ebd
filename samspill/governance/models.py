"""Governance bodies, their members and their meetings, with numbered cases and attendance.

A body numbers its cases per year in its own format (`Body.case_number_format`); the number is
taken from `CaseSequence` under a row lock (`services.case_add`) and never reused.
"""

import datetime
import string
from typing import ClassVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
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


class DatePoll(ClusterScoped):
    """Finding a date for a body's next meeting: candidate times the members answer by their
    personal links; the one chosen becomes a planned meeting."""

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="polls")
    title = models.CharField(_("title"), max_length=200)
    created_at = models.DateTimeField(auto_now_add=True)
    meeting = models.ForeignKey(
        Meeting, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("date poll")
        verbose_name_plural = _("date polls")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.title

    def url_kwargs(self) -> dict:
        return {**self.body.url_kwargs(), "pk": self.pk}


class PollAnswer(models.TextChoices):
    YES = "yes", _("Yes")
    IF_NEEDED = "if_needed", _("If need be")
    NO = "no", _("No")


class DatePollSlot(ClusterScoped):
    poll = models.ForeignKey(DatePoll, on_delete=models.CASCADE, related_name="slots")
    starts_at = models.DateTimeField(_("starts"))

    class Meta:
        ordering = ["starts_at", "pk"]

    def __str__(self) -> str:
        return f"{self.poll}: {self.starts_at:%d.%m.%Y %H:%M}"


class DatePollVote(ClusterScoped):
    slot = models.ForeignKey(DatePollSlot, on_delete=models.CASCADE, related_name="votes")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="poll_votes")
    answer = models.CharField(max_length=20, choices=PollAnswer.choices)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["slot", "person"], name="one_vote_per_slot")]
