"""Image renditions from the media storage, on the site's own host.

With media on object storage the bucket stays private and is never linked from a
page; renditions (public files, as ``/media/images/`` always was) are read from it
here. nginx can cache this location (README, "Several application servers").
Only names under ``images/`` with an image extension are served: never documents,
never original images.
"""

import mimetypes
import posixpath

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.views.decorators.http import require_safe

from .storage import RENDITION_PREFIX

IMAGE_TYPES = {"image/jpeg", "image/png", "image/gif", "image/webp", "image/avif"}
MAX_AGE = 3600


@require_safe
def rendition(request, name):
    if posixpath.normpath(name) != name or name.startswith(("/", ".")) or "\\" in name:
        raise Http404
    content_type, _encoding = mimetypes.guess_type(name)
    if content_type not in IMAGE_TYPES:
        raise Http404
    key = RENDITION_PREFIX + name
    try:
        if not default_storage.exists(key):
            raise Http404
        handle = default_storage.open(key, "rb")
    except (FileNotFoundError, OSError) as error:
        raise Http404 from error
    response = FileResponse(handle, content_type=content_type)
    response["Cache-Control"] = f"public, max-age={MAX_AGE}"
    return response
