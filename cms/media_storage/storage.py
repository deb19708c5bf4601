"""Media on S3-compatible object storage, private by construction.

Used when ``AWS_STORAGE_BUCKET_NAME`` is set (cms/settings/base.py), so that
several application servers share one set of uploads. Every object is written
with the ACL ``private`` whatever the configuration says, and no URL without a
signature is ever produced:

* ``documents/…`` (working-group papers) are never linked to the bucket: Wagtail's
  serve view (``WAGTAILDOCS_SERVE_METHOD = "serve_view"``) checks the collection's
  view restriction and streams the file through Django. ``url()`` for them (and for
  ``original_images/…``, used only in the admin) is a signed URL valid for 5 minutes.
* ``images/…`` (renditions, public as on the local disk) get a URL on the site's own
  host, ``/media/images/<name>``, served by ``cms.media_storage.views.rendition``
  from the bucket: no request from a public page goes to a third party, and the
  bucket never needs a public policy.
"""

from django.urls import reverse
from storages.backends.s3 import S3Storage

#: Renditions: the only objects reachable without a permission check (through the site).
RENDITION_PREFIX = "images/"
SIGNED_URL_SECONDS = 300


class PrivateObjectStorage(S3Storage):
    def __init__(self, **settings):
        super().__init__(**settings)
        self.default_acl = "private"
        self.querystring_auth = True
        self.querystring_expire = min(self.querystring_expire or SIGNED_URL_SECONDS, SIGNED_URL_SECONDS)
        self.custom_domain = None
        self.object_parameters = {k: v for k, v in (self.object_parameters or {}).items() if k != "ACL"}
        # Uploads never replace another file of the same name.
        self.file_overwrite = False
        # Larger files are buffered on disk, not in memory, while read or written.
        self.max_memory_size = self.max_memory_size or 10 * 1024 * 1024

    def url(self, name, parameters=None, expire=None, http_method=None):
        if name.startswith(RENDITION_PREFIX) and not parameters and http_method in (None, "GET"):
            return reverse("media_rendition", kwargs={"name": name[len(RENDITION_PREFIX) :]})
        expire = min(expire or SIGNED_URL_SECONDS, SIGNED_URL_SECONDS)
        return super().url(name, parameters=parameters, expire=expire, http_method=http_method)
