"""Open an export in LibreOffice Calc as a county's staff would: `soffice --headless`
converts the file (CSV read with the reader's locale, as Calc's import dialog does by
default) to XLSX, which openpyxl then reads cell by cell. scripts/test.sh installs
Debian's libreoffice-calc-nogui; without it the test is skipped locally and fails in CI."""

import shutil
import subprocess
from pathlib import Path

import openpyxl

from tests.conftest import need

# LibreOffice's language ids (MS LCIDs) for the CSV filter's locale field.
LOCALES = {"fi": 1035, "sv": 2077, "en": 1033}  # sv: Swedish (Finland)


def soffice() -> str:
    path = shutil.which("soffice") or shutil.which("libreoffice")
    need(path is not None, "LibreOffice (soffice)")
    return path


def open_in_calc(path: Path, *, language: str = "fi"):
    """The first sheet of `path` as Calc reads it, through an XLSX Calc writes."""
    program = soffice()
    out = path.parent / "calc"
    out.mkdir(exist_ok=True)
    command = [
        program,
        "--headless",
        f"-env:UserInstallation=file://{path.parent / 'calc-profile'}",
        "--convert-to",
        "xlsx",
        "--outdir",
        str(out),
    ]
    if path.suffix == ".csv":
        # separator ;, quote ", UTF-8, from line 1, default column types, locale
        command.insert(2, f"--infilter=CSV:59,34,76,1,,{LOCALES[language]}")
    subprocess.run([*command, str(path)], check=True, capture_output=True, timeout=180)
    return openpyxl.load_workbook(out / f"{path.stem}.xlsx").active
