import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f"
    b"\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00"
    b"\x00IEND\xaeB`\x82"
)


@pytest.fixture
def media_files(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    default_storage.save("images/pic.png", ContentFile(PNG))
    default_storage.save("documents/secret.pdf", ContentFile(b"%PDF-1.4 secret"))
    default_storage.save("resources/secret.pdf", ContentFile(b"%PDF-1.4 secret"))
    default_storage.save("images/evil.svg", ContentFile(b"<svg onload='alert(1)'/>"))
    default_storage.save("images/page.html", ContentFile(b"<script>alert(1)</script>"))
    return tmp_path


def test_images_are_served_to_staff_only(client, teacher, media_files):
    assert client.get("/media/images/pic.png").status_code == 302
    client.force_login(teacher)
    response = client.get("/media/images/pic.png")
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == PNG


@pytest.mark.parametrize(
    "path",
    [
        "documents/secret.pdf",
        "resources/secret.pdf",
        "images/../documents/secret.pdf",
        "./resources/secret.pdf",
        "images/evil.svg",
        "images/page.html",
        "../etc/passwd",
    ],
)
def test_files_are_never_served_by_path_even_to_staff(client, teacher, media_files, path):
    client.force_login(teacher)
    assert client.get(f"/media/{path}").status_code == 404
