"""`create_cluster`: an operator starts a cluster and its first secretariat gets an invitation."""

import pytest
from django.core.management import CommandError, call_command
from django_scopes import scopes_disabled

from samspill.clusters.models import Cluster, ClusterRole

pytestmark = pytest.mark.django_db


def test_create_cluster_with_regions_and_invited_secretariat(
    mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        call_command(
            "create_cluster",
            "skil",
            name="Senter for kunnskapsbasert praksis i Vestland",
            short_name="SKIL",
            region=["Vest", "Nord"],
            secretariat="Kari@Skil.example.no",
            site_url="https://samspill.example.no/",
        )
    cluster = Cluster.objects.get(slug="skil")
    with scopes_disabled():
        assert [r.name for r in cluster.region_set.order_by("position")] == ["Vest", "Nord"]
        role = ClusterRole.objects.get(cluster=cluster)
    assert role.role == ClusterRole.Role.SECRETARIAT
    assert role.user.email == "kari@skil.example.no"
    assert not role.user.has_usable_password()
    [mail] = mailoutbox
    assert mail.to == ["kari@skil.example.no"]
    assert "https://samspill.example.no/accounts/password/reset/key/" in mail.body
    assert "None" not in mail.body


def test_create_cluster_refuses_a_taken_or_reserved_address(polyfon, mailoutbox):
    for slug in ("polyfon", "api"):
        with pytest.raises(CommandError, match="slug"):
            call_command(
                "create_cluster",
                slug,
                name="Ny klynge",
                short_name="Ny",
                secretariat="ny@example.no",
                site_url="https://samspill.example.no",
            )
    assert Cluster.objects.count() == 1
    assert mailoutbox == []
