"""Reading an uploaded SCORM package or H5P file (both zip archives) before anything is
stored: the archive's directory is checked first (every path stays inside the package,
the unpacked size and the packing ratio are bounded), then the manifest is read
(`imsmanifest.xml` for SCORM, `h5p.json` for H5P), and only then are the members
unpacked, each read no further than the size the directory gives.

Our own code: the checks are a few dozen lines over the standard library's `zipfile`
and defusedxml, and the rules (which paths, which sizes, which Finnish messages) are
ours; the SCORM libraries on PyPI either unpack before checking or serve nothing."""

import json
import posixpath
import shutil
import stat
import uuid
import zipfile
from dataclasses import dataclass
from pathlib import Path

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException
from django.conf import settings
from django.utils.translation import gettext as _

SCORM_12 = "scorm12"
SCORM_2004 = "scorm2004"
H5P = "h5p"

# Members smaller than this are never refused for their ratio (text packs well).
_RATIO_FLOOR_BYTES = 1024 * 1024
_CHUNK = 1024 * 1024


class PackageRefused(Exception):
    """The upload is not stored; `message` says why, in the reader's language."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Inspection:
    kind: str  # SCORM_12, SCORM_2004 or H5P
    launch: str  # the page to open inside the package ("" for H5P)
    title: str
    unpacked_bytes: int
    members: tuple[zipfile.ZipInfo, ...]


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.0f}"


def _safe_name(name: str) -> bool:
    """A member path that stays inside the package: relative, no `..`, no drive, no
    backslash (Windows tools write them as separators), no NUL."""
    if not name or "\\" in name or "\x00" in name or name.startswith("/"):
        return False
    if len(name) > 1 and name[1] == ":":
        return False
    parts = name.rstrip("/").split("/")
    return all(part not in ("", ".", "..") for part in parts)


def _check_directory(archive: zipfile.ZipFile) -> tuple[list[zipfile.ZipInfo], int]:
    members = archive.infolist()
    if len(members) > settings.PACKAGE_MAX_FILES:
        raise PackageRefused(
            _("Paketissa on liikaa tiedostoja (%(count)s, enintään %(limit)s).")
            % {"count": len(members), "limit": settings.PACKAGE_MAX_FILES}
        )
    for member in members:
        mode = member.external_attr >> 16
        if not _safe_name(member.filename) or stat.S_ISLNK(mode):
            raise PackageRefused(
                _(
                    "Paketissa on tiedosto, jonka polku johtaa paketin ulkopuolelle "
                    "(%(name)s). Pakettia ei tallennettu."
                )
                % {"name": member.filename[:200]}
            )
    total = sum(member.file_size for member in members)
    limit = settings.PACKAGE_MAX_UNPACKED_BYTES
    ratio = settings.PACKAGE_MAX_RATIO
    packed_too_tightly = any(
        member.file_size > _RATIO_FLOOR_BYTES
        and member.file_size > ratio * max(member.compress_size, 1)
        for member in members
    )
    if total > limit or packed_too_tightly:
        raise PackageRefused(
            _(
                "Paketti purkautuisi liian suureksi (%(size)s Mt). Suurin sallittu purettu "
                "koko on %(limit)s Mt, eikä paketti saa olla epätavallisen tiiviisti "
                "pakattu. Pakettia ei tallennettu."
            )
            % {"size": _megabytes(total), "limit": _megabytes(limit)}
        )
    return members, total


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _children(element, name: str) -> list:
    return [child for child in element if _local(child.tag) == name]


def _first_launchable_item(items: list):
    """The organisation's first item that points at a resource, depth first."""
    for item in items:
        if item.get("identifierref"):
            return item
        found = _first_launchable_item(_children(item, "item"))
        if found is not None:
            return found
    return None


def _scorm_version(root, text: str) -> str:
    versions = " ".join(
        (element.text or "") for element in root.iter() if _local(element.tag) == "schemaversion"
    )
    if "2004" in versions or "1.3" in versions or "adlcp_v1p3" in text:
        return SCORM_2004
    return SCORM_12


def _broken_manifest(detail: str) -> PackageRefused:
    return PackageRefused(
        _("Paketin imsmanifest.xml on virheellinen: %(detail)s. Pakettia ei tallennettu.")
        % {"detail": detail}
    )


def _read_scorm(
    archive: zipfile.ZipFile, names: set[str]
) -> tuple[
    str, str, str
]:  # long: one manifest walk, default organisation to launch file, each step with its message
    if "imsmanifest.xml" not in names:
        raise PackageRefused(
            _(
                "Paketista puuttuu imsmanifest.xml paketin juuresta: se ei ole SCORM-paketti. "
                "Pakettia ei tallennettu."
            )
        )
    raw = archive.read("imsmanifest.xml")
    try:
        root = ElementTree.fromstring(raw)
    except (ElementTree.ParseError, DefusedXmlException, ValueError):
        raise _broken_manifest(_("XML ei ole kelvollista")) from None
    if _local(root.tag) != "manifest":
        raise _broken_manifest(_("juurielementti ei ole manifest"))
    kind = _scorm_version(root, raw.decode("utf-8", "replace"))
    organizations = next(iter(_children(root, "organizations")), None)
    resources = next(iter(_children(root, "resources")), None)
    if organizations is None or resources is None:
        raise _broken_manifest(_("organizations tai resources puuttuu"))
    orgs = _children(organizations, "organization")
    default = organizations.get("default")
    organization = next((o for o in orgs if o.get("identifier") == default), None)
    if organization is None:
        organization = orgs[0] if orgs else None
    if organization is None:
        raise _broken_manifest(_("organisaatiota ei ole"))
    item = _first_launchable_item(_children(organization, "item"))
    if item is None:
        raise _broken_manifest(_("organisaatiossa ei ole käynnistettävää kohdetta"))
    resource = next(
        (
            r
            for r in _children(resources, "resource")
            if r.get("identifier") == item.get("identifierref")
        ),
        None,
    )
    href = resource.get("href") if resource is not None else None
    if not href:
        raise _broken_manifest(_("kohteen resurssilla ei ole href-osoitetta"))
    xml_base = "xml:base"
    base_attr = "{http://www.w3.org/XML/1998/namespace}base"
    base = (resources.get(base_attr) or resources.get(xml_base) or "") + (
        resource.get(base_attr) or resource.get(xml_base) or ""
    )
    path, _sep, query = (base + href).partition("?")
    path = posixpath.normpath(path)
    if not _safe_name(path) or path not in names:
        raise _broken_manifest(
            _("käynnistystiedostoa %(href)s ei ole paketissa") % {"href": href[:200]}
        )
    parameters = item.get("parameters") or ""
    if parameters:
        query = "&".join(part for part in (query, parameters.lstrip("?&")) if part)
    title_element = next(iter(_children(organization, "title")), None)
    title = (title_element.text or "").strip() if title_element is not None else ""
    return kind, path + (f"?{query}" if query else ""), title


def _read_h5p(archive: zipfile.ZipFile, names: set[str]) -> str:
    if "h5p.json" not in names:
        raise PackageRefused(
            _("H5P-tiedostosta puuttuu h5p.json: se ei ole H5P-tiedosto. Tiedostoa ei tallennettu.")
        )
    broken = _("H5P-tiedoston h5p.json on virheellinen. Tiedostoa ei tallennettu.")
    try:
        manifest = json.loads(archive.read("h5p.json"))
    except ValueError:
        raise PackageRefused(broken) from None
    main = manifest.get("mainLibrary") if isinstance(manifest, dict) else None
    dependencies = manifest.get("preloadedDependencies") if isinstance(manifest, dict) else None
    if not isinstance(main, str) or not isinstance(dependencies, list):
        raise PackageRefused(broken)
    if "content/content.json" not in names:
        raise PackageRefused(
            _("H5P-tiedostosta puuttuu content/content.json. Tiedostoa ei tallennettu.")
        )
    for dependency in dependencies:
        if not isinstance(dependency, dict):
            raise PackageRefused(broken)
        folder = "{}-{}.{}".format(
            dependency.get("machineName"),
            dependency.get("majorVersion"),
            dependency.get("minorVersion"),
        )
        if f"{folder}/library.json" not in names:
            raise PackageRefused(
                _(
                    "H5P-tiedostosta puuttuu kirjasto %(library)s. Vie sisältö niin, että "
                    "kirjastot ovat mukana. Tiedostoa ei tallennettu."
                )
                % {"library": folder[:120]}
            )
    title = manifest.get("title")
    return title.strip() if isinstance(title, str) else ""


def inspect(upload, *, h5p: bool) -> Inspection:
    """Check an uploaded file (a Django UploadedFile or any binary file object) and read
    its manifest; raise PackageRefused with the reason. Reads the archive's directory
    and the manifest only: milliseconds for a package of any size."""
    size = getattr(upload, "size", None)
    if size is not None and size > settings.PACKAGE_UPLOAD_MAX_BYTES:
        raise PackageRefused(
            _("Tiedosto on liian suuri (%(size)s Mt, enintään %(limit)s Mt).")
            % {"size": _megabytes(size), "limit": _megabytes(settings.PACKAGE_UPLOAD_MAX_BYTES)}
        )
    try:
        upload.seek(0)
        with zipfile.ZipFile(upload) as archive:
            members, total = _check_directory(archive)
            names = {member.filename for member in members if not member.is_dir()}
            if h5p:
                kind, launch, title = H5P, "", _read_h5p(archive, names)
            else:
                kind, launch, title = _read_scorm(archive, names)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError):
        raise PackageRefused(
            _("Tiedosto ei ole kelvollinen zip-paketti. Pakettia ei tallennettu.")
        ) from None
    return Inspection(
        kind=kind, launch=launch, title=title, unpacked_bytes=total, members=tuple(members)
    )


def extract(upload, inspection: Inspection) -> str:
    """Unpack the checked archive into a new folder under PACKAGE_ROOT and return the
    folder's name. The members go to a temporary folder first, which is renamed only
    when all are written; each member is read no further than the directory's size for
    it, so a lying directory cannot grow the package. Nothing is left behind on error."""
    root = Path(settings.PACKAGE_ROOT)
    root.mkdir(parents=True, exist_ok=True)
    folder = uuid.uuid4().hex
    partial = root / f".{folder}.partial"
    partial.mkdir()
    try:
        upload.seek(0)
        with zipfile.ZipFile(upload) as archive:
            for member in inspection.members:
                target = partial.joinpath(*member.filename.rstrip("/").split("/"))
                if member.is_dir():
                    target.mkdir(parents=True, exist_ok=True)
                    continue
                target.parent.mkdir(parents=True, exist_ok=True)
                left = member.file_size
                with archive.open(member) as source, open(target, "xb") as sink:
                    while chunk := source.read(min(_CHUNK, left + 1)):
                        left -= len(chunk)
                        if left < 0:
                            raise PackageRefused(_("Paketin tiedosto on vioittunut."))
                        sink.write(chunk)
        partial.rename(root / folder)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    return folder


def remove(folder: str) -> None:
    """Remove a package's unpacked files (after a failed save)."""
    if folder and "/" not in folder and not folder.startswith("."):
        shutil.rmtree(Path(settings.PACKAGE_ROOT) / folder, ignore_errors=True)
