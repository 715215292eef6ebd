import logging

from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.template import loader
from django.urls import include, path
from django.utils import translation

from samspill.api import api
from samspill.governance.views import links as governance_links
from samspill.website import views as website_views

# Admin login goes through allauth, so staff TOTP applies there too.
admin.site.login = secure_admin_login(admin.site.login)  # type: ignore[method-assign]


def healthz(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")


# The last resort when even the 500 page fails: no template, no translation, no database.
PLAIN_SERVER_ERROR = """<!DOCTYPE html>
<html lang="nb"><head><meta charset="utf-8"><title>Feil – Samspill</title></head>
<body><h1>Noe gikk galt</h1><p>Det oppstod en feil hos oss. Prøv igjen om litt.</p>
<p lang="en">Something went wrong on our side. Please try again in a little while.</p>
<p><a href="/">Samspill</a></p></body></html>
"""


def server_error(request: HttpRequest) -> HttpResponse:
    """The 500 page in the visitor's language, rendered without the request (no database)."""
    body: str
    try:
        with translation.override(translation.get_language_from_request(request)):
            body = loader.render_to_string("500.html")
    except Exception:
        logging.getLogger(__name__).exception("The 500 page could not be rendered")
        body = PLAIN_SERVER_ERROR
    return HttpResponseServerError(body)


# 400, 403 and 404 use Django's handlers, which render 400.html, 403.html and 404.html.
handler500 = server_error


urlpatterns = [
    path("", website_views.home, name="home"),
    path("healthz", healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    # A member's answer to a notice, by the signed link in their email: no cluster, no login.
    path("answer/<str:token>/", governance_links.answer, name="answer"),
    path("sign/<str:token>/", governance_links.sign, name="sign"),
    path("poll/<str:token>/", governance_links.poll, name="poll"),
    path("circulation/<str:token>/", governance_links.circulation, name="circulation"),
    # A person's or a body's meetings for a calendar app, which cannot log in: signed instead.
    path("calendar/<str:token>.ics", governance_links.calendar_feed, name="calendar_feed"),
    path("<slug:cluster>/", include("samspill.website.urls")),
    path("<slug:cluster>/", include("samspill.clusters.urls")),
    path("<slug:cluster>/", include("samspill.governance.urls")),
    path("<slug:cluster>/", include("samspill.plans.urls")),
]
# Public media (cluster logos) in development; agreement documents go through permission-checked
# views, and production serves /media/ from the proxy or object store.
urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
