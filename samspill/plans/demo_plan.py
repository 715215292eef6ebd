"""Polyfon's real action plan as plain data: *Handlingsplan 2025-2030*, rolled for 2026.

This is the reference plan (Polyfon kunnskapsklynge for musikkterapi) transcribed by hand from
an OCR of its PDF, with the OCR damage repaired (æ/ø/å, split and hyphenated words, bullet
marks, table borders). The plan's own word forms ("forsking", "klynga", "styrka", "utarbeida",
"ei" …) are kept as the plan writes them. The demo and the tests build on `polyfon_2026()`.

Chapter II's footnote (the link to the strategy) is kept as a Markdown link in the chapter's
first paragraph, where the footnote mark belongs; `STRATEGY["document_url"]` has it as well.
"""

from .outline import ChapterOutline, MeasureOutline, PlanOutline

STRATEGY_URL = (
    "https://ekstern.filer.uib.no/kmd/Polyfon/"
    "Polyfons%20faglige%20plattform%20Strategi%202024-2030.pdf"
)

STRATEGY: dict = {
    "title": "Polyfons strategi 2024-2030",
    "period_start": 2024,
    "period_end": 2030,
    # Invented: the action plan refers to the strategy's vision but does not quote it.
    "vision": "Musikk og musikkterapi bidrar til helse og livskvalitet i hele landet.",
    # Invented: the action plan refers to the strategy's values but does not list them.
    "values": "Medvirkning, faglig kvalitet, samarbeid og mangfold.",
    "main_objective": (
        "Kunnskapsklynga Polyfon skal styrke musikkterapi som helse- og sosialfaglig arbeid, "
        "utdanningsveg og forskingsområde i Norge, og samtidig støtte og stimulere annen bruk "
        "av musikk som ressurs for livskvalitet, mestring, læring og samfunnsdeltaking."
    ),
    "document_url": STRATEGY_URL,
}

# The short chapter titles of the first page ("Sammendrag: Prioriterte tiltak i 2026").
SUMMARY_TITLES: dict[str, str] = {
    "I": "Innledning",
    "II": "Nasjonal funksjon",
    "III": "Bruker- og pårørendemedvirkning",
    "IV": "Kunnskap i samfunnet om musikkterapi og musikk som helseressurs",
    "V": "Integrasjon av musikkterapi i tjenester og tilbud",
    "VI": "Musikk som folkehelseressurs",
    "VII": "Forsking om musikkterapi og andre helserelaterte musikkpraksiser",
    "VIII": "Utdanningene i musikkterapi",
    "IX": "Emner og kurs om musikkterapi / musikk og helse i aktuelle utdanninger",
    "X": "Rullering av planen: evaluering, prioritering, samordning og arbeidsfordeling",
}

# The summary's sentence under X.
SUMMARY_CLOSING = (
    "Det legges opp til årlig rullering av denne planen, basert på evaluering av aktivitet "
    "og resultater."
)

# The summary's bullets and the measures they are (status "prioritised"):
#   II   "Videre arbeid med søknad om etablering av nasjonal kompetansetjeneste for MT"
#        → II 3 (2025)
#   II   "Utarbeiding av prosjektplan for OPPTAKT i løpet av årets første kvartal" → II 4 (2026)
#   II   "Oppstart og gjennomføring av første prosjektår av OPPTAKT (2026-2028)" → II 5 (2026)
#   III  "Tilrettelegging for økt samhandling mellom Erfaringspanelet og klyngedeltakerne"
#        → III 6 (2026)
#   IV   "Målretta informasjonsarbeid inn mot utvalgte grupper, …" → IV 5 (2025)
#   IV   "Aktiv tilstedeværelse i media og sosiale medier, …" → IV 6 (2026)
#   V    "Styrking av implementering lokalt og nasjonalt, gjennom arbeidsgrupper …"
#        → V 3 (2025; the table abbreviates "gj.")
#   V    "Styrking av kontaktflata med myndigheter, direktorat og kompetansemiljø, …"
#        → V 4 (2025)
#   V    "Oppstart av OPPTAKT, med knutepunkt i øst, sør og vest, …" → V 5 (2026)
#   VI   "Arbeid for å bygge tverrfaglig samarbeid om musikk og folkehelse, …" → VI 4 (2025)
#   VII  "Legge til rette for brobygging mellom praksisfelt og forsking, der" with the two
#        sub-points "behovet for arbeidsgrupper vurderes" and "arbeidsseminar … prøves ut som
#        arbeidsform" → VII 4 (2025; one measure, the table has the sub-points as a) and b))
#   VIII "Dialoger mellom aktuelle fagmiljø i klynga for å stimulere utvikling av framtidig
#        etterutdanning/videreutdanning/spesialistutdanning" → VIII 4 (2025)
#   IX   "Eksisterende tverrfaglige arbeidsgruppe med utgangspunkt i HVL vitaliseres …"
#        → IX 2 (2025)


def polyfon_2026() -> PlanOutline:
    """The 2026 version of Polyfon's *Handlingsplan 2025-2030*, as the reference has it."""
    return PlanOutline(
        title="Handlingsplan 2025-2030",
        year=2026,
        summary_introduction=(
            "Denne handlingsplanen konkretiserer arbeidet med å realisere Polyfon "
            "kunnskapsklynges strategi. I dette sammendraget er prioriterte tiltak i 2026 satt "
            "opp som kulepunkt. Begrunnelser, kontekst og oppstart går fram av de enkelte "
            "kapitler som følger."
        ),
        context_changes=(
            "Endringer i Polyfon:\n"
            "\n"
            "- En ny klyngeavtale er gjort ferdig og vil starte å gjelde i 2026\n"
            "- Fire nye klyngedeltakere har kommet til, deriblant en ny type deltaker, nemlig "
            "statlig barnevern\n"
            "- Tre nye undergruppedeltakere (kommuner) har kommet til i Partssamarbeid "
            "Vestland\n"
            "- Erfaringspanelet er omorganisert, med en utviklingsplan som tydeliggjør mål og "
            "arbeidsmåter og at representasjonen i panelet skal omfatte både bruker-, "
            "pårørende- og organisasjonskompetanse\n"
            "- Styringsgruppas diskusjoner i 2024 om hvordan styrke klyngas faglige handlekraft "
            "er fulgt opp, der en har arbeida med undergruppe- og knutepunktmodellene og med "
            "forberedelse av eventuell søknad om nasjonal kompetansetjeneste innen "
            "spesialisthelsetjenesten\n"
            "- Partssamarbeid Vestland har fått tre nye kommuner som parter og er omorganisert "
            "etter et nytt undergruppekonsept som i framtida også kan vurderes av andre "
            "fylkeskommuner\n"
            "- Agenda Vestlandet - stiftelsen fra Sparebanken Norge har gitt en bevilgning på "
            "over kr. 7,5 millioner til utprøving av klyngas knutepunktmodell, med vekt på "
            "regionene øst, sør og vest\n"
            "\n"
            "Endringer i politisk kontekst omfatter bl.a. forslag i NOU 2025: 7 om nasjonal "
            "oppskalering av MT, mens endringer i faglig kontekst bl.a. omfatter en tydelig "
            "anbefaling av MT i den nye nasjonale veilederen for kommunale psykisk helse- og "
            "rustjenester"
        ),
        chapters=[
            ChapterOutline(
                numeral="I",
                title="Innledning",
                has_measures=False,
                introduction=(
                    "Polyfons Handlingsplan 2025-2030 bygger på Polyfons strategi 2024-2030. "
                    "Klyngas hovedmålsetting — basert på visjonen, verdiene, utfordringene og "
                    "kunnskapsgrunnlaget beskrevet i strategien — er:\n"
                    "\n"
                    "> Kunnskapsklynga Polyfon skal styrke musikkterapi som helse- og "
                    "sosialfaglig arbeid, utdanningsveg og forskingsområde i Norge, og samtidig "
                    "støtte og stimulere annen bruk av musikk som ressurs for livskvalitet, "
                    "mestring, læring og samfunnsdeltaking.\n"
                    "\n"
                    "Handlingsplan 2025-2030 ble utarbeida av klyngas Strategigruppe (2023-2024) "
                    "og ble vedtatt av Polyfons styringsgruppe i møte 13. desember 2024. Planen "
                    "skal rulleres årlig.\n"
                    "\n"
                    "Arbeidet med å realisere Handlingsplanen blir beskrevet i klyngas "
                    "årsmeldinger, som både dokumenterer klyngeaktivitet og presenterer og "
                    "vurderer indikatorer for samfunnseffekt."
                ),
            ),
            ChapterOutline(
                numeral="II",
                title="Realisering av en nasjonal funksjon",
                introduction=(
                    "Som det går fram av klyngeavtalen og "
                    f"[Polyfons strategi 2024-2030]({STRATEGY_URL}), skal kunnskapsklynga "
                    "bidra til utvikling av fag og tjenester i hele landet. En knutepunktmodell "
                    "og arbeid for en nasjonal kompetansetjeneste i spesialisthelsetjenesten er "
                    "de to strategiene som har vært vurdert grundigst. Prosessen er kommet "
                    "lengst når det gjelder knutepunkt:\n"
                    "\n"
                    "Hvordan knutepunkt forstås i Polyfon-sammenheng går fram av "
                    "Klyngeavtalens vedlegg 3. At det bygges opp regionale knutepunkt skal ikke "
                    "være til hinder for at det også åpnes for undergrupper i "
                    "klyngesamarbeidet, slik det er beskrevet i klyngeavtalens vedlegg 5.\n"
                    "\n"
                    "Høsten 2025 fikk Polyfon kr. 7,53 millioner i støtte fra Agenda Vestlandet "
                    "(Sparebanken Norge) til prosjekt OPPTAKT (2026-2028), for utprøving av "
                    "knutepunktmodellen. Resultatmål i prosjekt OPPTAKT vil være å prøve ut "
                    "knutepunkt i regionene Øst, Sør og Vest. Et eventuelt framtidig prosjekt i "
                    "regionene Midt og Nord vil måtte bygge på en ny fondssøknad.\n"
                    "\n"
                    "Knutepunktene i Polyfon vil ha tilgang til ressurser for koordinering av "
                    "samarbeidet i sin region og skal inngå i det nasjonale klyngesamarbeidet "
                    "som koordineres av UiB."
                ),
                why=[
                    "Et nasjonalt løft for utvikling av feltet er nødvendig ut ifra prinsippet "
                    "om at befolkningen skal ha likeverdig tilgang til helsetjenester",
                    "Nasjonal implementering er også viktig for at MT over tid skal ha den "
                    "nødvendige bredde og tyngde som utdanningstilbud og forskingsfelt",
                    "Polyfon samler de viktigste fagmiljøene på feltet i Norge og er derfor i "
                    "posisjon til å arbeide med nasjonale ambisjoner",
                ],
                where_2030=[
                    "Velfungerende knutepunkt er etablert i regionene Øst, Sør og Vest og "
                    "arbeid med å forberede og/eller etablere nye knutepunkt i Midt og i Nord "
                    "er i gang",
                    "I de fleste fylker i landet er det etablert klyngeaktivitet",
                ],
                measures=[
                    MeasureOutline(
                        text="Systematisk arbeid med å rekruttere klyngedeltakere fra hele "
                        "landet, der det legges vekt på rekruttering etter knutepunktmodellen",
                        start_year=2025,
                    ),
                    MeasureOutline(
                        text="Tydeliggjøring av klyngesamarbeidets merverdi, der det "
                        "differensieres mellom regionale og nasjonale klyngeoppgaver",
                        start_year=2025,
                    ),
                    MeasureOutline(
                        text="Videre arbeid med søknad om etablering av nasjonal "
                        "kompetansetjeneste for MT",
                        start_year=2025,
                        status="prioritised",
                    ),
                    MeasureOutline(
                        text="Utarbeiding av prosjektplan for OPPTAKT i løpet av årets første "
                        "kvartal",
                        start_year=2026,
                        status="prioritised",
                    ),
                    MeasureOutline(
                        text="Oppstart og gjennomføring av første prosjektår av OPPTAKT "
                        "(2026-2028)",
                        start_year=2026,
                        status="prioritised",
                    ),
                ],
                prerequisites=[
                    "Kontinuerlig evaluering av regionalt og nasjonalt samarbeid, se kap. X.",
                    "Balansert klyngerekruttering, der akademia, spesialisthelsetjeneste, "
                    "kommunesektor og andre relevante aktører rekrutteres i alle "
                    "klyngeregioner",
                    "Tydelig rollefordeling og god samordning mellom klyngas regionale og "
                    "nasjonale funksjoner",
                    "Balanse i klyngesamarbeidet regionene imellom, etter hvert som dette blir "
                    "mulig å bygge opp",
                    "Balanse mellom små og store aktører i klynga, der de planlagte knutepunkt "
                    "ikke skal medføre en dreining kun mot storbyproblematikk, men være et "
                    "redskap for regional utvikling",
                ],
            ),
            ChapterOutline(
                numeral="III",
                title="Bruker- og pårørendemedvirkning som rettighet og arbeidsmåte",
                introduction=(
                    "I Polyfon vektlegges både medvirkning fra mennesker som har egen- eller "
                    "pårørendeerfaring fra MT og medvirkning fra bruker- eller "
                    "pårørendeorganisasjoner. Ordet «erfaringskompetanse» brukes om den "
                    "kompetansen disse personene og organisasjonene bidrar med inn i "
                    "klyngesamarbeidet."
                ),
                why=[
                    "Medvirkning er en demokratisk rettighet",
                    "Bruker- og pårørendemedvirkning har en egenverdi og er også en kjerneverdi "
                    "i MT",
                    "Medvirkning gir merverdi og gir bl.a. innsikt i hva som er viktig fra "
                    "mottakersiden av MT",
                    "Erfaringskompetanse er likeverdig med faglig og administrativ kompetanse og "
                    "bidrar i et samskapings- og samproduksjonsperspektiv",
                ],
                where_2030=[
                    "Klyngas Erfaringspanel har et klart mål, klare rammer og tydelig påvirkning "
                    "på klyngesamarbeidet",
                    "Klyngedeltakerne etterspør kompetansen som erfaringspanelet innehar",
                    "Bruker- og pårørendemedvirkning er en naturlig del av alle prosesser i "
                    "Polyfon, med tydelige forventninger og rollebeskrivelser i samskapings- og "
                    "samproduksjonsprosessene",
                    "De største brukerorganisasjonene i Norge har kunnskap om Polyfon og MT og "
                    "bidrar aktivt i utvikling av feltet",
                ],
                measures=[
                    MeasureOutline(
                        text="Klynga etablerer og driver et erfaringspanel",
                        start_year=2018,
                    ),
                    MeasureOutline(
                        text="Minst to erfaringsrepresentanter oppnevnes til styringsgruppe, "
                        "arbeidsgrupper / utvalg",
                        start_year=2019,
                    ),
                    MeasureOutline(
                        text="Klynga etablerer en stilling for koordinator for brukermedvirkning",
                        start_year=2022,
                    ),
                    MeasureOutline(
                        text="Systematisk samarbeid med organisasjoner, aktuelle nettverk og "
                        "fagmiljø",
                        start_year=2022,
                    ),
                    MeasureOutline(
                        text="Koordinator for brukermedvirkning og erfaringspanelet får tilbud "
                        "om opplæring",
                        start_year=2025,
                    ),
                    MeasureOutline(
                        text="Tilrettelegging for økt samhandling mellom Erfaringspanelet og "
                        "klyngedeltakerne",
                        start_year=2026,
                        status="prioritised",
                    ),
                    MeasureOutline(
                        text="Klyngedeltakerne får tilbud om kurs / opplæring om bruker- og "
                        "pårørendemedvirkning i MT",
                        status="candidate",
                    ),
                    MeasureOutline(
                        text="Årlig fagdag om bruker- og pårørendemedvirkning",
                        status="candidate",
                    ),
                    MeasureOutline(
                        text="Systematisk bruker- og pårørendemedvirkning som arbeidsmåte og "
                        "tema i alt informasjonsarbeid, i aktuelle praksiser, "
                        "forskingsaktiviteter og utdanninger",
                        status="candidate",
                    ),
                    MeasureOutline(
                        text="Samarbeid med erfarne brukere som hentes inn til konsulentvirksomhet",
                        status="candidate",
                    ),
                    MeasureOutline(
                        text="Innhenting og systematisering av bruker- og pårørendekunnskap i "
                        "klynga",
                        status="candidate",
                    ),
                ],
                prerequisites=[
                    "Jevnlig evaluering av klyngearbeidets bruker- og pårørendemedvirkning, se "
                    "kap. X.",
                    "Klar klyngeforpliktelse på bruker- og pårørendemedvirkningens grunnlag, "
                    "med anerkjennelse av perspektivets viktighet og tilretteleggelse for bruk "
                    "av kritiske og konstruktive bidrag",
                    "Økt kunnskap om og kompetanse i brukermedvirkning i alle klyngas aktiviteter",
                    "Mangfold i rekruttering til erfaringspanel og annen bruker- og "
                    "pårørendemedvirkning i klynga",
                    "Tydeliggjøring av de ulike rollene for bruker- og pårørendemedvirkning i "
                    "kunnskapsklynga",
                    "Videreutvikling av bruker- og pårørendemedvirkning som arbeidsmåte i "
                    "klyngesamarbeidet",
                    "Styrking av bruker- og pårørendemedvirkninga med mer ressurser og økt "
                    "samarbeid",
                    "Systematisk arbeid for at brukermedvirkning blir reell og ikke prega av "
                    "«tokenisme».",
                ],
            ),
            ChapterOutline(
                numeral="IV",
                goal_code="Målsetting 1",
                title="Kunnskap om MT og musikk som helseressurs er lett tilgjengelig i samfunnet",
                why=[
                    "Det finnes omfattende kunnskap om MT / musikk som helseressurs, noe "
                    "allmennheten, tjenestene og beslutningstakere bør kjenne til for å kunne "
                    "gjøre informerte valg og prioriteringer",
                    "Utfordringsbildet og kunnskapsgrunnlaget som beskrives i klyngas strategi "
                    "tilsier at MT kan bidra til å løse samfunnsutfordringer, noe som bør være "
                    "kjent i samfunnet",
                    "De andre målsettingene som er satt for klyngesamarbeidet kan ikke "
                    "realiseres uten at kunnskap om MT og musikk som helseressurs er lett "
                    "tilgjengelig i samfunnet",
                ],
                where_2030=[
                    "MT og musikk og helse er en synlig del av norsk samfunnsdebatt",
                    "Polyfon er en synlig aktør, som myndigheter, media og faginstanser vet om "
                    "og henvender seg til",
                    "Ledere i helseforetak og kommuner er kjent med MT som et aktuelt "
                    "tjenestetilbud",
                    "De største og viktigste brukerorganisasjonene har kjennskap til MT",
                    "Elever ved videregående skoler, folkehøgskoler og studenter ved aktuelle "
                    "høgskoleutdanninger har tilgang til god informasjon om MT / musikk og "
                    "helse.",
                ],
                measures=[
                    MeasureOutline(
                        text="Formidling av forskings- og erfaringsbasert kunnskap på klyngas "
                        "nettside, i bulletinen Polyfon-nytt og på Facebook/Instagram",
                        start_year=2017,
                    ),
                    MeasureOutline(
                        text="Arrangement av konferanser, seminar og webinar",
                        start_year=2017,
                    ),
                    MeasureOutline(
                        text="Utlysing av midler til formidlingsstøtte og arrangement",
                        start_year=2017,
                    ),
                    MeasureOutline(
                        text="Etablering av et formidlingsforum for samordning av formidlinga i "
                        "klynga",
                        start_year=2025,
                    ),
                    MeasureOutline(
                        text="Målretta informasjonsarbeid inn mot utvalgte grupper, som "
                        "politikere, ledere, brukerorganisasjoner, elever ved videregående "
                        "skoler, osv.",
                        start_year=2025,
                        status="prioritised",
                    ),
                    MeasureOutline(
                        text="Aktiv tilstedeværelse i media og sosiale medier, på tverrfaglige "
                        "konferanser og på ulike samfunnsarenaer, som f.eks. Arendal-uka",
                        start_year=2026,
                        status="prioritised",
                    ),
                    MeasureOutline(
                        text="Arbeid med å etablere ei ordning med ambassadør(er) for "
                        "musikkterapifeltet",
                        status="candidate",
                    ),
                ],
                prerequisites=[
                    "Kontinuerlig evaluering, se kap. X.",
                    "Alle klyngedeltakerne bidrar med innsats innen kommunikasjon og formidling",
                    "Ulike perspektiv, som fag-, erfarings-, student og lederperspektiv "
                    "synliggjøres",
                    "Klynga samarbeider aktivt med strategiske samarbeidspartnere "
                    "(kompetansemiljø, brukerorganisasjoner osv.) som kan formidle kunnskap "
                    "gjennom sine kanaler",
                    "Formidlingsarbeidet tar hensyn til mangfoldet i personlige preferanser, "
                    "musikkpraksiser og kulturelle tradisjoner",
                    "Klyngesekretariatet har tilstrekkelig med ressurser til å kunne arbeide "
                    "godt med informasjonsarbeid og formidling av kunnskap.",
                ],
            ),
            ChapterOutline(
                numeral="V",
                goal_code="Målsetting 2a",
                title="MT er integrert i tjenester/tilbud på en systematisk måte",
                why=[
                    "Systematisk integrering av MT-tjenester og -tilbud er nødvendig ut ifra "
                    "prinsippet om likeverdig tilgang til forskingsinformert og anbefalt "
                    "helsehjelp",
                    "Utfordringsbildet og kunnskapsgrunnlaget tilsier at MT bidrar til å løse "
                    "utfordringer for individ, tjenester og samfunn, bl.a. ved å gi muligheter "
                    "for egenaktivitet og ressursmobilisering, ved å supplere eksisterende "
                    "helsehjelp og ved å styrke samhandling mellom samfunnssektorer",
                    "De andre målsettingene som er satt for klyngesamarbeidet kan ikke "
                    "realiseres uten at MT er integrert i tjenester og tilbud på en systematisk "
                    "måte",
                ],
                where_2030=[
                    "MT er enda mer integrert enn i 2025 i offentlige utredninger, nasjonale "
                    "retningslinjer, veiledere og modellbeskrivelser",
                    "Systematisk implementering av MT er omtalt i oppdragsbrev til helseforetak, "
                    "nasjonale kompetansetjenester, nasjonale og regionale kompetansesenter, "
                    "utviklingssentre (USHT), osv.",
                    "MT er også integrert i planverket for flere helseforetak og kommuner i de "
                    "fleste fylker",
                    "Tall fra Nasjonalt pasientregister viser at det har skjedd ei vesentlig "
                    "oppbygging av MT-tilbud i spesialisthelsetjenestene i alle fire "
                    "helseregioner",
                    "Det er også initiert arbeid for etablering av nasjonale tall for kommunale "
                    "MT-tilbud",
                    "Samhandling mellom musikkterapi i ulike sektorer (helse, oppvekst, kultur) "
                    "og mellom helseforetak, kommuner og frivillig sektor er styrka",
                    "Praksisfeltet er utvikla med rom for personlig, musikalsk og kulturelt "
                    "mangfold",
                    "Den musikkterapeutiske yrkesrolla er styrka og utvikla i møte med endringer "
                    "i samfunn og tjenester, der det a) finnes klarere rammer for "
                    "musikkterapeutisk profesjonsutøving, og b) er mer systematikk rundt "
                    "musikkterapeutens «indirekte» og systemorienterte arbeidsoppgaver "
                    "(rådgiving, tverrsektorielt samarbeid m.m., se kap. VI).",
                ],
                measures=[
                    MeasureOutline(
                        text="Informasjon om og rådgivning knytta til etablering/utvikling av "
                        "praksis",
                        start_year=2015,
                    ),
                    MeasureOutline(
                        text="Forankring av klyngesamarbeidet hos klyngedeltakerne, f.eks. "
                        "gjennom kontaktpersoner, nettverk og arbeidsgrupper",
                        start_year=2015,
                    ),
                    MeasureOutline(
                        text="Styrking av implementering lokalt og nasjonalt, gj. arbeidsgrupper "
                        "eller andre tiltak",
                        start_year=2025,
                        status="prioritised",
                    ),
                    MeasureOutline(
                        text="Styrking av kontaktflata med myndigheter, direktorat og "
                        "kompetansemiljø, bl.a. med mål om å få MT inn i aktuelle oppdragsbrev",
                        start_year=2025,
                        status="prioritised",
                    ),
                    MeasureOutline(
                        text="Oppstart av OPPTAKT, med knutepunkt i regionene Øst, Sør og Vest, "
                        "som grunnlag for fag- og tjenesteutvikling gjennom ulike "
                        "samskapingsbaserte prosjekt",
                        start_year=2026,
                        status="prioritised",
                    ),
                    MeasureOutline(
                        text="Arbeid med fagnettverk og kompetansehevende tiltak (se kap. VII "
                        "og IX)",
                        status="candidate",
                    ),
                    MeasureOutline(
                        text="Initiativ til nasjonale samarbeidsprosesser som kan sikre "
                        "nødvendig utvikling og dokumentasjon av den musikkterapeutiske "
                        "yrkesrolla",
                        status="candidate",
                    ),
                ],
                prerequisites=[
                    "Kontinuerlig evaluering, se kap. X",
                    "Tilstrekkelig kapasitet og gode kanaler for formidling av "
                    "musikkterapeutiske forskingsresultater og prosjekterfaringer til aktuelle "
                    "beslutningstakere",
                    "Implementering av Polyfons knutepunktmodell i alle fire helseregioner",
                    "Solid klyngeaktivitet i alle helseregioner",
                    "Finansiering av nødvendig informasjons- og utviklingsarbeid.",
                ],
            ),
            ChapterOutline(
                numeral="VI",
                goal_code="Målsetting 2b",
                title="Musikk er tatt systematisk i bruk som folkehelseressurs",
                introduction=(
                    "I Polyfons Strategi 2024-2030 framheves det innledningsvis at "
                    "kunnskapsklynga springer ut av musikkterapifaget, men arbeider med hele "
                    "spekteret av sammenhenger mellom musikk og helse, der helse blir forstått "
                    "bredt som en ressurs for livskvalitet, mestring, læring og "
                    "samfunnsdeltaking. Når målsetting 2b viser til musikk som "
                    "folkehelseressurs, forstås dette som en understrekning av "
                    "kunnskapsklyngas tverrfaglige og sektorovergripende natur, der både folks "
                    "egen bruk av musikk som hverdagsressurs og ulike profesjoners arbeid med "
                    "musikk innen f.eks. utdanning, arbeidsliv og kulturliv er en del av "
                    "klyngas område, så sant disse praksiser relateres til helse/folkehelse i "
                    "vid forstand."
                ),
                why=[
                    "MT som profesjonell praksis og forskingsfelt er en nødvendig men ikke "
                    "tilstrekkelig forutsetning for systematisk bruk av musikk som helseressurs "
                    "i det norske samfunnet",
                    "Folks egen hverdagsbruk av musikk og ulike profesjoners arbeid med musikk "
                    "inngår ofte i en økologi av praksiser som utfyller hverandre, støtter og "
                    "påvirker hverandre",
                    "Det norske samfunnet står overfor flere samfunnsutfordringer, bl.a. knytta "
                    "til økonomi og demografi, der ulike musikkpraksiser kan støtte og supplere "
                    "mer etablerte arbeidsmåter innen helse/folkehelse",
                ],
                where_2030=[
                    "Det er bygd ut flere inkluderende opplærings-, kultur- og fritidstilbud som "
                    "støtter og supplerer systematisk bruk av MT i aktuelle tjenester og "
                    "sektorer",
                    "Tverrfaglig og tverrprofesjonelt samarbeid på området musikk og helse er "
                    "styrka",
                    "Musikkterapeutenes yrkesrolle, på individ- og systemnivå, er tydeliggjort",
                    "Musikk og MT er en integrert del av offentlige meldinger og veiledere for "
                    "folkehelse og er en integrert del av nasjonale (folke)helseråd til publikum",
                    "Praksisfeltet er utvikla med rom for personlig, musikalsk og kulturelt "
                    "mangfold",
                ],
                measures=[
                    MeasureOutline(
                        text="Styrke tverrfaglig samarbeid om musikkens helserelaterte muligheter",
                        start_year=2015,
                    ),
                    MeasureOutline(
                        text="Stimulering av og støtte til tverrsektorielle prosjekt og praksiser",
                        start_year=2015,
                    ),
                    MeasureOutline(
                        text="Strategiske samarbeid med nasjonale kompetansemiljø og "
                        "brukerorganisasjoner som arbeider med folkehelserelatert tematikk",
                        start_year=2021,
                    ),
                    MeasureOutline(
                        text="Arbeid for å bygge tverrfaglig samarbeid om musikk og folkehelse, "
                        "der dette settes på agendaen i et tverrfaglig seminar i 2026",
                        start_year=2025,
                        status="prioritised",
                    ),
                    MeasureOutline(
                        text="Arbeid med musikkterapeutenes yrkesrolle, der samarbeid med og "
                        "støtte til folkehelserelaterte musikkpraksiser inngår",
                        status="candidate",
                    ),
                    MeasureOutline(
                        text="Formidling og synliggjøring av kunnskap, samarbeidsmodeller og "
                        "prosjekterfaringer",
                        status="candidate",
                    ),
                ],
                prerequisites=[
                    "Kontinuerlig evaluering, se kap. X",
                    "Styrking av en tverrfaglig samarbeidskultur",
                    "Bredde i klyngas sammensetning, slik at utdanning, forsking og "
                    "praksisutvikling innen områder som grenser til MT-feltet omfattes av "
                    "klyngesamarbeidet",
                    "Velfungerende arbeidsgrupper / andre relevante strukturer for samarbeid",
                    "Styrking og videreutvikling av strategiske samarbeid, jf. også kap. IV.",
                ],
            ),
            ChapterOutline(
                numeral="VII",
                goal_code="Målsetting 3",
                title=(
                    "Forsking om MT / helserelaterte musikkpraksiser er praksisnær og "
                    "samfunnsrelevant og av internasjonal standard"
                ),
                # In the plan this section stands between "Hvorfor" and "Hvor bør".
                introduction=(
                    "### Polyfons rolle som medspiller i utvikling av forsking\n"
                    "\n"
                    "Polyfon skal være en aktiv medspiller som er med på å bygge forutsetninger "
                    "for videre utvikling, ved å:\n"
                    "\n"
                    "- stimulere til systematisk implementering av MT, slik at det blir mer og "
                    "bedre praksis å forske på\n"
                    "- finansiere småprosjekt/piloter, slik at en kan bygge grunnlag for større "
                    "eksterne prosjektsøknader og også bidra til en kultur der studenter og "
                    "yngre musikkterapeuter engasjerer seg i forsking\n"
                    "- bygge relasjoner til kommuner og helseforetak, slik at kunnskapsbehov "
                    "blir identifisert og slik at det blir lettere å rekruttere deltakere til "
                    "prosjekt\n"
                    "- bidra med kompetanse, panel og nettverk for bruker- og "
                    "pårørendemedvirkning\n"
                    "- bidra til å kople ulike fag og miljø for arbeid med større "
                    "prosjektsøknader, når dette er ønskelig."
                ),
                why=[
                    "Praksisnærhet og samfunnsrelevans har verdi i tider med store "
                    "samfunnsutfordringer, samtidig som dette også kan bidra til grunnforsking "
                    "(utvikling av ny innsikt og teoretisk kunnskap)",
                    "Internasjonal standard og praksisnærhet / samfunnsrelevans kan ikke "
                    "(alltid) sees som motsetninger, bl.a. fordi bruker- og "
                    "pårørendemedvirkning er et kriterium i vurdering av kvalitet",
                ],
                where_2030=[
                    "MT inngår i internasjonale, tverrfaglige prosjekter med "
                    "grunnforskingskvaliteter",
                    "MT-feltets evne til å kombinere denne type internasjonal forsking med "
                    "studier der bruker- og pårørendemedvirkning er sentralt, er sterkere og "
                    "mer synlig enn i 2025",
                    "Mer samarbeid og samskaping er etablert mellom ulike praksisfelt og "
                    "forskingsmiljø",
                    "Flere musikkterapeuter i tjenester og tilbud utenfor akademia har "
                    "forskingskompetanse og får rammer til å bruke denne for utvikling av "
                    "praksisnær og brukerinvolvert forsking",
                    "Forskingsfeltet er utvikla med rom for personlig, musikalsk og kulturelt "
                    "mangfold",
                ],
                measures=[
                    MeasureOutline(
                        text="Utlysing av sommerstipend og andre former for prosjektstøtte til "
                        "studenter og ph.d.-kandidater",
                        start_year=2015,
                    ),
                    MeasureOutline(
                        text="Utlysing av prosjektmidler med en såkornfunksjon som vektlegger "
                        "bruker- og pårørendemedvirkning, tverrfaglighet, praksis- og "
                        "samfunnsrelevans",
                        start_year=2015,
                    ),
                    MeasureOutline(
                        text="Søknadsskriveseminarer og arbeidsseminarer for erfaringsdeling og "
                        "inspirasjon",
                        start_year=2017,
                    ),
                    MeasureOutline(
                        text="Legge til rette for brobygging mellom praksisfelt og forsking, der "
                        "a) behovet for arbeidsgrupper vurderes, b) arbeidsseminar for styrking "
                        "av dialogen mellom studenter, forskere, praktikere og "
                        "erfaringsrepresentanter prøves ut som arbeidsform",
                        start_year=2025,
                        status="prioritised",
                    ),
                    MeasureOutline(
                        text="Faglig støtte til initiativ som kan stimulere internasjonalt "
                        "orientert forsking (inkludert toppforsking)",
                        status="candidate",
                    ),
                ],
                prerequisites=[
                    "Kontinuerlig evaluering, se kap. X",
                    "Kontinuerlig dialog om og vurdering av hvilke typer forsking som det er "
                    "behov for å styrke og videreutvikle (f.eks. implementeringsforskning, "
                    "aksjonsforskning, effektforsking osv.)",
                    "MT-feltets tverrfaglige samarbeidsrelasjoner styrkes vesentlig",
                    "Erfaringspanelets og arbeidsgruppenes arbeid får kraft til å påvirke "
                    "forskingskulturen i feltet",
                    "Polyfons regionale, nasjonale og internasjonale samarbeidsrelasjoner styrkes.",
                ],
            ),
            ChapterOutline(
                numeral="VIII",
                goal_code="Målsetting 4a",
                title="Utdanningene i MT er relevante, av høy kvalitet og av tilstrekkelig omfang",
                why=[
                    "Solid musikkterapeutisk fagkompetanse er en forutsetning for realisering "
                    "av klyngas målsettinger, enten de er relatert til informasjon og "
                    "formidling, praksis- og tjenesteutvikling eller forsking og fagutvikling",
                    "Som alle profesjonsutdanninger, trenger MT-utdanningene god kontakt med "
                    "tjenester og samfunn for å utvikle seg i relevante retninger",
                    "Utvidelse av nasjonal utdanningskapasitet er en forutsetning for at MT "
                    "skal være tilgjengelig i hele landet, i tråd med prinsippet om at "
                    "befolkningen skal ha likeverdig tilgang til helsetjenester",
                ],
                where_2030=[
                    "Grunnutdanningen i MT er styrka og utdanningas relevans for tjenestene er "
                    "gjort tydeligere, der MT-feltets egenart og identitet er videreutvikla "
                    "samtidig som studentene lærer mer om de kunnskapsformene og diskursene som "
                    "preger ulike tjenester og tilbud",
                    "I enda større grad enn i 2025 endrer utdanningene seg i tråd med "
                    "samfunnsutviklinga, f.eks. når det gjelder bruker- og "
                    "pårørendemedvirkning og bruk av ny teknologi",
                    "I tillegg til gode grunnutdanningstilbud i MT (masternivå), finnes det "
                    "solide tilbud om etterutdanning/videreutdanning og spesialistutdanning",
                    "Informasjonsarbeidet om studiet er styrka, slik at søkere i større grad har "
                    "kunnskap om den utdanninga de går inn i og de arbeidsmulighetene som "
                    "venter",
                    "Rekrutteringa til studiet er vesentlig styrka i omfang og mangfold",
                    "Utdanningstilbudene tematiserer verdiene i personlig, musikalsk og "
                    "kulturelt mangfold",
                ],
                measures=[
                    MeasureOutline(
                        text="Etablering av møtepunkt mellom tjenestene, erfaringspanelet og "
                        "utdanningene, for erfaringsutveksling og idéutvikling",
                        start_year=2018,
                    ),
                    MeasureOutline(
                        text="Organisering av en nasjonal ressursgruppe for samarbeid og kontakt "
                        "mellom de norske utdanningene på feltet",
                        start_year=2021,
                    ),
                    MeasureOutline(
                        text="Drift av et nasjonalt nettverk for styrking av rekruttering til "
                        "feltet",
                        start_year=2023,
                    ),
                    MeasureOutline(
                        text="Dialoger mellom aktuelle fagmiljø i klynga for å stimulere "
                        "utvikling av framtidig "
                        "etterutdanning/videreutdanning/spesialistutdanning",
                        start_year=2025,
                        status="prioritised",
                    ),
                    MeasureOutline(
                        text="Arbeid med å stimulere og initiere etterutdanning/videreutdanning "
                        "og spesialistutdanning",
                        status="candidate",
                    ),
                ],
                prerequisites=[
                    "Kontinuerlig evaluering, se kap. X",
                    "Klynga lykkes med å bygge en økologi der informasjon, praksisutvikling, "
                    "forsking og utdanning sees i sammenheng",
                    "Tett og godt samarbeid mellom de norske utdanningsinstitusjonene innen MT.",
                ],
            ),
            ChapterOutline(
                numeral="IX",
                goal_code="Målsetting 4b",
                title="Emner / kurs om MT / musikk og helse er integrerte i aktuelle utdanninger",
                why=[
                    "Emner og/eller kurs om MT / musikk og helse i aktuelle utdanninger (f.eks. "
                    "erfaringsskoler, folkehøgskoler, videregående skoler, universitet og "
                    "høgskoler) bidrar til økt bevissthet om musikkens muligheter og til økt "
                    "kvalitet i ulike profesjoners egen yrkesutøving",
                    "Emner og/eller kurs om MT / musikk og helse vil styrke mulighetene for "
                    "tverrfaglig samarbeid og slik komme brukere og pårørende til gode",
                    "Emner og/eller kurs om MT / musikk og helse vil lette implementering av MT "
                    "og helserelaterte musikkpraksiser i ulike samfunnssektorer",
                ],
                where_2030=[
                    "Det arbeides med at nasjonale planer og retningslinjer gir nye "
                    "mulighetsrom for denne type kurs/emner i aktuelle utdannings- og "
                    "etter-/videreutdanningstilbud",
                    "Flere av denne type mulighetsrom innen studieplanen er tatt i bruk "
                    "regionalt og lokalt blant Polyfons klyngedeltakere, som mulig framtidig "
                    "modell for resten av landet",
                    "Utdanningstilbudene tematiserer verdiene i personlig, musikalsk og "
                    "kulturelt mangfold",
                ],
                measures=[
                    MeasureOutline(
                        text="Klynga organiserer ledelsesforankra arbeidsgruppeaktivitet som kan "
                        "stimulere utvikling av undervisningsopplegg m.m.",
                        start_year=2015,
                    ),
                    MeasureOutline(
                        text="Eksisterende tverrfaglige arbeidsgruppe med utgangspunkt i HVL "
                        "vitaliseres og ledelsesforankres, samtidig som en stimulerer "
                        "tverrfaglig samarbeid også ved UiB, om mulig også andre "
                        "utdanningsinstitusjoner",
                        start_year=2025,
                        status="prioritised",
                    ),
                    MeasureOutline(
                        text="Nasjonal samordning og arbeidsfordeling knytta til utdanningstilbud "
                        "innen MT og musikk og helse i Norge, inkludert årsstudiet i musikk og "
                        "helse og ulike kurs, delemner og etter- og videreutdanningstilbud",
                        status="candidate",
                    ),
                    MeasureOutline(
                        text="Systematisk arbeid opp mot aktuelle myndigheter for synliggjøring "
                        "av relevansen og behovet for et mulighetsrom for denne typer "
                        "kurs/emner i nasjonale planer og reguleringer for aktuelle utdanninger",
                        status="candidate",
                    ),
                    MeasureOutline(
                        text="Etablering av nettverk for erfaringsskoler o.l. med kursinnhold "
                        "som omfatter MT / musikk og helse (jf. kap. II)",
                        status="candidate",
                    ),
                ],
                prerequisites=[
                    "Kontinuerlig evaluering, se kap. X",
                    "Klynga lykkes med å bygge en økologi der spesifikk kunnskap om MT og mer "
                    "tverrfaglig kunnskap om musikk som folkehelseressurs sees i sammenheng.",
                ],
            ),
            ChapterOutline(
                numeral="X",
                title="Rullering: evaluering, prioritering, samordning og arbeidsfordeling",
                has_measures=False,
                introduction=(
                    "Det legges opp til årlig rullering av handlingsplanen for perioden "
                    "2025-2030, der styringsgruppa bl.a. vedtar prioritering av tiltak, i lys "
                    "av klyngas ressurssituasjon og forutsetninger for å lykkes. Her skisseres "
                    "noen overordna prinsipp som kan vurderes ved slik rullering:\n"
                    "\n"
                    "### Kontinuerlig evaluering\n"
                    "\n"
                    "Styringsgruppas prioritering av tiltak ved rullering bør skje på bakgrunn "
                    "av tilbakemeldinger. Hvordan har det siste året gått? Har vi nådd målene, "
                    "eller møter vi motstand og utfordringer? Det forutsettes derfor at klynga "
                    "årlig innhenter tilbakemeldinger fra ledere, fagpersoner og brukere i "
                    "klyngesamarbeidet.\n"
                    "\n"
                    "### Tydelig prioritering og helhetlig orientering\n"
                    "\n"
                    "Tydelig prioritering og en helhetlig orientering må balanseres:\n"
                    "\n"
                    "- Tydelig prioritering: Det vil alltid være flere behov og "
                    "utviklingsoppgaver enn det klynga kan makte å ta tak i, slik at det til "
                    "enhver tid blir vesentlig å løfte fram de tiltak som har størst mulighet "
                    "til å bidra til positiv utvikling.\n"
                    "- Helhetlig orientering: Polyfons målsettinger representerer en helhet som "
                    "reflekterer klyngas utviklingsøkologi (utvikling av god forsking og "
                    "utdanning er en forutsetning for kvalitet i tjenesteutvikling, men god "
                    "praksis er også en forutsetning for solid forsking og utdanning, osv.). "
                    "Det anbefales derfor at tydelige prioriteringer gjøres innen hver "
                    "målsetting mer enn mellom dem.\n"
                    "\n"
                    "### Samordning av aktivitet og utviklingsarbeid\n"
                    "\n"
                    "Effekten av klyngesamarbeidet er i stor grad avhengig av den samordning og "
                    "synergi som kan etableres klyngedeltakerne imellom. Som klynge er Polyfons "
                    "oppgave å stimulere dette, altså verken å pålegge deltakerne oppgaver eller "
                    "å ta over oppgaver, men å støtte det arbeidet som gjøres og å styrke "
                    "samspillet mellom de ulike klyngedeltakerne, slik at den samlede "
                    "samfunnseffekten blir større.\n"
                    "\n"
                    "I en slik prosess vil det ha verdi å synliggjøre arbeidet som utføres av "
                    "de enkelte klyngedeltakerne, da det vil bygge grunnlag for "
                    "erfaringsdeling, samarbeid og samordning. Det foreslås at det i videre "
                    "arbeid med handlingsplaner konkretiseres hvilke utviklingsoppgaver av "
                    "relevans for klyngesamarbeidet hver deltaker arbeider med, slik at det "
                    "blir tydelig hvordan disse utfyller hverandre og hvilke muligheter som "
                    "finnes for samarbeid og gjensidig støtte. To eksempler: a) Når et "
                    "forskingsmiljø gjennomfører effektstudier, blir det tydelig hvordan "
                    "aktørene utfyller hverandre, da dette både forutsetter og muliggjør solid "
                    "praksisutvikling. b) Dersom én klyngedeltaker prioriterer å følge opp "
                    "aktuelle aktører i en region med kurs og veiledning, kan andre deltakere "
                    "vurdere om de kan samarbeide, støtte og styrke dette initiativet. Klyngas "
                    "informasjonsarbeid (se kap. IV om klyngas målsetting 1) og dialogene i "
                    "klynga (i styringsgruppe, arbeidsgrupper, konferanser osv.) kan "
                    "synliggjøre mulighetene for denne type samordning."
                ),
            ),
        ],
    )
