"""The rates of the rate limits, read from the RATE_LIMITS setting by group.

django-ratelimit takes a dotted path to a function as ``rate``; pointing every
limit at ``security.rate_limits.configured`` keeps the numbers in one place
(config/settings/base.py), where an administrator can find and change them.
Comments have their own limit, set by moderators in the comment rules.
"""

from django.conf import settings


def configured(group: str, request) -> str:
    """The rate ("120/m") set for ``group`` in ``settings.RATE_LIMITS``."""
    return settings.RATE_LIMITS[group]
