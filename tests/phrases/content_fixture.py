"""A tiny demo content module in the shape of phrases.demo.content, for the loader."""

ACTIVITIES = [
    {
        "key": "kavelyryhma-jarvela",
        "name_fi": "Kävelyryhmä Järvelässä",
        "name_sv": "Promenadgrupp i Järvelä",
        "organisation": {
            "name": "Järvelän Kuntoilijat ry",
            "kind": "ngo",
            "municipality": "Järvelä",
        },
        "municipality": "Järvelä",
        "themes": ["liikunta", "osallisuus"],
        "description_fi": "Kävellään yhdessä rauhalliseen tahtiin.",
        "description_sv": "Vi promenerar tillsammans i lugn takt.",
        "contact": "kavely@example.test",
        "url": "https://kuntoilijat.example/kavely",
    },
    {
        "key": "kuoro-seurakunta",
        "name_fi": "Avoin kuoro",
        "name_sv": "Öppen kör",
        "organisation": {
            "name": "Laaksolan seurakunta",
            "kind": "parish",
            "municipality": "Laaksola",
        },
        "municipality": "Laaksola",
        "themes": ["kulttuuri"],
        "description_fi": "Laulamme yhdessä.",
        "description_sv": "Vi sjunger tillsammans.",
        "contact": "",
        "url": "",
    },
]

PHRASES = [
    {
        "code": "HYTE-LIIKUNTA-1",
        "title_fi": "Ohjaus liikuntaryhmään",
        "title_sv": "Hänvisning till motionsgrupp",
        "body_fi": "Asiakas ohjattu liikuntaryhmään {{activity}} ({{organiser}}) alkaen {{date}}.",
        "body_sv": "Klienten hänvisad till {{activity}} ({{organiser}}) från {{date}}.",
        "themes": ["liikunta"],
        "service_areas": ["aikuiset"],
        "record_types": ["client_record"],
    },
    {
        "code": "HYTE-KULTTUURI-1",
        "title_fi": "Kulttuuritoiminta",
        "title_sv": "Kulturverksamhet",
        "body_fi": "Keskusteltu kulttuuritoiminnasta: {{choice:Kiinnostus|kiinnostunut|ei nyt}}.",
        "body_sv": "Samtal om kultur: {{choice:Intresse|intresserad|inte nu}}.",
        "themes": ["kulttuuri"],
        "service_areas": ["ikaantyneet"],
        "record_types": ["care_plan"],
    },
]

GLOSSARY = [
    {
        "slug": "hyte",
        "term_fi": "hyte",
        "term_sv": "främjande av välfärd och hälsa",
        "term_en": "wellbeing and health promotion",
        "definition_fi": "<p>Hyvinvoinnin ja terveyden edistäminen.</p>",
        "definition_sv": "<p>Främjande av välfärd och hälsa.</p>",
        "definition_en": "<p>Promoting wellbeing and health.</p>",
    }
]

HYTE_CARD_TIPS_FI = ["Kysy, mikä tuo iloa."]
HYTE_CARD_TIPS_SV = ["Fråga vad som ger glädje."]
