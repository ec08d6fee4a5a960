"""Views behind the policy pages' routes (see PolicyIndexPage and PolicyPage in models.py),
by concern. They stay thin: operations are in policies.services, and every check of who may
do what goes through policies.permissions.PolicyAccess."""

from ..models import VIEWS
from .adaptations import adapt, adaptation_detail, adopt, merge, print_view, rebase
from .index import policy_index, review_dashboard, to_read, updates
from .policy import acknowledge, policy_detail, version_detail
from .reports import (
    completion,
    completion_csv,
    drift,
    drift_csv,
    policy_report,
    policy_report_csv,
    remind,
)

__all__ = [
    "acknowledge",
    "adapt",
    "adaptation_detail",
    "adopt",
    "completion",
    "completion_csv",
    "drift",
    "drift_csv",
    "merge",
    "policy_detail",
    "policy_index",
    "policy_report",
    "policy_report_csv",
    "print_view",
    "rebase",
    "remind",
    "review_dashboard",
    "to_read",
    "updates",
    "version_detail",
]

# The policy pages' routes call these (policies/models.py VIEWS).
VIEWS.__dict__.update({name: globals()[name] for name in __all__})
