"""Admin URLs of the accounts app (registered with ``register_admin_urls``)."""

from django.urls import path

from accounts import lockouts
from accounts.two_factor import views

urlpatterns = [
    path("two-factor/", views.overview, name="accounts_2fa_overview"),
    path("two-factor/verify/", views.verify, name="accounts_2fa_verify"),
    path("two-factor/setup/", views.setup, name="accounts_2fa_setup"),
    path("two-factor/recovery-codes/", views.new_recovery_codes, name="accounts_2fa_recovery_codes"),
    path("two-factor/turn-off/", views.turn_off, name="accounts_2fa_turn_off"),
    path("two-factor/reset/<int:user_id>/", views.reset_for_user, name="accounts_2fa_reset"),
    path("lockouts/", lockouts.lockout_list, name="accounts_lockouts"),
    path("lockouts/<int:pk>/lift/", lockouts.lockout_lift, name="accounts_lockout_lift"),
]
