from django.apps import AppConfig


class ClustersConfig(AppConfig):
    name = "samspill.clusters"
    label = "clusters"

    def ready(self):
        from auditlog.registry import auditlog

        from . import models, permissions  # noqa: F401 (registers the rules)

        for model in (
            models.Cluster,
            models.ClusterRole,
            models.Region,
            models.Organisation,
            models.Person,
            models.Affiliation,
            models.Node,
            models.Subgroup,
            models.Membership,
            models.Agreement,
            models.AgreementVersion,
            models.AgreementAppendix,
            models.AgreementSignature,
        ):
            auditlog.register(model)
        # Who uploaded and confirmed each import; the parsed rows are too bulky for the log.
        auditlog.register(models.ImportBatch, exclude_fields=["rows"])
        _add_menu_items()


def _add_menu_items() -> None:
    """The registry's items in the main menu; each list's item is current on its records'
    pages too (an organisation's page under Organisations), the rest under Registry."""
    from django.utils.translation import gettext_lazy as _

    from samspill.common import menu

    from .access import VIEW

    menu.add(
        menu.MenuItem("clusters:dashboard", _("Registry"), VIEW, order=10),
        menu.MenuItem(
            "clusters:organisation_list",
            _("Organisations"),
            VIEW,
            order=20,
            pages=("clusters:organisation",),
        ),
        menu.MenuItem(
            "clusters:person_list",
            _("People"),
            VIEW,
            order=30,
            pages=("clusters:person", "clusters:affiliation"),
        ),
        menu.MenuItem(
            "clusters:membership_list",
            _("Memberships"),
            VIEW,
            order=40,
            pages=("clusters:membership",),
        ),
        menu.MenuItem(
            "clusters:agreement_list",
            _("Agreements"),
            VIEW,
            order=50,
            pages=("clusters:agreement", "clusters:appendix", "clusters:signature"),
        ),
        section="clusters",
    )
