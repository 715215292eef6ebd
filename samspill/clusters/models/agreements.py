"""The cluster agreement and collaboration agreements: versions, appendices, signatures."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from samspill.common.collation import norwegian

from .clusters import DOCUMENT_TYPES, Cluster, ClusterScoped, DetailPage
from .participants import Organisation


class Agreement(DetailPage, ClusterScoped):
    """The cluster agreement (klyngeavtale) or a collaboration agreement with another party."""

    detail_view = "clusters:agreement_detail"

    class Kind(models.TextChoices):
        CLUSTER_AGREEMENT = "cluster", _("Cluster agreement")
        COLLABORATION = "collaboration", _("Collaboration agreement")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    counterpart_cluster = models.ForeignKey(
        Cluster,
        verbose_name=_("other cluster"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    counterpart_name = models.CharField(
        _("other party"),
        max_length=200,
        blank=True,
        help_text=_(
            "For a collaboration agreement: the organisation or cluster on the other side."
        ),
    )
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        ordering = ["kind", norwegian("title")]

    def __str__(self) -> str:
        return self.title

    @property
    def counterpart(self) -> str:
        return str(self.counterpart_cluster or self.counterpart_name)


class AgreementVersion(ClusterScoped):
    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="versions")
    label = models.CharField(_("version"), max_length=50, help_text=_("For example “2026”."))
    effective_from = models.DateField(_("in force from"))
    document = models.FileField(
        _("document"), upload_to="agreements/", blank=True, validators=[DOCUMENT_TYPES]
    )
    decided_in = models.CharField(
        _("decided in"), max_length=200, blank=True, help_text=_("For example “sak 21/22”.")
    )

    class Meta:
        verbose_name = _("agreement version")
        verbose_name_plural = _("agreement versions")
        ordering = ["-effective_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "label"],
                name="unique_agreement_version",
                violation_error_message=_("The agreement already has a version with this name."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.agreement} {self.label}"


class AgreementAppendix(ClusterScoped):
    version = models.ForeignKey(
        AgreementVersion, on_delete=models.CASCADE, related_name="appendices"
    )
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=200)
    document = models.FileField(
        _("document"), upload_to="agreements/", blank=True, validators=[DOCUMENT_TYPES]
    )

    class Meta:
        verbose_name = _("appendix")
        verbose_name_plural = _("appendices")
        ordering = ["number"]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


class AgreementSignature(ClusterScoped):
    version = models.ForeignKey(
        AgreementVersion, on_delete=models.CASCADE, related_name="signatures"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="signatures",
    )
    signed_on = models.DateField(_("signed"))

    class Meta:
        verbose_name = _("signature")
        verbose_name_plural = _("signatures")
        ordering = [norwegian("organisation__name")]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "organisation"],
                name="sign_version_once",
                violation_error_message=_("This organisation has already signed this version."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} – {self.version}"
