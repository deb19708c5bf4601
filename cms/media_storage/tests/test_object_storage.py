"""Media on S3-compatible object storage: several application servers, nothing public in the bucket.

Scenario: the site runs on several gunicorn hosts with ``AWS_STORAGE_BUCKET_NAME``
set. A manager uploads an image in the admin: the original goes to the bucket as a
private object, the rendition a page shows is served from the site's own host
(no third-party request); originals are not served at all. A working-group member
uploads a paper to the group's collection: it lies in the bucket as a private
object, and only the serve view delivers it, streamed through Django after the
collection's permission check — anonymous visitors are sent to the login,
members of other groups are refused, the group gets the exact bytes. No URL
without a short-lived signature points into the bucket.
"""

import io
from urllib.parse import parse_qs, urlparse

import pytest
from django.conf import settings
from django.template import engines
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from cms.media_storage.tests.conftest import assert_private, object_bytes, object_keys
from network.models import WorkingGroupPage

pytestmark = pytest.mark.django_db


def png_bytes(size=(300, 200), colour=(200, 30, 30)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, colour).save(buffer, format="PNG")
    return buffer.getvalue()


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def assert_short_lived_signature(url):
    query = parse_qs(urlparse(url).query)
    assert "X-Amz-Signature" in query, url
    assert int(query["X-Amz-Expires"][0]) <= 300, url


def test_image_upload_and_rendition_through_object_storage(client, users, object_storage):
    client.force_login(users["manager"])
    upload = io.BytesIO(png_bytes())
    upload.name = "fest-der-kulturen.png"
    response = client.post(
        "/admin/images/add/",
        {"title": "Fest der Kulturen S3", "file": upload, "collection": Collection.get_first_root_node().pk},
    )
    assert response.status_code == 302, body(response)[:2000]
    image = get_image_model().objects.get(title="Fest der Kulturen S3")

    # The original is a private object in the bucket, not a file on this server's disk.
    assert image.file.name.startswith("original_images/")
    assert image.file.name in object_keys(object_storage)
    assert object_bytes(object_storage, image.file.name) == upload.getvalue()
    assert_private(object_storage, image.file.name)
    assert not (settings.MEDIA_ROOT / image.file.name).exists()
    assert_short_lived_signature(image.file.url)

    # The rendition a page shows: made from the bucket, stored there, served from our own host.
    html = (
        engines["django"]
        .from_string("{% load wagtailimages_tags %}{% image img fill-120x80 %}")
        .render({"img": image})
    )
    rendition = image.get_rendition("fill-120x80")
    assert rendition.file.name.startswith("images/")
    assert rendition.file.name in object_keys(object_storage)
    assert_private(object_storage, rendition.file.name)
    assert rendition.url == "/media/" + rendition.file.name
    assert f'src="{rendition.url}"' in html
    assert object_storage.endpoint not in html

    client.logout()
    response = client.get(rendition.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["Cache-Control"] == "public, max-age=3600"
    served = body(response)
    assert served == object_bytes(object_storage, rendition.file.name)
    assert PILImage.open(io.BytesIO(served)).size == (120, 80)

    # Originals and anything outside images/ are not served by the rendition view.
    for url in [
        "/media/" + image.file.name,
        "/media/images/../" + image.file.name,
        "/media/images/%2e%2e/" + image.file.name,
        "/media/images/missing.png",
    ]:
        assert client.get(url).status_code == 404, url


@pytest.fixture
def wg_collection(db):
    page = WorkingGroupPage.objects.filter(locale__language_code="de").order_by("pk").first()
    return page.collection


def test_private_document_in_object_storage_only_through_the_serve_view(
    client, users, object_storage, wg_collection
):
    paper = "Protokoll AG 1: Terminvergabe im Bürgerbüro (vertraulich)\n".encode()
    client.force_login(users["ag-mitglied"])
    upload = io.BytesIO(paper)
    upload.name = "protokoll-ag1.txt"
    response = client.post(
        "/admin/documents/add/",
        {"title": "Protokoll AG 1 S3", "file": upload, "collection": wg_collection.pk},
    )
    assert response.status_code == 302, body(response)[:2000]
    document = get_document_model().objects.get(title="Protokoll AG 1 S3")
    assert document.collection == wg_collection

    key = document.file.name
    assert key.startswith("documents/") and key in object_keys(object_storage)
    assert object_bytes(object_storage, key) == paper
    assert_private(object_storage, key)
    assert not (settings.MEDIA_ROOT / key).exists()
    assert_short_lived_signature(document.file.url)
    assert document.url.startswith("/documents/")

    client.logout()
    response = client.get(document.url)
    assert response.status_code == 302 and "login" in response["Location"]
    assert paper not in body(response)

    client.force_login(users["mitglied"])
    response = client.get(document.url)
    assert response.status_code == 403
    assert paper not in body(response)

    client.force_login(users["ag-mitglied"])
    response = client.get(document.url)
    assert response.status_code == 200, "streamed through Django, not redirected to the bucket"
    assert response["Content-Disposition"].startswith("attachment")
    assert body(response) == paper

    # Never through the media URLs, whatever the name.
    for url in ["/media/" + key, "/media/images/../" + key, "/media/images/" + key]:
        client.logout()
        assert client.get(url).status_code == 404, url


def test_object_storage_is_configured_from_the_environment(monkeypatch):
    """AWS_* variables switch the default storage to the private bucket storage; none: local disk."""
    import importlib

    import cms.settings.base as base

    for name, value in {
        "AWS_STORAGE_BUCKET_NAME": "beckum-media",
        "AWS_S3_ENDPOINT_URL": "https://s3.example.net",
        "AWS_S3_REGION_NAME": "eu-central-1",
        "AWS_ACCESS_KEY_ID": "id",
        "AWS_SECRET_ACCESS_KEY": "secret",
    }.items():
        monkeypatch.setenv(name, value)
    try:
        configured = importlib.reload(base)
        default = configured.STORAGES["default"]
        assert default["BACKEND"] == "cms.media_storage.storage.PrivateObjectStorage"
        assert default["OPTIONS"]["bucket_name"] == "beckum-media"
        assert default["OPTIONS"]["endpoint_url"] == "https://s3.example.net"
        assert default["OPTIONS"]["region_name"] == "eu-central-1"
        monkeypatch.delenv("AWS_STORAGE_BUCKET_NAME")
        local = importlib.reload(base)
        assert local.STORAGES["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    finally:
        monkeypatch.delenv("AWS_STORAGE_BUCKET_NAME", raising=False)
        importlib.reload(base)


def test_storage_forces_private_objects_and_signed_urls(object_storage):
    from cms.media_storage.storage import PrivateObjectStorage

    storage = PrivateObjectStorage(
        bucket_name=object_storage.bucket,
        endpoint_url=object_storage.endpoint,
        default_acl="public-read",
        querystring_auth=False,
        querystring_expire=86400,
        object_parameters={"ACL": "public-read", "CacheControl": "max-age=60"},
        custom_domain="cdn.example.net",
        access_key="beckum-test",
        secret_key="beckum-test-secret",
        region_name="eu-central-1",
    )
    from django.core.files.base import ContentFile

    name = storage.save("documents/probe.txt", ContentFile(b"probe"))
    assert_private(object_storage, name)
    assert_short_lived_signature(storage.url(name))
    assert "cdn.example.net" not in storage.url(name)
    assert storage.save("documents/probe.txt", ContentFile(b"other")) != name, "no overwriting"
