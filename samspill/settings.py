"""Settings for Samspill.

Everything that differs between a laptop and production is read from environment
variables; the defaults are safe for development. See docs/operations.md.
"""

import os
from pathlib import Path
from typing import Any

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    return os.environ.get(name, str(default)).lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", False)
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG and os.environ.get("SAMSPILL_REQUIRE_SECRET_KEY"):
        raise RuntimeError("DJANGO_SECRET_KEY must be set in production")
    # The prefix makes `check --deploy` refuse this key in production.
    SECRET_KEY = "django-insecure-dev-only-key-set-DJANGO_SECRET_KEY-in-production-0123456789"
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "auditlog",
    "csp",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    "template_partials",
    "rules",
    "samspill.common",
    "samspill.accounts",
    "samspill.clusters",
    "samspill.governance",
    "samspill.plans",
    "samspill.website",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "samspill.common.middleware.PrivateCacheMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "auditlog.middleware.AuditlogMiddleware",
    "samspill.accounts.middleware.StaffTOTPMiddleware",
    "samspill.clusters.middleware.SecretariatTOTPMiddleware",
    "samspill.common.middleware.HtmxMessagesMiddleware",
]

ROOT_URLCONF = "samspill.urls"
WSGI_APPLICATION = "samspill.wsgi.application"


def _cluster_url(cluster: Any) -> str:
    from django.urls import reverse  # here, not at the top: settings load before URLs can

    return reverse("website:cluster_home", kwargs={"cluster": cluster.slug})


# A cluster's address (`cluster.get_absolute_url`, "View on site" in the admin) is its
# public home page. The project says so, because the clusters app knows no app below it.
ABSOLUTE_URL_OVERRIDES = {"clusters.cluster": _cluster_url}

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "samspill" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "samspill.common.context_processors.site",
            ],
            "builtins": ["template_partials.templatetags.partials"],
        },
    }
]

# Several processes write to a SQLite file (web workers, the task worker): WAL lets readers
# on while one writes, IMMEDIATE takes the write lock when a transaction starts instead of
# failing half-way, and a writer waits up to 20 s for the lock instead of "database is locked".
SQLITE_FILE_OPTIONS = {
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
}
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=60, conn_health_checks=True
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = SQLITE_FILE_OPTIONS
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "allauth.account.auth_backends.AuthenticationBackend",
    "django.contrib.auth.backends.ModelBackend",
    "rules.permissions.ObjectPermissionBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"

# django-allauth: email is the username.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "optional"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_ADAPTER = "samspill.accounts.adapter.AccountAdapter"
SAMSPILL_SIGNUP_OPEN = env_bool("SAMSPILL_SIGNUP_OPEN", False)
# The secretariat manages personal data: like staff, they must log in with a second factor.
SAMSPILL_SECRETARIAT_2FA = env_bool("SAMSPILL_SECRETARIAT_2FA", True)
# Failed logins are counted per place, not per email address, so that someone who knows an
# address cannot lock its owner out (samspill/accounts/throttle.py). Rates as in allauth's
# ACCOUNT_RATE_LIMITS: amount/period/what is counted.
SAMSPILL_LOGIN_RATE_LIMITS = {
    # Per account and address (IP), or per account and browser where it logged in before.
    "login_failed_place": "5/15m/key",
    # Per account from anywhere new; does not apply in a browser where it logged in before.
    "login_failed_account": "20/h/key",
    # Per address, whatever the account (guessing passwords over many accounts).
    "login_failed_ip": "10/m/ip",
}
# The proxies in front of gunicorn that add the client's address to X-Forwarded-For (nginx
# as in docs/operations.md: 1). 0 when clients reach gunicorn directly.
ALLAUTH_TRUSTED_PROXY_COUNT = int(os.environ.get("SAMSPILL_TRUSTED_PROXY_COUNT", "1"))
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Samspill"
# Accept the neighbouring 30-second step too: phone clocks drift, and a code typed just as
# the step turns would otherwise be refused. Replay is still blocked (allauth marks codes used).
MFA_TOTP_TOLERANCE = 1
# Feide and ID-porten are OpenID Connect providers; configured only by environment.
SOCIALACCOUNT_PROVIDERS = {}
if os.environ.get("OIDC_CLIENT_ID"):
    SOCIALACCOUNT_PROVIDERS["openid_connect"] = {
        "APPS": [
            {
                "provider_id": os.environ.get("OIDC_PROVIDER_ID", "feide"),
                "name": os.environ.get("OIDC_PROVIDER_NAME", "Feide"),
                "client_id": os.environ["OIDC_CLIENT_ID"],
                "secret": os.environ.get("OIDC_CLIENT_SECRET", ""),
                "settings": {"server_url": os.environ.get("OIDC_SERVER_URL", "")},
            }
        ]
    }

LANGUAGE_CODE = "nb"
LANGUAGES = [("nb", _("Norwegian Bokmål")), ("nn", _("Norwegian Nynorsk")), ("en", _("English"))]
# locale_allauth holds nynorsk for allauth's pages, which allauth itself does not ship.
LOCALE_PATHS = [BASE_DIR / "samspill" / "locale", BASE_DIR / "samspill" / "locale_allauth"]
FORMAT_MODULE_PATH = ["samspill.formats"]
TIME_ZONE = "Europe/Oslo"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("SAMSPILL_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "samspill" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("SAMSPILL_MEDIA_ROOT", BASE_DIR / "media"))
STORAGES: dict[str, dict[str, Any]] = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
if os.environ.get("SAMSPILL_S3_BUCKET"):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["SAMSPILL_S3_BUCKET"],
            "endpoint_url": os.environ.get("SAMSPILL_S3_ENDPOINT_URL"),
        },
    }
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

TASKS = {
    "default": {
        "BACKEND": os.environ.get("SAMSPILL_TASK_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}

EMAIL_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Samspill <samspill@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Sessions in the database keep web processes stateless; a shared cache can take over.
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", False)
# Preloading HSTS is a commitment for the whole domain that only its owner can make.
SILENCED_SYSTEM_CHECKS = ["security.W021"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

AUDITLOG_INCLUDE_ALL_MODELS = False
AUDITLOG_DISABLE_REMOTE_ADDR = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("SAMSPILL_LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        # WeasyPrint tells every step of every PDF at INFO.
        "weasyprint.progress": {"level": "WARNING"},
    },
}
