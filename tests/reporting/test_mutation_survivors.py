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
