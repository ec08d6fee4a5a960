"""Every route of the project, filled with real ids, slugs and paths: the URL conf is walked (not
a hand-kept list), and every routable page's sub-routes are added, so a route added tomorrow is
covered without editing the tests that use this."""

import re

from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RoutePattern
from django.utils import timezone
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

# Wagtail's catch-all page route: pages are reached through `page_urls()` instead.
SERVE_VIEW = "wagtail.views.serve"
FALLBACKS = ["1", "abc", "abc/", "1/", "2026/1/", "x.png", "abc/def"]


class Fill:
    """Values for the converters of one route: an id, a slug, a path, a file name."""

    def __init__(self, number, slug, path="abc/", filename="x.txt", label=""):
        self.number, self.slug, self.path, self.filename = str(number), slug, path, filename
        self.label = label

    def value_for(self, converter, name):
        if name in {"number", "version"}:
            return "1"
        if converter == "int" or name in {"pk", "id"} or name.endswith("_id"):
            return self.number
        if converter == "path":
            return self.path
        if converter == "uuid":
            return "00000000-0000-0000-0000-000000000001"
        return self.slug

    def candidates(self):
        return [self.number, self.slug, self.path, f"{self.number}/{self.filename}", *FALLBACKS]


def walk(patterns=None, prefix=()):
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            yield from walk(entry.url_patterns, (*prefix, entry.pattern))
        elif isinstance(entry, URLPattern):
            yield entry, (*prefix, entry.pattern)


def fill_pattern(pattern, fill):
    if isinstance(pattern, RoutePattern):
        return re.sub(
            r"<(?:(\w+):)?(\w+)>",
            lambda m: fill.value_for(m.group(1) or "str", m.group(2)),
            str(pattern),
        )
    regex = pattern.regex.pattern.lstrip("^").rstrip("$").replace("\\Z", "")
    return _fill_regex(regex, fill).replace(".*", "").replace(".+", "abc").replace("\\", "")


def _fill_regex(regex, fill):
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
                    i += 1
                out.append(next((c for c in fill.candidates() if re.fullmatch(group, c)), ""))
        elif depth == 0:
            out.append(ch)
        i += 1
    return "".join(out)


def has_parameters(parts):
    return any(
        "<" in str(p) if isinstance(p, RoutePattern) else "(" in p.regex.pattern for p in parts
    )


def route_urls(fills):
    """{url: route name} for every route but the page tree, once per fill where it takes
    parameters."""
    urls = {}
    for pattern, parts in walk():
        if pattern.lookup_str == SERVE_VIEW:
            continue
        name = pattern.name or pattern.lookup_str
        for fill in fills if has_parameters(parts) else fills[:1]:
            urls.setdefault("/" + "".join(fill_pattern(p, fill) for p in parts), name)
    return urls


def page_urls(site_root, school_slug, extra_slugs=()):
    """{url: page} for every page of the tree and every sub-route of every routable page."""
    today = timezone.localdate()
    urls = {}
    for page in Page.objects.descendant_of(site_root, inclusive=True).specific():
        base = page.url
        if not base:
            continue
        urls[base] = page
        if isinstance(page, RoutablePageMixin):
            fill = Fill(today.year, school_slug, label=page.title)
            dated = {"year": str(today.year), "month": str(today.month)}
            for pattern in page.get_resolver().url_patterns:
                sub = re.sub(
                    r"<(?:(\w+):)?(\w+)>",
                    lambda m, fill=fill, dated=dated: dated.get(
                        m.group(2), fill.value_for(m.group(1) or "str", m.group(2))
                    ),
                    str(pattern.pattern),
                )
                urls.setdefault(base + sub, page)
                for slug in extra_slugs:
                    if "slug" in str(pattern.pattern):
                        urls.setdefault(base + sub.replace(school_slug, slug), page)
    return urls
