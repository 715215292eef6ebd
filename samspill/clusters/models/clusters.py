"""A cluster, what every per-cluster row inherits (ClusterScoped), roles and regions."""

from typing import Any, ClassVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager, get_scope

from samspill.common.collation import norwegian

DEFAULT_REGIONS = ["Øst", "Sør", "Vest", "Midt", "Nord"]

DOCUMENT_TYPES = FileExtensionValidator(["pdf", "docx", "odt", "doc", "xlsx", "txt"])

# Top-level paths a cluster's address must not take.
RESERVED_SLUGS = {
    "accounts",
    "admin",
    "answer",
    "api",
    "calendar",
    "i18n",
    "static",
    "media",
    "healthz",
    "poll",
    "sign",
}


def validate_cluster_slug(value: str) -> None:
    if value in RESERVED_SLUGS:
        raise ValidationError(_("This address is reserved; choose another."))


def cluster_slug(record) -> str:
    """The slug of a row's cluster, without a query when that cluster is the active scope."""
    current = get_scope().get("cluster")
    if isinstance(current, Cluster) and current.pk == record.cluster_id:
        return current.slug
    return record.cluster.slug


class Cluster(models.Model):
    """A knowledge cluster. Its address, `get_absolute_url()`, is its public home page: the
    project sets it (ABSOLUTE_URL_OVERRIDES in settings), as clusters knows no app below it."""

    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=50)
    slug = models.SlugField(
        _("address"),
        unique=True,
        validators=[validate_cluster_slug],
        help_text=_("Used in the web address."),
    )
    description = models.TextField(_("description"), blank=True)
    vision = models.TextField(_("vision"), blank=True)
    languages = models.JSONField(_("languages"), default=list, blank=True)
    logo = models.ImageField(_("logo"), upload_to="cluster-logos/", blank=True)
    is_public = models.BooleanField(_("public pages published"), default=True)
    # Raised whenever a row of the cluster changes (`freshness.py`): what was rendered from
    # its rows is kept under this number and is current while it stays the same.
    data_version = models.PositiveBigIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("cluster")
        verbose_name_plural = _("clusters")
        ordering = [norwegian("name")]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        """Save everything but `data_version`, which only `freshness` raises, in the database:
        an instance read before a change must not write an older number back."""
        if not self._state.adding:
            fields = kwargs.get("update_fields") or [
                f.attname for f in self._meta.concrete_fields if not f.primary_key
            ]
            kwargs["update_fields"] = [f for f in fields if f != "data_version"]
        super().save(*args, **kwargs)

    @property
    def language(self) -> str:
        """The cluster's first language: what its emails, and the pages they link to, speak."""
        return (self.languages or [settings.LANGUAGE_CODE])[0]


class ClusterScoped(models.Model):
    """A row that belongs to one cluster: what every per-cluster model of every app inherits.

    The cluster reaches its rows as `cluster.<model>_set` (`cluster.organisation_set`) and
    queries them as `<model>` (`Cluster.objects.filter(organisation__kind=…)`), Django's own
    names. A model with query methods of its own gives its manager its queryset (see
    Membership): `objects: ClassVar = ScopedManager(models.Manager.from_queryset(ItsQuerySet),
    cluster="cluster")`.
    """

    cluster = models.ForeignKey(
        Cluster,
        on_delete=models.CASCADE,
        related_name="%(class)s_set",
        related_query_name="%(class)s",
    )

    # A query without the cluster's scope raises ScopeError (django-scopes).
    objects = ScopedManager(cluster="cluster")

    class Meta:
        abstract = True


class DetailPage:
    """A record with a page of its own: `detail_view` takes the cluster's slug and the pk."""

    detail_view: ClassVar[str]
    pk: Any

    def get_absolute_url(self) -> str:
        return reverse(self.detail_view, kwargs={"cluster": cluster_slug(self), "pk": self.pk})


class ClusterRole(ClusterScoped):
    """A user's role in one cluster. A person can hold roles in several clusters."""

    class Role(models.TextChoices):
        SECRETARIAT = "secretariat", _("Secretariat")
        MEMBER = "member", _("Member")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="cluster_roles"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)

    class Meta:
        verbose_name = _("cluster role")
        verbose_name_plural = _("cluster roles")
        constraints = [
            models.UniqueConstraint(
                fields=["cluster", "user"], name="one_role_per_user_and_cluster"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} ({self.cluster})"


class Region(ClusterScoped):
    name = models.CharField(_("name"), max_length=100)
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        ordering = ["position", norwegian("name")]
        constraints = [
            models.UniqueConstraint(
                fields=["cluster", "name"],
                name="unique_region_name",
                violation_error_message=_("The cluster already has a region with this name."),
            )
        ]

    def __str__(self) -> str:
        return self.name
