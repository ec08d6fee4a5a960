"""Content-Security-Policy on every response (django-csp).

The trust's own pages need nothing inline and nothing from elsewhere: scripts, styles, images
and fonts come from this site only, and no page may be framed by another site. Wagtail 8's
admin still writes inline scripts and styles into its pages (the page editor among them), so
under /admin/ — reachable only by editors, and checked by the admin guard — inline scripts and
styles are allowed; nothing from other sites is, there or anywhere."""

from csp.constants import UNSAFE_INLINE
from csp.middleware import CSPMiddleware

ADMIN_PREFIX = "/admin/"


class TrustCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        if not report_only and request.path_info.startswith(ADMIN_PREFIX):
            update = dict(getattr(response, "_csp_update", None) or {})
            for directive in ("style-src", "script-src"):
                update[directive] = [*update.get(directive, []), UNSAFE_INLINE]
            response._csp_update = update
        return super().get_policy_parts(request, response, report_only)
