"""Wagtail's page permission policy, taught to read view restrictions.

Every admin list of pages — explorer, admin search, the sidebar explorer (admin
API), reports (locked pages, aging pages, pages in workflow), site history,
the dashboard — is built from ``wagtail.permissions.page_permission_policy``
(``explorable_instances`` / ``instances_user_has_permission_for``). Those
answer with edit and explore rights only: a translator who edits the whole
Arabic tree would see the titles of the members-only aliases in it.

Wagtail has no setting for the page policy, and its views import the one
instance at module level, so ``install()`` changes the class of that instance
to the subclass below: every list then leaves out the pages
``network.readers.readable_pages`` leaves out (one more query per list).
A test checks that the instance has this class (network/tests/test_admin_reading.py).
"""

from wagtail.permission_policies.pages import PagePermissionPolicy

from network.readers import may_read_page, readable_pages


class ReadingPagePermissionPolicy(PagePermissionPolicy):
    def instances_user_has_any_permission_for(self, user, actions):
        return readable_pages(user, super().instances_user_has_any_permission_for(user, actions))

    def explorable_instances(self, user):
        return readable_pages(user, super().explorable_instances(user))

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return super().user_has_any_permission_for_instance(user, actions, instance) and may_read_page(
            user, instance
        )


def install():
    from wagtail import permissions

    policy = permissions.page_permission_policy
    if not isinstance(policy, ReadingPagePermissionPolicy):
        policy.__class__ = ReadingPagePermissionPolicy
