from typing import Any, cast

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from samspill.clusters.forms import ClusterModelForm
from samspill.clusters.models import Membership, Organisation
from samspill.common.collation import norwegian
from samspill.governance.forms import MeetingChoiceField
from samspill.governance.models import Case, Meeting

from .models import ActionPlan, Chapter, Measure, PlanVersion, Strategy

POINTS = forms.Textarea(attrs={"rows": 5})


class StrategyForm(ClusterModelForm):
    class Meta(ClusterModelForm.Meta):
        model = Strategy
        fields = [
            "title",
            "period_start",
            "period_end",
            "vision",
            "values",
            "main_objective",
            "document_url",
            "adopted_in",
        ]


class ActionPlanForm(ClusterModelForm):
    class Meta(ClusterModelForm.Meta):
        model = ActionPlan
        fields = ["title", "slug", "strategy", "period_start", "period_end", "language"]


class VersionForm(ClusterModelForm):
    class Meta(ClusterModelForm.Meta):
        model = PlanVersion
        fields = ["summary_introduction", "context_changes"]
        widgets = {"summary_introduction": forms.Textarea(attrs={"rows": 4})}


class ChapterForm(ClusterModelForm):
    class Meta(ClusterModelForm.Meta):
        model = Chapter
        fields = [
            "numeral",
            "goal_code",
            "title",
            "short_title",
            "summary_note",
            "introduction",
            "why",
            "where_2030",
            "prerequisites",
            "evaluation_notes",
        ]
        widgets = {"why": POINTS, "where_2030": POINTS, "prerequisites": POINTS}


class DecisionsField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.label} {obj.title}"


class MeasureForm(ClusterModelForm):
    """A measure of a draft. The participants offered are the cluster's participants now, the
    decisions those of the last three years; what the measure already names stays offered,
    so saving never drops a link nobody unticked."""

    decisions = DecisionsField(
        label=_("Decisions that serve it"),
        queryset=Case.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta(ClusterModelForm.Meta):
        model = Measure
        fields = ["chapter", "text", "start_year", "status", "organisations", "bodies", "decisions"]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 3}),
            "organisations": forms.CheckboxSelectMultiple,
            "bodies": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "start_year": _("Empty for a new candidate; the year it started otherwise."),
        }

    def __init__(self, *args: Any, version: PlanVersion, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.version = version
        linked = self.instance.pk is not None
        chapter = cast(forms.ModelChoiceField, self.fields["chapter"])
        chapter.queryset = Chapter.objects.with_scope(cluster=self.cluster).filter(
            version=version, has_measures=True
        )
        organisations = cast(forms.ModelMultipleChoiceField, self.fields["organisations"])
        participants = Membership.objects.with_scope(cluster=self.cluster).active()
        named = Q(measures=self.instance) if linked else Q(pk__in=[])
        organisations.queryset = (
            Organisation.objects.with_scope(cluster=self.cluster)
            .filter(Q(memberships__in=participants) | named)
            .distinct()
            .order_by(norwegian("name"))
        )
        decisions = cast(forms.ModelMultipleChoiceField, self.fields["decisions"])
        recent = Q(kind=Case.Kind.DECISION, year__gte=version.year - 3) & ~Q(decision="")
        decisions.queryset = (
            Case.objects.with_scope(cluster=self.cluster)
            .filter(recent | (Q(measures=self.instance) if linked else Q(pk__in=[])))
            .distinct()
            .select_related("body")
            .order_by("-year", "-number")
        )


class RollingForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=1990, max_value=2100)


class ProposeForm(forms.Form):
    meeting = MeetingChoiceField(
        label=_("Meeting"),
        queryset=Meeting.objects.none(),
        empty_label=_("Choose a meeting"),
        help_text=_("The draft goes on its agenda as a decision case."),
    )

    def __init__(self, *args: Any, cluster: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["meeting"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = (
            Meeting.objects.with_scope(cluster=cluster)
            .filter(status__in=[Meeting.Status.PLANNED, Meeting.Status.NOTICE_SENT])
            .select_related("body")
            .order_by("starts_at")
        )


class ImportForm(forms.Form):
    """Step one of an import: which plan and year, and the file or the pasted text."""

    plan: forms.ModelChoiceField = forms.ModelChoiceField(
        label=_("Action plan"), queryset=ActionPlan.objects.none(), empty_label=_("Choose a plan")
    )
    year = forms.IntegerField(label=_("Year of the version"), min_value=1990, max_value=2100)
    file = forms.FileField(
        label=_("File"),
        required=False,
        help_text=_("A Word document (.docx) or a text file (.txt) of the plan."),
    )
    text = forms.CharField(
        label=_("Or paste the text"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_("Corrections to the text are made here; the preview is read from it."),
    )

    def __init__(self, *args: Any, cluster: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["plan"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = ActionPlan.objects.with_scope(cluster=cluster).all()

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and not upload.name.lower().endswith((".docx", ".txt")):
            raise forms.ValidationError(_("Upload a .docx or .txt file."))
        return upload

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        has_outline = bool(self.data.get("outline"))  # a Word document's preview, confirmed
        if not (data.get("file") or (data.get("text") or "").strip() or has_outline or self.errors):
            self.add_error("text", _("Upload a file or paste the plan's text."))
        return data
