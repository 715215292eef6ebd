from typing import Any, cast

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samspill.clusters.forms import ClusterModelForm, DateInput
from samspill.clusters.models import Person

from .models import (
    Appointment,
    Attendance,
    Body,
    Case,
    Circulation,
    CirculationAnswer,
    Disqualification,
    FollowUp,
    Meeting,
)


class BodyForm(ClusterModelForm):
    class Meta(ClusterModelForm.Meta):
        model = Body
        fields = [
            "name",
            "slug",
            "kind",
            "mandate",
            "case_number_format",
            "voting_seats",
            "is_public",
            "min_meetings",
            "meetings_per",
            "min_experience_representatives",
            "term_years",
            "max_terms",
            "max_members",
        ]


class AppointmentForm(ClusterModelForm):
    class Meta(ClusterModelForm.Meta):
        model = Appointment
        fields = [
            "person",
            "organisation",
            "function",
            "role",
            "voting",
            "is_experience_representative",
            "substitute_for",
            "starts_on",
            "ends_on",
            "position",
        ]

    def __init__(self, *args: Any, body: Body, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.body = body
        field = self.fields["substitute_for"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = (
            Appointment.objects.with_scope(cluster=self.cluster)
            .filter(body=body)
            .exclude(role="substitute")
            .select_related("person")
        )


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%dT%H:%M")


class MeetingForm(ClusterModelForm):
    standard_cases = forms.BooleanField(
        label=_("Add the standard cases"),
        help_text=_(
            "Approval of the notice and agenda, of the previous minutes, and any other business."
        ),
        required=False,
        initial=True,
    )

    class Meta(ClusterModelForm.Meta):
        model = Meeting
        fields = [
            "starts_at",
            "ends_at",
            "place",
            "room",
            "remote_link",
            "chair",
            "minute_taker",
            "status",
        ]
        widgets = {"starts_at": DateTimeInput(), "ends_at": DateTimeInput()}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            del self.fields["standard_cases"]
            # Approved minutes are approved on their own page, where they are locked.
            if not self.instance.minutes_locked:
                self.fields["status"].choices = [  # type: ignore[attr-defined]
                    c for c in Meeting.Status.choices if c[0] != Meeting.Status.MINUTES_APPROVED
                ]
        else:
            del self.fields["status"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        starts, ends = data.get("starts_at"), data.get("ends_at")
        if starts and ends and ends < starts:
            self.add_error("ends_at", _("The meeting cannot end before it starts."))
        return data


class CaseForm(ClusterModelForm):
    # The case's revision when the page was made (services.case_save checks it).
    revision = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)

    class Meta(ClusterModelForm.Meta):
        model = Case
        fields = [
            "title",
            "kind",
            "presenter",
            "background",
            "proposed_decision",
            "discussion",
            "decision",
            "dissent",
            "follows_up",
            "restricted",
            "legal_ground",
            "public_title",
            "position",
        ]

    def __init__(self, *args: Any, meeting: Meeting, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["revision"].initial = self.instance.revision
        self.instance.meeting = meeting
        self.instance.body = meeting.body
        if not self.instance.pk:
            self.instance.year = timezone.localtime(meeting.starts_at).year
            self.instance.number = 0
        field = self.fields["follows_up"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = (
            Case.objects.with_scope(cluster=self.cluster)
            .filter(body=meeting.body)
            .exclude(pk=self.instance.pk)
            .select_related("body")
            .order_by("-year", "-number")
        )


class AttendanceForm(ClusterModelForm):
    """Who came to one seat: the member, remotely, a substitute, or nobody."""

    class Meta(ClusterModelForm.Meta):
        model = Attendance
        fields = ["status", "substitute"]

    def __init__(self, *args: Any, substitutes, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["substitute"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = substitutes
        field.required = False


class CorrectionForm(forms.Form):
    """A correction of one case of approved minutes, with the reason for it."""

    discussion = forms.CharField(label=_("Discussion"), required=False, widget=forms.Textarea)
    decision = forms.CharField(label=_("Decision"), required=False, widget=forms.Textarea)
    dissent = forms.CharField(label=_("Dissent"), required=False, widget=forms.Textarea)
    reason = forms.CharField(
        label=_("Reason for the correction"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Shown with the corrected minutes, for example “Wrong amount in the decision”."
        ),
        error_messages={"required": _("Say why the approved minutes are corrected.")},
    )


class FollowUpForm(ClusterModelForm):
    class Meta(ClusterModelForm.Meta):
        model = FollowUp
        fields = ["text", "owner", "due_on"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}


class SignersForm(forms.Form):
    """Who approves the minutes by signing: members summoned to the meeting, with an address."""

    people: forms.ModelMultipleChoiceField = forms.ModelMultipleChoiceField(
        label=_("Who signs"),
        queryset=Person.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Usually two of the members present."),
        error_messages={"required": _("Choose who signs the minutes.")},
    )

    def __init__(self, *args: Any, meeting: Meeting, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast(forms.ModelMultipleChoiceField, self.fields["people"])
        field.queryset = (
            Person.objects.with_scopes_disabled()
            .filter(attendances__meeting=meeting, attendances__summoned=True)
            .exclude(email="")
            .order_by("name")
        )


class DatePollForm(forms.Form):
    """A date poll: its title and up to five candidate times."""

    title = forms.CharField(label=_("Title"), max_length=200)
    slot_1 = forms.DateTimeField(label=_("Time 1"), widget=DateTimeInput())
    slot_2 = forms.DateTimeField(label=_("Time 2"), widget=DateTimeInput())
    slot_3 = forms.DateTimeField(label=_("Time 3"), required=False, widget=DateTimeInput())
    slot_4 = forms.DateTimeField(label=_("Time 4"), required=False, widget=DateTimeInput())
    slot_5 = forms.DateTimeField(label=_("Time 5"), required=False, widget=DateTimeInput())

    def slots(self) -> list[Any]:
        return [
            self.cleaned_data[f"slot_{n}"]
            for n in range(1, 6)
            if self.cleaned_data.get(f"slot_{n}")
        ]


class CirculationForm(ClusterModelForm):
    """A written procedure to send: what, why, by when; for minutes, whose."""

    class Meta(ClusterModelForm.Meta):
        model = Circulation
        fields = ["purpose", "title", "meeting", "text", "proposed_decision", "deadline"]

    def __init__(self, *args: Any, body: Body, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.body = body
        field = cast(forms.ModelChoiceField, self.fields["meeting"])
        field.queryset = (
            Meeting.objects.with_scope(cluster=self.cluster)
            .filter(body=body, status__in=[Meeting.Status.HELD, Meeting.Status.MINUTES_DRAFT])
            .order_by("-starts_at")
        )
        field.help_text = _(
            "For minutes out for comments or approval: a meeting held, its minutes not approved."
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        purpose, meeting = data.get("purpose"), data.get("meeting")
        if purpose == Circulation.Purpose.MINUTES and meeting is None and "meeting" in data:
            self.add_error("meeting", _("Choose the meeting whose minutes are approved."))
        if purpose == Circulation.Purpose.DECISION and not data.get("proposed_decision"):
            self.add_error("proposed_decision", _("Write the decision the members answer to."))
        deadline = data.get("deadline")
        if deadline and deadline < timezone.localdate():
            self.add_error("deadline", _("The deadline cannot be in the past."))
        return data


class CirculationReplyForm(forms.Form):
    """A member's answer to a written procedure."""

    answer = forms.ChoiceField(
        label=_("Your answer"),
        choices=CirculationAnswer.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose one of the answers.")},
    )
    comment = forms.CharField(
        label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 5})
    )


class ConcludeForm(forms.Form):
    outcome = forms.CharField(
        label=_("Outcome"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("As the minutes of the next meeting will say it."),
    )


class DisqualificationForm(ClusterModelForm):
    """A member disqualified for a case: one of those seated at the meeting."""

    class Meta(ClusterModelForm.Meta):
        model = Disqualification
        fields = ["person", "grounds"]

    def __init__(self, *args: Any, case: Case, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.case = case
        meeting = case.meeting
        field = cast(forms.ModelChoiceField, self.fields["person"])
        field.queryset = (
            Person.objects.with_scope(cluster=self.cluster)
            .filter(Q(attendances__meeting=meeting) | Q(substitutions__meeting=meeting))
            .exclude(disqualifications__case=case)
            .distinct()
            .order_by("name")
        )


class MeetingChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.body.name} {timezone.localtime(obj.starts_at):%d.%m.%Y}"


class SendOnForm(forms.Form):
    """Where a case goes on to: a coming meeting of another body of the cluster."""

    meeting = MeetingChoiceField(
        label=_("Meeting"),
        queryset=Meeting.objects.none(),
        empty_label=_("Choose a meeting"),
        help_text=_("The case is put on its agenda with the next number of that body."),
        error_messages={"required": _("Choose the meeting the case goes to.")},
    )

    def __init__(self, *args: Any, case: Case, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast(forms.ModelChoiceField, self.fields["meeting"])
        field.queryset = (
            Meeting.objects.filter(
                body__cluster_id=case.cluster_id,
                status__in=[Meeting.Status.PLANNED, Meeting.Status.NOTICE_SENT],
            )
            .exclude(body_id=case.body_id)
            .select_related("body")
            .order_by("starts_at")
        )


class CaseChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.label} {obj.title} ({obj.body.name})"


class MandateAdoptionForm(forms.Form):
    """When the mandate as it reads now was adopted, and in which case."""

    adopted_on = forms.DateField(label=_("Adopted"), widget=DateInput())
    adopted_in = CaseChoiceField(
        label=_("In case"),
        queryset=Case.objects.none(),
        required=False,
        empty_label=_("No case"),
        help_text=_(
            "Decided cases of this body, and of the cluster's other bodies from the last three "
            "years."
        ),
    )

    def __init__(self, *args: Any, body: Body, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast(forms.ModelChoiceField, self.fields["adopted_in"])
        recent = Q(year__gte=timezone.localdate().year - 3)
        field.queryset = (
            Case.objects.filter(body__cluster_id=body.cluster_id, withdrawn=False)
            .filter(Q(body=body) | recent)
            .exclude(decision="")
            .select_related("body")
            .order_by("-year", "-number", "body__name")
        )


class AutosaveForm(forms.Form):
    """What the minute taker's page sends as they type."""

    discussion = forms.CharField(required=False)
    decision = forms.CharField(required=False)
    dissent = forms.CharField(required=False)
    revision = forms.IntegerField(min_value=0)
