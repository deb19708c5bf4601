from .pages import GuideIndexPage, GuidePage, HomePage, StandardPage

__all__ = ["GuideIndexPage", "GuidePage", "HomePage", "StandardPage"]
