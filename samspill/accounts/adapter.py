from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.conf import settings
from django.contrib.sites.shortcuts import get_current_site

from samspill.common.email import deliver_email


class AccountAdapter(DefaultAccountAdapter):
    """Sends allauth's emails (password reset, verification) through the task worker."""

    def is_open_for_signup(self, request) -> bool:
        # Accounts are created by a cluster's secretariat unless an installation opens signup.
        return settings.SAMSPILL_SIGNUP_OPEN

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        request = allauth_context.request
        ctx = {"request": request, "email": email, "current_site": get_current_site(request)}
        ctx.update(context)
        msg = self.render_mail(template_prefix, email, ctx)
        html = next((c for c, mime in getattr(msg, "alternatives", []) if mime == "text/html"), "")
        deliver_email.enqueue(subject=msg.subject, body=msg.body, html=html, to=list(msg.to))
