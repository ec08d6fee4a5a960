"""Whatever is typed into a policy URL or posted to a policy form, the answer is a page, a
message or a 4xx, never a server error, and nothing is recorded from it."""

import pytest

from policies.models import Acknowledgement, SchoolAdaptation


@pytest.mark.parametrize(
    "suffix",
    [
        "?area=%00&statutory=2&review=;drop&school=../../etc",
        "?school=" + "x" * 500,
        "to-read/?page=abc",
        "updates/?page=-1",
        "acknowledgements/?school=atlantis",
    ],
)
def test_odd_queries_on_the_index(client, policy, schools, trust_admin, suffix):
    client.force_login(trust_admin)
    response = client.get(policy.get_parent().url + suffix)
    assert response.status_code in (200, 400, 404), suffix


@pytest.mark.parametrize(
    ("method", "suffix", "data"),
    [
        ("post", "acknowledge/", {"version": "1e3"}),
        ("post", "acknowledge/", {"version": ["1", "2"]}),
        ("post", "adopt/", {"school": "no-such-school"}),
        ("post", "adapt/", {"school": "coppice", "text": "x" * 10, "note": "y" * 1000}),
        ("post", "remind/", {"interval": "abc", "school": "coppice"}),
        ("post", "remind/", {"interval": "999", "school": "coppice"}),
        ("post", "schools/no-such-school/rebase/", {}),
        ("post", "schools/langley/rebase/", {}),
        ("post", "schools/no-such-school/merge/", {}),
        ("post", "schools/langley/merge/", {"decision-abc": "decline"}),
        ("get", "schools/langley/merge/", {}),
        ("get", "acknowledgements/?school=%ff", {}),
        ("get", "versions/0/", {}),
    ],
)
def test_odd_posts_to_a_policy(client, policy, schools, trust_admin, method, suffix, data):
    client.force_login(trust_admin)
    response = getattr(client, method)(policy.url + suffix, data)
    assert response.status_code in (200, 302, 400, 403, 404), (suffix, response.status_code)
    assert not Acknowledgement.objects.exists()
    if "note" in data:
        assert response.status_code == 200  # the form comes back with the error
        assert not SchoolAdaptation.objects.exists()
