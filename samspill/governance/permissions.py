"""Who may see and run a cluster's bodies. The object of each permission is the Cluster;
which restricted cases a person sees is decided by `queries.cases_visible`."""

import rules

from samspill.clusters.permissions import is_member, is_secretariat, is_superuser

VIEW_BODIES = "governance.view_bodies"
MANAGE_BODIES = "governance.manage_bodies"

rules.add_perm(VIEW_BODIES, is_member | is_superuser)
rules.add_perm(MANAGE_BODIES, is_secretariat | is_superuser)
