"""Project-level views: health check, private media, error pages."""

import logging
import mimetypes
import posixpath

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.core.files.storage import default_storage
from django.db import connection
from django.http import FileResponse, Http404, HttpResponseRedirect, JsonResponse
from django.urls import reverse
from django.utils._os import safe_join
from django.utils.http import urlencode
from django.views.decorators.cache import never_cache

logger = logging.getLogger(__name__)
# Folders under media/ that are never served by path: originals of hub resources are only
# reachable through their permission-checked download views.
PRIVATE_MEDIA_PREFIXES = ("documents/", "resources/")


@login_not_required
@never_cache
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        # Anonymous callers learn that something is wrong, never what: the details go to the log.
        logger.exception("Health check: the database did not answer")
        return JsonResponse({"status": "not ok", "database": "not ok"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def not_found(request):
    raise Http404("Not found")


@login_not_required
def to_sign_in(request, default_next="/"):
    """Wagtail's own sign-in pages (admin, private pages) send people to the one trust sign-in,
    keeping where they were going (the login view itself rejects off-site `next` values)."""
    target = request.GET.get("next") or default_next
    return HttpResponseRedirect(f"{reverse('login')}?{urlencode({'next': target})}")


def media(request, path):
    """Serve local media to signed-in staff (LoginRequiredMiddleware guards this view).

    Images and renditions only; resource files are refused here whatever the path looks like."""
    path = posixpath.normpath(path).lstrip("/")
    if path.startswith("..") or path.startswith(PRIVATE_MEDIA_PREFIXES):
        raise Http404("Not found")
    try:
        full_path = safe_join(str(settings.MEDIA_ROOT), path)
    except Exception as exc:
        raise Http404("Not found") from exc
    if not default_storage.exists(path):
        raise Http404("Not found")
    content_type, _ = mimetypes.guess_type(full_path)
    if not (content_type or "").startswith("image/") or content_type == "image/svg+xml":
        raise Http404("Not found")
    response = FileResponse(default_storage.open(path, "rb"), content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, max-age=3600"
    return response
