"""Real words that must never be "corrected" into a danger word by the fuzzy match.

The fuzzy match in `signals.normalize.Canonicaliser` reads an unknown word that is one letter
away from a lexicon word (`FUZZY_TARGETS`) as that word, so "slaet" counts as "slaat". Real
words at that distance must stay themselves: "staat" is not "slaat", "lezen" is not "leven",
"politiek" is not "politie", "geslapen" is not "geslagen".

Generated once from the Dutch lemma tables of `spacy-lookups-data` 1.0.5 (every word form of 5+
letters at edit distance 1 from a target with the same first letter, accents stripped), plus a
few chat forms those tables lack ("bange", "leuven"). Regenerate when `FUZZY_TARGETS` changes;
`tests/signals/test_signals_danger.py` checks that no listed word is itself a target.
"""

from __future__ import annotations

PROTECTED_WORDS: frozenset[str] = frozenset(
    {
        "aandien", "aandoe", "aandoend", "aandoet", "achtervoegen", "achtervoegt",
        "achtervolg", "achtervolgden", "achtervolgend", "achtervolger", "afbakken",
        "afgehakt", "afgelakt", "afgepakte", "afgepast", "afgepikt", "afgeplakt",
        "afgetakt", "afgezakt", "afhakken", "aflakken", "afpakkend", "afpakten", "afpikken",
        "afplakken", "aftakken", "afzakken", "agressiefs", "agressies", "bange", "banger", "slaag",
        "bangs", "bangst", "bedreig", "bedreigde", "bedriegt", "beslaan", "bestaand",
        "bestaans", "bestaat", "blauw", "blauwde", "blauwen", "blauwer", "blauws", "blauwt",
        "controleer", "dichter", "dochters", "dochtertjes", "doods", "doodsbange",
        "doodsbangs", "doodt", "dregde", "dregt", "dreigden", "dreinde", "dreint",
        "driegde", "gebaar", "gebeld", "gedauwd", "gedubd", "geduid", "gedund", "geduwde",
        "gegrapt", "geheld", "gehuwd", "geisoleerde", "gekweld", "gelagen", "geleld",
        "genepen", "gerapt", "gereld", "geruwd", "geschoept", "geschoft", "gescholpt",
        "geschopte", "geschort", "geshopt", "geslapen", "gesoleerd", "getapt", "geteld",
        "getrast", "getript", "gevaars", "gevaat", "geveld", "gewald", "gewed", "geweid",
        "gewelddadige", "gewelddadigs", "gewelde", "gewelf", "gewelfd", "gewerd", "gewield",
        "gewild", "gewoeld", "gewold", "geworgd", "gewurgde", "gewurmd", "handtastelijke",
        "helps", "helpt", "hielp", "hulps", "kindeken", "kinderens", "knipt", "knirpt",
        "lastigvallend", "laven", "leden", "legen", "leken", "lemen", "lenen", "leren",
        "leuven", "levend", "levens", "lever", "lezen", "lieven", "liven", "loeven",
        "loven", "mishandel", "mishandelde", "omsluiten", "onheilig", "onveilige",
        "onveiligs", "opgespoten", "opgestoten", "opsluitend", "opspuiten", "opstuiten",
        "pekken", "pijen", "pijns", "pijnt", "plakken", "plekke", "plekkend", "plekten",
        "plokken", "plukken", "politiek", "polities", "positie", "schappen", "scheppen",
        "schept", "schobt", "schoepen", "schoept", "schokt", "scholpen", "scholpt", "schop",
        "schoppend", "schoppens", "schopte", "schopten", "schort", "schot", "shoppen",
        "slaaf", "slaaft", "slaakt", "slaan", "slaap", "slaapt", "slabt", "slakt", "slapen",
        "slapt", "sloef", "sloefen", "sloep", "sloepen", "sluit", "spalkt", "staakt",
        "staan", "staat", "staker", "stakker", "stalken", "stalkers", "stalkte", "stalt",
        "telefoons", "uitweeg", "verhoorden", "verkrachte", "verkrachtend", "verkrachter",
        "verkrachtten", "vermoerden", "vermooiden", "vermoord", "vermoordden",
        "vermoordend", "versmoorden", "vervracht", "vervrachten", "vervrachting",
        "verwaarloos", "verwaarloosde", "verwaarloost", "verwoorden", "verwoordt", "waker",
        "wakke", "wakkert", "walker", "wekker", "worgen", "worgt", "wrakker", "wurgden",
        "wurger", "wurmen", "wurmt", "zetten", "ziften", "ziftten", "zoentje", "zooitje",
        "zooltje", "zoontjes", "zotten"
    }
)
