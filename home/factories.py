"""Page factories of the guide (wagtail-factories), for the tests: ``GuidePageFactory(parent=section)``."""

import factory
import wagtail_factories

from .models import GuidePage


class GuidePageFactory(wagtail_factories.PageFactory):
    """A German guide page (a draft until published) below ``parent``, a field of action."""

    class Meta:
        model = GuidePage

    title = factory.Sequence(lambda n: f"Testseite {n}")
    intro = ""
