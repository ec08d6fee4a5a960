"""The demo's published password is refused in production (no build needed to check)."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command


@pytest.mark.django_db
def test_demo_refuses_the_published_password_when_debug_is_off(settings, monkeypatch):
    settings.DEBUG = False
    monkeypatch.delenv("DEMO_PASSWORD", raising=False)
    with pytest.raises(CommandError, match="DEMO_PASSWORD"):
        call_command("load_demo_trust", quiet=True)
    assert not get_user_model().objects.filter(username="admin").exists()


@pytest.mark.django_db
def test_policies_alone_need_the_trust_first():
    with pytest.raises(CommandError, match="load_demo_trust"):
        call_command("load_demo_policies", quiet=True)
