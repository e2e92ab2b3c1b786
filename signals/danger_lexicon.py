"""The Dutch danger lexicon (spec section 8): data only, read by `signals.danger`.

How to read it
--------------
Every entry is a `Rule`: a name (what the safety flow logs and the guard reports — never the
user's words), a kind, and regular expressions over the *normalised* message: lower-case ASCII
words separated by single spaces, accents stripped, common misspellings already corrected (see
`MISSPELLINGS` and `FUZZY_TARGETS`). `<NAME>` inside a pattern expands to the macro of that name.

Why it looks like this
----------------------
* A missed signal is the worst error the product can make; a false alarm costs one question
  ("Ik wil even zeker weten dat je veilig bent: …"). So the patterns are broad, and only
  idioms that are really common in ordinary relationship talk are excluded ("dat slaat nergens
  op", "hij slaat dicht", "mijn hart slaat over", "het doet me pijn dat …", "dat klopt",
  "de stress sloopt me", "Houd me Vast", "hij mag de kinderen niet zien").
* Negation is handled narrowly: only rules marked `negatable` are dropped when "niet", "nooit"
  or "geen" stands right next to the match ("hij slaat me niet", "geen geweld"), so that the
  answer to a safety question ("nee, hij slaat me niet") does not raise the same question
  again. Suicidal wording is never negatable: it is always worth one careful question.
* Ordinary arguments are not a danger signal: "we maken veel ruzie", "ruzie over geld",
  "hij luistert niet", "we schreeuwen tegen elkaar", "hij is jaloers". Children *suffering
  from* arguments ("de kinderen hebben last van onze ruzies") is not a signal either: the safety
  screen asks every resident whether the children are safe anyway, and firing on it would
  interrupt most separation conversations. Children *seeing or hearing everything*, being
  present ("de kinderen waren erbij"), being afraid, threatened, neglected or hurt is a signal.
* Someone else's suicidal talk ("hij dreigt zichzelf iets aan te doen") is reported as
  SELF_HARM: the crisis line (113) also helps worried partners, and the threat is one question
  away from being checked.
"""

from __future__ import annotations

from dataclasses import dataclass

ACUTE = "acute"
SELF_HARM = "self_harm"
CHILDREN = "children"
VIOLENCE = "violence"

# When several kinds match, the first one in this order is reported.
KIND_PRIORITY: tuple[str, ...] = (ACUTE, SELF_HARM, CHILDREN, VIOLENCE)

# Rule names that are not regular expressions (see `signals.danger`).
ACUTE_HELP_CALL = "acute_help_call"  # the whole message is a call for help: "HELP", "sos!!"
ACUTE_HAPPENING_NOW = "acute_happening_now"  # another signal + "nu", "net", "help" close by

# Messages longer than this are only read up to here: a pasted 10 000-character text must not
# cost the chat a noticeable delay. Generous on purpose: a missed signal is worse than a few
# milliseconds.
MAX_CHARS = 5000

# How many words around a match are read for negation, idiom vetoes and "nu".
WINDOW_BEFORE = 6
WINDOW_AFTER = 5


@dataclass(frozen=True)
class Rule:
    """One lexicon entry.

    Attributes:
        name: stable identifier, reported as `DangerSignal.rule` and counted in statistics.
        kind: ACUTE, SELF_HARM, CHILDREN or VIOLENCE.
        patterns: regular expressions over the normalised text (macros in `<NAME>` form).
        negatable: dropped when "niet"/"nooit"/"geen" stands right before or after the match.
        veto: a pattern that, when found in the words around the match, cancels it (idioms).
        possible: indirect wording (spec section 8, "possible"): one confirm question about what
            was said, never the safety help at once.
    """

    name: str
    kind: str
    patterns: tuple[str, ...]
    negatable: bool = False
    veto: str | None = None
    possible: bool = False


# --- Macros --------------------------------------------------------------------------------
# Word classes used in many patterns: alternations of canonical words.
MACROS: dict[str, str] = {
    # A gap word that is not a negation: "hij heeft me (gisteren) geslagen".
    "GAP": r"(?:(?!(?:niet|nooit|geen)\b)[a-z0-9]+ )",
    # A gap word within one clause: not a negation, not a conjunction, not "het/dat/dit".
    "GAPC": r"(?:(?!(?:niet|nooit|geen|en|maar|want|omdat|dus|of|als|toen|het|dat|dit)\b)"
    r"[a-z0-9]+ )",
    # As GAPC, and not about the children (contact arrangements are not coercive control).
    "GAPNK": r"(?:(?!(?:niet|nooit|geen|en|maar|want|omdat|dus|of|als|toen|het|dat|dit"
    r"|kinderen|kind|kids|zoon|dochter|jongens|meisjes|kindjes)\b)[a-z0-9]+ )",
    "PARTNER": r"(?:man|vrouw|partner|vriend|vriendin|ex|exman|exvrouw|expartner|exvriend"
    r"|exvriendin|ex man|ex vrouw|ex partner|ex vriend|ex vriendin|echtgenoot|echtgenote|lief"
    r"|vent|wederhelft|wijf|gast|kerel|verloofde|vriendje|schoonvader|schoonmoeder|vader"
    r"|moeder|stiefvader|stiefmoeder|broer|zoon|husband|boyfriend|familie)",
    "POSS": r"(?:mijn|onze|ons|de|die|zijn|haar|hun)",
    # Someone who can do harm (the subject of a sentence).
    "SUBJ": r"(?:hij|zij|ze|ie|die|iemand|papa|mama|he|she|<POSS> <PARTNER>)",
    "SUBJ_SHORT": r"(?:hij|zij|ze|ie|die)",
    # The (ex-)partner specifically.
    "EXP": r"(?:hij|zij|ie|<POSS> (?:ex|exman|exvrouw|expartner|exvriend|exvriendin|ex man"
    r"|ex vrouw|ex partner|ex vriend|ex vriendin|man|partner|vriend|vriendin|echtgenoot"
    r"|echtgenote|vent|lief))",
    # Pronoun objects ("hij slaat me").
    "OBJ_P": r"(?:me|mij|ons|haar|hem|jou|ze|u|elkaar)",
    "KID": r"(?:kinderen|kind|kindje|kindjes|kids|zoon|zoontje|zoons|zonen|dochter"
    r"|dochtertje|dochters|baby|babys|jongste|oudste|middelste|kleine|kleintje|kleintjes"
    r"|tweeling|peuter|kleuter|puber|meisje|meisjes|jongen|jongens|stiefzoon|stiefdochter"
    r"|stiefkinderen|pleegkind|pleegkinderen|children|kid|broertje|zusje|broertjes|zusjes)",
    "KIDS": r"(?:(?:de|mijn|onze|ons|zijn|haar|hun|die|deze|allebei|beide|my|the)"
    r" (?:[a-z0-9]+ )?<KID>|kinderen|kids|kindjes|children)",
    # Anyone who can be hurt, as the object right after a verb.
    "OBJ": r"(?:<OBJ_P>|<KIDS>|mijn (?!hart\b|hoofd\b|stemming\b)[a-z]+)",
    # Verbs of hitting etc. that need an object next to them.
    "HIT": r"(?:sla|slaat|slaan|sloeg|sloegen|slaag|mept|mepte|meppen|mep|stompt|stompte"
    r"|stompen|schopt|schopte|schopten|schoppen|schop|trapt|trapte|trapten|trappen|duwt|duwde"
    r"|duwden|duwen|duw|wurgt|wurgde|wurgen|knijpt|kneep|knepen|knijpen|bijt|bijten|krabt"
    r"|krabde|mishandelt|mishandelde|mishandelen|beukt|ramt|hits|hit|hitting|beats|beat"
    r"|beating|kicks|kicked|pushes|pushed|chokes|choked|hurts|hurt)",
    # Idioms that follow "slaat" etc. without any violence in them.
    "HIT_IDIOM": r"(?:nergens|dicht|door|om|aan|toe|alarm|af|terug|op|uit|in|mee|over|een"
    r"|het|de|er|ook|wel|eigenlijk|nooit|niet|zijn|haar|zich|zichzelf|wat|niks|niets|alles"
    r"|je|zo|erg|hard|snel|raak|slag|eruit)",
    # Past participles that are a signal on their own.
    "HURT_DONE": r"(?:geslagen|geschopt|getrapt|gemept|gestompt|geduwd|gewurgd|geknepen"
    r"|gebeten|gekrabd|toegetakeld|afgetuigd|afgeranseld|mishandeld|gebeukt|bespuugd"
    r"|vastgebonden|in elkaar geslagen)",
    "WEAPON": r"(?:mes|messen|keukenmes|broodmes|vleesmes|pistool|vuurwapen|wapen|wapens"
    r"|geweer|revolver|knuppel|honkbalknuppel|bijl|boksbeugel|taser|stroomstootwapen|knife"
    r"|gun)",
    # Words that turn a violence or children signal into acute danger: it is happening now.
    "NOW": r"(?:(?<!tot )(?<!van )\bnu\b(?! (?:al|en dan|niet meer|eenmaal|ook|pas|nog|wel|eens"
    r"|even|weer beter|gaat het|is het|af aan|een paar|jaren|maanden|weken|sinds|minder"
    r"|beter)\b)|\bop dit moment\b|\bnu meteen\b|\bzojuist\b|\bzonet\b|\bdaarnet\b"
    r"|\bnet\b(?! (?:als|zo|wat|niet|iets|genoeg|even|goed|zoals|op tijd|de|een|het|over"
    r"|voor|na|zoveel|zo goed)\b)|\bhelp\b|\bsos\b|\bdringend\b|\bright now\b)",
    # The same for self-harm: a plan for now or tonight is acute.
    "NOW_SELF": r"(?:\bnu\b(?! (?:al|en dan|niet|eenmaal|ook|pas|nog|wel|eens|even)\b)"
    r"|\bvanavond\b|\bvannacht\b|\bstraks\b|\bzometeen\b|\bvandaag\b|\bhelp\b|\btonight\b)",
}


# --- Rules ---------------------------------------------------------------------------------
# Order inside a kind matters only for which rule name is reported first.
RULES: tuple[Rule, ...] = (
    # ======================= ACUTE: danger right now → 112 =================================
    Rule(
        "acute_at_the_door",
        ACUTE,
        (
            # "hij staat voor de deur" — but "staat steeds bij mijn huis" is stalking (below).
            r"\b(?:staat|stond|is|staan) (?:nu |hier |weer |alweer |net |gewoon |nou )?"
            r"(?:(?:met|in) (?:de|zijn|haar|een) [a-z]+ )?"
            r"(?:voor|aan|bij) (?:de|mijn|onze|ons|het) (?:deur|voordeur|achterdeur|raam"
            r"|ramen|stoep|galerij|portiek|oprit)\b",
            r"\b(?:bonkt|bonst|beukt|ramt|trapt|schopt|slaat|klopt|hamert|bonken|beuken|rammen"
            r"|bonzen|kloppen|trappen|schoppen) (?:<GAP>){0,3}(?:op|tegen|aan) (?:de|mijn|het"
            r"|onze) (?:deur|voordeur|raam|ramen)\b",
            r"\bprobeert (?:<GAP>){0,3}(?:binnen te komen|naar binnen|in te breken"
            r"|de deur open|het raam|in te trappen|open te breken|in te slaan|te forceren)\b",
            r"\b<EXP> (?:staat|is|zit|wacht) (?:nu |weer |hier )?(?:beneden|buiten|in de gang"
            r"|op de stoep|in de tuin|onder het raam)\b",
            r"\b(?:breekt|brak) (?:<GAP>){0,2}(?:in|de deur|het raam)\b",
            r"\b(?:binnengedrongen|binnengevallen|ingebroken|inbreken)\b",
            r"\b(?:he is|hes) (?:at|outside) (?:the|my) (?:door|house)\b",
        ),
        # "de fiets staat voor de deur": things, not people.
        veto=r"\b(?:de|het|een|mijn|onze|ons|zijn|haar) (?:fiets|auto|boom|kerstboom|pakket"
        r"|pakketje|doos|container|kliko|vuilniszak|bakfiets|kinderwagen|scooter|brommer|bus"
        r"|taxi|plant|bank) (?:staat|stond|staan)\b",
    ),
    Rule(
        "acute_on_the_way",
        ACUTE,
        (
            r"\b(?:komt|kwam) (?:er aan|eraan|hierheen|naar me toe|naar mij toe"
            r"|me (?:halen|pakken|vermoorden|afmaken))\b",
            r"\b(?:is|zijn) (?:onderweg|op weg) (?:naar (?:me|mij|ons|hier|mijn huis)|hierheen)\b",
            r"\b<EXP> is (?:nu |weer |al )?(?:hier|binnen|binnengekomen)\b",
        ),
        negatable=True,
        # "de baby komt eraan" is good news; "de trein komt eraan" is no news.
        veto=r"\b(?:baby|kindje|zwanger|bevalling|uitgerekend|weeen|lente|zomer|vakantie"
        r"|kerst|feestdagen|trein|bus|post|pakket|bezorger|minuten)\b",
    ),
    Rule(
        "acute_in_danger",
        ACUTE,
        (
            r"\b(?:ik ben|we zijn|wij zijn|ik zit|we zitten|zijn we|ben ik|ik verkeer"
            r"|mijn leven is|ons leven is|i am|im|we are) (?:<GAPC>){0,2}in (?:<GAPC>)?"
            r"(?:gevaar|danger)\b",
            r"\b(?:levensgevaar|doodsgevaar|levensbedreigend)\b",
        ),
        negatable=True,
    ),
    Rule(
        "acute_weapon_present",
        ACUTE,
        (
            # "hij heeft een mes"; "hij heeft me met een mes bedreigd" is violence (past).
            r"\b(?:heeft|heb|has|got) (?:(?!(?:niet|nooit|geen|met|me|mij)\b)[a-z0-9]+ ){0,3}"
            r"(?:een|het|zijn|haar|de|a|his) <WEAPON>\b",
            r"\b(?:pakt|pakte|pak|grijpt|greep|haalt|haalde|zwaait|trekt|houdt|staat|loopt"
            r"|dreigt|bedreigt|with) (?:<GAP>){0,3}(?:een|het|zijn|haar|de|a|his) <WEAPON>\b",
        ),
        negatable=True,
    ),
    Rule(
        "acute_call_emergency",
        ACUTE,
        (
            r"\b(?:bel|bellen|belt) (?:<GAP>){0,2}(?:112|politie|ambulance|hulpdiensten)\b",
            r"\b(?:112|politie|ambulance) (?:<GAP>){0,1}(?:bellen|sturen|komen)\b",
            r"\b(?:stuur|stuurt) (?:<GAP>){0,2}(?:politie|hulp|ambulance|iemand)\b",
            r"\b(?:kom snel|kom alsjeblieft|haal me hier weg|help me hier weg|call the police"
            r"|call 112)\b",
        ),
    ),
    Rule(
        "acute_hiding",
        ACUTE,
        (
            r"\b(?:ik heb me|we hebben ons|ik zit|we zitten|ik sta) (?:<GAPC>){0,2}"
            r"(?:opgesloten|verstopt|verscholen) in\b",
            r"\b(?:ik verstop me|ik zit verstopt|we zitten verstopt|ik verberg me|im hiding)\b",
        ),
    ),
    Rule(
        "acute_self_harm_in_progress",
        ACUTE,
        (
            r"\b(?:alle|al mijn|al de|een hele|een strip|een doos|een pot|een potje|veel"
            r"|te veel|teveel|heel veel|een handvol|een hoop|een stapel) (?:<GAPC>){0,1}"
            r"(?:pillen|tabletten|medicijnen|slaappillen|paracetamol|oxazepam|pijnstillers)"
            r" (?:<GAPC>){0,2}(?:ingenomen|geslikt|genomen|innemen|slikken|ingenomen)\b",
            r"\boverdosis\b",
            r"\b(?:ik sta|ik zit|ik ben|sta ik|zit ik) (?:<GAPC>){0,2}op (?:het|de|een) (?:dak"
            r"|brug|spoor|spoorlijn|rand)\b",
            r"\bik ga (?:nu |zo |straks )?springen\b",
            r"\b(?:afscheidsbrief|afscheidsbrieven)\b",
            r"\bik heb mezelf (?:<GAPC>){0,2}(?:gesneden|verwond|pijn gedaan)\b",
        ),
    ),
    # ======================= SELF_HARM: thoughts of suicide or self-harm → 113 =============
    Rule(
        "self_harm_suicide_word",
        SELF_HARM,
        (
            r"\b(?:zelfmoord[a-z]*|zelf moord|zelfdoding|suicid[a-z]*|suizid[a-z]*"
            r"|zelfbeschadig[a-z]*|selfharm)\b",
            r"\b(?:kill myself|want to die|end my life|end it all|self harm)\b",
        ),
    ),
    Rule(
        "self_harm_not_want_to_live",
        SELF_HARM,
        (
            r"\b(?:wil|wilde|wou|zou willen|wil eigenlijk|zou liever|wil liever|willen)"
            r" (?:<GAPC>){0,2}niet meer (?:<GAPC>){0,1}(?:leven|bestaan|wakker worden"
            r"|wakker|hier zijn|verder leven)\b",
            r"\bniet meer (?:willen |wil )?(?:leven|bestaan)\b",
            r"\b(?:wil|wou|willen|wilde) er (?:<GAPC>){0,1}niet meer (?:zijn|bestaan|wezen)\b",
            r"\b(?:niet|nooit) meer wakker (?:worden|te worden|wil worden)\b",
            r"\bhet hoeft (?:<GAPC>){0,2}niet meer\b",
            # "ik wil niet meer (verder)" at the end of a message; not "… verder met hem".
            r"\bik wil (?:echt |gewoon |het )?niet meer(?: verder)?$",
            r"\bik (?:kan|kan het|kan dit) (?:echt |gewoon |zo |allemaal )?niet meer(?: aan)?$",
            r"\b(?:kan|kon) het (?:leven|allemaal) (?:<GAPC>){0,1}niet meer aan\b",
            r"\bik wil (?:weg|verdwijnen) (?:van|uit) (?:deze|de) wereld\b",
            r"\b(?:wil|zou) (?:<GAPC>){0,2}(?:voorgoed|voor altijd) verdwijnen\b",
            r"\bik wil (?:gewoon |het liefst |echt )?verdwijnen$",
            r"\bik trek het (?:echt |gewoon )?niet meer$",
        ),
    ),
    Rule(
        "self_harm_want_to_die",
        SELF_HARM,
        (
            # "ik wil dood"; "hij wil me dood" is a threat (violence_threat_words).
            r"\b(?:wil|wilde|wou|willen|zou willen|zou) (?:(?!(?:niet|nooit|geen|me|mij|hem|haar"
            r"|ons|jou|je|dat|het|hun|ze)\b)[a-z]+ ){0,2}dood\b(?! (?:van|aan|gaan van|moe"
            r"|slaan|maken|hebben|schieten)\b)",
            r"\b(?:liever|het liefst|beter af) dood\b",
            r"\bwas ik (?:maar|liever) dood\b",
            r"\bdood (?:willen|wil) (?:zijn|gaan)\b",
            r"\b(?:wou|wilde) dat ik (?:dood|er niet meer|nooit geboren)\b",
        ),
    ),
    Rule(
        "self_harm_no_way_out",
        SELF_HARM,
        (
            r"\bzie het (?:<GAPC>){0,2}niet meer zitten\b",
            r"\bzie (?:het leven|de toekomst|mijn leven) (?:<GAPC>){0,2}niet meer zitten\b",
            r"\bzie geen (?:uitweg|toekomst) meer\b(?! (?:in|voor|met|samen|als)\b)",
            r"\bgeen uitweg\b",
            r"\bgeen zin (?:meer )?in (?:het|mijn|dit) leven\b",
            r"\b(?:het|mijn) leven (?:heeft|is) (?:<GAPC>){0,2}(?:geen zin|zinloos)\b",
            r"\bleven heeft geen zin\b",
            r"\bniemand zou me missen\b",
            r"\b(?:beter|fijner|makkelijker) (?:is|zou zijn|was|wordt) als ik er (?:<GAPC>){0,1}"
            r"niet (?:meer )?(?:ben|zou zijn|was|zijn)\b",
            r"\b(?:iedereen|jullie|ze|de kinderen) (?:is|zijn|zou|zouden) (?:<GAPC>){0,2}beter af"
            r" zonder (?:mij|me)\b",
            r"\b(?:ik ben|im) (?:een )?(?:last|burden) voor iedereen\b",
            r"\b(?:pillen|slaappillen|medicijnen) (?:<GAPC>){0,1}(?:gespaard|verzameld|sparen"
            r"|verzamelen)\b",
        ),
    ),
    Rule(
        "self_harm_end_it",
        SELF_HARM,
        (
            r"\ber (?:<GAPC>){0,1}(?:een )?(?:eind|einde|end) aan\b",
            r"\b(?:eind|einde|end) aan (?:mijn|het) leven\b",
            r"\bmijn leven (?:be)?eindigen\b",
            r"\buit het leven (?:stappen|stap|gaan)\b",
            r"\bvan kant (?:maken|te maken|maak)\b",
            r"\bvoor de trein (?:springen|spring|gaan|ga|te springen)\b",
            r"\bvan (?:het|een|de) (?:dak|flat|brug) (?:springen|spring|af springen)\b",
            r"\bme ophangen\b",
        ),
        # "we maken er een eind aan (aan onze relatie)" ends a relationship, not a life.
        veto=r"\b(?:we|wij|relatie|huwelijk|samenwonen|onze|ons|ruzie|ruzies|gedoe|discussie"
        r"|contact|verhouding|affaire|scheiding|vreemdgaan)\b",
    ),
    Rule(
        "self_harm_hurt_myself",
        SELF_HARM,
        (
            r"\b(?:mezelf|mijzelf|myself) (?:<GAPC>){0,2}(?:iets (?:aan ?doen|aan te doen|aandoe"
            r"|aan zal doen)|wat aandoen|van kant|doden|ophangen|pijn (?:doen|te doen|doe)"
            r"|snijden|snij|verwonden|om het leven|dood|iets doen|kapot maken)\b",
            r"\bik (?:snij|snijd|kras|krab) (?:<GAPC>){0,1}(?:mezelf|mijzelf|me)\b",
            r"\b(?:doe|deed) (?:mezelf|mijzelf) (?:<GAPC>){0,1}pijn\b",
            r"\b(?:zichzelf|zich) (?:<GAPC>){0,2}(?:iets (?:aan ?doen|aan te doen|aandoet"
            r"|aan zal doen)|van kant|doden|ophangen|om het leven)\b",
        ),
    ),
    # ======================= CHILDREN: hurt, threatened, neglected, witnessing ==============
    Rule(
        "children_hit",
        CHILDREN,
        (
            r"\b<HIT> (?:<SUBJ_SHORT> )?(?:(?:weer|soms|vaak|altijd|steeds|ook|nog|dan|echt"
            r"|gewoon|elke dag|regelmatig|wel eens) )?<KIDS>\b",
            r"\b<KIDS> (?:<GAP>){0,4}(?:<HURT_DONE>|pijn gedaan|slaan|slaat|schoppen|schopt"
            r"|bedreigd|gewond|blauwe plekken|verwaarloosd|misbruikt|opgesloten|mishandelt)\b",
            r"\b<SUBJ> (?:<GAPC>){0,3}<KIDS> (?:<GAPC>){0,2}(?:pijn|zeer|iets aan|wat aan"
            r"|iets aangedaan|iets aandoen|iets aan te doen|iets aandoet)\b",
            r"\b<KIDS> (?:<GAPC>){0,2}(?:klappen|een klap|een pak slaag|slaag)\b",
            r"\b(?:schudt|schudde|schudden|geschud) (?:<GAP>){0,2}<KIDS>|<KIDS> (?:<GAP>){0,3}"
            r"(?:door elkaar geschud|geschud)\b",
        ),
        negatable=True,
    ),
    # "de oudste kwam met een blauwe plek terug van zijn vader": the child is the one hurt, so
    # the question is about the children, and only an answer about them clears it (issue #9).
    Rule(
        "children_injured",
        CHILDREN,
        (
            r"\b<KIDS> (?:<GAPC>){0,6}(?:met|heeft|had|kreeg|krijgt|vol) (?:<GAPC>){0,2}(?:een )?"
            r"(?:blauwe plek|blauwe plekken|blauw oog|schram|schrammen|striemen|brandwond"
            r"|bult|bulten|snee|kapotte lip|dikke lip|gebroken arm|verwondingen|letsel)\b",
            r"\b(?:blauwe plek|blauwe plekken|blauw oog|striemen|brandwond|kapotte lip) (?:<GAPC>){0,4}"
            r"(?:bij|op|van) <KIDS>\b",
        ),
        negatable=True,
        veto=r"\b(?:voetbal[a-z]*|sport[a-z]*|gevallen|gestruikeld|speeltuin|trampoline|hockey"
        r"|judo|fietsen|van de fiets|schommel|klimrek)\b",
    ),
    Rule(
        "children_witness",
        CHILDREN,
        (
            r"\b<KIDS> (?:<GAP>){0,3}(?:zien|zagen|ziet|zag|gezien|horen|hoorden|hoort|hoorde"
            r"|gehoord|krijgen|kregen|merken|zien en horen|see|saw|hear|heard) (?:<GAP>){0,3}"
            r"(?:alles|het allemaal|geweld|klappen|slaan|slaat|sloeg|hoe hij|hoe zij|hoe ze"
            r"|dat hij me|dat hij mij|dat hij haar|hem slaan|everything)\b",
            r"\b<KIDS> (?:(?:zijn|waren|is|was|zaten|stonden|staan|zitten) )?(?:<GAP>){0,2}"
            r"(?:erbij|getuige|aanwezig)\b",
            r"\b<KIDS> (?:<GAP>){0,3}(?:geweld|klappen|het slaan|mishandeling) (?:<GAP>){0,2}"
            r"(?:gezien|gehoord|meegemaakt|zien|horen|meemaken|zagen|hoorden)\b",
            r"\b(?:voor de ogen van|in het bijzijn van) <KIDS>\b",
            r"\b(?:waar|terwijl) <KIDS> (?:<GAP>){0,1}bij (?:zijn|waren|is|was|zaten|stonden"
            r"|staan|zitten)\b",
        ),
        negatable=True,
    ),
    Rule(
        "children_afraid",
        CHILDREN,
        (
            r"\b<KIDS> (?:<GAP>){0,3}(?:bang|angstig|doodsbang|trillen|bibberen|verstoppen zich"
            r"|scared|afraid)\b(?! (?:dat|om) (?:we|wij|jullie|papa en mama|mama en papa"
            r"|hun ouders|ouders|ze|hun|wij|papa|mama)\b)",
            # "durft niet meer naar haar vader" (fear); "wil niet" is often a loyalty conflict.
            r"\b<KIDS> (?:<GAP>){0,2}(?:durft|durven) niet (?:meer )?(?:naar|bij"
            r"|thuis|terug)\b",
        ),
        negatable=True,
    ),
    Rule(
        "children_unsafe",
        CHILDREN,
        (
            r"\b<KIDS> (?:<GAPC>){0,3}(?:niet veilig|onveilig|in gevaar|gevaar)\b",
            r"\bverwaarloos[a-z]*\b",
            r"\b(?:ontvoer[a-z]*|kinderontvoering)\b",
            r"\b(?:dreigt|dreigde|gedreigd|bedreigt|bedreigd) (?:<GAP>){0,3}<KIDS>\b",
            r"\b<KIDS> (?:<GAPC>){0,2}(?:iets (?:aan ?doen|aan te doen|aandoet)|bedreigd)\b",
            r"\b<KIDS> (?:<GAPC>){0,2}(?:krijgen|kregen|hebben) (?:geen|niet genoeg|te weinig)"
            r" (?:eten|te eten)\b",
            r"\b(?:seksueel )?misbruik[a-z]* (?:van )?<KIDS>\b",
            r"\blaat <KIDS> (?:<GAP>){0,2}(?:urenlang|uren|dagen|de hele dag|de hele nacht"
            r"|s nachts|vaak|steeds|gewoon) alleen\b",
            r"\b(?:gooit|gooide|smijt|smeet|gooien) (?:<GAP>){0,3}(?:naar|tegen|op) <KIDS>\b",
        ),
    ),
    # ======================= VIOLENCE: violence, threats, control, stalking, fear ===========
    Rule(
        "violence_hit",
        VIOLENCE,
        (
            # "hij slaat me", "sloeg hij haar", "we slaan elkaar".
            r"\b<HIT> (?:<SUBJ_SHORT> )?(?:(?:weer|soms|vaak|altijd|steeds|ook|nog|dan|echt"
            r"|gewoon|elke dag|regelmatig|wel eens|wel) )?<OBJ>\b",
            # "hij wil me slaan", "als hij me weer slaat"; not "mijn hart slaat over".
            r"\b(?:me|mij|ons|haar|hem|jou|elkaar|mijn (?!hart\b|hoofd\b|stemming\b)[a-z]+)"
            r" (?:<GAP>){0,3}<HIT>\b(?! <HIT_IDIOM>\b)",
            # "hij heeft me geslagen", "ik ben geschopt" (not "met stomheid geslagen").
            r"(?<!stomheid )\b<HURT_DONE>\b",
            # "mijn man slaat", "hij slaat als hij gedronken heeft"; not "slaat nergens op",
            # "slaat dicht", "slaat door", "slaat om", "slaat op tilt", "slaat alarm".
            r"\b<SUBJ> (?:<GAP>){0,3}(?:slaat|sloeg|slaan|schopt|schopte|trapt|trapte|mept"
            r"|stompt|wurgt|duwt|duwde|knijpt|kneep|mishandelt)\b(?! <HIT_IDIOM>\b)",
            r"\b<SUBJ> (?:<GAP>){0,3}(?:slaat|sloeg|schopt|trapt) (?:<GAP>){0,1}"
            r"(?:om zich heen|tegen de muur|op tafel|met de deur|met deuren|in het rond)\b",
            # Flemish "kloppen" = hitting, but "dat klopt (mij ook)" is agreement.
            r"(?<!dat )(?<!het )(?<!wat )(?<!dit )\b(?:klopt|klopte|kloppen) (?:<SUBJ_SHORT> )?"
            r"(?:me|mij|ons)\b(?! (?:ook|wel|niet|helemaal)\b)",
            r"\b(?:pak slaag|slaag gekregen|klappen (?:gekregen|gehad|krijgen|uitgedeeld|geven"
            r"|gegeven|uitdelen))\b",
            r"\b(?:er vallen|vielen|vallen er|er vielen) (?:<GAP>){0,1}klappen\b",
            r"\b(?:geeft|gaf|gegeven|krijg|kreeg|gekregen|verkocht|verkoopt) (?:<GAP>){0,3}"
            r"(?:een|n) (?:klap|mep|dreun|oplawaai|stomp|schop|trap|duw|tik|klets|kaakslag"
            r"|vuistslag|kopstoot|draai om de oren|pak slaag|lel|opdonder|hengst|peer)\b",
            r"\b(?:een|n) (?:klap|mep|dreun|oplawaai|stomp|schop|duw|klets|kaakslag|vuistslag"
            r"|kopstoot|lel|opdonder|hengst) (?:gegeven|gekregen|gehad|verkocht|geven|krijgen)\b",
            r"\b(?:trekt|trok|trekken) (?:<GAP>){0,2}(?:aan|bij) (?:mijn|haar|de) "
            r"(?:haar|haren|arm|armen)\b",
            r"\b(?:spuugt|spuwt|spuugde|spuwde) (?:<GAP>){0,2}(?:naar|op|in|me|mij|haar)\b",
        ),
        negatable=True,
    ),
    Rule(
        "violence_strangle",
        VIOLENCE,
        (
            r"\b(?:wurg[a-z]*|gewurgd|verwurg[a-z]*)\b",
            r"\b(?:keel|nek|hals) (?:<GAP>){0,1}(?:dicht|dichtgeknepen|dichtgedrukt"
            r"|dichtknijpen|dichtknijpt|dichtdrukken)\b",
            r"\bdichtgeknepen\b",
            r"\b(?:handen|hand) (?:<GAP>){0,1}om (?:mijn|haar|de) (?:nek|keel|hals)\b",
            r"\b(?:knijpt|kneep|drukt|drukte|pakt|pakte|greep|grijpt|gepakt|vastgepakt|vastgegrepen)"
            r" (?:<GAP>){0,2}(?:keel|nek|hals)\b",
            r"\b(?:smoren|gesmoord|verstikken|verstikt)\b",
            r"\bkussen (?:op|over) (?:mijn|haar) (?:gezicht|hoofd)\b",
            r"\bgeen (?:lucht|adem) (?:meer )?(?:kreeg|krijgen|kon halen)\b",
        ),
        negatable=True,
    ),
    Rule(
        "violence_injuries",
        VIOLENCE,
        (
            r"\b(?:blauwe plek|blauwe plekken|blauw oog|blauwe oog|bloedneus|dikke lip"
            r"|kapotte lip|gescheurde lip|bloedlip|striemen|letsel|verwondingen|hersenschudding"
            r"|bruises|black eye)\b",
            r"\bgebroken (?:neus|arm|rib|ribben|pols|kaak|vinger|been|tand|tanden)\b",
            r"\b(?:gewond|verwond)\b",
        ),
        negatable=True,
    ),
    Rule(
        "violence_hurt_me",
        VIOLENCE,
        (
            # "hij heeft me pijn gedaan", "hij doet me pijn"; not "het doet me pijn dat …".
            r"\b<SUBJ> (?:<GAPC>){0,3}<OBJ_P> (?:<GAPC>){0,2}(?:pijn|zeer)\b(?! (?:dierbaar"
            r"|duidelijk|goed|veel|lief|belangrijk|bedankt|aardig|welkom|vriendelijk)\b)",
            r"(?<!het )(?<!dat )(?<!dit )(?<!wat )\b(?:doet|deed) <OBJ_P> (?:<GAPC>){0,1}"
            r"pijn\b",
            r"\b(?:word|wordt|werd|ben) (?:<GAPC>){0,2}pijn gedaan\b",
            r"\b(?:he|she) (?:hurts|hurt|has hurt) me\b",
        ),
        negatable=True,
    ),
    Rule(
        "violence_general",
        VIOLENCE,
        (
            r"\b(?:mishandeling|huiselijk geweld|geweld|gewelddadig|handtastelijk|hardhandig"
            r"|agressief|agressie|fysiek geweld|partnergeweld|relationeel geweld|violence"
            r"|violent|abuse|abusive|abused)\b",
            r"\b<SUBJ> (?:wordt|werd|is|was|kan|word) (?:<GAPC>){0,2}(?:fysiek|gevaarlijk"
            r"|gewelddadig|agressief|handtastelijk)\b",
        ),
        negatable=True,
    ),
    Rule(
        "violence_objects_thrown",
        VIOLENCE,
        (
            r"\b(?:gooit|gooide|smijt|smeet|gegooid|gesmeten|werpt|wierp|gooien|smijten)"
            r" (?:<GAP>){0,3}(?:naar|tegen|op) (?:me|mij|mijn|ons|haar|hem|de kinderen)\b",
            r"\b(?:gooit|gooide|smijt|smeet|gooien|smijten) (?:<GAP>){0,1}(?:met|de|het)"
            r" (?:dingen|spullen|borden|bord|stoelen|stoel|glazen|glas|meubels|servies"
            r"|telefoon|tafel)\b",
            r"\b(?:vernielt|vernield|vernielde|vernielen)\b",
            r"\b(?:slaat|sloeg|gooit|gooide|trapt|trapte|schopt|schopte) (?:<GAP>){0,2}"
            r"(?:kapot|in elkaar)\b",
            r"\bgat in de (?:muur|deur)\b",
        ),
        negatable=True,
    ),
    Rule(
        "violence_threat",
        VIOLENCE,
        (
            # "hij dreigt", "bedreigingen"; not "onze relatie dreigt te stranden".
            r"(?<!het )(?<!dat )(?<!relatie )(?<!huwelijk )(?<!alles )(?<!gesprek )(?<!we )"
            r"(?<!wij )\b(?:dreigt|dreigde|dreigen|gedreigd|bedreigt|bedreigde|bedreigd"
            r"|bedreiging|bedreigingen|dreigement|dreigementen|dreigend|intimideert|intimidatie"
            r"|geintimideerd|intimideren|chanteert|chantage|chanteren|threatens|threatened"
            r"|threat|threats)\b",
        ),
        negatable=True,
    ),
    Rule(
        "violence_threat_words",
        VIOLENCE,
        (
            r"\b(?:ik maak je af|maak je af|maakt me af|maakt mij af|maak ik je af|maakt ons af"
            r"|me afmaken|mij afmaken|je afmaken|jou afmaken|ons afmaken|haar afmaken"
            r"|hem afmaken)\b",
            r"\b(?:vermoord|vermoordt|vermoorden|vermoordde|doodmaken|dood maken|doodmaakt"
            r"|dood te maken|ombrengen|om te brengen|kill me|kill you|kills me)\b",
            r"(?<!het )(?<!dat )(?<!dit )\b(?:maak|maakt) (?:je|jou|me|mij|ons) (?:kapot|dood)\b",
            r"\b(?:wil|wilde|wou) (?:me|mij|ons|jou|haar) (?:<GAPC>){0,1}dood\b",
            r"\bdood (?:<GAPC>){0,2}(?:maken|maakt|te maken|slaan|steken|schieten)\b",
            r"\b(?:doodslaan|doodsteken|doodschieten|doodslaat|doodschiet)\b",
            r"\b(?:ik krijg je nog|je gaat eraan|je bent er geweest|ik weet waar je woont"
            r"|ik pak je|ik steek je|je zult het zien|dan zul je het zien|je zal het zien"
            r"|dan ga je eraan|ik sla je|ik sla jou)\b",
            # Someone else: "hij zegt dat hij me iets aandoet"; "mezelf" is self-harm (above).
            r"\b(?:me|mij|ons|jou|je|haar|hem|u|<KIDS>) (?:<GAPC>){0,2}(?:iets|wat) "
            r"(?:aan ?doen|aandoet|aandoe|aan te doen|aan zal doen|aan gaat doen|aangedaan"
            r"|aan zou doen)\b",
            r"(?<!het )(?<!dat )(?<!dit )\b(?:doet|doe|deed) (?:me|mij|je|jou|ons) wat\b",
        ),
        negatable=True,
        # "dat doet me wat" (that moves me) is no threat.
        veto=r"\b(?:dat|het|dit) (?:doet|deed) (?:me|mij) wat\b",
    ),
    Rule(
        "violence_weapon",
        VIOLENCE,
        (r"\b<WEAPON>\b",),
        negatable=True,
    ),
    Rule(
        "violence_sexual",
        VIOLENCE,
        (
            r"\b(?:verkracht[a-z]*|aanrand[a-z]*|aangerand|rape|raped)\b",
            r"\bseksueel (?:geweld|misbruik|misbruikt|grensoverschrijdend|geintimideerd"
            r"|lastiggevallen)\b",
            r"(?<!vertrouwen )(?<!goedheid )\bmisbruik[a-z]*\b(?! van (?:mijn|de|het|ons|onze"
            r"|zijn|haar) (?:vertrouwen|goedheid|situatie|positie|regeling|toeslag"
            r"|gastvrijheid)\b)",
            r"\b(?:dwingt|dwong|gedwongen|dwingen|forceert|forceren|geforceerd|verplicht"
            r"|verplichte) (?:<GAP>){0,3}(?:seks|te vrijen|vrijen|tot seks|seksuele"
            r"|naar bed|seksueel)\b",
            r"\b(?:seks|vrijen) (?:<GAPC>){0,4}(?:tegen mijn wil|terwijl ik (?:nee|niet|sliep)"
            r"|als ik nee zeg|ook al zeg ik nee|afgedwongen|gedwongen)\b",
            r"\btegen mijn wil\b",
            r"\b(?:seks|vrijen) (?:<GAPC>){0,4}(?:ook )?(?:als|terwijl|ook al) ik (?:het )?"
            r"(?:niet wil|nee zeg|geen zin heb)\b",
            r"\bik (?:moet|moest) (?:<GAPC>){0,3}(?:seks|vrijen)\b",
            r"\bnee zeg (?:<GAP>){0,3}(?:gaat|doet) (?:hij|ze|zij) (?:toch|gewoon) door\b",
        ),
        negatable=True,
    ),
    Rule(
        "violence_control_phone",
        VIOLENCE,
        (
            r"\b(?:controleert|controleren|gecontroleerd|checkt|checken|gecheckt|doorzoekt"
            r"|doorzoeken|doorzocht|leest|lezen|gelezen|pakt|pakte|neemt|nam|kijkt|keek|zit|eist"
            r"|eiste|hackt|kraakt) (?:<GAP>){0,3}(?:mijn|al mijn|haar) (?:telefoon|mobiel|gsm"
            r"|smartphone|berichten|appjes|whatsapp|mail|mails|email|wachtwoord|wachtwoorden"
            r"|pincode|locatie|laptop|instagram|facebook|gesprekken)\b",
            r"\b(?:telefoon|mobiel|gsm|berichten|appjes|whatsapp|mails|wachtwoord|wachtwoorden"
            r"|pincode|locatie) (?:<GAP>){0,3}(?:controleert|controleren|gecontroleerd|checkt"
            r"|checken|gecheckt|doorzoekt|doorzocht|afgepakt|afpakken|afgenomen|afnemen"
            r"|inkijken|nakijken|nagekeken|kapotgemaakt|afgeven|moet zien|wil zien"
            r"|wil weten|leest|gelezen)\b",
            r"\bcontroleert (?:alles|me|mij|wat ik|waar ik|met wie|hoe laat)\b",
            r"\b(?:controlerend|controlfreak|controlefreak|dwingend|bezitterig|ziekelijk jaloers"
            r"|extreem jaloers|obsessief jaloers|obsessief|controlling)\b",
        ),
        negatable=True,
    ),
    Rule(
        "violence_control_money",
        VIOLENCE,
        (
            r"\b(?:pakt|pakte|afgepakt|afpakken|neemt|nam|afgenomen|ingepikt|inpikt|steelt"
            r"|stal|jat|jatte) (?:<GAP>){0,3}(?:mijn|al mijn|al het|ons|onze) (?:geld|loon"
            r"|salaris|pinpas|bankpas|pasje|uitkering|spaargeld|bankrekening|paspoort"
            r"|sleutels|id)\b",
            r"\b(?:geld|loon|salaris|pinpas|bankpas|uitkering|spaargeld|paspoort|sleutels)"
            r" (?:<GAP>){0,2}(?:af|afpakken|afgepakt|afgenomen|ingepikt|afnemen)\b",
            r"\bik (?:krijg|mag) (?:<GAPC>){0,2}geen (?:geld|cent|euro)\b",
            r"\bgeen toegang (?:meer )?tot (?:ons|mijn|het|onze|de) (?:geld|bankrekening"
            r"|rekening)\b",
            r"\b(?:moet|mag) (?:<GAPC>){0,2}(?:om geld vragen|elke euro|iedere euro|elke cent"
            r"|alles verantwoorden)\b",
        ),
        negatable=True,
    ),
    Rule(
        "violence_control_freedom",
        VIOLENCE,
        (
            # "ik mag niet naar buiten", "ik mag niemand zien" — but not "ik mag de kinderen
            # niet zien" (a contact arrangement): no children in the gaps.
            r"\b(?:ik|we|wij) (?:mag|mogen) (?:<GAPNK>){0,3}(?:niet|nooit|geen|niemand"
            r"|nergens|niks|niets) (?:meer )?(?:<GAPNK>){0,3}(?:naar buiten|buiten"
            r"|de deur uit|het huis uit|uit huis|weg|niemand|vrienden|vriendinnen|familie"
            r"|werken|telefoon|naar school|sporten|nergens heen|alleen naar)\b",
            r"\b(?:mag|mogen) (?:ik|we|wij) (?:<GAPNK>){0,3}(?:niet|nooit|geen|niemand"
            r"|nergens|niks|niets) (?:meer )?(?:<GAPNK>){0,2}(?:naar buiten|buiten"
            r"|de deur uit|het huis uit|weg|vrienden|familie|werken|nergens heen)\b",
            r"\b(?:ik|we) (?:mag|mogen) (?:<GAPNK>){0,2}(?:mijn|onze)? ?(?:vrienden|vriendinnen"
            r"|familie|ouders|moeder|vader|zus|broer|zussen|broers|collegas) (?:<GAPNK>){0,1}"
            r"(?:niet|nooit) (?:meer )?(?:zien|spreken|bellen|bezoeken|ontmoeten)\b",
            r"\b(?:ik|we) (?:mag|mogen) (?:niemand|niks|niets|nergens heen|nergens naartoe)\b",
            r"\b(?:ik|we|wij) (?:mag|mogen) (?:<GAPNK>){0,3}(?:niet|nooit) (?:meer )?(?:uit"
            r"|naar buiten|buiten|weg)\b",
            r"\bmag niemand (?:zien|spreken|bellen)\b",
            r"\b(?:sluit|sloot) (?:<GAPC>){0,2}op\b",
            r"\b(?:opgesloten|opsluiten|opsluit|gevangen|op slot gedaan|op slot gezet"
            r"|op slot gedraaid|locks me)\b",
            r"\blaat (?:me|mij|ons) (?:<GAPC>){0,1}niet (?:gaan|weg|los|naar buiten|slapen"
            r"|eruit|eten|werken)\b",
            r"\bhoudt (?:me|mij|ons) (?:binnen|gevangen|tegen)\b",
            r"\bzodat ik niet (?:weg|naar buiten) kan\b",
            r"\b(?:zet|zette) (?:<GAPC>){0,1}(?:me|mij) (?:<GAPC>){0,2}(?:tegen|af van)\b",
            r"\bsluit (?:me|mij) af van\b",
            r"\b<SUBJ> bepaalt (?:alles|wat ik|met wie|waar ik|wanneer ik|hoe ik|wie ik)\b",
            r"\bik moet (?:<GAPC>){0,3}toestemming (?:vragen|hebben|krijgen)\b",
            r"\b(?:dwingt|dwong|dwingen) (?:me|mij|ons)\b",
        ),
        negatable=True,
    ),
    Rule(
        "violence_isolation",
        VIOLENCE,
        (r"\b(?:isoleert|isoleren|geisoleerd|isolates|isolated)\b",),
        negatable=True,
        # Insulating a house is "isoleren" too.
        veto=r"\b(?:huis|dak|muur|muren|spouw|vloer|ramen|glas|zolder|leidingen|woning)\b",
    ),
    Rule(
        "violence_stalking",
        VIOLENCE,
        (
            r"\b(?:achtervolg[a-z]*|stalk[a-z]*|gestalkt|lastigvall[a-z]*|lastiggevallen"
            r"|bespioneert|bespioneren|follows me)\b",
            r"\bvalt (?:me|mij|ons) (?:<GAP>){0,2}lastig\b",
            r"\b(?:opgewacht|opwachten|wacht (?:me|mij|ons) (?:<GAP>){0,2}op)\b",
            r"\blaat (?:me|mij|ons) (?:<GAPC>){0,1}niet (?:meer )?(?:met rust|los)\b",
            r"\b(?:blijft|bleef|blijven) (?:<GAP>){0,2}(?:me |mij |ons )?(?:volgen|bellen|appen"
            r"|smsen|mailen|berichten|berichtjes|lastigvallen|aanbellen|langskomen"
            r"|opwachten|stalken|achtervolgen|sturen)\b",
            r"\bvolgt (?:me|mij|ons)\b",
            r"\b(?:zit|zat) (?:me|mij|ons) (?:<GAPC>){0,1}achterna\b",
            r"\b(?:stuurt|stuurde|belt|belde|appt|appte) (?:<GAP>){0,3}(?:de hele dag|de hele nacht"
            r"|continu|constant|aan de lopende band|dag en nacht|(?:\d+|tig|tien|twintig|dertig"
            r"|veertig|vijftig|honderd|honderden) keer)\b",
            r"\bberichten (?:blijven|blijft) (?:komen|binnenkomen)\b",
            r"\b(?:honderden|tientallen|ontelbare|heel veel|zoveel|100|50) (?:berichten"
            r"|appjes|berichtjes|sms|telefoontjes|oproepen)\b",
            r"\bbombardeert (?:me|mij) met\b",
            r"\b(?:gps|tracker|volgapp|zendertje|airtag|spyware|volgsysteem)\b",
            r"\bweet (?:<GAPC>){0,1}altijd waar ik (?:ben|ga|zit)\b",
            r"\bhoudt (?:me|mij|ons) (?:<GAPC>){0,1}in de gaten\b",
            # "staat steeds bij mijn huis": repeatedly is stalking ("nu" makes it acute).
            r"\b(?:staat|stond|zit|zat|rijdt|reed|loopt|liep|komt|kwam|verschijnt|verscheen"
            r"|is) (?:<GAPC>){0,1}(?:steeds|elke dag|iedere dag|vaak|telkens|constant"
            r"|de hele tijd|dag en nacht|continu|s nachts|ineens|onverwacht|zomaar|weer"
            r"|regelmatig|elke avond|iedere avond|altijd)(?: [a-z]+){0,2} (?:bij|voor|langs|op"
            r"|rond|om) (?:(?:mijn|ons|onze) (?:huis|deur|werk|school|woning|adres|raam|straat"
            r"|flat|werkplek)|de (?:deur|voordeur|ramen|raam))\b",
        ),
        negatable=True,
    ),
    Rule(
        "violence_fear",
        VIOLENCE,
        (
            r"\bbang (?:voor|van) (?:hem|haar|die man|die vrouw|<POSS> <PARTNER>|papa|mama"
            r"|zijn (?:reactie|woede|buien|drift|agressie|gedrag|humeur|handen|vuisten)"
            r"|haar (?:reactie|woede|buien|drift|agressie|gedrag|humeur)"
            r"|wat (?:hij|zij|ze) (?:<GAPC>){0,2}(?:doet|gaat doen|zal doen|kan doen|doen)"
            r"|hoe hij|als hij|wanneer hij)\b",
            r"\b(?:angst|angstig|doodsbang) (?:voor|van) (?:hem|haar|<POSS> <PARTNER>)\b",
            r"\b(?:doodsbang|doodsangst|doodsangsten)\b",
            r"\b(?:afraid|scared|terrified) of (?:him|her|my)\b",
            # A bare "ik ben (zo) bang" as the point of the message.
            r"\b(?:ik ben|ik word|ben) (?:zo |heel |erg |echt |zo ontzettend |ontzettend )?"
            r"bang(?: (?:nu|hier|thuis))?$",
            r"\bbang om (?:<GAPC>){0,1}(?:naar huis|thuis|terug)\b",
            r"\b(?:bang|vrees|angst|vrezen|vreest) (?:voor|om) mijn leven\b",
            r"\bdurf (?:<GAPC>){0,2}(?:niet|niks|niets|nooit|geen) (?:meer )?(?:naar huis"
            r"|thuis|weg|terug|te slapen|slapen|alleen|nee te zeggen|iets te zeggen"
            r"|te zeggen|wat te zeggen|mijn mond|tegen hem|tegen haar|in te gaan|de deur uit"
            r"|naar buiten|buiten|te bewegen)\b",
            r"\b(?:voel|voelt|voelen) (?:<GAPC>){0,1}(?:me|mij|ons|zich) (?:<GAPC>){0,2}"
            r"(?:onveilig|niet veilig|bedreigd|in gevaar)\b",
            r"\b(?:onveilig|unsafe)\b",
            r"\bniet (?:meer )?veilig (?:thuis|bij hem|bij haar|in huis|meer)\b",
            r"\b(?:ik ben|ik voel me|we zijn|wij zijn|ik zit) (?:<GAPC>){0,2}niet (?:meer )?"
            r"veilig\b",
            r"\bthuis (?:<GAPC>){0,1}(?:is het )?niet (?:meer )?veilig\b",
            r"\b(?:op eieren lopen|loop op eieren|lopen op eieren|op eieren)\b",
        ),
        negatable=True,
    ),
    Rule(
        "violence_help_sought",
        VIOLENCE,
        (
            # Strong indicators that violence played a role, in any tense.
            r"\b(?:straatverbod|contactverbod|huisverbod|gebiedsverbod|blijf van mijn lijf"
            r"|vrouwenopvang|blijfhuis|crisisopvang|veilig thuis gebeld|aangifte gedaan"
            r"|aangifte doen|melding gedaan bij veilig thuis)\b",
            r"\bpolitie (?:<GAP>){0,3}(?:gebeld|geweest|gekomen|langs|ingeschakeld|erbij"
            r"|ingegrepen|meegenomen|opgepakt)\b",
        ),
        negatable=True,
        # A birth, a death, a theft or taxes are reported ("aangifte") too.
        veto=r"\b(?:geboorte|overlijden|belasting|belastingen|inkomstenbelasting|verhuizing"
        r"|verlies|diefstal|inbraak|fiets|auto|boete|verkeer)\b",
    ),
    Rule(
        "violence_fled",
        VIOLENCE,
        (
            r"\b(?:ik ben|we zijn|wij zijn|moest|moesten|ik moest|we moesten) (?:<GAPC>){0,2}"
            r"(?:gevlucht|weggevlucht|vluchten)\b",
        ),
        negatable=True,
        # Refugees fled a country, not a partner.
        veto=r"\b(?:land|syrie|oekraine|eritrea|afghanistan|irak|iran|somalie|turkije|oorlog"
        r"|vluchteling|vluchtelingen|azc|jemen|soedan|thuisland)\b",
    ),
    # --- Added 2026-12-04 from the tuning half of the real-use safety corpus (issue #9) -------
    Rule(
        "violence_threat_exposure",
        VIOLENCE,
        (
            # Sexual extortion: "hij zegt dat hij naaktfoto's van mij deelt als ik het uitmaak".
            r"\b(?:naaktfoto|naaktfotos|naakt fotos|naaktbeelden|sexting foto|fotos van mij"
            r"|filmpjes van mij) (?:<GAP>){0,4}(?:delen|deelt|sturen|stuurt|verspreiden|verspreidt"
            r"|online zetten|online zet|laten zien|posten|post)\b",
        ),
    ),
    Rule(
        "violence_threat_revenge",
        VIOLENCE,
        (
            r"\b(?:zal|zou|gaat|ga) (?:<GAPC>){0,2}(?:bezuren|berouwen)\b|\bbezuren\b",
            r"\b(?:wel zal zien|wel zult zien|wel gaat zien) wat er (?:<GAP>){0,2}gebeurt\b",
            r"\b(?:in brand steken|in brand steekt|in de fik steken|in de fik steekt|burn the house"
            r"|burn (?:it|the place) down|brand stichten)\b",
            r"\b(?:overleef|overleeft|overleven) (?:het|dat) niet als (?:ik|je|jij) (?:ga|weggaat"
            r"|wegga|vertrek)\b",
            r"\b(?:het|dat) niet (?:overleef|overleeft|overleven|zal overleven|zou overleven)"
            r" als (?:ik|je|jij) (?:ga|weggaat|wegga|vertrek|scheid)\b",
            r"\b(?:afpakken|afpakt|afneemt|afnemen|nooit meer zien|nooit meer ziet|nooit meer zie)"
            r" (?:<GAP>){0,3}"
            r"als (?:ik|je|jij) (?:<GAP>){0,3}(?:ga|weggaat|wegga|politie|aangifte|scheid|scheiden"
            r"|vertrek|vertel)\b",
            r"\b(?:iets gaat aandoen|iets zal aandoen|wat gaat aandoen|iets aan gaat doen)\b",
        ),
    ),
    Rule(
        "violence_control_tracking",
        VIOLENCE,
        (
            r"\b(?:gps tracker|gpstracker|tracker|volgsysteem|spyware|meekijk app|stalkerware"
            r"|volgapp)\b",
            # Sharing a location is ordinary; having to is control.
            r"\b(?:moet|moeten|wil dat|eist dat|altijd) (?:<GAP>){0,4}(?:locatie|live locatie"
            r"|snapmap|snap map|find my) (?:<GAP>){0,3}(?:delen|deel|aan staan|aan laten|aanstaan"
            r"|aan|staat)\b",
            r"\b(?:kilometerstand|bonnetjes laten zien|bonnetjes inleveren)\b",
        ),
    ),
    # Coercive control, belittling and fear of leaving told without an act (issue #9): indirect,
    # so the confirm question about control or threats, not the help at once.
    Rule(
        "violence_control_whereabouts",
        VIOLENCE,
        (
            r"\b<SUBJ> (?:wil|moet|eist) (?:<GAPC>){0,2}(?:altijd|steeds|constant|precies|elk moment"
            r"|continu|de hele dag) (?:<GAPC>){0,1}weten (?:waar|met wie|wat) (?:ik|we)\b",
            r"\bik moet (?:<GAPC>){0,2}(?:altijd|steeds|elke keer|constant|continu) (?:<GAPC>){0,1}"
            r"(?:laten weten|doorgeven|vertellen|melden|bewijzen) (?:waar|met wie|wanneer|wat)\b",
        ),
        possible=True,
    ),
    Rule(
        "violence_control_decisions",
        VIOLENCE,
        (
            r"\b<SUBJ> (?:laat|liet) (?:me|mij) (?:niks|niets|nooit iets|helemaal niks) (?:meer )?"
            r"(?:zelf )?(?:beslissen|kiezen|bepalen|doen)\b",
            r"\bik mag (?:van (?:hem|haar) )?(?:niks|niets|nooit iets) (?:meer )?(?:zelf )?"
            r"(?:beslissen|kiezen|bepalen|kopen)\b",
            r"\b<SUBJ> (?:bepaalt|beslist|regelt) (?:<GAPC>){0,1}alles(?: voor mij| voor me)?$",
        ),
        possible=True,
    ),
    Rule(
        "violence_belittling",
        VIOLENCE,
        (
            r"\b<SUBJ> (?:<GAPC>){0,2}(?:kleineert|vernedert|kraakt|kleinerde|vernederde) (?:me|mij)\b",
            r"\b(?:zegt|zei|noemt|noemde) (?:<GAPC>){0,2}(?:dat ik )?(?:niks|niets) waard (?:ben|bent)?\b",
            r"\b(?:zegt|zei) (?:<GAPC>){0,2}dat (?:niemand|geen een|geen enkele man|geen enkele vrouw)"
            r" (?:<GAPC>){0,2}(?:mij|me) (?:wil|zou willen|moet)\b",
        ),
        possible=True,
    ),
    Rule(
        "violence_fear_leaving",
        VIOLENCE,
        (
            r"\bbang (?:voor )?(?:wat|hoe) (?:hij|zij|ze|mijn man|mijn vrouw|mijn partner)"
            r" (?:<GAPC>){0,2}(?:doet|gaat doen|zal doen|reageert|zal reageren) (?:<GAPC>){0,1}als ik"
            r" (?:<GAPC>){0,2}(?:wegga|weg ga|vertrek|wil scheiden|ga scheiden|het uitmaak|weg wil)\b",
            r"\bdurf (?:<GAPC>){0,2}niet (?:<GAPC>){0,1}(?:weg te gaan|bij (?:hem|haar) weg te gaan"
            r"|te vertrekken|te scheiden|het uit te maken)\b",
        ),
        possible=True,
    ),
    Rule(
        "violence_control_confined",
        VIOLENCE,
        (
            r"\b(?:niet liet gaan|niet laten gaan|laat me niet gaan|liet me niet gaan|liet me er niet"
            r" uit|laat me er niet uit)\b",
            r"\b(?:op slot|buitengesloten|buiten gesloten|binnengesloten|opgesloten|sluit me op"
            r"|sloot me op)\b(?! (?:van de fiets|fiets))",
            r"\b(?:paspoort|paspoorten|id kaart|identiteitskaart|verblijfsvergunning)"
            r" (?:<GAP>){0,6}(?:afgepakt|afgenomen|kluis|verstopt|weggenomen|ingenomen|houdt)\b",
            r"\b(?:salaris|loon|uitkering) (?:<GAP>){0,2}(?:op zijn rekening|op haar rekening)\b",
            r"\bkrijg (?:maar )?\d+ euro (?:per|in de) (?:week|maand)\b",
        ),
        veto=r"\b(?:fiets|fietsslot|kluisje op het werk|sleutel kwijt)\b",
    ),
    Rule(
        "violence_stalking_waiting",
        VIOLENCE,
        (
            r"\b<EXP> (?:<GAPC>){0,3}(?:staat|stond|wacht|wachtte|zit|zat) (?:<GAP>){0,4}"
            r"(?:voor mijn huis|voor de deur|bij het schoolhek|bij mijn werk|voor mijn werk"
            r"|bij de school|in de straat|om de hoek)\b",
            r"\b(?:staat|stond) (?:al )?(?:een uur|uren|elke ochtend|elke avond|elke dag) (?:<GAP>){0,4}"
            r"(?:voor|bij)\b",
        ),
        veto=r"\b(?:op te halen|ophalen|om de kinderen|zoals afgesproken|zoals elke)\b",
    ),
    Rule(
        "violence_ran_over",
        VIOLENCE,
        (
            r"\b(?:reed|rijdt|reden) (?:<GAP>){0,3}op (?:me|mij|ons|haar) in\b",
            r"\baan (?:mijn|haar|m n) (?:haren|haar) (?:<GAP>){0,3}(?:getrokken|trok|trekt|sleurde"
            r"|naar binnen|gesleurd)\b",
            r"\b(?:wegduwde|weggeduwd|tegen de muur|tegen de kast|tegen de deur) (?:<GAP>){0,3}"
            r"(?:geduwd|gegooid|gesmeten|duwde|gooide)\b|\b(?:bult|buil) op (?:mijn|m n) hoofd\b",
        ),
    ),
    Rule(
        "self_harm_better_dead",
        SELF_HARM,
        (
            r"\b(?:beter|liever) dood (?:kan zijn|ben|zijn|zou zijn)\b",
            r"\b(?:een poging gedaan|poging tot zelfdoding|een poging ondernomen)\b",
            r"\b(?:er )?niet meer (?:wil|wilt|willen) zijn\b",
            r"\bhet stuur (?:omgooi|omgooien|om gooien|omgooit)\b",
            r"\b(?:niet meer wakker (?:worden|word|wordt))\b",
        ),
    ),
    Rule(
        "acute_break_in",
        ACUTE,
        (r"\b(?:net|zojuist|nu|zonet) (?:<GAP>){0,3}(?:de deur ingetrapt|deur ingetrapt"
         r"|binnengedrongen|ingebroken)\b",),
    ),
)


# --- "help" as the whole message -----------------------------------------------------------
# A message made only of these words, with at least one of HELP_ONLY_CORE, is an acute call
# for help ("HELP", "help me alsjeblieft", "sos!!"). "ik heb hulp nodig bij onze relatie" is not.
# Which confirm question a violence signal gets (domain.yml, `danger_detail`): coercive control
# and stalking, or threats and fear of what leaving would cost. Other violence rules get the
# general one. A "nee" to a control or threat question does not answer the violence question.
CONTROL = "control"
THREAT = "threat"
DETAIL_BY_RULE_PREFIX: tuple[tuple[str, str], ...] = (
    ("violence_control", CONTROL),
    ("violence_isolation", CONTROL),
    ("violence_stalking", CONTROL),
    ("violence_belittling", CONTROL),
    ("violence_threat", THREAT),
    ("violence_fear_leaving", THREAT),
)

# What the public page says (`python -m routes explain`, "Zo herkent de assistent
# onveiligheid"): per kind, wordings the lexicon finds as explicit and as possible. Each is
# checked against the lexicon by tests/signals/test_signals_graded.py, so the page cannot promise
# what the assistant does not do.
PUBLIC_EXAMPLES: tuple[tuple[str, str, tuple[str, ...], tuple[str, ...]], ...] = (
    (ACUTE, "Direct gevaar", ("hij staat voor de deur", "help, hij heeft een mes"), ()),
    (VIOLENCE, "Geweld, dreigen, controle en achtervolgen",
     ("hij heeft me geslagen", "hij zei dat ik het zou bezuren als ik wegga",
      "hij leest al mijn appjes"),
     ("hij wil altijd weten waar ik ben", "ik ben bang wat hij doet als ik wegga",
      "hij kleineert me")),
    (CHILDREN, "Onveiligheid van kinderen", ("hij slaat de kinderen",), ()),
    (SELF_HARM, "Zelfdoding of jezelf iets aandoen", ("ik wil niet meer leven",),
     ("zelfmoord? nee hoor",)),
)
IDIOM_EXAMPLES: tuple[str, ...] = (
    "ik schrik me dood van de rekening", "hij slaat de plank mis", "de advocaat maakt me kapot",
)

# Words of danger, fear, harm and control in any form. A short message (ten words or fewer) that
# has none of them is no explicit signal from the trained model alone: DIET also gives danger
# intents to "ik heb geen oppas voor de kinderen" or "ik vind het gewoon genant" at the
# situation questions. At a safety question such a reply still counts (actions/extract.py).
DANGER_WORDS = (
    r"\b(?:sla|slaat|slaan|sloeg|sloegen|geslagen|klap|klappen|mep|mept|schop|schopt|schopte"
    r"|trap|trapt|duw|duwt|duwde|geduwd|wurg|wurgt|wurgde|knijp|knijpt|kneep|stomp|stompt"
    r"|mishandel[a-z]*|geweld[a-z]*|agressi[a-z]*|agresief|pijn|blauwe? plek[a-z]*|blauw"
    r"|bloed[a-z]*|gewond|verwond[a-z]*|letsel|bang|angst[a-z]*|schrik|eng|dreig[a-z]*"
    r"|bedreig[a-z]*|vermoord[a-z]*|moord|dood|doodgaan|sterven|zelfmoord|zelfdoding"
    r"|suicid[a-z]*|leven|einde|eind|mes|wapen|pistool|controle[a-z]*|controleer[a-z]*"
    r"|controleert|volgt|volgen|achtervolg[a-z]*|stalk[a-z]*|opgesloten|opsluit[a-z]*"
    r"|sluit|locatie|telefoon|gsm|appjes|gevaar[a-z]*|onveilig|veilig[a-z]*|politie|112"
    r"|113|pillen|snij[a-z]*|kapot[a-z]*|vernedert|vernedering|kleineer[a-z]*|kleineert"
    r"|scheld[a-z]*|isoleer[a-z]*|manipul[a-z]*|verkracht[a-z]*|seks|dwingt|dwingen"
    r"|gedwongen|gooit|gooide|smijt|smeet|schreeuw[a-z]*|tier[a-z]*|woede[a-z]*|woedend"
    r"|boos|kwaad|razend|ontplof[a-z]*|driftig|losse handjes|hand uitgeschoten"
    r"|uitgeschoten|tik|tikken|wegrennen|vlucht[a-z]*|verstop[a-z]*|help|hulp nodig"
    r"|afpakken|ontvoer[a-z]*|meenemen|verwaarloos[a-z]*|overleef[a-z]*|bezuren|wraak"
    r"|spijt krijgen|hit[a-z]*|hurt|scared|afraid|kill|die|suicide|abuse[a-z]*|danger"
    r"|unsafe|threat[a-z]*)\b"
)
MODEL_SHORT_WORDS = 10

# Everyday idioms with danger words in them. The lexicon's rules already leave them alone; the
# trained model does not, so with one of these a danger intent of the model is only a
# *possible* signal (one confirm question), never the safety help at once (spec section 8).
IDIOMS: tuple[str, ...] = (
    r"\b(?:schrik|schrok|schrikt|schrokken) (?:me|mij|ons|zich|je) (?:[a-z]+ )?(?:dood|rot|kapot"
    r"|een hoedje|wezenloos)\b",
    r"\bschaam (?:me|mij) dood\b",
    r"\b(?:slaat|sloeg|slaan|sla) (?:[a-z]+ ){0,2}?(?:de plank|de spijker|nergens op|alarm"
    r"|een mal figuur|zijn slag|haar slag|een slaatje)\b",
    r"\b(?:maakt|maken|maakte) (?:me|mij|ons) (?:helemaal |echt |compleet )?(?:kapot|gek|dood)"
    r" (?:met|van)\b",
    r"\b(?:advocaat|advocate|rechter|procedure|scheiding|stress|werk|baas|rekening|belasting"
    r"|schoonmoeder|gedoe|onzekerheid) (?:[a-z]+ ){0,3}?(?:maakt|maken) (?:me|mij|ons) kapot\b",
    r"\b(?:word|wordt|worden) (?:[a-z]+ )?(?:gek|knettergek|horendol|stapel) van\b",
    r"\b(?:ga|gaat|gaan) (?:nog )?dood (?:van|aan) (?:de|het|die|dat) (?:stress|verveling"
    r"|schaamte|zenuwen|kou|hitte|lachen)\b",
    r"\bachter het behang\b",
    r"\b(?:sla|slaat|sloeg) (?:mezelf|mijzelf|me|mij) (?:nog )?(?:voor|tegen) (?:mijn|m n|de) kop\b",
    r"\b(?:vermoordt|vermoord|vermoorden|maakt) (?:me|mij) (?:af )?als (?:ze|hij|zij) (?:dit|dat|het)"
    r" (?:ziet|hoort|leest|weet)\b",
    r"\b(?:kort lontje|op ontploffen|ontploft bijna|uit zijn vel|uit haar vel)\b",
    r"\b(?:dreigt|dreigde|dreigen) (?:[a-z]+ ){0,2}?met (?:zijn|haar|een|de) (?:advocaat|rechter"
    r"|deurwaarder)\b",
    r"\bcontrolfreak\b",
    r"\b(?:leven|wereld) (?:ligt )?in duigen\b",
    r"\bmet de deuren\b",
)
HELP_ONLY_CORE = frozenset({"help", "sos", "112"})
HELP_ONLY_WORDS = HELP_ONLY_CORE | frozenset(
    {
        "me", "mij", "ons", "alsjeblieft", "alstublieft", "aub", "asjeblieft", "please", "pls",
        "plz", "snel", "nu", "dringend", "iemand", "hallo", "ik", "heb", "hulp", "nodig",
        "kan", "mijn", "god", "oh", "o", "nou", "dan", "toch", "wil", "hier", "hij", "zij",
        "is", "we", "hoi", "hey", "svp", "meteen", "direct",
    }
)
# "hulp" alone is a call for help only together with one of these ("hulp nu!!").
HELP_URGENT_WORDS = frozenset({"nu", "snel", "dringend", "meteen", "direct"})
HELP_ONLY_MAX_TOKENS = 8
# A message that starts with "help" is acute too, unless it asks for help *with* something.
HELP_WITH_WORDS = frozenset(
    {"met", "bij", "over", "voor", "hoe", "wat", "waar", "wanneer", "welke", "kunnen", "kun",
     "kunt", "zoeken", "vinden", "relatie", "ouderschapsplan", "vraag", "formulier", "aanvraag"}
)


# --- Spelling ------------------------------------------------------------------------------
# Frequent misspellings, chat spellings and Flemish/dialect forms → the canonical word(s) the
# patterns use. Checked before anything else, so real words can be mapped here too ("leve").
MISSPELLINGS: dict[str, str] = {
    # negation, pronouns, chat spelling
    "nie": "niet", "ni": "niet", "nit": "niet", "niett": "niet", "nied": "niet",
    "nimeer": "niet meer", "niemeer": "niet meer", "nietmeer": "niet meer",
    "nooid": "nooit", "noit": "nooit",
    "k": "ik", "ikke": "ik", "kwil": "ik wil", "kben": "ik ben", "kheb": "ik heb",
    "kzie": "ik zie", "kga": "ik ga", "kzit": "ik zit", "kan": "kan",
    "hy": "hij", "hie": "hij", "hei": "hij", "tie": "hij", "hai": "hij",
    "zy": "zij", "mn": "mijn", "myn": "mijn", "mijne": "mijn", "mjn": "mijn", "mein": "mijn",
    "zn": "zijn", "zyn": "zijn", "mei": "mij", "mie": "mij",
    "m": "hem", "em": "hem", "um": "hem",
    "ff": "even", "dr": "er", "der": "er", "an": "aan", "aa": "aan", "d": "de", "t": "het",
    "da": "dat", "wa": "wat",
    "wilt": "wil", "wll": "wil", "wl": "wil", "wol": "wil",
    "kinders": "kinderen", "kindere": "kinderen", "kindren": "kinderen",
    "kinderne": "kinderen", "kinderrn": "kinderen", "kideren": "kinderen",
    "kinderuh": "kinderen", "kiddos": "kids", "kinde": "kinderen", "kindern": "kinderen",
    # hitting
    "slaad": "slaat", "slaadt": "slaat", "sloat": "slaat", "slat": "slaat", "slaet": "slaat",
    "slaagt": "slaat", "sloech": "sloeg", "sloegh": "sloeg", "sloegt": "sloeg",
    "slueg": "sloeg", "geslage": "geslagen", "geslaan": "geslagen", "geslagd": "geslagen",
    "gesloge": "geslagen", "gslagen": "geslagen", "geslaagen": "geslagen",
    "schopd": "schopt", "skopt": "schopt", "geschopd": "geschopt", "gesgopt": "geschopt",
    "duwd": "duwt", "douwt": "duwt", "douwde": "duwde", "geduwt": "geduwd",
    "gedouwd": "geduwd", "wurcht": "wurgt", "wurgd": "wurgt", "gewurgt": "gewurgd",
    "gewurcht": "gewurgd", "knijpd": "knijpt", "kneip": "kneep", "geknepe": "geknepen",
    "mishandelld": "mishandeld", "misshandeld": "mishandeld", "mishandelingen": "mishandeling",
    "gewelt": "geweld", "gewelld": "geweld",
    "agresief": "agressief", "aggressief": "agressief", "agresif": "agressief",
    "agresie": "agressie", "aggressie": "agressie",
    "pein": "pijn", "pyn": "pijn", "pijm": "pijn", "pjin": "pijn", "gedan": "gedaan",
    # threats and weapons
    "dreicht": "dreigt", "dreigd": "dreigt", "dreict": "dreigt", "driegt": "dreigt",
    "bedreichd": "bedreigd", "bedreid": "bedreigd",
    "vermoort": "vermoordt", "vermoore": "vermoorden", "vermoorde": "vermoorden",
    "fermoorden": "vermoorden", "vermooren": "vermoorden",
    "pistol": "pistool", "pisstool": "pistool", "wappen": "wapen",
    "mesje": "mes", "meszen": "messen",
    # sexual violence
    "verkragt": "verkracht", "verkrachd": "verkracht", "verkracth": "verkracht",
    "verkrachtte": "verkracht", "verkrag": "verkracht", "ferkracht": "verkracht",
    "sex": "seks",
    # stalking and control
    "agtervolgt": "achtervolgt", "achtervolgd": "achtervolgt", "achtervold": "achtervolgt",
    "stalkd": "stalkt", "gestalked": "gestalkt",
    "telefon": "telefoon", "telfoon": "telefoon", "foon": "telefoon",
    "mobieltje": "mobiel", "gsmke": "gsm", "opgeslote": "opgesloten",
    # fear
    "bng": "bang", "doodsbng": "doodsbang", "bn": "ben",
    # self-harm
    "zelfmoort": "zelfmoord", "zelfmord": "zelfmoord", "zelfmood": "zelfmoord",
    "zelfmort": "zelfmoord", "selfmoord": "zelfmoord", "zelmoord": "zelfmoord",
    "zelvmoord": "zelfmoord", "zefmoord": "zelfmoord", "zelfmoor": "zelfmoord",
    "zelfmoordt": "zelfmoord", "zlfmoord": "zelfmoord", "suiside": "suicide",
    "suisidaal": "suicidaal", "suicidal": "suicidaal",
    "leve": "leven", "lefen": "leven", "levn": "leven", "leeve": "leven", "lven": "leven",
    "lefe": "leven", "doot": "dood", "dod": "dood",
    "eynde": "einde", "zitte": "zitten", "ziten": "zitten", "zittn": "zitten",
    "mzelf": "mezelf", "mezelve": "mezelf", "mzlf": "mezelf", "mezlf": "mezelf",
    # acute
    "hellp": "help", "hlep": "help", "hepl": "help", "halp": "help", "hellup": "help",
    "helluk": "help", "helpp": "help", "heelp": "help", "helpe": "help",
    "helpme": "help me", "gevar": "gevaar", "polotie": "politie", "polietie": "politie",
    "plitie": "politie", "poltie": "politie", "nuu": "nu",
}

# Canonical words that unknown tokens of 5+ letters are corrected to when one letter is off
# (one insertion, deletion, substitution or swap, same first letter). Real Dutch words that
# lie that close to one of them are in `signals.danger_protected.PROTECTED_WORDS`.
FUZZY_TARGETS: frozenset[str] = frozenset(
    {
        "geslagen", "slaat", "sloeg", "sloegen", "schopt", "schoppen", "geschopt", "getrapt",
        "geduwd", "wurgt", "wurgen", "gewurgd", "knijpt", "geknepen", "mishandeld",
        "mishandelt", "mishandeling", "geweld", "gewelddadig", "agressief", "agressie",
        "dreigt", "dreigde", "bedreigt", "bedreigd", "bedreiging", "bedreigingen",
        "verkracht", "verkrachting", "verkrachten", "zelfmoord", "zelfdoding", "suicide",
        "suicidaal", "achtervolgt", "achtervolgen", "stalkt", "stalker", "pistool",
        "vermoorden", "vermoordt", "opgesloten", "opsluiten", "afgepakt", "afpakken",
        "controleert", "telefoon", "gevaar", "levensgevaar", "leven", "kinderen", "blauwe",
        "plekken", "politie", "onveilig", "doodsbang", "isoleert", "geisoleerd",
        "lastigvallen", "aandoen", "zitten", "verwaarloosd", "handtastelijk", "mezelf",
        "mijzelf", "wakker", "bestaan", "uitweg", "dochter", "zoontje", "dochtertje",
        "bang", "help", "dood", "pijn", "hulp",
    }
)
