"""Who needs a second factor, recovery codes, and resetting a user's devices.

The second factor is an authenticator app (TOTP, django-otp's ``otp_totp``) with
recovery codes for a lost phone (django-otp's ``otp_static``: single-use codes).
It is required when ``TWO_FACTOR_REQUIRED`` is on, for every superuser and every
member of ``TWO_FACTOR_GROUPS`` (by default the groups that publish or moderate),
and for anyone who has set up an app of their own accord. Members of the
association (Mitglieder, Vorstand) have no admin access and sign in with their
password only.
"""

from django.conf import settings
from django.db import transaction
from django_otp import devices_for_user, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.log_actions import log

RECOVERY_CODE_COUNT = 10
RECOVERY_DEVICE_NAME = "recovery"
RESET_ACTION = "accounts.reset_two_factor"


def is_required() -> bool:
    return settings.TWO_FACTOR_REQUIRED


def group_requires_two_factor(user) -> bool:
    """Superusers and the members of TWO_FACTOR_GROUPS, whatever else they are."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return user.groups.filter(name__in=settings.TWO_FACTOR_GROUPS).exists()


def needs_second_factor(user) -> bool:
    """Whether this signed-in user must prove a second factor before doing anything."""
    if not is_required() or not user.is_authenticated:
        return False
    if not (user.is_superuser or user.has_perm("wagtailadmin.access_admin")):
        return False
    return group_requires_two_factor(user) or user_has_device(user, confirmed=True)


def has_app(user) -> bool:
    """A confirmed authenticator app (recovery codes alone do not count)."""
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).exists()


def recovery_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


@transaction.atomic
def new_recovery_codes(user) -> list[str]:
    """Replace the user's recovery codes with fresh ones; the only time they are readable."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def normalise_code(code: str) -> str:
    """Codes are typed with spaces, hyphens or capitals; the stored form has none."""
    return "".join(code.split()).replace("-", "").lower()


def candidate_devices(user, code: str):
    """The devices a code is meant for, locked for verifying (call inside a transaction).

    Six digits come from an app, anything else is a recovery code. Choosing spares
    the other devices a counted failure: django-otp throttles each device on its own.
    """
    model = TOTPDevice if code.isdigit() and len(code) == 6 else StaticDevice
    return list(model.objects.devices_for_user(user, confirmed=True).select_for_update())


@transaction.atomic
def reset_devices(user, by=None, via=None) -> int:
    """Remove every authenticator app and recovery code of ``user``; audit-logged.

    ``by`` is the administrator (None when run from the command line, ``via`` then
    says how). The user sets up a new app at the next sign-in.
    """
    devices = list(devices_for_user(user, confirmed=None))
    for device in devices:
        device.delete()
    log(
        instance=user,
        action=RESET_ACTION,
        user=by,
        data={"devices": len(devices), "via": via or "admin"},
    )
    return len(devices)
