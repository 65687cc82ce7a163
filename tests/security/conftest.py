"""Fixtures shared with the comment tests: a live release, the comment rules, Chromium."""

from tests.comments.conftest import (  # noqa: F401 (fixtures)
    chromium_path,
    open_rules,
    release,
    set_rules,
)
