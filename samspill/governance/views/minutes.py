"""Minutes: approval by the secretariat or by signing, corrections as versions, documents."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from samspill.clusters.access import RegistryRequest, cluster_view
from samspill.clusters.filters import parses_query
from samspill.clusters.models import Cluster

from .. import documents, services, word
from .. import versions as versions_diff
from ..filters import VersionForm
from ..forms import (
    CorrectionForm,
    SignersForm,
)
from ..models import (
    Case,
    Meeting,
)
from ..permissions import MANAGE_BODIES, VIEW_BODIES
from .lookups import absolute_root, locked_page, may_manage, meeting_or_404


@cluster_view(MANAGE_BODIES, write=True)
def minutes_approve(
    request: RegistryRequest, cluster: Cluster, body: str, meeting: str
) -> HttpResponse:
    """Approve and lock the minutes; with `case` (GET or POST), in that case of a later
    meeting of the body ("Godkjenning av referat")."""
    record = meeting_or_404(body, meeting)
    in_case = _approving_case(record, request.POST.get("case") or request.GET.get("case"))
    if request.method == "POST":
        try:
            services.minutes_approve(meeting=record, actor=request.user, in_case=in_case)
        except services.MinutesLocked:
            return locked_page(request, record)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The minutes are approved and locked."))
        return redirect(record.get_absolute_url())
    question = (
        _("Approve the minutes of %(meeting)s in %(case)s?") % {"meeting": record, "case": in_case}
        if in_case
        else _("Approve the minutes of %(meeting)s?") % {"meeting": record}
    )
    context = {
        "question": question,
        "consequence": _("Approved minutes are locked: a change after this needs a correction."),
        "action": _("Approve the minutes"),
        "cancel_url": record.get_absolute_url(),
        "hidden": {"case": in_case.pk} if in_case else {},
    }
    return render(request, "governance/confirm.html", context)


def _approving_case(meeting: Meeting, value: str | None) -> Case | None:
    """A minutes-approval case of a later meeting of the same body, or None."""
    if not value or not value.isdigit() or len(value) > 10:
        return None
    return (
        Case.objects.select_related("body")
        .filter(
            pk=int(value),
            body_id=meeting.body_id,
            kind=Case.Kind.MINUTES_APPROVAL,
            meeting__starts_at__gt=meeting.starts_at,
            withdrawn=False,
        )
        .first()
    )


@cluster_view(VIEW_BODIES)
def meeting_document(
    request: RegistryRequest, cluster: Cluster, body: str, meeting: str, kind: str, extension: str
) -> HttpResponse:
    """minutes.pdf, minutes.docx, protocol.pdf, protocol.docx: restricted cases only for the
    secretariat; everyone else gets the public version."""
    record = meeting_or_404(body, meeting)
    public = not may_manage(request, cluster)
    if extension == "pdf":
        content = documents.minutes_pdf(record, kind=kind, public=public)
        content_type = "application/pdf"
    else:
        content = word.minutes_docx(record, kind=kind, public=public)
        content_type = DOCX
    response = HttpResponse(content, content_type=content_type)
    filename = documents.minutes_filename(record, kind=kind, extension=extension)
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@cluster_view(MANAGE_BODIES, write=True)
def case_correct(
    request: RegistryRequest, cluster: Cluster, body: str, meeting: str, pk: int
) -> HttpResponse:
    """Correct a case of approved minutes: a new version of the minutes, with the reason."""
    record = meeting_or_404(body, meeting)
    case = get_object_or_404(Case, meeting=record, pk=pk)
    initial = {"discussion": case.discussion, "decision": case.decision, "dissent": case.dissent}
    form = CorrectionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            version = services.minutes_correct(case=case, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("The minutes are corrected: version %(number)s.") % {"number": version.number},
            )
            return redirect(reverse("governance:minutes_versions", kwargs=record.url_kwargs()))
    context = {
        "form": form,
        "title": _("Correct %(case)s in the approved minutes") % {"case": case.label},
        "cancel_url": record.get_absolute_url(),
    }
    return render(request, "common/form_page.html", context)


@parses_query(VersionForm)
@cluster_view(VIEW_BODIES)
def minutes_versions(
    request: RegistryRequest, cluster: Cluster, body: str, meeting: str
) -> HttpResponse:
    """The versions of approved minutes: each correction with its reason and what it
    changed; any version readable in full (`?version=2`)."""
    record = meeting_or_404(body, meeting)
    if not may_manage(request, cluster) and any(
        c.restricted for c in Case.objects.filter(meeting=record)
    ):
        # The versions are the minutes in full; restricted parts are for the secretariat.
        raise Http404
    versions = list(record.versions.select_related("created_by"))
    changes = [
        (version, versions_diff.difference(previous.text, version.text))
        for previous, version in zip(versions, versions[1:], strict=False)
    ]
    asked = VersionForm(request.GET).values()["version"]
    shown = next((v for v in versions if v.number == asked), None)
    context = {
        "meeting": record,
        "body": record.body,
        "versions": versions,
        "changes": list(reversed(changes)),
        "shown": shown,
    }
    return render(request, "governance/minutes_versions.html", context)


@cluster_view(MANAGE_BODIES, write=True)
def signers_choose(
    request: RegistryRequest, cluster: Cluster, body: str, meeting: str
) -> HttpResponse:
    """Approve the minutes by signing: choose who signs; each gets the minutes by email."""
    record = meeting_or_404(body, meeting)
    if record.minutes_locked:
        return locked_page(request, record)
    form = SignersForm(request.POST if request.method == "POST" else None, meeting=record)
    if request.method == "POST" and form.is_valid():
        try:
            services.signers_choose(
                meeting=record,
                people=list(form.cleaned_data["people"]),
                actor=request.user,
                site_url=absolute_root(request),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The minutes are sent to be signed."))
            return redirect(record.get_absolute_url())
    context = {
        "form": form,
        "title": _("Approve the minutes by signing"),
        "cancel_url": record.get_absolute_url(),
    }
    return render(request, "common/form_page.html", context)
