"""The gap syntax: parsing, refusing broken gaps with their position, filling."""

import pytest

from phrases import gaps


def test_plain_text_has_no_gaps():
    parsed = gaps.parse("Asiakas ohjattu palveluun.")
    assert parsed.gaps == []
    assert gaps.fill(parsed, {}) == "Asiakas ohjattu palveluun."


def test_every_kind_with_and_without_label():
    parsed = gaps.parse(
        "{{activity}} {{organiser:Järjestäjä}} {{date:Alkaa}} {{text?:Lisätieto}} "
        "{{choice:Tapa|itse|tuettuna}}"
    )
    kinds = [(gap.kind, gap.label, gap.optional) for gap in parsed.gaps]
    assert kinds == [
        ("activity", "Toiminta", False),
        ("organiser", "Järjestäjä", False),
        ("date", "Alkaa", False),
        ("text", "Lisätieto", True),
        ("choice", "Tapa", False),
    ]
    assert parsed.gaps[4].options == ("itse", "tuettuna")


def test_gap_names_are_unique_per_kind():
    parsed = gaps.parse("{{text:A}} ja {{text:B}}")
    assert [gap.name for gap in parsed.gaps] == ["text_1", "text_2"]


def test_optional_marker_without_label():
    (gap,) = gaps.parse("Lisäksi {{text?}}.").gaps
    assert gap.optional and gap.label == "Lisätieto"


@pytest.mark.parametrize(
    ("body", "position", "fragment"),
    [
        ("Asiakas ohjattu {{activity ryhmään", 17, "aukko jää auki"),
        ("Alku {{text}} ja {{date", 18, "aukko jää auki"),
        ("Ohjattu {{activity {{date}}", 9, "aukko jää auki"),
        ("Ohjattu {{paikka}} tänään", 9, "tuntematon aukon tyyppi ”paikka”"),
        ("Valinta {{choice:Tapa}}", 9, "vähintään kaksi vaihtoehtoa"),
        ("Valinta {{choice:Tapa|vain yksi}}", 9, "vähintään kaksi vaihtoehtoa"),
        ("Päivä {{date:Alkaa|huomenna|ylihuomenna}}", 7, "vain valintalistalla"),
        ("Loppu }} ilman alkua", 7, "ilman avaavia"),
        ("Tyyppi {{text Lisätieto}}", 8, "kaksoispistettä"),
    ],
)
def test_broken_gaps_are_refused_with_their_position(body, position, fragment):
    with pytest.raises(gaps.GapSyntaxError) as raised:
        gaps.parse(body)
    assert raised.value.position == position
    assert f"Merkki {position}" in str(raised.value)
    assert fragment in str(raised.value)
    assert raised.value.word.startswith("{{") or raised.value.word.startswith("}}")


def test_fill_formats_dates_in_finnish_and_drops_empty_optional_gaps():
    parsed = gaps.parse("Alkaa {{date}}. Huom {{text?:Lisä}}.")
    assert gaps.fill(parsed, {"date_1": "2026-03-05"}) == "Alkaa 5.3.2026. Huom."


def test_activity_fills_the_organiser():
    parsed = gaps.parse("Ohjattu: {{activity}}, järjestäjä {{organiser}}.")
    values = {"activity_1": "Kävelyryhmä", "organiser_1": ""}
    organisers = {"Kävelyryhmä": "Kuntoilijat ry"}
    assert gaps.fill(parsed, values, organisers) == (
        "Ohjattu: Kävelyryhmä, järjestäjä Kuntoilijat ry."
    )
    assert gaps.missing_required(parsed, values, organisers) == []
    assert [gap.label for gap in gaps.missing_required(parsed, {"activity_1": ""})] == [
        "Toiminta",
        "Järjestäjä",
    ]


def test_an_organiser_written_by_hand_is_kept():
    parsed = gaps.parse("{{activity}} / {{organiser}}")
    filled = gaps.fill(
        parsed, {"activity_1": "Kuoro", "organiser_1": "Oma"}, {"Kuoro": "Seurakunta"}
    )
    assert filled == "Kuoro / Oma"


def test_plain_text_shows_labels():
    assert gaps.parse("Ohjattu {{activity:Ryhmä}}.").plain_text() == "Ohjattu [Ryhmä]."
