"""The columns of the HR file. Headers are matched without case, accents or spaces,
so "Henkilönumero", "personalnummer" and "employee_number" all work: Finnish,
Swedish and English headers are accepted."""

import unicodedata
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

# field name -> (label shown in messages, accepted header spellings)
COLUMNS: dict[str, tuple] = {
    "employee_number": (
        _("henkilönumero"),
        ("henkilonumero", "tyontekijanumero", "employee_number", "personalnummer"),
    ),
    "first_name": (_("etunimi"), ("etunimi", "etunimet", "first_name", "firstname", "fornamn")),
    "last_name": (_("sukunimi"), ("sukunimi", "last_name", "lastname", "surname", "efternamn")),
    "email": (
        _("sähköposti"),
        ("sahkoposti", "email", "sahkopostiosoite", "epost"),
    ),
    "unit_code": (_("yksikkö"), ("yksikko", "yksikkokoodi", "unit", "unit_code", "enhet")),
    "job_role": (
        _("tehtävänimike"),
        ("tehtavanimike", "nimike", "job_role", "job_title", "befattning"),
    ),
    "supervisor_number": (
        _("esihenkilö"),
        ("esihenkilo", "esihenkilon_henkilonumero", "supervisor", "supervisor_number", "forman"),
    ),
    "start_date": (_("aloituspäivä"), ("aloituspaiva", "alkupaiva", "start_date", "startdatum")),
    "end_date": (_("päättymispäivä"), ("paattymispaiva", "loppupaiva", "end_date", "slutdatum")),
    "language": (_("kieli"), ("kieli", "asiointikieli", "language", "sprak")),
}

REQUIRED_VALUES = (
    "employee_number",
    "first_name",
    "last_name",
    "email",
    "unit_code",
    "job_role",
    "start_date",
)

MAX_LENGTHS = {
    "employee_number": 32,
    "first_name": 150,
    "last_name": 150,
    "email": 254,
    "unit_code": 32,
    "job_role": 200,
    "supervisor_number": 32,
}


def normalise_header(text: str) -> str:
    """ "Sähkö-posti " → "sahkoposti", "Start date" → "start_date"."""
    ascii_text = unicodedata.normalize("NFKD", str(text or "")).encode("ascii", "ignore").decode()
    return "_".join(ascii_text.strip().lower().replace("-", "").split())


HEADER_TO_FIELD = {
    spelling: field for field, (_label, spellings) in COLUMNS.items() for spelling in spellings
}


def label(field: str) -> str:
    return str(COLUMNS[field][0])


@dataclass(frozen=True)
class ColumnSpec:
    """The columns of one kind of file (staff, org tree): what `reading.read_rows`
    maps headers with. `optional` columns may be left out of the file."""

    columns: dict
    no_rows_message: object
    optional: tuple = ()
    header_to_field: dict = field(init=False, default_factory=dict)

    def __post_init__(self):
        self.header_to_field.update(
            {
                spelling: name
                for name, (_label, spellings) in self.columns.items()
                for spelling in spellings
            }
        )

    def field_for(self, header) -> str | None:
        return self.header_to_field.get(normalise_header(str(header)))

    def label(self, name: str) -> str:
        return str(self.columns[name][0])

    @property
    def required(self) -> list[str]:
        return [name for name in self.columns if name not in self.optional]


STAFF_COLUMNS = ColumnSpec(
    COLUMNS, _("Tiedostossa ei ole yhtään henkilöriviä otsikkorivin lisäksi.")
)
