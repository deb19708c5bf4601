from .pool import PoolMember, PoolMemberLanguage
from .requests import MediatorRequest, MentorshipRequest, RequestFormPage

__all__ = ["MediatorRequest", "MentorshipRequest", "PoolMember", "PoolMemberLanguage", "RequestFormPage"]
