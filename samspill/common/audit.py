from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q


def history_for(obj, *, related=(), limit: int = 50):
    """The audit trail of one object and the rows that belong to it, newest first.

    `related` holds querysets of dependent rows (an organisation's memberships, say), whose
    changes are part of the object's story.
    """
    condition = Q(content_type=ContentType.objects.get_for_model(obj), object_pk=str(obj.pk))
    for queryset in related:
        ids = [str(pk) for pk in queryset.values_list("pk", flat=True)]
        if ids:
            content_type = ContentType.objects.get_for_model(queryset.model)
            condition |= Q(content_type=content_type, object_pk__in=ids)
    return (
        LogEntry.objects.filter(condition)
        .select_related("actor", "content_type")
        .order_by("-timestamp")[:limit]
    )
