from django.core.files.uploadedfile import SimpleUploadedFile

from demo import samples
from hub.models import Resource

from .factories import ResourceFactory


def test_admin_upload_is_checked_and_versioned(client, home, make_user):
    admin = make_user("admin.user", is_superuser=True, is_staff=True)
    client.force_login(admin)
    bad = client.post(
        "/admin/documents/add/",
        {
            "title": "Sneaky",
            "file": SimpleUploadedFile("sneaky.pdf", b"MZ" + b"\0" * 100),
            "collection": 1,
            "visibility": "trust",
        },
    )
    assert bad.status_code == 200
    assert not Resource.objects.filter(title="Sneaky").exists()

    resource = ResourceFactory(title="Admin edited", uploaded_by_user=admin, lines=["first"])
    old_name = resource.file.name
    response = client.post(
        f"/admin/documents/edit/{resource.pk}/",
        {
            "title": "Admin edited",
            "collection": resource.collection_id,
            "visibility": "trust",
            "file": SimpleUploadedFile("second.docx", samples.make_docx("Second", ["lemur"])),
        },
    )
    assert response.status_code == 302, response.content[:2000]
    resource.refresh_from_db()
    assert resource.file.name != old_name
    assert resource.file.storage.exists(old_name)
    assert list(resource.versions.values_list("number", flat=True)) == [2, 1]
    assert resource.versions.get(number=2).uploaded_by == admin
    assert resource.file.name == resource.versions.get(number=2).file.name
    assert resource.file_type == "docx" and "lemur" in resource.extracted_text


def test_admin_add_records_version_one_and_details_only_edit_adds_none(client, home, make_user):
    admin = make_user("admin.user", is_superuser=True, is_staff=True)
    client.force_login(admin)
    response = client.post(
        "/admin/documents/add/",
        {
            "title": "Added in admin",
            "file": SimpleUploadedFile("added.pdf", samples.make_pdf("Added", ["wombat"])),
            "collection": 1,
            "visibility": "trust",
        },
    )
    assert response.status_code == 302, response.content[:2000]
    resource = Resource.objects.get(title="Added in admin")
    [version] = resource.versions.all()
    assert (version.number, version.file.name, version.uploaded_by) == (
        1,
        resource.file.name,
        admin,
    )
    assert "wombat" in resource.extracted_text
    response = client.post(
        f"/admin/documents/edit/{resource.pk}/",
        {"title": "Renamed in admin", "collection": 1, "visibility": "trust"},
    )
    assert response.status_code == 302
    resource.refresh_from_db()
    assert resource.title == "Renamed in admin" and resource.versions.count() == 1


def test_admin_chooser_hides_resources_the_editor_may_not_see(client, tree, make_user):
    from django.contrib.auth.models import Group

    from tests.factories import WorkingGroupPageFactory

    group = WorkingGroupPageFactory(parent=tree.groups, slug="maths")
    lead = make_user("lead.maths")
    lead.groups.add(group.lead_group)
    # Wagtail checks document permissions against wagtaildocs.Document (its auth_model), not
    # hub.Resource: grant the one it actually reads.
    from django.contrib.auth.models import Permission
    from wagtail.models import Collection, GroupCollectionPermission

    GroupCollectionPermission.objects.get_or_create(
        group=group.lead_group,
        collection=Collection.get_first_root_node(),
        permission=Permission.objects.get(
            content_type__app_label="wagtaildocs", codename="choose_document"
        ),
    )
    ResourceFactory(
        title="Okapi restricted minutes",
        visibility=Resource.RESTRICTED,
        restricted_to=[Group.objects.get(name="Headteachers")],
    )
    ResourceFactory(title="Okapi open plan")
    client.force_login(lead)
    response = client.get("/admin/documents/chooser/results/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Okapi open plan" in body, body[-3000:]
    assert "Okapi restricted minutes" not in body
