"""Admin for what has no page of its own yet: clusters and the roles people hold in them."""

from django.contrib import admin

from .models import Cluster, ClusterRole
from .services import regions_create_defaults


class UnscopedAdmin(admin.ModelAdmin):
    # The admin works across clusters; it is for superusers only.
    def get_queryset(self, request):
        return self.model.objects.with_scopes_disabled().all()


class ClusterRoleInline(admin.TabularInline):
    model = ClusterRole
    extra = 1
    autocomplete_fields = ["user"]

    def get_queryset(self, request):
        return ClusterRole.objects.with_scopes_disabled().all()


@admin.register(Cluster)
class ClusterAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "slug", "is_public"]
    search_fields = ["name", "short_name"]
    inlines = [ClusterRoleInline]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not change:
            regions_create_defaults(cluster=obj)


@admin.register(ClusterRole)
class ClusterRoleAdmin(UnscopedAdmin):
    list_display = ["user", "cluster", "role"]
    list_filter = ["cluster", "role"]
    search_fields = ["user__email", "user__name"]
    autocomplete_fields = ["user"]
