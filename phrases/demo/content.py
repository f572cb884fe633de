"""Demo content of the phrase library: activities in the fictional Järvilaakso county,
the referral phrases its units copy into client records, the shared glossary and the
hyte card's conversation tips. Written for the demo; every organisation is fictional.

Gap syntax in phrase bodies: {{kind}}, {{kind:Label}}, {{choice:Label|option|option}};
a "?" after the kind marks an optional gap. Kinds: activity, organiser, date, text, choice.
"""

TRAY_URL = "https://hyte.jarvilaakso.example/toimintatarjotin"

# Organisations: (name, kind, municipality). Kinds are organisations.Organisation.Kind values.
LIIKUNTASEURA = {
    "name": "Järvilahden Liikuntaseura ry",
    "kind": "ngo",
    "municipality": "Järvilahti",
}
SENIORIT = {"name": "Kivikosken Seniorit ry", "kind": "ngo", "municipality": "Kivikoski"}
JARVILAHTI_PARISH = {
    "name": "Järvilahden seurakunta",
    "kind": "parish",
    "municipality": "Järvilahti",
}
KIVIKOSKI_PARISH = {"name": "Kivikosken seurakunta", "kind": "parish", "municipality": "Kivikoski"}
SPORTS = {"name": "Järvilahden liikuntapalvelut", "kind": "municipal", "municipality": "Järvilahti"}
CULTURE = {"name": "Kivikosken kulttuuripalvelut", "kind": "municipal", "municipality": "Kivikoski"}
YOUTH = {"name": "Salmelan nuorisopalvelut", "kind": "municipal", "municipality": "Salmela"}
LIBRARY = {
    "name": "Järvilahden kaupunginkirjasto",
    "kind": "municipal",
    "municipality": "Järvilahti",
}
ADULT_EDUCATION = {
    "name": "Kivikosken kansalaisopisto",
    "kind": "municipal",
    "municipality": "Kivikoski",
}
MIELENMAJA = {"name": "Mielenmaja ry", "kind": "ngo", "municipality": "Järvilahti"}
MUISTIPOLKU = {"name": "Muistipolku ry", "kind": "ngo", "municipality": "Kivikoski"}
FAMILY_CENTRE = {"name": "Järvilaakson perhekeskus", "kind": "county", "municipality": "Järvilahti"}
KUUSAMA = {"name": "Luontoliike Kuusama ry", "kind": "ngo", "municipality": "Salmela"}
SELVA_SUUNTA = {"name": "Selvä Suunta ry", "kind": "ngo", "municipality": "Järvilahti"}
KATTILA = {"name": "Ruokapiiri Kattila ry", "kind": "ngo", "municipality": "Koivumäki"}
KYLATALO = {"name": "Koivumäen kylätaloyhdistys ry", "kind": "ngo", "municipality": "Koivumäki"}
SILTA = {"name": "Vertaistuki Silta ry", "kind": "ngo", "municipality": "Rantala"}
SYKETTA = {"name": "Sykettä ry", "kind": "ngo", "municipality": "Rantala"}


def _url(key: str) -> str:
    return f"{TRAY_URL}/{key}"


def _activity(key, name_fi, name_sv, organisation, themes, description_fi, description_sv, contact):
    return {
        "key": key,
        "name_fi": name_fi,
        "name_sv": name_sv,
        "organisation": organisation,
        "municipality": organisation["municipality"],
        "themes": themes,
        "description_fi": description_fi,
        "description_sv": description_sv,
        "contact": contact,
        "url": _url(key),
    }


ACTIVITIES = [
    _activity(
        "tuolijumppa",
        "Tuolijumppa seniorikeskuksessa",
        "Stolgympa på seniorcentret",
        SPORTS,
        ["liikunta"],
        "Ohjattu tuolilla tehtävä jumppa kahdesti viikossa. Sopii myös rollaattorin kanssa "
        "liikkuville.",
        "Ledd gympa sittande på stol två gånger i veckan. Passar också den som går med rollator.",
        "liikuntaneuvonta@jarvilahti.example, 040 100 2001",
    ),
    _activity(
        "vesijumppa",
        "Vesijumppa uimahallissa",
        "Vattengympa i simhallen",
        SPORTS,
        ["liikunta"],
        "Lämpimän altaan vesijumppa nivelille ystävällisesti. Liikuntaneuvoja auttaa alkuun.",
        "Vattengympa i varm bassäng, skonsam för lederna. En motionsrådgivare hjälper i början.",
        "uimahalli@jarvilahti.example, 040 100 2002",
    ),
    _activity(
        "kavelyryhma",
        "Keskiviikon kävelyryhmä",
        "Onsdagens promenadgrupp",
        LIIKUNTASEURA,
        ["liikunta", "osallisuus"],
        "Vapaaehtoisten vetämä kävelylenkki rauhalliseen tahtiin, lopuksi kahvit seuran majalla.",
        "En promenad i lugnt tempo med frivilliga ledare, avslutas med kaffe i föreningens stuga.",
        "kavely@liikuntaseura.example",
    ),
    _activity(
        "kuntosali-aloittelijat",
        "Kuntosalin aloittajaryhmä",
        "Gymgrupp för nybörjare",
        LIIKUNTASEURA,
        ["liikunta"],
        "Kuuden viikon ryhmä, jossa opetellaan kuntosalilaitteiden käyttö turvallisesti.",
        "En grupp på sex veckor där man lär sig använda gymmets redskap på ett tryggt sätt.",
        "kuntosali@liikuntaseura.example",
    ),
    _activity(
        "liikuntaneuvonta",
        "Liikuntaneuvonta",
        "Motionsrådgivning",
        SPORTS,
        ["liikunta", "uni"],
        "Henkilökohtainen tapaaminen liikuntaneuvojan kanssa: sopiva laji ja oma "
        "liikuntasuunnitelma.",
        "Personligt möte med en motionsrådgivare: en passande gren och en egen motionsplan.",
        "liikuntaneuvonta@jarvilahti.example, 040 100 2001",
    ),
    _activity(
        "perhesahly",
        "Perhesähly",
        "Familjeinnebandy",
        YOUTH,
        ["liikunta", "osallisuus"],
        "Lauantaiaamujen sählyvuoro, jossa lapset ja aikuiset pelaavat samoissa joukkueissa.",
        "Innebandy på lördagsmorgnar där barn och vuxna spelar i samma lag.",
        "nuoriso@salmela.example",
    ),
    _activity(
        "lukupiiri",
        "Kirjaston lukupiiri",
        "Bibliotekets läsecirkel",
        LIBRARY,
        ["kulttuuri", "osallisuus"],
        "Kerran kuussa kokoontuva keskusteleva lukupiiri. Kirjat saa lainaan kirjastosta.",
        "En läsecirkel som träffas en gång i månaden. Böckerna kan lånas från biblioteket.",
        "kirjasto@jarvilahti.example",
    ),
    _activity(
        "kuoro",
        "Kaikkien kuoro",
        "Allas kör",
        KIVIKOSKI_PARISH,
        ["kulttuuri", "osallisuus"],
        "Matalan kynnyksen kuoro, jossa ei tarvita nuotinlukutaitoa eikä aiempaa kokemusta.",
        "En kör med låg tröskel där man inte behöver kunna läsa noter eller ha tidigare "
        "erfarenhet.",
        "kuoro@kivikoskenseurakunta.example",
    ),
    _activity(
        "taidepaja",
        "Taidepaja aikuisille",
        "Konstverkstad för vuxna",
        ADULT_EDUCATION,
        ["kulttuuri", "mielen_hyvinvointi"],
        "Maalausta ja savitöitä pienryhmässä. Kurssimaksusta voi hakea vapautusta.",
        "Målning och lera i liten grupp. Man kan ansöka om befrielse från kursavgiften.",
        "opisto@kivikoski.example",
    ),
    _activity(
        "kulttuuriluotsit",
        "Kulttuuriluotsit",
        "Kulturlotsar",
        CULTURE,
        ["kulttuuri", "osallisuus"],
        "Vapaaehtoinen luotsi lähtee seuraksi konserttiin, teatteriin tai museoon.",
        "En frivillig lots följer med på konsert, teater eller museum.",
        "kulttuuri@kivikoski.example",
    ),
    _activity(
        "museokaveri",
        "Museon avoin iltapäivä",
        "Museets öppna eftermiddag",
        CULTURE,
        ["kulttuuri"],
        "Maksuton opastettu kierros paikallismuseossa joka kuun ensimmäisenä tiistaina.",
        "Gratis guidad tur i hembygdsmuseet den första tisdagen varje månad.",
        "museo@kivikoski.example",
    ),
    _activity(
        "luontoretki",
        "Helpot luontoretket",
        "Lätta naturutflykter",
        KUUSAMA,
        ["luonto", "liikunta"],
        "Lyhyitä retkiä esteettömille reiteille. Kuljetus järjestetään kokoontumispaikalta.",
        "Korta utflykter längs tillgängliga leder. Transport ordnas från samlingsplatsen.",
        "retket@kuusama.example",
    ),
    _activity(
        "metsamieli",
        "Metsämieli-kävelyt",
        "Skogssinne-promenader",
        KUUSAMA,
        ["luonto", "mielen_hyvinvointi"],
        "Ohjattu hiljainen kävely metsässä, jossa harjoitellaan rauhoittumista ja aistien käyttöä.",
        "En ledd, tyst promenad i skogen där man övar på att varva ner och använda sinnena.",
        "retket@kuusama.example",
    ),
    _activity(
        "viljelypalsta",
        "Yhteinen viljelypalsta",
        "Gemensam odlingslott",
        KYLATALO,
        ["luonto", "osallisuus", "ravitsemus"],
        "Kylätalon pihalla viljellään yhdessä kesäkaudella. Välineet ja siemenet löytyvät talolta.",
        "På bygdegårdens gård odlar man tillsammans under sommaren. Redskap och frön finns på "
        "plats.",
        "kylatalo@koivumaki.example",
    ),
    _activity(
        "vertaisryhma-mieli",
        "Mielen vertaisryhmä",
        "Kamratgrupp för psykiskt välbefinnande",
        MIELENMAJA,
        ["mielen_hyvinvointi", "osallisuus"],
        "Koulutetun vertaisohjaajan vetämä ryhmä ahdistuksen ja masennuksen kanssa eläville.",
        "En grupp ledd av en utbildad kamratledare för personer som lever med ångest eller "
        "depression.",
        "ryhmat@mielenmaja.example, 040 100 3001",
    ),
    _activity(
        "olohuone",
        "Mielenmajan olohuone",
        "Mielenmajas vardagsrum",
        MIELENMAJA,
        ["mielen_hyvinvointi", "osallisuus"],
        "Avoin kohtaamispaikka arkipäivisin: kahvia, juttuseuraa ja tekemistä ilman ajanvarausta.",
        "En öppen mötesplats på vardagar: kaffe, sällskap och aktiviteter utan tidsbokning.",
        "olohuone@mielenmaja.example",
    ),
    _activity(
        "mielenterveystaidot",
        "Mielenterveystaitojen kurssi",
        "Kurs i psykiska färdigheter",
        MIELENMAJA,
        ["mielen_hyvinvointi", "uni"],
        "Neljän kerran kurssi arjen jaksamisesta, unesta ja stressin hallinnasta.",
        "En kurs på fyra gånger om att orka i vardagen, sömn och stresshantering.",
        "kurssit@mielenmaja.example",
    ),
    _activity(
        "muistikahvila",
        "Muistikahvila",
        "Minneskafé",
        MUISTIPOLKU,
        ["osallisuus", "mielen_hyvinvointi"],
        "Muistisairaiden ihmisten ja heidän läheistensä kohtaamispaikka, mukana muistiohjaaja.",
        "En mötesplats för personer med minnessjukdom och deras närstående, med en "
        "minneshandledare.",
        "muistikahvila@muistipolku.example, 040 100 4001",
    ),
    _activity(
        "omaisryhma",
        "Omaishoitajien vertaisryhmä",
        "Kamratgrupp för närståendevårdare",
        MUISTIPOLKU,
        ["osallisuus", "mielen_hyvinvointi"],
        "Omaistaan hoitavien keskusteluryhmä. Hoidettavalle voidaan järjestää seuraa ryhmän "
        "ajaksi.",
        "En samtalsgrupp för närståendevårdare. Sällskap för den som vårdas kan ordnas under "
        "tiden.",
        "omaiset@muistipolku.example",
    ),
    _activity(
        "perhekahvila",
        "Perhekahvila",
        "Familjekafé",
        JARVILAHTI_PARISH,
        ["osallisuus"],
        "Vauvaperheiden ja leikki-ikäisten aamupäivä seurakuntatalolla, välipala tarjolla.",
        "Förmiddag för familjer med bebisar och lekåldern i församlingshemmet, mellanmål bjuds.",
        "perhetyo@jarvilahdenseurakunta.example",
    ),
    _activity(
        "vauvaryhma",
        "Vauvaryhmä",
        "Babygrupp",
        FAMILY_CENTRE,
        ["osallisuus", "mielen_hyvinvointi"],
        "Ensimmäistä vauvaansa hoitaville vanhemmille: vertaistukea ja perhetyöntekijän vinkkejä.",
        "För föräldrar med sitt första barn: kamratstöd och tips av en familjearbetare.",
        "perhekeskus@jarvilaakso.example",
    ),
    _activity(
        "nuorten-iltakerho",
        "Nuorten iltakerho",
        "Kvällsklubb för unga",
        YOUTH,
        ["osallisuus", "kulttuuri"],
        "Nuorisotila avoinna 13–17-vuotiaille arki-iltaisin. Ohjaajat auttavat myös arjen "
        "asioissa.",
        "Ungdomsgården är öppen för 13–17-åringar på vardagskvällar. Ledarna hjälper också med "
        "vardagen.",
        "nuoriso@salmela.example",
    ),
    _activity(
        "paihdeneuvonta",
        "Päihdeneuvonnan avoin vastaanotto",
        "Öppen mottagning för rusmedelsrådgivning",
        SELVA_SUUNTA,
        ["paihteet"],
        "Nimetön ja maksuton keskusteluapu alkoholin, lääkkeiden tai rahapelien käytöstä.",
        "Anonymt och avgiftsfritt samtalsstöd om alkohol, läkemedel eller penningspel.",
        "neuvonta@selvasuunta.example, 040 100 5001",
    ),
    _activity(
        "toipujien-ryhma",
        "Toipujien vertaisryhmä",
        "Kamratgrupp för tillfrisknande",
        SELVA_SUUNTA,
        ["paihteet", "osallisuus"],
        "Viikoittainen ryhmä päihteettömyyttä tavoitteleville. Läheiset tervetulleita kuukauden "
        "viimeisellä kerralla.",
        "En grupp varje vecka för den som vill leva utan rusmedel. Närstående välkomna sista "
        "gången i månaden.",
        "ryhmat@selvasuunta.example",
    ),
    _activity(
        "kokkikerho",
        "Edullisen ruoan kokkikerho",
        "Matlagningsklubb för billig mat",
        KATTILA,
        ["ravitsemus", "osallisuus"],
        "Valmistetaan yhdessä terveellistä ja edullista arkiruokaa ja syödään yhteisen pöydän "
        "ääressä.",
        "Vi lagar hälsosam och billig vardagsmat tillsammans och äter vid ett gemensamt bord.",
        "kerho@kattila.example",
    ),
    _activity(
        "yhteislounas",
        "Yhteislounas kylätalolla",
        "Gemensam lunch i bygdegården",
        KYLATALO,
        ["ravitsemus", "osallisuus"],
        "Torstaisin lounas pientä maksua vastaan. Hyvä paikka tutustua kylän muuhun toimintaan.",
        "Lunch på torsdagar mot en liten avgift. Ett bra ställe att lära känna byns andra "
        "verksamhet.",
        "kylatalo@koivumaki.example",
    ),
    _activity(
        "ystavapalvelu",
        "Ystäväpalvelu",
        "Vänservice",
        SENIORIT,
        ["osallisuus", "mielen_hyvinvointi"],
        "Koulutettu vapaaehtoinen ystävä käy kotona tai lähtee ulkoilemaan noin kerran viikossa.",
        "En utbildad frivillig vän kommer hem på besök eller följer med ut ungefär en gång i "
        "veckan.",
        "ystavat@kivikoskenseniorit.example, 040 100 6001",
    ),
    _activity(
        "senioritanssit",
        "Senioritanssit",
        "Seniordans",
        SENIORIT,
        ["liikunta", "kulttuuri", "osallisuus"],
        "Päivätanssit elävän musiikin tahdissa joka toinen perjantai. Parin voi löytää paikan "
        "päältä.",
        "Dagdans till levande musik varannan fredag. En danspartner kan hittas på plats.",
        "tanssit@kivikoskenseniorit.example",
    ),
    _activity(
        "sydanryhma",
        "Sydänkävelijät",
        "Hjärtvandrarna",
        SYKETTA,
        ["liikunta", "ravitsemus"],
        "Sydänsairautta sairastaville suunnattu kävely- ja keskusteluryhmä, mukana "
        "kokemusasiantuntija.",
        "En promenad- och samtalsgrupp för personer med hjärtsjukdom, med en erfarenhetsexpert.",
        "ryhmat@syketta.example",
    ),
    _activity(
        "diakonia",
        "Diakoniatyön vastaanotto",
        "Diakonimottagning",
        JARVILAHTI_PARISH,
        ["osallisuus", "mielen_hyvinvointi"],
        "Keskusteluapua elämän kriiseissä ja taloudellisessa ahdingossa kaikille uskonnosta "
        "riippumatta.",
        "Samtalsstöd vid livskriser och ekonomiska svårigheter för alla oavsett tro.",
        "diakonia@jarvilahdenseurakunta.example, 040 100 7001",
    ),
    _activity(
        "vertaistuki-silta",
        "Yksinäisyydestä yhteyteen -ryhmä",
        "Från ensamhet till gemenskap",
        SILTA,
        ["osallisuus", "mielen_hyvinvointi"],
        "Kahdeksan tapaamisen pienryhmä yksinäisyyttä kokeville aikuisille.",
        "En smågrupp på åtta träffar för vuxna som känner sig ensamma.",
        "ryhmat@silta.example",
    ),
    _activity(
        "unikoulu",
        "Unikoulu verkossa",
        "Sömnskola på nätet",
        MIELENMAJA,
        ["uni", "mielen_hyvinvointi"],
        "Kuuden viikon verkkokurssi unettomuuden omahoitoon, ohjaaja vastaa viesteihin "
        "viikoittain.",
        "En nätkurs på sex veckor i egenvård vid sömnlöshet, handledaren svarar på meddelanden "
        "varje vecka.",
        "unikoulu@mielenmaja.example",
    ),
]

CLIENT_RECORD = "client_record"
CARE_PLAN = "care_plan"
BOTH = [CLIENT_RECORD, CARE_PLAN]


def _phrase(code, title_fi, title_sv, body_fi, body_sv, themes, service_areas, record_types):
    return {
        "code": code,
        "title_fi": title_fi,
        "title_sv": title_sv,
        "body_fi": body_fi,
        "body_sv": body_sv,
        "themes": themes,
        "service_areas": service_areas,
        "record_types": record_types,
    }


PHRASES = [
    # --- Physical activity ----------------------------------------------------------
    _phrase(
        "HYTE-LIIKUNTA-1",
        "Ohjaus liikuntaryhmään",
        "Hänvisning till en motionsgrupp",
        "Keskusteltiin asiakkaan liikkumisesta ja sen lisäämisestä. Asiakas ohjattiin "
        "liikuntaryhmään {{activity:Liikuntaryhmä}} ({{organiser}}). Asiakas aikoo aloittaa "
        "{{date:Aloituspäivä}}. {{text?:Lisätieto}}",
        "Vi diskuterade klientens rörelse och hur den kan ökas. Klienten hänvisades till "
        "motionsgruppen {{activity:Motionsgrupp}} ({{organiser}}). Klienten tänker börja "
        "{{date:Startdatum}}. {{text?:Tilläggsuppgift}}",
        ["liikunta"],
        ["ikaantyneet", "terveysasema", "aikuiset"],
        [CLIENT_RECORD],
    ),
    _phrase(
        "HYTE-LIIKUNTA-2",
        "Liikunta hoito- ja palvelusuunnitelmaan",
        "Motion i vård- och serviceplanen",
        "Tavoite: asiakas liikkuu {{choice:Kuinka usein|kerran viikossa|kahdesti viikossa|"
        "päivittäin}}. Keino: osallistuminen toimintaan {{activity:Toiminta}}, järjestäjänä "
        "{{organiser}}. Tilanne arvioidaan {{date:Arviointipäivä}}.",
        "Mål: klienten rör på sig {{choice:Hur ofta|en gång i veckan|två gånger i veckan|"
        "dagligen}}. Medel: deltagande i verksamheten {{activity:Verksamhet}}, som ordnas av "
        "{{organiser}}. Situationen utvärderas {{date:Utvärderingsdatum}}.",
        ["liikunta"],
        ["ikaantyneet", "vammais", "mielenterveys"],
        [CARE_PLAN],
    ),
    _phrase(
        "HYTE-LIIKUNTA-3",
        "Ohjaus liikuntaneuvontaan",
        "Hänvisning till motionsrådgivning",
        "Asiakas kertoi liikkuvansa vähän ja toivoo tukea liikunnan aloittamiseen. Annettiin "
        "tietoa liikuntaneuvonnasta ({{organiser}}), ja asiakas varaa ajan itse. "
        "{{text?:Sovitut jatkotoimet}}",
        "Klienten berättade att hen rör sig lite och önskar stöd för att komma igång. Vi gav "
        "information om motionsrådgivningen ({{organiser}}) och klienten bokar själv en tid. "
        "{{text?:Överenskomna åtgärder}}",
        ["liikunta"],
        ["terveysasema", "aikuiset"],
        [CLIENT_RECORD],
    ),
    _phrase(
        "HYTE-LIIKUNTA-4",
        "Vesiliikunta nivelvaivoissa",
        "Vattenmotion vid ledbesvär",
        "Nivelkipujen vuoksi suositeltiin vesiliikuntaa. Asiakas ohjattiin vesijumppaan "
        "{{activity:Ryhmä}}, ensimmäinen kerta {{date:Päivä}}.",
        "På grund av ledvärk rekommenderades vattenmotion. Klienten hänvisades till "
        "vattengympan {{activity:Grupp}}, första gången {{date:Datum}}.",
        ["liikunta"],
        ["terveysasema", "ikaantyneet"],
        [CLIENT_RECORD],
    ),
    _phrase(
        "HYTE-LIIKUNTA-5",
        "Perheen yhteinen liikunta",
        "Familjens gemensamma motion",
        "Keskusteltiin perheen arjen liikkumisesta. Perheelle kerrottiin lasten ja aikuisten "
        "yhteisestä liikuntavuorosta {{activity:Liikuntavuoro}} ({{organiser}}). "
        "Perhe {{choice:Perheen päätös|osallistuu|harkitsee osallistumista|ei osallistu nyt}}.",
        "Vi diskuterade familjens vardagsmotion. Familjen fick information om ett gemensamt "
        "motionspass för barn och vuxna {{activity:Motionspass}} ({{organiser}}). "
        "Familjen {{choice:Familjens beslut|deltar|funderar på att delta|deltar inte nu}}.",
        ["liikunta", "osallisuus"],
        ["perheet", "nuoret"],
        [CLIENT_RECORD],
    ),
    _phrase(
        "HYTE-LIIKUNTA-6",
        "Kuntosaliharjoittelun aloitus",
        "Att börja träna på gym",
        "Lihasvoiman ylläpitämiseksi asiakas ohjattiin kuntosalin aloittajaryhmään "
        "{{activity:Ryhmä}}. Asiakkaan oma tavoite: {{text:Asiakkaan tavoite}}.",
        "För att behålla muskelstyrkan hänvisades klienten till gymgruppen för nybörjare "
        "{{activity:Grupp}}. Klientens eget mål: {{text:Klientens mål}}.",
        ["liikunta"],
        ["ikaantyneet", "terveysasema", "vammais"],
        BOTH,
    ),
    # --- Culture --------------------------------------------------------------------
    _phrase(
        "HYTE-KULTTUURI-1",
        "Ohjaus kulttuuritoimintaan",
        "Hänvisning till kulturverksamhet",
        "Asiakas kertoi kiinnostuksestaan {{choice:Kiinnostuksen kohde|musiikkiin|"
        "kirjallisuuteen|kuvataiteeseen|teatteriin}}. Annettiin tietoa toiminnasta "
        "{{activity:Kulttuuritoiminta}}, jota järjestää {{organiser}}.",
        "Klienten berättade om sitt intresse för {{choice:Intresse|musik|litteratur|bildkonst|"
        "teater}}. Vi gav information om verksamheten {{activity:Kulturverksamhet}} som ordnas "
        "av {{organiser}}.",
        ["kulttuuri"],
        ["ikaantyneet", "mielenterveys", "aikuiset"],
        [CLIENT_RECORD],
    ),
    _phrase(
        "HYTE-KULTTUURI-2",
        "Kulttuuriluotsi seuraksi",
        "En kulturlots som sällskap",
        "Asiakas haluaisi käydä konserteissa tai museoissa, mutta ei halua lähteä yksin. "
        "Asiakkaalle kerrottiin kulttuuriluotseista ({{organiser}}); yhteydenotto sovittu "
        "{{date:Yhteydenottopäivä}}.",
        "Klienten skulle vilja gå på konserter eller museer men vill inte gå ensam. Klienten "
        "fick höra om kulturlotsarna ({{organiser}}); kontakt överenskommen {{date:Kontaktdatum}}.",
        ["kulttuuri", "osallisuus"],
        ["ikaantyneet", "vammais"],
        [CLIENT_RECORD],
    ),
    _phrase(
        "HYTE-KULTTUURI-3",
        "Kuorolaulu suunnitelmaan",
        "Körsång i planen",
        "Tavoite: asiakas osallistuu kuoroon {{activity:Kuoro}} ja saa säännöllisen "
        "viikkorytmin. Seuranta {{date:Seurantapäivä}}.",
        "Mål: klienten deltar i kören {{activity:Kör}} och får en regelbunden veckorytm. "
        "Uppföljning {{date:Uppföljningsdatum}}.",
        ["kulttuuri", "osallisuus"],
        ["mielenterveys", "ikaantyneet"],
        [CARE_PLAN],
    ),
    _phrase(
        "HYTE-KULTTUURI-4",
        "Luova ryhmä mielen hyvinvoinnin tukena",
        "Kreativ grupp som stöd för det psykiska välbefinnandet",
        "Keskusteltiin luovan tekemisen merkityksestä jaksamiselle. Asiakas ohjattiin "
        "ryhmään {{activity:Ryhmä}}. Kurssimaksusta vapautus: {{choice:Vapautus|haettu|ei "
        "tarpeen}}.",
        "Vi diskuterade hur skapande kan stödja orken. Klienten hänvisades till gruppen "
        "{{activity:Grupp}}. Befrielse från kursavgiften: {{choice:Befrielse|ansökt|behövs "
        "inte}}.",
        ["kulttuuri", "mielen_hyvinvointi"],
        ["mielenterveys", "aikuiset"],
        [CLIENT_RECORD],
    ),
    _phrase(
        "HYTE-KULTTUURI-5",
        "Kirjaston palvelut",
        "Bibliotekets tjänster",
        "Asiakkaalle kerrottiin kirjaston lukupiiristä ja muista maksuttomista palveluista "
        "({{organiser}}). {{text?:Lisätieto}}",
        "Klienten fick information om bibliotekets läsecirkel och andra avgiftsfria tjänster "
        "({{organiser}}). {{text?:Tilläggsuppgift}}",
        ["kulttuuri"],
        ["aikuiset", "ikaantyneet", "nuoret"],
        [CLIENT_RECORD],
    ),
    # --- Nature ---------------------------------------------------------------------
    _phrase(
        "HYTE-LUONTO-1",
        "Ohjaus luontoretkelle",
        "Hänvisning till en naturutflykt",
        "Asiakas kertoi viihtyvänsä luonnossa mutta liikkuvansa siellä harvoin. Ohjattiin "
        "retkelle {{activity:Retki}} ({{organiser}}), {{date:Retken päivä}}.",
        "Klienten berättade att hen trivs i naturen men sällan kommer ut. Klienten hänvisades "
        "till utflykten {{activity:Utflykt}} ({{organiser}}), {{date:Utflyktens datum}}.",
        ["luonto", "liikunta"],
        ["ikaantyneet", "mielenterveys", "vammais"],
        [CLIENT_RECORD],
    ),
    _phrase(
        "HYTE-LUONTO-2",
        "Luonto rauhoittumisen keinona",
        "Naturen som ett sätt att varva ner",
        "Stressin hallinnan keinoksi sovittiin ohjatut metsäkävelyt {{activity:Kävely}}. "
        "Asiakas kokeilee {{choice:Kuinka monta kertaa|kerran|kolme kertaa|koko kauden}} ja "
        "kertoo kokemuksistaan seuraavalla käynnillä.",
        "Som ett sätt att hantera stress kom vi överens om ledda skogspromenader "
        "{{activity:Promenad}}. Klienten provar {{choice:Hur många gånger|en gång|tre gånger|"
        "hela säsongen}} och berättar om sina erfarenheter vid nästa besök.",
        ["luonto", "mielen_hyvinvointi"],
        ["mielenterveys", "terveysasema"],
        BOTH,
    ),
    _phrase(
        "HYTE-LUONTO-3",
        "Yhteinen viljely",
        "Gemensam odling",
        "Asiakas kaipaa mielekästä tekemistä kesäksi. Kerrottiin yhteisestä viljelypalstasta "
        "({{organiser}}), jonne voi mennä mukaan ilman ilmoittautumista.",
        "Klienten saknar meningsfull sysselsättning till sommaren. Vi berättade om den "
        "gemensamma odlingslotten ({{organiser}}) dit man kan gå utan anmälan.",
        ["luonto", "osallisuus"],
        ["aikuiset", "mielenterveys", "vammais"],
        [CLIENT_RECORD],
    ),
    _phrase(
        "HYTE-LUONTO-4",
        "Ulkoilu kotihoidon asiakkaan suunnitelmaan",
        "Utevistelse i hemvårdsklientens plan",
        "Tavoite: asiakas ulkoilee {{choice:Kuinka usein|päivittäin|kolmesti viikossa|kerran "
        "viikossa}}. Ulkoiluseuraksi {{activity:Ystävä- tai ulkoiluapu}}. Vastuuhenkilö: "
        "{{text:Vastuuhenkilö}}.",
        "Mål: klienten vistas ute {{choice:Hur ofta|dagligen|tre gånger i veckan|en gång i "
        "veckan}}. Sällskap ute: {{activity:Vän- eller uteaktivitet}}. Ansvarsperson: "
        "{{text:Ansvarsperson}}.",
        ["luonto", "liikunta", "osallisuus"],
        ["ikaantyneet"],
        [CARE_PLAN],
    ),
    # --- Social participation -------------------------------------------------------
    _phrase(
        "HYTE-OSALLISUUS-1",
        "Yksinäisyyden lievittäminen",
        "Att lindra ensamhet",
        "Asiakas kertoi kokevansa yksinäisyyttä. Keskusteltiin mahdollisuuksista tavata muita "
        "ihmisiä, ja asiakas ohjattiin toimintaan {{activity:Toiminta}} ({{organiser}}).",
        "Klienten berättade att hen känner sig ensam. Vi diskuterade möjligheter att träffa "
        "andra människor och klienten hänvisades till verksamheten {{activity:Verksamhet}} "
        "({{organiser}}).",
        ["osallisuus", "mielen_hyvinvointi"],
        ["ikaantyneet", "aikuiset", "mielenterveys"],
        [CLIENT_RECORD],
    ),
    _phrase(
        "HYTE-OSALLISUUS-2",
        "Ystäväpalvelu kotiin",
        "Vänservice i hemmet",
        "Asiakas toivoo säännöllistä seuraa. Tehtiin asiakkaan luvalla yhteydenotto "
        "ystäväpalveluun ({{organiser}}) {{date:Yhteydenottopäivä}}.",
        "Klienten önskar regelbundet sällskap. Med klientens samtycke kontaktade vi vänservicen "
        "({{organiser}}) {{date:Kontaktdatum}}.",
        ["osallisuus"],
        ["ikaantyneet", "vammais"],
        [CLIENT_RECORD],
    ),
    _phrase(
        "HYTE-OSALLISUUS-3",
        "Perhekahvila vertaistukena",
        "Familjekafé som kamratstöd",
        "Vanhempi kertoi jäävänsä kotiin vauvan kanssa paljon yksin. Kerrottiin perhekahvilasta "
        "{{activity:Perhekahvila}}, joka kokoontuu {{text:Kokoontumisaika}}.",
        "Föräldern berättade att hen ofta är ensam hemma med bebisen. Vi berättade om "
        "familjekaféet {{activity:Familjekafé}} som träffas {{text:Tid}}.",
        ["osallisuus"],
        ["perheet"],
        [CLIENT_RECORD],
    ),
    _phrase(
        "HYTE-OSALLISUUS-4",
        "Nuoren vapaa-aika",
        "Den ungas fritid",
        "Nuoren kanssa keskusteltiin vapaa-ajasta ja kavereista. Nuorelle kerrottiin "
        "toiminnasta {{activity:Toiminta}}. Huoltaja {{choice:Huoltajan tieto|on tietoinen|"
        "ei ollut paikalla}}.",
        "Vi diskuterade fritid och kompisar med den unga. Den unga fick information om "
        "verksamheten {{activity:Verksamhet}}. Vårdnadshavaren {{choice:Vårdnadshavaren|känner "
        "till saken|var inte närvarande}}.",
        ["osallisuus"],
        ["nuoret", "perheet"],
        [CLIENT_RECORD],
    ),
    _phrase(
        "HYTE-OSALLISUUS-5",
        "Osallisuus suunnitelman tavoitteena",
        "Delaktighet som mål i planen",
        "Tavoite: asiakas osallistuu vähintään kerran viikossa kodin ulkopuoliseen toimintaan. "
        "Keino: {{activity:Toiminta}} ({{organiser}}). Arviointi {{date:Arviointipäivä}}.",
        "Mål: klienten deltar minst en gång i veckan i verksamhet utanför hemmet. Medel: "
        "{{activity:Verksamhet}} ({{organiser}}). Utvärdering {{date:Utvärderingsdatum}}.",
        ["osallisuus"],
        ["aikuiset", "vammais", "mielenterveys", "ikaantyneet"],
        [CARE_PLAN],
    ),
    _phrase(
        "HYTE-OSALLISUUS-6",
        "Omaishoitajan vertaistuki",
        "Kamratstöd för närståendevårdaren",
        "Omaishoitaja kertoi väsymyksestä. Hänet ohjattiin omaishoitajien vertaisryhmään "
        "{{activity:Ryhmä}}, ja hoidettavan seurasta ryhmän ajaksi {{choice:Seura|on sovittu|"
        "selvitetään}}.",
        "Närståendevårdaren berättade om trötthet. Hen hänvisades till kamratgruppen för "
        "närståendevårdare {{activity:Grupp}}, och sällskap för den vårdade under gruppen "
        "{{choice:Sällskap|är ordnat|utreds}}.",
        ["osallisuus", "mielen_hyvinvointi"],
        ["ikaantyneet", "vammais"],
        BOTH,
    ),
    _phrase(
        "HYTE-OSALLISUUS-7",
        "Diakoniatyön keskusteluapu",
        "Diakonins samtalsstöd",
        "Asiakkaalle kerrottiin seurakunnan diakoniatyön vastaanotosta ({{organiser}}), jonne "
        "voi hakeutua katsomuksesta riippumatta. {{text?:Lisätieto}}",
        "Klienten fick information om församlingens diakonimottagning ({{organiser}}), som är "
        "öppen för alla oavsett åskådning. {{text?:Tilläggsuppgift}}",
        ["osallisuus", "mielen_hyvinvointi"],
        ["aikuiset", "perheet", "ikaantyneet"],
        [CLIENT_RECORD],
    ),
    # --- Mental wellbeing -----------------------------------------------------------
    _phrase(
        "HYTE-MIELI-1",
        "Ohjaus mielen vertaisryhmään",
        "Hänvisning till en kamratgrupp för psykiskt välbefinnande",
        "Keskusteltiin asiakkaan mielialasta ja voimavaroista. Asiakas ohjattiin "
        "vertaisryhmään {{activity:Vertaisryhmä}} ({{organiser}}). Ensimmäinen tapaaminen "
        "{{date:Päivä}}.",
        "Vi diskuterade klientens sinnesstämning och resurser. Klienten hänvisades till "
        "kamratgruppen {{activity:Kamratgrupp}} ({{organiser}}). Första träffen {{date:Datum}}.",
        ["mielen_hyvinvointi", "osallisuus"],
        ["mielenterveys", "terveysasema"],
        [CLIENT_RECORD],
    ),
    _phrase(
        "HYTE-MIELI-2",
        "Matalan kynnyksen kohtaamispaikka",
        "En mötesplats med låg tröskel",
        "Asiakkaalle kerrottiin kohtaamispaikasta {{activity:Kohtaamispaikka}}, jonne voi "
        "mennä ilman ajanvarausta. Asiakas {{choice:Asiakkaan suunnitelma|aikoo käydä|haluaa "
        "miettiä}}.",
        "Klienten fick information om mötesplatsen {{activity:Mötesplats}} dit man kan gå "
        "utan tidsbokning. Klienten {{choice:Klientens plan|tänker gå dit|vill fundera}}.",
        ["mielen_hyvinvointi", "osallisuus"],
        ["mielenterveys", "aikuiset"],
        [CLIENT_RECORD],
    ),
    _phrase(
        "HYTE-MIELI-3",
        "Mielenterveystaitojen kurssi",
        "Kurs i psykiska färdigheter",
        "Arjen jaksamisen tueksi asiakkaalle suositeltiin kurssia {{activity:Kurssi}}. "
        "Asiakas ilmoittautuu itse; tilanne tarkistetaan {{date:Seurantapäivä}}.",
        "Som stöd för att orka i vardagen rekommenderades kursen {{activity:Kurs}}. Klienten "
        "anmäler sig själv; situationen följs upp {{date:Uppföljningsdatum}}.",
        ["mielen_hyvinvointi"],
        ["mielenterveys", "terveysasema", "aikuiset"],
        BOTH,
    ),
    _phrase(
        "HYTE-MIELI-4",
        "Vanhemman jaksaminen",
        "Förälderns ork",
        "Vanhemman kanssa keskusteltiin jaksamisesta ja tukiverkosta. Kerrottiin "
        "vauvaryhmästä {{activity:Ryhmä}} ({{organiser}}). {{text?:Sovitut asiat}}",
        "Vi diskuterade ork och stödnätverk med föräldern. Vi berättade om babygruppen "
        "{{activity:Grupp}} ({{organiser}}). {{text?:Överenskomna saker}}",
        ["mielen_hyvinvointi", "osallisuus"],
        ["perheet"],
        [CLIENT_RECORD],
    ),
    _phrase(
        "HYTE-MIELI-5",
        "Muistikahvila läheisineen",
        "Minneskafé tillsammans med närstående",
        "Asiakkaalle ja läheiselle kerrottiin muistikahvilasta ({{organiser}}). Läheinen "
        "{{choice:Läheisen kiinnostus|lähtee mukaan|ottaa itse yhteyttä|ei ole kiinnostunut}}.",
        "Klienten och den närstående fick information om minneskaféet ({{organiser}}). Den "
        "närstående {{choice:Närståendes intresse|följer med|tar själv kontakt|är inte "
        "intresserad}}.",
        ["mielen_hyvinvointi", "osallisuus"],
        ["ikaantyneet"],
        [CLIENT_RECORD],
    ),
    # --- Substance use --------------------------------------------------------------
    _phrase(
        "HYTE-PAIHDE-1",
        "Päihteiden käytön puheeksiotto",
        "Att ta upp rusmedelsbruk",
        "Alkoholin käyttö otettiin puheeksi. Asiakkaalle kerrottiin nimettömästä "
        "päihdeneuvonnasta ({{organiser}}). Asiakas {{choice:Asiakkaan vastaus|on kiinnostunut|"
        "ei halua nyt}}.",
        "Vi tog upp alkoholbruket. Klienten fick information om den anonyma "
        "rusmedelsrådgivningen ({{organiser}}). Klienten {{choice:Klientens svar|är intresserad|"
        "vill inte nu}}.",
        ["paihteet"],
        ["terveysasema", "aikuiset", "mielenterveys"],
        [CLIENT_RECORD],
    ),
    _phrase(
        "HYTE-PAIHDE-2",
        "Ohjaus toipujien vertaisryhmään",
        "Hänvisning till en kamratgrupp för tillfrisknande",
        "Päihteettömyyden tueksi asiakas ohjattiin vertaisryhmään {{activity:Ryhmä}}, "
        "jonka järjestää {{organiser}}. Asiakas aikoo osallistua {{date:Päivä}}.",
        "Som stöd för ett liv utan rusmedel hänvisades klienten till kamratgruppen "
        "{{activity:Grupp}} som ordnas av {{organiser}}. Klienten tänker delta {{date:Datum}}.",
        ["paihteet", "osallisuus"],
        ["mielenterveys", "aikuiset"],
        [CLIENT_RECORD],
    ),
    _phrase(
        "HYTE-PAIHDE-3",
        "Päihteettömyyden tuki suunnitelmaan",
        "Stöd för ett liv utan rusmedel i planen",
        "Tavoite: asiakkaan päihteiden käyttö vähenee. Keino: {{activity:Tukitoiminta}} "
        "({{organiser}}) ja säännölliset käynnit. Arviointi {{date:Arviointipäivä}}.",
        "Mål: klientens rusmedelsbruk minskar. Medel: {{activity:Stödverksamhet}} "
        "({{organiser}}) och regelbundna besök. Utvärdering {{date:Utvärderingsdatum}}.",
        ["paihteet"],
        ["mielenterveys"],
        [CARE_PLAN],
    ),
    _phrase(
        "HYTE-PAIHDE-4",
        "Rahapelaamisen puheeksiotto",
        "Att ta upp penningspel",
        "Keskusteltiin rahapelaamisesta. Asiakkaalle annettiin tietoa maksuttomasta "
        "keskusteluavusta ({{organiser}}). {{text?:Lisätieto}}",
        "Vi diskuterade penningspel. Klienten fick information om avgiftsfritt samtalsstöd "
        "({{organiser}}). {{text?:Tilläggsuppgift}}",
        ["paihteet", "mielen_hyvinvointi"],
        ["aikuiset", "terveysasema"],
        [CLIENT_RECORD],
    ),
    # --- Nutrition and sleep --------------------------------------------------------
    _phrase(
        "HYTE-RAVITSEMUS-1",
        "Ohjaus kokkikerhoon",
        "Hänvisning till en matlagningsklubb",
        "Keskusteltiin asiakkaan ruokailusta ja ruokabudjetista. Asiakas ohjattiin "
        "kokkikerhoon {{activity:Kerho}} ({{organiser}}).",
        "Vi diskuterade klientens måltider och matbudget. Klienten hänvisades till "
        "matlagningsklubben {{activity:Klubb}} ({{organiser}}).",
        ["ravitsemus", "osallisuus"],
        ["aikuiset", "mielenterveys", "vammais"],
        [CLIENT_RECORD],
    ),
    _phrase(
        "HYTE-RAVITSEMUS-2",
        "Yhteinen ateria ikääntyneelle",
        "Gemensam måltid för en äldre person",
        "Asiakas syö usein yksin ja ruokahalu on heikentynyt. Kerrottiin yhteislounaasta "
        "{{activity:Lounas}}; kuljetus {{choice:Kuljetus|järjestyy omaisen kanssa|"
        "selvitetään|ei tarpeen}}.",
        "Klienten äter ofta ensam och aptiten har försämrats. Vi berättade om den gemensamma "
        "lunchen {{activity:Lunch}}; transport {{choice:Transport|ordnas med en anhörig|utreds|"
        "behövs inte}}.",
        ["ravitsemus", "osallisuus"],
        ["ikaantyneet"],
        BOTH,
    ),
    _phrase(
        "HYTE-RAVITSEMUS-3",
        "Sydänpotilaan vertaisryhmä",
        "Kamratgrupp för hjärtpatienter",
        "Potilaan kanssa käytiin läpi ruokavaliota ja liikkumista sydänsairauden hoidossa. "
        "Potilas ohjattiin vertaisryhmään {{activity:Ryhmä}} ({{organiser}}).",
        "Vi gick igenom kost och rörelse vid hjärtsjukdom med patienten. Patienten "
        "hänvisades till kamratgruppen {{activity:Grupp}} ({{organiser}}).",
        ["ravitsemus", "liikunta"],
        ["terveysasema"],
        [CLIENT_RECORD],
    ),
    _phrase(
        "HYTE-UNI-1",
        "Unettomuuden omahoito",
        "Egenvård vid sömnlöshet",
        "Potilas kertoi univaikeuksista. Annettiin ohjeet unen omahoitoon ja kerrottiin "
        "verkkokurssista {{activity:Kurssi}}. Tilanne arvioidaan uudelleen {{date:Päivä}}.",
        "Patienten berättade om sömnsvårigheter. Vi gav råd om egenvård för sömnen och "
        "berättade om nätkursen {{activity:Kurs}}. Situationen bedöms på nytt {{date:Datum}}.",
        ["uni", "mielen_hyvinvointi"],
        ["terveysasema", "mielenterveys"],
        [CLIENT_RECORD],
    ),
    _phrase(
        "HYTE-UNI-2",
        "Vuorokausirytmi suunnitelmaan",
        "Dygnsrytm i planen",
        "Tavoite: säännöllinen vuorokausirytmi. Keinot: päivittäinen ulkoilu ja "
        "{{activity:Toiminta}}. Vastuu: {{text:Vastuuhenkilö}}.",
        "Mål: en regelbunden dygnsrytm. Medel: daglig utevistelse och {{activity:Verksamhet}}. "
        "Ansvar: {{text:Ansvarsperson}}.",
        ["uni", "liikunta"],
        ["mielenterveys", "vammais", "ikaantyneet"],
        [CARE_PLAN],
    ),
    # --- General referral and follow-up ---------------------------------------------
    _phrase(
        "HYTE-OHJAUS-1",
        "Hyte-kortti annettu",
        "Hyte-kortet överlämnat",
        "Keskusteltiin asiakkaan hyvinvoinnista ja vapaa-ajasta. Asiakkaalle annettiin "
        "hyte-kortti, jonka QR-koodista aukeaa alueen toimintatarjotin. {{text?:Lisätieto}}",
        "Vi diskuterade klientens välbefinnande och fritid. Klienten fick hyte-kortet vars "
        "QR-kod öppnar områdets verksamhetsutbud. {{text?:Tilläggsuppgift}}",
        ["osallisuus", "liikunta", "kulttuuri", "luonto"],
        ["terveysasema", "aikuiset", "ikaantyneet", "perheet", "nuoret", "mielenterveys"],
        [CLIENT_RECORD],
    ),
    _phrase(
        "HYTE-OHJAUS-2",
        "Ohjauksen seuranta",
        "Uppföljning av hänvisningen",
        "Seurattiin aiempaa ohjausta toimintaan {{activity:Toiminta}}. Asiakas "
        "{{choice:Tilanne|on osallistunut|ei ole vielä osallistunut|on lopettanut}}. "
        "{{text?:Asiakkaan kokemus}}",
        "Vi följde upp den tidigare hänvisningen till {{activity:Verksamhet}}. Klienten "
        "{{choice:Läge|har deltagit|har inte ännu deltagit|har slutat}}. "
        "{{text?:Klientens upplevelse}}",
        ["osallisuus"],
        ["terveysasema", "aikuiset", "ikaantyneet", "mielenterveys", "vammais"],
        BOTH,
    ),
    _phrase(
        "HYTE-OHJAUS-3",
        "Ohjaus järjestön toimintaan",
        "Hänvisning till en organisations verksamhet",
        "Asiakkaan kanssa sovittiin yhteydenotosta järjestöön {{organiser}} toimintaa "
        "{{activity:Toiminta}} varten. Asiakas antoi luvan yhteystietojen välittämiseen: "
        "{{choice:Lupa|kyllä|ei}}.",
        "Vi kom överens med klienten om att kontakta organisationen {{organiser}} för "
        "verksamheten {{activity:Verksamhet}}. Klienten gav lov att förmedla kontaktuppgifter: "
        "{{choice:Lov|ja|nej}}.",
        ["osallisuus"],
        ["aikuiset", "mielenterveys", "vammais", "ikaantyneet"],
        [CLIENT_RECORD],
    ),
    _phrase(
        "HYTE-OHJAUS-4",
        "Seurakunnan toiminta",
        "Församlingens verksamhet",
        "Asiakas toivoi tietoa seurakunnan toiminnasta. Kerrottiin toiminnasta "
        "{{activity:Toiminta}} ({{organiser}}).",
        "Klienten önskade information om församlingens verksamhet. Vi berättade om "
        "{{activity:Verksamhet}} ({{organiser}}).",
        ["osallisuus", "kulttuuri"],
        ["ikaantyneet", "perheet", "aikuiset"],
        [CLIENT_RECORD],
    ),
    _phrase(
        "HYTE-OHJAUS-5",
        "Asiakas ei halua ohjausta nyt",
        "Klienten vill inte ha hänvisning nu",
        "Hyvinvointia tukevista toiminnoista keskusteltiin, mutta asiakas ei halua ohjausta "
        "tällä hetkellä. Asia otetaan uudelleen puheeksi {{date:Seuraava käynti}}.",
        "Vi diskuterade verksamhet som stöder välbefinnandet, men klienten vill inte ha "
        "hänvisning just nu. Vi tar upp saken igen {{date:Nästa besök}}.",
        ["osallisuus"],
        ["terveysasema", "aikuiset", "ikaantyneet", "mielenterveys", "perheet"],
        [CLIENT_RECORD],
    ),
    _phrase(
        "HYTE-OHJAUS-6",
        "Vammaisen asiakkaan harrastus",
        "Fritidsintresse för en klient med funktionsnedsättning",
        "Keskusteltiin asiakkaan harrastustoiveista. Asiakkaalle sopiva toiminta: "
        "{{activity:Toiminta}}. Avustaja tai saattaja: {{choice:Avustaja|tarvitaan|ei tarvita}}.",
        "Vi diskuterade klientens önskemål om fritidsintressen. En passande verksamhet för "
        "klienten: {{activity:Verksamhet}}. Assistent eller ledsagare: {{choice:Assistent|"
        "behövs|behövs inte}}.",
        ["osallisuus", "liikunta", "kulttuuri"],
        ["vammais"],
        BOTH,
    ),
]


def _term(slug, term_fi, term_sv, term_en, definition_fi, definition_sv, definition_en):
    return {
        "slug": slug,
        "term_fi": term_fi,
        "term_sv": term_sv,
        "term_en": term_en,
        "definition_fi": definition_fi,
        "definition_sv": definition_sv,
        "definition_en": definition_en,
    }


GLOSSARY = [
    _term(
        "hyte",
        "hyte",
        "hälsofrämjande arbete (hyte)",
        "wellbeing and health promotion (hyte)",
        "Hyvinvoinnin ja terveyden edistäminen: työ, jolla vahvistetaan ihmisten "
        "voimavaroja ja ehkäistään ongelmia ennen kuin niitä syntyy.",
        "Främjande av välbefinnande och hälsa: arbete som stärker människors resurser och "
        "förebygger problem innan de uppstår.",
        "Promoting wellbeing and health: work that strengthens people's resources and "
        "prevents problems before they arise.",
    ),
    _term(
        "hyte-ohjaus",
        "hyte-ohjaus",
        "hyte-hänvisning",
        "hyte referral",
        "Ammattilainen kertoo asiakkaalle hyvinvointia tukevasta toiminnasta ja auttaa häntä "
        "löytämään siihen, ja ohjaus kirjataan asiakas- tai potilastietoihin.",
        "En yrkesperson berättar för klienten om verksamhet som stöder välbefinnandet och "
        "hjälper hen att hitta dit; hänvisningen dokumenteras i klient- eller patientuppgifterna.",
        "A professional tells a client about an activity that supports wellbeing and helps "
        "them get there; the referral is recorded in the client or patient record.",
    ),
    _term(
        "puheeksiotto",
        "puheeksiotto",
        "att ta upp saken",
        "raising the topic",
        "Hyvinvointiin liittyvän asian ottaminen luontevasti keskusteluun asiakkaan kanssa, "
        "esimerkiksi liikkumisen, yksinäisyyden tai päihteiden.",
        "Att på ett naturligt sätt ta upp en fråga om välbefinnandet med klienten, till "
        "exempel rörelse, ensamhet eller rusmedel.",
        "Bringing up a wellbeing matter naturally in a conversation with a client, such as "
        "physical activity, loneliness or substance use.",
    ),
    _term(
        "fraasi",
        "fraasi",
        "fras",
        "phrase",
        "Valmis tekstipohja, joka täydennetään ja kopioidaan asiakas- tai potilaskertomukseen "
        "tai hoito- ja palvelusuunnitelmaan, jotta kirjaukset ovat nopeita ja yhtenäisiä.",
        "En färdig textmall som fylls i och kopieras till klient- eller patientjournalen eller "
        "vård- och serviceplanen, så att dokumentationen blir snabb och enhetlig.",
        "A ready-made text template that is filled in and copied into the client or patient "
        "record or the care and service plan, so records are quick and consistent.",
    ),
    _term(
        "hyte-kortti",
        "hyte-kortti",
        "hyte-kort",
        "hyte card",
        "Asiakkaalle annettava kortti, jonka QR-koodi avaa alueen toimintatarjottimen ja "
        "joka auttaa ammattilaista aloittamaan keskustelun hyvinvoinnista.",
        "Ett kort som ges till klienten; dess QR-kod öppnar områdets verksamhetsutbud och "
        "kortet hjälper yrkespersonen att inleda ett samtal om välbefinnande.",
        "A card handed to clients; its QR code opens the region's activity tray, and it helps "
        "the professional start a conversation about wellbeing.",
    ),
    _term(
        "toimintatarjotin",
        "toimintatarjotin",
        "verksamhetsutbud",
        "activity tray",
        "Alueen verkkopalvelu, josta löytyvät kuntien, järjestöjen ja seurakuntien "
        "hyvinvointia tukevat toiminnat.",
        "Områdets webbtjänst där kommunernas, organisationernas och församlingarnas verksamhet "
        "som stöder välbefinnandet finns samlad.",
        "The region's web service listing the wellbeing activities of municipalities, NGOs and "
        "parishes.",
    ),
    _term(
        "jarjesto",
        "järjestö",
        "organisation",
        "non-governmental organisation (NGO)",
        "Rekisteröity yhdistys tai muu voittoa tavoittelematon toimija, joka järjestää "
        "esimerkiksi vertaistukea, harrastuksia tai neuvontaa.",
        "En registrerad förening eller annan icke vinstdrivande aktör som ordnar till exempel "
        "kamratstöd, fritidsverksamhet eller rådgivning.",
        "A registered association or other non-profit body that runs, for example, peer "
        "support, hobbies or advice.",
    ),
    _term(
        "vertaistuki",
        "vertaistuki",
        "kamratstöd",
        "peer support",
        "Tuki, jota samankaltaisia asioita kokeneet ihmiset antavat toisilleen, usein "
        "koulutetun vertaisohjaajan johdolla.",
        "Stöd som människor med liknande erfarenheter ger varandra, ofta lett av en utbildad "
        "kamratledare.",
        "Support that people with similar experiences give each other, often led by a trained "
        "peer leader.",
    ),
    _term(
        "osallisuus",
        "osallisuus",
        "delaktighet",
        "social participation",
        "Kokemus siitä, että kuuluu yhteisöön ja voi vaikuttaa omiin asioihinsa ja ympäristöönsä.",
        "Upplevelsen av att höra till en gemenskap och kunna påverka sina egna angelägenheter "
        "och sin omgivning.",
        "The experience of belonging to a community and being able to influence one's own "
        "affairs and surroundings.",
    ),
    _term(
        "matala-kynnys",
        "matala kynnys",
        "låg tröskel",
        "low threshold",
        "Palvelu tai toiminta, johon voi tulla ilman lähetettä, ajanvarausta tai maksua.",
        "En tjänst eller verksamhet som man kan komma till utan remiss, tidsbokning eller avgift.",
        "A service or activity one can attend without a referral letter, an appointment or a fee.",
    ),
    _term(
        "hoito-ja-palvelusuunnitelma",
        "hoito- ja palvelusuunnitelma",
        "vård- och serviceplan",
        "care and service plan",
        "Asiakkaan kanssa laadittu suunnitelma tavoitteista, keinoista ja seurannasta; "
        "hyte-ohjaus kirjataan myös siihen.",
        "En plan som görs upp tillsammans med klienten om mål, medel och uppföljning; "
        "hyte-hänvisningen dokumenteras också där.",
        "A plan drawn up with the client covering goals, means and follow-up; hyte referrals "
        "are recorded in it too.",
    ),
    _term(
        "kulttuurihyvinvointi",
        "kulttuurihyvinvointi",
        "kulturellt välbefinnande",
        "cultural wellbeing",
        "Taiteen ja kulttuurin, kuten musiikin, lukemisen ja käsillä tekemisen, vaikutus "
        "ihmisen hyvinvointiin.",
        "Hur konst och kultur, till exempel musik, läsning och hantverk, påverkar människans "
        "välbefinnande.",
        "The effect of arts and culture, such as music, reading and crafts, on a person's "
        "wellbeing.",
    ),
    _term(
        "luontohyvinvointi",
        "luontohyvinvointi",
        "naturens hälsoeffekter",
        "nature and wellbeing",
        "Luonnossa oleskelun ja liikkumisen myönteiset vaikutukset mieleen ja kehoon.",
        "De positiva effekterna på kropp och själ av att vistas och röra sig i naturen.",
        "The positive effects on body and mind of spending time and moving in nature.",
    ),
    _term(
        "palveluohjaus",
        "asiakas- ja palveluohjaus",
        "klient- och servicehandledning",
        "client and service guidance",
        "Prosessi, jossa asiakkaan tarpeet selvitetään ja hänet ohjataan sopiviin palveluihin "
        "ja toimintoihin.",
        "Processen där klientens behov utreds och hen vägleds till lämpliga tjänster och "
        "verksamheter.",
        "The process in which a client's needs are assessed and they are guided to suitable "
        "services and activities.",
    ),
    _term(
        "perehdytys",
        "perehdytys",
        "introduktion",
        "onboarding",
        "Uuden työntekijän johdattaminen työhön, työyhteisöön ja sen käytäntöihin; "
        "hyte-koulutus on osa sitä.",
        "Att introducera en ny medarbetare i arbetet, arbetsgemenskapen och dess rutiner; "
        "hyte-utbildningen är en del av det.",
        "Introducing a new employee to the work, the workplace and its practices; hyte "
        "training is part of it.",
    ),
    _term(
        "verkosto",
        "verkosto",
        "nätverk",
        "network",
        "Saman asiakasryhmän parissa työskentelevien ammattilaisten ryhmä, joka jakaa tietoa "
        "ja kokoontuu säännöllisesti.",
        "En grupp yrkespersoner som arbetar med samma klientgrupp, delar information och "
        "träffas regelbundet.",
        "A group of professionals working with the same client group who share information "
        "and meet regularly.",
    ),
]

HYTE_CARD_TIPS_FI = [
    "Kysy avoimesti: ”Mikä sinulle tuo iloa arjessa?”",
    "Kuuntele ensin, ehdota vasta sitten: asiakas tietää itse, mikä voisi sopia.",
    "Kysy, mitä asiakas on joskus tykännyt tehdä – vanha harrastus on helppo aloittaa uudelleen.",
    "Näytä QR-koodi ja selaa tarjotinta yhdessä, jos aikaa on.",
    "Sovi, että kysyt asiasta seuraavalla kerralla, ja kirjaa ohjaus.",
]

HYTE_CARD_TIPS_SV = [
    "Fråga öppet: ”Vad ger dig glädje i vardagen?”",
    "Lyssna först och föreslå sedan: klienten vet själv vad som kunde passa.",
    "Fråga vad klienten tidigare tyckt om att göra – en gammal hobby är lätt att ta upp igen.",
    "Visa QR-koden och bläddra i utbudet tillsammans om tiden räcker.",
    "Kom överens om att du frågar nästa gång och dokumentera hänvisningen.",
]
