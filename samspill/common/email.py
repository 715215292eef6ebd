"""The one way email leaves Samspill: rendered from templates/email/<name>/, sent by the worker."""

import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django_tasks import task

logger = logging.getLogger(__name__)


@task()
def deliver_email(*, subject: str, body: str, to: list[str], html: str = "") -> int:
    message = EmailMultiAlternatives(
        subject=subject.strip(), body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=to
    )
    if html:
        message.attach_alternative(html, "text/html")
    sent = message.send()
    logger.info("email %r sent to %d recipient(s)", subject, len(to))
    return sent


def send_templated_email(*, name: str, to: list[str], context: dict) -> None:
    """Render templates/email/<name>/{subject.txt,body.txt,body.html} and queue delivery."""
    subject = render_to_string(f"email/{name}/subject.txt", context).strip()
    body = render_to_string(f"email/{name}/body.txt", context)
    html = render_to_string(f"email/{name}/body.html", context)
    deliver_email.enqueue(subject=subject, body=body, to=to, html=html)
