"""Messages about the conversation itself: "terug", "opnieuw", "stop", "doei", "mens".

Spec section 3: commands come from short messages about the conversation, not from a word
inside a sentence. "een avond lijkt me fijn" is a preference, "sinds hij terugkwam" is a story,
"we willen opnieuw beginnen samen" is a goal. A message is a command only when, apart from
filler words, *every* word belongs to that command's vocabulary below and one of them is a
keyword of the command. The vocabularies are data that a reviewer can read; the tests run the
examples in `tests/signals/test_signals_commands.py`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from signals.normalize import fold, raw_tokens

__all__ = ["COMMANDS", "DESTRUCTIVE_CUES", "command_in", "content_words", "has_cue", "is_command"]

GO_BACK = "go_back"
START_OVER = "start_over"
STOP = "stop"
GOODBYE = "goodbye"
THANK = "thank"
GREET = "greet"
HUMAN = "human_handoff"
CONTINUE = "continue_triage"

# A command is short: more words than this (after fillers) is content.
MAX_COMMAND_WORDS = 7

# Words that carry no content in a command ("oké, dan stop ik maar even").
FILLERS = frozenset(
    {"ok", "oke", "okay", "okee", "oki", "nou", "dan", "maar", "even", "effe", "efkes", "graag",
     "aub", "alsjeblieft", "alstublieft", "asjeblieft", "please", "pls", "plz", "svp", "nu",
     "toch", "gewoon", "liever", "eigenlijk", "sorry", "hoor", "eh", "uh", "uhm", "ehm", "hmm",
     "ik", "wij", "we", "je", "jij", "u", "wil", "wel", "willen", "wilt", "mag", "kan", "kun",
     "kunt", "kunnen", "ga", "gaan", "gaat", "zou", "het", "de", "een", "dit", "deze", "dat",
     "met", "er", "mee", "hier", "hiermee", "ermee", "van", "naar", "op", "voor", "mij", "me",
     "mijn", "is", "laat", "lets", "let", "s", "just", "hoe", "wat", "nog", "keer", "weer", "ja",
     "nee", "neen", "oh", "o", "oeps"}
)
# Per command: its keywords (one must be there) and the other words it may use.
COMMANDS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    GO_BACK: (
        frozenset({"terug", "vorige", "back", "terugga", "teruggaan", "wijzigen", "veranderen",
                   "aanpassen", "undo"}),
        frozenset({"vraag", "stap", "antwoord", "antwoorden", "fout", "verkeerd", "vergist",
                   "oeps", "bedoel", "bedoelde", "andere", "anders", "aan", "go", "previous",
                   "question", "step", "een", "vorig", "scherm"}),
    ),
    START_OVER: (
        frozenset({"opnieuw", "overnieuw", "herstart", "herstarten", "restart", "reset",
                   "vooraf", "vanaf", "begin", "beginnen", "overdoen", "startover"}),
        frozenset({"start", "starten", "alles", "helemaal", "af", "aan", "het", "begin",
                   "gesprek", "chat", "vragen", "nieuw", "again", "over", "from", "scratch",
                   "the", "all", "overnieuw"}),
    ),
    STOP: (
        frozenset({"stop", "stoppen", "stopt", "weg", "exit", "quit", "afsluiten", "sluiten",
                   "sluit", "einde", "kappen", "ophouden", "klaar", "escape", "verwijder",
                   "wissen", "wis", "annuleren", "cancel", "end"}),
        frozenset({"snel", "moet", "moeten", "chat", "gesprek", "alles", "direct", "meteen",
                   "nu", "af", "uit", "ermee", "hiermee", "maken", "ben", "get", "out", "this",
                   "the", "conversation", "all", "please"}),
    ),
    GOODBYE: (
        frozenset({"doei", "doeg", "dag", "daag", "dagdag", "bye", "byebye", "ciao", "tschuss",
                   "houdoe", "ajuus", "adios", "totziens", "ziens", "later", "welterusten",
                   "goodbye", "salut", "mvg", "groetjes", "groeten", "slaapwel", "trusten", "fijne",
                   "weekend"}),
        frozenset({"tot", "fijne", "fijn", "avond", "dag", "nog", "goede", "mooie", "weekend",
                   "nacht", "see", "you", "good", "night", "de", "en", "bedankt", "dank",
                   "doei", "hoi"}),
    ),
    THANK: (
        frozenset({"dank", "bedankt", "dankjewel", "dankuwel", "dankje", "thanks", "thx", "merci",
                   "thank", "tnx", "dankjwl", "dankjewl", "top", "super", "fijn", "lief"}),
        frozenset({"je", "jullie", "u", "wel", "voor", "de", "het", "info", "informatie", "hulp",
                   "uitleg", "antwoord", "veel", "heel", "erg", "hartelijk", "you", "so",
                   "much", "very", "is", "goed", "zo", "thanks", "vriendelijk", "lief"}),
    ),
    GREET: (
        frozenset({"hoi", "hallo", "hey", "hee", "hi", "hello", "goedemorgen", "goedemiddag",
                   "goedenavond", "goeiemorgen", "goeiedag", "dag", "hai", "hoihoi", "yo",
                   "hallootjes", "joe", "hej", "moi", "greet"}),
        frozenset({"daar", "allemaal", "there", "good", "morning", "goede", "goeie", "allen",
                   "morgen", "middag", "avond",
                   "iemand", "bot", "robot", "relatieroute", "chatbot"}),
    ),
    CONTINUE: (
        frozenset({"verder", "doorgaan", "door", "continue", "volgende", "hervatten", "vervolg"}),
        frozenset({"vragen", "vraag", "de", "met", "gaan", "ga", "graag", "next", "go", "on",
                   "please", "triage", "gewoon", "lijst"}),
    ),
    HUMAN: (
        frozenset({"mens", "medewerker", "persoon", "iemand", "hulpverlener", "bellen", "bel",
                   "terugbellen", "doorverbinden", "doorverbonden", "wijkteam", "cjg",
                   "telefoonnummer", "nummer", "human", "person", "someone", "agent", "operator",
                   "mensen", "contact"}),
        frozenset({"spreken", "praten", "echte", "echt", "echter", "een", "met", "aan",
                   "telefoon", "lijn", "talk", "to", "a", "real", "speak", "geen", "bot",
                   "robot", "computer", "chatbot", "opnemen", "van", "het", "jullie", "gemeente",
                   "worden", "wordt", "bereiken", "krijgen", "chatten", "persoonlijk",
                   "contact", "kan", "iemand", "spreek", "wie", "liefst", "bellen"}),
    ),
}


# The commands that end or wipe the conversation need one of their own words somewhere in the
# message: DIET also gives "stop" to "met moeite" and "goodbye" to "een losse avond", and a
# wrongly wiped conversation cannot be undone. Every training example of these intents has
# one (tests/signals/test_signals_commands.py).
DESTRUCTIVE_CUES: dict[str, str] = {
    STOP: (
        r"\b(?:stop[a-z]*|weg|wegwezen|ervandoor|kap[a-z]*|hou (?:er )?(?:maar )?(?:mee )?op"
        r"|ophouden|genoeg|laat (?:maar|het)|beeindig[a-z]*|afsluiten|sluit[a-z]*|haak af|eruit"
        r"|leegmaken|leeg|einde|klaar|exit|quit|escape|wis|wissen|verwijder[a-z]*|annuleer"
        r"|annuleren|cancel|end|snel weg|niet verder)\b"
    ),
    START_OVER: (
        r"\b(?:opnieuw|overnieuw|herbegin[a-z]*|herstart[a-z]*|restart|reset|start|begin[a-z]*"
        r"|voren|voor af aan|vooraf|nieuw[a-z]*|wis|wissen|naar nul|overdoen|startover|again"
        r"|scratch)\b"
    ),
    GOODBYE: (
        r"\b(?:doei[a-z]*|doeg|dag|daag|dagdag|tot (?:ziens|snel|morgen|later|straks|zo|kijk"
        r"|binnenkort|volgende|de volgende|een volgende)|ziens|totziens|by+e*|byebye|ciao"
        r"|tschuss|houdoe|ajuus|adios|groet[a-z]*|groeten|mvg|welterusten|trusten|slaap"
        r"|slaapwel|nacht|goedenacht|mazzel|tabee|tabe|salu[a-z]*|cya|see you|later|prettige"
        r"|fijne|fijn weekend|ervandoor|log uit|hierbij|spreken elkaar|goodbye|mazzels|cu|see ya"
        r"|ajuu|adieu|goeienacht)\b"
    ),
}


def has_cue(text: str, command: str) -> bool:
    """Whether `text` has one of the words of the ending command `command` (always True for the
    other commands)."""
    cue = DESTRUCTIVE_CUES.get(command)
    if cue is None:
        return True
    return _cue_pattern(command).search(" ".join(raw_tokens(fold(text[:500])))) is not None


@lru_cache(maxsize=8)
def _cue_pattern(command: str) -> re.Pattern[str]:
    return re.compile(DESTRUCTIVE_CUES[command])


def content_words(text: str) -> list[str]:
    """The message's words without the fillers of a command (folded, accents stripped)."""
    if not isinstance(text, str):
        return []
    return [token for token in raw_tokens(fold(text[:500])) if token not in FILLERS]


def is_command(text: str, command: str) -> bool:
    """Whether `text` is, as a whole, the conversation command `command`.

    >>> is_command("terug", "go_back"), is_command("sinds hij terugkwam is het mis", "go_back")
    (True, False)
    >>> is_command("een avond lijkt me fijn", "goodbye"), is_command("fijne avond!", "goodbye")
    (False, True)
    """
    keywords, others = COMMANDS[command]
    words = content_words(text)
    if not words or len(words) > MAX_COMMAND_WORDS:
        return False
    if not any(word in keywords for word in words):
        return False
    return all(word in keywords or word in others for word in words)


def command_in(text: str) -> str | None:
    """The command that `text` is as a whole, or None (content, or more than one command)."""
    found = [command for command in COMMANDS if is_command(text, command)]
    return found[0] if len(found) == 1 else None
