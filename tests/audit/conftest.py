"""The small county of the supervision tests serves here too."""

from tests.supervision.conftest import as_user, county  # noqa: F401
