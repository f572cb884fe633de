"""Keeps the hyte activity catalogue in step with the county's services in PTV.

A run reads the ids of the area's services changed since the last good run (all of them
the first time, or when asked for a full run), reads those services and their service
channels in batches of a hundred, and writes each published service as an activity
(key `ptv-<id>`), its organiser as a `Organisation`. A service that is no longer
published (withdrawn, archived, deleted) retires its activity: it stays for history but
is no longer offered in phrases. A malformed item is listed in the run's problems and
the rest go on. Runs take turns (a PostgreSQL advisory lock for the writing part).
"""

import datetime
import logging
import re
import zlib

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from intents.services import intent_record
from organisations.models import Organisation
from phrases.models import Activity
from ptv import mapping
from ptv.client import PtvError, PtvSource, PtvV11
from ptv.models import PtvService, SyncRun

logger = logging.getLogger(__name__)

SYNC_LOCK_KEY = zlib.crc32(b"hyteopas.ptv.sync") & 0x7FFFFFFF
# Changes made in PTV while the previous run was reading are read again.
OVERLAP = datetime.timedelta(minutes=10)
PROBLEMS_KEPT = 200


def configured() -> bool:
    return bool(settings.PTV_API_URL and settings.PTV_AREA_CODE)


def default_source() -> PtvSource:
    return PtvV11(
        base_url=settings.PTV_API_URL,
        area_type=settings.PTV_AREA_TYPE,
        area_code=settings.PTV_AREA_CODE,
        api_key=settings.PTV_API_KEY,
    )


def _since(full: bool) -> datetime.datetime | None:
    if full:
        return None
    last = (
        SyncRun.objects.filter(status__in=[SyncRun.Status.DONE, SyncRun.Status.DONE_WITH_PROBLEMS])
        .order_by("-started_at")
        .first()
    )
    return last.started_at - OVERLAP if last else None


def _organisation_kind(name: str) -> str:
    lowered = name.lower()
    if "seurakun" in lowered or "församling" in lowered:
        return Organisation.Kind.PARISH
    if "hyvinvointialue" in lowered or "välfärdsområde" in lowered:
        return Organisation.Kind.COUNTY
    if re.search(r"\bkunta\b|kaupunki|kommun|\bstad\b", lowered):
        return Organisation.Kind.MUNICIPAL
    return Organisation.Kind.NGO


def _contact(locations: list[dict]) -> str:
    """The first service location's address, for the referral; never a phone or email."""
    for location in locations:
        address = location.get("address") or {}
        parts = [
            address.get("street", ""),
            " ".join(p for p in (address.get("postal_code"), address.get("post_office")) if p),
        ]
        text = ", ".join(part for part in parts if part)
        if text:
            return text[:300]
    return ""


def _read(source: PtvSource, since, run: SyncRun):
    ids = list(dict.fromkeys(source.changed_service_ids(since=since)))
    services = []
    for raw in source.services(ids):
        try:
            services.append(mapping.service(raw))
        except mapping.Malformed as problem:
            run.problems.append(str(problem))
    run.fetched = len(ids)
    wanted = sorted({cid for found in services if found.published for cid in found.channel_ids})
    channels: dict[str, tuple[dict | None, str]] = {}
    for raw in source.channels(wanted) if wanted else []:
        try:
            channel_id, location, web_page = mapping.channel(raw)
        except mapping.Malformed as problem:
            run.problems.append(str(problem))
            continue
        channels[channel_id] = (location, web_page)
    for found in services:
        for channel_id in found.channel_ids:
            location, web_page = channels.get(channel_id, (None, ""))
            if location:
                found.locations.append(location)
            if web_page and not found.web_page:
                found.web_page = web_page[:500]
    return services


def _activity_fields(found: mapping.ServiceData, organisation: Organisation) -> dict:
    """The activity's fields from a published service; Finnish falls back to Swedish,
    then English."""
    names, descriptions = found.names, found.descriptions
    address = (found.locations[0].get("address") or {}) if found.locations else {}
    return {
        "name_fi": (names.get("fi") or names.get("sv") or names.get("en") or "")[:200],
        "name_sv": names.get("sv", "")[:200],
        "name_en": names.get("en", "")[:200],
        "organisation": organisation,
        "municipality": address.get("municipality", "")[:100],
        "themes": found.themes,
        "description_fi": descriptions.get("fi", ""),
        "description_sv": descriptions.get("sv", ""),
        "description_en": descriptions.get("en", ""),
        "contact": _contact(found.locations),
        "url": found.web_page,
        "active": True,
    }


def _write(services: list[mapping.ServiceData], run: SyncRun) -> None:
    now = timezone.now()
    known = {
        row.guid: row for row in PtvService.objects.filter(guid__in=[s.guid for s in services])
    }
    activities = {
        activity.key: activity
        for activity in Activity.objects.filter(key__in=[f"ptv-{s.guid}" for s in services])
    }
    organisations = {
        organisation.name: organisation
        for organisation in Organisation.objects.filter(name__in={s.organisation for s in services})
    }
    for found in services:
        row = known.get(found.guid) or PtvService(guid=found.guid)
        activity = activities.get(f"ptv-{found.guid}")
        if not found.published:
            if row.pk and row.retired_at is None:
                row.retired_at = now
                row.publishing_status = found.publishing_status
                row.save(update_fields=["retired_at", "publishing_status"])
                if activity is not None and activity.active:
                    activity.active = False
                    activity.save(update_fields=["active"])
                run.retired += 1
            continue
        if row.pk and activity is not None and row.modified == found.modified:
            continue  # read again in the overlap, unchanged since
        organiser_name = found.organisation or _("Tuntematon järjestäjä")
        organisation = organisations.get(organiser_name)
        if organisation is None:
            organisation = Organisation.objects.create(
                name=organiser_name, kind=_organisation_kind(organiser_name)
            )
            organisations[organiser_name] = organisation
        fields = _activity_fields(found, organisation)
        if activity is None:
            activity = Activity.objects.create(key=f"ptv-{found.guid}", **fields)
            run.created += 1
        else:
            for name, value in fields.items():
                setattr(activity, name, value)
            activity.save()
            run.updated += 1
        row.activity = activity
        row.names, row.descriptions = found.names, found.descriptions
        row.organisation = found.organisation
        row.themes = found.labels
        row.locations = found.locations
        row.web_page = found.web_page
        row.publishing_status = found.publishing_status
        row.modified = found.modified
        row.retired_at = None
        row.synced_at = now
        row.save()


def ptv_sync(*, source: PtvSource | None = None, full: bool = False) -> SyncRun:
    """One run; returns it with its counts, problems and status."""
    run = SyncRun.objects.create(since=_since(full))
    if source is None and not configured():
        run.status = SyncRun.Status.FAILED
        run.error = _("PTV-yhteyttä ei ole asetettu (PTV_API_URL ja PTV_AREA_CODE).")
    else:
        try:
            services = _read(source or default_source(), run.since, run)
            with transaction.atomic():
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_advisory_xact_lock(%s)", [SYNC_LOCK_KEY])
                _write(services, run)
            run.status = SyncRun.Status.DONE_WITH_PROBLEMS if run.problems else SyncRun.Status.DONE
        except PtvError as error:
            logger.warning("PTV sync failed: %s", error)
            run.status = SyncRun.Status.FAILED
            run.error = str(error)[:2000]
    run.problems = run.problems[:PROBLEMS_KEPT]
    run.finished_at = timezone.now()
    run.save()
    return run


def ptv_sync_later(*, full: bool = False) -> None:
    intent_record("ptv.sync", full=full)
