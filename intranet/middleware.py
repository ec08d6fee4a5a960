"""Bad input gets a clear answer, never a server error.

- A request whose address or query string carries what no database field can hold (a NUL byte,
  an unpaired surrogate) is refused with 400 before any view runs: PostgreSQL would raise on it
  deep inside whichever query first used the value.
- Values a view did not expect to be malformed (an id that is not a number, a date that does
  not exist, a number too large for its column), and posts to the Wagtail admin that lack fields
  its own forms always send, answer 400 with a message instead of 500. The traceback is still
  logged, so a genuine bug stays visible."""

import logging

from django.core.exceptions import ValidationError
from django.db import DataError
from django.shortcuts import render
from django.urls import NoReverseMatch

logger = logging.getLogger(__name__)
# NoReverseMatch: Wagtail's admin builds links from query parameters (e.g. a parent page id of
# "abc" in the link choosers).
INCOMPLETE_ADMIN_POST = (KeyError, AttributeError, TypeError)
MALFORMED = (ValidationError, ValueError, OverflowError, DataError, UnicodeError, NoReverseMatch)


def _unstorable(text):
    return "\x00" in text or any(0xD800 <= ord(ch) <= 0xDFFF for ch in text)


def bad_request(request, message):
    return render(request, "400.html", {"message": message}, status=400)


class BadInputMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        values = [request.path_info]
        for key, items in request.GET.lists():
            values.append(key)
            values.extend(items)
        if any(_unstorable(value) for value in values):
            return bad_request(
                request, "The address contains characters the intranet cannot read (a NUL byte)."
            )
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, MALFORMED) or (
            # Wagtail's admin views read the fields its own forms always post; a hand-made post
            # that lacks one raises one of these deep in the view.
            request.method == "POST"
            and request.path_info.startswith("/admin/")
            and isinstance(exception, INCOMPLETE_ADMIN_POST)
        ):
            logger.warning("Malformed input on %s", request.path, exc_info=exception)
            return bad_request(
                request,
                "Part of the address or form was not in the form the intranet expected "
                "(for example letters where a number belongs).",
            )
        return None
