"""Talking to the learning record store: POST a batch of statements, PUT one.

The standard library's urllib rather than an HTTP client package: two requests with
basic auth and JSON, nothing a dependency would add to. The LRS endpoint is
`XAPI_LRS_URL` (statements at `<XAPI_LRS_URL>/statements`).
"""

from __future__ import annotations

import base64
import json
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

from django.conf import settings

VERSION_HEADER = "1.0.3"


@dataclass
class Answer:
    status: int  # 0: no answer (connection refused, timeout)
    text: str = ""

    @property
    def stored(self) -> bool:
        return self.status in (200, 204)

    @property
    def refused(self) -> bool:
        """The LRS refused the statements themselves (malformed, or an id it holds for
        a different statement): sending them again changes nothing."""
        return self.status in (400, 409, 413)


def _headers() -> dict[str, str]:
    headers = {
        "Content-Type": "application/json",
        "X-Experience-API-Version": VERSION_HEADER,
    }
    if settings.XAPI_LRS_USERNAME or settings.XAPI_LRS_PASSWORD:
        pair = f"{settings.XAPI_LRS_USERNAME}:{settings.XAPI_LRS_PASSWORD}".encode()
        headers["Authorization"] = "Basic " + base64.b64encode(pair).decode("ascii")
    return headers


def _request(method: str, url: str, body: object) -> Answer:
    request = urllib.request.Request(  # noqa: S310 (the URL is the county's LRS setting)
        url, data=json.dumps(body).encode(), headers=_headers(), method=method
    )
    try:
        with urllib.request.urlopen(request, timeout=settings.XAPI_TIMEOUT) as response:  # noqa: S310
            return Answer(response.status, response.read(2000).decode(errors="replace"))
    except urllib.error.HTTPError as error:
        return Answer(error.code, error.read(2000).decode(errors="replace"))
    except (urllib.error.URLError, OSError) as error:
        return Answer(0, f"{type(error).__name__}: {error}")


def post_statements(batch: list[dict]) -> Answer:
    """Several statements in one request (each carries its id)."""
    return _request("POST", f"{settings.XAPI_LRS_URL}/statements", batch)


def put_statement(statement: dict) -> Answer:
    """One statement under its id."""
    query = urllib.parse.urlencode({"statementId": statement["id"]})
    return _request("PUT", f"{settings.XAPI_LRS_URL}/statements?{query}", statement)
