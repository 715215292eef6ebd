"""Importing a plan from a Word document or from text (such as text from a scanned PDF).

Nothing is saved until the secretariat confirms. Text goes through three steps on one page:
the letter repairs proposed for it, each shown and approved one by one; the chapters and
measures found, read from the text with the approved repairs; and the text itself, which can
be corrected and previewed again. A Word document's outline is kept signed between the
preview and the confirmation."""

import dataclasses
import json

from django.contrib import messages
from django.core import signing
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from samspill.clusters.access import RegistryRequest, cluster_view
from samspill.clusters.models import Cluster
from samspill.common.views import add_service_error

from .. import services
from ..forms import ImportForm
from ..imports import apply_repairs, parse_plan_docx, parse_plan_text, propose_repairs
from ..outline import PlanOutline, outline_from_dict
from ..permissions import MANAGE_PLANS

SALT = "samspill.plans.import"


@cluster_view(MANAGE_PLANS, write=True)
def plan_import(request: RegistryRequest, cluster: Cluster) -> HttpResponse:
    form = ImportForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
        cluster=cluster,
    )
    context: dict = {"form": form}
    if request.method == "POST" and form.is_valid():
        outline, preview = _read(request, form)
        context.update(preview)
        if outline is not None and "confirm" in request.POST and not outline.chapters:
            form.add_error(None, _("No chapters were found: there is nothing to save."))
        elif outline is not None and "confirm" in request.POST:
            try:
                version = services.version_create_from_outline(
                    plan=form.cleaned_data["plan"],
                    outline=outline,
                    year=form.cleaned_data["year"],
                    actor=request.user,
                )
            except ValidationError as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("The plan is imported as a draft."))
                return redirect(version.get_absolute_url())
    return render(request, "plans/plan_import.html", context)


def _read(request: RegistryRequest, form: ImportForm) -> tuple[PlanOutline | None, dict]:
    """The outline to show (and save), with what the page shows about it."""
    upload = form.cleaned_data.get("file")
    if upload is not None and upload.name.lower().endswith(".docx"):
        parsed = parse_plan_docx(upload.read())
        signed = signing.dumps(dataclasses.asdict(parsed.outline), salt=SALT, compress=True)
        return parsed.outline, {"parsed": parsed, "signed_outline": signed}
    if "outline" in request.POST and upload is None:
        try:
            data = signing.loads(request.POST["outline"], salt=SALT)
            outline = outline_from_dict(data)
        except (signing.BadSignature, TypeError, ValueError, json.JSONDecodeError):
            form.add_error("file", _("Upload the file again."))
            return None, {}
        return outline, {"signed_outline": request.POST["outline"], "outline_only": outline}
    if upload is not None:
        text = upload.read().decode("utf-8", errors="replace")
        data = request.POST.copy()
        data["text"] = text  # from here on, the text is corrected in the form
        form.data = data
    else:
        text = form.cleaned_data["text"]
    text = text.replace("\x00", "")
    repairs = propose_repairs(text)
    first_look = "repairs_shown" not in request.POST
    chosen = {r.key for r in repairs} if first_look else set(request.POST.getlist("repair"))
    parsed = parse_plan_text(apply_repairs(text, [r for r in repairs if r.key in chosen]))
    lines = text.splitlines()
    shown = [(r, lines[r.line] if r.line < len(lines) else "", r.key in chosen) for r in repairs]
    return parsed.outline, {"parsed": parsed, "repairs": shown}
