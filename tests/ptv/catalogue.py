"""A local stand-in for the PTV v11 open API: a real HTTP server on 127.0.0.1 serving
JSON shaped as the API's published schema describes it. The services are our own
inventions. `Catalogue.phase` moves the catalogue on between syncs."""

import json
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

AREA_PATH = "/api/v11/Service/list/area/WellbeingServiceCounties/code/99"

WALKS = "0b1c2d3e-0000-4000-8000-000000000001"
CAFE = "0b1c2d3e-0000-4000-8000-000000000002"
CHOIR = "0b1c2d3e-0000-4000-8000-000000000003"
PEER = "0b1c2d3e-0000-4000-8000-000000000004"
BROKEN = "0b1c2d3e-0000-4000-8000-000000000005"
LOCATION = "0b1c2d3e-0000-4000-8000-0000000000a1"
WEB = "0b1c2d3e-0000-4000-8000-0000000000a2"


def texts(kind, **values):
    return [{"type": kind, "language": lang, "value": value} for lang, value in values.items()]


def service(
    guid, names, *, status="Published", classes=(), descriptions=None, channels=(), phase=1
):
    return {
        "id": guid,
        "serviceNames": names,
        "serviceDescriptions": descriptions or [],
        "serviceClasses": [{"name": texts("Name", fi=name), "code": "P1"} for name in classes],
        "targetGroups": [{"name": texts("Name", fi="Ikääntyneet"), "code": "KR2"}],
        "organizations": [
            {
                "roleType": "Responsible",
                "organization": {"id": "o1", "name": "Järvilaakson Liikuntaseura ry"},
            }
        ],
        "serviceChannels": [
            {"serviceChannel": {"id": channel, "name": "x"}} for channel in channels
        ],
        "publishingStatus": status,
        "modified": f"2026-11-{phase:02d}T08:00:00Z",
    }


def services(phase: int) -> dict[str, object]:
    found = {
        WALKS: service(
            WALKS,
            texts(
                "Name",
                fi="Senioreiden kävelyryhmä",
                sv="Promenadgrupp för seniorer",
                en="Walks for seniors",
            ),
            classes=["Liikunta ja ulkoilu"],
            descriptions=texts("Summary", fi="Viikoittainen kävely järven rannalla."),
            channels=[LOCATION, WEB],
        ),
        CAFE: service(
            CAFE,
            texts("Name", fi="Muistikahvila" if phase == 1 else "Muistikahvila Kohtaamo"),
            classes=["Vertaistuki ja yhteisöt"],
            phase=phase,
        ),
        # Swedish only: the Finnish name falls back to the Swedish one.
        CHOIR: service(CHOIR, texts("Name", sv="Kör för alla"), classes=["Kultur och musik"]),
        PEER: service(
            PEER,
            texts("Name", fi="Päihdetyön vertaisryhmä"),
            status="Published" if phase == 1 else "Deleted",
            phase=phase,
        ),
        BROKEN: {"id": BROKEN, "serviceNames": "ei luettelo"},
    }
    return found


CHANNELS = {
    LOCATION: {
        "id": LOCATION,
        "serviceChannelType": "ServiceLocation",
        "serviceChannelNames": texts("Name", fi="Rantapuiston maja"),
        "addresses": [
            {
                "type": "Location",
                "streetAddress": {
                    "street": texts("Street", fi="Rantatie"),
                    "streetNumber": "4",
                    "postalCode": "99100",
                    "postOffice": texts("PostOffice", fi="JÄRVILAAKSO"),
                    "municipality": {"code": "999", "name": texts("Name", fi="Järvilaakso")},
                },
            }
        ],
        "serviceHours": [
            {
                "serviceHourType": "DaysOfTheWeek",
                "openingHour": [
                    {"dayFrom": "Tuesday", "dayTo": None, "from": "10:00:00", "to": "11:30:00"}
                ],
            }
        ],
        "phoneNumbers": [
            {"number": "401234567", "prefixNumber": "+358", "additionalInformation": "Leena"}
        ],
        "supportEmails": [{"value": "leena.vetaja@example.test", "language": "fi"}],
        "webPages": [],
    },
    WEB: {
        "id": WEB,
        "serviceChannelType": "WebPage",
        "webPages": [{"url": "https://liikuntaseura.example.test/kavely", "language": "fi"}],
        "phoneNumbers": [{"number": "409999999", "prefixNumber": "+358"}],
    },
}


class Catalogue:
    def __init__(self):
        self.phase = 1
        self.requests: list[str] = []
        catalogue = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                catalogue.requests.append(self.path)
                parsed = urllib.parse.urlparse(self.path)
                query = urllib.parse.parse_qs(parsed.query)
                body = catalogue.answer(parsed.path.rstrip("/"), query)
                if body is None:
                    self.send_response(404)
                    self.end_headers()
                    return
                data = json.dumps(body).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/api/v11/"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def answer(self, path, query):
        found = services(self.phase)
        if path == AREA_PATH:
            if "date" in query:
                ids = [CAFE, PEER] if self.phase == 2 else []
                pages = [ids]
            else:
                pages = [[WALKS, CAFE, CHOIR], [PEER, BROKEN]]
            page = int(query.get("page", ["1"])[0])
            items = pages[page - 1] if page <= len(pages) else []
            return {
                "pageNumber": page,
                "pageSize": 3,
                "pageCount": len(pages),
                "itemList": [{"id": guid, "name": "x"} for guid in items],
            }
        guids = query.get("guids", [""])[0].split(",")
        if path == "/api/v11/Service/list":
            return [found[guid] for guid in guids if guid in found]
        if path == "/api/v11/ServiceChannel/list":
            return [CHANNELS[guid] for guid in guids if guid in CHANNELS]
        return None

    def stop(self):
        self.server.shutdown()
        self.server.server_close()
