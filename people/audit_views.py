"""Reports › Audit trail: every audit entry (people/audit.py), filterable by action, person,
date, name and type, exportable as CSV. For trust administrators only, read-only."""

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import IntegerField, Value
from django.utils.encoding import force_str
from wagtail.admin.filters import ContentTypeFilter
from wagtail.admin.views.reports.audit_logging import (
    LogEntriesView,
    SiteHistoryReportFilterSet,
)
from wagtail.coreutils import get_content_type_label
from wagtail.log_actions import registry as log_action_registry

from .spreadsheets import csv_response
from .visibility import is_trust_admin


def _used(method):
    """Every value of `method` (actions, user ids...) over every kind of log entry."""
    values = set()
    for log_model in log_action_registry.get_log_entry_models():
        values.update(getattr(log_model.objects.all(), method)())
    return values


def _content_types(request):
    return ContentType.objects.filter(pk__in=_used("get_content_type_ids")).order_by("model")


class AuditFilterSet(SiteHistoryReportFilterSet):
    """Site history's filters, offering every action, person and type in the trail (Wagtail's
    own narrows them to what the reader's model permissions name)."""

    object_type = ContentTypeFilter(
        label="Type", method="filter_object_type", queryset=_content_types
    )

    def get_action_choices(self):
        used = _used("get_actions")
        return [choice for choice in log_action_registry.get_choices() if choice[0] in used]

    def get_users_queryset(self):
        User = get_user_model()
        return User.objects.filter(pk__in=_used("get_user_ids")).order_by(User.USERNAME_FIELD)

    get_user_choices = get_users_queryset


class AuditTrailView(LogEntriesView):
    page_title = "Audit trail"
    filterset_class = AuditFilterSet
    index_url_name = "lte_audit_trail"
    index_results_url_name = "lte_audit_trail_results"
    # GET only: nothing here changes an entry.
    http_method_names = ["get", "head", "options"]

    def dispatch(self, request, *args, **kwargs):
        if not is_trust_admin(request.user):
            raise PermissionDenied("The audit trail is for trust administrators.")
        return super().dispatch(request, *args, **kwargs)

    def get_filename(self):
        return "lte-audit-trail"

    def get_filtered_queryset(self):
        # As Wagtail's site history, but every entry: the trust administrator's view is not
        # narrowed to the models their permissions name (downloads, acknowledgements...).
        queryset = None
        self.log_models = list(log_action_registry.get_log_entry_models())
        for index, log_model in enumerate(self.log_models):
            sub = (
                log_model.objects.values("pk", "timestamp")
                .annotate(log_model_index=Value(index, output_field=IntegerField()))
                .order_by()
            )
            sub = self.filter_queryset(sub)
            queryset = sub if queryset is None else queryset.union(sub, all=True)
        return queryset.order_by("-timestamp")

    def write_csv_response(self, queryset):
        # Names and titles are typed by staff: the shared writer makes formula-like cells safe.
        rows = (
            [
                entry.timestamp.isoformat(timespec="seconds"),
                force_str(log_action_registry.get_action_label(entry.action))
                if log_action_registry.action_exists(entry.action)
                else entry.action,
                entry.action,
                get_content_type_label(entry.content_type),
                entry.object_id,
                entry.label,
                entry.user_display_name,
                _data_text(entry.data),
            ]
            for entry in queryset
        )
        return csv_response(
            f"{self.get_filename()}.csv",
            ["When", "Action", "Action code", "Type", "ID", "Name", "By", "Details"],
            rows,
        )


def _data_text(data):
    if not data:
        return ""
    return "; ".join(
        f"{key}: {', '.join(map(str, value)) if isinstance(value, list) else value}"
        for key, value in sorted(data.items())
    )
