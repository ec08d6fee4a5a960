"""Share that gets it right: the same file is offered instead of a copy, details are suggested
from the file rather than the sharer's memberships, near-duplicates are pointed out."""

import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from demo import samples
from hub import similarity
from hub.models import KeyStage, Resource, ResourceType
from hub.services import add_version, sha256_of
from hub.sharing import find_duplicate, near_duplicates
from hub.staging import DUPLICATES_KEY
from hub.suggest import suggest
from tests.factories import SchoolPageFactory, WorkingGroupPageFactory

from .factories import ResourceFactory, file_bytes

MATHS_LINES = ["Year 4 fractions worksheet", "Use bar models to compare fractions."]


@pytest.fixture
def world(tree, make_user, client):
    coppice = SchoolPageFactory(parent=tree.schools, title="Coppice", slug="coppice")
    langley = SchoolPageFactory(parent=tree.schools, title="Langley", slug="langley")
    maths = WorkingGroupPageFactory(parent=tree.groups, title="Maths", slug="maths")
    literacy = WorkingGroupPageFactory(parent=tree.groups, title="Literacy", slug="literacy")
    lead = make_user("lead.literacy", school=coppice)
    lead.profile.working_groups.add(literacy)
    other = make_user("teacher.langley", school=langley)
    client.force_login(lead)
    return type(
        "World",
        (),
        {
            "coppice": coppice,
            "langley": langley,
            "maths": maths,
            "literacy": literacy,
            "lead": lead,
            "other": other,
            "client": client,
        },
    )


def pdf(name="fractions.pdf", title="Fractions worksheet", lines=MATHS_LINES):
    return SimpleUploadedFile(name, samples.make_pdf(title, lines), "application/pdf")


def test_fresh_form_does_not_pre_tick_the_sharers_groups(world):
    form = world.client.get("/hub/share/").context["form"]
    assert not form.initial.get("working_groups")
    assert form.initial["school"] == world.coppice.pk


def test_maths_worksheet_from_literacy_lead_is_suggested_maths(world):
    response = world.client.post("/hub/share/", {"files": [pdf()], "visibility": "trust"})
    assert response.status_code == 302
    resource = Resource.objects.get()
    assert list(resource.working_groups.all()) == [world.maths]
    assert set(resource.key_stages.values_list("code", flat=True)) == {"KS2", "Y4"}
    assert resource.resource_type.slug == "worksheet"


def test_chosen_details_are_kept_not_replaced_by_suggestions(world):
    world.client.post(
        "/hub/share/",
        {"files": [pdf()], "visibility": "trust", "working_groups": [world.literacy.pk]},
    )
    assert list(Resource.objects.get().working_groups.all()) == [world.literacy]


def test_suggest_reads_name_and_text():
    groups = [(1, "maths", "Maths"), (2, "literacy", "Literacy"), (3, "send", "SEND")]
    stages = [(10, "KS1"), (11, "Y2"), (12, "EYFS")]
    types = [(20, "policy"), (21, "planning")]
    found = suggest(
        "phonics-plan-year-2.docx",
        "Phonics lesson plan for Year 2: reading and spelling.",
        groups=groups,
        key_stages=stages,
        types=types,
    )
    assert found == {"working_groups": [2], "key_stages": [10, 11], "resource_type": 21}
    assert suggest("notes.txt", "", groups=groups, key_stages=stages, types=types) == {
        "working_groups": [],
        "key_stages": [],
        "resource_type": None,
    }


def test_same_file_twice_offers_the_existing_resource(world):
    world.client.post("/hub/share/", {"files": [pdf()], "visibility": "trust"})
    assert Resource.objects.count() == 1
    response = world.client.post("/hub/share/", {"files": [pdf("copy.pdf")], "visibility": "trust"})
    assert response.status_code == 200
    assert Resource.objects.count() == 1
    page = response.content.decode()
    assert "Already in the hub" in page
    assert Resource.objects.get().get_absolute_url() in page
    assert "Add as a new version" in page


def test_duplicate_added_as_a_new_version(world):
    world.client.post("/hub/share/", {"files": [pdf()], "visibility": "trust"})
    world.client.post("/hub/share/", {"files": [pdf("copy.pdf")], "visibility": "trust"})
    token = world.client.session[DUPLICATES_KEY][0]["token"]
    response = world.client.post("/hub/share/duplicate/", {"token": token, "action": "version"})
    resource = Resource.objects.get()
    assert response.status_code == 302
    assert resource.versions.count() == 2
    assert world.client.session[DUPLICATES_KEY] == []


def test_duplicate_of_a_resource_the_sharer_may_not_see_is_simply_shared(world):
    hidden = ResourceFactory(
        title="Langley only",
        visibility=Resource.SCHOOL,
        school=world.langley,
        uploaded_by_user=world.other,
    )
    hidden.file.open("rb")
    data = hidden.file.read()
    hidden.file.close()
    assert find_duplicate(world.lead, sha256_of(io.BytesIO(data))) is None
    assert find_duplicate(world.other, sha256_of(io.BytesIO(data))) == hidden
    response = world.client.post(
        "/hub/share/",
        {"files": [SimpleUploadedFile("mine.pdf", data, "application/pdf")], "visibility": "trust"},
    )
    assert response.status_code == 302
    assert Resource.objects.count() == 2
    assert "Langley only" not in world.client.get(response.url).content.decode()


def test_duplicate_found_by_earlier_version(world):
    resource = ResourceFactory(title="Plan", uploaded_by_user=world.lead)
    old = file_bytes("pdf", "Plan", ["About Plan"])
    add_version(resource, io.BytesIO(b"%PDF-1.4 new"), name="new.pdf", kind="pdf")
    assert find_duplicate(world.lead, sha256_of(io.BytesIO(old))) == resource


def test_check_endpoint_reports_duplicate_and_suggestions(world):
    ResourceFactory(title="Fractions worksheet", lines=MATHS_LINES)
    same = file_bytes("pdf", "Fractions worksheet", MATHS_LINES)
    response = world.client.post(
        "/hub/share/check/", {"file": SimpleUploadedFile("f.pdf", same, "application/pdf")}
    )
    assert response.status_code == 200
    body = json.loads(response.content)
    assert body["duplicate"]["title"] == "Fractions worksheet"
    assert body["suggestions"]["working_groups"] == [world.maths.pk]
    assert body["token"]
    assert world.client.post("/hub/share/check/", {}).status_code == 400
    bad = SimpleUploadedFile("x.pdf", b"MZ\x90\x00" + b"\0" * 64)
    assert world.client.post("/hub/share/check/", {"file": bad}).status_code == 400


def test_near_duplicates_by_text(world):
    text = " ".join(f"word{i}" for i in range(200))
    twin = ResourceFactory(title="Twin", kind="txt", lines=[text])
    ResourceFactory(title="Other", kind="txt", lines=["completely different words " * 20])
    hidden = ResourceFactory(
        title="Hidden twin",
        kind="txt",
        lines=[text],
        visibility=Resource.SCHOOL,
        school=world.langley,
    )
    found = near_duplicates(world.lead, text + " plus a few more words")
    assert [r for _s, r in found] == [twin]
    assert hidden not in [r for _s, r in near_duplicates(world.lead, text)]


def test_fingerprint_estimates_jaccard():
    a = " ".join(f"w{i}" for i in range(300))
    b = " ".join(f"w{i}" for i in range(50, 350))
    estimate = similarity.resemblance(
        similarity.parse(similarity.fingerprint(a)), similarity.parse(similarity.fingerprint(b))
    )
    assert abs(estimate - similarity.jaccard(a, b)) < 0.2
    assert similarity.fingerprint("") == ""


@pytest.mark.django_db
def test_vocabularies_seeded():
    assert KeyStage.objects.filter(code="Y4").exists()
    assert ResourceType.objects.filter(slug="worksheet").exists()
