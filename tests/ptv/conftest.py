import pytest

from tests.ptv.catalogue import Catalogue
from tests.supervision.conftest import as_user, county  # noqa: F401  (fixtures)


@pytest.fixture
def catalogue(settings):
    served = Catalogue()
    settings.PTV_API_URL = served.url
    settings.PTV_AREA_TYPE = "WellbeingServiceCounties"
    settings.PTV_AREA_CODE = "99"
    yield served
    served.stop()
