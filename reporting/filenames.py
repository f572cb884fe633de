"""Export file names, one rule for every export: the export's name in the reader's
language, in ASCII (ä → a, ö → o, å → a, so every mail program and file system keeps
it), then the day: `tiimin-tilanne-2026-11-27.xlsx`, `teamets-lage-2026-11-27.csv`."""

from __future__ import annotations

import datetime

from django.utils import timezone
from django.utils.text import slugify


def export_filename(*, name: str, extension: str, day: datetime.date | None = None) -> str:
    """`name` (already in the reader's language) as ASCII words joined by hyphens, the
    day (today by default) and the extension."""
    day = day or timezone.localdate()
    return f"{slugify(str(name)) or 'export'}-{day:%Y-%m-%d}.{extension}"
