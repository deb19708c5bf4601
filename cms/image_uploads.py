"""Image uploads over the pixel limit get a message, never an error page.

Wagtail checks ``WAGTAILIMAGES_MAX_IMAGE_PIXELS`` itself, but it asks Pillow for
the size first, and Pillow refuses to open an image of more than twice its own
``MAX_IMAGE_PIXELS`` (89 million) with ``DecompressionBombError``: a
20000×20000 PNG ended in a 500. This form base (``WAGTAILIMAGES_IMAGE_FORM_BASE``)
turns that into Wagtail's own "too many pixels" message. It serves every
upload path: add, multiple add, chooser upload and replacing the file.
"""

import re

from django.core.exceptions import ValidationError
from PIL import Image
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm


class LimitedImageField(WagtailImageField):
    def check_image_pixel_size(self, f):
        try:
            super().check_image_pixel_size(f)
        except Image.DecompressionBombError as exc:
            match = re.search(r"\((\d+) pixels\)", str(exc))
            raise ValidationError(
                self.error_messages["file_too_many_pixels"]
                % {
                    "num_pixels": match.group(1) if match else f"> {2 * Image.MAX_IMAGE_PIXELS}",
                    "max_pixels_count": self.max_image_pixels,
                },
                code="file_too_many_pixels",
            ) from exc


class LimitedImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if field is not None:
            # Same label, widget and requiredness; the limits are read from the settings now.
            self.fields["file"] = LimitedImageField(
                label=field.label, widget=field.widget, required=field.required
            )
