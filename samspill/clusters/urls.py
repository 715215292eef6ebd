from django.urls import path

from . import views

app_name = "clusters"

urlpatterns = [
    path("registry/", views.dashboard, name="dashboard"),
    path("registry/balance/", views.balance, name="balance"),
    path("registry/settings/", views.cluster_edit, name="cluster_edit"),
    path("registry/access/", views.role_list, name="role_list"),
    path("registry/access/<int:pk>/remove/", views.role_remove, name="role_remove"),
    path("registry/access/<int:pk>/role/", views.role_change, name="role_change"),
    path("organisations/", views.organisation_list, name="organisation_list"),
    path("organisations/new/", views.organisation_create, name="organisation_create"),
    path(
        "organisations/duplicates/", views.organisation_duplicates, name="organisation_duplicates"
    ),
    path("organisations/<int:pk>/", views.organisation_detail, name="organisation_detail"),
    path("organisations/<int:pk>/edit/", views.organisation_edit, name="organisation_edit"),
    path("organisations/<int:pk>/delete/", views.organisation_delete, name="organisation_delete"),
    path("people/", views.person_list, name="person_list"),
    path("people/new/", views.person_create, name="person_create"),
    path("people/initials/", views.person_initials, name="person_initials"),
    path("people/<int:pk>/", views.person_detail, name="person_detail"),
    path("people/<int:pk>/edit/", views.person_edit, name="person_edit"),
    path("people/<int:pk>/delete/", views.person_delete, name="person_delete"),
    path("people/<int:pk>/affiliations/new/", views.affiliation_create, name="affiliation_create"),
    path("affiliations/<int:pk>/edit/", views.affiliation_edit, name="affiliation_edit"),
    path("memberships/", views.membership_list, name="membership_list"),
    path("memberships/new/", views.membership_create, name="membership_create"),
    path("memberships/<int:pk>/edit/", views.membership_edit, name="membership_edit"),
    path("memberships/<int:pk>/leave/", views.membership_leave, name="membership_leave"),
    path("memberships/<int:pk>/delete/", views.membership_delete, name="membership_delete"),
    path("nodes/", views.node_list, name="node_list"),
    path("nodes/new/", views.node_create, name="node_create"),
    path("nodes/<int:pk>/", views.node_detail, name="node_detail"),
    path("nodes/<int:pk>/edit/", views.node_edit, name="node_edit"),
    path("subgroups/", views.subgroup_list, name="subgroup_list"),
    path("subgroups/new/", views.subgroup_create, name="subgroup_create"),
    path("subgroups/<int:pk>/", views.subgroup_detail, name="subgroup_detail"),
    path("subgroups/<int:pk>/edit/", views.subgroup_edit, name="subgroup_edit"),
    path("agreements/", views.agreement_list, name="agreement_list"),
    path("agreements/new/", views.agreement_create, name="agreement_create"),
    path("agreements/<int:pk>/", views.agreement_detail, name="agreement_detail"),
    path("agreements/<int:pk>/edit/", views.agreement_edit, name="agreement_edit"),
    path(
        "agreements/<int:pk>/versions/new/",
        views.agreement_version_create,
        name="agreement_version_create",
    ),
    path(
        "agreement-versions/<int:pk>/appendices/new/", views.appendix_create, name="appendix_create"
    ),
    path(
        "agreement-versions/<int:pk>/signatures/new/",
        views.signature_create,
        name="signature_create",
    ),
    path(
        "agreement-versions/<int:pk>/document/",
        views.agreement_document,
        name="agreement_document",
    ),
    path(
        "agreement-appendices/<int:pk>/document/",
        views.appendix_document,
        name="appendix_document",
    ),
    path("imports/", views.import_list, name="import_list"),
    path("imports/new/", views.import_upload, name="import_upload"),
    path("imports/<int:pk>/", views.import_preview, name="import_preview"),
    path("imports/<int:pk>/confirm/", views.import_confirm, name="import_confirm"),
]
