"""Dutch wording of the answers (spec section 4): data only, read by `signals.answers`.

Patterns are regular expressions over the normalised message: lower-case ASCII words, numbers
("6", "6,5") and "/" separated by single spaces. A match right after "niet", "geen", "nooit"
or "zonder" does not count ("we hebben geen schulden"), unless the pattern itself starts
with the negation ("geen tijd").

The principle: never guess beyond what the text says. "we hebben kinderen" does not say they
are under 18, so it sets nothing (the question is asked); "2 kinderen van 5 en 8" does.
"""

from __future__ import annotations

from signals import fields as f

MAX_CHARS = 2000

# --- Numbers -------------------------------------------------------------------------------
NUMBER_WORDS: dict[str, int] = {
    "nul": 0, "een": 1, "eentje": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6,
    "zeven": 7, "acht": 8, "negen": 9, "tien": 10, "elf": 11, "twaalf": 12, "dertien": 13,
    "veertien": 14, "vijftien": 15, "zestien": 16, "zeventien": 17, "achttien": 18,
    "negentien": 19, "twintig": 20, "anderhalf": 1, "anderhalve": 1,
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10,
}
# School grades as Dutch people say them: "een zesje", "een dikke voldoende" has no number.
GRADE_WORDS: dict[str, int] = {
    "tweetje": 2, "drietje": 3, "viertje": 4, "vijfje": 5, "zesje": 6, "zeventje": 7,
    "achtje": 8, "negentje": 9, "tientje": 10,
}
# Adjectives between "een" and a grade: "een dikke 7", "een magere 5".
GRADE_ADJECTIVES = frozenset(
    {"dikke", "magere", "krappe", "zwakke", "ruime", "goede", "sterke", "hele", "halve",
     "schamele", "nette", "mooie", "slechte", "vette"}
)
# Words after a number that make it something else than a grade or an age.
NOT_A_GRADE_AFTER = frozenset(
    {"jaar", "jaren", "jaartjes", "maanden", "maand", "weken", "week", "dagen", "dag",
     "kinderen", "kind", "kids", "keer", "euro", "uur", "uren", "minuten", "procent", "km",
     "kilometer", "zonen", "dochters", "zoons", "jongens", "meisjes", "stuks", "mensen", "x"}
)
# A grade is meant when the message speaks of one.
GRADE_CONTEXT = (
    r"\b(?:cijfer|cijfertje|rapportcijfer|rapport|score|schaal|punten|beoordeel|beoordelen"
    r"|waardeer|waarderen|geef|geven|geeft|scoor|scoren|zitten op|zit op|zeg maar|ofzo"
    r"|als ik eerlijk ben|zou ik zeggen|rond een|hooguit een|maximaal een|krap een)\b"
)

# --- Yes / no / sometimes / don't know (for the question that was asked) --------------------
YES_WORDS = frozenset(
    {"ja", "jaa", "jah", "jaja", "jawel", "jazeker", "jep", "jeps", "jup", "yep", "yes", "yup",
     "yeah", "klopt", "zeker", "inderdaad", "tuurlijk", "natuurlijk", "absoluut", "correct",
     "precies", "juist", "jazeer", "ye", "helaas", "allicht", "uiteraard"}
)
NO_WORDS = frozenset(
    {"nee", "neen", "nope", "no", "nah", "neuh", "nein", "niet", "nooit", "geen", "welnee",
     "neej", "nee hoor", "nvt", "niks", "niets", "nay"}
)
SOMETIMES_WORDS = frozenset(
    {"soms", "af en toe", "een beetje", "beetje", "wel eens", "weleens", "misschien",
     "vroeger", "deels", "gedeeltelijk", "wisselend", "het wisselt", "regelmatig", "vaak",
     "meestal", "een paar keer", "een keer", "1 keer", "nu en dan", "sometimes", "maybe",
     "heel soms", "soms wel", "af en toe wel", "best wel", "wel een beetje", "een enkele keer",
     "zo nu en dan", "heel af en toe", "ja soms", "kan zijn", "zou kunnen", "mogelijk",
     "een beetje wel", "wel soms", "ietsje", "enigszins", "kan gebeuren", "misschien wel"}
)
# Words before a yes or no that do not change it: "eerlijk gezegd wel ja", "tja, nee".
HEDGES = (
    r"^(?:(?:eerlijk gezegd|om eerlijk te zijn|eerlijk|eigenlijk|nou|tja|tsja|ja nou|hmm+|hm+"
    r"|eh+|uh+m*|e+hm+|ehm|dus|oke|ok|okay|goh|pff+|ach|mja|mwah|nja|tjah|sorry|allez|awel|amai"
    r"|gevaar|in gevaar|zelfmoord|zelfdoding|dood willen|geweld|mijn ex|mijn man|mijn vrouw"
    r"|mijne vent|hij|zij) )+"
)
# A whole reply of one letter: "j", "n".
SINGLE_LETTERS = {"j": "yes", "n": "no", "y": "yes"}
# Phrases that decide on their own, checked before the single words above.
NO_PHRASES = (
    r"^(?:zeker|absoluut|helemaal|totaal|echt|gelukkig|eigenlijk|nog|zeker en vast) niet\b",
    r"^(?:dat )?klopt niet\b",
    r"^niet (?:echt|zo|meer|waar|van toepassing)\b",
    r"^(?:dat )?is niet (?:zo|waar|het geval)\b",
    r"^(?:ja )?nee\b",
    r"^(?:nooit|geen sprake van|geen|niets|niks) ",
    r"^(?:ik )?(?:denk|geloof) (?:het |van )?niet\b",
    r"^(?:waarschijnlijk|vermoedelijk|wellicht) niet\b",
)
YES_PHRASES = (
    r"^(?:dat )?klopt\b",
    r"^(?:helaas|ja helaas) (?:wel|ja)\b",
    r"^(?:dat )?is (?:zo|waar|het geval)\b",
    r"^(?:ja )?(?:wel|zeker|inderdaad)\b",
    r"^(?:dat )?(?:denk|vrees|geloof) ik (?:wel|het)\b",
    r"^(?:ik )?(?:denk|vrees|geloof) (?:het |van )?wel\b",
    r"^(?:waarschijnlijk|vermoedelijk|wellicht|ongetwijfeld) wel\b",
    r"^(?:ja )?(?:amai|allez|awel|zeker en vast) ja\b",
    r"^(?:ja )?(?:dat )?(?:wel|ja) (?:eigenlijk|wel|soms)\b",
)

# --- The safety questions: what "no danger" sounds like ------------------------------------
# Any safety question: "ik ben veilig", "alles is goed", "ja hoor alles goed hier". Checked
# before yes / no, so the "ja" of "ja hoor, alles goed" is not a yes to danger.
ALL_CLEAR = (
    r"\b(?:ik ben|we zijn|wij zijn|ik zit|we zitten|ik voel me|voel me|ik ben hier|we zijn hier)"
    r"(?: nu| hier| gewoon| helemaal| echt| wel)? (?:veilig|safe)\b",
    r"^(?:ja |jawel |ja hoor |nee |nee hoor |hoor )*(?:alles|het)(?: is| gaat)?"
    r"(?: hier| nu| gewoon| echt)? (?:goed|prima|ok|oke|in orde|rustig|veilig)\b",
    r"^(?:ja |nee )?(?:hoor )?(?:niks|niets) aan de hand\b",
    r"^(?:nee )?(?:er is )?geen (?:gevaar|sprake van gevaar)\b",
    r"^(?:veilig|safe|all good|im safe|i am safe)$",
    r"\b(?:ik ben|ben|we zijn|wij zijn|zijn)(?: nu| hier| gewoon)? (?:veilig|velig|safe)\b",
    r"\b(?:niet|nooit) in (?:gevaar|nood)\b",
    r"\b(?:het is|is het|daar is het|hier is het)(?: hier| daar| nu)? (?:veilig|rustig)\b",
    r"\b(?:ik ben|ben) (?:niet|nooit) (?:suicidaal|suicidal)\b",
    r"\b(?:zou|zal|ga) (?:mezelf|mijzelf|mij|me) (?:nooit|niet|never) (?:iets )?(?:aandoen"
    r"|aan doen|pijn doen|van kant maken)\b",
    r"\b(?:de kinderen|de kids|de kindjes|de kinders|ze|ze allemaal|mijn kinderen|de kleine)"
    r"(?: zijn| is)(?: wel| echt| gewoon| helemaal)? (?:veilig|ok|oke|goed|in orde)\b",
    r"\b(?:met de kinderen|met de kids|met de kindjes|met hen) (?:gaat|is) (?:het |alles )?"
    r"(?:goed|prima|ok)\b",
    r"^(?:ja |nee )?alles (?:goed|prima|ok|oke) met de (?:kinderen|kids|kindjes)\b",
)
# "niet veilig", "onveilig": a yes to a safety question (unless it follows a plain "nee").
UNSAFE = (
    r"\b(?:niet|nie|ni) (?:echt |zo |helemaal |altijd |meer )?(?:veilig|safe)\b",
    r"(?<!niet )(?<!nie )(?<!ni )\bonveilig[a-z]*\b",
)
# A yes to "Heeft je partner … ?" or "Denk je weleens aan … ?" in other words than "ja".
SAFETY_YES = (
    r"\b(?:wel eens|weleens|soms|vaak|af en toe|al eens|regelmatig) (?:aan )?(?:gedacht"
    r"|over nagedacht|aan denken)\b",
    r"\b(?:heb|had) (?:ik )?(?:er )?(?:wel )?(?:eens |weleens |al )?aan gedacht\b",
    r"\bgedachten wel\b",
    r"^(?:vorige|afgelopen|deze) (?:week|maand|nacht|keer) (?:nog|wel)\b",
    r"^(?:gisteren|vannacht|laatst) (?:nog|wel)\b",
    r"\b(?:weet niet|weet ik niet) of (?:dat|het|dit) (?:telt|meetelt|erg genoeg|ernstig genoeg"
    r"|geweld is|normaal is)\b",
    r"\b(?:weet ik niet|weet niet|geen idee|kweenie),? (?:misschien|soms|wel eens|weleens"
    r"|een beetje)\b",
    r"\bwel (?:een beetje|soms|eens|weleens|vaker)(?:$| ja\b| hoor\b)",
    r"\b(?:hij|zij|ze) bedoelt het niet zo\b",
)
# "Maak je je zorgen over de veiligheid van kinderen?": worries about the children in the
# resident's own words, where "ze" are the children the question asked about.
CHILDREN_UNSAFE_YES = (
    r"\bze (?:zien|horen|zagen|hoorden|krijgen|merken) (?:alles|het allemaal|het)\b",
    r"\b(?:zijn|is|worden) (?:heel |erg |zo )?bang (?:als|voor|wanneer) (?:papa|mama|hem|haar"
    r"|zijn vader|hun vader|hun moeder|mijn ex|de vader|de moeder)\b",
    r"\brare dingen\b",
    r"\b(?:te weinig|geen|niet genoeg) (?:eten|te eten)\b",
    r"\bdrinkt (?:als|wanneer) (?:de kinderen|de kids|ze) bij\b",
    r"\b(?:laat|liet) (?:ze|hen|de kinderen|de kids) (?:[a-z]+ ){0,2}?alleen\b",
    r"\b(?:aan haar|aan hem|aan ze) (?:zit|zat)\b",
)
# How often, as the whole reply to a safety question ("elke dag", "zelden"): it happens, so
# yes (recall first). Not for "Ben je nu in gevaar?", which asks about now.
SAFETY_FREQUENCY = (
    r"^(?:ja |wel |nou )?(?:(?:bijna |haast |zowat )?(?:elke|iedere) (?:dag|avond|nacht|week|keer)"
    r"|dagelijks|wekelijks|vaker|steeds vaker|te vaak|vaker dan|niet vaak|niet zo vaak|zelden"
    r"|bijna nooit|haast nooit|heel af en toe|af en toe|nu en dan|n beetje|ietsje|welleens"
    r"|wel eens|weleens|de laatste tijd|laatst|soms|regelmatig|geregeld|vaak|heel vaak"
    r"|steeds|constant|altijd)\b"
)
# When it last happened, or how many times, as the whole reply: it happened (not for "nu").
WHEN_IT_HAPPENED = (
    r"^(?:ja |nou |wel )?(?:(?:vorige|afgelopen|deze|laatste|vorig) (?:week|maand|nacht|keer|zomer"
    r"|winter|weekend|jaar)|gisteren|gisteravond|eergisteren|vannacht|laatst|onlangs|recent"
    r"|sinds (?:de|een|kort|vorig|vorige|die|het|hij|zij|we|ik)|\d+ ?x|(?:een|1|twee|2|drie|3"
    r"|paar|aantal|meerdere|vaker) ?(?:keer|x|keren)|het wordt (?:steeds )?erger"
    r"|steeds erger|niet altijd|toen we (?:nog )?samen)\b"
)
# The violence question asks about violence, threats, control, following and fear: each of
# these, said in words, is a yes to it (spec section 8, recall first).
VIOLENCE_QUESTION_YES = (
    r"\b(?:duw|duwt|duwde|duwen|geduwd|klap|klappen|klapje|tik|tikken|tikje|schop|schopt"
    r"|schoppen|knijp|knijpt|kneep|knijpen|geknepen|vastgepakt|vastgegrepen|door elkaar"
    r"|geschud|bij (?:mijn|m n|de) keel|naar me uit|haalt uit|haalde uit|uithalen|slaat|sloeg"
    r"|slaan|geslagen|pijn|blauwe plek[a-z]*|gooit|gooide|smijt|smeet|spuugt|spuugde)\b",
    r"\b(?:bang|schrik|angst|angstig|doodsbang)\b(?! (?:om|dat ik|dat het|dat we|voor de|voor het"
    r"|van de|dat ze me|dat hij me verlaat|hem kwijt|haar kwijt))",
    r"\b(?:op (?:mijn|m n) hoede|op eieren|ontploft|ontploffen|ontplofte)\b",
    r"\b(?:checken|checkt|controleren|controleert|controleerd|controleerde|controle"
    r"|moet (?:altijd )?(?:om|voor) \d+ uur|(?:staat|stond|stonden) (?:[a-z0-9]+ ){0,5}?te wachten"
    r"|wacht (?:me )?(?:op|af)|ongevraagd|briefjes|volgt|volgde|achtervolgt|achtervolgd"
    r"|weet waar ik woon|overleef|bezuren|dreigt|dreigde|bedreigt|bedreigd|bedreigde"
    r"|post (?:[a-z]+ ){0,3}?over me|zet (?:[a-z]+ ){0,3}?over me online|seks|toegeef"
    r"|anders (?:is er|krijg ik|wordt hij|wordt ze|wordt zij) (?:ruzie|boos|kwaad)"
    r"|stem verheft|opgesloten|sluit me op|locatie|telefoon af|mijn telefoon)\b",
)
# The children question asks about harm, threats, neglect and seeing violence.
CHILDREN_HARM_WORDS = (
    r"\b(?:schram|blauwe plek[a-z]*|tik op|tikken|knijpt|knijpen|vastgepakt|slaat|sloeg|slaan"
    r"|geslagen|pijn|gooit|gooide|schopt|schopte|duwt|duwde|snijdt|snijden|dood wil)\b"
)
CHILDREN_QUESTION_YES = (
    CHILDREN_HARM_WORDS,
    r"\b(?:zorgen|naar gevoel|niet pluis|vertrouw (?:het|hem|haar) niet|veilig is anders"
    r"|niet normaal wat|schrik van|bang voor|bang van|huilend|huilen|schram|blauwe plek[a-z]*"
    r"|drugs|honger|insuline|medicijnen (?:niet|vergeet)|dom en lelijk|in bed|dood wil"
    r"|snijdt|snijden|ontplof[a-z]*|schreeuw[a-z]*|nooit meer zie|tik op|tikken|knijpt"
    r"|knijpen|vastgepakt|slaat|sloeg|slaan|geslagen|pijn|verwaarloos[a-z]*|alleen thuis"
    r"|alleen gelaten|dronken|drinkt|gooit|gooide)\b",
    r"\bweet (?:ik )?(?:het )?niet of (?:ze|de kinderen|de kids|hij|zij) (?:[a-z]+ )?(?:wel )?veilig\b",
    r"\bbij (?:hem|haar|hun vader|hun moeder|mijn ex|de vader|de moeder|papa|mama)\b"
    r"(?: [a-z]+){0,4} (?:weet ik (?:het )?niet|niet veilig|niet zeker)\b",
)
# Yes words of other languages a resident may reply with: "oui", "evet" (Turkish), "tak"
# (Polish), "da"; the replies are short, the meaning plain.
FOREIGN_YES = frozenset({"oui", "evet", "tak", "si", "da", "sim", "yes please"})
FOREIGN_NO = frozenset({"non", "hayir", "nie", "ne", "nao", "nyet"})
# "ja, ik bedoel nee", "ja sorry nee, verkeerd getypt": the resident corrects a yes.
SELF_CORRECTED_NO = (
    r"\b(?:ja|jawel)\b(?: [a-z]+){0,3}? (?:ik bedoel|bedoel|sorry|wacht|oeps|of toch|eh)"
    r"(?: [a-z]+)? (?:nee|neen|niet)\b|\bverkeerd (?:getypt|geklikt|gedrukt)\b"
)
# "het is niet zo dat ze niet veilig zijn", "niet onveilig": two negations, a no.
DOUBLE_NEGATION_NO = (
    r"\bniet zo dat (?:ik|ze|we|hij|zij|de kinderen) (?:[a-z]+ )?niet veilig\b"
    r"|\bniet (?:echt )?onveilig\b"
)
# "nee ik bedoel ja", "nee wacht, ja", "nee... nou ja soms": the resident corrects a no.
SELF_CORRECTED_YES = (
    r"\b(?:nee|neen|niet|nooit)\b(?: [a-z]+){0,4}? (?:ik bedoel|wacht|nou ja|of toch|eigenlijk)"
    r" (?:[a-z]+ )?(?:ja|wel|soms|toch wel|eigenlijk wel)\b"
)
# Double negations and questions back that say yes: "ik zou liegen als ik nee zei", "niet dat
# ik er nooit aan denk", "wat gebeurt er als ik ja zeg?", "is het raar dat ik daar soms aan denk?".
INDIRECT_YES = (
    r"\b(?:zou|zal) liegen als ik nee\b",
    r"\b(?:kan|kan ik) niet zeggen dat (?:ik|hij|het|ze) (?:er |daar )?(?:nooit|niet)\b",
    r"^niet dat (?:ik|hij|ze) (?:er |daar )?nooit\b",
    r"\bzou niet zeggen dat ik veilig\b",
    r"\bals ik ja zeg\b",
    r"\bis het (?:raar|erg|gek|normaal|slecht) (?:dat|als) ik (?:er |daar )?(?:soms |wel eens "
    r"|weleens |vaak )?(?:aan denk|zo denk)\b",
    r"^wie niet\b",
    r"\bniet dat ik het zou doen\b",
)
# A reply that ends in "wel": "sinds de scheiding wel", "als ik eerlijk ben wel" (no negation).
ENDS_IN_WEL = (r"^(?!vroeger\b)(?!.*\b(?:gaat|valt|komt|lukt|verbaal|psychisch|mentaal|woorden"
               r"|emotioneel|geestelijk)\b)(?:(?!(?:nee|neen|niet|nooit|geen)\b)[a-z0-9]+ ){1,7}"
               r"wel(?: ja| hoor)?$")
# "ja het is zwaar": a yes to the question's opening ("Het klinkt alsof het echt zwaar is"),
# not to the question about suicide.
YES_TO_THE_OPENING = r"^(?:ja|klopt|jazeker|zeker|inderdaad)(?: [a-z]+){0,3}? zwaar$"
# "ja vraag maar, en nee": the permission first, then the answer.
PERMISSION_FIRST = (r"^(?:ja |ok |oke |tuurlijk |natuurlijk |prima |goed )?(?:hoor )?"
                    r"vraag (?:maar|gerust)(?: en)? ")
# "alleen als ik gedronken heb": conditional, so it does happen.
CONDITIONAL_YES = r"^(?:ja )?(?:alleen|enkel|vooral|meestal) (?:als|wanneer|na|bij|in)\b"
# "vroeger wel, nu minder": past, and still now.
STILL_NOW = (
    r"\b(?:nu (?:nog|minder|soms|af en toe|weer|ook)|de laatste tijd|komt (?:het )?(?:weer )?"
    r"(?:op|terug)|nog steeds|nog altijd|weer erg|weer vaker)\b"
)
# At "Denk je weleens aan zelfdoding …?": the ways people say yes without the word.
SELF_HARM_YES = (
    r"\b(?:spookt|spookte|speelt|gaat|ging|gegaan) (?:wel |soms |vaak )?(?:door|in) (?:mijn|m n"
    r"|mn) (?:kop|hoofd)\b",
    r"\bspeel (?:wel |soms )?(?:eens |weleens )?met (?:de|het) (?:gedachte|idee)\b",
    r"\bop het randje\b",
    r"\b(?:de pijn|het|alles|het allemaal) (?:[a-z]+ )?(?:stopt|ophoudt|op houdt|voorbij is)\b",
    r"\brust(?: [a-z]+)?,? voor altijd\b|\bvoor altijd rust\b|\beeuwige rust\b",
    r"\bniet meer wakker\b",
    r"\bonder (?:een|de) (?:bus|trein|auto|vrachtwagen|tram)\b",
    r"\b(?:van|vanaf) (?:het|een|de) (?:dak|brug|flat|balkon)\b",
    r"\b(?:touw|strop)\b",
    r"\b(?:gegoogeld|gezocht|opgezocht) hoe\b",
    r"\bweet (?:al |precies |wel )?hoe ik het (?:zou )?(?:doe|doen)\b",
    r"\b(?:pillen|medicijnen|slaappillen) (?:gespaard|verzameld|opgespaard)\b",
    r"\b(?:bonk|bonken|sla|slaan) (?:met )?(?:mijn|m n) hoofd tegen\b",
    r"\b(?:mezelf|mijzelf) (?:pijn|krassen|snijden|slaan|branden)\b|\bkrassen\b",
    r"\bniet erg (?:vinden |vind )?als (?:ik|er iets)\b|\bvind ik het ook best\b",
    r"\b(?:ggz|psychiater|crisisdienst)\b.*\b(?:weer|erg|slecht)\b",
)
# Not yet a yes or a no to "… de afgelopen maanden …": long ago, or words only. Asked again.
PAST_OR_WORDS_ONLY = (
    r"^(?:ja |nee )?vroeger(?: wel| ja| soms)?\b|\balleen (?:met )?woorden\b|\balleen verbaal\b"
)
# "ik weet het niet zeker": not "weet ik niet", but a reply to ask about again.
UNSURE = r"\b(?:niet (?:zo |helemaal )?zeker|niet goed inschatten|moeilijk te zeggen|weet niet of)\b"
# "Ben je nu in gevaar?": not now. "ok", "goed", "prima" alone answer it with no.
ACUTE_NOT_NOW = (
    r"^(?:nee |neen )?(?:nu|op dit moment|momenteel|op het moment|vandaag|vanavond|op dit ogenblik"
    r"|nu op dit moment|nu eventjes|op dit moment even|nu even|nu effe|nu nog)(?: even| eventjes)?"
    r" (?:niet|nie|niet meer)\b",
    r"^(?:nee |neen )?niet (?:nu|op dit moment|meer|momenteel|op het moment|direct|acuut|vandaag)\b",
    r"^(?:nee |neen )?(?:vroeger|vroeger wel|niet meer|nu niet meer|het is voorbij|dat is voorbij"
    r"|gelukkig niet|valt mee|het valt mee|hij is weg|ze is weg|hij is er niet|ze is er niet"
    r"|hij is naar zijn werk|ze is naar haar werk|hij woont hier niet meer|ze woont hier niet meer)\b",
)
ACUTE_OK_WORDS = frozenset(
    {"ok", "oke", "okay", "okee", "goed", "prima", "prima hoor", "goed hoor", "ok hoor",
     "gaat goed", "gaat wel", "ja goed", "ja prima", "ja ok", "ja oke", "top", "rustig",
     "alles ok", "alles oke", "prima zo", "alles chill", "chill"}
)
# "Heeft je partner geweld gebruikt…?": "ruzie wel, maar geen geweld hoor".
NO_VIOLENCE = (
    r"\b(?:geen|nooit|zonder) (?:geweld|klappen|fysiek geweld|lichamelijk geweld|mishandeling"
    r"|bedreigingen|dreiging)\b",
    r"\b(?:nooit|niet) (?:geslagen|gewelddadig|aangeraakt|bedreigd|mishandeld)\b",
    r"\b(?:hij|zij|ze) (?:slaat|sloeg|doet|deed) (?:me|mij) (?:nooit|niks|niets)\b",
    r"\b(?:ruzie|ruzies|schreeuwen|geschreeuw) (?:[a-z]+ ){0,4}?maar (?:geen|nooit|niet)"
    r" (?:geweld|gevaarlijk|geslagen)\b",
)
# A "no violence" that goes on about threats, control or fear is no all-clear: "hij slaat me
# niet, maar hij bedreigt me wel", "nee hij doet me niks, hij volgt me alleen overal".
NOT_ONLY_VIOLENCE = (
    r"\b(?:dreig[a-z]*|bedreig[a-z]*|control[a-z]*|achtervolg[a-z]*|volgt|volgen|stalk[a-z]*"
    r"|bang|angst[a-z]*|schrik|afpak[a-z]*|chant[a-z]*|opgesloten|locatie|opdringerig|kleineert"
    r"|vernedert|isoleert|intimideert|iets aandoen|iets aandoet|afmaken|pakken)\b"
)
# Replies that are acknowledgements, not answers: "ok" to "Zijn er kinderen onder de 18?".
ACKNOWLEDGEMENTS = frozenset(
    {"ok", "oke", "okay", "okee", "goed", "prima", "top", "prima hoor", "goed hoor", "ok hoor",
     "ja hoor vraag maar", "vraag maar", "ga je gang", "ja vraag maar", "is goed", "oke dan"}
)
DONT_KNOW = (
    r"\b(?:weet (?:ik )?(?:het )?(?:echt |nog |eigenlijk |ook )?(?:niet|nie)|geen (?:flauw )?idee"
    r"|idk|geen flauw benul|dunno|i dont know|no idea|moeilijk te zeggen|kan ik niet zeggen"
    r"|weet ik veel|onbekend|zeg ik liever niet|wil ik (?:liever )?niet zeggen"
    r"|liever niet zeggen|geen antwoord|weet het niet|snap de vraag niet"
    r"|ik weet het (?:nog )?niet|dat weet ik niet|geen idee eigenlijk"
    r"|(?:daar )?wil ik (?:het )?niet over (?:hebben|praten)|liever niet$|pas$|geen commentaar)\b"
)

# --- relationship_status -------------------------------------------------------------------
# Checked in this order; the first value with a (non-negated) match wins.
_NOT_HYPOTHETICAL = (
    r"(?<!als )(?<!als we )(?<!als wij )(?<!stel dat we )(?<!indien we )(?<!bang dat we )"
    r"(?<! dat we )(?<!^dat we )(?<!voordat we )(?<!wanneer we )"
)
STATUS_PATTERNS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        f.DOUBTING,
        (
            r"\btwijfel[a-z]* (?:[a-z]+ ){0,6}?(?:verder|door|samen|scheiden|scheiding"
            r"|uit elkaar|relatie|huwelijk|blijven|bij hem|bij haar|bij elkaar|weggaan"
            r"|weg te gaan|of we|of ik|over ons|aan ons|aan hem|aan haar|over hem|over haar)\b",
            r"\b(?:we|wij|ik) twijfel(?:en)?(?: (?:erg|heel erg|echt|nog|allebei|samen))?$",
            r"\b(?:we|wij) twijfelen\b",
            r"\bweet(?:en)? (?:ik |we |wij )?(?:het )?(?:echt |nog |gewoon |eigenlijk )?niet"
            r" (?:meer )?of (?:ik|we|wij) (?:nog )?(?:[a-z]+ )?(?:verder|door|samen"
            r"|bij elkaar|bij hem|bij haar|moeten stoppen|willen blijven|moet blijven)\b",
            r"\b(?:overweeg|overwegen|overweegt|denk erover|denken erover|denk er over"
            r"|denken er over|speel met de gedachte|spelen met de gedachte|misschien"
            r"|mogelijk) (?:[a-z]+ ){0,4}?(?:te )?(?:scheiden|scheiding|uit elkaar"
            r"|weg te gaan|te stoppen)\b",
            r"\b(?:op een kruispunt|of het nog goed komt|of het nog iets wordt"
            r"|of we het nog redden)\b",
        ),
    ),
    (
        f.SEPARATED,
        (
            r"(?<!ouders )\b(?:zijn|ben|waren|is) (?:(?!(?:niet|geen|nooit|aan|dat|als|of|bang"
            r"|voordat)\b)[a-z0-9]+ )"
            r"{0,4}?(?:gescheiden|uit elkaar)\b(?! (?:aan het|groeien|gegroeid|te groeien"
            r"|gaan|aan het groeien|gedreven))",
            r"\b(?:sinds|na) (?:de|onze|mijn|ons|de echt)? ?(?:scheiding|echtscheiding|breuk"
            r"|break up)\b",
            r"\b(?:uit elkaar gegaan|gescheiden sinds|gescheiden van|net gescheiden"
            r"|pas gescheiden|heeft me verlaten|heeft mij verlaten|is bij me weggegaan"
            r"|is bij mij weggegaan|heeft het uitgemaakt|het is uit|wonen niet meer samen"
            r"|woon niet meer samen|divorced|separated)\b",
            r"^(?:gescheiden|uit elkaar|ex|ik ben gescheiden)$",
        ),
    ),
    (
        f.SEPARATING,
        (
            _NOT_HYPOTHETICAL + r"\b(?:gaan|gaat|ga) (?:(?!(?:niet|geen|nooit)\b)[a-z]+ ){0,3}?"
            r"(?:scheiden|uit elkaar)\b",
            _NOT_HYPOTHETICAL + r"\b(?:scheiden|uit elkaar) (?:gaan|te gaan)\b",
            r"\b(?:in (?:een|de|onze) scheiding|in scheiding|aan het scheiden"
            r"|bezig met (?:de |een |onze )?(?:scheiding|scheiden)|scheiding (?:is )?"
            r"(?:aangevraagd|loopt|gestart|begonnen)|echtscheiding aangevraagd"
            r"|scheidingsprocedure|midden in (?:een|de|onze) scheiding"
            r"|(?:hebben|heb|heeft) besloten (?:om )?(?:te scheiden|uit elkaar te gaan)"
            r"|willen (?:gaan )?scheiden|wil (?:gaan )?scheiden|wil(?:len)? uit elkaar"
            r"|getting divorced|separating)\b",
            r"^(?:scheiden|bezig met scheiden|in scheiding|we gaan uit elkaar)$",
        ),
    ),
    (
        f.NO_PARTNER,
        (
            r"\b(?:geen partner|single|vrijgezel|alleenstaand[a-z]*|weduwe|weduwnaar"
            r"|no partner)\b",
            r"\b(?:ik heb|heb ik) (?:op dit moment |nu |momenteel |al lang )?geen (?:relatie"
            r"|vriend|vriendin)\b",
            r"\bik ben (?:nu |sinds kort |al lang )?alleen(?=$| met de kinderen| sinds| nu"
            r"| en| thuis met)",
            r"\b(?:mijn (?:man|vrouw|partner) is overleden|partner overleden)\b",
            r"\bik woon (?:nu |sinds kort |al lang )?alleen\b",
            r"^(?:alleen|geen|nee geen partner|geen relatie)$",
        ),
    ),
    (
        f.TOGETHER,
        (
            r"\b(?:we zijn|wij zijn|zijn we|ik ben) (?:(?!(?:niet|geen|nooit)\b)[a-z0-9]+ ){0,3}?"
            r"(?:getrouwd|gehuwd|verloofd|een stel|een koppel)\b",
            # "we zijn 10 jaar samen"; not "we zijn samen naar de huisarts geweest".
            r"\b(?:we zijn|wij zijn|zijn we) (?:(?!(?:niet|geen|nooit)\b)[a-z0-9]+ ){0,3}?samen"
            r"\b(?! (?:naar|met|op|in|uit|bij|een|de|het|ergens|iets|aan|over|voor|door|thuis"
            r"|gegeten|geweest|weg|gaan|uit eten)\b)",
            r"\b(?:we wonen samen|wij wonen samen|samenwonend|ik heb een (?:relatie|partner"
            r"|vriend|vriendin)|we hebben een relatie|(?:mijn|m) (?:man|vrouw|partner|vriend"
            r"|vriendin) en ik|married|together)\b",
            r"^(?:samen|getrouwd|samenwonend|we zijn samen|nog samen|relatie)$",
        ),
    ),
)

# --- children ------------------------------------------------------------------------------
KID_ANCHORS = frozenset(
    {"kind", "kinderen", "kindje", "kindjes", "kids", "zoon", "zoontje", "zoons", "zonen",
     "dochter", "dochtertje", "dochters", "tweeling", "jongste", "oudste", "middelste",
     "baby", "babys", "jongen", "jongens", "meisje", "meisjes", "stiefzoon", "stiefdochter",
     "stiefkinderen", "pleegkind", "pleegkinderen", "kinders", "children", "kid", "son",
     "daughter", "zoontjes", "dochtertjes", "meiden", "meid", "meidje", "kleine", "kleinste",
     "grootste", "jongetje", "peuter", "kleuter", "kleintje", "tiener", "tieners", "zoonlief",
     "jongske", "manneke", "dochterlief", "kinderkes", "ventje", "puber", "pubers"}
)
# Reading ages after an anchor stops at these words ("kinderen van 5 en 8 en we zijn 12 jaar
# samen": 12 is not a child's age).
AGE_SCAN_STOP = frozenset(
    {"we", "wij", "ik", "hij", "zij", "samen", "getrouwd", "relatie", "sinds", "geleden",
     "maar", "want", "omdat", "dus", "huwelijk", "partner", "man", "vrouw", "scheiding",
     "gescheiden", "cijfer", "rapportcijfer", "geef", "score", "ex", "iets", "avondje",
     "avond", "waarvan", "al", "keer"}
)
AGE_SCAN_WINDOW = 10
AGE_UNITS_BABY = frozenset({"maanden", "maand", "weken", "week", "dagen", "dag", "months"})
EXPECTING = (
    r"\b(?:zwanger|in verwachting|verwachten (?:[a-z0-9]+ ){0,3}?(?:een|ons|onze|de)"
    r" (?:[a-z]+ )?(?:baby|kindje|kind|tweeling|zoon|dochter)|baby op komst|kindje op komst"
    r"|uitgerekend|pregnant|expecting|net bevallen|pas bevallen|bevallen van"
    r"|pasgeboren|kraamtijd|kraamweek)\b"
)
# "ze zijn nu 8 en 10", "ze is pas 10 maanden": an age after a pronoun (read only when the
# message speaks of a child; signals/answers.py `_pronoun_ages`).
PRONOUN_AGE = r"\b(?:ze|zij|hij) (is|zijn) (?:nu |pas |net |bijna |inmiddels |al )?(?=\w)"
# A baby in the family now, whatever the older children's ages ("samen een baby").
BABY_NOW = r"\b(?:een baby|de baby|onze baby|ons baby[a-z]*|babytje|pasgeboren[a-z]*)\b"
# Words that only fit children under 18 (no age needed).
MINOR_WORDS = (
    r"\b(?:baby|babys|peuter|peuters|kleuter|kleuters|puber|pubers|tiener|tieners|kindje"
    r"|kindjes|zoontje|dochtertje|kleintje|kleintjes|basisschool|middelbare school"
    r"|minderjarig[a-z]*|kinderen onder de 18|jonge kinderen|kleine kinderen|schoolgaande"
    r"|kinderopvang|bso|consultatiebureau)\b"
)
NO_CHILDREN = (
    r"\b(?:geen (?:kinderen|kids|kind|kindjes|kinderen onder de 18|minderjarige kinderen"
    r"|jonge kinderen|thuiswonende kinderen)|kinderloos|no children|no kids)\b",
    r"\b(?:kinderen|kids|ze) (?:zijn )?(?:al )?(?:volwassen|de deur uit|uit huis"
    r"|ouder dan 18|boven de 18|meerderjarig|groot)\b",
    r"\bvolwassen kinderen\b",
)
# "we hebben 2 kinderen" as the answer to "heb je kinderen onder de 18?".
HAS_CHILDREN = (
    r"\b(?:\d+|een|twee|drie|vier|vijf|zes) (?:kinderen|kind|kids|zoons|dochters|zonen"
    r"|zoon|dochter|jongens|meisjes)\b|\b(?:we|wij|ik) (?:hebben|heb) (?:kinderen|kids"
    r"|een zoon|een dochter|een kind)\b|\bonze kinderen\b|\bmijn kinderen\b"
)

# --- agreements_possible -------------------------------------------------------------------
AGREEMENT_WORDS = r"(?:afspraken|afspraak|afspreken|overleggen|overleg|samenwerken|communiceren)"
AGREEMENT_PATTERNS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        f.SOMETIMES,
        (
            rf"\b{AGREEMENT_WORDS} (?:[a-z]+ ){{0,4}}?(?:lukt|lukken|gaat|gaan|werkt|verloopt)"
            r" (?:soms|af en toe|wisselend|niet altijd|met moeite|moeizaam|soms wel|redelijk"
            r"|matig|wel eens)\b",
            rf"\bsoms (?:lukt|kunnen we|gaat) (?:het|dat|{AGREEMENT_WORDS})\b",
            rf"\b(?:niet altijd|soms|af en toe|met moeite|moeizaam|moeilijk) (?:[a-z]+ ){{0,2}}?"
            rf"{AGREEMENT_WORDS}\b",
            rf"\b{AGREEMENT_WORDS} (?:[a-z]+ ){{0,3}}?(?:moeizaam|moeilijk|lastig|stroef)\b",
            rf"\bmeestal (?:lukt|lukken|gaat|gaan) (?:het |{AGREEMENT_WORDS} )(?:[a-z]+ ){{0,4}}?"
            r"wel\b",
        ),
    ),
    (
        f.NO,
        (
            rf"\b(?:kunnen|kan|lukt|lukken) (?:[a-z]+ ){{0,3}}?(?:geen|niet|nooit) "
            rf"(?:(?:meer|goed|samen|met elkaar|normaal) ){{0,2}}{AGREEMENT_WORDS}\b",
            rf"\b{AGREEMENT_WORDS} (?:[a-z]+ ){{0,4}}?(?:lukt|lukken|gaat|gaan|werkt|kan|kunnen)"
            r" (?:helemaal |echt |totaal |gewoon )?(?:niet|nooit|niks)\b",
            rf"\bgeen (?:enkel |goed |normaal )?{AGREEMENT_WORDS} (?:meer )?(?:mogelijk)?",
            r"\b(?:houdt|houden|komt|komen) (?:zich )?(?:niet|nooit) aan (?:de |onze |gemaakte )?"
            r"afspraken\b",
            r"\bkomen er (?:samen )?niet (?:meer )?uit\b",
            r"\b(?:we|wij) (?:kunnen|praten) (?:niet|nooit) (?:meer )?(?:normaal |met elkaar "
            r"|samen )?(?:praten|overleggen|met elkaar)\b",
            r"\bcommunicatie is (?:helemaal |compleet )?(?:weg|nul|verdwenen|slecht|dood)\b",
            r"\b(?:lukt|lukken) geen (?:enkele )?afspraak (?:meer)?\b",
            r"\b(?:worden het (?:nooit|niet) (?:meer )?eens|zijn het (?:nooit|nergens over) eens)\b",
            r"\balleen (?:nog )?via (?:de |onze )?advocaten\b",
            r"\b(?:krijgen|krijg) (?:het|dat) (?:gewoon )?niet geregeld\b",
        ),
    ),
    (
        f.YES,
        (
            rf"\b(?:kunnen|kan) (?:[a-z]+ ){{0,3}}?(?:goed|prima|wel|gewoon|nog) "
            rf"(?:(?:samen|met elkaar|goed) )?{AGREEMENT_WORDS}\b",
            rf"\b{AGREEMENT_WORDS} (?:[a-z]+ ){{0,4}}?(?:lukt|lukken|gaat|gaan|werkt|verloopt)"
            r" (?:goed|prima|wel|best|prima|uitstekend|gewoon)\b",
            r"\bkomen er (?:samen )?(?:wel |altijd |meestal )?uit\b",
            r"\b(?:goed|prima) overleg\b",
            r"\bhouden (?:ons )?(?:goed )?aan (?:de )?afspraken\b",
            r"\b(?:valt|kan) (?:goed|prima|wel) (?:mee )?te praten\b",
            r"\bco ?ouderschap (?:gaat|loopt|verloopt) (?:[a-z]+ )?(?:goed|prima)\b",
            r"\b(?:gaat|loopt|verloopt) (?:het )?co ?ouderschap (?:[a-z]+ ){0,2}?(?:goed|prima)\b",
            rf"\b{AGREEMENT_WORDS} (?:[a-z]+ ){{0,5}}?(?:gaan|gaat|lukt|lukken|loopt|lopen)"
            r" (?:eigenlijk |gewoon |best |heel |wel )*(?:goed|prima)\b",
            r"\b(?:mediator|bemiddelaar|mediation)\b(?: [a-z]+){0,4} (?:gaat|loopt|werkt)"
            r" (?:heel |best |erg )?(?:goed|prima)\b",
        ),
    ),
)
# Short answers to "Kunnen jullie samen nog afspraken maken?".
AGREEMENT_SHORT: tuple[tuple[str, str], ...] = (
    (f.SOMETIMES, r"\b(?:soms|af en toe|een beetje|beetje|wisselend|het wisselt|niet altijd"
     r"|met horten en stoten|met vallen en opstaan|met ups en downs|hangt ervan af|hangt af"
     r"|gaat wel|lukt wel eens|wel eens|weleens|redelijk|matig|moeizaam|moeilijk|lastig"
     r"|met moeite|meestal|deels|soms wel soms niet|half|sometimes)\b"),
    (f.NO, r"\b(?:nee|neen|nope|niet|nooit|geen|nauwelijks|bijna nooit|amper|totaal niet"
     r"|helemaal niet|lukt niet|onmogelijk|no)\b"),
    (f.YES, r"\b(?:ja|jawel|jazeker|yes|klopt|goed|prima|zeker|best|gewoon|lukt|lukt goed"
     r"|gaat goed|altijd)\b"),
)

# --- legal_proceedings ---------------------------------------------------------------------
LEGAL_DISPUTE_TOPICS = (
    r"(?:alimentatie|kinderalimentatie|partneralimentatie|omgang(?! met)|omgangsregeling"
    r"|ouderschapsplan|zorgregeling|voogdij|gezag|coouderschap|co ouderschap|bezoekregeling"
    r"|boedelscheiding|boedelverdeling|huis verdelen|zorgverdeling)"
)
LEGAL_DISPUTE_WORDS = (
    r"(?:ruzie|ruzies|conflict|conflicten|onenigheid|strijd|gedoe|discussie|discussies"
    r"|gevecht|oneens|niet eens|meningsverschil|problemen|probleem|gesteggel|gezeur|geruzie"
    r"|vechten|vechtscheiding|procederen|rechtszaak)"
)
LEGAL_PATTERNS = (
    r"\b(?:advocaat|advocaten|advocate|rechtszaak|rechtszaken|rechter|rechtbank|kort geding"
    r"|gerechtelijk[a-z]*|procederen|procedeert|procedeer|scheidingsprocedure|juridische"
    r" (?:strijd|procedure|stappen)|raad voor de kinderbescherming|kinderbescherming"
    r"|bijzondere curator|ondertoezichtstelling|vechtscheiding|lawyer|court)\b",
    rf"\b{LEGAL_DISPUTE_WORDS} (?:[a-z]+ ){{0,4}}?{LEGAL_DISPUTE_TOPICS}\b",
    rf"\b{LEGAL_DISPUTE_TOPICS} (?:[a-z]+ ){{0,4}}?{LEGAL_DISPUTE_WORDS}\b",
    r"\b(?:betaalt|betaald|betaalde) (?:de |geen )?alimentatie (?:niet|nooit|te laat|niet op tijd"
    r"|nooit op tijd)\b",
    r"\bouderschapsplan (?:komt|krijgen we) (?:[a-z]+ ){0,3}?(?:niet|nooit)\b",
)
NO_LEGAL_PATTERNS = (
    r"\b(?:geen|zonder) (?:advocaat|advocaten|rechtszaak|rechter|juridische|gedoe over)\b",
    r"\bniet (?:naar|via) de rechter\b",
)

# --- other_problems ------------------------------------------------------------------------
PROBLEM_PATTERNS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        f.MONEY,
        (
            r"\b(?:schulden|in de schuld|schuldhulp[a-z]*|schuldsanering|betalingsachterstand"
            r"|achterstanden|huurachterstand|deurwaarder|deurwaarders|incasso|aanmaningen"
            r"|geldzorgen|geldproblemen|geld problemen|financiele (?:problemen|zorgen|stress"
            r"|nood|situatie)|financieel (?:krap|moeilijk|lastig|zwaar)|krap bij kas"
            r"|geen geld|weinig geld|te weinig geld|armoede|bewindvoering|bewindvoerder"
            r"|voedselbank|rood staan|sta rood|staan rood|gokschulden|bijstand|debts|money)\b",
            r"\b(?:niet|nauwelijks|amper|moeilijk) (?:meer )?rond(?:komen)?\b",
            r"\b(?:verdien|verdient|verdienen) (?:[a-z]+ ){0,2}?(?:niet (?:zo ?veel|genoeg)|weinig"
            r"|te weinig)\b",
            r"\b(?:huur|rekeningen|energierekening) (?:[a-z]+ ){0,2}niet (?:meer )?"
            r"(?:betalen|betaald)\b",
            r"\b(?:geen eigen inkomen|financieel (?:afhankelijk|onderuit|een zware tijd)"
            r"|zware tijd financieel|geen geld voor|niet betalen|kunnen we niet betalen"
            r"|betaalt (?:niks|niets|geen alimentatie)|beslag op)\b",
        ),
    ),
    (
        f.HOUSING,
        (
            r"\b(?:geen (?:huis|woning|woonruimte|dak boven (?:mijn|ons) hoofd|onderdak"
            r"|plek om te wonen|eigen plek|eigen huis)|dakloos|thuisloos|woningnood"
            r"|woningzoekend[a-z]*|urgentieverklaring|urgentie voor een woning"
            r"|uit huis gezet|huisuitzetting|uitzetting|ontruiming|antikraak|noodopvang"
            r"|huisvesting|housing|homeless)\b",
            r"\b(?:moet|moeten) (?:het|ons|mijn) huis uit\b",
            r"\b(?:vind|vinden|kan|kunnen) (?:geen|nergens een) (?:huis|woning)\b",
            r"\bkan (?:nergens|niet) (?:heen|wonen)\b",
            r"\b(?:slaap|woon|wonen|slapen) (?:nu |tijdelijk |noodgedwongen |weer )?(?:bij"
            r" (?:vrienden|mijn ouders|mijn moeder|mijn vader|mijn zus|mijn broer|familie)"
            r"|in de auto|in een camper)\b",
            r"\b(?:huis|woning) (?:kwijt|verkopen|verkocht moet)\b",
            r"\b(?:huurcontract|huurwoning|hypotheek|koophuis|op een kamer|vakantiepark"
            r"|geen plek|wie (?:er )?in het huis|in het huis (?:blijven|wonen)|het huis (?:niet )?"
            r"(?:verlaten|verlaat|gehouden|houden)|wonen (?:noodgedwongen )?nog samen"
            r"|nog samen in (?:hetzelfde|een) huis|hetzelfde huis)\b",
        ),
    ),
    (
        f.WORK,
        (
            r"\b(?:werk kwijt|baan kwijt|ontslagen|ontslag gekregen|ontslag gehad|werkloos"
            r"|geen werk|geen baan|zonder werk|zonder baan|in de ww|ww uitkering"
            r"|arbeidsongeschikt|werkstress|werkdruk|reorganisatie|failliet|jobless"
            r"|lost my job|unemployed|niet meer werken|kan niet werken|werk zoeken|samen een bedrijf"
            r"|baan kwijtgeraakt|werk kwijtgeraakt|baan verloren|werk verloren"
            r"|ons bedrijf|mijn baan opgeven)\b",
            r"\b(?:problemen|stress|gedoe|ruzie|conflict) (?:op|met|van) (?:het|mijn|zijn"
            r"|haar) (?:werk|baas|baan)\b",
        ),
    ),
    (
        f.HEALTH,
        (
            r"\b(?:ziekte|zieke|kanker|chronisch|depressie|depressief|burnout|burn out"
            r"|overspannen|psychisch|psychische|psychiatrisch[a-z]*|angststoornis"
            r"|angstklachten|paniekaanvallen|ptss|trauma|ggz|ziekenhuis|operatie|handicap"
            r"|gehandicapt|beperking|dementie|parkinson|hartaanval|herseninfarct"
            r"|gezondheidsproblemen|gezondheidsklachten|slechte gezondheid|lichamelijke"
            r" klachten|pijnklachten|rugklachten|adhd|autisme|bipolair|sick|hersenbloeding"
            r"|chronische pijn|vergeetachtig|mantelzorger|behandeling)\b",
            # "ik ben ziek", but "ik word ziek van die ruzies" is an idiom.
            r"\bziek\b(?! van\b)",
            r"\bzorgen (?:om|over) (?:mijn|zijn|haar|onze) gezondheid\b",
        ),
    ),
    (
        f.ADDICTION,
        (
            r"\b(?:verslaafd|verslaving|verslavingsproblemen|alcohol|alcoholist|alcoholisme"
            r"|drankprobleem|drankprobleem|drugs|blowt|blowen|coke|cocaine|gokt|gokken|gokte"
            r"|gokten|gokker|gokprobleem"
            r"|gokverslaving|gokschulden|zuipt|zuipen|dronken|drank|speed|xtc|heroine"
            r"|addiction|addicted|drinks too much)\b",
            r"\b(?:drinkt|drink|drinken|dronk) (?:veel |echt |gewoon |wel )?(?:te veel|teveel"
            r"|te vaak|elke avond|iedere avond|alcohol|bier|wijn|sterke drank)\b",
            r"\b(?:hij|zij|ze|partner|man|vrouw|vriend|vriendin|ex) drinkt$",
        ),
    ),
)
# Short answers to "Zijn er andere zorgen?" (requested = other_problems).
PROBLEM_SHORT: tuple[tuple[str, str], ...] = (
    (f.MONEY, r"\b(?:geld|financien|financieel|schuld|schulden|rekeningen)\b"),
    (f.HOUSING, r"\b(?:huis|woning|wonen|woonruimte|huisvesting)\b"),
    (f.WORK, r"\b(?:werk|baan|job|baas)\b"),
    (f.HEALTH, r"\b(?:gezondheid|ziek|ziekte|psychisch|lichamelijk)\b"),
    (f.ADDICTION, r"\b(?:verslaving|drank|alcohol|drugs|gokken|drinken)\b"),
)

# --- goal ----------------------------------------------------------------------------------
GOAL_PATTERNS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        f.SEPARATE_WELL,
        (
            r"\b(?:goed|netjes|fatsoenlijk|vreedzaam|rustig|in goed overleg|zonder ruzie"
            r"|zonder gedoe|als vrienden|met respect|in alle rust|vriendschappelijk|in harmonie)"
            r" (?:[a-z]+ ){0,2}?(?:uit elkaar|scheiden|afscheid|uiteen)\b",
            r"\bop een (?:goede|nette|fijne|rustige|normale|respectvolle|vriendelijke) manier"
            r" (?:[a-z]+ ){0,2}?(?:uit elkaar|scheiden|afscheid)\b",
            r"\b(?:netjes doen|op een goede manier|op een goei manier|zonder advocaten"
            r"|zonder ruzie doen)\b",
            r"\b(?:goede scheiding|scheiding goed (?:regelen|afronden|laten verlopen)"
            r"|goede ouders blijven|samen ouders blijven|goed co ouderschap"
            r"|goed coouderschap|goede afspraken (?:maken )?over de kinderen)\b",
            # what a separating parent wants for the children
            r"\b(?:rust|duidelijkheid|stabiliteit|veiligheid) (?:[a-z]+ ){0,2}?voor de"
            r" (?:kinderen|kids|kinders)\b",
            r"\b(?:kinderen|kids|kinders) (?:[a-z]+ ){0,3}?(?:niet (?:de )?dupe|niet (?:meer )?"
            r"(?:tussen|in het midden)|er (?:niet|geen) last van|er niet onder (?:lijden|te lijden)"
            r"|rust (?:krijgen|hebben))\b",
            r"\b(?:niet|nooit) (?:[a-z]+ ){0,2}?(?:de )?dupe (?:worden|zijn)\b",
            r"\bouderschapsplan (?:[a-z]+ ){0,2}?(?:maken|opstellen|regelen|afronden)\b",
            r"\b(?:goede|normale|betere) ouders (?:[a-z]+ ){0,2}?(?:zijn|blijven|worden)\b",
            r"\b(?:als ouders|samen als ouders) (?:[a-z]+ ){0,2}?(?:samenwerken|door een deur"
            r"|door 1 deur|op een lijn)\b",
            r"\b(?:met (?:mijn|m n|mn) ex|met elkaar als ouders) (?:[a-z]+ ){0,3}?(?:normaal"
            r"|beter|goed) (?:kunnen )?(?:omgaan|communiceren|overleggen|praten|afspraken)\b",
        ),
    ),
    (
        f.MAINTENANCE,
        (
            r"\b(?:onderhoud|relatieonderhoud|apk|relatieapk|sterk houden|goed houden"
            r"|fris houden|investeren in (?:onze|de|ons) relatie|preventief|tips (?:voor|om)"
            r"|nieuwsgierig|uit interesse|het gaat (?:eigenlijk )?(?:goed|prima) (?:met ons"
            r"|tussen ons)|gewoon (?:wat )?tips|opfrisser|een soort check|gezonde relatie"
            r"|voordat het misgaat|relatie is goed|het goed aanpakken)\b",
        ),
    ),
    (
        f.UNSURE,
        (
            r"\b(?:weet|weten) (?:ik |we |wij )?(?:het )?(?:nog |echt |gewoon )?niet"
            r" (?:goed |zo goed )?wat (?:ik|we|wij) (?:wil|willen|moet|moeten)\b",
            r"\bgeen idee wat (?:ik|we|wij) (?:wil|willen)\b",
            r"\btwijfel (?:tussen|over wat|over mijn relatie|over onze relatie)\b",
            r"\b(?:weet|weten) (?:ik |we )?niet of (?:het|ik|we) (?:nog )?(?:wat wordt|dit kan"
            r"|verder wil|verder willen|kan opgeven)\b",
            r"\b(?:eerlijk )?uitzoeken (?:voordat|of)\b",
        ),
    ),
    (
        f.IMPROVE,
        (
            r"\b(?:samen verder|beter maken|verbeteren|verbetering|weer gelukkig"
            r"|weer dichter bij elkaar|bij elkaar blijven|samen blijven|minder ruzie"
            r"|beter communiceren|beter met elkaar praten|elkaar weer vinden"
            r"|elkaar weer begrijpen|het weer goed maken|het goedmaken|ervoor gaan"
            r"|aan (?:onze|de|ons) relatie werken|aan ons werken|sterker maken|versterken"
            r"|weer leuk|weer fijn|niet scheiden|niet uit elkaar|relatie redden"
            r"|huwelijk redden|relatie versterken|relatie verbeteren)\b",
            r"\b(?:we|wij) (?:willen|gaan) (?:het )?(?:nog )?(?:graag )?(?:samen )?(?:verder"
            r"|door)\b(?! met de (?:vragen|vragenlijst))",
            r"\b(?:wil|willen) (?:[a-z]+ ){0,2}?verder met (?:hem|haar|mijn (?:man|vrouw|partner"
            r"|vriend|vriendin)|elkaar|ons|onze relatie)\b",
            r"\b(?:we|wij|ik) (?:wil|willen) (?:het )?(?:graag )?(?:weer )?beter (?:hebben"
            r"|maken|krijgen)\b",
            r"\b(?:dat het|het) (?:weer )?beter (?:gaat|wordt|word|gaan)\b",
            r"\b(?:weer een team|elkaar (?:weer )?terug (?:te )?vinden|opnieuw (?:kunnen )?beginnen"
            r"|terug naar hoe het (?:vroeger )?was|er samen uit (?:te )?komen|samen eruit komen"
            r"|samen proberen|het samen proberen|zo willen we niet verder|werken aan onze relatie"
            r"|aan onze relatie werken|op orde hebben)\b",
            r"\b(?:leren|weer|beter (?:leren)?) (?:[a-z]+ ){0,2}?(?:communiceren|naar elkaar"
            r" luisteren|met elkaar praten)\b",
            r"\b(?:de vonk|verbinding|connectie|de liefde) (?:[a-z]+ ){0,2}?(?:terug|weer"
            r" vinden|terugvinden|herstellen)\b",
            r"\b(?:nog|nog een|een laatste|een tweede) kans\b",
            r"\b(?:niet|nog niet) (?:[a-z]+ )?opgeven\b",
            r"\b(?:relatie|huwelijk|wat we hebben) (?:[a-z]+ ){0,2}?redden\b",
            r"\b(?:te redden|nog te redden)\b(?! (?:valt|is) of)",
            r"\b(?:ruzies?|het ruziemaken|gekibbel) (?:[a-z]+ ){0,3}?(?:stoppen|verminderen"
            r"|doorbreken)\b",
            r"\b(?:gelukkiger|weer verliefd|weer intiem|weer lol|weer plezier|weer samen lachen)\b",
            r"\b(?:relatietherapie|relatietherapeut|relatiecoach|relatiecursus|relatietraining"
            r"|houd me vast|samen in therapie|samen naar een therapeut)\b",
        ),
    ),
)
# Words that turn an "improve" phrase into doubt: "we twijfelen of we nog verder willen".
# Bare "of" is no doubt: "we willen kijken of we opnieuw kunnen beginnen" is a goal.
DOUBT_BEFORE_IMPROVE = (r"\b(?:twijfel[a-z]*|weet niet|weten niet|weet ik niet|misschien|als"
                        r"|af of|niet zeker of|nog niet of)\b")
# Short answers to "Wat wil je bereiken?", in the order they are tried.
GOAL_SHORT: tuple[tuple[str, str], ...] = (
    (f.UNSURE, r"\b(?:twijfel[a-z]*|twjfel|twijfl|weet niet wat|geen idee wat|onzeker|not sure"
     r"|confused|stay or leave|blijven of (?:gaan|weggaan|niet|ni)|gaan of blijven|ertussenin"
     r"|het ene moment|wil weg maar|duidelijkheid|helderheid|keuze maken|knoop doorhakken"
     r"|beslissing|beslissen|kiezen|nog zin heeft|nog zin|of er nog liefde|na (?:te )?denken of"
     r"|pauze|weet het niet meer)\b"),
    (f.IMPROVE, r"\b(?:geen ruzie|geen scheiding|niet scheiden|niet kwijt|niet dat het misloopt"
     r"|niet dat het misgaat|niet uit elkaar)\b"),
    (f.SEPARATE_WELL, r"\b(?:geen vechtscheiding|zonder vechtscheiding|zonder ruzie|zonder gedoe"
     r"|uit elkaar|scheiden|scheiding|afscheid|ouderschapsplan"
     r"|separate|divorce|amicable|vechtscheiding|eerlijke verdeling|verdeling"
     r"|scheidingsbemiddeling|bemiddeling|mediation|mediator|goede ouders|samen ouders"
     r"|co ouder[a-z]*|de kinderen niet|voor de kinderen)\b"),
    (f.MAINTENANCE, r"\b(?:onderhoud|goed houden|sterk houden|tips|zo houden|zo blijft|zo blijven"
     r"|check|checkup|apk|opfrisser|opfrissen|voorkomen|nieuwsgierig|curious|preventief"
     r"|gaat goed|gaat prima|niks mis|niets mis)\b"),
    (f.IMPROVE, r"\b(?:verbeteren|beter|samen|samenverder|same verder|verder|redden|herstel[a-z]*"
     r"|vertrouwen|vechten|ervoor gaan|er (?:nog )?voor gaan|gaan ervoor|poging|frisse start"
     r"|opnieuw beginnen|huisgenoten|ruzie|gezellig|verandert|veranderen|ziet staan|aandacht"
     r"|kwijt|misloopt|misgaat|terug bij elkaar|terug goed|terug goe|als vroeger|overeenkomen"
     r"|weer (?:gewoon )?(?:kunnen )?praten|stay together|fix|make it work|work on it|ensemble"
     r"|terug)\b"),
)

# --- partner_willing -----------------------------------------------------------------------
PARTNER_SUBJECT = (
    r"(?:hij|zij|ze|mijn (?:man|vrouw|partner|vriend|vriendin|echtgenoot|echtgenote|lief"
    r"|ex|exman|exvrouw|expartner)|partner)"
)
PARTNER_PATTERNS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        f.UNKNOWN,
        (
            rf"\b(?:weet|weten) (?:ik |we )?(?:het )?(?:nog )?niet of {PARTNER_SUBJECT}\b",
            rf"\b(?:nog )?niet (?:aan {PARTNER_SUBJECT} )?gevraagd\b",
            r"\b(?:nog )?niet (?:over )?(?:overlegd|besproken)\b",
            rf"\b{PARTNER_SUBJECT} weet (?:het |er )?(?:nog )?(?:niet|niks|niets)(?: van)?\b",
        ),
    ),
    (
        f.NO,
        (
            rf"\b{PARTNER_SUBJECT} (?:[a-z]+ ){{0,2}}?(?:wil|wilt|willen) (?:er )?(?:niet|geen"
            r"|nooit|niks|niets) (?:[a-z]+ ){0,2}?(?:mee|meedoen|hulp|praten|therapie|meewerken"
            r"|cursus|aan meedoen|aan|van weten)\b",
            rf"\b{PARTNER_SUBJECT} (?:[a-z]+ ){{0,2}}?(?:staat|staan) (?:er |ervoor )?niet "
            r"(?:voor )?open\b",
            rf"\b{PARTNER_SUBJECT} (?:[a-z]+ ){{0,2}}?(?:weigert|doet niet mee|is niet bereid"
            r"|ziet het niet zitten|ziet er niks in|ziet er niets in|vindt het onzin)\b",
            rf"\b{PARTNER_SUBJECT} (?:vindt|noemt) (?:hulp|therapie|praten|een cursus) "
            r"(?:onzin|zweverig|niks|niets|overbodig|zonde)\b",
            rf"\b{PARTNER_SUBJECT} (?:ziet|snapt) (?:het nut|de zin) (?:van [a-z]+ )?niet\b",
            rf"\b{PARTNER_SUBJECT} wil niet\b",
            r"\bzonder (?:mijn )?(?:partner|man|vrouw|vriend|vriendin)\b",
        ),
    ),
    (
        f.YES,
        (
            rf"\b{PARTNER_SUBJECT} (?:[a-z]+ ){{0,2}}?(?:wil|wilt|willen) (?:ook |wel |graag "
            r"|zeker |heel graag )*(?:mee|meedoen|meewerken|hulp|praten|een cursus"
            r"|eraan werken)\b",
            rf"\b{PARTNER_SUBJECT} (?:[a-z]+ ){{0,2}}?(?:staat|staan) (?:er |ervoor )?(?:ook |wel "
            r"|zeker )?(?:voor )?open\b",
            rf"\b{PARTNER_SUBJECT} (?:is|was) (?:ook |wel |zeker )?(?:bereid|akkoord"
            r"|gemotiveerd|enthousiast)\b",
            r"\b(?:we|wij) (?:willen|staan) (?:het |er )?(?:allebei|alle twee|beiden)\b",
            r"\b(?:we|wij) (?:willen|zijn) (?:allebei|alle twee|beiden) (?:[a-z]+ ){0,2}?"
            r"(?:mee|hulp|bereid|gemotiveerd)\b",
            rf"\b{PARTNER_SUBJECT} (?:wil|wilt|zou) (?:ook |wel |graag |best )+(?:[a-z]+ ){{0,4}}?"
            r"(?:doen|praten|cursus|proberen|hulp|naar|mee|komen|kijken|werken)\b",
            rf"\b{PARTNER_SUBJECT} wil wel\b",
            rf"\b{PARTNER_SUBJECT} (?:wil|wilt) (?:ook |wel |graag )*(?:mee|meedoen|meekomen"
            r"|samen)\b",
            r"\b(?:we|wij) (?:willen|zouden) (?:graag |wel |het wel |allebei |alle twee |beiden )+"
            r"(?:samen )?(?:[a-z]+ ){0,3}?(?:proberen|praten|kijken|werken|uitzoeken|cursus"
            r"|avond|hulp|iets)\b",
            r"\b(?:we|wij) willen (?:graag )?samen (?:met iemand|iets|kijken|hulp|eruit|er uit"
            r"|praten|werken|proberen)\b",
            r"\b(?:we|wij) willen allebei\b",
            r"\bwillen (?:we|wij) (?:graag |wel |allebei )*samen\b",
            r"\b(?:ouders|beiden|ze allebei|wij allebei) willen (?:allebei |beiden )?(?:wel )?hulp\b",
            r"\b(?:hij|zij|ze) ziet (?:dat|da|het) ook zo\b",
            r"\bsamen met (?:mij|ons) (?:met iemand|naar)\b",
            # "we" is the couple: "we willen het goed aanpakken", "een avondje lijkt ons fijn"
            r"\b(?:we|wij) (?:willen|zouden (?:graag|wel)|zijn (?:allebei )?toe aan)\b",
            r"\blijkt ons\b",
        ),
    ),
)
PARTNER_SHORT_UNKNOWN = r"\b(?:misschien|weet niet|geen idee|nog niet gevraagd|twijfel|wellicht)\b"

# --- preference ----------------------------------------------------------------------------
PREFERENCE_PATTERNS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        f.NONE,
        (
            r"\b(?:geen voorkeur|maakt (?:me |mij |ons )?(?:niet|niks|niets) (?:zoveel )?uit"
            r"|om het even|alles is (?:goed|prima) voor (?:mij|me|ons)|geen van (?:beide|allen|deze|alle)"
            r"|no preference)\b",
        ),
    ),
    (
        f.ONLINE,
        (
            r"\bonline\b(?=$| (?:hulp|programma|cursus|training|gesprek|gesprekken|therapie"
            r"|traject|aanbod|modules|variant|versie|lijkt|is|prima|graag|doen))",
            r"\b(?:liefst|liever|graag|voorkeur voor|het liefst|prefereer|kies voor|wil|willen"
            r"|doen we|iets) (?:[a-z]+ ){0,2}?online\b",
            r"\b(?:via (?:internet|de computer|de laptop|video|beeldbellen|zoom|teams|een app)"
            r"|achter (?:de|mijn|onze) (?:laptop|computer|pc)|thuis (?:achter|vanaf|via"
            r"|in (?:mijn|ons|onze) eigen)|vanuit huis|van thuis uit|in (?:mijn|ons|onze) eigen"
            r" (?:tempo|tijd)|op (?:mijn|ons|onze) eigen (?:tijd|tempo)|beeldbellen|videobellen"
            r"|thuisprogramma)\b",
            r"^(?:online|thuis|via internet|op de computer|laptop)$",
            r"\b(?:als het online kan|online hulp|online zou|online willen|online proberen"
            r"|iets online|of online|online op een|online want)\b",
        ),
    ),
    (
        f.GROUP,
        (
            r"\b(?:in een groep|in groepsverband|groepje|groepscursus|groepstraining"
            r"|groepsprogramma|groepsaanbod|met andere (?:stellen|ouders|koppels|mensen|paren)"
            r"|samen met anderen|houd me vast|samen sterker|in a group)\b",
            r"^(?:groep|een groep|de groep|groepje)$",
            r"\b(?:een )?groep (?:met|van) (?:andere|lotgenoten|aanstaande)\b",
        ),
    ),
    (
        f.ONE_EVENING,
        (
            r"\b(?:een|1) (?:avond|avondje)\b(?=$| (?:cursus|workshop|training|bijeenkomst"
            r"|lijkt|is|prima|graag))",
            r"\b(?:liefst|liever|graag|alleen|maar|gewoon|wil|willen) (?:[a-z]+ ){0,2}?"
            r"(?:een|1) (?:avond|avondje)\b",
            r"\b(?:avondje|eenmalig[a-z]*|workshop|relatie apk|relatieapk|apk avond|een keer"
            r" iets)\b",
            r"^(?:avond|een avond|1 avond|apk)$",
        ),
    ),
    (
        f.PROFESSIONAL,
        (
            r"\bmet (?:iemand|een professional|een hulpverlener|een therapeut"
            r"|een relatietherapeut|een coach|een deskundige|een maatschappelijk werker"
            r"|een psycholoog|een expert|een counselor|een mens|een echt persoon) "
            r"(?:[a-z]+ ){0,2}?(?:praten|spreken|een gesprek|gesprekken|in gesprek)\b",
            r"\b(?:praten|gesprek|gesprekken|spreken|gesprekje) met (?:iemand|een (?:professional"
            r"|hulpverlener|therapeut|relatietherapeut|coach|deskundige|psycholoog|expert"
            r"|maatschappelijk werker))\b",
            r"\b(?:relatietherapie|relatietherapeut|therapeut|persoonlijk(?:e)? (?:gesprek"
            r"|gesprekken|begeleiding)|face to face|1 op 1|een op een|individuele gesprekken"
            r"|talk to someone)\b",
            r"^(?:praten|gesprek|gesprekken|iemand spreken|met iemand praten)$",
            r"\b(?:kan|kunnen|wil|zou) iemand met (?:mij|me|ons) (?:praten|prate|spreken)\b",
            r"\b(?:met|iemand) (?:[a-z]+ ){0,2}?(?:praten|prate) (?:[a-z]+ ){0,2}?"
            r"(?:voor mezelf|alleen voor mij|neutraal|met ons)\b",
        ),
    ),
)

# --- barriers ------------------------------------------------------------------------------
BARRIER_PATTERNS: tuple[tuple[str, tuple[str, ...]], ...] = (

    (
        f.TIME,
        (
            r"\b(?:geen tijd|weinig tijd|te weinig tijd|tijdgebrek|druk (?:leven|baan|werk"
            r"|gezin|schema|met werk)|drukke (?:baan|banen|agenda|tijd)|ik heb het (?:te |heel "
            r"|erg |zo )?druk|we hebben het (?:te |heel |erg |zo )?druk|onregelmatige"
            r" (?:diensten|werktijden)|ploegendienst|nachtdienst|nachtdiensten|geen oppas"
            r"|moeilijk vrij|lastig vrij|werk fulltime|werken allebei fulltime|no time"
            r"|werk onregelmatig|onregelmatig werk|super busy|busy|in ploegen|'s avonds en in het"
            r"|druk druk|zijn (?:allebei |erg |heel |zo )?druk|werk in ploeg[a-z]*"
            r" weekend|s avonds en in het weekend|eigen tempo)\b",
            r"\btijd (?:is|blijft) (?:een |het )?(?:probleem|lastig|krap)\b",
        ),
    ),
    (
        f.SHAME,
        (
            r"\b(?:schaam|schaamt|schamen|schaamte|gene|genant|taboe|schande"
            r"|niemand mag (?:het )?weten|ashamed|embarrassed)\b(?! (?:me |mij |ons )?"
            r"(?:niet|nergens)\b)",
            r"\bdurf (?:het |dat )?(?:niet|nauwelijks) (?:goed )?(?:te )?(?:vertellen|zeggen"
            r"|vragen)\b",
            r"\bwat (?:zullen|moeten|denken|vinden) (?:de )?(?:mensen|anderen|buren|familie)\b",
            r"\b(?:eng|spannend|moeilijk) om (?:hulp|het) (?:te )?(?:vragen|vertellen|zoeken)\b",
            r"\b(?:drempel|stap) (?:is )?(?:te )?(?:groot|hoog)\b",
            r"\b(?:niet )?(?:vertellen|vertel|praten|delen) (?:[a-z]+ ){0,2}?(?:aan|met|bij) (?:vreemden"
            r"|onbekenden|andere mensen|een groep)\b",
            r"\b(?:aan|met|bij) (?:vreemden|onbekenden) (?:[a-z]+ ){0,2}?(?:vertellen|praten"
            r"|delen)\b",
        ),
    ),
    (
        f.DISTANCE,
        (
            r"\b(?:te ver|ver weg|(?:geen|zonder) (?:auto|vervoer|rijbewijs)|reistijd"
            r"|reisafstand|slecht bereikbaar|moeilijk bereikbaar|buitengebied|platteland"
            r"|kan er niet komen|kan daar niet komen|slecht ter been|rolstoel|too far)\b",
            r"(?<!emotionele )(?<!veel )\bafstand\b(?! (?:tussen|van elkaar|genomen|nemen"
            r"|gegroeid|gekomen|ontstaan|ons)\b)(?=.*\b(?:ver|reizen|km|kilometer|groot|te)\b)",
        ),
    ),
    (
        f.MONEY,
        (
            r"\b(?:te duur|kost (?:te |veel |teveel )(?:geld)?|kosten (?:te |veel )"
            r"|geen geld (?:voor|om)|te weinig geld (?:voor|om)|eigen bijdrage|eigen risico"
            r"|niet betaalbaar|onbetaalbaar|too expensive)\b",
            r"\b(?:kan|kunnen) (?:het |dat |dit )?niet betalen\b",
            r"\b(?:kunnen|kan) (?:we|ik) (?:dat |het |die )?niet betalen\b",
            r"\b(?:dure therapie|niet te betalen|gratis of goedkoop)\b",
        ),
    ),
    (
        f.LANGUAGE,
        (
            r"\b(?:spreek|spreken|praat|praten|begrijp|begrijpen|versta|verstaan|lees|schrijf)"
            r" (?:[a-z]+ ){0,2}?(?:slecht|weinig|niet goed|niet zo goed|geen|een beetje"
            r"|niet veel|matig|gebrekkig|nauwelijks|niet)(?: [a-z]+)? nederlands\b",
            r"\bnederlands is (?:[a-z]+ )?(?:moeilijk|slecht|lastig|niet goed|niet zo goed)\b",
            r"\b(?:slecht|weinig|gebrekkig|beetje|matig) nederlands\b",
            r"\b(?:andere taal|tolk|vertaler|vertaling|in het engels|english|in het arabisch"
            r"|in het turks|in het pools|taalbarriere|taalprobleem|taalproblemen"
            r"|dont speak dutch|do not speak dutch|no dutch|little dutch)\b",
            r"\btaal is (?:[a-z]+ )?(?:moeilijk|een probleem|lastig)\b",
        ),
    ),
)
BARRIER_SHORT: tuple[tuple[str, str], ...] = (
    (f.TIME, r"\b(?:tijd|druk|drukte)\b"),
    (f.SHAME, r"\b(?:schaamte|schaam|gene|spannend|eng)\b"),
    (f.DISTANCE, r"\b(?:afstand|reizen|vervoer|ver)\b"),
    (f.MONEY, r"\b(?:geld|kosten|duur|prijs|betalen)\b"),
    (f.LANGUAGE, r"\b(?:taal|nederlands|tolk)\b"),
)
# "Wat past het best bij jou?" — "alles is goed", "maakt niet uit": no preference.
ANY_IS_FINE = (
    r"^(?:alles|alles is goed|alles prima|alles is prima|maakt niet uit|maakt me niet uit"
    r"|om het even|boeit niet|wat jullie willen|geen voorkeur|doe maar wat)\b"
)
NONE_OF_THESE = r"^(?:nee|neen|nope|geen|niks|niets|nee hoor|geen enkele|geen zorgen|no|none)\b"

# Extra spellings for answers on top of the danger lexicon's MISSPELLINGS.
ANSWER_MISSPELLINGS: dict[str, str] = {
    "jaa": "ja", "jahoor": "ja hoor", "jaaa": "ja", "neee": "nee", "nee": "nee",
    "neh": "nee", "nah": "nah", "ok": "ok", "oke": "oke", "okee": "oke", "okey": "oke",
    "gescheide": "gescheiden", "gescheiden": "gescheiden", "gescheidden": "gescheiden",
    "scheide": "scheiden", "sheiden": "scheiden", "schijden": "scheiden",
    "twijfellen": "twijfelen", "twijfels": "twijfel", "twijfelt": "twijfel",
    "twijfelen": "twijfelen", "twijvel": "twijfel", "twyfel": "twijfel",
    "advokaat": "advocaat", "avocaat": "advocaat", "advocaaat": "advocaat",
    "alimentaties": "alimentatie", "alementatie": "alimentatie",
    "zwanger": "zwanger", "swanger": "zwanger", "zwangerr": "zwanger",
    "kinderen": "kinderen", "dochtr": "dochter", "zoon": "zoon",
    "co": "co", "coouderschap": "coouderschap",
    "online": "online", "onlien": "online", "onine": "online",
    "groepje": "groepje", "verslaaft": "verslaafd", "verslaafd": "verslaafd",
    "schaam": "schaam", "schaamm": "schaam", "tyd": "tijd",
    "gene": "gene", "burnout": "burnout",
    # chat abbreviations
    "mss": "misschien", "miss": "misschien", "wss": "waarschijnlijk", "idd": "inderdaad",
    "neenee": "nee nee", "neeneenee": "nee nee", "jajaja": "ja", "kweenie": "weet ik niet",
    "kwenie": "weet ik niet", "weetniet": "weet niet", "samenwonent": "samenwonend",
    "uitelkaar": "uit elkaar", "uitmekaar": "uit elkaar", "alimentaie": "alimentatie",
    "aant": "aan het", "ant": "aan het", "ni": "niet", "nie": "niet", "goe": "goed",
    "tis": "het is", "da": "dat",
}

# --- relationship_status implied ------------------------------------------------------------
# Read only when no pattern above matched: a story that speaks of "mijn ex" is about life after
# a separation; one that speaks of "mijn man", "onze relatie" or "7 jaar samen" in the present
# is about a couple together. Separated first ("mijn ex en ik" is no couple).
_PARTNER_NOUNS = (r"(?:man|vrouw|vriend|vriendin|partner|echtgenoot|echtgenote|vent|lief"
                  r"|verloofde|schat|husband|wife|boyfriend|girlfriend)")
IMPLIED_STATUS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        f.DOUBTING,
        (
            r"\b(?:een pauze|relatiepauze|relatie pauze|even apart|een break)\b",
            r"\b(?:weet|weten) (?:ik |we )?(?:niet|nie) (?:meer )?of (?:het|ik|we|wij) (?:nog )?"
            r"(?:wat wordt|verder|hem nog|haar nog|dit kan|doorgaan|blijven|bij hem|bij haar)\b",
            r"\bniet meer verliefd\b",
        ),
    ),
    (
        f.SEPARATING,
        (r"\b(?:vechtscheiding|echtscheiding|in scheiding|scheidingsprocedure)\b",),
    ),
    (
        f.SEPARATED,
        (
            r"\b(?:mijn|m n|mn|mijne) (?:ex|exman|exvrouw|expartner|ex partner|ex man|ex vrouw"
            r"|exvriend|exvriendin)\b",
            r"\b(?:co ouder[a-z]*|coouderschap|co parenting|omgangsregeling|bezoekregeling)\b",
            r"\b(?:bij|van|naar) hun (?:vader|moeder|papa|mama)\b",
            r"\bhun (?:vader|moeder|papa|mama) (?:[a-z]+ ){0,3}?(?:kwam|komt|haalt|brengt|heeft"
            r"|opdagen|ophalen|afzeggen)\b",
            r"\b(?:procedure|zaak|rechtszaak|ruzie|strijd) over (?:de )?omgang\b",
            r"\b(?:is|was) (?:het )?(?:nu )?voorbij\b",
            r"\b(?:relatie|huwelijk) (?:[a-z]+ ){0,4}?(?:beeindigd|verbroken|uitgemaakt)\b",
        ),
    ),
    (
        f.TOGETHER,
        (
            rf"\b(?:mijn|m n|mn|mijne) {_PARTNER_NOUNS}\b",
            r"\b(?:jaar|maanden|jaren) (?:samen|getrouwd)\b",
            r"\b(?:we|wij) zijn (?:[a-z0-9]+ ){0,3}?(?:samen|getrouwd|een stel|een koppel)\b",
            r"\b(?:als stel|als koppel|wij als ouders|een jong stel|samen sinds)\b",
            r"\b(?:een relatie met|relatie met een)\b",
            r"\b(?:vriend|vriendin|man|vrouw|partner) en ik\b",
            r"\bnog samen\b",
            r"\b(?:mijn|onze) relatie (?:loopt|is|gaat|staat|zit|voelt)\b",
            r"\bons huwelijk\b",
            r"\b(?:we|wij) willen (?:allebei|alle twee|beiden) (?:dat (?:het|onze relatie)"
            r" )?(?:beter|weer)\b",
        ),
    ),
)

# --- Someone types for someone else -------------------------------------------------------
# "ik typ namens haar", "ik ben wijkcoach en zit hier met een moeder": the questions are then
# asked in the intake wording ("Vraag of …"), for the person at the keyboard (issue #8).
ON_BEHALF = (
    r"\b(?:typ|type|schrijf|vul|chat|doe dit|vraag dit|vraag het)\b(?: [a-z]+){0,3}? namens\b",
    r"\bnamens (?:mijn |een |de )?(?:client|cliente|clienten|haar|hem|zus|broer|vriendin|vriend"
    r"|moeder|vader|dochter|zoon|buurvrouw|collega|gezin|ouders)\b",
    r"^(?:ik ben|als) (?:de |een )?(?:wijkcoach|hulpverlener|ambulant hulpverlener|huisarts"
    r"|maatschappelijk werker|jeugdconsulent|consulent|begeleider|wijkverpleegkundige"
    r"|casemanager|gezinscoach|praktijkondersteuner|poh|jeugdverpleegkundige|mentor)\b",
    r"\bmet (?:mijn|een) (?:client|cliente) (?:naast me|hier|bij me)\b",
)

# --- What the assistant is about -----------------------------------------------------------
# Words that make a message about a relationship, a separation or family life: a long message
# with one of them is a story to read, not "out of scope" (components/message_kind.py).
TOPIC_WORDS = (
    r"\b(?:relatie[a-z]*|partner[a-z]*|man|vrouw|mijn vent|vriend|vriendin|vriendje|vriendinnetje"
    r"|echtgeno(?:ot|te)|ex|exman|exvrouw|ex partner|huwelijk|getrouwd|trouwen|samenwonen[a-z]*"
    r"|samen|scheid[a-z]*|gescheiden|uit elkaar|verliefd|liefde|ruzie[a-z]*|vreemdgaan|vreemd"
    r"|kind|kinderen|kids|zoon|dochter|zoontje|dochtertje|baby|zwanger|ouderschap[a-z]*"
    r"|omgang[a-z]*|co ouder[a-z]*|alimentatie|advocaat|mediat[a-z]*|relatietherap[a-z]*"
    r"|cursus|gezin|sleur|seks|intimiteit|communicatie|vertrouwen"
    r"|schoonfamilie|schoonmoeder|husband|wife|boyfriend|girlfriend|divorce|marriage)\b"
)
# A FAQ question looks like one: a question mark, or a question word first.
QUESTION_START = (
    r"^(?:wat|hoe|hoeveel|hoelang|waar|waarom|wanneer|wie|welke|welk|bestaat|werkt)\b"
    r"|^(?:kan|kun|kunt|kunnen|mag|mogen|moet|moeten|is|zijn|heb|heeft|hebben|doen|doet|zit"
    r"|krijg|krijgen|wordt|ben|bent|weet|gaat|komt|helpt) (?:ik|je|jij|u|we|wij|jullie|er|het"
    r"|dit|dat|die|iemand|mijn|de|een)\b"
)
