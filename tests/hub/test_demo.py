import pytest
from django.core.management import call_command

from hub.models import Resource

pytestmark = pytest.mark.usefixtures("school_day")


def test_demo_resources_are_idempotent_and_varied(tree, make_user):
    call_command("load_demo_resources", quiet=True)
    count = Resource.objects.count()
    assert count >= 50
    assert set(Resource.objects.values_list("file_type", flat=True)) >= {
        "pdf",
        "docx",
        "pptx",
        "xlsx",
    }
    assert set(Resource.objects.values_list("visibility", flat=True)) == {"trust", "restricted"} | (
        {"school"} if Resource.objects.filter(visibility="school").exists() else set()
    )
    assert Resource.objects.filter(preview_status="ready").count() == count
    assert [r.title for r in Resource.objects.search("bar models")]
    call_command("load_demo_resources", quiet=True)
    assert Resource.objects.count() == count
