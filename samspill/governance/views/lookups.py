"""What the governance views share: finding a body or meeting by its address, who may manage,
the site's address for links in emails, the page a locked meeting sends one back to."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _

from samspill.clusters.access import RegistryRequest
from samspill.clusters.models import Cluster
from samspill.common.http import HtmxHttpRequest

from ..models import (
    Body,
    Meeting,
)
from ..permissions import MANAGE_BODIES


def body_or_404(slug: str) -> Body:
    return get_object_or_404(Body, slug=slug)


def meeting_or_404(body: str, meeting: str) -> Meeting:
    return get_object_or_404(
        Meeting.objects.select_related(
            "body", "chair", "minutes_approved_in__body", "minutes_approved_in__meeting"
        ),
        body__slug=body,
        slug=meeting,
    )


def may_manage(request: RegistryRequest, cluster: Cluster) -> bool:
    return request.user.has_perm(MANAGE_BODIES, cluster)


def absolute_root(request: HtmxHttpRequest) -> str:
    return request.build_absolute_uri("/").rstrip("/")


def locked_page(request: RegistryRequest, meeting: Meeting) -> HttpResponse:
    messages.error(
        request,
        _(
            "The minutes of this meeting are approved and cannot be changed. "
            "Use “Correct” on a case to make a correction with a reason."
        ),
    )
    return redirect(meeting.get_absolute_url())
