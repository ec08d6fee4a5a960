"""Bad input never reaches a server error: every route of the project (the URL conf walked, every
page and every routable sub-route) is fed hostile values in its path, its query string and a
posted form, as a trust administrator (who reaches the most routes) and as a teacher. Each
answer is a redirect, a page, or a clear 400/403/404/405, never 500."""

import pytest
from django.test import Client

from tests.people.routes import Fill, page_urls, route_urls
from tests.people.world import build_world

pytestmark = pytest.mark.django_db

LONG = "x" * 3000
HOSTILE_FILLS = [
    Fill(0, "no-such-thing", path="no/such/page/", filename="none.txt"),
    Fill(99999999999999999999, "'\"<b>&", path="a'\"b/", filename="%00.txt"),
    Fill(7, LONG[:300], path=LONG[:300] + "/", filename=LONG[:300]),
]
QUERIES = [
    "?q=%00&search=%00&id=%00&page=%00&p=%00&type=%00&school=%00&group=%00&tag=%00",
    "?q=%22&search=%22&id=abc&page=-1&p=abc&sort=%27&order=%22&type=nosuch&school=nosuch"
    "&group=nosuch&key_stage=nosuch&year=x&tag=nosuch&kind=x&date=x&category=x&area=x"
    "&version=abc&interval=abc&collection_id=abc&parent_page_id=abc&limit=-5&offset=abc"
    "&fields=%22&child_of=abc&descendant_of=x&ac=1",
    f"?q={LONG}&search={LONG}&page=99999999999999999999&p=99999999999999999999&id=-1",
]
FORM = {
    "q": "\x00",
    "title": LONG,
    "tags": ",".join(["t" * 150] * 3),
    "version": "abc",
    "school": "no-such-school",
    "interval": "abc",
    "id": "abc",
    "text": "'\"<script>",
    "visibility": "nonsense",
    "next": "//evil.example/",
}


def urls_for(world):
    urls = set(route_urls(HOSTILE_FILLS))
    urls |= set(page_urls(world.tree.home, "no-such-school", extra_slugs=["x" * 300]))
    return sorted(urls)


@pytest.mark.parametrize("who", ["trust_admin", "teacher"])
def test_hostile_values_on_every_route_never_reach_a_server_error(
    tree, who, settings, tmp_path, make_user
):
    from django.contrib.auth.models import Group

    from people import roles

    settings.MEDIA_ROOT = tmp_path
    world = build_world(tree)
    world.tree = tree
    if who == "trust_admin":
        user = make_user("admin.hostile")
        user.groups.add(Group.objects.get(name=roles.TRUST_ADMINS))
    else:
        user = world.users["teacher_other_school"]
    client = Client(raise_request_exception=False)
    client.force_login(user)
    errors, checked = [], 0
    for url in urls_for(world):
        for query in ["", *QUERIES]:
            response = client.get(url + query)
            checked += 1
            if response.status_code >= 500:
                errors.append(("GET", url + query[:80], response.status_code))
            if response.status_code in (302, 403, 404, 405) and not query:
                break
        response = client.post(url, FORM)
        checked += 1
        if response.status_code >= 500:
            errors.append(("POST", url, response.status_code))
        client.force_login(user)  # in case that was a sign-out
    assert errors == [], "\n".join(map(str, errors))
    assert checked > 500
