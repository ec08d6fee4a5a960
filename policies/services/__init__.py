"""Policy operations shared by views, tasks, commands, the home page and the demo:

- reading: versions, who must read what, acknowledgements and their reports;
- adaptations: adopt, adapt, save an adaptation, rebase, and the "model moved on" alert;
- panels: what the home page shows about policies."""

from .adaptations import (
    AdaptationAlert,
    AdaptationDraft,
    Rebased,
    adapt,
    adaptation_alert,
    adaptation_alerts_for,
    adopt,
    rebase,
    save_adaptation,
)
from .panels import (
    PolicyNotice,
    PolicyTask,
    home_panels,
    policy_tasks_for,
    policy_updates_for,
)
from .reading import (
    Audience,
    NotAllowed,
    NothingPublished,
    ReportRow,
    SchoolTotals,
    acknowledge,
    acknowledgement_index,
    current_version,
    latest_version,
    policy_report,
    record_acknowledgement,
    record_version,
    required_version,
    staff_queryset,
    trust_overview,
    user_policy_state,
    versions_prefetch,
    visible_policies,
)

__all__ = [
    "AdaptationAlert",
    "AdaptationDraft",
    "Audience",
    "NotAllowed",
    "NothingPublished",
    "PolicyNotice",
    "PolicyTask",
    "Rebased",
    "ReportRow",
    "SchoolTotals",
    "acknowledge",
    "acknowledgement_index",
    "adapt",
    "adaptation_alert",
    "adaptation_alerts_for",
    "adopt",
    "current_version",
    "home_panels",
    "latest_version",
    "policy_report",
    "policy_tasks_for",
    "policy_updates_for",
    "rebase",
    "record_acknowledgement",
    "record_version",
    "required_version",
    "save_adaptation",
    "staff_queryset",
    "trust_overview",
    "user_policy_state",
    "versions_prefetch",
    "visible_policies",
]
