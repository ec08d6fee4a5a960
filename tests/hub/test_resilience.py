"""S3 going away mid-run: uploads are refused whole with a 503 that says nothing was saved,
downloads say the file store is unreachable, and the rest of the intranet keeps working."""

import uuid

import pytest
from botocore.config import Config
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile

from demo import samples
from hub.models import Resource, ResourceVersion

from .factories import ResourceFactory
from .test_s3 import free_port


@pytest.fixture
def s3_server(settings, monkeypatch):
    """moto over HTTP, as in test_s3.py, handing back the server so a test can stop it."""
    import boto3
    from moto.server import ThreadedMotoServer

    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "eu-west-2")
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    # moto keeps its buckets per process, across servers: a bucket of this test's own.
    bucket = f"lte-resilience-{uuid.uuid4().hex[:12]}"
    boto3.client("s3", endpoint_url=endpoint, region_name="eu-west-2").create_bucket(
        Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": "eu-west-2"}
    )
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": bucket,
                "endpoint_url": endpoint,
                "region_name": "eu-west-2",
                "default_acl": "private",
                "querystring_auth": True,
                "file_overwrite": False,
                "client_config": Config(connect_timeout=2, retries={"max_attempts": 1}),
            },
        },
    }
    storages._storages.pop("default", None)
    running = {"server": server}
    yield running
    storages._storages.pop("default", None)
    if running["server"] is not None:
        server.stop()


def stop(s3_server):
    s3_server["server"].stop()
    s3_server["server"] = None


def test_an_upload_to_an_unreachable_store_saves_nothing_and_says_so(s3_server, teacher_client):
    stop(s3_server)
    upload = SimpleUploadedFile("plan.pdf", samples.make_pdf("Plan", ["words"]), "application/pdf")
    response = teacher_client.post(
        "/hub/share/", {"files": [upload], "title": "Plan", "visibility": "trust"}
    )
    assert response.status_code == 503
    assert "nothing was saved" in response.content.decode()
    assert Resource.objects.count() == 0
    assert ResourceVersion.objects.count() == 0


def test_downloads_say_the_store_is_down_and_pages_keep_working(s3_server, teacher_client):
    resource = ResourceFactory(title="Cloud plan", lines=["stored in s3"])
    assert teacher_client.get(resource.get_download_url()).status_code == 302
    stop(s3_server)

    response = teacher_client.get(resource.get_download_url())
    assert response.status_code == 503
    assert "cannot be downloaded" in response.content.decode()
    assert response["Retry-After"] == "60"
    assert teacher_client.get(resource.get_absolute_url()).status_code == 200
    assert teacher_client.get("/hub/").status_code == 200
    assert teacher_client.get("/").status_code == 200
