"""The S3 path over real HTTP: moto in server mode, a private bucket, presigned downloads."""

import socket

import boto3
import pytest
import requests
from django.core.files.storage import storages

from .factories import ResourceFactory

BUCKET = "lte-test-bucket"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def s3(settings, monkeypatch):
    from moto.server import ThreadedMotoServer

    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "eu-west-2")
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    client = boto3.client("s3", endpoint_url=endpoint, region_name="eu-west-2")
    client.create_bucket(
        Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-west-2"}
    )
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": BUCKET,
                "endpoint_url": endpoint,
                "region_name": "eu-west-2",
                "default_acl": "private",
                "querystring_auth": True,
                "querystring_expire": 60,
                "file_overwrite": False,
            },
        },
    }
    storages._storages.pop("default", None)
    yield client
    storages._storages.pop("default", None)
    server.stop()


def test_presigned_download_from_private_bucket(s3, teacher_client, home):
    resource = ResourceFactory(title="Cloud plan", lines=["stored in s3"])
    assert type(storages["default"]).__name__ == "S3Storage"
    key = resource.file.name
    assert key.startswith("resources/")
    original = s3.get_object(Bucket=BUCKET, Key=key)["Body"].read()
    assert original.startswith(b"%PDF-")
    resource.refresh_from_db()
    assert "stored in s3" in resource.extracted_text  # extraction read it back from S3

    response = teacher_client.get(resource.get_download_url())
    assert response.status_code == 302
    url = response["Location"]
    assert "X-Amz-Signature" in url or "Signature=" in url
    assert "response-content-disposition=attachment" in url
    fetched = requests.get(url, timeout=10)
    assert fetched.status_code == 200
    assert fetched.content == original
    assert fetched.headers["Content-Disposition"].startswith("attachment")
    resource.refresh_from_db()
    assert resource.download_count == 1

    unsigned = requests.get(url.split("?")[0], timeout=10)
    assert unsigned.status_code == 403
