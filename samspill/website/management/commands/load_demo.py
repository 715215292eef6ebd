from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from django_scopes import scopes_disabled

from samspill.clusters import demo as registry_demo
from samspill.clusters.models import Cluster, ClusterRole
from samspill.clusters.services import role_grant
from samspill.governance import demo as governance_demo
from samspill.plans import demo as plans_demo

DEMO_PASSWORD = "samspill-demo"
DEMO_USERS = [
    # email, name, {cluster slug: role}
    ("sekretariat@polyfon.example.no", "Sara Sekretær", {"polyfon": ClusterRole.Role.SECRETARIAT}),
    ("medlem@polyfon.example.no", "Magnus Medlem", {"polyfon": ClusterRole.Role.MEMBER}),
    ("sekretariat@alrek.example.no", "Astrid Alrek", {"alrek": ClusterRole.Role.SECRETARIAT}),
]


class Command(BaseCommand):
    help = "Load the demo clusters Polyfon and Alrek helseklynge with demo users."

    def add_arguments(self, parser):
        parser.add_argument("--reset", action="store_true", help="Delete the demo clusters first.")

    @transaction.atomic
    def handle(self, *args, reset=False, **options):
        User = get_user_model()
        with scopes_disabled():
            if reset:
                _delete_clusters(Cluster.objects.filter(slug__in=["polyfon", "alrek"]))
            if Cluster.objects.filter(slug="polyfon").exists():
                self.stdout.write("The demo is already loaded (use --reset to load it again).")
                return
            system = User.objects.filter(is_superuser=True).first()
            polyfon, alrek = registry_demo.load(actor=system)
            governance_demo.load(polyfon=polyfon, alrek=alrek, actor=system)
            plans_demo.load(polyfon=polyfon, actor=system)
            clusters = {"polyfon": polyfon, "alrek": alrek}
            for email, name, roles in DEMO_USERS:
                user, created = User.objects.get_or_create(email=email, defaults={"name": name})
                if created:
                    user.set_password(DEMO_PASSWORD)
                    user.save()
                for slug, role in roles.items():
                    role_grant(cluster=clusters[slug], user=user, role=role, actor=system)
        self.stdout.write(self.style.SUCCESS("Demo loaded."))


def _delete_clusters(clusters) -> None:
    """Registry rows protect each other, so they go in order: dependants first."""
    from samspill.clusters import models
    from samspill.governance import models as governance
    from samspill.plans import models as plans

    # Plans first: an adopted version protects the case that adopted it. Then governance:
    # its rows protect people and organisations. A deleted case sets minutes_approved_in,
    # decided_by and follows_up that point to it to null.
    for model in (
        plans.Measure,
        plans.Chapter,
        plans.PlanVersion,
        plans.ActionPlan,
        plans.Strategy,
        governance.DatePollVote,
        governance.DatePollSlot,
        governance.DatePoll,
        governance.FollowUp,
        governance.MinutesSigner,
        governance.MinutesVersion,
        governance.CirculationReply,
        governance.Circulation,
        governance.Disqualification,
        governance.Attendance,
        governance.CaseItem,
        governance.Case,
        governance.Meeting,
        governance.Appointment,
        governance.CaseSequence,
        governance.MandateVersion,
        governance.Body,
        models.AgreementSignature,
        models.AgreementAppendix,
        models.AgreementVersion,
        models.Agreement,
        models.Membership,
        models.Affiliation,
        models.Node,
        models.Subgroup,
        models.Person,
    ):
        model.objects.filter(cluster__in=clusters).delete()
    units = models.Organisation.objects.filter(cluster__in=clusters, parent__isnull=False)
    units.delete()
    models.Organisation.objects.filter(cluster__in=clusters).delete()
    clusters.delete()
