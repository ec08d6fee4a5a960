"""Policy operations shared by views, tasks, commands, the home page and the demo:

- reading: versions, who must read what, acknowledgements and their reports;
- adaptations: adopt, adapt, save an adaptation, and the "model moved on" alert;
- merging: the change-by-change merge of a newer model version into an adaptation;
- drift: every school's standing against every model policy, for the trust;
- panels: what the home page shows about policies."""

from .adaptations import (
    AdaptationAlert,
    AdaptationDraft,
    adapt,
    adaptation_alert,
    adaptation_alerts_for,
    adopt,
    changes_to_review,
    save_adaptation,
)
from .drift import DriftCell, drift_grid
from .merging import (
    ChangeItem,
    Decision,
    MergeError,
    MergeProposal,
    Resolved,
    declined_changes,
    needs_review,
    proposal,
    proposals_for,
    resolve,
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
    "DriftCell",
    "drift_grid",
    "ChangeItem",
    "Decision",
    "MergeError",
    "MergeProposal",
    "Resolved",
    "changes_to_review",
    "declined_changes",
    "needs_review",
    "proposal",
    "proposals_for",
    "resolve",
    "AdaptationAlert",
    "AdaptationDraft",
    "Audience",
    "NotAllowed",
    "NothingPublished",
    "PolicyNotice",
    "PolicyTask",
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
