from tests.supervision.conftest import as_user, county  # noqa: F401  (fixtures)
