from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect
from django.urls import reverse
from django_htmx.http import HttpResponseClientRedirect

from .models import User


class StaffTOTPMiddleware:
    """Staff (Django admin users) must have TOTP set up before they can use the site."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.is_staff:
            if not totp_exempt(request) and not _has_totp(user):
                return redirect_to_totp_setup(request)
        return self.get_response(request)


def totp_exempt(request: HttpRequest) -> bool:
    """Pages open to someone who must set up TOTP first.

    Account pages stay open: setting up TOTP may itself ask for the password again.
    """
    return request.path.startswith(("/accounts/", "/i18n/", settings.STATIC_URL))


def redirect_to_totp_setup(request: HttpRequest) -> HttpResponse:
    if getattr(request, "htmx", False):
        # A fragment would otherwise receive the setup page: reload the whole page there.
        return HttpResponseClientRedirect(reverse("mfa_activate_totp"))
    return redirect("mfa_activate_totp")


def _has_totp(user: User) -> bool:
    from allauth.mfa.models import Authenticator

    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
