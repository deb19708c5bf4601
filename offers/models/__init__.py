from .memberships import OrganisationMembership
from .offers import Offer
from .organisations import Organisation
from .pages import OfferFinderPage, OrganisationDirectoryPage

__all__ = ["Offer", "OfferFinderPage", "Organisation", "OrganisationDirectoryPage", "OrganisationMembership"]
