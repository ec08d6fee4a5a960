"""When file storage (S3) cannot be reached, say so with a 503 rather than a 500.

Uploads are stored inside a database transaction (hub/services.py), so a failed store leaves no
row behind: nothing is half-saved, and the person is asked to try again later. Downloads check
the object before handing out a presigned address (hub/views.py serve_file), so an outage is
reported here too rather than by the browser failing on the bucket's address."""

import logging

from botocore import exceptions as boto_errors
from django.shortcuts import render

logger = logging.getLogger(__name__)

STORAGE_UNREACHABLE = (boto_errors.ConnectionError, boto_errors.HTTPClientError)


class StorageUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, STORAGE_UNREACHABLE):
            return None
        logger.error("File storage unreachable: %s", exception)
        uploading = request.method == "POST"
        response = render(request, "503_storage.html", {"uploading": uploading}, status=503)
        response["Retry-After"] = "60"
        return response
