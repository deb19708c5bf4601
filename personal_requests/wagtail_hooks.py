"""Admin views of the requests and the language-mediator pool (integration management only)."""

from wagtail import hooks

from personal_requests.admin_viewsets import NetworkRequestsGroup


@hooks.register("register_admin_viewset")
def register_network_requests():
    return NetworkRequestsGroup()
