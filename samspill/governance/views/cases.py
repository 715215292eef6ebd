"""Cases: adding and writing them (saved as they are typed), withdrawing them, sending them
on to another body, and who is disqualified for them."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from samspill.clusters.access import RegistryRequest, cluster_view
from samspill.clusters.models import Cluster
from samspill.common.views import add_service_error, form_page

from .. import services
from ..forms import (
    AutosaveForm,
    CaseForm,
    DisqualificationForm,
    SendOnForm,
)
from ..models import (
    Case,
    Disqualification,
)
from ..permissions import MANAGE_BODIES
from .lookups import locked_page, meeting_or_404


@cluster_view(MANAGE_BODIES, write=True)
def case_create(
    request: RegistryRequest, cluster: Cluster, body: str, meeting: str
) -> HttpResponse:
    record = meeting_or_404(body, meeting)
    if record.minutes_locked:
        return locked_page(request, record)
    form = CaseForm(
        request.POST if request.method == "POST" else None,
        instance=Case(cluster=cluster),
        cluster=cluster,
        meeting=record,
    )
    if request.method == "POST" and form.is_valid():
        fields = {
            k: v
            for k, v in form.cleaned_data.items()
            if k not in ("title", "kind", "position", "revision")
        }
        services.case_add(
            meeting=record,
            title=form.cleaned_data["title"],
            kind=form.cleaned_data["kind"],
            actor=request.user,
            **fields,
        )
        messages.success(request, _("The case is added to the agenda."))
        return redirect(record.get_absolute_url())
    context = {
        "form": form,
        "title": _("New case for %(meeting)s") % {"meeting": record},
        "cancel_url": record.get_absolute_url(),
    }
    return render(request, "common/form_page.html", context)


@cluster_view(MANAGE_BODIES, write=True)
def case_edit(
    request: RegistryRequest, cluster: Cluster, body: str, meeting: str, pk: int
) -> HttpResponse:
    """Write a case (agenda or minutes). The texts of the minutes are saved as they are typed
    (`case_autosave`); someone else's change meanwhile is shown beside one's own text."""
    record = meeting_or_404(body, meeting)
    case = get_object_or_404(Case, meeting=record, pk=pk)
    if record.minutes_locked:
        return locked_page(request, record)
    form = CaseForm(
        request.POST if request.method == "POST" else None,
        instance=case,
        cluster=cluster,
        meeting=record,
    )
    theirs = None
    if request.method == "POST" and form.is_valid():
        try:
            services.case_save(
                case=form.instance, actor=request.user, revision=form.cleaned_data["revision"]
            )
        except services.EditConflict as conflict:
            theirs = conflict.current
            # Saving again keeps this text over theirs, knowingly.
            data = request.POST.copy()
            data["revision"] = str(theirs.revision)
            form.data = data
            form.add_error(None, _("Someone else saved this case while you were writing."))
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The case is saved."))
            return redirect(f"{record.get_absolute_url()}#case-{case.pk}")
    context = {
        "title": case.label,
        "cancel_url": f"{record.get_absolute_url()}#case-{case.pk}",
        "form": form,
        "case": case,
        "theirs": [(form[f].label, getattr(theirs, f)) for f in services.MINUTES_FIELDS]
        if theirs
        else None,
    }
    return render(request, "governance/case_form.html", context, status=409 if theirs else 200)


@cluster_view(MANAGE_BODIES, write=True)
def case_autosave(
    request: RegistryRequest, cluster: Cluster, body: str, meeting: str, pk: int
) -> HttpResponse:
    """Save the minutes' texts of a case as they are typed (POST, from the case's page):
    JSON with the new revision, or 409 with the other editor's texts, or 423 when locked."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    record = meeting_or_404(body, meeting)
    case = get_object_or_404(Case, meeting=record, pk=pk)
    form = AutosaveForm(request.POST)
    if not form.is_valid():
        return JsonResponse({"message": _("The text could not be saved.")}, status=400)
    texts = {f: form.cleaned_data[f] for f in services.MINUTES_FIELDS if f in request.POST}
    try:
        saved = services.minutes_autosave(
            case=case, texts=texts, revision=form.cleaned_data["revision"], actor=request.user
        )
    except services.MinutesLocked:
        message = _("The minutes are approved: the text can no longer be changed.")
        return JsonResponse({"message": message}, status=423)
    except services.EditConflict as conflict:
        current = conflict.current
        return JsonResponse(
            {
                "message": _(
                    "Someone else saved this case while you were writing. Your text is "
                    "kept here; theirs is shown below."
                ),
                "revision": current.revision,
                "theirs": {f: getattr(current, f) for f in services.MINUTES_FIELDS},
            },
            status=409,
        )
    except ValidationError as error:
        return JsonResponse({"message": " ".join(error.messages)}, status=400)
    at = timezone.localtime().strftime("%H:%M:%S")
    return JsonResponse({"revision": saved.revision, "message": _("Saved %(time)s") % {"time": at}})


@cluster_view(MANAGE_BODIES, write=True)
def disqualifications(
    request: RegistryRequest, cluster: Cluster, body: str, meeting: str, pk: int
) -> HttpResponse:
    """Who is disqualified (*inhabil*) for a case, and recording one more."""
    record = meeting_or_404(body, meeting)
    case = get_object_or_404(Case.objects.select_related("body"), meeting=record, pk=pk)
    if record.minutes_locked:
        return locked_page(request, record)
    form = DisqualificationForm(
        request.POST if request.method == "POST" else None,
        instance=Disqualification(cluster=cluster, case=case),
        cluster=cluster,
        case=case,
    )
    return form_page(
        request,
        form=form,
        save=lambda f: services.disqualification_add(
            disqualification=f.instance, actor=request.user
        ),
        template="governance/disqualifications.html",
        context={
            "case": case,
            "meeting": record,
            "disqualified": list(case.disqualifications.select_related("person")),
        },
        success_message=_("The disqualification is recorded."),
        success_url=lambda saved: request.path,
    )


@cluster_view(MANAGE_BODIES, write=True)
def disqualification_remove(
    request: RegistryRequest, cluster: Cluster, body: str, meeting: str, pk: int, person: int
) -> HttpResponse:
    record = meeting_or_404(body, meeting)
    found = get_object_or_404(
        Disqualification.objects.select_related("case"),
        case__meeting=record,
        case=pk,
        person=person,
    )
    back = redirect(reverse("governance:disqualifications", kwargs=found.case.url_kwargs()))
    if request.method != "POST":
        context = {
            "question": _("Remove the disqualification of %(name)s?") % {"name": found.person},
            "consequence": _("They take part in %(case)s again.") % {"case": found.case.label},
            "action": _("Remove"),
            "cancel_url": back.url,
        }
        return render(request, "governance/confirm.html", context)
    try:
        services.disqualification_remove(disqualification=found, actor=request.user)
    except services.MinutesLocked:
        return locked_page(request, record)
    messages.success(request, _("The disqualification is removed."))
    return back


@cluster_view(MANAGE_BODIES, write=True)
def case_send_on(
    request: RegistryRequest, cluster: Cluster, body: str, meeting: str, pk: int
) -> HttpResponse:
    """Send a case on to a coming meeting of another body; the case keeps its own record."""
    record = meeting_or_404(body, meeting)
    case = get_object_or_404(Case.objects.select_related("body"), meeting=record, pk=pk)
    form = SendOnForm(request.POST if request.method == "POST" else None, case=case)
    return form_page(
        request,
        form=form,
        save=lambda f: services.case_send_on(
            case=case, meeting=f.cleaned_data["meeting"], actor=request.user
        ),
        template="common/form_page.html",
        context={
            "title": _("Send %(case)s on to another body") % {"case": case},
            "cancel_url": f"{record.get_absolute_url()}#case-{case.pk}",
            "submit": _("Send on"),
            "intro": ""
            if form.fields["meeting"].queryset.exists()  # type: ignore[attr-defined]
            else _("No other body has a meeting planned: plan one first, then send the case."),
        },
        success_message=_("The case is on the other body's agenda."),
        success_url=lambda sent: f"{sent.meeting.get_absolute_url()}#case-{sent.pk}",
    )


@cluster_view(MANAGE_BODIES, write=True)
def case_withdraw(
    request: RegistryRequest, cluster: Cluster, body: str, meeting: str, pk: int
) -> HttpResponse:
    record = meeting_or_404(body, meeting)
    case = get_object_or_404(Case, meeting=record, pk=pk)
    if record.minutes_locked:
        return locked_page(request, record)
    if request.method == "POST":
        services.case_withdraw(case=case, actor=request.user)
        messages.success(
            request,
            _("%(case)s is withdrawn; its number is not used again.") % {"case": case.label},
        )
        return redirect(record.get_absolute_url())
    context = {
        "question": _("Withdraw %(case)s?") % {"case": case},
        "consequence": _("The case keeps its number, which is never given to another case."),
        "action": _("Withdraw the case"),
        "cancel_url": record.get_absolute_url(),
    }
    return render(request, "governance/confirm.html", context)
