"""Image uploads over the pixel or size limit are refused with a message, not a 500.

Protects: a 20000×20000 PNG (400 million pixels, 50 kB on disk) made Pillow
raise ``DecompressionBombError`` and the upload ended in a server error; an
image just over ``WAGTAILIMAGES_MAX_IMAGE_PIXELS`` and a file over
``WAGTAILIMAGES_MAX_UPLOAD_SIZE`` get Wagtail's message too. Every upload path:
add, multiple add, chooser upload. Nothing is stored.
"""

import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.urls import reverse
from wagtail.images import get_image_model

pytestmark = pytest.mark.django_db


def png(width, height):
    """A valid black PNG of any size, compressed as it is written (small on disk, little memory)."""

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    row = b"\x00" + b"\x00" * ((width + 7) // 8)  # filter byte + 1-bit pixels
    compressor = zlib.compressobj(9)
    data = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)  # 1-bit greyscale
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")


@pytest.fixture
def editor(users):
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(users["manager"])
    return client


def upload(client, path, content, name="huge.png", field="file", **extra):
    data = {field: SimpleUploadedFile(name, content, content_type="image/png"), "title": "Huge"}
    data.update(extra)
    return client.post(path, data)


def count():
    return get_image_model().objects.count()


BOMB = png(20000, 20000)


def test_bomb_is_small_on_disk():
    assert len(BOMB) < 200_000


def test_bomb_refused_with_a_message_on_add(editor):
    before = count()
    response = upload(editor, reverse("wagtailimages:add"), BOMB)
    assert response.status_code == 200
    form = response.context["form"]
    assert "file" in form.errors
    assert "too many pixels (400000000)" in str(form.errors["file"])
    assert count() == before


def test_bomb_refused_with_a_message_on_multiple_add(editor):
    before = count()
    response = editor.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile("huge.png", BOMB, content_type="image/png")},
        HTTP_X_REQUESTED_WITH="XMLHttpRequest",
    )
    assert response.status_code == 200
    payload = response.json()
    assert payload["success"] is False
    assert "too many pixels" in payload["error_message"]
    assert count() == before


def test_bomb_refused_with_a_message_in_the_chooser(editor):
    before = count()
    response = upload(
        editor,
        reverse("wagtailimages_chooser:create"),
        BOMB,
        field="image-chooser-upload-file",
        **{"image-chooser-upload-title": "Huge"},
    )
    assert response.status_code == 200
    assert "too many pixels" in response.json()["htmlFragment"]
    assert count() == before


@override_settings(WAGTAILIMAGES_MAX_IMAGE_PIXELS=1_000_000)
def test_just_over_the_pixel_limit_is_refused(editor):
    response = upload(editor, reverse("wagtailimages:add"), png(1001, 1000))
    assert "too many pixels (1001000)" in str(response.context["form"].errors["file"])
    from wagtail.models import Collection

    root = Collection.get_first_root_node()
    ok = upload(editor, reverse("wagtailimages:add"), png(1000, 1000), name="fine.png", collection=root.pk)
    assert ok.status_code == 302, ok.context["form"].errors


@override_settings(WAGTAILIMAGES_MAX_UPLOAD_SIZE=100_000)
def test_over_the_size_limit_is_refused(editor):
    response = upload(editor, reverse("wagtailimages:add"), png(400, 400) + b"\x00" * 100_001)
    assert "This file is too big" in str(response.context["form"].errors["file"])


def test_the_configured_limits():
    from django.conf import settings

    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS == 40_000_000
    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE == 10 * 1024 * 1024
