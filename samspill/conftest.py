"""Personas and clusters shared by the app tests."""

import pytest
from django.test import Client

from samspill.accounts.tests.factories import UserFactory
from samspill.clusters.models import ClusterRole
from samspill.clusters.services import role_grant
from samspill.clusters.tests.factories import make_cluster


@pytest.fixture(autouse=True)
def _secretariat_2fa_off(settings):
    """Tests log in as secretariat without TOTP; the root conftest.py turns the rule off for
    the browser tests too. Tests of the rule use `secretariat_2fa`."""
    settings.SAMSPILL_SECRETARIAT_2FA = False


@pytest.fixture
def secretariat_2fa(settings):
    """Secretariat users must log in with TOTP, as in production."""
    settings.SAMSPILL_SECRETARIAT_2FA = True


@pytest.fixture
def polyfon(db):
    return make_cluster("polyfon", "Polyfon kunnskapsklynge")


@pytest.fixture
def alrek(db):
    return make_cluster("alrek", "Alrek helseklynge")


def _user_with_role(cluster, role):
    user = UserFactory()
    role_grant(cluster=cluster, user=user, role=role, actor=None)
    return user


@pytest.fixture
def secretariat(polyfon):
    return _user_with_role(polyfon, ClusterRole.Role.SECRETARIAT)


@pytest.fixture
def member(polyfon):
    return _user_with_role(polyfon, ClusterRole.Role.MEMBER)


@pytest.fixture
def outsider(alrek):
    """Alrek's secretariat: sees of Polyfon only what the public sees."""
    return _user_with_role(alrek, ClusterRole.Role.SECRETARIAT)


def client_for(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def secretariat_client(secretariat):
    return client_for(secretariat)
