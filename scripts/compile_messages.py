#!/usr/bin/env python3
"""Compile locale/*/LC_MESSAGES/django.po and each app's <app>/locale/*/LC_MESSAGES/django.po
into django.mo without GNU gettext.

    python scripts/compile_messages.py          # write every django.mo that changed
    python scripts/compile_messages.py --check  # exit 1 if any django.mo is missing or stale

The workflow when strings change (`make messages` runs steps 1 and 3):
  1. python manage.py makemessages -l sv -l en --no-obsolete --no-location \
         --ignore=.venv --ignore=var --ignore=bench --ignore=tests   (needs GNU gettext)
  2. translate every new or fuzzy entry in locale/{sv,en}/LC_MESSAGES/django.po and drop
     the "#, fuzzy" flags
  3. python scripts/compile_messages.py, then commit the .po and .mo files together.

Obsolete, fuzzy and untranslated entries are left out, as msgfmt does, so Django falls
back to the Finnish source string for them. The output depends only on the .po file:
entries are sorted by msgid and the integers are written little-endian, so the same
catalogue gives the same bytes on every machine and `--check` can compare bytes.
"""

from __future__ import annotations

import argparse
import struct
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
LOCALE_DIR = ROOT / "locale"
MO_MAGIC = 0x950412DE


def _included(entry: polib.POEntry) -> bool:
    if entry.obsolete or entry.fuzzy or not entry.msgid:
        return False
    if entry.msgid_plural:
        forms = entry.msgstr_plural
        return bool(forms) and all(forms[index] for index in forms)
    return bool(entry.msgstr)


def _key(entry: polib.POEntry) -> bytes:
    key = entry.msgid
    if entry.msgid_plural:
        key += "\0" + entry.msgid_plural
    if entry.msgctxt is not None:
        key = entry.msgctxt + "\x04" + key
    return key.encode("utf-8")


def _value(entry: polib.POEntry) -> bytes:
    if entry.msgid_plural:
        forms = entry.msgstr_plural
        return "\0".join(forms[index] for index in sorted(forms)).encode("utf-8")
    return entry.msgstr.encode("utf-8")


def _header(po: polib.POFile) -> bytes:
    # The header is always written, even if flagged fuzzy: Python's gettext reads the
    # charset and Plural-Forms from it. Like msgfmt, leave out POT-Creation-Date, which
    # makemessages bumps on every run, so the .mo changes only when a translation does.
    lines = (
        f"{name}: {value}\n" for name, value in po.ordered_metadata() if name != "POT-Creation-Date"
    )
    return "".join(lines).encode("utf-8")


def compile_po(po_path: Path) -> bytes:
    """Return the .mo bytes for one .po file."""
    po = polib.pofile(str(po_path), wrapwidth=0)
    pairs = {b"": _header(po)}
    for entry in po:
        if _included(entry):
            pairs[_key(entry)] = _value(entry)
    keys = sorted(pairs)

    count = len(keys)
    key_table_start = 7 * 4
    value_table_start = key_table_start + count * 8
    data_start = value_table_start + count * 8

    ids = b""
    strs = b""
    id_offsets: list[tuple[int, int]] = []
    str_offsets: list[tuple[int, int]] = []
    for key in keys:
        id_offsets.append((len(key), len(ids)))
        ids += key + b"\0"
    for key in keys:
        value = pairs[key]
        str_offsets.append((len(value), len(strs)))
        strs += value + b"\0"

    out = struct.pack("<7I", MO_MAGIC, 0, count, key_table_start, value_table_start, 0, data_start)
    for length, offset in id_offsets:
        out += struct.pack("<2I", length, data_start + offset)
    strs_start = data_start + len(ids)
    for length, offset in str_offsets:
        out += struct.pack("<2I", length, strs_start + offset)
    return out + ids + strs


def catalogues(locale_dir: Path | None = None) -> list[Path]:
    """The project's catalogues, and each app's own (makemessages writes an app's strings
    to <app>/locale/ when that folder exists), or those of one given folder."""
    if locale_dir is not None:
        return sorted(locale_dir.glob("*/LC_MESSAGES/django.po"))
    return sorted(LOCALE_DIR.glob("*/LC_MESSAGES/django.po")) + sorted(
        ROOT.glob("*/locale/*/LC_MESSAGES/django.po")
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 if any django.mo is missing or differs from its .po",
    )
    parser.add_argument("--locale-dir", type=Path, default=None)
    args = parser.parse_args(argv)

    po_paths = catalogues(args.locale_dir)
    if not po_paths:
        print(f"No */LC_MESSAGES/django.po under {args.locale_dir or ROOT}", file=sys.stderr)
        return 1
    stale = []
    for po_path in po_paths:
        mo_path = po_path.with_suffix(".mo")
        compiled = compile_po(po_path)
        current = mo_path.read_bytes() if mo_path.exists() else None
        if current == compiled:
            continue
        if args.check:
            stale.append(mo_path)
        else:
            mo_path.write_bytes(compiled)
            print(f"Compiled {mo_path}")
    if stale:
        for mo_path in stale:
            print(f"Out of date: {mo_path}", file=sys.stderr)
        print("Run: python scripts/compile_messages.py", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
