from django.conf import settings


def site(request):
    """What every page's layout needs: the current cluster (set by cluster_view) and languages."""
    return {
        "current_cluster": getattr(request, "cluster", None),
        "site_languages": settings.LANGUAGES,
        "signup_open": settings.SAMSPILL_SIGNUP_OPEN,
    }
