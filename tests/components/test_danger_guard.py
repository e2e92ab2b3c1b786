"""The DangerSignalGuard: the lexicon is explicit and wins; the model alone is only possible."""

import pytest
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from components.danger_guard import DangerSignalGuard


def message(text, intent, confidence=0.9, ranking=None):
    msg = Message(data={TEXT: text})
    msg.set(INTENT, {"name": intent, "confidence": confidence})
    msg.set(INTENT_RANKING_KEY, ranking or [{"name": intent, "confidence": confidence}])
    return msg


@pytest.fixture
def guard():
    return DangerSignalGuard(DangerSignalGuard.get_default_config())


@pytest.mark.parametrize(
    ("text", "intent"),
    [("hij slaad me elke week", "danger_violence"), ("ik wil nie meer leve", "danger_self_harm"),
     ("hij staat voor de deur", "danger_acute"), ("hij slaat de kinderen", "danger_children")],
)
def test_lexicon_overrides_a_wrong_intent(guard, text, intent):
    msg = message(text, "inform")
    guard.process([msg])
    assert msg.get(INTENT)["name"] == intent
    assert msg.get("danger_signal") and text not in msg.get("danger_signal")
    assert msg.get("danger_level") == "explicit"


def test_a_danger_intent_below_the_fallback_threshold_is_rescued(guard):
    ranking = [{"name": "nlu_fallback", "confidence": 0.45},
               {"name": "danger_violence", "confidence": 0.3}, {"name": "inform", "confidence": 0.25}]
    msg = message("het is thuis zo eng de laatste tijd", "nlu_fallback", 0.45, ranking)
    guard.process([msg])
    assert msg.get(INTENT)["name"] == "danger_violence"  # recall first, as before the grades


@pytest.mark.parametrize(
    ("text", "intent"),
    # DIET was sure (1.0 after the guard) of these replies to the barriers question.
    [("ik heb geen oppas voor de kinderen", "danger_children"),
     ("ik vind het gewoon genant", "danger_self_harm"), ("'t is hier ver van alles", "danger_acute")],
)
def test_a_short_message_without_a_danger_word_is_heard_only_in_context(guard, text, intent):
    msg = message(text, intent, 0.99)
    guard.process([msg])
    assert msg.get(INTENT)["name"] == "inform"
    assert msg.get("danger_level") == "possible"
    assert msg.get("danger_signal") == "classifier_in_context"


def test_a_long_sentence_or_a_danger_word_keeps_the_models_explicit_signal(guard):
    for text in ("ik ben bang als hij thuiskomt", "het is al weken zo dat ik niet meer weet hoe ik "
                 "thuis moet zijn zonder dat het misgaat"):
        msg = message(text, "danger_violence", 0.9)
        guard.process([msg])
        assert (msg.get(INTENT)["name"], msg.get("danger_level")) == ("danger_violence", "explicit")


def test_a_rescued_danger_intent_on_a_two_word_reply_is_a_possible_signal(guard):
    ranking = [{"name": "nlu_fallback", "confidence": 0.45},
               {"name": "danger_self_harm", "confidence": 0.28}, {"name": "inform", "confidence": 0.2}]
    msg = message("valt mee", "nlu_fallback", 0.45, ranking)
    guard.process([msg])
    assert msg.get(INTENT)["name"] == "inform"
    assert (msg.get("danger_possible"), msg.get("danger_level")) == ("self_harm", "possible")


@pytest.mark.parametrize(
    ("text", "intent", "kind"),
    # DIET was sure of these (0.8-0.96) on the trained model: the words say the opposite.
    [("ik ben niet in gevaar", "danger_acute", "acute"),
     ("de kinderen zijn veilig", "danger_children", "children"),
     ("beter communiceren", "danger_self_harm", "self_harm")],
)
def test_the_model_alone_on_a_short_or_all_clear_reply_is_only_possible(guard, text, intent, kind):
    msg = message(text, intent, 0.96)
    guard.process([msg])
    assert msg.get(INTENT)["name"] == "inform"
    assert msg.get("danger_possible") == kind


def test_a_button_payload_is_left_alone(guard):
    msg = message("/affirm", "affirm", 1.0)
    guard.process([msg])
    assert msg.get(INTENT)["name"] == "affirm"
    assert msg.get("danger_level") is None


def test_ordinary_messages_are_left_alone(guard):
    ranking = [{"name": "inform", "confidence": 0.5}, {"name": "danger_violence", "confidence": 0.1}]
    msg = message("we maken veel ruzie over geld", "inform", 0.5, ranking)
    guard.process([msg])
    assert msg.get(INTENT)["name"] == "inform"
    assert msg.get("danger_signal") is None


def test_a_danger_intent_ranked_behind_an_ordinary_one_is_not_rescued(guard):
    # "geld" as an answer to "andere zorgen?": fallback, affirm 0.39, danger_violence 0.37
    ranking = [{"name": "nlu_fallback", "confidence": 0.45}, {"name": "affirm", "confidence": 0.39},
               {"name": "danger_violence", "confidence": 0.37}]
    msg = message("zorgen om geld", "nlu_fallback", 0.45, ranking)
    guard.process([msg])
    assert msg.get(INTENT)["name"] == "nlu_fallback"


def test_the_model_sure_of_a_whole_sentence_is_explicit(guard):
    # Wording the lexicon does not know; DIET is sure and the sentence says no all-clear.
    msg = message("hij sleurde me gisteren aan mijn arm door de hele gang", "danger_violence", 0.93)
    guard.process([msg])
    assert msg.get(INTENT)["name"] == "danger_violence"
    assert msg.get("danger_level") == "explicit" and msg.get("danger_signal") == "classifier"


def test_the_model_sure_of_an_all_clear_sentence_is_only_possible(guard):
    msg = message("nee hoor ik ben echt veilig thuis nu", "danger_acute", 0.95)
    guard.process([msg])
    assert msg.get(INTENT)["name"] == "inform" and msg.get("danger_possible") == "acute"


def test_a_story_read_as_inform_after_the_fallback_is_still_rescued(guard):
    # The MessageKindGuard runs first and reads a long fallback message as a story (`inform`).
    ranking = [{"name": "nlu_fallback", "confidence": 0.45},
               {"name": "danger_violence", "confidence": 0.35}, {"name": "inform", "confidence": 0.2}]
    msg = message("hij zegt dingen over wat er met mij gebeurt als ik ooit wegga bij hem",
                  "inform", 0.45, ranking)
    msg.set("message_kind", "nlu_fallback")
    guard.process([msg])
    assert msg.get(INTENT)["name"] == "danger_violence"
