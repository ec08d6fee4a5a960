import pytest


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    """Each test writes its files to a throwaway media folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT
