"""Content with drafts is indexed on publish and unpublish only, never on a draft save.

Protects issue 17, "index on publish only": saving a draft of a page, an offer
or an organisation writes nothing to the search index; publishing writes once,
unpublishing once. Each count is paired with a positive control (the entry is
there after the publish, gone after the unpublish).
"""

import pytest

from offers.factories import OfferFactory, OrganisationFactory
from search import signals
from search.models import SearchEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def index_writes(monkeypatch):
    """The number of index writes (``index_object`` calls) the signal handlers make."""
    calls = []
    original = signals.index_object

    def counting(obj):
        calls.append(obj)
        return original(obj)

    monkeypatch.setattr(signals, "index_object", counting)
    return calls


def entry(obj):
    return SearchEntry.objects.filter(model=obj._meta.label_lower, object_id=obj.pk)


def test_a_page_is_written_once_per_publish_and_never_per_draft_save(make_page, index_writes):
    page = make_page("Quokkakurs Entwurf", publish=False)
    assert len(index_writes) == 0
    page.title = "Quokkakurs Entwurf 2"
    revision = page.save_revision()
    assert len(index_writes) == 0
    assert not entry(page).exists()

    revision.publish()
    assert len(index_writes) == 1
    assert entry(page).get().title == "Quokkakurs Entwurf 2"

    page.title = "Quokkakurs nur Entwurf"
    page.save_revision()
    assert len(index_writes) == 1
    assert entry(page).get().title == "Quokkakurs Entwurf 2"  # the draft is not read

    page.unpublish()
    assert len(index_writes) == 2
    assert not entry(page).exists()


@pytest.mark.parametrize("factory", [OfferFactory, OrganisationFactory], ids=["offer", "organisation"])
def test_a_snippet_with_drafts_is_written_once_per_publish(factory, index_writes):
    obj = factory(live=False)
    obj.save_revision()
    assert len(index_writes) == 0
    assert not entry(obj).exists()

    obj.save_revision().publish()
    assert len(index_writes) == 1
    assert entry(obj).exists()

    obj.refresh_from_db()
    obj.save_revision()  # a later draft
    assert len(index_writes) == 1

    obj.unpublish()
    assert len(index_writes) == 2
    assert not entry(obj).exists()
