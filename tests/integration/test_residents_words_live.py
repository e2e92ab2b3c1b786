"""Issue #8 defects, each from the resident's exact words, through the live webhook."""

from __future__ import annotations

import pytest
from live_client import Conversation

pytestmark = pytest.mark.live

NOT_UNDERSTOOD = "begreep ik niet"
ACUTE_Q = "Ben je nu, op dit moment, in gevaar?"
VIOLENCE_Q = "geweld gebruikt, je bedreigd"
CHILDREN_Q = "veiligheid van kinderen"
STATUS_Q = "Hoe zit het met je relatie?"
SCORE_Q = "Welk rapportcijfer"
PROBLEMS_Q = "Heb je ook andere zorgen?"
BARRIERS_Q = "moeilijk maakt om hulp te zoeken"
PREFERENCE_Q = "Wat past het best bij jou?"
SAFE_SCREEN = ("/deny", "/deny", "/deny")


def started(live_stack, gemeente: str = "zwolle") -> Conversation:
    conversation = Conversation(live_stack.webhook_url, gemeente)
    assert ACUTE_Q in conversation.say_text("/greet")
    return conversation


def at_status(live_stack) -> Conversation:
    conversation = started(live_stack)
    for answer in SAFE_SCREEN:
        reply = conversation.say_text(answer)
    assert STATUS_Q in reply
    return conversation


@pytest.mark.parametrize(
    "reply", ["ok", "goed", "prima", "alles is goed", "ja hoor alles goed hier", "vroeger",
              "nee ik zit veilig thuis", "ik ben veilig", "op dit moment niet",
              "nu even niet, hij is naar zijn werk"],
)
def test_no_danger_now_in_words_goes_on_to_the_next_question(live_stack, reply):
    conversation = started(live_stack)
    answer = conversation.say_text(reply)
    assert "112" not in answer.replace("Bij direct gevaar: 112", "")
    assert "Je gaf aan dat je nu in gevaar bent" not in answer
    assert VIOLENCE_Q in answer and NOT_UNDERSTOOD not in answer


def test_a_yes_in_words_to_the_suicide_question_gives_113(live_stack):
    conversation = at_status(live_stack)
    conversation.say_text('/inform{"relationship_status": "together"}')
    conversation.say_text('/inform{"goal": "improve"}')
    assert "zelfdoding" in conversation.say_text('/inform{"relationship_score": 2}')
    reply = conversation.say_text("eerlijk gezegd wel ja")
    assert "113" in reply
    assert conversation.outcome is not None
    assert conversation.outcome["decision"]["route"] == "crisis"


@pytest.mark.parametrize("reply", ["ik denk het wel", "heel soms"])
def test_a_hesitant_yes_to_the_violence_question_is_a_yes(live_stack, reply):
    conversation = started(live_stack)
    conversation.say_text("/deny")
    answer = conversation.say_text(reply)
    assert NOT_UNDERSTOOD not in answer
    assert "Veilig Thuis" in answer and conversation.outcome["decision"]["route"] == "veiligheid"


def test_a_story_at_the_violence_question_is_no_safety_outcome(live_stack):
    conversation = started(live_stack)
    conversation.say_text("/deny")
    answer = conversation.say_text("we twijfelen of we nog verder willen samen")
    assert conversation.outcome is None
    assert "Dank je dat je dit vertelt" in answer and "twijfelt" in answer  # the story is kept
    assert VIOLENCE_Q in answer  # and the safety question is asked again
    conversation.say_text("nee")
    answer = conversation.say_text("nee")  # children
    assert STATUS_Q not in answer  # "twijfelen" answered the status already


def test_arguments_without_violence_are_a_no(live_stack):
    conversation = started(live_stack)
    conversation.say_text("/deny")
    answer = conversation.say_text("ja ruzie wel maar geen geweld hoor")
    assert conversation.outcome is None
    assert CHILDREN_Q in answer


def test_multi_choice_buttons_are_understood(live_stack):
    conversation = at_status(live_stack)
    conversation.say_text('/inform{"relationship_status": "separating"}')
    conversation.say_text("/affirm")
    conversation.say_text('/inform{"agreements_possible": "yes"}')
    assert PROBLEMS_Q in conversation.say_text("/deny")
    answer = conversation.say_text('/inform{"other_problems": []}')
    assert NOT_UNDERSTOOD not in answer and PROBLEMS_Q not in answer
    assert conversation.outcome is not None
    assert conversation.outcome["answers"]["other_problems"] == []


# A resident who clicks: the button for each question, by a few words of the question.
CLICKS = {
    "kinderen onder de 18": "/affirm",
    "jongste kind": '/inform{"youngest_child_age": 6}',
    SCORE_Q: '/inform{"relationship_score": 5}',
    "afspraken maken": '/inform{"agreements_possible": "yes"}',
    "advocaten": "/deny",
    "Wil je partner ook meedoen": '/inform{"partner_willing": "yes"}',
    "Wat wil je het liefst": '/inform{"goal": "maintenance"}',
    PREFERENCE_Q: '/inform{"preference": "group"}',
}


def click_until(conversation: Conversation, question: str, answer: str, clicks=CLICKS) -> str:
    """Clicks the buttons of each question that comes until `question` is asked."""
    for _ in range(len(clicks) + 1):
        if question in answer:
            return answer
        payload = next(p for words, p in clicks.items() if words in answer)
        answer = conversation.say_text(payload)
    raise AssertionError(f"{question!r} was never asked; last: {answer}")


def test_a_barrier_button_is_understood(live_stack):
    conversation = Conversation(live_stack.webhook_url, "zwolle")
    conversation.say_text("we twijfelen over onze relatie, we hebben geen kinderen, ik geef het "
                          "een 5 en hij wil wel mee, het liefst in een groep")
    answer = ""
    for reply in SAFE_SCREEN:
        answer = conversation.say_text(reply)
    click_until(conversation, BARRIERS_Q, answer)
    answer = conversation.say_text('/inform{"barriers": ["time"]}')
    assert NOT_UNDERSTOOD not in answer and conversation.outcome is not None
    assert conversation.outcome["decision"]["route"] == "online"  # a time barrier: online


def test_one_evening_in_a_sentence_is_a_preference_not_a_goodbye(live_stack):
    conversation = at_status(live_stack)
    answer = conversation.say_text('/inform{"relationship_status": "together"}')
    click_until(conversation, PREFERENCE_Q, answer,
                {**CLICKS, SCORE_Q: '/inform{"relationship_score": 8}'})
    answer = conversation.say_text("een avond lijkt me fijn")
    assert "Dag!" not in answer and "gewist" not in answer
    assert conversation.outcome["answers"]["preference"] == "one_evening"


def test_terug_inside_a_word_is_no_command(live_stack):
    conversation = started(live_stack)
    answer = conversation.say_text(
        "sinds hij terugkwam van zijn moeder is het alleen nog maar ruzie tussen ons")
    assert "Er is nog geen vorige vraag" not in answer
    assert NOT_UNDERSTOOD not in answer


def test_a_story_as_the_first_message_is_thanked_and_its_answers_kept(live_stack):
    conversation = Conversation(live_stack.webhook_url, "zwolle")
    answer = conversation.say_text(
        "mijn vrouw en ik zijn vorig jaar uit elkaar gegaan, we hebben twee meiden van 11 en 15 "
        "en we kunnen geen afspraken meer maken over de vakanties")
    assert "computerprogramma, geen mens" in answer and "Snel weg" in answer
    assert "Dank je dat je dit vertelt" in answer and "uit elkaar" in answer
    assert NOT_UNDERSTOOD not in answer
    for reply in ("nee", "nee", "nee"):
        answer = conversation.say_text(reply)
    assert conversation.outcome is not None  # status, children, agreements: all from the story
    assert conversation.outcome["decision"]["route"] == "rst"
    assert conversation.outcome["answers"]["youngest_child_age"] == 11


@pytest.mark.parametrize(
    "first", ["wat kost een cursus?", "my husband and I fight a lot", "👋", "ja"],
)
def test_the_first_reply_always_discloses_the_bot(live_stack, first):
    answer = Conversation(live_stack.webhook_url, "zwolle").say_text(first)
    assert "computerprogramma, geen mens" in answer
    assert "Snel weg" in answer


def test_a_danger_signal_as_first_message_gets_help_first_then_the_disclosure(live_stack):
    messages = Conversation(live_stack.webhook_url, "zwolle").say("hij slaat me")
    texts = [m.get("text") or "" for m in messages]
    help_at = next(i for i, t in enumerate(texts) if "0800-2000" in t)
    disclosure_at = next(i for i, t in enumerate(texts) if "computerprogramma" in t)
    assert help_at < disclosure_at
    assert "Snel weg" in texts[disclosure_at]


def test_going_on_after_a_safety_outcome_goes_to_the_situation_questions(live_stack):
    conversation = started(live_stack)
    conversation.say_text("/deny")
    conversation.say_text("/affirm")
    assert conversation.outcome["decision"]["route"] == "veiligheid"
    answer = conversation.say_text("/continue_triage")
    assert "Eerst moet het veilig zijn" not in answer
    answer = conversation.say_text("/deny")  # children
    assert STATUS_Q in answer


def test_only_nee_at_a_question_gets_the_wijkteam_within_two_replies(live_stack):
    conversation = at_status(live_stack)
    first = conversation.say_text("nee")
    second = conversation.say_text("nee")
    assert "038-000 00 01" in first + second  # the wijkteam, with the buttons again
    assert STATUS_Q in second


@pytest.mark.parametrize(("reply", "score"), [("een 8", 8), ("9", 9), ("een 6 of 7", 6)])
def test_a_score_in_words_is_filled(live_stack, reply, score):
    conversation = at_status(live_stack)
    conversation.say_text('/inform{"relationship_status": "together"}')
    assert SCORE_Q in conversation.say_text('/inform{"goal": "improve"}')
    answer = conversation.say_text(reply)
    assert NOT_UNDERSTOOD not in answer and SCORE_Q not in answer


@pytest.mark.parametrize("reply", ["2 meiden van 11 en 15", "ze zijn 12 en 14"])
def test_children_and_their_ages_in_words_are_filled(live_stack, reply):
    conversation = at_status(live_stack)
    assert "kinderen onder de 18" in conversation.say_text(
        '/inform{"relationship_status": "separating"}')
    answer = conversation.say_text(reply)
    assert NOT_UNDERSTOOD not in answer and "kinderen onder de 18" not in answer


def test_a_childs_age_at_the_score_question_is_no_score(live_stack):
    conversation = at_status(live_stack)
    conversation.say_text('/inform{"relationship_status": "together"}')
    conversation.say_text('/inform{"goal": "improve"}')
    answer = conversation.say_text("de kleine is 3")
    assert SCORE_Q in answer  # asked again: 3 is an age


@pytest.mark.parametrize(("reply", "field", "value"), [
    ("we zijn samen", "relationship_status", "together"),
])
def test_a_status_in_words_is_filled(live_stack, reply, field, value):
    conversation = at_status(live_stack)
    answer = conversation.say_text(reply)
    assert NOT_UNDERSTOOD not in answer and STATUS_Q not in answer
    answer = conversation.say_text("We willen er samen aan werken")
    assert NOT_UNDERSTOOD not in answer and "Wat wil je het liefst" not in answer


# --- Found by the grown reply tables (2026-12-04), each in the resident's exact words ---------
AGREEMENTS_Q = "afspraken maken"


def at_self_harm(live_stack) -> Conversation:
    conversation = at_status(live_stack)
    conversation.say_text('/inform{"relationship_status": "together"}')
    conversation.say_text('/inform{"goal": "improve"}')
    assert "zelfdoding" in conversation.say_text('/inform{"relationship_score": 2}')
    return conversation


@pytest.mark.parametrize("reply", ["elke dag", "misschien", "nee wacht, ja",
                                   "het spookt wel door mijn hoofd", "sinds de scheiding wel"])
def test_a_yes_without_ja_to_the_suicide_question_gives_113(live_stack, reply):
    conversation = at_self_harm(live_stack)
    answer = conversation.say_text(reply)
    assert "113" in answer and "Dag!" not in answer and "gewist" not in answer
    assert conversation.outcome["decision"]["route"] == "crisis"


@pytest.mark.parametrize("reply", ["vorige maand nog", "ze belt mijn werk om te checken of ik er ben",
                                   "alleen duwen", "'k heb soms schrik van hem"])
def test_violence_control_and_fear_in_words_are_a_yes_to_the_violence_question(live_stack, reply):
    conversation = started(live_stack)
    conversation.say_text("/deny")
    answer = conversation.say_text(reply)
    assert "Er is nog geen vorige vraag" not in answer and NOT_UNDERSTOOD not in answer
    assert conversation.outcome["decision"]["route"] == "veiligheid"


@pytest.mark.parametrize("reply", ["nee hij controleert me niet", "niet onveilig nee",
                                   "nee, hij dreigt hooguit met zijn advocaat haha"])
def test_a_no_with_danger_words_is_no_safety_route(live_stack, reply):
    conversation = started(live_stack)
    conversation.say_text("/deny")
    answer = conversation.say_text(reply)
    assert conversation.outcome is None
    assert "Wat naar dat je dit meemaakt" not in answer


def test_an_idiom_as_the_first_message_gets_no_safety_help(live_stack):
    conversation = Conversation(live_stack.webhook_url, "zwolle")
    answer = conversation.say_text("ik schrik me dood van de rekening van de advocaat, wat kost "
                                   "een scheiding eigenlijk")
    assert "Bel nu 112" not in answer and "Wat naar dat je dit meemaakt" not in answer
    assert "113" not in answer


@pytest.mark.parametrize("reply", ["met moeite", "met horten en stoten"])
def test_a_reply_that_diet_took_for_stop_does_not_wipe_the_conversation(live_stack, reply):
    conversation = at_status(live_stack)
    answer = conversation.say_text('/inform{"relationship_status": "separated"}')
    answer = click_until(conversation, AGREEMENTS_Q, answer)
    answer = conversation.say_text(reply)
    assert "gewist" not in answer and "Dag!" not in answer
    assert "advocaten" in answer or conversation.outcome is not None  # the next question


# --- Issue #9: the confirm question asks about what was said --------------------------------
CONTROL_CONFIRM = "houdt je partner of ex je steeds in de gaten"
THREAT_CONFIRM = "bedreigt je partner of ex je, of ben je bang voor wat hij of zij doet als je weggaat"
CONTROL_CHECK = "Als iemand bepaalt wat je doet of je steeds in de gaten houdt"


def test_control_gets_the_question_about_control_and_a_nee_does_not_answer_violence(live_stack):
    conversation = started(live_stack)
    answer = conversation.say_text("hij leest al mijn appjes en kijkt in mijn telefoon")
    assert "Veilig Thuis" in answer and CONTROL_CONFIRM in answer
    answer = conversation.say_text("nee")
    assert conversation.outcome is None
    assert ACUTE_Q in answer  # the screen goes on, and asks about violence itself after
    assert VIOLENCE_Q in conversation.say_text("/deny")


@pytest.mark.parametrize("story", ["hij zei dat ik het zou bezuren als ik wegga",
                                   "we gaan scheiden maar hij zegt dat ik het niet overleef als ik ga"])
def test_a_threat_gets_the_question_about_threats(live_stack, story):
    conversation = Conversation(live_stack.webhook_url, "zwolle")
    answer = conversation.say_text(story)
    assert "Veilig Thuis" in answer and THREAT_CONFIRM in answer
    assert "113" not in answer  # a threat is no suicide signal
    conversation.say_text("ja")
    assert conversation.outcome["decision"]["route"] == "veiligheid"


@pytest.mark.parametrize("reply", ["hij wil altijd weten waar ik ben", "hij laat me niks zelf beslissen"])
def test_coercive_control_at_a_question_gets_a_gentle_check_not_the_help(live_stack, reply):
    conversation = started(live_stack)
    answer = conversation.say_text(reply)
    assert "Wat naar dat je dit meemaakt" not in answer
    assert CONTROL_CHECK in answer and VIOLENCE_Q in answer
    answer = conversation.say_text("ja")
    assert conversation.outcome["decision"]["route"] == "veiligheid"


@pytest.mark.parametrize("first", ["ik typ namens haar", "ik typ namens mijn cliënte"])
def test_a_professional_typing_for_a_client_gets_the_triage_in_intake_wording(live_stack, first):
    conversation = Conversation(live_stack.webhook_url, "zwolle")
    answer = conversation.say_text(first)
    assert "computerprogramma, geen mens" in answer and "Snel weg" in answer  # the welcome
    assert "Vraag of de inwoner nu, op dit moment, in gevaar is." in answer  # intake wording
    assert "Vraag of de (ex-)partner" in conversation.say_text("/deny")


def test_an_injured_child_is_asked_about_the_children_and_a_no_about_me_does_not_clear_it(live_stack):
    conversation = Conversation(live_stack.webhook_url, "zwolle")
    answer = conversation.say_text(
        "de oudste kwam vorige week met een blauwe plek terug van zijn vader")
    assert "Maak je je zorgen over de veiligheid van kinderen" in answer
    assert "worden kinderen pijn gedaan" in answer  # the question is about the children
    conversation.say_text("nee, mij doet hij niks")  # about the resident, not the children
    conversation.say_text("/deny")  # acute
    assert CHILDREN_Q in conversation.say_text("/deny")  # violence; the children are asked again


def test_stalking_survives_hij_doet_me_niks(live_stack):
    conversation = Conversation(live_stack.webhook_url, "zwolle")
    answer = conversation.say_text("mijn ex staat elke dag bij mijn werk te wachten")
    assert CONTROL_CONFIRM in answer
    answer = conversation.say_text("nee hij doet me niks, hij is alleen heel opdringerig")
    assert "Fijn." not in answer and conversation.outcome is None
    for reply in ("/deny",):  # the screen goes on and asks about violence, control, following
        answer = conversation.say_text(reply)
    assert VIOLENCE_Q in answer
