"""PTV v11 JSON into what Hyteopas keeps: pure functions, no database.

A service is malformed when it has no id, no name in any of fi/sv/en, or fields of the
wrong shape; the sync reports it and goes on with the rest. Phone numbers and email
addresses of channels are never read.
"""

import re
import uuid
from dataclasses import dataclass, field
from datetime import datetime

from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from phrases.choices import Theme

LANGUAGES = ("fi", "sv", "en")
PUBLISHED = "Published"

# Finnish and Swedish word stems in a service's classes, ontology terms and keywords
# that say which hyte theme it serves.
THEME_WORDS = {
    Theme.LIIKUNTA: r"liikun|urheil|ulkoil|kuntosal|motion|idrott",
    Theme.KULTTUURI: r"kulttuur|taide|taitee|musiik|kirjasto|kultur|konst",
    Theme.LUONTO: r"luonto|luonno|retkei|natur",
    Theme.OSALLISUUS: r"osallisuu|vertais|yhteisö|yksinäi|kohtaamis|vapaaehtoi|delaktig|gemenskap",
    Theme.MIELEN_HYVINVOINTI: r"mielenterv|mielen hyv|psyyk|mental",
    Theme.PAIHTEET: r"päihte|riippuvuu|alkoho|rusmed|beroende",
    Theme.RAVITSEMUS: r"ravitsem|ruoka|ruoan|ruuan|kost|mat\b",
    Theme.UNI: r"\buni\b|\bunen|unettom|sömn",
}


class Malformed(ValueError):
    """The item cannot be used; the message says why (in Finnish, for the admin)."""


@dataclass
class ServiceData:
    guid: uuid.UUID
    names: dict[str, str]
    descriptions: dict[str, str]
    organisation: str
    themes: list[str]
    labels: list[str]
    channel_ids: list[str]
    publishing_status: str
    modified: datetime | None
    locations: list[dict] = field(default_factory=list)
    web_page: str = ""

    @property
    def published(self) -> bool:
        return self.publishing_status == PUBLISHED


def _texts(items, *, kinds=None) -> dict[str, str]:
    """[{type, language, value}] → {language: value}, first of the wanted types."""
    if items is None:
        return {}
    if not isinstance(items, list):
        raise Malformed(_("kielikohtaiset tekstit eivät ole luettelo"))
    found: dict[str, str] = {}
    for item in items:
        if not isinstance(item, dict):
            raise Malformed(_("kielikohtainen teksti ei ole olio"))
        language, value = item.get("language"), item.get("value")
        if kinds is not None and item.get("type") not in kinds:
            continue
        if language in LANGUAGES and isinstance(value, str) and value.strip():
            found.setdefault(language, value.strip())
    return found


def _named_labels(items) -> list[str]:
    labels = []
    for item in items or []:
        if isinstance(item, dict):
            names = _texts(item.get("name"))
            if names:
                labels.append(names.get("fi") or next(iter(names.values())))
    return labels


def themes_of(words: list[str]) -> list[str]:
    text = " ".join(words).lower()
    return [str(theme) for theme, pattern in THEME_WORDS.items() if re.search(pattern, text)]


def service(raw) -> ServiceData:
    if not isinstance(raw, dict):
        raise Malformed(_("palvelu ei ole olio"))
    try:
        guid = uuid.UUID(str(raw.get("id")))
    except ValueError as error:
        raise Malformed(_("palvelulla ei ole kelvollista tunnistetta")) from error
    names = _texts(raw.get("serviceNames"), kinds={"Name", "AlternativeName"})
    if not names:
        raise Malformed(
            _("palvelulla %(id)s ei ole nimeä suomeksi, ruotsiksi eikä englanniksi") % {"id": guid}
        )
    descriptions = _texts(raw.get("serviceDescriptions"), kinds={"Summary", "Description"})
    organisation = ""
    for link in raw.get("organizations") or []:
        if (
            isinstance(link, dict)
            and isinstance(link.get("organization"), dict)
            and (link.get("roleType") in ("Responsible", None) or not organisation)
        ):
            organisation = str(link["organization"].get("name") or "")[:200]
    labels = _named_labels(raw.get("serviceClasses")) + _named_labels(raw.get("targetGroups"))
    keywords = [
        item.get("value", "")
        for item in raw.get("keywords") or []
        if isinstance(item, dict) and isinstance(item.get("value"), str)
    ]
    words = labels + _named_labels(raw.get("ontologyTerms")) + keywords + list(names.values())
    channel_ids = []
    for link in raw.get("serviceChannels") or []:
        channel = link.get("serviceChannel") if isinstance(link, dict) else None
        if isinstance(channel, dict) and channel.get("id"):
            channel_ids.append(str(channel["id"]))
    modified = raw.get("modified")
    return ServiceData(
        guid=guid,
        names=names,
        descriptions=descriptions,
        organisation=organisation,
        themes=themes_of(words),
        labels=labels,
        channel_ids=channel_ids,
        publishing_status=str(raw.get("publishingStatus") or ""),
        modified=parse_datetime(modified) if isinstance(modified, str) else None,
    )


def _address(raw: dict) -> dict:
    street = raw.get("streetAddress") if isinstance(raw.get("streetAddress"), dict) else {}
    streets = _texts(street.get("street"))
    offices = _texts(street.get("postOffice"))
    municipality = (
        street.get("municipality") if isinstance(street.get("municipality"), dict) else {}
    )
    return {
        "street": " ".join(
            part
            for part in (
                streets.get("fi") or streets.get("sv") or "",
                street.get("streetNumber") or "",
            )
            if part
        ),
        "postal_code": str(street.get("postalCode") or ""),
        "post_office": offices.get("fi") or offices.get("sv") or "",
        "municipality": (_texts(municipality.get("name")).get("fi") or ""),
    }


def _hours(items) -> list[dict]:
    hours = []
    for item in items or []:
        if not isinstance(item, dict):
            continue
        for opening in item.get("openingHour") or []:
            if isinstance(opening, dict):
                hours.append(
                    {
                        "from_day": str(opening.get("dayFrom") or ""),
                        "to_day": str(opening.get("dayTo") or ""),
                        "opens": str(opening.get("from") or "")[:5],
                        "closes": str(opening.get("to") or "")[:5],
                    }
                )
    return hours


def channel(raw) -> tuple[str, dict | None, str]:
    """(id, a service location or None, a web page address or ""). Phone numbers and
    email addresses are left unread."""
    if not isinstance(raw, dict) or not raw.get("id"):
        raise Malformed(_("asiointikanavalla ei ole tunnistetta"))
    kind = raw.get("serviceChannelType")
    pages = [
        page.get("url")
        for page in raw.get("webPages") or []
        if isinstance(page, dict) and isinstance(page.get("url"), str)
    ]
    web_page = pages[0] if pages else (raw.get("url") if isinstance(raw.get("url"), str) else "")
    if kind != "ServiceLocation":
        return str(raw["id"]), None, web_page if kind == "WebPage" else ""
    names = _texts(raw.get("serviceChannelNames"), kinds={"Name"})
    addresses = [
        _address(address)
        for address in raw.get("addresses") or []
        if isinstance(address, dict) and address.get("type") in ("Location", "Visiting", None)
    ]
    location = {
        "names": names,
        "address": addresses[0] if addresses else {},
        "hours": _hours(raw.get("serviceHours")),
        "web_page": web_page,
    }
    return str(raw["id"]), location, web_page
