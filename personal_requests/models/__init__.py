from .form_page import RequestFormPage
from .pool import PoolMember, PoolMemberLanguage
from .requests import MediatorRequest, MentorshipRequest

__all__ = ["MediatorRequest", "MentorshipRequest", "PoolMember", "PoolMemberLanguage", "RequestFormPage"]
