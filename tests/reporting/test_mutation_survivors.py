"""Formula safety rules that mutation testing showed unguarded: a carriage return
starts a formula too, and every formula prefix (not only "=") gets the XLSX quote
prefix."""

import io

import pytest
from openpyxl import load_workbook

from reporting.spreadsheets import FORMULA_PREFIXES, csv_value, write_xlsx


@pytest.mark.parametrize("prefix", [p for p in FORMULA_PREFIXES if p != "\0"])
def test_csv_writes_every_formula_prefix_as_text(prefix):
    assert csv_value(f"{prefix}1+1") == f"'{prefix}1+1"


def test_a_carriage_return_is_a_formula_prefix():
    assert csv_value("\r=HYPERLINK(1)") == "'\r=HYPERLINK(1)"


@pytest.mark.parametrize("text", ["=1+1", "+1+1", "-1+1", "@SUM(A1)", "\t=1", "\r=1"])
def test_xlsx_quote_prefixes_every_formula_prefix(tmp_path, settings, text):
    settings.EXPORT_ROOT = str(tmp_path)
    target = io.BytesIO()
    write_xlsx(target, ["Arvo"], [[text], ["tavallinen"]])
    sheet = load_workbook(io.BytesIO(target.getvalue())).active
    risky, plain = sheet["A2"], sheet["A3"]
    # XML reads a carriage return back as a line feed.
    assert risky.value.replace("\n", "\r") == text and risky.data_type == "s"
    assert risky.quotePrefix
    assert not plain.quotePrefix


def _sheet_xml(rows) -> bytes:
    import zipfile

    target = io.BytesIO()
    write_xlsx(target, ["A", "B", "C"], rows)
    with zipfile.ZipFile(io.BytesIO(target.getvalue())) as package:
        return package.read("xl/worksheets/sheet1.xml")


def test_xlsx_writes_yes_and_no_as_booleans(tmp_path, settings):
    settings.EXPORT_ROOT = str(tmp_path)
    target = io.BytesIO()
    write_xlsx(target, ["Osallistui", "Hyödyllinen"], [[True, False]])
    sheet = load_workbook(io.BytesIO(target.getvalue())).active
    assert (sheet["A2"].value, sheet["A2"].data_type) == (True, "b")
    assert (sheet["B2"].value, sheet["B2"].data_type) == (False, "b")


def test_xlsx_writes_a_value_of_another_type_as_its_text_in_its_own_cell(tmp_path, settings):
    import uuid

    settings.EXPORT_ROOT = str(tmp_path)
    key = uuid.UUID("12345678-1234-5678-1234-567812345678")
    target = io.BytesIO()
    write_xlsx(target, ["Nimi", "Avain"], [["Kurssi", key]])
    sheet = load_workbook(io.BytesIO(target.getvalue())).active
    assert sheet["B2"].value == str(key) and sheet["B2"].data_type == "s"
    assert sheet["A2"].value == "Kurssi"


def test_a_hidden_share_or_mean_leaves_the_cell_out_and_nothing_in_its_place(settings, tmp_path):
    """A figure hidden for a small group (None) is an empty cell: no cell element and no
    stray text in the row."""
    from xml.etree import ElementTree

    from reporting.spreadsheets import Percent, Rating

    settings.EXPORT_ROOT = str(tmp_path)
    namespace = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    root = ElementTree.fromstring(_sheet_xml([["Yksikkö", Percent(None), Rating(None)]]))
    (row,) = [r for r in root.iter(f"{namespace}row") if r.get("r") == "2"]
    assert [cell.get("r") for cell in row] == ["A2"]
    assert not (row.text or "").strip()
    assert all(not (cell.tail or "").strip() for cell in row)
