"""Who may read and roll a cluster's plans. The object of each permission is the Cluster.
The adopted plan is public anyway (the website app shows it); drafts are for members."""

import rules

from samspill.clusters.permissions import is_member, is_secretariat, is_superuser

VIEW_PLANS = "plans.view_plans"
MANAGE_PLANS = "plans.manage_plans"

rules.add_perm(VIEW_PLANS, is_member | is_superuser)
rules.add_perm(MANAGE_PLANS, is_secretariat | is_superuser)
