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
