"""The PTV open API behind an adapter, so the API version can change: `PtvV11` reads
v11 without credentials; v12 needs an `x-api-key` header on reads, which `PtvV11`
already sends when a key is set (`PTV_API_KEY`) — a v12 adapter changes only the paths
and the shapes it hands on.

Written on the standard library's urllib: a handful of GET requests with a timeout need
no HTTP library, and nothing here may reach any host but the configured one.
"""

import json
import urllib.parse
import urllib.request
from collections.abc import Iterator
from datetime import datetime
from typing import Any, Protocol

GUIDS_PER_REQUEST = 100  # Service/list?guids= and ServiceChannel/list?guids= take at most 100


class PtvError(Exception):
    """The catalogue could not be read (network, status or JSON)."""


class PtvSource(Protocol):
    def changed_service_ids(self, *, since: datetime | None) -> Iterator[str]: ...

    def services(self, guids: list[str]) -> list[Any]: ...

    def channels(self, guids: list[str]) -> list[Any]: ...


class PtvV11:
    def __init__(
        self,
        *,
        base_url: str,
        area_type: str,
        area_code: str,
        api_key: str = "",
        timeout: float = 30.0,
    ):
        self.base_url = base_url.rstrip("/") + "/"
        self.area_type = area_type
        self.area_code = area_code
        self.api_key = api_key
        self.timeout = timeout

    def _get(self, path: str, query: dict[str, str] | None = None) -> Any:
        url = urllib.parse.urljoin(self.base_url, path)
        if not url.startswith(("https://", "http://")):
            raise PtvError(f"{url}: only http(s) addresses are read")
        if query:
            url += "?" + urllib.parse.urlencode(query)
        request = urllib.request.Request(url, headers={"Accept": "application/json"})  # noqa: S310
        if self.api_key:
            request.add_header("x-api-key", self.api_key)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310 (scheme checked above)
                return json.loads(response.read().decode("utf-8"))
        except (OSError, ValueError) as error:
            raise PtvError(f"{path}: {error}") from error

    def changed_service_ids(self, *, since: datetime | None) -> Iterator[str]:
        """Every service of the area, or those changed since `since` (UTC), page by page."""
        page, pages = 1, 1
        while page <= pages:
            query = {"page": str(page)}
            if since is not None:
                query["date"] = since.strftime("%Y-%m-%dT%H:%M:%S")
            found = self._get(f"Service/list/area/{self.area_type}/code/{self.area_code}", query)
            if not isinstance(found, dict):
                raise PtvError("Service/list/area: not a page")
            pages = int(found.get("pageCount") or 0)
            for item in found.get("itemList") or []:
                if isinstance(item, dict) and item.get("id"):
                    yield str(item["id"])
            page += 1

    def _by_guid(self, path: str, guids: list[str]) -> list[Any]:
        found: list[Any] = []
        for start in range(0, len(guids), GUIDS_PER_REQUEST):
            chunk = guids[start : start + GUIDS_PER_REQUEST]
            answer = self._get(path, {"guids": ",".join(chunk)})
            if not isinstance(answer, list):
                raise PtvError(f"{path}: not a list")
            found.extend(answer)
        return found

    def services(self, guids: list[str]) -> list[Any]:
        return self._by_guid("Service/list", guids)

    def channels(self, guids: list[str]) -> list[Any]:
        return self._by_guid("ServiceChannel/list", guids)
