"""The hyte card's content: the activity tray address as an inline SVG QR code, and
short tips for opening a conversation about wellbeing, in Finnish and Swedish."""

from pathlib import Path

import segno
from django.utils.safestring import mark_safe

from people.demo.content_files import read_demo_content

DEMO_CONTENT_FILE = Path(__file__).parent / "demo" / "content.yaml"

TIPS = {
    "fi": [
        "Kysy ensin, mikä arjessa tuottaa iloa – ja mikä kuormittaa.",
        "Kerro, että lähialueella on maksutonta toimintaa, ja näytä kortin QR-koodi.",
        "Ehdota yhtä pientä kokeilua, ei koko elämänmuutosta.",
        "Sovi, palataanko asiaan seuraavalla käynnillä.",
    ],
    "sv": [
        "Fråga först vad som ger glädje i vardagen – och vad som tynger.",
        "Berätta att det finns avgiftsfri verksamhet i närheten och visa kortets QR-kod.",
        "Föreslå ett litet försök, inte en hel livsstilsförändring.",
        "Kom överens om ni ska återkomma till saken vid nästa besök.",
    ],
}


def tips(language: str) -> list[str]:
    """The tips written for the demo content when present, else the built-in ones."""
    written = (read_demo_content(DEMO_CONTENT_FILE) or {}).get("hyte_card_tips", {})
    return list(written.get(language) or TIPS[language])


def qr_svg(url: str) -> str:
    code = segno.make(url, error="m")
    # segno escapes the title itself; the rest of its SVG is numbers and fixed markup.
    svg = code.svg_inline(scale=5, border=2, dark="#000", light="#fff", title=url)
    return mark_safe(svg.replace("<svg ", '<svg role="img" focusable="false" ', 1))  # noqa: S308
