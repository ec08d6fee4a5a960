"""Headers and small promises: a Content-Security-Policy on every page, no third-party
requests, a health check that tells anonymous callers nothing, spreadsheet-safe CSV cells."""

import csv
import io

import pytest
from django.db import connection

from people.spreadsheets import csv_response, safe_cell

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/", "/accounts/login/", "/hub/", "/search/?q=x", "/groups/"])
def test_pages_carry_a_strict_content_security_policy(teacher_client, tree, url):
    policy = teacher_client.get(url)["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["frame-ancestors"] == "'self'"
    assert "unsafe-inline" not in policy and "http" not in policy


def test_no_page_loads_anything_from_outside_the_site(client, tree, make_user):
    from django.contrib.auth.models import Group

    from people import roles

    admin = make_user("admin.gravatar", email="someone@lte.education")
    admin.groups.add(Group.objects.get(name=roles.TRUST_ADMINS))
    client.force_login(admin)
    for url in ["/", "/admin/", "/admin/users/", "/accounts/profile/"]:
        content = client.get(url).content.decode()
        assert "gravatar.com" not in content, url
        assert 'src="http' not in content and "src='http" not in content, url


def test_health_check_says_ok_or_not_ok_and_never_why(client, monkeypatch):
    assert client.get("/healthz").json() == {"status": "ok", "database": "ok"}

    def broken(*args, **kwargs):
        raise RuntimeError("password authentication failed for user lte at 10.0.0.5")

    monkeypatch.setattr(connection, "cursor", broken)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "not ok", "database": "not ok"}
    assert b"10.0.0.5" not in response.content


@pytest.mark.parametrize(
    "value, expected",
    [
        ('=HYPERLINK("http://evil")', '\'=HYPERLINK("http://evil")'),
        ("+44 121", "'+44 121"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tTab", "'\tTab"),
        ("Amira Khan", "Amira Khan"),
        (42, 42),
    ],
)
def test_csv_cells_never_start_a_formula(value, expected):
    assert safe_cell(value) == expected


def test_csv_response_makes_every_cell_safe():
    response = csv_response("x.csv", ["name", "=title"], [["=cmd|' /C calc'!A0", 3]])
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows == [["name", "'=title"], ["'=cmd|' /C calc'!A0", "3"]]
    assert response["Content-Disposition"] == 'attachment; filename="x.csv"'
