"""A local S3-compatible server (moto's server mode on 127.0.0.1) and a fresh private bucket per test."""

import os
import uuid
from types import SimpleNamespace

import boto3
import pytest

REGION = "eu-central-1"
KEYS = {"aws_access_key_id": "beckum-test", "aws_secret_access_key": "beckum-test-secret"}


@pytest.fixture(scope="session")
def s3_server():
    """Endpoint URL of moto's S3 server, in this process; port TEST_S3_PORT or a free one."""
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(
        ip_address="127.0.0.1", port=int(os.environ.get("TEST_S3_PORT", "0")), verbose=False
    )
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def object_storage(settings, s3_server):
    """The media storage of the settings switched to a new bucket, as production does with AWS_* variables."""
    bucket = f"beckum-media-{uuid.uuid4().hex[:12]}"
    client = boto3.client("s3", endpoint_url=s3_server, region_name=REGION, **KEYS)
    client.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": REGION})
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "cms.media_storage.storage.PrivateObjectStorage",
            "OPTIONS": {
                "bucket_name": bucket,
                "endpoint_url": s3_server,
                "region_name": REGION,
                "access_key": KEYS["aws_access_key_id"],
                "secret_key": KEYS["aws_secret_access_key"],
            },
        },
    }
    return SimpleNamespace(client=client, bucket=bucket, endpoint=s3_server)


def object_keys(storage_env):
    response = storage_env.client.list_objects_v2(Bucket=storage_env.bucket)
    return sorted(item["Key"] for item in response.get("Contents", []))


def object_bytes(storage_env, key):
    return storage_env.client.get_object(Bucket=storage_env.bucket, Key=key)["Body"].read()


def assert_private(storage_env, key):
    """No grant to everyone or to all AWS users: the object can only be read with the keys."""
    grants = storage_env.client.get_object_acl(Bucket=storage_env.bucket, Key=key)["Grants"]
    public = [
        g
        for g in grants
        if "URI" in g["Grantee"] and g["Grantee"]["URI"].endswith(("AllUsers", "AuthenticatedUsers"))
    ]
    assert grants and not public, grants
