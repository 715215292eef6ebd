from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.conf import settings
from django.contrib.sites.shortcuts import get_current_site
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _

from samspill.common.email import deliver_email

from . import throttle
from .models import User


class AccountAdapter(DefaultAccountAdapter):
    """Sends allauth's emails (password reset, verification) through the task worker, and
    throttles failed logins per place rather than per email address (throttle.py)."""

    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "login_throttled": _(
            "Too many failed attempts to log in to this account. Wait a while and try again, "
            "or choose a new password with “Forgot your password?”."
        ),
    }

    def is_open_for_signup(self, request: HttpRequest) -> bool:
        # Accounts are created by a cluster's secretariat unless an installation opens signup.
        return settings.SAMSPILL_SIGNUP_OPEN

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        request = allauth_context.request
        ctx = {"request": request, "email": email, "current_site": get_current_site(request)}
        ctx.update(context)
        msg = self.render_mail(template_prefix, email, ctx)
        html = next((c for c, mime in getattr(msg, "alternatives", []) if mime == "text/html"), "")
        deliver_email.enqueue(subject=msg.subject, body=msg.body, html=html, to=list(msg.to))

    def pre_authenticate(self, request: HttpRequest, **credentials: Any) -> None:
        # Replaces allauth's count per email address; allauth's authenticate() rolls the usage
        # back when the password is right.
        usage = throttle.consume_login_attempt(request, email=credentials.get("email") or "")
        if usage is None:
            raise self.validation_error("login_throttled")
        self._login_failed_rl_usage = usage

    def post_login(self, request: HttpRequest, user: User, **kwargs: Any) -> HttpResponse:
        response = super().post_login(request, user, **kwargs)
        throttle.remember_browser(request, response, email=user.email)
        return response
