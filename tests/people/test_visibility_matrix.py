"""Route x role x object: for every route of the project (the URL conf walked, admin and APIs
included, filled with the ids, slugs and paths of real objects, plus every page of the tree and
every sub-route of every routable page) and every role, no response ever carries a marker of an
object that role may not see: not in the body, not in a redirect, not in a file name.

Objects sit at every visibility level (tests/people/world.py); the roles are a teacher of another
school, a lead of another group, a headteacher and a member of office staff. Searches for the
word all objects share (`?q=`, `?search=`) and misspelt probes for "did you mean" run on every
route that takes no parameters. And so that the test cannot pass by finding nothing, each role
must meet the title of everything it may see somewhere in the crawl."""

import pytest
from django.test import Client

from .routes import Fill, page_urls, route_urls
from .world import ROLES, build_world, forbidden_strings

pytestmark = pytest.mark.django_db

PROBES = ["", "?q=sharedword", "?search=sharedword", "?q=hiddenonlywrd", "?q=headsonlywrd"]


def fills_for(world):
    fills = []
    for item in world.items.values():
        obj = item.obj
        if item.kind == "resource":
            name = obj.file.name.rsplit("/", 1)[-1]
            # A neutral slug: the request itself must not carry the marker it looks for.
            fills.append(Fill(obj.pk, "any-slug", filename=name, label=item.key))
        else:
            fills.append(Fill(obj.pk, obj.slug, path=obj.url.strip("/") + "/", label=item.key))
    fills.append(Fill(999999, "no-such-thing", label="unknown"))
    return fills


def body_of(response):
    if getattr(response, "streaming", False):
        content = b"".join(response.streaming_content)
    else:
        content = response.content
    headers = " ".join(f"{k}: {v}" for k, v in response.headers.items())
    return (content.decode("utf-8", "ignore") + "\n" + headers).lower()


def crawl(world, role, client):
    """[(url, status, text)] for every URL this role is shown in the crawl."""
    ids = [item.obj.pk for item in world.items.values()]
    id_query = "?" + "&".join(f"id={pk}" for pk in ids)
    urls = dict(route_urls(fills_for(world)))
    urls.update(page_urls(world.tree.home, world.school_a.slug, extra_slugs=[world.school_b.slug]))
    seen = []
    for url in sorted(urls):
        probes = PROBES + [id_query] if "?" not in url else [""]
        for probe in probes:
            response = client.get(url + probe)
            seen.append((url + probe, response.status_code, body_of(response)))
            if response.status_code in (301, 302, 403, 404, 405) and probe == "":
                break  # refused or gone: the same for every probe
    return seen


@pytest.mark.parametrize("role", ROLES)
def test_no_route_shows_a_role_what_it_may_not_see(tree, role, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    world = build_world(tree)
    world.tree = tree
    client = Client(raise_request_exception=False)
    client.force_login(world.users[role])
    responses = crawl(world, role, client)

    forbidden = forbidden_strings(world, role)
    leaks = [
        (url, status, sorted(word for word in forbidden if word in text))
        for url, status, text in responses
        if any(word in text for word in forbidden)
    ]
    errors = [(url, status) for url, status, _ in responses if status >= 500]
    assert leaks == [], f"{role} sees what it may not:\n" + "\n".join(map(str, leaks))
    assert errors == [], f"{role}: server errors\n" + "\n".join(map(str, errors))

    # Not vacuous: everything this role may see turns up somewhere in the crawl.
    everything = "\n".join(text for _, _, text in responses)
    missing = [
        item.key
        for item in world.items.values()
        if role in item.audience and item.title_marker not in everything
    ]
    assert missing == [], f"{role} never meets {missing}"
    print(f"{role}: {len(responses)} responses checked against {len(forbidden)} hidden markers")
