"""The gap syntax of phrase bodies: parsing, checking and filling.

A gap is written `{{kind}}`, `{{kind:Label}}` or, for a pick list,
`{{choice:Label|option one|option two}}`; a `?` right after the kind marks it optional
(`{{text?:Lisätieto}}`). Kinds: activity, organiser, date, text, choice. This module is
pure (no database): the model, the forms and the views all use it.
"""

import datetime
import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

ACTIVITY = "activity"
ORGANISER = "organiser"
DATE = "date"
TEXT = "text"
CHOICE = "choice"

KINDS = (ACTIVITY, ORGANISER, DATE, TEXT, CHOICE)

DEFAULT_LABELS = {
    ACTIVITY: gettext_lazy("Toiminta"),
    ORGANISER: gettext_lazy("Järjestäjä"),
    DATE: gettext_lazy("Päivämäärä"),
    TEXT: gettext_lazy("Lisätieto"),
    CHOICE: gettext_lazy("Valinta"),
}

_KIND_RE = re.compile(r"\s*([A-Za-z_]*)\s*(\?)?\s*")


@dataclass(frozen=True)
class Gap:
    """One gap; `name` is its form field name, unique within the phrase."""

    name: str
    kind: str
    label: str
    optional: bool = False
    options: tuple[str, ...] = ()

    @property
    def required(self) -> bool:
        return not self.optional


@dataclass
class Parsed:
    """The body as alternating literal text (str) and gaps (Gap)."""

    parts: list = field(default_factory=list)

    @property
    def gaps(self) -> list[Gap]:
        return [part for part in self.parts if isinstance(part, Gap)]

    def plain_text(self) -> str:
        """The body with each gap shown as its label in brackets (for search and lists)."""
        return "".join(part if isinstance(part, str) else f"[{part.label}]" for part in self.parts)


class GapSyntaxError(ValueError):
    """A broken gap; `position` is the 1-based character offset of its `{{`."""

    def __init__(self, message: str, position: int, word: str):
        self.position = position
        self.word = word
        super().__init__(
            _("Merkki %(position)s (kohta ”%(word)s”): %(message)s")
            % {"position": position, "word": word, "message": message}
        )


def _word_at(body: str, start: int) -> str:
    snippet = body[start : start + 30].split("\n", 1)[0]
    end = snippet.find("}}")
    return snippet[: end + 2] if end >= 0 else snippet.rstrip()


def parse(body: str) -> Parsed:
    """Split a body into text and gaps. Raises GapSyntaxError for an unclosed gap, an
    unknown kind, a pick list with fewer than two options or a stray `}}`."""
    parsed = Parsed()
    position = 0
    counts: dict[str, int] = {}
    while True:
        start = body.find("{{", position)
        stray = body.find("}}", position)
        if stray >= 0 and (start < 0 or stray < start):
            raise GapSyntaxError(
                _("sulkevat aaltosulkeet }} ilman avaavia {{."), stray + 1, _word_at(body, stray)
            )
        if start < 0:
            if position < len(body):
                parsed.parts.append(body[position:])
            return parsed
        if start > position:
            parsed.parts.append(body[position:start])
        end = body.find("}}", start + 2)
        nested = body.find("{{", start + 2)
        if end < 0 or (0 <= nested < end):
            raise GapSyntaxError(
                _("aukko jää auki: lisää sulkevat aaltosulkeet }}."),
                start + 1,
                _word_at(body, start),
            )
        parsed.parts.append(_parse_gap(body, start, body[start + 2 : end], counts))
        position = end + 2


def _parse_gap(body: str, start: int, inner: str, counts: dict[str, int]) -> Gap:
    match = _KIND_RE.match(inner)
    kind = match.group(1).lower()
    optional = bool(match.group(2))
    rest = inner[match.end() :]
    word = _word_at(body, start)
    if kind not in KINDS:
        raise GapSyntaxError(
            _("tuntematon aukon tyyppi ”%(kind)s”. Sallitut: %(kinds)s.")
            % {"kind": kind or "", "kinds": ", ".join(KINDS)},
            start + 1,
            word,
        )
    label, options = "", []
    if rest:
        if not rest.startswith(":"):
            raise GapSyntaxError(
                _("tyypin jälkeen odotetaan kaksoispistettä ja otsikkoa."), start + 1, word
            )
        pieces = [piece.strip() for piece in rest[1:].split("|")]
        label, options = pieces[0], [piece for piece in pieces[1:] if piece]
    if kind == CHOICE and len(options) < 2:
        raise GapSyntaxError(
            _("valintalistalla on oltava vähintään kaksi vaihtoehtoa (choice:Otsikko|a|b)."),
            start + 1,
            word,
        )
    if kind != CHOICE and options:
        raise GapSyntaxError(
            _("vain valintalistalla (choice) voi olla vaihtoehtoja."), start + 1, word
        )
    counts[kind] = counts.get(kind, 0) + 1
    return Gap(
        name=f"{kind}_{counts[kind]}",
        kind=kind,
        label=label or str(DEFAULT_LABELS[kind]),
        optional=optional,
        options=tuple(options),
    )


def finnish_date(value: str) -> str:
    """ISO date (from a date input) → d.m.yyyy; anything else is returned as written."""
    try:
        day = datetime.date.fromisoformat(value.strip())
    except ValueError:
        return value.strip()
    return f"{day.day}.{day.month}.{day.year}"


def missing_required(
    parsed: Parsed, values: dict[str, str], organiser_of: dict[str, str] | None = None
) -> list[Gap]:
    """The required gaps that have no value (after the activity filled the organiser)."""
    filled = complete_values(parsed, values, organiser_of)
    return [gap for gap in parsed.gaps if gap.required and not filled.get(gap.name, "").strip()]


def complete_values(
    parsed: Parsed, values: dict[str, str], organiser_of: dict[str, str] | None = None
) -> dict[str, str]:
    """The values with every empty organiser gap filled from the chosen activity's
    organiser. `values` for activity gaps are activity names; `organiser_of` maps an
    activity name to its organiser's name."""
    result = {name: (value or "").strip() for name, value in values.items()}
    organiser_of = organiser_of or {}
    organiser = ""
    for gap in parsed.gaps:
        if gap.kind == ACTIVITY and result.get(gap.name):
            organiser = organiser_of.get(result[gap.name], "")
            break
    if organiser:
        for gap in parsed.gaps:
            if gap.kind == ORGANISER and not result.get(gap.name):
                result[gap.name] = organiser
    return result


def fill(parsed: Parsed, values: dict[str, str], organiser_of: dict[str, str] | None = None) -> str:
    """The finished text: every gap replaced by its value (dates in Finnish format); an
    empty optional gap disappears together with one space next to it."""
    filled = complete_values(parsed, values, organiser_of)
    out: list[str] = []
    for part in parsed.parts:
        if isinstance(part, str):
            out.append(part)
            continue
        value = filled.get(part.name, "")
        if part.kind == DATE and value:
            value = finnish_date(value)
        out.append(value)
    text = "".join(out)
    # An empty optional gap leaves a double space or a space before punctuation.
    text = re.sub(r"[ \t]{2,}", " ", text)
    text = re.sub(r" +([.,;:!?])", r"\1", text)
    return text.strip()
