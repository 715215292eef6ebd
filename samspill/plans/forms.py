from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from samspill.clusters.forms import ClusterModelForm
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
    decisions = DecisionsField(
        label=Measure._meta.get_field("decisions").verbose_name,
        queryset=Case.objects.none(),
        required=False,
    )

    class Meta(ClusterModelForm.Meta):
        model = Measure
        fields = ["chapter", "text", "start_year", "status", "organisations", "bodies", "decisions"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "start_year": _("Empty for a new candidate; the year it started otherwise."),
        }

    def __init__(self, *args: Any, version: PlanVersion, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.version = version
        chapter = self.fields["chapter"]
        assert isinstance(chapter, forms.ModelChoiceField)
        chapter.queryset = Chapter.objects.with_scope(cluster=self.cluster).filter(
            version=version, has_measures=True
        )
        decisions = self.fields["decisions"]
        assert isinstance(decisions, forms.ModelMultipleChoiceField)
        decisions.queryset = (
            Case.objects.with_scope(cluster=self.cluster)
            .exclude(decision="")
            .select_related("body")
            .order_by("-year", "-number")
        )
        for name in ("organisations", "bodies", "decisions"):
            self.fields[name].widget.attrs["size"] = 8


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
