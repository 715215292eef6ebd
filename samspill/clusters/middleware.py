"""Two-factor login for the secretariat, who manage the personal data of a cluster's people."""

from collections.abc import Callable

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.db.models import Exists, OuterRef
from django.http import HttpRequest, HttpResponseBase

from samspill.accounts.middleware import redirect_to_totp_setup, totp_exempt

from .models import ClusterRole
from .permissions import remember_roles


class SecretariatTOTPMiddleware:
    """Whoever is secretariat of any cluster must set up TOTP before using the site.

    On with the setting SAMSPILL_SECRETARIAT_2FA. Staff are left to StaffTOTPMiddleware. The
    one query it makes reads the user's roles too, which the permission checks then reuse.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        user = getattr(request, "user", None)
        if (
            settings.SAMSPILL_SECRETARIAT_2FA
            and user is not None
            and user.is_authenticated
            and not user.is_staff
            and not totp_exempt(request)
            and _secretariat_without_totp(user)
        ):
            return redirect_to_totp_setup(request)
        return self.get_response(request)


def _secretariat_without_totp(user) -> bool:
    has_totp = Authenticator.objects.filter(
        user_id=OuterRef("user_id"), type=Authenticator.Type.TOTP
    )
    rows = list(
        ClusterRole.objects.with_scopes_disabled()
        .filter(user_id=user.pk)
        .annotate(has_totp=Exists(has_totp))
        .values_list("cluster_id", "role", "has_totp")
    )
    remember_roles(user, {cluster_id: role for cluster_id, role, _ in rows})
    return any(role == ClusterRole.Role.SECRETARIAT and not totp for _, role, totp in rows)
