"""Anonymous visitors are sent to sign in from every URL the project serves, found by walking the
URL conf (not a hand-picked list)."""

import re
from urllib.parse import parse_qs, urlparse

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.exceptions import Resolver404
from django.urls.resolvers import RoutePattern

# The only views an anonymous visitor may reach.
PUBLIC_VIEW_NAMES = {
    "login",
    # The second step of signing in: without the first step's right password it sends the
    # visitor back to the sign-in page (tests/people/test_two_factor.py).
    "login_code",
    "healthz",
    "password_reset",
    "password_reset_done",
    "password_reset_confirm",
    "password_reset_complete",
    # Calendar apps cannot sign in: the feed takes a signed per-user token instead (404 without
    # a valid one; tested in tests/pages/test_pages.py).
    "calendar_feed",
}
# Wagtail's own sign-in page sends people to ours, keeping where they were going.
EXPECTED_NEXT = {"/admin/login/": "/admin/", "/_util/login/": "/"}
# The read API answers anonymous calls with 403 (JSON) rather than a sign-in redirect that an
# API client could not follow.
API_PREFIX = "/api/"
WAGTAIL_SIGN_IN_PAGES = {"/admin/login/", "/_util/login/"}
SAMPLES = ["1", "abc", "abc/", "1/", "a/b/", "2026/1/", "1/abc/", "abc/1/", "x.png", "abc/def"]


def _walk(patterns, prefix=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from _walk(entry.url_patterns, prefix + _sample(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield entry, prefix + _sample(entry.pattern)


def _sample(pattern):
    """A concrete path fragment matching a route or regex pattern."""
    if isinstance(pattern, RoutePattern):
        text = str(pattern)
        text = re.sub(r"<int:\w+>", "1", text)
        text = re.sub(r"<uuid:\w+>", "00000000-0000-0000-0000-000000000001", text)
        text = re.sub(r"<path:\w+>", "abc/def", text)
        return re.sub(r"<(?:\w+:)?\w+>", "abc", text)
    regex = pattern.regex.pattern.lstrip("^").rstrip("$").replace("\\Z", "")
    filled = _replace_groups(regex).replace(".*", "abc").replace(".+", "abc")
    return filled.replace("\\", "")


def _replace_groups(regex):
    """Replace each top-level group by a sample string that the group itself accepts."""
    out, depth, start, i = [], 0, 0, 0
    while i < len(regex):
        ch = regex[i]
        escaped = i > 0 and regex[i - 1] == "\\"
        if ch == "(" and not escaped:
            if depth == 0:
                start = i
            depth += 1
        elif ch == ")" and not escaped:
            depth -= 1
            if depth == 0:
                group = regex[start : i + 1]
                if i + 1 < len(regex) and regex[i + 1] in "?*+":
                    i += 1  # the quantifier belongs to the group we fill
                out.append(next(s for s in SAMPLES + [""] if re.fullmatch(group, s)))
        elif depth == 0:
            out.append(ch)
        i += 1
    return "".join(out)


def all_urls():
    seen = {}
    for pattern, url in _walk(get_resolver().url_patterns):
        seen.setdefault("/" + url, pattern)
    return seen


def test_the_walk_covers_the_whole_url_conf():
    urls = all_urls()
    # Wagtail's admin alone has hundreds of routes; the walk must reach them, the API, the
    # documents, media, search and the page tree.
    assert len(urls) > 200
    for prefix in ["/admin/", "/api/v2/pages/", "/search/", "/media/", "/sitemap.xml", "/hub/"]:
        assert any(url.startswith(prefix) for url in urls), prefix


@pytest.mark.django_db
def test_every_url_refuses_anonymous_visitors(client, home):
    refused, public, unresolvable, leaks = [], [], [], []
    for url, _pattern in all_urls().items():
        try:
            match = resolve(url)
        except Resolver404:
            unresolvable.append(url)
            continue
        if match.url_name in PUBLIC_VIEW_NAMES:
            public.append(url)
            continue
        for method in ("get", "post"):
            response = getattr(client, method)(url)
            if url.startswith(API_PREFIX):
                if response.status_code not in (401, 403):
                    leaks.append((method, url, response.status_code, ""))
                continue
            parsed = urlparse(response.headers.get("Location", ""))
            if response.status_code == 302 and parsed.path in WAGTAIL_SIGN_IN_PAGES:
                # One more hop: Wagtail's sign-in page hands over to ours, keeping `next`.
                response = client.get(parsed.geturl())
                parsed = urlparse(response.headers.get("Location", ""))
            if not (
                response.status_code == 302
                and parsed.path == "/accounts/login/"
                and parse_qs(parsed.query).get("next") == [EXPECTED_NEXT.get(url, url)]
            ):
                leaks.append((method, url, response.status_code, parsed.geturl()))
        refused.append(url)
    assert leaks == [], "\n".join(map(str, leaks))
    # Every generated sample must resolve, or the walk would silently skip routes.
    assert unresolvable == []
    assert len(refused) > 200
    assert {resolve(u).url_name for u in public} <= PUBLIC_VIEW_NAMES


@pytest.mark.django_db
def test_public_pages_are_only_sign_in_reset_and_health(client, home):
    assert client.get("/accounts/login/").status_code == 200
    assert client.get("/accounts/password_reset/").status_code == 200
    health = client.get("/healthz")
    assert health.status_code == 200
    assert health.json() == {"status": "ok", "database": "ok"}
