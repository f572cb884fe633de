"""Generated phrases for search tests and the search bench: Finnish and Swedish
sentences of referral work combined from word lists (inflected forms, compounds), with
codes HYTE-<THEME>-<n> numbered from 100 so that hand-written test codes stay unique.
They are built in memory and inserted in bulk, live, with their search terms computed by
the model and no revisions (the search never reads revisions)."""

import random

SUBJECTS = ["Asiakas", "Potilas", "Nuori", "Vanhempi", "Ikäihminen", "Asukas", "Omainen"]
VERBS = [
    "ohjattu",
    "ohjattiin",
    "on kiinnostunut tutustumaan",
    "sai tietoa",
    "haluaa osallistua",
    "kertoi käyneensä",
]
TARGETS = {
    "liikunta": ["liikuntaryhmään", "kuntosaliryhmään", "kävelyryhmään", "vesijumppaan"],
    "kulttuuri": ["kuoroon", "kulttuuritoimintaan", "taidepajaan", "lukupiiriin"],
    "luonto": ["luontoretkelle", "metsäkävelylle", "retkeilyryhmään", "puutarhakerhoon"],
    "osallisuus": ["vertaistukiryhmään", "kohtaamispaikkaan", "asukastupaan", "kerhoon"],
    "mieli": ["mielenterveysyhdistyksen ryhmään", "rentoutusryhmään", "keskusteluryhmään"],
    "paihde": ["päihdepalveluihin", "vertaistukeen", "tukipuhelimeen", "A-klinikalle"],
    "ravinto": ["ravitsemusterapeutille", "ruokapiiriin", "kokkikerhoon"],
    "uni": ["uniryhmään", "unikouluun", "rentoutusharjoituksiin"],
}
ORGANISERS = [
    "seurakunnan",
    "järjestön",
    "kunnan liikuntapalveluiden",
    "muistiyhdistyksen",
    "kansalaisopiston",
    "nuorisotalon",
    "perhekeskuksen",
]
TAILS = [
    "Sovittu seurannasta seuraavalla käynnillä.",
    "Asiakkaalle annettu esite ja yhteystiedot.",
    "Keskusteltu jaksamisesta ja arjen voimavaroista.",
    "Omainen osallistuu tarvittaessa mukaan.",
    "Tavoitteena säännöllinen osallistuminen kerran viikossa.",
    "{{date}} alkaen.",
    "{{text?:Lisätieto}}",
]
THEME_CODES = {
    "liikunta": "liikunta",
    "kulttuuri": "kulttuuri",
    "luonto": "luonto",
    "osallisuus": "osallisuus",
    "mieli": "mielen_hyvinvointi",
    "paihde": "paihteet",
    "ravinto": "ravitsemus",
    "uni": "uni",
}

SV_SUBJECTS = ["Klienten", "Patienten", "Den unga", "Föräldern", "Den äldre", "Invånaren"]
SV_VERBS = ["hänvisades till", "fick information om", "vill delta i", "berättade om"]
SV_TARGETS = {
    "liikunta": ["motionsgruppen", "gymgruppen", "promenadgruppen", "vattengympan"],
    "kulttuuri": ["kören", "kulturverksamheten", "konstverkstaden", "läsecirkeln"],
    "luonto": ["naturutflykten", "skogspromenaden", "trädgårdsklubben"],
    "osallisuus": ["kamratstödsgruppen", "mötesplatsen", "invånarstugan", "klubben"],
    "mieli": ["avslappningsgruppen", "samtalsgruppen", "föreningens grupp"],
    "paihde": ["missbrukartjänsterna", "stödtelefonen", "A-kliniken"],
    "ravinto": ["näringsterapeuten", "matcirkeln", "kockklubben"],
    "uni": ["sömngruppen", "sömnskolan", "avslappningsövningarna"],
}
SV_ORGANISERS = ["församlingens", "föreningens", "kommunens", "medborgarinstitutets"]
SV_TAILS = [
    "Uppföljning vid nästa besök.",
    "Broschyr och kontaktuppgifter gavs.",
    "Vi talade om ork och vardagens resurser.",
    "Målet är att delta en gång i veckan.",
    "{{date}} framåt.",
]


def synthetic_phrases(count: int, seed: int = 7) -> list[dict]:
    """`count` Finnish phrases as field values."""
    rng = random.Random(seed)
    phrases = []
    numbers: dict[str, int] = {}
    for _ in range(count):
        theme = rng.choice(list(TARGETS))
        numbers[theme] = numbers.get(theme, 99) + 1
        target = rng.choice(TARGETS[theme])
        body = (
            f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {target} "
            f"({rng.choice(ORGANISERS)} toiminta {{{{activity}}}}). {rng.choice(TAILS)}"
        )
        phrases.append(
            {
                "code": f"HYTE-{theme.upper()}-{numbers[theme]}",
                "title": f"{target.capitalize()} – {rng.choice(SUBJECTS).lower()}",
                "body": body,
                "themes": [THEME_CODES[theme]],
            }
        )
    return phrases


def synthetic_swedish_phrases(count: int, seed: int = 11) -> list[dict]:
    """`count` Swedish phrases as field values."""
    rng = random.Random(seed)
    phrases = []
    numbers: dict[str, int] = {}
    for _ in range(count):
        theme = rng.choice(list(SV_TARGETS))
        numbers[theme] = numbers.get(theme, 99) + 1
        target = rng.choice(SV_TARGETS[theme])
        body = (
            f"{rng.choice(SV_SUBJECTS)} {rng.choice(SV_VERBS)} {target} "
            f"({rng.choice(SV_ORGANISERS)} verksamhet {{{{activity}}}}). {rng.choice(SV_TAILS)}"
        )
        phrases.append(
            {
                "code": f"HYTE-{theme.upper()}-{numbers[theme]}",
                "title": f"{target.capitalize()} – {rng.choice(SV_SUBJECTS).lower()}",
                "body": body,
                "themes": [THEME_CODES[theme]],
            }
        )
    return phrases


def insert_phrases(rows) -> None:
    """Insert unsaved Phrase objects in bulk with their search terms and vocabulary."""
    from phrases.models import Phrase, PhraseSearchTerm

    for phrase in rows:
        phrase.set_search_terms()
    Phrase.objects.bulk_create(rows, batch_size=1000)
    PhraseSearchTerm.remember(term for phrase in rows for term in phrase.search_terms())
