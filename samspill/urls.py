from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.http import HttpResponse
from django.urls import include, path

from samspill.api import api
from samspill.website import views as website_views

# Admin login goes through allauth, so staff TOTP applies there too.
admin.site.login = secure_admin_login(admin.site.login)  # type: ignore[method-assign]


def healthz(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [
    path("", website_views.home, name="home"),
    path("healthz", healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    path("<slug:cluster>/", include("samspill.website.urls")),
    path("<slug:cluster>/", include("samspill.clusters.urls")),
]
# Public media (cluster logos) in development; agreement documents go through permission-checked
# views, and production serves /media/ from the proxy or object store.
urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
