from .pages import GuideIndexPage, GuidePage, HomePage, StandardPage
from .translation import TranslatedPageMixin

__all__ = ["GuideIndexPage", "GuidePage", "HomePage", "StandardPage", "TranslatedPageMixin"]
