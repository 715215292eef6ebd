"""Create a cluster with its regions and invite its first secretariat, from the command line.

After this the secretariat runs the cluster in the browser, giving others access itself.
"""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from samspill.clusters.models import ClusterRole
from samspill.clusters.services import cluster_create, role_invite


class Command(BaseCommand):
    help = "Create a cluster and invite its first secretariat by email."

    def add_arguments(self, parser):
        parser.add_argument("slug", help="The cluster's address: https://…/<slug>/")
        parser.add_argument("--name", required=True, help="Full name of the cluster.")
        parser.add_argument("--short-name", required=True, help="Short name, e.g. Polyfon.")
        parser.add_argument(
            "--region",
            action="append",
            dest="regions",
            help="A region in use (repeat); default Øst, Sør, Vest, Midt, Nord.",
        )
        parser.add_argument("--secretariat", required=True, help="Email of the first secretariat.")
        parser.add_argument("--secretariat-name", default="", help="Their name.")
        parser.add_argument(
            "--site-url",
            required=True,
            help="The installation's address, for the link in the invitation, "
            "e.g. https://samspill.example.no",
        )
        parser.add_argument(
            "--private", action="store_true", help="Do not publish the public pages yet."
        )

    def handle(self, *args, **options):
        try:
            with transaction.atomic():
                cluster = cluster_create(
                    name=options["name"],
                    short_name=options["short_name"],
                    slug=options["slug"],
                    regions=options["regions"],
                    is_public=not options["private"],
                    actor=None,
                )
                role_invite(
                    cluster=cluster,
                    email=options["secretariat"],
                    name=options["secretariat_name"],
                    role=ClusterRole.Role.SECRETARIAT,
                    actor=None,
                    site_url=options["site_url"],
                )
        except ValidationError as error:
            raise CommandError(
                "\n".join(
                    f"{field}: {message}"
                    for field, messages in error.message_dict.items()
                    for message in messages
                )
            ) from error
        self.stdout.write(
            f"Created {cluster.name} at /{cluster.slug}/; "
            f"the invitation to {options['secretariat']} is queued for the task worker."
        )
