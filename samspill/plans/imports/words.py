"""The word lists behind the letter repair: what OCR makes of Norwegian words.

Collected from an OCR of a real plan (Polyfon's *Handlingsplan 2025-2030*), where "ø" came out
as "g", "o", "a" or "e", "å" as "a", "d" or "é", "æ" as "ee" or "ae", and a few words ran
together. Keys are lower case; `repair.py` carries the case of the word it replaces over.
Only forms that are not Norwegian words themselves belong in `WORDS`: a word that can also be
right ("mate", "bor", "far") needs the context rules in `repair.py` instead.
"""

import re

# Mangled word → the word it was. Unambiguous: none of the keys is a Norwegian word.
WORDS: dict[str, str] = {
    # å
    "pa": "på",
    "pd": "på",
    "ma": "må",
    "fa": "få",
    "nar": "når",
    "gar": "går",
    "gatt": "gått",
    "nadd": "nådd",
    "ar": "år",
    "aret": "året",
    "arets": "årets",
    "sma": "små",
    "smaprosjekt": "småprosjekt",
    "mal": "mål",
    "malene": "målene",
    "malretta": "målretta",
    "resultatmal": "resultatmål",
    "ogsa": "også",
    "ogsd": "også",
    "ogsé": "også",
    "altsé": "altså",
    "altsad": "altså",
    "apen": "åpen",
    "apnes": "åpnes",
    "inngar": "inngår",
    "inngér": "inngår",
    "innga": "inngå",
    "trdd": "tråd",
    "forstas": "forstås",
    "forstds": "forstås",
    "forstatt": "forstått",
    "foreslas": "foreslås",
    "drsstudiet": "årsstudiet",
    "sakornfunksjon": "såkornfunksjon",
    "masterniva": "masternivå",
    "systemniva": "systemnivå",
    "palegge": "pålegge",
    "paminning": "påminning",
    "radgiving": "rådgiving",
    "radgivning": "rådgivning",
    "folkehelserad": "folkehelseråd",
    "helserad": "helseråd",
    "arbeidsmate": "arbeidsmåte",
    "arbeidsmater": "arbeidsmåter",
    # ø
    "sgr": "sør",
    "gst": "øst",
    "jst": "øst",
    "@st": "øst",
    "gkt": "økt",
    "jkt": "økt",
    "skt": "økt",
    "okt": "økt",
    "laft": "løft",
    "lopet": "løpet",
    "forste": "første",
    "farste": "første",
    "hgasten": "høsten",
    "stotte": "støtte",
    "statte": "støtte",
    "statter": "støtter",
    "formidlingsstatte": "formidlingsstøtte",
    "prosjektstatte": "prosjektstøtte",
    "starre": "større",
    "sterre": "større",
    "starste": "største",
    "sterst": "størst",
    "etterspar": "etterspør",
    "aktar": "aktør",
    "aktarer": "aktører",
    "aktarene": "aktørene",
    "prave": "prøve",
    "proves": "prøves",
    "utpraving": "utprøving",
    "hag": "høg",
    "skonomi": "økonomi",
    "gnskelig": "ønskelig",
    "gverst": "øverst",
    "gjare": "gjøre",
    "gjares": "gjøres",
    "muliggjar": "muliggjør",
    "tydeliggjer": "tydeliggjør",
    "tydeliggjaring": "tydeliggjøring",
    "synliggjares": "synliggjøres",
    "synliggjering": "synliggjøring",
    "synliggjoring": "synliggjøring",
    "synliggjore": "synliggjøre",
    "gjennomfegring": "gjennomføring",
    "gjennomfaring": "gjennomføring",
    "giennomfaring": "gjennomføring",
    "ambassadawr": "ambassadør",
    # æ
    "vaere": "være",
    "vaert": "vært",
    "seerlig": "særlig",
    # a letter lost or misread
    "ej": "ei",
    "bulletengen": "bulletinen",
    "utfordingsbildet": "utfordringsbildet",
    "\\velfungerende": "Velfungerende",
    # words run together
    "ennyklyngeavtale": "en ny klyngeavtale",
    "avimplementering": "av implementering",
    "nasjonalimplementering": "nasjonal implementering",
    "leggetilrette": "legge til rette",
    "balanseiklyngesamarbeidet": "balanse i klyngesamarbeidet",
    "polyfonsregionale": "Polyfons regionale",
    "detarbeides": "det arbeides",
    "defleste": "de fleste",
    "fylkerilandet": "fylker i landet",
    "ogi": "og i",
    "eri": "er i",
    "malom": "mål om",
    "afa": "å få",
    "mtinn": "MT inn",
    "spesialisthelsetjenesteneii": "spesialisthelsetjenestene i",
    "haroverstroketskrift": "har overstrøket skrift",
}

# Fragments that only OCR makes, replaced inside any word (after `WORDS` found nothing).
# Each pattern is checked against correct Norwegian: none of them occurs in a real word.
PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"p[ad]r[gea]r(?=ende)"), "pårør"),
    (re.compile(r"meadvirk"), "medvirk"),
    (re.compile(r"(^|hoved)malsett"), r"\1målsett"),
    (re.compile(r"g(?:ji|i)ennom"), "gjennom"),
    (re.compile(r"t(?:ji|i)enest"), "tjenest"),
    (re.compile(r"hggskol"), "høgskol"),
    (re.compile(r"sp?gkn"), "søkn"),
    (re.compile(r"sgker"), "søker"),
    (re.compile(r"milj[goe](?=(?:ene|et|er|ets|a)?$)"), "miljø"),
    (re.compile(r"gkolog"), "økolog"),
    (re.compile(r"ngdvendig"), "nødvendig"),
    (re.compile(r"stgtt"), "støtt"),
    (re.compile(r"stgr"), "stør"),
    (re.compile(r"aktgr"), "aktør"),
    (re.compile(r"gjgr"), "gjør"),
    (re.compile(r"fgr"), "før"),
    (re.compile(r"fgl"), "føl"),
    (re.compile(r"lg(?=p|se|fte)"), "lø"),
    (re.compile(r"mgte"), "møte"),
    (re.compile(r"prgv"), "prøv"),
    (re.compile(r"utgv"), "utøv"),
    (re.compile(r"veer(?=e|t)"), "vær"),
    (re.compile(r"(?:lae|lee)r(?=ing|er$|e$)"), "lær"),
    (re.compile(r"(?<=s)n(?:ae|ee)r(?=$|het|e$)"), "nær"),
    (re.compile(r"^pavirk"), "påvirk"),
    (re.compile(r"omrad(?=(?:e|et|er|ene)$)"), "områd"),
    (re.compile(r"^arsmeld"), "årsmeld"),
    (re.compile(r"^arlig"), "årlig"),
    (re.compile(r"videreg[ad]ende"), "videregående"),
    (re.compile(r"tydeliggjgr"), "tydeliggjør"),
]

# Words after which "a" or "&" stands for "å" (the infinitive mark): "for å", "med å" …
INFINITIVE_AFTER = {
    "for",
    "med",
    "til",
    "ved",
    "om",
    "enn",
    "men",
    "uten",
    "utan",
    "og",
    "eller",
    "av",
}

# Short infinitives that do not end in "e" ("å få", "å ta", "å gå").
SHORT_VERBS = {
    "fa",
    "få",
    "ta",
    "ga",
    "gå",
    "sta",
    "stå",
    "na",
    "nå",
    "se",
    "ha",
    "gi",
    "bli",
    "la",
    "bo",
    "do",
    "dø",
    "bidra",
    "forstå",
    "forsta",
}

# Verbs a modal "bør" goes with: "bør være", "bør kjenne til", "bør skje".
MODAL_VERBS = {
    "være",
    "vaere",
    "veere",
    "vere",
    "bli",
    "ha",
    "kunne",
    "skje",
    "kjenne",
    "gjøre",
    "gjare",
    "gjere",
    "få",
    "fa",
    "gis",
    "gi",
    "ta",
    "tas",
    "vurderes",
    "brukes",
    "sees",
    "ses",
    "prioriteres",
    "styrkes",
    "legges",
    "inngå",
    "innga",
    "arbeide",
    "bidra",
    "ligge",
}

# Words that, before "far", make it a noun ("min far", "mor og far") rather than "får".
FATHER_BEFORE = {"min", "din", "sin", "vår", "var", "hans", "hennes", "deres", "en", "ein", "mor"}
FATHER_AFTER = {"og", "til", "er", "var", "har", "hadde", "sin", "sitt", "sine", "min", "mor"}

# Words before "mate" that make it "måte" ("på en systematisk måte").
MANNER_BEFORE = {"en", "ei", "denne", "samme", "same", "annen", "anna", "god", "ny", "pa", "på"}

# "sa" is "så" before these ("så sant", "så lenge").
SO_BEFORE = {"sant", "lenge", "godt", "mye", "mange", "langt", "snart", "fremt", "lite", "vel"}

# "star" is "står" before these ("står overfor").
STANDS_BEFORE = {"overfor", "fram", "frem", "sentralt", "igjen", "bak"}

# Modal verbs after which "matte" is "måtte" ("vil måtte bygge").
MODALS = {"vil", "skal", "kan", "ville", "skulle", "kunne", "har", "hadde", "må", "ma"}

# "har fatt" → "har fått".
PERFECT_BEFORE = {"har", "hadde", "ha", "er", "blitt"}

# Ordinals before "prosjektar" that make it "prosjektår" ("første prosjektår").
ORDINALS = {"første", "forste", "farste", "fgrste", "andre", "tredje", "siste"}

# The points of the compass that name regions ("regionene Øst, Sør og Vest"), as OCR writes
# them, with the repaired form.
COMPASS: dict[str, str] = {
    "øst": "øst",
    "gst": "øst",
    "jst": "øst",
    "@st": "øst",
    "ost": "øst",
    "sør": "sør",
    "sgr": "sør",
    "sar": "sør",
    "sor": "sør",
    "vest": "vest",
    "nord": "nord",
    "midt": "midt",
}
REGION_WORDS = {"regionene", "regionane", "region", "regionen", "regionar", "regioner"}
# Compass forms that are other words too ("ost" is cheese): only changed among regions.
COMPASS_AMBIGUOUS = {"ost", "sar", "sor"}

# Counted to tell Norwegian text from English: the context rules only run on Norwegian.
NORWEGIAN_MARKERS = {
    "og",
    "er",
    "som",
    "det",
    "av",
    "til",
    "med",
    "i",
    "på",
    "pa",
    "en",
    "et",
    "ikke",
    "har",
    "den",
    "de",
    "for",
}
ENGLISH_MARKERS = {"the", "and", "of", "is", "to", "with", "that", "are", "in", "a", "for", "on"}
