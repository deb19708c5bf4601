"""What must be the same after a restore: pages, offers, documents (with their bytes), users, search."""

import hashlib

from django.contrib.auth import get_user_model
from wagtail.documents import get_document_model
from wagtail.models import CollectionViewRestriction, Locale, Page, PageViewRestriction

from offers.models import Offer, Organisation
from search.models import SearchEntry
from search.query import search


def file_digest(field_file):
    with field_file.storage.open(field_file.name, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


def take():
    Document = get_document_model()
    User = get_user_model()
    german = Locale.objects.get(language_code="de")
    return {
        "pages": list(
            Page.objects.order_by("pk").values_list(
                "pk",
                "locale__language_code",
                "url_path",
                "title",
                "live",
                "alias_of_id",
                "latest_revision_id",
            )
        ),
        "page_restrictions": list(
            PageViewRestriction.objects.order_by("pk").values_list(
                "page_id", "restriction_type", "groups__name"
            )
        ),
        "offers": list(
            Offer.objects.order_by("pk").values_list(
                "pk", "locale__language_code", "title", "live", "valid_until"
            )
        ),
        "organisations": list(Organisation.objects.order_by("pk").values_list("pk", "name", "live")),
        "documents": [
            (d.pk, d.title, d.collection.name, d.file.name, file_digest(d.file))
            for d in Document.objects.order_by("pk").select_related("collection")
        ],
        "collection_restrictions": list(
            CollectionViewRestriction.objects.order_by("pk").values_list("collection__name", "groups__name")
        ),
        "users": list(
            User.objects.order_by("pk").values_list(
                "username", "password", "email", "is_active", "groups__name"
            )
        ),
        "search_entries": list(
            SearchEntry.objects.order_by("model", "object_id").values_list(
                "model", "object_id", "locale__language_code", "title", "title_norm", "body_norm"
            )
        ),
        "search_hits": [(h.model, h.object_id) for h in search("Sprachkurs", german).hits],
    }
