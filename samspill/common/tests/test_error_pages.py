"""Error pages in the site's look and the visitor's language, as production sends them.

The pages' own sentences are new to the catalogues until the translator has been; the tests
therefore check the language through the layout's words that are translated already, and the
page's heading against whatever the catalogue says for it.
"""

import pytest
from allauth.core.ratelimit import respond_429
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.test import Client, RequestFactory, override_settings
from django.urls import path
from django.utils import translation

import samspill.urls
from samspill.urls import server_error


def _bad_request(request):
    raise SuspiciousOperation("a test of the 400 page")


def _forbidden(request):
    raise PermissionDenied


def _too_many(request):
    return respond_429(request)


def _broken(request):
    raise RuntimeError("a test of the 500 page")


# The test URL configuration: the site's, and a page for each error.
urlpatterns = [
    path("test-errors/400/", _bad_request),
    path("test-errors/403/", _forbidden),
    path("test-errors/429/", _too_many),
    path("test-errors/500/", _broken),
    *samspill.urls.urlpatterns,
]
handler500 = samspill.urls.handler500

URLS = {
    400: "/test-errors/400/",
    403: "/test-errors/403/",
    404: "/finnes-ikke/heller-ikke/",
    429: "/test-errors/429/",
    500: "/test-errors/500/",
}
HEADINGS = {
    400: "The request could not be understood",
    403: "You do not have access to this page",
    404: "Page not found",
    429: "Too many attempts",
    500: "Something went wrong",
}
# Words of the layout that the catalogues already translate.
SKIP_LINK = {"nb": "Hopp til hovedinnhold", "en": "Skip to main content"}


def _client(language: str, via: str) -> Client:
    client = Client(raise_request_exception=False)
    if via == "cookie":
        client.cookies["django_language"] = language
        # The cookie wins over what the browser asks for.
        client.defaults["HTTP_ACCEPT_LANGUAGE"] = "nb" if language == "en" else "en"
    elif via == "header":
        client.defaults["HTTP_ACCEPT_LANGUAGE"] = language
    return client


@pytest.mark.django_db
@override_settings(DEBUG=False, ROOT_URLCONF=__name__)
@pytest.mark.parametrize("status", sorted(URLS))
@pytest.mark.parametrize(
    ("language", "via"), [("nb", "default"), ("en", "header"), ("en", "cookie"), ("nb", "cookie")]
)
def test_error_page_is_in_the_sites_look_and_the_visitors_language(status, language, via):
    response = _client(language, via).get(URLS[status])

    assert response.status_code == status
    page = response.content.decode()
    assert f'<html lang="{language}"' in page
    assert SKIP_LINK[language] in page
    with translation.override(language):
        assert translation.gettext(HEADINGS[status]) in page
    assert 'href="/static/css/samspill.css"' in page
    assert 'href="/"' in page, "a link to the front page"


@pytest.mark.django_db
@override_settings(DEBUG=False)
def test_page_of_an_unknown_cluster_is_the_sites_404(db):
    response = Client().get("/ukjent-klynge/registry/")

    assert response.status_code == 404
    assert '<html lang="nb"' in response.content.decode()


@override_settings(DEBUG=False)
def test_500_page_needs_no_database():
    request = RequestFactory().get("/", HTTP_ACCEPT_LANGUAGE="en")

    response = server_error(request)  # without the django_db mark, a query would fail

    assert response.status_code == 500
    assert '<html lang="en"' in response.content.decode()


@override_settings(DEBUG=False)
def test_500_page_falls_back_to_a_plain_page_when_it_cannot_be_rendered(monkeypatch):
    def fail(*args, **kwargs):
        raise ValueError("Missing staticfiles manifest entry")

    monkeypatch.setattr(samspill.urls.loader, "render_to_string", fail)

    response = server_error(RequestFactory().get("/"))

    assert response.status_code == 500
    assert "Noe gikk galt" in response.content.decode()
    assert "Something went wrong" in response.content.decode()


@pytest.mark.django_db
@override_settings(DEBUG=False)
def test_form_sent_without_a_valid_csrf_token_gets_the_sites_403():
    client = Client(enforce_csrf_checks=True, HTTP_ACCEPT_LANGUAGE="en")

    response = client.post("/i18n/setlang/", {"language": "nb", "next": "/"})

    assert response.status_code == 403
    page = response.content.decode()
    assert '<html lang="en"' in page
    assert "The form could not be sent" in page
