from django.conf import settings
from django.shortcuts import redirect


class StaffTOTPMiddleware:
    """Staff (Django admin users) must have TOTP set up before they can use the site."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.is_staff:
            # Account pages stay open: setting up TOTP may itself ask for the password again.
            allowed = ("/accounts/", "/i18n/", settings.STATIC_URL)
            if not request.path.startswith(allowed) and not _has_totp(user):
                return redirect("mfa_activate_totp")
        return self.get_response(request)


def _has_totp(user) -> bool:
    from allauth.mfa.models import Authenticator

    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
