from .areas import InternalPage, NetworkAreaPage, WorkingGroupPage
from .events import EventIndexPage, EventPage
from .news import NewsIndexPage, NewsPage
from .pool import PoolMember, PoolMemberLanguage
from .requests import MediatorRequest, MentorshipRequest, RequestFormPage

__all__ = [
    "EventIndexPage",
    "EventPage",
    "InternalPage",
    "MediatorRequest",
    "MentorshipRequest",
    "NetworkAreaPage",
    "NewsIndexPage",
    "NewsPage",
    "PoolMember",
    "PoolMemberLanguage",
    "RequestFormPage",
    "WorkingGroupPage",
]
