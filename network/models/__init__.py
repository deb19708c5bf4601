from .areas import InternalPage, NetworkAreaPage, WorkingGroupPage
from .events import EventIndexPage, EventPage
from .news import NewsIndexPage, NewsPage

__all__ = [
    "EventIndexPage",
    "EventPage",
    "InternalPage",
    "NetworkAreaPage",
    "NewsIndexPage",
    "NewsPage",
    "WorkingGroupPage",
]
