"""A package's files, served to signed-in people from their own address
(`/paketit/<id>/sisalto/...`) with a Content-Security-Policy of their own: the package
may load only its own files (and, for H5P, the player's), may be framed only by the
site, and may send no form anywhere. Files are read from PACKAGE_ROOT through Django
(FileResponse), with a content type chosen from a fixed list."""

from pathlib import Path

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.clickjacking import xframe_options_sameorigin

from packages.models import ContentPackage

# What a package may be served as; anything else goes out as a download-only type.
SAFE_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".htm": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json",
    ".xml": "application/xml",
    ".txt": "text/plain; charset=utf-8",
    ".vtt": "text/vtt; charset=utf-8",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".svg": "image/svg+xml",
    ".ico": "image/x-icon",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".ttf": "font/ttf",
    ".otf": "font/otf",
    ".mp3": "audio/mpeg",
    ".ogg": "audio/ogg",
    ".wav": "audio/wav",
    ".m4a": "audio/mp4",
    ".mp4": "video/mp4",
    ".webm": "video/webm",
    ".pdf": "application/pdf",
}


def package_policy(request, package: ContentPackage) -> str:
    """The Content-Security-Policy of a package's files and of its H5P player page."""
    origin = f"{request.scheme}://{request.get_host()}"
    own = origin + reverse("packages:content_root", args=[package.pk])
    sources = [own]
    if package.is_h5p:
        sources.append(origin + static("packages/"))
    allowed = " ".join(sources)
    return "; ".join(
        [
            f"default-src {allowed}",
            f"script-src {allowed} 'unsafe-inline' 'unsafe-eval'",
            f"style-src {allowed} 'unsafe-inline'",
            f"img-src {allowed} data: blob:",
            f"media-src {allowed} data: blob:",
            f"font-src {allowed} data:",
            f"connect-src {allowed}",
            f"frame-src {allowed} 'self'",
            "frame-ancestors 'self'",
            "form-action 'none'",
            "base-uri 'none'",
            "object-src 'none'",
        ]
    )


def _confine(response, request, package: ContentPackage):
    response["Content-Security-Policy"] = package_policy(request, package)
    response["X-Content-Type-Options"] = "nosniff"
    response["Referrer-Policy"] = "same-origin"
    response["Cache-Control"] = "private, max-age=3600"
    return response


@login_required
@xframe_options_sameorigin
def content(request, package_id: int, path: str):
    """One file of a package. Paths leaving the package folder answer 404."""
    package = get_object_or_404(ContentPackage, pk=package_id)
    root = (Path(settings.PACKAGE_ROOT) / package.folder).resolve()
    if not path or "\x00" in path or "\\" in path:
        raise Http404
    target = (root / path).resolve()
    if not target.is_relative_to(root) or not target.is_file():
        raise Http404
    suffix = target.suffix.lower()
    content_type = SAFE_TYPES.get(suffix) or "application/octet-stream"
    # FileResponse closes the file once sent.
    response = FileResponse(open(target, "rb"), content_type=content_type)  # noqa: SIM115
    return _confine(response, request, package)


@login_required
@xframe_options_sameorigin
def h5p_player(request, package_id: int):
    """The H5P player (h5p-standalone) for one H5P package, framed by the lesson. Its
    xAPI results are handed to the lesson page (postMessage), which stores them."""
    package = get_object_or_404(ContentPackage, pk=package_id, kind=ContentPackage.Kind.H5P)
    response = TemplateResponse(
        request,
        "packages/h5p_player.html",
        {
            "package": package,
            "content_url": reverse("packages:content_root", args=[package.pk]).rstrip("/"),
        },
    )
    return _confine(response, request, package)
