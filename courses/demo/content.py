"""Demo courses of the fictional Järvilaakso wellbeing services county, in Finnish with
Swedish and English translations. Plain data only: `loading.py` turns it into pages.

Every translatable value is a {"fi": ..., "sv": ..., "en": ...} dict. A rich text block's
value is such a dict of HTML (<p>, <ul><li>, <b>, <i>). Links point to example domains."""


def _t(fi: str, sv: str, en: str) -> dict:
    return {"fi": fi, "sv": sv, "en": en}


TRUE = _t("Tosi", "Sant", "True")
FALSE = _t("Epätosi", "Falskt", "False")


def _true_false(answer: bool, if_true: dict, if_false: dict) -> list:
    """The two choices of a true/false question, with feedback for each."""
    return [
        {"text": TRUE, "correct": answer, "feedback": if_true},
        {"text": FALSE, "correct": not answer, "feedback": if_false},
    ]


# The county's measure of whether knowledge grows: the same question before and after.
SELF_ASSESSMENT_QUESTION = _t(
    "Kuinka hyvin tunnet alueesi hyte-toiminnan eli kunnan, järjestöjen ja seurakuntien "
    "hyvinvointia edistävän toiminnan?",
    "Hur väl känner du till den välfärdsfrämjande verksamheten i ditt område, alltså den "
    "som kommunen, organisationer och församlingar ordnar?",
    "How well do you know the wellbeing and health promotion activities in your area, "
    "those run by the municipality, NGOs and parishes?",
)


def _self_assessment(phase: str) -> tuple:
    return (
        "self_assessment",
        {
            "question": SELF_ASSESSMENT_QUESTION,
            "phase": phase,
            "low_label": _t("En lainkaan", "Inte alls", "Not at all"),
            "high_label": _t("Erittäin hyvin", "Mycket väl", "Very well"),
        },
    )


# The home page's introduction in its Swedish and English copies (the Finnish one comes
# with the home page itself).
HOME_INTRO = _t(
    "<p>Hyvinvoinnin ja terveyden edistämisen koulutukset, uuden työntekijän perehdytys ja "
    "asiakaskirjausten fraasit samassa paikassa.</p>",
    "<p>Utbildningar i främjande av välfärd och hälsa, introduktion för nyanställda och "
    "fraser för klientanteckningar på ett och samma ställe.</p>",
    "<p>Health and wellbeing promotion courses, onboarding for new staff and phrases for "
    "client records in one place.</p>",
)

CATALOGUE = {
    "title": _t("Koulutukset", "Utbildningar", "Courses"),
    "intro": _t(
        "<p>Järvilaakson hyvinvointialueen hyte-koulutukset auttavat sinua ohjaamaan "
        "asiakkaita ja potilaita hyvinvointia edistävään toimintaan. Osa koulutuksista on "
        "pakollisia, osa valinnaisia. Voit edetä omaan tahtiisi ja jatkaa siitä, mihin "
        "viimeksi jäit.</p>",
        "<p>Järvilaksos välfärdsområdes utbildningar i hyte hjälper dig att hänvisa klienter "
        "och patienter till verksamhet som främjar deras välfärd och hälsa. En del av "
        "utbildningarna är obligatoriska, andra är frivilliga. Du kan gå framåt i din egen "
        "takt och fortsätta där du slutade senast.</p>",
        "<p>The wellbeing and health promotion courses of Järvilaakso Wellbeing Services "
        "County help you refer clients and patients to activities that support their "
        "wellbeing. Some courses are mandatory, others optional. You can work at your own "
        "pace and pick up where you left off.</p>",
    ),
}


# ---------------------------------------------------------------------------------------
# 1. Hyte-ohjauksen perusteet
# ---------------------------------------------------------------------------------------

BASICS = {
    "slug": "hyte-ohjauksen-perusteet",
    "title": _t(
        "Hyte-ohjauksen perusteet",
        "Grunderna i hyte-handledning",
        "Basics of hyte referral",
    ),
    "summary": _t(
        "Pakollinen koulutus kaikille Järvilaakson hyvinvointialueen työntekijöille. Opit, "
        "mitä hyte eli hyvinvoinnin ja terveyden edistäminen tarkoittaa, miksi asiakkaiden "
        "ohjaaminen kunnan, järjestöjen ja seurakuntien toimintaan kannattaa, mistä "
        "toimintaa löytyy ja miten ohjaus kirjataan fraasikirjaston avulla.",
        "Obligatorisk utbildning för alla anställda vid Järvilaksos välfärdsområde. Du lär "
        "dig vad hyte, främjande av välfärd och hälsa, betyder, varför det lönar sig att "
        "hänvisa klienter till verksamhet som kommunen, organisationer och församlingar "
        "ordnar, var du hittar verksamheten och hur hänvisningen dokumenteras med hjälp av "
        "frasbiblioteket.",
        "A mandatory course for all staff of Järvilaakso Wellbeing Services County. You will "
        "learn what hyte, the promotion of wellbeing and health, means, why it is worth "
        "referring clients to activities run by municipalities, NGOs and parishes, where to "
        "find those activities and how to record a referral using the phrase library.",
    ),
    "estimated_minutes": 40,
    "mandatory": True,
    "validity_months": 24,
    "audience_job_roles": [],
    "quiz": {
        "title": _t(
            "Hyte-ohjauksen perusteet: tietovisa",
            "Grunderna i hyte-handledning: frågesport",
            "Basics of hyte referral: quiz",
        ),
        "intro": _t(
            "Vastaa kysymyksiin koulutuksen oppituntien perusteella. Läpäisyyn tarvitaan 70 "
            "prosenttia oikeita vastauksia. Sinulla on kolme yritystä.",
            "Svara på frågorna utifrån utbildningens lektioner. För att bli godkänd behöver "
            "du 70 procent rätta svar. Du har tre försök.",
            "Answer the questions based on the lessons of this course. You need 70 per cent "
            "correct answers to pass. You have three attempts.",
        ),
        "pass_mark": 70,
        "max_attempts": 3,
        "shuffle": False,
        "questions": [
            {
                "kind": "single",
                "text": _t(
                    "Mitä hyte-ohjaus tarkoittaa?",
                    "Vad betyder hyte-handledning?",
                    "What does hyte referral mean?",
                ),
                "explanation": _t(
                    "Hyte-ohjaus on osa tavallista asiakas- ja palveluohjausta: asiakas "
                    "saa tietoa hänelle sopivasta hyvinvointia edistävästä toiminnasta.",
                    "Hyte-handledning är en del av den vanliga klient- och "
                    "servicehandledningen: klienten får veta om välfärdsfrämjande "
                    "verksamhet som passar hen.",
                    "Hyte referral is part of ordinary client and service guidance: the "
                    "client learns about a wellbeing activity that suits them.",
                ),
                "choices": [
                    {
                        "text": _t(
                            "Asiakkaan ohjaamista kunnan, järjestön tai seurakunnan "
                            "hyvinvointia edistävään toimintaan",
                            "Att hänvisa klienten till välfärdsfrämjande verksamhet som "
                            "kommunen, en organisation eller en församling ordnar",
                            "Referring a client to a wellbeing activity run by the "
                            "municipality, an NGO or a parish",
                        ),
                        "correct": True,
                        "feedback": _t(
                            "Oikein. Juuri tätä hyte-ohjaus on.",
                            "Rätt. Just det är hyte-handledning.",
                            "Correct. That is exactly what hyte referral is.",
                        ),
                    },
                    {
                        "text": _t(
                            "Lähetteen kirjoittamista erikoissairaanhoitoon",
                            "Att skriva en remiss till den specialiserade sjukvården",
                            "Writing a referral letter to specialist hospital care",
                        ),
                        "correct": False,
                        "feedback": _t(
                            "Ei. Hyte-ohjaukseen ei tarvita lähetettä.",
                            "Nej. Hyte-handledning kräver ingen remiss.",
                            "No. Hyte referral needs no referral letter.",
                        ),
                    },
                    {
                        "text": _t(
                            "Työntekijän omaa liikunta- ja kulttuurietua",
                            "Personalens egen motions- och kulturförmån",
                            "A sports and culture benefit for staff",
                        ),
                        "correct": False,
                        "feedback": _t(
                            "Ei. Hyte-ohjaus koskee asiakkaita ja potilaita.",
                            "Nej. Hyte-handledning gäller klienter och patienter.",
                            "No. Hyte referral is about clients and patients.",
                        ),
                    },
                ],
            },
            {
                "kind": "single",
                "text": _t(
                    "Miten hyvinvointialueen ammattilaiset arvioivat kyselyssä oman "
                    "hyte-toiminnan tuntemuksensa asteikolla 1–5?",
                    "Hur bedömde välfärdsområdets yrkespersoner i enkäten sin kännedom om "
                    "hyte-verksamhet på skalan 1–5?",
                    "In the survey, how did the county's professionals rate their own "
                    "knowledge of hyte activities on a scale of 1 to 5?",
                ),
                "explanation": _t(
                    "Keskimääräinen arvio oli noin 3. Tavoitteena on, että jokainen voisi "
                    "vastata 5.",
                    "Den genomsnittliga bedömningen var cirka 3. Målet är att alla ska "
                    "kunna svara 5.",
                    "The average rating was about 3. The aim is for everyone to be able to "
                    "answer 5.",
                ),
                "choices": [
                    {
                        "text": _t("Noin 1", "Cirka 1", "About 1"),
                        "correct": False,
                        "feedback": _t(
                            "Liian matala. Tuntemus oli keskitasoa.",
                            "För lågt. Kännedomen låg på medelnivå.",
                            "Too low. Knowledge was around the middle of the scale.",
                        ),
                    },
                    {
                        "text": _t("Noin 3", "Cirka 3", "About 3"),
                        "correct": True,
                        "feedback": _t(
                            "Oikein. Tavoitteena on nostaa arvio viitoseen.",
                            "Rätt. Målet är att höja bedömningen till fem.",
                            "Correct. The aim is to raise the rating to five.",
                        ),
                    },
                    {
                        "text": _t("Noin 5", "Cirka 5", "About 5"),
                        "correct": False,
                        "feedback": _t(
                            "Ei vielä. Viitonen on hyvinvointialueen tavoite.",
                            "Inte ännu. Fem är välfärdsområdets mål.",
                            "Not yet. Five is the county's goal.",
                        ),
                    },
                ],
            },
            {
                "kind": "multiple",
                "text": _t(
                    "Mistä löydät tietoa alueen hyte-toiminnasta?",
                    "Var hittar du information om hyte-verksamheten i området?",
                    "Where can you find information about hyte activities in the area?",
                ),
                "explanation": _t(
                    "Hyvinvointitarjotin kokoaa alueen toiminnan, lähellä.fi kertoo "
                    "järjestöjen toiminnasta ja kunnat esittelevät omat palvelunsa.",
                    "Välfärdsbrickan samlar områdets verksamhet, lähellä.fi berättar om "
                    "organisationernas verksamhet och kommunerna presenterar sina egna "
                    "tjänster.",
                    "The wellbeing tray gathers the area's activities, lähellä.fi lists what "
                    "NGOs do, and municipalities describe their own services.",
                ),
                "choices": [
                    {
                        "text": _t(
                            "Hyvinvointitarjottimelta",
                            "På välfärdsbrickan",
                            "The wellbeing tray",
                        ),
                        "correct": True,
                        "feedback": _t(
                            "Oikein. Tarjotin kokoaa alueen toiminnan yhteen paikkaan.",
                            "Rätt. Brickan samlar områdets verksamhet på ett ställe.",
                            "Correct. The tray brings the area's activities together.",
                        ),
                    },
                    {
                        "text": _t(
                            "Lähellä.fi-palvelusta",
                            "I tjänsten lähellä.fi",
                            "The lähellä.fi service",
                        ),
                        "correct": True,
                        "feedback": _t(
                            "Oikein. Siellä järjestöt kertovat toiminnastaan.",
                            "Rätt. Där berättar organisationer om sin verksamhet.",
                            "Correct. NGOs publish their activities there.",
                        ),
                    },
                    {
                        "text": _t(
                            "Kunnan liikunta-, kulttuuri- ja nuorisopalveluista",
                            "Från kommunens idrotts-, kultur- och ungdomstjänster",
                            "The municipality's sports, culture and youth services",
                        ),
                        "correct": True,
                        "feedback": _t(
                            "Oikein. Kunnat kertovat ryhmistään ja vuoroistaan.",
                            "Rätt. Kommunerna berättar om sina grupper och turer.",
                            "Correct. Municipalities publish their groups and sessions.",
                        ),
                    },
                    {
                        "text": _t(
                            "Asiakkaan laboratoriotuloksista",
                            "Ur klientens laboratorieresultat",
                            "The client's laboratory results",
                        ),
                        "correct": False,
                        "feedback": _t(
                            "Ei. Laboratoriotuloksissa ei ole tietoa toiminnasta.",
                            "Nej. Laboratorieresultaten säger inget om verksamheten.",
                            "No. Laboratory results say nothing about activities.",
                        ),
                    },
                ],
            },
            {
                "kind": "true_false",
                "text": _t(
                    "Kun ohjaat asiakkaan järjestön tai seurakunnan toimintaan, ohjaus "
                    "kirjataan asiakas- tai potilastietoihin ja hoito- ja "
                    "palvelusuunnitelmaan.",
                    "När du hänvisar en klient till en organisations eller församlings "
                    "verksamhet dokumenteras hänvisningen i klient- eller patientjournalen "
                    "och i vård- och serviceplanen.",
                    "When you refer a client to an NGO or parish activity, the referral is "
                    "recorded in the client or patient record and in the care and service "
                    "plan.",
                ),
                "explanation": _t(
                    "Kirjaus kertoo muille ammattilaisille, mitä on sovittu, ja auttaa "
                    "palaamaan asiaan.",
                    "Anteckningen visar andra yrkespersoner vad som har överenskommits och "
                    "hjälper er att återkomma till saken.",
                    "The entry tells other professionals what was agreed and helps you come "
                    "back to it.",
                ),
                "choices": _true_false(
                    True,
                    _t(
                        "Oikein. Ohjaus kirjataan aina.",
                        "Rätt. Hänvisningen dokumenteras alltid.",
                        "Correct. The referral is always recorded.",
                    ),
                    _t(
                        "Väärin. Ohjaus kuuluu kirjata.",
                        "Fel. Hänvisningen ska dokumenteras.",
                        "Wrong. The referral should be recorded.",
                    ),
                ),
            },
            {
                "kind": "single",
                "text": _t(
                    "Mitä teet fraasille ennen kuin liität sen kirjaukseen?",
                    "Vad gör du med en fras innan du klistrar in den i anteckningen?",
                    "What do you do with a phrase before you paste it into the record?",
                ),
                "explanation": _t(
                    "Fraasin aukot, kuten toiminnan nimi ja päivämäärä, täydennetään ennen "
                    "kopiointia.",
                    "Frasens luckor, till exempel verksamhetens namn och datum, fylls i "
                    "innan den kopieras.",
                    "The gaps in the phrase, such as the activity name and date, are filled "
                    "in before copying.",
                ),
                "choices": [
                    {
                        "text": _t(
                            "Täydennän aukot, kuten toiminnan nimen ja päivämäärän",
                            "Jag fyller i luckorna, till exempel verksamhetens namn och datum",
                            "I fill in the gaps, such as the activity name and date",
                        ),
                        "correct": True,
                        "feedback": _t(
                            "Oikein. Näin kirjaus kertoo, mitä todella sovittiin.",
                            "Rätt. Så visar anteckningen vad ni faktiskt kom överens om.",
                            "Correct. Then the entry shows what was actually agreed.",
                        ),
                    },
                    {
                        "text": _t(
                            "En mitään, vaan kopioin sen sellaisenaan",
                            "Ingenting, jag kopierar den som den är",
                            "Nothing; I copy it as it is",
                        ),
                        "correct": False,
                        "feedback": _t(
                            "Ei. Täyttämätön fraasi ei kerro, mihin asiakas ohjattiin.",
                            "Nej. En ifylld fras behövs för att visa vart klienten hänvisades.",
                            "No. An unfilled phrase does not show where the client was referred.",
                        ),
                    },
                    {
                        "text": _t(
                            "Lähetän sen sähköpostilla järjestölle",
                            "Jag skickar den per e-post till organisationen",
                            "I email it to the NGO",
                        ),
                        "correct": False,
                        "feedback": _t(
                            "Ei. Fraasi on tarkoitettu omaan kirjaukseesi.",
                            "Nej. Frasen är avsedd för din egen anteckning.",
                            "No. The phrase is meant for your own record entry.",
                        ),
                    },
                ],
            },
        ],
    },
    "lessons": [
        {
            "slug": "mita-hyte-on",
            "title": _t("Mitä hyte on?", "Vad är hyte?", "What is hyte?"),
            "blocks": [
                _self_assessment("before"),
                (
                    "heading",
                    {
                        "text": _t(
                            "Hyvinvoinnin ja terveyden edistäminen",
                            "Främjande av välfärd och hälsa",
                            "Promoting wellbeing and health",
                        )
                    },
                ),
                (
                    "paragraph",
                    _t(
                        "<p><b>Hyte</b> on lyhenne sanoista hyvinvoinnin ja terveyden "
                        "edistäminen. Sillä tarkoitetaan kaikkea toimintaa, joka auttaa "
                        "ihmisiä voimaan hyvin, pysymään terveinä ja toimintakykyisinä sekä "
                        "tuntemaan kuuluvansa johonkin yhteisöön. Hyte ei ole erillinen "
                        "palvelu vaan tapa katsoa asiakkaan elämää kokonaisuutena.</p>"
                        "<p>Hyvinvointia edistävää toimintaa järjestävät monet tahot:</p>"
                        "<ul><li><b>kunnat</b>, esimerkiksi liikunta-, kulttuuri-, "
                        "kirjasto- ja nuorisopalvelut</li>"
                        "<li><b>järjestöt ja yhdistykset</b>, esimerkiksi potilas-, "
                        "eläkeläis-, liikunta- ja mielenterveysyhdistykset</li>"
                        "<li><b>seurakunnat</b>, esimerkiksi diakoniatyö, ryhmät ja "
                        "yhteiset ateriat</li>"
                        "<li>muut toimijat, kuten kansalaisopistot ja kyläyhdistykset.</li>"
                        "</ul>",
                        "<p><b>Hyte</b> är en finsk förkortning för främjande av välfärd och "
                        "hälsa. Med det avses all verksamhet som hjälper människor att må "
                        "bra, hålla sig friska och funktionsdugliga och känna att de hör "
                        "till en gemenskap. Hyte är inte en separat tjänst utan ett sätt att "
                        "se på klientens liv som en helhet.</p>"
                        "<p>Välfärdsfrämjande verksamhet ordnas av många aktörer:</p>"
                        "<ul><li><b>kommuner</b>, till exempel idrotts-, kultur-, "
                        "biblioteks- och ungdomstjänster</li>"
                        "<li><b>organisationer och föreningar</b>, till exempel patient-, "
                        "pensionärs-, idrotts- och mentalhälsoföreningar</li>"
                        "<li><b>församlingar</b>, till exempel diakoniarbete, grupper och "
                        "gemensamma måltider</li>"
                        "<li>andra aktörer, såsom medborgarinstitut och byaföreningar.</li>"
                        "</ul>",
                        "<p><b>Hyte</b> is a Finnish abbreviation for the promotion of "
                        "wellbeing and health. It covers any activity that helps people "
                        "feel well, stay healthy and able to manage everyday life, and feel "
                        "part of a community. Hyte is not a separate service but a way of "
                        "looking at a client's life as a whole.</p>"
                        "<p>Wellbeing activities are run by many different organisers:</p>"
                        "<ul><li><b>municipalities</b>, for example sports, culture, "
                        "library and youth services</li>"
                        "<li><b>NGOs and associations</b>, for example patient, pensioner, "
                        "sports and mental health associations</li>"
                        "<li><b>parishes</b>, for example diaconal work, groups and shared "
                        "meals</li>"
                        "<li>other organisers, such as adult education centres and village "
                        "associations.</li></ul>",
                    ),
                ),
                (
                    "heading",
                    {
                        "text": _t(
                            "Hyte-ohjaus kuuluu jokaisen työhön",
                            "Hyte-handledning hör till allas arbete",
                            "Hyte referral is part of everyone's work",
                        )
                    },
                ),
                (
                    "paragraph",
                    _t(
                        "<p><b>Hyte-ohjauksella</b> tarkoitetaan sitä, että ammattilainen "
                        "kertoo asiakkaalle tai potilaalle hänelle sopivasta toiminnasta ja "
                        "auttaa häntä löytämään sen. Ohjaus on osa tavallista asiakas- ja "
                        "palveluohjausta, eikä siihen tarvita lähetettä. Usein riittää lyhyt "
                        "keskustelu, toiminnan yhteystiedot ja sopimus siitä, että asiaan "
                        "palataan.</p>"
                        "<p>Kun asiakas löytää mieluisaa tekemistä ja muita ihmisiä, arki "
                        "voi vahvistua tavalla, johon pelkkä vastaanottokäynti ei yllä.</p>",
                        "<p>Med <b>hyte-handledning</b> menas att en yrkesperson berättar "
                        "för klienten eller patienten om verksamhet som passar hen och "
                        "hjälper hen att hitta den. Handledningen är en del av den vanliga "
                        "klient- och servicehandledningen och kräver ingen remiss. Ofta "
                        "räcker ett kort samtal, verksamhetens kontaktuppgifter och en "
                        "överenskommelse om att ni återkommer till saken.</p>"
                        "<p>När klienten hittar något meningsfullt att göra och andra "
                        "människor att göra det med kan vardagen stärkas på ett sätt som ett "
                        "mottagningsbesök ensamt inte når.</p>",
                        "<p><b>Hyte referral</b> means that a professional tells a client "
                        "or patient about an activity that suits them and helps them find "
                        "it. It is part of ordinary client and service guidance and needs no "
                        "referral letter. A short conversation, the activity's contact "
                        "details and an agreement to come back to the matter are often "
                        "enough.</p>"
                        "<p>When clients find something they enjoy and people to share it "
                        "with, their everyday life can grow stronger in a way that an "
                        "appointment alone cannot achieve.</p>",
                    ),
                ),
                (
                    "callout",
                    {
                        "kind": "note",
                        "text": _t(
                            "<p>Samasta asiasta käytetään usein eri nimiä. Tässä "
                            "koulutuksessa <i>hyte-toiminta</i> tarkoittaa kunnan, "
                            "järjestöjen, seurakuntien ja muiden toimijoiden hyvinvointia "
                            "edistävää toimintaa. Yhteiset sanat auttavat meitä "
                            "ymmärtämään toisiamme.</p>",
                            "<p>Samma sak kallas ofta vid olika namn. I den här "
                            "utbildningen betyder <i>hyte-verksamhet</i> välfärdsfrämjande "
                            "verksamhet som kommunen, organisationer, församlingar och "
                            "andra aktörer ordnar. Gemensamma ord hjälper oss att förstå "
                            "varandra.</p>",
                            "<p>The same thing often goes by several names. In this course, "
                            "<i>hyte activities</i> means wellbeing activities run by the "
                            "municipality, NGOs, parishes and other organisers. Shared "
                            "words help us understand one another.</p>",
                        ),
                    },
                ),
                (
                    "reflection",
                    {
                        "question": _t(
                            "Mihin hyvinvointia edistävään toimintaan olet viimeksi "
                            "ohjannut asiakasta – tai mihin olisit voinut ohjata?",
                            "Till vilken välfärdsfrämjande verksamhet hänvisade du senast "
                            "en klient – eller vart kunde du ha hänvisat hen?",
                            "Which wellbeing activity did you last refer a client to – or "
                            "where could you have referred them?",
                        )
                    },
                ),
            ],
        },
        {
            "slug": "miksi-ohjaus-on-tarkeaa",
            "title": _t(
                "Miksi ohjaaminen on tärkeää?",
                "Varför är hänvisning viktig?",
                "Why does referral matter?",
            ),
            "blocks": [
                (
                    "heading",
                    {
                        "text": _t(
                            "Mitä ammattilaiset kertoivat",
                            "Vad yrkespersonerna berättade",
                            "What professionals told us",
                        )
                    },
                ),
                (
                    "paragraph",
                    _t(
                        "<p>Hyvinvointialue kysyi ammattilaisiltaan, miten he ohjaavat "
                        "asiakkaita hyte-toimintaan. Vastauksista nousi esiin muutama selvä "
                        "viesti:</p>"
                        "<ul><li>Vastaajat arvioivat oman hyte-toiminnan tuntemuksensa "
                        "<b>noin kolmoseksi asteikolla 1–5</b>.</li>"
                        "<li>Noin puolet ohjaa asiakkaita hyte-toimintaan vähintään kerran "
                        "viikossa, mutta noin joka kymmenes ei ohjaa koskaan.</li>"
                        "<li>Kaikki, jotka eivät koskaan ohjaa, kertoivat yhdeksi syyksi "
                        "sen, etteivät <b>tunne toimintaa</b>.</li>"
                        "<li>Lähes 40 prosenttia mainitsi esteeksi <b>ajan puutteen</b>."
                        "</li>"
                        "<li>Useimmiten asiakkaita ohjataan liikuntapalveluihin.</li></ul>"
                        "<p>Yhdeksän kymmenestä toivoi, että tieto toiminnasta löytyisi "
                        "digitaaliselta alustalta. Siksi tämä koulutus ja alueen "
                        "hyvinvointitarjotin ovat olemassa.</p>",
                        "<p>Välfärdsområdet frågade sina yrkespersoner hur de hänvisar "
                        "klienter till hyte-verksamhet. Några tydliga budskap kom fram:</p>"
                        "<ul><li>De svarande bedömde sin kännedom om hyte-verksamhet till "
                        "<b>cirka tre på skalan 1–5</b>.</li>"
                        "<li>Ungefär hälften hänvisar klienter till hyte-verksamhet minst "
                        "en gång i veckan, men ungefär var tionde gör det aldrig.</li>"
                        "<li>Alla som aldrig hänvisar angav som en orsak att de <b>inte "
                        "känner till verksamheten</b>.</li>"
                        "<li>Nästan 40 procent nämnde <b>tidsbrist</b> som ett hinder.</li>"
                        "<li>Oftast hänvisas klienter till idrottstjänster.</li></ul>"
                        "<p>Nio av tio önskade att informationen skulle finnas på en digital "
                        "plattform. Därför finns den här utbildningen och områdets "
                        "välfärdsbricka.</p>",
                        "<p>The county asked its professionals how they refer clients to "
                        "hyte activities. A few clear messages came out of the answers:</p>"
                        "<ul><li>Respondents rated their own knowledge of hyte activities "
                        "at <b>about 3 on a scale of 1 to 5</b>.</li>"
                        "<li>About half refer clients to hyte activities at least once a "
                        "week, but about one in ten never does.</li>"
                        "<li>Everyone who never refers gave <b>not knowing the "
                        "activities</b> as one of the reasons.</li>"
                        "<li>Almost 40 per cent named <b>lack of time</b> as an obstacle."
                        "</li>"
                        "<li>Clients are most often referred to sports services.</li></ul>"
                        "<p>Nine in ten wanted the information to be available on a digital "
                        "platform. That is why this course and the area's wellbeing tray "
                        "exist.</p>",
                    ),
                ),
                (
                    "heading",
                    {"text": _t("Tavoitteena viitonen", "Målet är en femma", "Aiming for 5")},
                ),
                (
                    "paragraph",
                    _t(
                        "<p>Tavoite on, että jokainen ammattilainen voisi arvioida "
                        "tuntemuksensa viitoseksi. Se ei tarkoita, että kaikki toiminta "
                        "pitäisi muistaa ulkoa. Riittää, että tiedät, mistä tieto löytyy, "
                        "ja uskallat ottaa asian puheeksi.</p>"
                        "<p>Ohjaus hyödyttää monin tavoin: asiakas saa tukea arkeensa myös "
                        "vastaanoton ulkopuolella, yksinäisyys ja huolet voivat helpottaa, "
                        "ja raskaampien palvelujen tarve voi siirtyä myöhemmäksi.</p>",
                        "<p>Målet är att varje yrkesperson ska kunna ge sin kännedom "
                        "betyget fem. Det betyder inte att du ska kunna all verksamhet "
                        "utantill. Det räcker att du vet var informationen finns och vågar "
                        "ta upp saken.</p>"
                        "<p>Hänvisningen gagnar på många sätt: klienten får stöd i vardagen "
                        "även utanför mottagningen, ensamhet och oro kan lätta och behovet "
                        "av tyngre tjänster kan skjutas upp.</p>",
                        "<p>The aim is for every professional to be able to rate their "
                        "knowledge at 5. That does not mean memorising every activity. It "
                        "is enough to know where to find the information and to feel "
                        "confident raising the subject.</p>"
                        "<p>Referral helps in many ways: clients get support in their daily "
                        "lives outside appointments, loneliness and worries can ease, and "
                        "the need for heavier services can be postponed.</p>",
                    ),
                ),
                (
                    "callout",
                    {
                        "kind": "tip",
                        "text": _t(
                            "<p>Ajan puute on todellinen este, mutta ohjaukseen ei tarvita "
                            "pitkää keskustelua. Yksi kysymys, hyte-kortti käteen ja lyhyt "
                            "kirjaus vievät usein vain muutaman minuutin.</p>",
                            "<p>Tidsbrist är ett verkligt hinder, men en hänvisning kräver "
                            "inget långt samtal. En fråga, hyte-kortet i handen och en kort "
                            "anteckning tar ofta bara några minuter.</p>",
                            "<p>Lack of time is a real obstacle, but a referral does not "
                            "need a long conversation. One question, a hyte card handed "
                            "over and a short record entry often take only a few "
                            "minutes.</p>",
                        ),
                    },
                ),
                (
                    "reflection",
                    {
                        "question": _t(
                            "Mikä on työssäsi suurin este ohjata asiakkaita "
                            "hyte-toimintaan, ja mikä voisi auttaa?",
                            "Vad är det största hindret i ditt arbete för att hänvisa "
                            "klienter till hyte-verksamhet, och vad kunde hjälpa?",
                            "What is the biggest obstacle in your work to referring clients "
                            "to hyte activities, and what could help?",
                        )
                    },
                ),
            ],
        },
        {
            "slug": "mista-toimintaa-loytyy",
            "title": _t(
                "Mistä toimintaa löytyy?",
                "Var hittar man verksamheten?",
                "Where can you find activities?",
            ),
            "blocks": [
                (
                    "heading",
                    {
                        "text": _t(
                            "Kolme tietolähdettä",
                            "Tre informationskällor",
                            "Three sources of information",
                        )
                    },
                ),
                (
                    "paragraph",
                    _t(
                        "<p>Sinun ei tarvitse tuntea kaikkea alueen toimintaa. Kun tiedät, "
                        "mistä etsiä, löydätte sopivan vaihtoehdon yhdessä asiakkaan "
                        "kanssa.</p>"
                        "<ul><li><b>Hyvinvointitarjotin</b> on Järvilaakson "
                        "hyvinvointialueen verkkopalvelu, johon on koottu alueen "
                        "hyvinvointia edistävä toiminta. Tiedot perustuvat "
                        "palvelukuvauksiin, joita kunnat ja muut toimijat ylläpitävät "
                        "valtakunnallisessa palvelutietovarannossa (PTV). Toimintaa voi "
                        "hakea esimerkiksi kunnan, aiheen tai kohderyhmän mukaan.</li>"
                        "<li><b>Lähellä.fi</b> on valtakunnallinen palvelu, jossa järjestöt "
                        "ja yhdistykset kertovat toiminnastaan, tapahtumistaan ja "
                        "vapaaehtoistehtävistään.</li>"
                        "<li><b>Kunnan palvelut</b>, kuten liikunta-, kulttuuri-, kirjasto- "
                        "ja nuorisopalvelut, kertovat ryhmistään ja vuoroistaan kunnan "
                        "verkkosivuilla.</li></ul>",
                        "<p>Du behöver inte känna till all verksamhet i området. När du vet "
                        "var du ska söka hittar ni ett lämpligt alternativ tillsammans med "
                        "klienten.</p>"
                        "<ul><li><b>Välfärdsbrickan</b> (hyvinvointitarjotin) är Järvilaksos "
                        "välfärdsområdes webbtjänst, där den välfärdsfrämjande verksamheten "
                        "i området är samlad. Uppgifterna bygger på servicebeskrivningar "
                        "som kommuner och andra aktörer upprätthåller i den nationella "
                        "servicedatalagret (PTV). Du kan söka till exempel efter kommun, "
                        "ämne eller målgrupp.</li>"
                        "<li><b>Lähellä.fi</b> är en nationell tjänst där organisationer "
                        "och föreningar berättar om sin verksamhet, sina evenemang och sina "
                        "frivilliguppdrag.</li>"
                        "<li><b>Kommunens tjänster</b>, såsom idrotts-, kultur-, biblioteks- "
                        "och ungdomstjänster, presenterar sina grupper och turer på "
                        "kommunens webbplats.</li></ul>",
                        "<p>You do not need to know every activity in the area. When you "
                        "know where to look, you and the client can find a suitable option "
                        "together.</p>"
                        "<ul><li><b>The wellbeing tray</b> (hyvinvointitarjotin) is "
                        "Järvilaakso Wellbeing Services County's online catalogue of "
                        "wellbeing activities in the area. It is built on the service "
                        "descriptions that municipalities and other organisers keep in the "
                        "national Service Information Repository (PTV). You can search by "
                        "municipality, topic or target group, for example.</li>"
                        "<li><b>Lähellä.fi</b> is a national service where NGOs and "
                        "associations publish their activities, events and volunteering "
                        "opportunities.</li>"
                        "<li><b>Municipal services</b>, such as sports, culture, library "
                        "and youth services, list their groups and sessions on the "
                        "municipality's website.</li></ul>",
                    ),
                ),
                (
                    "hyte_activity",
                    {
                        "name": _t(
                            "Senioreiden kuntosalivuorot",
                            "Gympass för seniorer",
                            "Gym sessions for older adults",
                        ),
                        "organiser": _t(
                            "Rantalan kunnan liikuntapalvelut",
                            "Rantala kommuns idrottstjänster",
                            "Rantala Municipality Sports Services",
                        ),
                        "organiser_kind": "municipality",
                        "description": _t(
                            "Ohjattuja kuntosalivuoroja yli 65-vuotiaille arkiaamuisin. "
                            "Ohjaaja neuvoo laitteiden käytössä. Maksuton, eikä "
                            "ilmoittautumista tarvita.",
                            "Handledda gympass för personer över 65 år på vardagsmorgnar. "
                            "Handledaren visar hur apparaterna används. Avgiftsfritt och "
                            "ingen anmälan behövs.",
                            "Supervised gym sessions for people over 65 on weekday "
                            "mornings. An instructor shows how to use the equipment. Free "
                            "of charge, no need to sign up.",
                        ),
                        "link": "https://liikunta.jarvilaakso.example/seniorit/",
                    },
                ),
                (
                    "heading",
                    {"text": _t("Etsikää yhdessä", "Sök tillsammans", "Search together")},
                ),
                (
                    "paragraph",
                    _t(
                        "<p>Hae toimintaa mieluiten yhdessä asiakkaan kanssa. Kysy, mistä "
                        "hän on ennen pitänyt, mihin aikaan päivästä hän jaksaa lähteä ja "
                        "tarvitseeko hän kyydin tai saattajan. Silloin ehdotus sopii hänen "
                        "arkeensa eikä jää paperille.</p>",
                        "<p>Sök helst verksamhet tillsammans med klienten. Fråga vad hen "
                        "har tyckt om tidigare, vilken tid på dagen hen orkar ge sig i väg "
                        "och om hen behöver skjuts eller ledsagare. Då passar förslaget in "
                        "i vardagen och blir inte bara ord på papper.</p>",
                        "<p>Search for activities together with the client if you can. Ask "
                        "what they have enjoyed before, what time of day they feel up to "
                        "going out and whether they need transport or someone to go with "
                        "them. Then the suggestion fits their everyday life rather than "
                        "staying on paper.</p>",
                    ),
                ),
                (
                    "callout",
                    {
                        "kind": "tip",
                        "text": _t(
                            "<p>Tallenna hyvinvointitarjotin ja oman kuntasi liikunta- ja "
                            "kulttuuripalvelujen sivut selaimen kirjanmerkkeihin. Kun "
                            "linkit ovat käden ulottuvilla, ohjaus sujuu kiireisenäkin "
                            "päivänä.</p>",
                            "<p>Spara välfärdsbrickan och din kommuns idrotts- och "
                            "kulturtjänster som bokmärken i webbläsaren. När länkarna finns "
                            "nära till hands går hänvisningen smidigt även en stressig "
                            "dag.</p>",
                            "<p>Bookmark the wellbeing tray and your municipality's sports "
                            "and culture pages in your browser. With the links close at "
                            "hand, referral is quick even on a busy day.</p>",
                        ),
                    },
                ),
                (
                    "reflection",
                    {
                        "question": _t(
                            "Etsi hyvinvointitarjottimelta yksi toiminta, joka sopisi "
                            "jollekin asiakkaallesi. Mitä kertoisit siitä hänelle?",
                            "Sök upp en verksamhet på välfärdsbrickan som skulle passa "
                            "någon av dina klienter. Vad skulle du berätta om den för hen?",
                            "Find one activity on the wellbeing tray that would suit one of "
                            "your clients. What would you tell them about it?",
                        )
                    },
                ),
            ],
        },
        {
            "slug": "ohjauksen-kirjaaminen",
            "title": _t(
                "Ohjauksen kirjaaminen",
                "Att dokumentera hänvisningen",
                "Recording a referral",
            ),
            "blocks": [
                (
                    "heading",
                    {
                        "text": _t(
                            "Miksi ohjaus kirjataan",
                            "Varför hänvisningen dokumenteras",
                            "Why the referral is recorded",
                        )
                    },
                ),
                (
                    "paragraph",
                    _t(
                        "<p>Kun ohjaat asiakkaan tai potilaan kunnan, järjestön tai "
                        "seurakunnan toimintaan, kirjaa ohjaus <b>asiakas- tai "
                        "potilastietoihin</b> ja <b>hoito- ja palvelusuunnitelmaan</b>. "
                        "Kirjauksesta seuraava ammattilainen näkee, mitä on sovittu, ja "
                        "asiaan on helppo palata. Samalla ohjaus tulee näkyväksi osana "
                        "asiakkaan kokonaishoitoa eikä jää yksittäiseksi vinkiksi.</p>",
                        "<p>När du hänvisar en klient eller patient till verksamhet som "
                        "kommunen, en organisation eller en församling ordnar ska du "
                        "dokumentera hänvisningen i <b>klient- eller patientjournalen</b> "
                        "och i <b>vård- och serviceplanen</b>. Av anteckningen ser nästa "
                        "yrkesperson vad som har överenskommits, och det är lätt att "
                        "återkomma till saken. Samtidigt blir hänvisningen synlig som en del "
                        "av klientens helhetsvård i stället för ett lösryckt tips.</p>",
                        "<p>When you refer a client or patient to an activity run by the "
                        "municipality, an NGO or a parish, record the referral in the "
                        "<b>client or patient record</b> and in the <b>care and service "
                        "plan</b>. The entry shows the next professional what was agreed and "
                        "makes it easy to follow up. It also makes the referral visible as "
                        "part of the client's overall care rather than a one-off tip.</p>",
                    ),
                ),
                (
                    "heading",
                    {
                        "text": _t(
                            "Fraasikirjasto nopeuttaa kirjaamista",
                            "Frasbiblioteket gör dokumentationen snabbare",
                            "The phrase library speeds up recording",
                        )
                    },
                ),
                (
                    "paragraph",
                    _t(
                        "<p>Hyteoppaan fraasikirjastoon on koottu valmiita tekstejä "
                        "hyte-ohjauksen kirjaamiseen. Fraasit on ryhmitelty palvelualueen ja "
                        "hyte-teeman, kuten liikunnan, yhteisöllisyyden tai kulttuurin, "
                        "mukaan. Näin käytät niitä:</p>"
                        "<ul><li>Hae fraasi hakusanalla tai selaa oman palvelualueesi "
                        "fraaseja.</li>"
                        "<li>Täydennä aukot, kuten toiminnan nimi, järjestäjä ja "
                        "päivämäärä.</li>"
                        "<li>Kopioi valmis teksti yhdellä painalluksella ja liitä se "
                        "kirjaukseen.</li>"
                        "<li>Tarkista, että teksti vastaa sitä, mitä asiakkaan kanssa "
                        "todella sovittiin.</li></ul>",
                        "<p>I Hyteopas frasbibliotek finns färdiga texter för att "
                        "dokumentera hyte-handledning. Fraserna är grupperade efter "
                        "serviceområde och hyte-tema, till exempel motion, gemenskap eller "
                        "kultur. Så här använder du dem:</p>"
                        "<ul><li>Sök en fras med ett sökord eller bläddra bland ditt "
                        "serviceområdes fraser.</li>"
                        "<li>Fyll i luckorna, till exempel verksamhetens namn, arrangör och "
                        "datum.</li>"
                        "<li>Kopiera den färdiga texten med ett klick och klistra in den i "
                        "anteckningen.</li>"
                        "<li>Kontrollera att texten motsvarar det ni faktiskt kom överens "
                        "om.</li></ul>",
                        "<p>The Hyteopas phrase library contains ready-made texts for "
                        "recording hyte referrals. The phrases are grouped by service area "
                        "and by hyte theme, such as physical activity, community or "
                        "culture. This is how to use them:</p>"
                        "<ul><li>Search for a phrase by keyword or browse the phrases for "
                        "your service area.</li>"
                        "<li>Fill in the gaps, such as the activity name, organiser and "
                        "date.</li>"
                        "<li>Copy the finished text with one click and paste it into the "
                        "record.</li>"
                        "<li>Check that the text matches what you actually agreed with the "
                        "client.</li></ul>",
                    ),
                ),
                (
                    "callout",
                    {
                        "kind": "example",
                        "text": _t(
                            "<p><i>Keskusteltu asiakkaan kanssa arjen liikkumisesta. Asiakas "
                            "kiinnostui [toiminnan nimi] -ryhmästä, jonka järjestää "
                            "[järjestäjä]. Annettu yhteystiedot ja hyte-kortti. Asiakas "
                            "aikoo osallistua [päivämäärä]. Asiaan palataan seuraavalla "
                            "käynnillä.</i></p>",
                            "<p><i>Diskuterat vardagsmotion med klienten. Klienten blev "
                            "intresserad av gruppen [verksamhetens namn] som ordnas av "
                            "[arrangör]. Kontaktuppgifter och hyte-kort givna. Klienten "
                            "tänker delta [datum]. Vi återkommer till saken vid nästa "
                            "besök.</i></p>",
                            "<p><i>Discussed everyday physical activity with the client. "
                            "The client is interested in the [activity name] group run by "
                            "[organiser]. Contact details and hyte card given. The client "
                            "plans to attend on [date]. To be followed up at the next "
                            "visit.</i></p>",
                        ),
                    },
                ),
                (
                    "paragraph",
                    _t(
                        "<p>Kirjaa ohjaus asiallisesti ja asiakkaan omaa päätöstä "
                        "kunnioittaen. Jos asiakas ei nyt halua osallistua, voit kirjata "
                        "senkin: tilanne voi muuttua, ja asiaan voi palata myöhemmin.</p>",
                        "<p>Dokumentera hänvisningen sakligt och med respekt för klientens "
                        "eget beslut. Om klienten inte vill delta just nu kan du anteckna "
                        "också det: situationen kan ändras och ni kan återkomma till saken "
                        "senare.</p>",
                        "<p>Record the referral factually and with respect for the client's "
                        "own decision. If the client does not want to take part for now, "
                        "you can record that too: things may change, and you can return to "
                        "it later.</p>",
                    ),
                ),
                ("quiz", {"required": True}),
                _self_assessment("after"),
            ],
        },
    ],
}


# ---------------------------------------------------------------------------------------
# 2. Järjestöt ja seurakunnat kumppaneina
# ---------------------------------------------------------------------------------------

PARTNERS = {
    "slug": "jarjestot-ja-seurakunnat-kumppaneina",
    "title": _t(
        "Järjestöt ja seurakunnat kumppaneina",
        "Organisationer och församlingar som partner",
        "NGOs and parishes as partners",
    ),
    "summary": _t(
        "Valinnainen koulutus järjestö- ja seurakuntayhteistyöstä. Tutustut siihen, millaista "
        "toimintaa järjestöt ja seurakunnat tarjoavat, mitä vertaistuki ja "
        "vapaaehtoistoiminta ovat, miten kohdennetut järjestöesittelyt toimivat ja miten "
        "asiakkaan voi ohjata kumppanin toimintaan.",
        "Frivillig utbildning om samarbete med organisationer och församlingar. Du bekantar "
        "dig med vilken verksamhet organisationer och församlingar erbjuder, vad kamratstöd "
        "och frivilligverksamhet är, hur riktade organisationspresentationer fungerar och hur "
        "du hänvisar en klient till en partners verksamhet.",
        "An optional course on working with NGOs and parishes. You will learn what NGOs and "
        "parishes offer, what peer support and volunteering are, how targeted presentation "
        "sessions work and how to refer a client to a partner's activity.",
    ),
    "estimated_minutes": 30,
    "mandatory": False,
    "validity_months": None,
    "audience_job_roles": [],
    "quiz": {
        "title": _t(
            "Järjestöt ja seurakunnat kumppaneina: tietovisa",
            "Organisationer och församlingar som partner: frågesport",
            "NGOs and parishes as partners: quiz",
        ),
        "intro": _t(
            "Viisi kysymystä koulutuksen oppitunneista. Läpäisyyn tarvitaan 70 prosenttia "
            "oikeita vastauksia.",
            "Fem frågor om utbildningens lektioner. För att bli godkänd behöver du 70 procent "
            "rätta svar.",
            "Five questions on the lessons of this course. You need 70 per cent correct "
            "answers to pass.",
        ),
        "pass_mark": 70,
        "max_attempts": 3,
        "shuffle": False,
        "questions": [
            {
                "kind": "true_false",
                "text": _t(
                    "Hyvinvointialuetta koskevat lait edellyttävät, että alue tekee "
                    "yhteistyötä järjestöjen ja seurakuntien kanssa.",
                    "Lagarna om välfärdsområdena förutsätter att området samarbetar med "
                    "organisationer och församlingar.",
                    "The laws on wellbeing services counties require the county to work with "
                    "NGOs and parishes.",
                ),
                "explanation": _t(
                    "Yhteistyö järjestöjen ja seurakuntien kanssa on lakisääteistä.",
                    "Samarbetet med organisationer och församlingar är lagstadgat.",
                    "Working with NGOs and parishes is a statutory duty.",
                ),
                "choices": _true_false(
                    True,
                    _t(
                        "Oikein. Yhteistyö on lakisääteistä.",
                        "Rätt. Samarbetet är lagstadgat.",
                        "Correct. The cooperation is required by law.",
                    ),
                    _t(
                        "Väärin. Laki edellyttää yhteistyötä.",
                        "Fel. Lagen förutsätter samarbete.",
                        "Wrong. The law requires cooperation.",
                    ),
                ),
            },
            {
                "kind": "true_false",
                "text": _t(
                    "Vertaistuki korvaa ammattilaisen antaman hoidon.",
                    "Kamratstöd ersätter den vård som en yrkesperson ger.",
                    "Peer support replaces the care given by a professional.",
                ),
                "explanation": _t(
                    "Vertaistuki täydentää hoitoa ja palveluja mutta ei korvaa niitä.",
                    "Kamratstöd kompletterar vård och tjänster men ersätter dem inte.",
                    "Peer support complements care and services but does not replace them.",
                ),
                "choices": _true_false(
                    False,
                    _t(
                        "Väärin. Vertaistuki täydentää hoitoa.",
                        "Fel. Kamratstöd kompletterar vården.",
                        "Wrong. Peer support complements care.",
                    ),
                    _t(
                        "Oikein. Vertaistuki täydentää, ei korvaa.",
                        "Rätt. Kamratstöd kompletterar, det ersätter inte.",
                        "Correct. Peer support complements rather than replaces.",
                    ),
                ),
            },
            {
                "kind": "multiple",
                "text": _t(
                    "Mitkä väitteet kohdennetuista järjestöesittelyistä pitävät paikkansa?",
                    "Vilka påståenden om riktade organisationspresentationer stämmer?",
                    "Which statements about targeted presentation sessions are true?",
                ),
                "explanation": _t(
                    "Esittelyt kohdennetaan tietylle ammattilaisryhmälle, ne voidaan "
                    "järjestää etänä, paikan päällä tai hybridinä, ja niitä toistetaan noin "
                    "puolen vuoden välein.",
                    "Presentationerna riktas till en viss grupp yrkespersoner, de kan ordnas "
                    "på distans, på plats eller hybrid och de upprepas ungefär varje halvår.",
                    "The sessions are aimed at a particular group of professionals, can be "
                    "held remotely, on site or hybrid, and are repeated about every six "
                    "months.",
                ),
                "choices": [
                    {
                        "text": _t(
                            "Ne kohdennetaan tietylle ammattilaisryhmälle",
                            "De riktas till en viss grupp yrkespersoner",
                            "They are aimed at a particular group of professionals",
                        ),
                        "correct": True,
                        "feedback": _t(
                            "Oikein. Esimerkiksi ikäihmisten parissa työskenteleville.",
                            "Rätt. Till exempel för dem som arbetar med äldre.",
                            "Correct. For example, staff working with older people.",
                        ),
                    },
                    {
                        "text": _t(
                            "Ne voidaan järjestää etänä, paikan päällä tai hybridinä",
                            "De kan ordnas på distans, på plats eller hybrid",
                            "They can be held remotely, on site or hybrid",
                        ),
                        "correct": True,
                        "feedback": _t(
                            "Oikein. Kaikki kolme tapaa ovat mahdollisia.",
                            "Rätt. Alla tre sätt är möjliga.",
                            "Correct. All three formats are possible.",
                        ),
                    },
                    {
                        "text": _t(
                            "Niitä toistetaan noin puolen vuoden välein",
                            "De upprepas ungefär varje halvår",
                            "They are repeated about every six months",
                        ),
                        "correct": True,
                        "feedback": _t(
                            "Oikein. Näin uudetkin työntekijät pääsevät mukaan.",
                            "Rätt. Så kommer även nya anställda med.",
                            "Correct. That way new staff can join too.",
                        ),
                    },
                    {
                        "text": _t(
                            "Ne on tarkoitettu ensisijaisesti asiakkaille",
                            "De är i första hand avsedda för klienter",
                            "They are mainly intended for clients",
                        ),
                        "correct": False,
                        "feedback": _t(
                            "Ei. Esittelyt on suunnattu ammattilaisille.",
                            "Nej. Presentationerna riktar sig till yrkespersoner.",
                            "No. The sessions are for professionals.",
                        ),
                    },
                ],
            },
            {
                "kind": "single",
                "text": _t(
                    "Ketkä ammattilaiset tekevät koulutuksen mukaan tiivistä yhteistyötä oman "
                    "alansa potilasjärjestöjen kanssa?",
                    "Vilka yrkespersoner samarbetar enligt utbildningen nära med "
                    "patientorganisationerna inom sitt område?",
                    "According to the course, which professionals work closely with the "
                    "patient associations of their field?",
                ),
                "explanation": _t(
                    "Muisti-, diabetes- ja sydänhoitajat sekä elintapaohjaajat tuntevat "
                    "usein oman alansa järjestöt hyvin.",
                    "Minnes-, diabetes- och hjärtskötare samt livsstilshandledare känner "
                    "ofta organisationerna inom sitt område väl.",
                    "Memory, diabetes and heart nurses and lifestyle counsellors often know "
                    "the associations of their field well.",
                ),
                "choices": [
                    {
                        "text": _t(
                            "Muisti-, diabetes- ja sydänhoitajat",
                            "Minnes-, diabetes- och hjärtskötare",
                            "Memory, diabetes and heart nurses",
                        ),
                        "correct": True,
                        "feedback": _t(
                            "Oikein. Heiltä kannattaa kysyä vinkkejä.",
                            "Rätt. Det lönar sig att be dem om tips.",
                            "Correct. They are worth asking for tips.",
                        ),
                    },
                    {
                        "text": _t(
                            "Vain hyvinvointialueen johtajat",
                            "Endast välfärdsområdets direktörer",
                            "Only the county's directors",
                        ),
                        "correct": False,
                        "feedback": _t(
                            "Ei. Yhteistyötä tehdään arjen asiakastyössä.",
                            "Nej. Samarbetet sker i det dagliga klientarbetet.",
                            "No. The cooperation happens in everyday client work.",
                        ),
                    },
                    {
                        "text": _t(
                            "Eivät ketkään, sillä järjestöt toimivat erillään",
                            "Ingen, eftersom organisationerna verkar separat",
                            "No one, as NGOs work separately",
                        ),
                        "correct": False,
                        "feedback": _t(
                            "Ei. Moni ammattilainen tekee järjestöyhteistyötä päivittäin.",
                            "Nej. Många yrkespersoner samarbetar dagligen med organisationer.",
                            "No. Many professionals work with NGOs every day.",
                        ),
                    },
                ],
            },
            {
                "kind": "single",
                "text": _t(
                    "Mitä teet ennen kuin kerrot asiakkaan tietoja järjestön yhteyshenkilölle?",
                    "Vad gör du innan du lämnar klientens uppgifter till organisationens "
                    "kontaktperson?",
                    "What do you do before you share a client's details with an NGO's "
                    "contact person?",
                ),
                "explanation": _t(
                    "Asiakkaan tietoja kerrotaan järjestölle vain hänen luvallaan.",
                    "Klientens uppgifter lämnas till organisationen endast med hens samtycke.",
                    "A client's details are shared with an NGO only with their consent.",
                ),
                "choices": [
                    {
                        "text": _t(
                            "Pyydän asiakkaalta luvan",
                            "Jag ber klienten om lov",
                            "I ask the client for permission",
                        ),
                        "correct": True,
                        "feedback": _t(
                            "Oikein. Asiakas päättää tiedoistaan ja osallistumisestaan.",
                            "Rätt. Klienten bestämmer över sina uppgifter och sitt deltagande.",
                            "Correct. The client decides about their details and taking part.",
                        ),
                    },
                    {
                        "text": _t(
                            "Lähetän tiedot suoraan, koska se nopeuttaa asiaa",
                            "Jag skickar uppgifterna direkt eftersom det går snabbare",
                            "I send the details straight away because it is quicker",
                        ),
                        "correct": False,
                        "feedback": _t(
                            "Ei. Tietoja ei luovuteta ilman asiakkaan lupaa.",
                            "Nej. Uppgifter lämnas inte ut utan klientens samtycke.",
                            "No. Details are not shared without the client's consent.",
                        ),
                    },
                    {
                        "text": _t(
                            "Kysyn luvan esihenkilöltäni",
                            "Jag ber min chef om lov",
                            "I ask my line manager for permission",
                        ),
                        "correct": False,
                        "feedback": _t(
                            "Ei. Luvan antaa asiakas itse.",
                            "Nej. Det är klienten själv som ger samtycket.",
                            "No. The consent comes from the client.",
                        ),
                    },
                ],
            },
        ],
    },
    "lessons": [
        {
            "slug": "keita-kumppanit-ovat",
            "title": _t(
                "Keitä kumppanit ovat?",
                "Vilka är partnerna?",
                "Who are the partners?",
            ),
            "blocks": [
                _self_assessment("before"),
                (
                    "heading",
                    {
                        "text": _t(
                            "Järjestöt, yhdistykset ja seurakunnat",
                            "Organisationer, föreningar och församlingar",
                            "NGOs, associations and parishes",
                        )
                    },
                ),
                (
                    "paragraph",
                    _t(
                        "<p>Järjestöt ja seurakunnat tukevat alueen asukkaiden hyvinvointia, "
                        "terveyttä ja turvallisuutta. Osa niistä toimii hyvinvointialueen "
                        "kumppaneina tai tuottaa sille palveluja, mutta suurin osa "
                        "toiminnasta on kaikille avointa yleishyödyllistä toimintaa. "
                        "Hyvinvointialuetta koskevat lait edellyttävät, että alue tekee "
                        "yhteistyötä järjestöjen ja seurakuntien kanssa.</p>"
                        "<ul><li><b>Potilas- ja vammaisjärjestöt</b> tarjoavat tietoa, "
                        "vertaistukea ja kursseja sairauden tai vamman kanssa eläville ja "
                        "heidän läheisilleen.</li>"
                        "<li><b>Eläkeläis-, liikunta- ja kulttuuriyhdistykset</b> "
                        "järjestävät ryhmiä, retkiä ja tapahtumia.</li>"
                        "<li><b>Mielenterveys- ja päihdejärjestöt</b> ylläpitävät "
                        "esimerkiksi kohtaamispaikkoja ja klubitaloja.</li>"
                        "<li><b>Seurakuntien diakoniatyö</b> tarjoaa keskusteluapua, "
                        "ryhmiä ja yhteisiä aterioita vakaumuksesta riippumatta.</li></ul>",
                        "<p>Organisationer och församlingar stöder invånarnas välfärd, hälsa "
                        "och säkerhet. En del av dem är välfärdsområdets partner eller "
                        "producerar tjänster för det, men största delen av verksamheten är "
                        "allmännyttig och öppen för alla. Lagarna om välfärdsområdena "
                        "förutsätter att området samarbetar med organisationer och "
                        "församlingar.</p>"
                        "<ul><li><b>Patient- och handikapporganisationer</b> erbjuder "
                        "information, kamratstöd och kurser för dem som lever med en sjukdom "
                        "eller funktionsnedsättning och för deras närstående.</li>"
                        "<li><b>Pensionärs-, idrotts- och kulturföreningar</b> ordnar "
                        "grupper, utflykter och evenemang.</li>"
                        "<li><b>Organisationer inom mental hälsa och missbruk</b> driver till "
                        "exempel mötesplatser och klubbhus.</li>"
                        "<li><b>Församlingarnas diakoniarbete</b> erbjuder samtalsstöd, "
                        "grupper och gemensamma måltider oberoende av övertygelse.</li></ul>",
                        "<p>NGOs and parishes support the wellbeing, health and safety of "
                        "local residents. Some are partners of the county or provide "
                        "services for it, but most of what they do is non-profit activity "
                        "open to everyone. The laws on wellbeing services counties require "
                        "the county to work with NGOs and parishes.</p>"
                        "<ul><li><b>Patient and disability organisations</b> offer "
                        "information, peer support and courses for people living with an "
                        "illness or disability and for their families.</li>"
                        "<li><b>Pensioner, sports and culture associations</b> organise "
                        "groups, outings and events.</li>"
                        "<li><b>Mental health and substance use organisations</b> run drop-in "
                        "centres and clubhouses, for example.</li>"
                        "<li><b>Parish diaconal work</b> offers someone to talk to, groups "
                        "and shared meals regardless of faith.</li></ul>",
                    ),
                ),
                (
                    "heading",
                    {
                        "text": _t(
                            "Paikallista, alueellista ja valtakunnallista",
                            "Lokalt, regionalt och nationellt",
                            "Local, regional and national",
                        )
                    },
                ),
                (
                    "paragraph",
                    _t(
                        "<p>Toimijoita on kyläyhdistyksistä valtakunnallisiin liittoihin. "
                        "Paikallinen yhdistys on asiakkaalle usein helpoin ensiaskel, kun "
                        "taas valtakunnallinen järjestö voi tarjota esimerkiksi "
                        "neuvontapuhelimen tai verkkoryhmän. Kumppaneiden osaamista "
                        "kannattaa arvostaa: ne tuntevat kohderyhmänsä arjen usein hyvin."
                        "</p>",
                        "<p>Aktörerna sträcker sig från byaföreningar till nationella "
                        "förbund. En lokal förening är ofta det lättaste första steget för "
                        "klienten, medan en nationell organisation kan erbjuda till exempel "
                        "en rådgivningstelefon eller en grupp på nätet. Värdesätt "
                        "partnernas kunnande: de känner ofta sin målgrupps vardag väl.</p>",
                        "<p>Organisers range from village associations to national "
                        "federations. A local association is often the easiest first step "
                        "for a client, while a national organisation may offer a helpline "
                        "or an online group, for example. Value your partners' expertise: "
                        "they often know the everyday lives of their members very well.</p>",
                    ),
                ),
                (
                    "hyte_activity",
                    {
                        "name": _t("Yhteinen pöytä", "Gemensamt bord", "The Shared Table"),
                        "organiser": _t(
                            "Rantalan seurakunta, diakoniatyö",
                            "Rantala församling, diakoniarbetet",
                            "Rantala Parish, diaconal work",
                        ),
                        "organiser_kind": "parish",
                        "description": _t(
                            "Edullinen yhteinen lounas keskiviikkoisin seurakuntatalolla. "
                            "Kaikki ovat tervetulleita, ja diakoniatyöntekijä on paikalla "
                            "juttelemassa.",
                            "Förmånlig gemensam lunch på onsdagar i församlingshemmet. Alla "
                            "är välkomna, och en diakoniarbetare finns på plats för att "
                            "prata.",
                            "A low-cost shared lunch on Wednesdays at the parish hall. "
                            "Everyone is welcome, and a diaconal worker is there to chat.",
                        ),
                        "link": "https://seurakunta.jarvilaakso.example/yhteinen-poyta/",
                    },
                ),
                (
                    "reflection",
                    {
                        "question": _t(
                            "Mitkä järjestöt tai seurakunnan toiminnat ovat asiakkaillesi "
                            "tärkeimpiä? Tunnetko niiden yhteyshenkilöt?",
                            "Vilka organisationer eller vilken församlingsverksamhet är "
                            "viktigast för dina klienter? Känner du deras kontaktpersoner?",
                            "Which NGOs or parish activities matter most to your clients? Do "
                            "you know their contact people?",
                        )
                    },
                ),
            ],
        },
        {
            "slug": "vertaistuki-ja-vapaaehtoisuus",
            "title": _t(
                "Vertaistuki ja vapaaehtoistoiminta",
                "Kamratstöd och frivilligverksamhet",
                "Peer support and volunteering",
            ),
            "blocks": [
                ("heading", {"text": _t("Vertaistuki", "Kamratstöd", "Peer support")}),
                (
                    "paragraph",
                    _t(
                        "<p><b>Vertaistuessa</b> ihmiset, joilla on samankaltainen "
                        "elämäntilanne tai kokemus, jakavat tietoa ja tukevat toisiaan. "
                        "Vertaisryhmiä on esimerkiksi diabeetikoille, muistisairaiden "
                        "omaisille, leskeksi jääneille ja päihteistä toipuville. Ryhmässä "
                        "saa kokea, ettei ole yksin, ja kuulla käytännön vinkkejä, joita "
                        "ammattilainen ei aina osaa antaa.</p>"
                        "<p>Vertaistuki <b>täydentää</b> ammattilaisen antamaa hoitoa ja "
                        "palvelua mutta ei korvaa sitä. Vertaistukijat ovat usein "
                        "koulutettuja vapaaehtoisia, ja järjestö tukee heitä tehtävässä.</p>",
                        "<p>I <b>kamratstöd</b> delar människor med liknande livssituation "
                        "eller erfarenhet information och stöder varandra. Det finns "
                        "kamratgrupper till exempel för personer med diabetes, anhöriga "
                        "till personer med minnessjukdom, änkor och änklingar och personer "
                        "som återhämtar sig från missbruk. I gruppen får man känna att man "
                        "inte är ensam och höra praktiska tips som en yrkesperson inte "
                        "alltid kan ge.</p>"
                        "<p>Kamratstöd <b>kompletterar</b> den vård och service som "
                        "yrkespersoner ger men ersätter den inte. Kamratstödjarna är ofta "
                        "utbildade frivilliga, och organisationen stöder dem i uppdraget."
                        "</p>",
                        "<p>In <b>peer support</b>, people with a similar life situation or "
                        "experience share information and support one another. There are "
                        "peer groups for people with diabetes, family carers of people with "
                        "dementia, the bereaved and people recovering from substance use, "
                        "for example. A group shows people they are not alone and offers "
                        "practical tips a professional cannot always give.</p>"
                        "<p>Peer support <b>complements</b> the care and services given by "
                        "professionals but does not replace them. Peer supporters are often "
                        "trained volunteers, and the NGO supports them in their role.</p>",
                    ),
                ),
                (
                    "heading",
                    {
                        "text": _t(
                            "Vapaaehtoistoiminta",
                            "Frivilligverksamhet",
                            "Volunteering",
                        )
                    },
                ),
                (
                    "paragraph",
                    _t(
                        "<p>Järjestöt ja seurakunnat välittävät vapaaehtoisia esimerkiksi "
                        "ulkoilu-, ystävä- ja asiointiavuksi. Vapaaehtoinen ei tee "
                        "hoitotyötä, vaan tuo arkeen seuraa ja yhteistä tekemistä.</p>"
                        "<p>Vapaaehtoisuus voi olla myös asiakkaan oma voimavara. "
                        "Eläkeläinen, kuntoutuja tai työtön voi löytää "
                        "vapaaehtoistehtävästä merkitystä, päivärytmiä ja uusia "
                        "ihmissuhteita. Kun kysyt asiakkaalta, mitä hän haluaisi tehdä, "
                        "muista myös tämä mahdollisuus.</p>",
                        "<p>Organisationer och församlingar förmedlar frivilliga till "
                        "exempel som sällskap på promenader, som vänner och som hjälp med "
                        "ärenden. Den frivilliga utför inget vårdarbete utan ger sällskap "
                        "och gemensam sysselsättning i vardagen.</p>"
                        "<p>Frivilligarbete kan också vara en resurs för klienten själv. En "
                        "pensionär, en rehabiliteringsklient eller en arbetslös kan få "
                        "mening, dagsrytm och nya relationer genom ett frivilliguppdrag. När "
                        "du frågar klienten vad hen skulle vilja göra, kom ihåg också den "
                        "möjligheten.</p>",
                        "<p>NGOs and parishes arrange volunteers to go for walks, offer "
                        "friendship or help with errands, for example. A volunteer does not "
                        "provide care but brings company and shared activities into "
                        "everyday life.</p>"
                        "<p>Volunteering can also be a resource for the client. A retired "
                        "person, someone in rehabilitation or someone out of work may find "
                        "meaning, a daily routine and new relationships in a volunteering "
                        "role. When you ask clients what they would like to do, remember "
                        "this option too.</p>",
                    ),
                ),
                (
                    "hyte_activity",
                    {
                        "name": _t("Ulkoiluystävä", "Promenadvän", "Walking Friend"),
                        "organiser": _t(
                            "Järvilaakson Vapaaehtoiskeskus ry",
                            "Frivilligcentralen i Järvilakso rf",
                            "Järvilaakso Volunteer Centre",
                        ),
                        "organiser_kind": "ngo",
                        "description": _t(
                            "Koulutettu vapaaehtoinen lähtee kerran viikossa ulkoilemaan "
                            "ikäihmisen kanssa. Maksutonta. Pyynnön voi tehdä asiakas itse, "
                            "hänen läheisensä tai ammattilainen asiakkaan luvalla.",
                            "En utbildad frivillig går ut på promenad med en äldre person "
                            "en gång i veckan. Avgiftsfritt. Begäran kan göras av klienten "
                            "själv, en närstående eller en yrkesperson med klientens "
                            "samtycke.",
                            "A trained volunteer goes for a walk with an older person once "
                            "a week. Free of charge. The client, a family member or a "
                            "professional, with the client's consent, can make the "
                            "request.",
                        ),
                        "link": "https://vapaaehtoiskeskus.jarvilaakso.example/ulkoiluystava/",
                    },
                ),
                (
                    "reflection",
                    {
                        "question": _t(
                            "Kenelle asiakkaistasi vertaisryhmä tai vapaaehtoinen ystävä "
                            "voisi antaa jotain, mitä sinä et pysty tarjoamaan?",
                            "Vem av dina klienter kunde få något av en kamratgrupp eller en "
                            "frivillig vän som du själv inte kan erbjuda?",
                            "Which of your clients could gain something from a peer group "
                            "or a volunteer friend that you cannot offer yourself?",
                        )
                    },
                ),
            ],
        },
        {
            "slug": "jarjestoesittelyt-ja-verkostot",
            "title": _t(
                "Järjestöesittelyt ja verkostot",
                "Organisationspresentationer och nätverk",
                "Presentation sessions and networks",
            ),
            "blocks": [
                (
                    "heading",
                    {
                        "text": _t(
                            "Kohdennetut järjestöesittelyt",
                            "Riktade organisationspresentationer",
                            "Targeted presentation sessions",
                        )
                    },
                ),
                (
                    "paragraph",
                    _t(
                        "<p>Järjestöjen ja seurakuntien toimintaa on niin paljon, että "
                        "siihen on helpointa tutustua pala kerrallaan oman työn kannalta. "
                        "Siksi hyvinvointialue järjestää <b>kohdennettuja "
                        "järjestöesittelyjä</b>. Niissä muutama järjestö tai seurakunta "
                        "esittelee toimintaansa tietylle ammattilaisryhmälle, esimerkiksi "
                        "lapsiperheiden, ikäihmisten tai mielenterveys- ja päihdeasiakkaiden "
                        "parissa työskenteleville.</p>"
                        "<ul><li>Tilaisuus pidetään etänä, paikan päällä tai hybridinä, ja "
                        "se kestää 75 minuutista kahteen ja puoleen tuntiin.</li>"
                        "<li>Esittelyjä toistetaan noin puolen vuoden välein, jotta uudet "
                        "työntekijät ja uusi toiminta pääsevät mukaan.</li>"
                        "<li>Esihenkilöt ja verkostojen koollekutsujat välittävät kutsun "
                        "oikeille työntekijäryhmille.</li>"
                        "<li>Osallistujilta kerätään palautetta, jotta esittelyjä voidaan "
                        "kehittää.</li></ul>"
                        "<p>Kokeilussa lähes kaikki palautetta antaneet ammattilaiset ja "
                        "esittäytyneet järjestöt pitivät tilaisuuksia hyödyllisinä.</p>",
                        "<p>Organisationerna och församlingarna har så mycket verksamhet att "
                        "det är lättast att bekanta sig med den bit för bit, utifrån det "
                        "egna arbetet. Därför ordnar välfärdsområdet <b>riktade "
                        "organisationspresentationer</b>. Där presenterar några "
                        "organisationer eller församlingar sin verksamhet för en viss grupp "
                        "yrkespersoner, till exempel dem som arbetar med barnfamiljer, äldre "
                        "eller klienter inom mental hälsa och missbruk.</p>"
                        "<ul><li>Presentationen ordnas på distans, på plats eller hybrid och "
                        "räcker från 75 minuter till två och en halv timme.</li>"
                        "<li>Presentationerna upprepas ungefär varje halvår, så att nya "
                        "anställda och ny verksamhet kommer med.</li>"
                        "<li>Chefer och de som sammankallar nätverk förmedlar inbjudan till "
                        "rätt personalgrupper.</li>"
                        "<li>Deltagarna ombeds ge respons, så att presentationerna kan "
                        "utvecklas.</li></ul>"
                        "<p>I försöket tyckte nästan alla yrkespersoner som gav respons och "
                        "de organisationer som presenterade sig att tillfällena var "
                        "nyttiga.</p>",
                        "<p>NGOs and parishes do so much that it is easiest to get to know "
                        "their work one piece at a time, from the angle of your own job. "
                        "That is why the county organises <b>targeted presentation "
                        "sessions</b>, where a few NGOs or parishes present their activities "
                        "to a particular group of professionals, such as staff working with "
                        "families with children, older people, or clients with mental health "
                        "or substance use problems.</p>"
                        "<ul><li>Sessions are held remotely, on site or hybrid, and last "
                        "from 75 minutes to two and a half hours.</li>"
                        "<li>They are repeated about every six months, so that new staff and "
                        "new activities are included.</li>"
                        "<li>Line managers and network conveners pass the invitation on to "
                        "the right staff groups.</li>"
                        "<li>Participants are asked for feedback so that the sessions can "
                        "be improved.</li></ul>"
                        "<p>In the pilot, nearly all professionals who gave feedback, and "
                        "the NGOs that presented, found the sessions useful.</p>",
                    ),
                ),
                (
                    "heading",
                    {
                        "text": _t(
                            "Diagnoosikohtaiset hoitajat ja potilasjärjestöt",
                            "Diagnosspecifika skötare och patientorganisationer",
                            "Specialist nurses and patient associations",
                        )
                    },
                ),
                (
                    "paragraph",
                    _t(
                        "<p>Osa ammattilaisista tekee järjestöyhteistyötä jo päivittäin. "
                        "<b>Muisti-, diabetes- ja sydänhoitajat</b> sekä elintapaohjaajat "
                        "toimivat tiiviisti oman alansa potilasjärjestöjen kanssa. He "
                        "kertovat potilaille järjestöjen ensitietoryhmistä ja "
                        "vertaistuesta, ja järjestön edustaja voi käydä esittelemässä "
                        "toimintaa. Kysy heiltä vinkkejä, sillä he tuntevat usein alansa "
                        "toimijat ja yhteyshenkilöt parhaiten.</p>",
                        "<p>En del yrkespersoner samarbetar redan dagligen med "
                        "organisationer. <b>Minnes-, diabetes- och hjärtskötare</b> samt "
                        "livsstilshandledare arbetar nära patientorganisationerna inom sitt "
                        "område. De berättar för patienterna om organisationernas "
                        "grupper för nyinsjuknade och om kamratstöd, och en representant för "
                        "organisationen kan komma och presentera verksamheten. Be dem om "
                        "tips, för de känner ofta aktörerna och kontaktpersonerna inom sitt "
                        "område bäst.</p>",
                        "<p>Some professionals already work with NGOs every day. "
                        "<b>Memory, diabetes and heart nurses</b> and lifestyle counsellors "
                        "work closely with the patient associations of their field. They "
                        "tell patients about the associations' groups for the newly "
                        "diagnosed and about peer support, and a representative of the "
                        "association may visit to present its work. Ask them for tips: they "
                        "often know the organisations and contact people in their field "
                        "best.</p>",
                    ),
                ),
                (
                    "callout",
                    {
                        "kind": "tip",
                        "text": _t(
                            "<p>Jos yksikössäsi ei ole vielä ollut järjestöesittelyä, "
                            "ehdota sitä esihenkilöllesi. Kerro, minkä asiakasryhmän "
                            "toimijoista haluaisitte kuulla.</p>",
                            "<p>Om din enhet ännu inte har haft någon "
                            "organisationspresentation, föreslå det för din chef. Berätta "
                            "vilken klientgrupps aktörer ni vill höra om.</p>",
                            "<p>If your unit has not yet had a presentation session, suggest "
                            "one to your line manager. Say which client group's organisers "
                            "you would like to hear from.</p>",
                        ),
                    },
                ),
            ],
        },
        {
            "slug": "yhteydenotto-ja-ohjaaminen",
            "title": _t(
                "Yhteydenotto ja ohjaaminen",
                "Att ta kontakt och hänvisa",
                "Making contact and referring",
            ),
            "blocks": [
                (
                    "heading",
                    {
                        "text": _t(
                            "Näin ohjaat järjestön tai seurakunnan toimintaan",
                            "Så hänvisar du till en organisations eller församlings verksamhet",
                            "How to refer a client to an NGO or parish activity",
                        )
                    },
                ),
                (
                    "paragraph",
                    _t(
                        "<ul><li><b>Selvitä toiminta.</b> Tarkista ajantasaiset tiedot "
                        "hyvinvointitarjottimelta, lähellä.fi-palvelusta tai järjestön "
                        "omilta sivuilta.</li>"
                        "<li><b>Keskustele asiakkaan kanssa.</b> Kerro, mitä toiminta on, "
                        "kuka sitä järjestää, mitä se maksaa ja miten sinne pääsee. Asiakas "
                        "päättää itse, osallistuuko hän.</li>"
                        "<li><b>Sovi yhteydenotosta.</b> Useimmiten asiakas ottaa itse "
                        "yhteyttä. Jos hän toivoo apua, voit soittaa järjestön "
                        "yhteyshenkilölle yhdessä hänen kanssaan. Pyydä aina asiakkaan lupa "
                        "ennen kuin kerrot hänen tietojaan järjestölle.</li>"
                        "<li><b>Kirjaa ohjaus</b> asiakas- tai potilastietoihin ja hoito- ja "
                        "palvelusuunnitelmaan fraasikirjaston avulla.</li>"
                        "<li><b>Palaa asiaan.</b> Kysy seuraavalla kerralla, miten "
                        "osallistuminen onnistui.</li></ul>",
                        "<ul><li><b>Ta reda på verksamheten.</b> Kontrollera aktuella "
                        "uppgifter på välfärdsbrickan, i tjänsten lähellä.fi eller på "
                        "organisationens egen webbplats.</li>"
                        "<li><b>Samtala med klienten.</b> Berätta vad verksamheten är, vem "
                        "som ordnar den, vad den kostar och hur man tar sig dit. Klienten "
                        "bestämmer själv om hen deltar.</li>"
                        "<li><b>Kom överens om kontakten.</b> Oftast tar klienten själv "
                        "kontakt. Om hen vill ha hjälp kan ni ringa organisationens "
                        "kontaktperson tillsammans. Be alltid om klientens samtycke innan du "
                        "lämnar hens uppgifter till organisationen.</li>"
                        "<li><b>Dokumentera hänvisningen</b> i klient- eller "
                        "patientjournalen och i vård- och serviceplanen med hjälp av "
                        "frasbiblioteket.</li>"
                        "<li><b>Följ upp.</b> Fråga nästa gång hur det gick att delta.</li>"
                        "</ul>",
                        "<ul><li><b>Check the activity.</b> Look up current details on the "
                        "wellbeing tray, on lähellä.fi or on the NGO's own website.</li>"
                        "<li><b>Talk it through with the client.</b> Explain what the "
                        "activity is, who runs it, what it costs and how to get there. The "
                        "client decides whether to take part.</li>"
                        "<li><b>Agree who gets in touch.</b> Usually the client contacts the "
                        "organiser. If they would like help, you can phone the NGO's contact "
                        "person together. Always ask for the client's consent before sharing "
                        "their details with the NGO.</li>"
                        "<li><b>Record the referral</b> in the client or patient record and "
                        "the care and service plan using the phrase library.</li>"
                        "<li><b>Follow up.</b> Next time, ask how taking part went.</li>"
                        "</ul>",
                    ),
                ),
                (
                    "heading",
                    {
                        "text": _t(
                            "Saattaen ohjaaminen",
                            "Att följa med klienten",
                            "Accompanied referral",
                        )
                    },
                ),
                (
                    "paragraph",
                    _t(
                        "<p>Osa asiakkaista tarvitsee enemmän tukea ensimmäiseen kertaan. "
                        "Silloin voi auttaa, että ammattilainen, omainen tai vapaaehtoinen "
                        "lähtee mukaan ensimmäiseen tapaamiseen tai että järjestön "
                        "työntekijä tapaa asiakkaan ensin tutussa paikassa. Ensimmäinen "
                        "kerta on usein suurin kynnys, ja sen jälkeen osallistuminen "
                        "helpottuu.</p>",
                        "<p>En del klienter behöver mer stöd inför första gången. Då kan "
                        "det hjälpa att en yrkesperson, en anhörig eller en frivillig följer "
                        "med till den första träffen, eller att en anställd vid "
                        "organisationen först träffar klienten på en bekant plats. Den "
                        "första gången är ofta den högsta tröskeln, och sedan blir det "
                        "lättare att delta.</p>",
                        "<p>Some clients need more support the first time. It can help if "
                        "a professional, a family member or a volunteer goes along to the "
                        "first meeting, or if someone from the NGO first meets the client "
                        "somewhere familiar. The first time is often the biggest hurdle; "
                        "after that, taking part gets easier.</p>",
                    ),
                ),
                (
                    "callout",
                    {
                        "kind": "note",
                        "text": _t(
                            "<p>Järjestöissä toimii paljon vapaaehtoisia, eivätkä he voi "
                            "ottaa hoidollisia tehtäviä. Sovi siksi selvästi, mikä kuuluu "
                            "hyvinvointialueelle ja mikä järjestölle. Hoidon ja palvelun "
                            "vastuu säilyy aina hyvinvointialueella.</p>",
                            "<p>Många som verkar i organisationer är frivilliga och kan inte "
                            "ta på sig vårduppgifter. Kom därför tydligt överens om vad som "
                            "hör till välfärdsområdet och vad som hör till "
                            "organisationen. Ansvaret för vård och service ligger alltid "
                            "kvar hos välfärdsområdet.</p>",
                            "<p>Many people in NGOs are volunteers and cannot take on care "
                            "tasks. Agree clearly on what belongs to the county and what "
                            "to the NGO. Responsibility for care and services always stays "
                            "with the county.</p>",
                        ),
                    },
                ),
                ("quiz", {"required": True}),
                _self_assessment("after"),
            ],
        },
    ],
}


# ---------------------------------------------------------------------------------------
# 3. Hyvinvoinnin puheeksiotto ja hyte-kortti
# ---------------------------------------------------------------------------------------

CONVERSATION = {
    "slug": "hyvinvoinnin-puheeksiotto-ja-hyte-kortti",
    "title": _t(
        "Hyvinvoinnin puheeksiotto ja hyte-kortti",
        "Samtal om välbefinnande och hyte-kortet",
        "Raising the topic of wellbeing and the hyte card",
    ),
    "summary": _t(
        "Valinnainen koulutus asiakastyötä tekeville. Harjoittelet hyvinvoinnin ottamista "
        "puheeksi kunnioittavasti ja motivoivalla otteella, opit käyttämään hyte-korttia ja "
        "sen QR-koodia sekä tutustut kulttuuriin ja luontoon hyvinvoinnin lähteinä.",
        "Frivillig utbildning för dem som arbetar med klienter. Du övar på att ta upp "
        "välbefinnande på ett respektfullt och motiverande sätt, lär dig använda hyte-kortet "
        "och dess QR-kod och bekantar dig med kultur och natur som källor till välbefinnande.",
        "An optional course for staff who work with clients. You will practise raising the "
        "topic of wellbeing respectfully and with a motivational approach, learn to use the "
        "hyte card and its QR code, and explore culture and nature as sources of wellbeing.",
    ),
    "estimated_minutes": 35,
    "mandatory": False,
    "validity_months": 36,
    "audience_job_roles": ["SH", "LH", "TH", "SO", "ST", "PO", "MH", "FT"],
    "quiz": {
        "title": _t(
            "Puheeksiotto ja hyte-kortti: tietovisa",
            "Samtal om välbefinnande och hyte-kortet: frågesport",
            "Raising the topic and the hyte card: quiz",
        ),
        "intro": _t(
            "Kuusi kysymystä koulutuksen oppitunneista. Läpäisyyn tarvitaan 70 prosenttia "
            "oikeita vastauksia.",
            "Sex frågor om utbildningens lektioner. För att bli godkänd behöver du 70 procent "
            "rätta svar.",
            "Six questions on the lessons of this course. You need 70 per cent correct "
            "answers to pass.",
        ),
        "pass_mark": 70,
        "max_attempts": 3,
        "shuffle": False,
        "questions": [
            {
                "kind": "single",
                "text": _t(
                    "Miten hyvinvoinnin puheeksiotto kannattaa aloittaa?",
                    "Hur är det bra att börja ett samtal om välbefinnande?",
                    "What is a good way to start raising the topic of wellbeing?",
                ),
                "explanation": _t(
                    "Luvan kysyminen ja avoin kysymys antavat asiakkaalle tilaa kertoa "
                    "omin sanoin.",
                    "Att be om lov och ställa en öppen fråga ger klienten utrymme att "
                    "berätta med egna ord.",
                    "Asking permission and an open question give the client room to speak "
                    "in their own words.",
                ),
                "choices": [
                    {
                        "text": _t(
                            "Kysymällä lupaa ja esittämällä avoimen kysymyksen",
                            "Genom att be om lov och ställa en öppen fråga",
                            "By asking permission and asking an open question",
                        ),
                        "correct": True,
                        "feedback": _t(
                            "Oikein. Näin asiakas saa kertoa omin sanoin.",
                            "Rätt. Så får klienten berätta med egna ord.",
                            "Correct. The client can then speak in their own words.",
                        ),
                    },
                    {
                        "text": _t(
                            "Kertomalla heti, mitä asiakkaan pitäisi muuttaa",
                            "Genom att genast säga vad klienten borde ändra",
                            "By telling the client straight away what they should change",
                        ),
                        "correct": False,
                        "feedback": _t(
                            "Ei. Pyytämättömät neuvot kuulostavat helposti moitteelta.",
                            "Nej. Råd som ingen bett om låter lätt som kritik.",
                            "No. Unasked-for advice can easily sound like criticism.",
                        ),
                    },
                    {
                        "text": _t(
                            "Antamalla kirjallisen ohjeen ilman keskustelua",
                            "Genom att ge en skriftlig instruktion utan samtal",
                            "By handing over written instructions without a conversation",
                        ),
                        "correct": False,
                        "feedback": _t(
                            "Ei. Puheeksiotto on keskustelu, ei ohjelappu.",
                            "Nej. Att ta upp ämnet är ett samtal, inte en lapp.",
                            "No. Raising the topic is a conversation, not a leaflet.",
                        ),
                    },
                ],
            },
            {
                "kind": "multiple",
                "text": _t(
                    "Mitkä kuuluvat motivoivan otteen perustaitoihin?",
                    "Vilka hör till grundfärdigheterna i ett motiverande förhållningssätt?",
                    "Which are core skills of the motivational approach?",
                ),
                "explanation": _t(
                    "Perustaitoja ovat avoimet kysymykset, vahvistaminen, heijastava "
                    "kuuntelu ja yhteenvedot. Väittely lisää epäröintiä.",
                    "Grundfärdigheterna är öppna frågor, bekräftelse, reflekterande "
                    "lyssnande och sammanfattningar. Att argumentera ökar tvekan.",
                    "The core skills are open questions, affirmation, reflective listening "
                    "and summaries. Arguing increases hesitation.",
                ),
                "choices": [
                    {
                        "text": _t("Avoimet kysymykset", "Öppna frågor", "Open questions"),
                        "correct": True,
                        "feedback": _t(
                            "Oikein. Niihin ei voi vastata pelkällä kyllä tai ei.",
                            "Rätt. De kan inte besvaras med bara ja eller nej.",
                            "Correct. They cannot be answered with just yes or no.",
                        ),
                    },
                    {
                        "text": _t(
                            "Heijastava kuuntelu",
                            "Reflekterande lyssnande",
                            "Reflective listening",
                        ),
                        "correct": True,
                        "feedback": _t(
                            "Oikein. Toistat omin sanoin, mitä asiakas sanoi.",
                            "Rätt. Du återger med egna ord vad klienten sa.",
                            "Correct. You put what the client said into your own words.",
                        ),
                    },
                    {
                        "text": _t("Yhteenvedot", "Sammanfattningar", "Summaries"),
                        "correct": True,
                        "feedback": _t(
                            "Oikein. Ne auttavat sopimaan seuraavasta askeleesta.",
                            "Rätt. De hjälper er att komma överens om nästa steg.",
                            "Correct. They help you agree on the next step.",
                        ),
                    },
                    {
                        "text": _t(
                            "Asiakkaan suostuttelu väittelemällä",
                            "Att övertala klienten genom att argumentera",
                            "Persuading the client by arguing",
                        ),
                        "correct": False,
                        "feedback": _t(
                            "Ei. Väittely yleensä vahvistaa epäröintiä.",
                            "Nej. Att argumentera förstärker oftast tvekan.",
                            "No. Arguing usually strengthens hesitation.",
                        ),
                    },
                ],
            },
            {
                "kind": "true_false",
                "text": _t(
                    "Motivoivassa otteessa ammattilainen päättää, mihin toimintaan asiakas "
                    "osallistuu.",
                    "I ett motiverande förhållningssätt bestämmer yrkespersonen vilken "
                    "verksamhet klienten deltar i.",
                    "In the motivational approach, the professional decides which activity "
                    "the client takes part in.",
                ),
                "explanation": _t(
                    "Ammattilainen tuo tietoa ja vaihtoehtoja, mutta asiakas valitsee itse.",
                    "Yrkespersonen ger information och alternativ, men klienten väljer själv.",
                    "The professional offers information and options, but the client chooses.",
                ),
                "choices": _true_false(
                    False,
                    _t(
                        "Väärin. Asiakas on oman elämänsä asiantuntija ja valitsee itse.",
                        "Fel. Klienten är expert på sitt eget liv och väljer själv.",
                        "Wrong. The client is the expert on their own life and chooses.",
                    ),
                    _t(
                        "Oikein. Päätös on asiakkaan.",
                        "Rätt. Beslutet är klientens.",
                        "Correct. The decision is the client's.",
                    ),
                ),
            },
            {
                "kind": "true_false",
                "text": _t(
                    "Hyte-kortin QR-koodi avaa alueen hyvinvointitarjottimen.",
                    "QR-koden på hyte-kortet öppnar områdets välfärdsbricka.",
                    "The QR code on the hyte card opens the area's wellbeing tray.",
                ),
                "explanation": _t(
                    "Tarjottimelta asiakas löytää alueen hyvinvointia edistävän toiminnan.",
                    "På brickan hittar klienten den välfärdsfrämjande verksamheten i området.",
                    "On the tray, the client can find the wellbeing activities in the area.",
                ),
                "choices": _true_false(
                    True,
                    _t(
                        "Oikein. Koodi vie suoraan tarjottimelle.",
                        "Rätt. Koden leder direkt till brickan.",
                        "Correct. The code goes straight to the tray.",
                    ),
                    _t(
                        "Väärin. Koodi avaa hyvinvointitarjottimen.",
                        "Fel. Koden öppnar välfärdsbrickan.",
                        "Wrong. The code opens the wellbeing tray.",
                    ),
                ),
            },
            {
                "kind": "single",
                "text": _t(
                    "Asiakkaalla ei ole älypuhelinta QR-koodin lukemiseen. Miten toimit?",
                    "Klienten har ingen smarttelefon för att läsa QR-koden. Hur gör du?",
                    "The client has no smartphone to read the QR code. What do you do?",
                ),
                "explanation": _t(
                    "Etsikää toiminta yhdessä ja anna tiedot asiakkaalle kirjoitettuina tai "
                    "tulostettuina.",
                    "Sök verksamheten tillsammans och ge klienten uppgifterna skriftligt "
                    "eller utskrivna.",
                    "Look up the activity together and give the client the details written "
                    "down or printed.",
                ),
                "choices": [
                    {
                        "text": _t(
                            "Etsimme toiminnan yhdessä, ja kirjoitan tai tulostan hänelle tiedot",
                            "Vi söker verksamheten tillsammans och jag skriver ner eller "
                            "skriver ut uppgifterna åt hen",
                            "We look up the activity together and I write down or print the "
                            "details for them",
                        ),
                        "correct": True,
                        "feedback": _t(
                            "Oikein. Näin tieto on asiakkaan käytössä ilman puhelintakin.",
                            "Rätt. Så har klienten informationen även utan telefon.",
                            "Correct. The client then has the information without a phone.",
                        ),
                    },
                    {
                        "text": _t(
                            "Jätän ohjauksen väliin",
                            "Jag hoppar över hänvisningen",
                            "I skip the referral",
                        ),
                        "correct": False,
                        "feedback": _t(
                            "Ei. Puhelimen puute ei ole syy jättää ohjaamatta.",
                            "Nej. Att sakna telefon är inget skäl att låta bli att hänvisa.",
                            "No. Not having a phone is no reason to skip the referral.",
                        ),
                    },
                    {
                        "text": _t(
                            "Annan kortin ja pyydän häntä hankkimaan älypuhelimen",
                            "Jag ger kortet och ber hen skaffa en smarttelefon",
                            "I hand over the card and ask them to get a smartphone",
                        ),
                        "correct": False,
                        "feedback": _t(
                            "Ei. Asiakas tarvitsee tiedot nyt, muodossa jota hän voi käyttää.",
                            "Nej. Klienten behöver uppgifterna nu, i en form hen kan använda.",
                            "No. The client needs the details now, in a form they can use.",
                        ),
                    },
                ],
            },
            {
                "kind": "multiple",
                "text": _t(
                    "Mitä hyötyjä luonnossa oleskelusta kerrottiin?",
                    "Vilka fördelar med att vistas i naturen nämndes?",
                    "Which benefits of spending time in nature were mentioned?",
                ),
                "explanation": _t(
                    "Luonto voi rauhoittaa mieltä ja vähentää stressiä, ja ulkoilu "
                    "ylläpitää toimintakykyä. Se ei korvaa hoitoa.",
                    "Naturen kan lugna sinnet och minska stress, och friluftsliv "
                    "upprätthåller funktionsförmågan. Den ersätter inte vård.",
                    "Nature can calm the mind and reduce stress, and being outdoors helps "
                    "maintain functional ability. It does not replace treatment.",
                ),
                "choices": [
                    {
                        "text": _t(
                            "Se voi rauhoittaa mieltä ja vähentää stressiä",
                            "Den kan lugna sinnet och minska stress",
                            "It can calm the mind and reduce stress",
                        ),
                        "correct": True,
                        "feedback": _t(
                            "Oikein. Jo lyhyt hetki luonnossa voi auttaa.",
                            "Rätt. Redan en kort stund i naturen kan hjälpa.",
                            "Correct. Even a short time in nature can help.",
                        ),
                    },
                    {
                        "text": _t(
                            "Ulkoilu ylläpitää toimintakykyä",
                            "Friluftsliv upprätthåller funktionsförmågan",
                            "Being outdoors helps maintain functional ability",
                        ),
                        "correct": True,
                        "feedback": _t(
                            "Oikein. Ryhmässä ulkoilu tuo lisäksi seuraa.",
                            "Rätt. I grupp ger det dessutom sällskap.",
                            "Correct. In a group, it brings company too.",
                        ),
                    },
                    {
                        "text": _t(
                            "Se korvaa lääkehoidon",
                            "Den ersätter läkemedelsbehandling",
                            "It replaces medication",
                        ),
                        "correct": False,
                        "feedback": _t(
                            "Ei. Luonto tukee hyvinvointia, mutta ei korvaa hoitoa.",
                            "Nej. Naturen stöder välbefinnandet men ersätter inte vård.",
                            "No. Nature supports wellbeing but does not replace treatment.",
                        ),
                    },
                ],
            },
        ],
    },
    "lessons": [
        {
            "slug": "hyvinvoinnin-puheeksiotto",
            "title": _t(
                "Hyvinvoinnin puheeksiotto",
                "Att ta upp välbefinnandet",
                "Raising the topic of wellbeing",
            ),
            "blocks": [
                _self_assessment("before"),
                (
                    "heading",
                    {
                        "text": _t(
                            "Miksi hyvinvointi kannattaa ottaa puheeksi",
                            "Varför det lönar sig att tala om välbefinnande",
                            "Why raise the topic of wellbeing",
                        )
                    },
                ),
                (
                    "paragraph",
                    _t(
                        "<p>Monella asiakkaalla on toiveita ja huolia, joista hän ei itse "
                        "ota puhetta. Kun ammattilainen kysyy hyvinvoinnista, asiakas saa "
                        "luvan kertoa esimerkiksi yksinäisyydestä, jaksamisesta tai siitä, "
                        "mistä hän on joutunut luopumaan. <b>Puheeksiotto</b> on lyhyt ja "
                        "kunnioittava keskustelu, joka voi johtaa ohjaukseen "
                        "hyte-toimintaan.</p>",
                        "<p>Många klienter har önskemål och bekymmer som de inte själva tar "
                        "upp. När en yrkesperson frågar om välbefinnandet får klienten lov "
                        "att berätta till exempel om ensamhet, ork eller om sådant hen har "
                        "måst ge upp. <b>Att ta upp välbefinnandet</b> är ett kort och "
                        "respektfullt samtal som kan leda till en hänvisning till "
                        "hyte-verksamhet.</p>",
                        "<p>Many clients have hopes and worries they do not bring up "
                        "themselves. When a professional asks about wellbeing, the client is "
                        "given permission to talk about loneliness, coping, or things they "
                        "have had to give up, for example. <b>Raising the topic</b> is a "
                        "short, respectful conversation that can lead to a referral to a "
                        "hyte activity.</p>",
                    ),
                ),
                (
                    "heading",
                    {"text": _t("Näin pääset alkuun", "Så kommer du i gång", "Getting started")},
                ),
                (
                    "paragraph",
                    _t(
                        "<ul><li><b>Kysy lupa.</b> ”Saanko kysyä, miten arkesi sujuu "
                        "vastaanoton ulkopuolella?”</li>"
                        "<li><b>Käytä avoimia kysymyksiä.</b> ”Mikä sinua tällä hetkellä "
                        "ilahduttaa?” tai ”Mitä teit aiemmin mielelläsi?”</li>"
                        "<li><b>Kuuntele ja anna tilaa.</b> Hiljaisuus on sallittua, sillä "
                        "asiakas tarvitsee aikaa miettiä.</li>"
                        "<li><b>Kunnioita asiakkaan näkemystä.</b> Hyvinvointi tarkoittaa "
                        "eri ihmisille eri asioita.</li>"
                        "<li><b>Älä luennoi.</b> Pyytämättömät neuvot kuulostavat helposti "
                        "moitteelta.</li></ul>"
                        "<p>Sopiva hetki voi olla esimerkiksi hoito- ja palvelusuunnitelman "
                        "päivitys, kotikäynti tai tilanne, jossa asiakas itse mainitsee "
                        "väsymyksen tai yksinäisyyden. Jos asiakas ei halua puhua asiasta, "
                        "hyväksy se ja kerro, että aiheeseen voi palata.</p>",
                        "<ul><li><b>Be om lov.</b> ”Får jag fråga hur vardagen går utanför "
                        "mottagningen?”</li>"
                        "<li><b>Ställ öppna frågor.</b> ”Vad gläder dig just nu?” eller "
                        "”Vad tyckte du om att göra förut?”</li>"
                        "<li><b>Lyssna och ge utrymme.</b> Tystnad är tillåten, för klienten "
                        "behöver tid att tänka.</li>"
                        "<li><b>Respektera klientens syn.</b> Välbefinnande betyder olika "
                        "saker för olika människor.</li>"
                        "<li><b>Föreläs inte.</b> Råd som ingen bett om låter lätt som "
                        "kritik.</li></ul>"
                        "<p>Ett lämpligt tillfälle kan vara till exempel när vård- och "
                        "serviceplanen uppdateras, vid ett hembesök eller när klienten själv "
                        "nämner trötthet eller ensamhet. Om klienten inte vill prata om "
                        "saken, godta det och säg att ni kan återkomma till ämnet.</p>",
                        "<ul><li><b>Ask permission.</b> “May I ask how everyday life is "
                        "going outside your appointments?”</li>"
                        "<li><b>Use open questions.</b> “What brings you joy at the moment?” "
                        "or “What did you enjoy doing before?”</li>"
                        "<li><b>Listen and give space.</b> Silence is fine; the client needs "
                        "time to think.</li>"
                        "<li><b>Respect the client's view.</b> Wellbeing means different "
                        "things to different people.</li>"
                        "<li><b>Do not lecture.</b> Advice nobody asked for can easily sound "
                        "like criticism.</li></ul>"
                        "<p>A good moment might be when the care and service plan is "
                        "reviewed, during a home visit, or when the client mentions "
                        "tiredness or loneliness. If the client does not want to talk about "
                        "it, accept that and say you can come back to it.</p>",
                    ),
                ),
                (
                    "callout",
                    {
                        "kind": "tip",
                        "text": _t(
                            "<p>Sinun ei tarvitse keksiä valmista ratkaisua heti. Riittää, "
                            "että kuuntelet ja kerrot, että alueella on paljon tekemistä ja "
                            "tukea. Sopivan toiminnan voitte etsiä yhdessä nyt tai "
                            "seuraavalla käynnillä.</p>",
                            "<p>Du behöver inte ha en färdig lösning genast. Det räcker att "
                            "du lyssnar och berättar att det finns mycket verksamhet och "
                            "stöd i området. Ni kan söka något lämpligt tillsammans nu "
                            "eller vid nästa besök.</p>",
                            "<p>You do not need a ready answer straight away. It is enough "
                            "to listen and mention that there are plenty of activities and "
                            "support in the area. You can look for something suitable "
                            "together now or at the next visit.</p>",
                        ),
                    },
                ),
                (
                    "reflection",
                    {
                        "question": _t(
                            "Millä sanoilla sinä voisit luontevasti kysyä asiakkaalta hänen "
                            "hyvinvoinnistaan?",
                            "Med vilka ord skulle du naturligt kunna fråga en klient om hens "
                            "välbefinnande?",
                            "What words could you use to ask a client naturally about their "
                            "wellbeing?",
                        )
                    },
                ),
            ],
        },
        {
            "slug": "motivoiva-ote",
            "title": _t(
                "Motivoiva ote",
                "Ett motiverande förhållningssätt",
                "A motivational approach",
            ),
            "blocks": [
                (
                    "heading",
                    {
                        "text": _t(
                            "Asiakas on oman elämänsä asiantuntija",
                            "Klienten är expert på sitt eget liv",
                            "The client is the expert on their own life",
                        )
                    },
                ),
                (
                    "paragraph",
                    _t(
                        "<p><b>Motivoivassa otteessa</b> ammattilainen ei päätä asiakkaan "
                        "puolesta vaan auttaa häntä löytämään omat syynsä ja keinonsa "
                        "muutokseen. Ammattilainen tuo keskusteluun tietoa ja vaihtoehtoja, "
                        "mutta asiakas valitsee, mihin hän tarttuu. Perustaitoja ovat:</p>"
                        "<ul><li><b>avoimet kysymykset</b>, joihin ei voi vastata pelkällä "
                        "kyllä tai ei</li>"
                        "<li><b>vahvistaminen</b> eli asiakkaan yritysten ja vahvuuksien "
                        "sanominen ääneen</li>"
                        "<li><b>heijastava kuuntelu</b> eli sen toistaminen omin sanoin, "
                        "mitä asiakas sanoi</li>"
                        "<li><b>yhteenvedot</b>, jotka kokoavat keskustelun ja auttavat "
                        "sopimaan seuraavasta askeleesta.</li></ul>",
                        "<p>I ett <b>motiverande förhållningssätt</b> bestämmer "
                        "yrkespersonen inte åt klienten utan hjälper hen att hitta egna "
                        "skäl och sätt att förändra något. Yrkespersonen bidrar med "
                        "information och alternativ, men klienten väljer vad hen tar fasta "
                        "på. Grundfärdigheterna är:</p>"
                        "<ul><li><b>öppna frågor</b>, som inte kan besvaras med bara ja "
                        "eller nej</li>"
                        "<li><b>bekräftelse</b>, alltså att säga högt vad klienten har "
                        "försökt och vilka styrkor hen har</li>"
                        "<li><b>reflekterande lyssnande</b>, alltså att med egna ord återge "
                        "vad klienten sa</li>"
                        "<li><b>sammanfattningar</b>, som samlar ihop samtalet och hjälper "
                        "er att komma överens om nästa steg.</li></ul>",
                        "<p>In a <b>motivational approach</b>, the professional does not "
                        "decide for the client but helps them find their own reasons and "
                        "ways to change. The professional brings information and options, "
                        "but the client chooses what to take up. The core skills are:</p>"
                        "<ul><li><b>open questions</b> that cannot be answered with just yes "
                        "or no</li>"
                        "<li><b>affirmation</b>: saying out loud what the client has tried "
                        "and what strengths they have</li>"
                        "<li><b>reflective listening</b>: putting what the client said into "
                        "your own words</li>"
                        "<li><b>summaries</b> that pull the conversation together and help "
                        "you agree on the next step.</li></ul>",
                    ),
                ),
                (
                    "heading",
                    {
                        "text": _t(
                            "Pienet askeleet ja ristiriitaiset tunteet",
                            "Små steg och kluvna känslor",
                            "Small steps and mixed feelings",
                        )
                    },
                ),
                (
                    "paragraph",
                    _t(
                        "<p>On tavallista, että asiakas sekä haluaa muutosta että epäröi. "
                        "Väittely tai suostuttelu yleensä vahvistaa epäröintiä. Kysy "
                        "mieluummin, mikä muutoksessa houkuttaisi ja mikä sitä estää. "
                        "Asteikkokysymys auttaa: ”Kuinka tärkeää sinulle on asteikolla 0–10 "
                        "päästä useammin ulos? Miksi et vastannut pienempää lukua?” Sopikaa "
                        "lopuksi yksi pieni ja realistinen askel, kuten tutustuminen yhteen "
                        "ryhmään.</p>",
                        "<p>Det är vanligt att klienten både vill förändra något och tvekar. "
                        "Att argumentera eller övertala förstärker oftast tvekan. Fråga "
                        "hellre vad som lockar med förändringen och vad som står i vägen. "
                        "En skalfråga hjälper: ”Hur viktigt är det för dig på en skala från "
                        "0 till 10 att komma ut oftare? Varför svarade du inte ett lägre "
                        "tal?” Kom till sist överens om ett litet och realistiskt steg, "
                        "till exempel att pröva en grupp.</p>",
                        "<p>It is common for a client both to want change and to hesitate. "
                        "Arguing or persuading usually strengthens the hesitation. Ask "
                        "instead what appeals about the change and what stands in the way. "
                        "A scaling question helps: “On a scale of 0 to 10, how important is "
                        "it to you to get out more often? Why didn't you give a lower "
                        "number?” Finally, agree on one small, realistic step, such as "
                        "trying out one group.</p>",
                    ),
                ),
                (
                    "callout",
                    {
                        "kind": "example",
                        "text": _t(
                            "<p><b>Ammattilainen:</b> Kerroit, että iltapäivät tuntuvat "
                            "pitkiltä. Mikä sinun mielestäsi voisi auttaa?</p>"
                            "<p><b>Asiakas:</b> En tiedä. Ennen kävin kuorossa, mutta en "
                            "enää jaksa lähteä iltaisin.</p>"
                            "<p><b>Ammattilainen:</b> Laulaminen on ollut sinulle tärkeää. "
                            "Haluaisitko, että katsomme yhdessä, löytyisikö päiväsaikaan "
                            "laulu- tai musiikkiryhmää?</p>",
                            "<p><b>Yrkesperson:</b> Du berättade att eftermiddagarna känns "
                            "långa. Vad tror du kunde hjälpa?</p>"
                            "<p><b>Klient:</b> Jag vet inte. Förut sjöng jag i kör, men jag "
                            "orkar inte gå ut på kvällarna längre.</p>"
                            "<p><b>Yrkesperson:</b> Sången har varit viktig för dig. Vill du "
                            "att vi tillsammans ser efter om det finns en sång- eller "
                            "musikgrupp på dagtid?</p>",
                            "<p><b>Professional:</b> You said the afternoons feel long. What "
                            "do you think might help?</p>"
                            "<p><b>Client:</b> I don't know. I used to sing in a choir, but "
                            "I can't face going out in the evenings any more.</p>"
                            "<p><b>Professional:</b> Singing has mattered to you. Would you "
                            "like us to look together for a singing or music group that "
                            "meets during the day?</p>",
                        ),
                    },
                ),
            ],
        },
        {
            "slug": "hyte-kortti",
            "title": _t("Hyte-kortti", "Hyte-kortet", "The hyte card"),
            "blocks": [
                (
                    "heading",
                    {
                        "text": _t(
                            "Mikä hyte-kortti on",
                            "Vad är hyte-kortet",
                            "What the hyte card is",
                        )
                    },
                ),
                (
                    "paragraph",
                    _t(
                        "<p><b>Hyte-kortti</b> on pieni painettu kortti, jonka voit antaa "
                        "asiakkaalle. Kortin QR-koodi avaa Järvilaakson "
                        "hyvinvointitarjottimen, josta löytyy alueen hyvinvointia edistävä "
                        "toiminta: liikuntaa, kulttuuria, ryhmiä, vertaistukea ja "
                        "vapaaehtoistoimintaa.</p>",
                        "<p><b>Hyte-kortet</b> är ett litet tryckt kort som du kan ge till "
                        "klienten. QR-koden på kortet öppnar Järvilaksos välfärdsbricka "
                        "(hyvinvointitarjotin), där den välfärdsfrämjande verksamheten i "
                        "området finns: motion, kultur, grupper, kamratstöd och "
                        "frivilligverksamhet.</p>",
                        "<p>The <b>hyte card</b> is a small printed card you can give to a "
                        "client. Its QR code opens the Järvilaakso wellbeing tray "
                        "(hyvinvointitarjotin), which lists the wellbeing activities in the "
                        "area: exercise, culture, groups, peer support and volunteering.</p>",
                    ),
                ),
                (
                    "heading",
                    {
                        "text": _t(
                            "Kortti keskustelun avaajana",
                            "Kortet som samtalsöppnare",
                            "The card as a conversation opener",
                        )
                    },
                ),
                (
                    "paragraph",
                    _t(
                        "<p>Kortti on myös ammattilaisen työväline. Kun ojennat kortin ja "
                        "kerrot, mitä sen takaa löytyy, hyvinvoinnista on helppo alkaa "
                        "puhua: ”Tämän kortin kautta löydät alueen harrastuksia ja ryhmiä. "
                        "Onko jotain, mitä olet ajatellut kokeilla?”</p>"
                        "<ul><li><b>Katsokaa tarjotinta yhdessä.</b> Lue QR-koodi asiakkaan "
                        "tai omalla laitteellasi ja selatkaa vaihtoehtoja hänen "
                        "kiinnostuksensa mukaan.</li>"
                        "<li><b>Anna kortti mukaan.</b> Asiakas voi tutustua toimintaan "
                        "rauhassa kotona tai läheisensä kanssa.</li>"
                        "<li><b>Huomioi asiakas, jolla ei ole älypuhelinta.</b> Etsikää "
                        "toiminta yhdessä ja kirjoita tai tulosta hänelle toiminnan nimi, "
                        "aika, paikka ja yhteystiedot.</li></ul>"
                        "<p>Kirjaa kortin antaminen ja sovitut asiat asiakas- tai "
                        "potilastietoihin. Fraasikirjastossa on tähän valmis fraasi.</p>",
                        "<p>Kortet är också ett arbetsredskap för yrkespersonen. När du "
                        "räcker fram kortet och berättar vad det leder till är det lätt att "
                        "börja tala om välbefinnande: ”Via det här kortet hittar du "
                        "fritidsaktiviteter och grupper i området. Finns det något du har "
                        "tänkt pröva?”</p>"
                        "<ul><li><b>Titta på brickan tillsammans.</b> Läs QR-koden med "
                        "klientens eller din egen enhet och bläddra bland alternativen "
                        "utifrån klientens intressen.</li>"
                        "<li><b>Ge kortet med hem.</b> Klienten kan bekanta sig med "
                        "verksamheten i lugn och ro hemma eller tillsammans med en "
                        "närstående.</li>"
                        "<li><b>Tänk på klienter utan smarttelefon.</b> Sök verksamheten "
                        "tillsammans och skriv ner eller skriv ut namn, tid, plats och "
                        "kontaktuppgifter åt klienten.</li></ul>"
                        "<p>Anteckna i klient- eller patientjournalen att du gett kortet och "
                        "vad ni kom överens om. Frasbiblioteket har en färdig fras för "
                        "det.</p>",
                        "<p>The card is also a tool for the professional. When you hand it "
                        "over and explain what it leads to, it is easy to start talking "
                        "about wellbeing: “This card takes you to hobbies and groups in the "
                        "area. Is there anything you have been thinking of trying?”</p>"
                        "<ul><li><b>Look at the tray together.</b> Scan the QR code with "
                        "the client's device or your own and browse the options that match "
                        "their interests.</li>"
                        "<li><b>Let the client take the card home.</b> They can look at the "
                        "activities in peace at home or with a family member.</li>"
                        "<li><b>Remember clients without a smartphone.</b> Look up the "
                        "activity together and write down or print its name, time, place "
                        "and contact details for them.</li></ul>"
                        "<p>Record in the client or patient record that you gave the card "
                        "and what you agreed. The phrase library has a ready-made phrase "
                        "for this.</p>",
                    ),
                ),
                (
                    "callout",
                    {
                        "kind": "tip",
                        "text": _t(
                            "<p>Pidä kortteja saatavilla vastaanottohuoneessa, "
                            "kotihoidon laukussa tai odotustilassa. Kun kortti on käden "
                            "ulottuvilla, muistat ottaa hyvinvoinnin puheeksi.</p>",
                            "<p>Ha kort till hands i mottagningsrummet, i hemvårdsväskan "
                            "eller i väntrummet. När kortet finns nära till hands kommer du "
                            "ihåg att ta upp välbefinnandet.</p>",
                            "<p>Keep cards in the consulting room, in your home care bag or "
                            "in the waiting area. With a card close at hand, you will "
                            "remember to raise the topic of wellbeing.</p>",
                        ),
                    },
                ),
                (
                    "reflection",
                    {
                        "question": _t(
                            "Missä tilanteissa työpäivässäsi hyte-kortin ojentaminen olisi "
                            "luontevaa?",
                            "I vilka situationer under din arbetsdag skulle det kännas "
                            "naturligt att ge hyte-kortet?",
                            "In which situations during your working day would it feel "
                            "natural to hand over the hyte card?",
                        )
                    },
                ),
            ],
        },
        {
            "slug": "kulttuuri-ja-luonto",
            "title": _t(
                "Kulttuuri ja luonto hyvinvoinnin lähteinä",
                "Kultur och natur som källor till välbefinnande",
                "Culture and nature as sources of wellbeing",
            ),
            "blocks": [
                (
                    "heading",
                    {
                        "text": _t(
                            "Kulttuurihyvinvointi",
                            "Kulturellt välbefinnande",
                            "Cultural wellbeing",
                        )
                    },
                ),
                (
                    "paragraph",
                    _t(
                        "<p>Taide ja kulttuuri vaikuttavat hyvinvointiin monella tavalla. "
                        "Laulaminen, lukeminen, käsityöt, museokäynnit tai teatteri voivat "
                        "tuoda iloa ja merkityksellisyyttä, tukea muistia ja mielialaa sekä "
                        "tarjota luontevan tavan tavata muita. Kulttuuriin osallistuminen ei "
                        "vaadi erityisiä taitoja: mukana voi olla myös kuuntelijana ja "
                        "katsojana.</p>",
                        "<p>Konst och kultur påverkar välbefinnandet på många sätt. Sång, "
                        "läsning, handarbete, museibesök eller teater kan ge glädje och "
                        "mening, stödja minnet och humöret och erbjuda ett naturligt sätt "
                        "att träffa andra. Att delta i kultur kräver inga särskilda "
                        "färdigheter: man kan också vara med som lyssnare och åskådare.</p>",
                        "<p>Arts and culture affect wellbeing in many ways. Singing, "
                        "reading, crafts, museum visits or theatre can bring joy and "
                        "meaning, support memory and mood, and offer a natural way to meet "
                        "other people. Taking part in culture needs no special skills: you "
                        "can join in as a listener or spectator, too.</p>",
                    ),
                ),
                (
                    "hyte_activity",
                    {
                        "name": _t(
                            "Kirjaston lukupiiri",
                            "Bibliotekets läsecirkel",
                            "Library reading circle",
                        ),
                        "organiser": _t("Mäkelän kirjasto", "Mäkelä bibliotek", "Mäkelä Library"),
                        "organiser_kind": "municipality",
                        "description": _t(
                            "Kerran kuukaudessa kokoontuva keskusteleva lukupiiri. Kirjat "
                            "saa lainaan kirjastosta, myös selkokielisinä ja äänikirjoina. "
                            "Uudet osallistujat ovat tervetulleita.",
                            "En läsecirkel som träffas en gång i månaden och diskuterar. "
                            "Böckerna kan lånas på biblioteket, också på lättläst svenska "
                            "och som ljudböcker. Nya deltagare är välkomna.",
                            "A reading circle that meets once a month to talk about books. "
                            "The books can be borrowed from the library, also in easy-read "
                            "and audiobook versions. New members are welcome.",
                        ),
                        "link": "https://kirjasto.jarvilaakso.example/lukupiiri/",
                    },
                ),
                (
                    "heading",
                    {
                        "text": _t(
                            "Luonnon hyvinvointivaikutukset",
                            "Naturens inverkan på välbefinnandet",
                            "The wellbeing effects of nature",
                        )
                    },
                ),
                (
                    "paragraph",
                    _t(
                        "<p>Jo lyhyt hetki luonnossa voi rauhoittaa mieltä ja vähentää "
                        "stressiä. Ulkoilu ylläpitää toimintakykyä, ja ryhmässä liikkuminen "
                        "tuo lisäksi seuraa. Luontoon pääsee monella tavalla: esteettömillä "
                        "reiteillä, puistoissa ja pihalla – tai vaikkapa ikkunasta "
                        "katsellen, jos liikkuminen on vaikeaa. Luonto tukee hyvinvointia, "
                        "mutta ei korvaa tarvittavaa hoitoa.</p>"
                        "<p>Järvilaakson hyte-koulutuksia on tehty yhdessä "
                        "kulttuurihyvinvoinnin ja luonnon hyvinvointivaikutusten "
                        "asiantuntijoiden kanssa. Kulttuuri ja luonto ovat yhtä hyviä "
                        "ohjauksen kohteita kuin liikuntapalvelut, joihin asiakkaita nyt "
                        "ohjataan useimmin.</p>",
                        "<p>Redan en kort stund i naturen kan lugna sinnet och minska "
                        "stress. Friluftsliv upprätthåller funktionsförmågan, och att röra "
                        "sig i grupp ger dessutom sällskap. Naturen kan nås på många sätt: "
                        "längs tillgängliga leder, i parker och på gården – eller genom "
                        "fönstret om det är svårt att röra sig. Naturen stöder "
                        "välbefinnandet men ersätter inte den vård som behövs.</p>"
                        "<p>Järvilaksos hyte-utbildningar har tagits fram tillsammans med "
                        "experter på kulturellt välbefinnande och naturens inverkan på "
                        "välbefinnandet. Kultur och natur är lika bra att hänvisa till som "
                        "idrottstjänsterna, dit klienter i dag oftast hänvisas.</p>",
                        "<p>Even a short time in nature can calm the mind and reduce "
                        "stress. Being outdoors helps maintain functional ability, and "
                        "moving in a group brings company as well. Nature can be reached in "
                        "many ways: on accessible trails, in parks and gardens – or through "
                        "a window if getting about is difficult. Nature supports wellbeing "
                        "but does not replace any treatment that is needed.</p>"
                        "<p>Järvilaakso's hyte courses were developed with experts in "
                        "cultural wellbeing and in the wellbeing effects of nature. Culture "
                        "and nature are just as good to refer to as sports services, where "
                        "clients are most often referred today.</p>",
                    ),
                ),
                (
                    "hyte_activity",
                    {
                        "name": _t(
                            "Rauhalliset metsäkävelyt",
                            "Lugna skogspromenader",
                            "Gentle forest walks",
                        ),
                        "organiser": _t(
                            "Järvilaakson Ulkoiluyhdistys ry",
                            "Friluftsföreningen i Järvilakso rf",
                            "Järvilaakso Outdoor Association",
                        ),
                        "organiser_kind": "ngo",
                        "description": _t(
                            "Ohjattuja, rauhallisia kävelyjä esteettömällä metsäreitillä "
                            "joka toinen lauantai. Matkalla pysähdytään kuuntelemaan ja "
                            "katselemaan luontoa. Sopii myös rollaattorin kanssa "
                            "liikkuville.",
                            "Ledda, lugna promenader längs en tillgänglig skogsled varannan "
                            "lördag. Under vägen stannar vi för att lyssna på och titta på "
                            "naturen. Passar också för dem som går med rollator.",
                            "Guided, gentle walks on an accessible forest trail every other "
                            "Saturday. The group stops along the way to listen to and look "
                            "at nature. Suitable for people using a walking frame too.",
                        ),
                        "link": "https://ulkoilu.jarvilaakso.example/metsakavelyt/",
                    },
                ),
                ("quiz", {"required": True}),
                _self_assessment("after"),
            ],
        },
    ],
}


COURSES = [BASICS, PARTNERS, CONVERSATION]
