"""action_extract_answers: payloads, yes/no/weet ik niet, and free text filling several answers."""

from action_helpers import make_tracker, slot_events

from actions.extract import ActionExtractAnswers


async def extract(dispatcher, **kwargs):
    return slot_events(await ActionExtractAnswers().run(dispatcher, make_tracker(**kwargs), {}))


async def test_free_text_fills_several_answers_at_once(dispatcher):
    slots = await extract(dispatcher, text="we zijn vorig jaar gescheiden en hebben 2 kinderen van 5 en 8",
                          intent="inform")
    assert slots == {"relationship_status": "separated", "children_under_18": True,
                     "youngest_child_age": 5}


async def test_button_payload_entities_are_used(dispatcher):
    entities = [{"entity": "relationship_status", "value": "together"}]
    slots = await extract(dispatcher, text='/inform{"relationship_status": "together"}',
                          intent="inform", entities=entities,
                          slots={"requested_slot": "relationship_status"}, active_loop="triage_form")
    assert slots == {"relationship_status": "together"}


async def test_yes_no_answers_the_question_asked(dispatcher):
    slots = await extract(dispatcher, text="/affirm", intent="affirm",
                          slots={"requested_slot": "legal_proceedings"}, active_loop="triage_form")
    assert slots == {"legal_proceedings": True}


async def test_dont_know_is_stored_as_asked(dispatcher):
    slots = await extract(dispatcher, text="/dont_know", intent="dont_know",
                          slots={"requested_slot": "goal"}, active_loop="triage_form")
    assert slots == {"goal": "dont_know"}
    slots = await extract(dispatcher, text="/dont_know", intent="dont_know",
                          slots={"requested_slot": "partner_willing"}, active_loop="triage_form")
    assert slots == {"partner_willing": "unknown"}


async def test_words_beat_a_misclassified_intent(dispatcher):
    # "verslaving" was once classified as dont_know: the text still answers the question.
    slots = await extract(dispatcher, text="verslaving", intent="dont_know",
                          slots={"requested_slot": "other_problems"}, active_loop="triage_form")
    assert slots == {"other_problems": ["addiction"]}


async def test_control_intents_are_not_parsed_for_answers(dispatcher):
    slots = await extract(dispatcher, text="wat kost het als we gaan scheiden?", intent="faq",
                          slots={"requested_slot": "goal"}, active_loop="triage_form")
    assert slots == {}


async def test_earlier_answers_are_not_overwritten_by_passing_remarks(dispatcher):
    slots = await extract(dispatcher, text="we zijn uit elkaar, dat zei ik al", intent="inform",
                          slots={"relationship_status": "separating", "requested_slot": "goal"},
                          active_loop="triage_form")
    assert "relationship_status" not in slots


async def test_invalid_payload_values_are_ignored(dispatcher):
    entities = [{"entity": "relationship_score", "value": 42}]
    slots = await extract(dispatcher, text='/inform{"relationship_score": 42}', intent="inform",
                          entities=entities, slots={"requested_slot": "relationship_score"},
                          active_loop="triage_form")
    assert slots == {}


def _parse(text, kind):
    return {"text": text, "intent": {"name": "inform", "confidence": 0.9},
            "danger_possible": kind, "danger_level": "possible",
            "danger_signal": "classifier_in_context"}


def test_the_models_short_signal_is_a_yes_only_as_the_reply_to_a_safety_question():
    from actions.extract import ANSWER, read_message

    # "ik kras in mijn armen" at the self-harm question: DIET said violence; still a yes.
    reading = read_message(_parse("ik kras in mijn armen", "violence"), "self_harm")
    assert reading.kind == ANSWER and reading.answers["self_harm"] is True
    # At the barriers question the same kind of signal is a gentle question, never an answer.
    reading = read_message(_parse("ik heb geen oppas voor de kinderen", "children"), "barriers")
    assert reading.answers.get("children_unsafe") is None and reading.check == "children_unsafe"
    # "Ben je nu in gevaar?" is only answered yes by a signal of its own kind.
    reading = read_message(_parse("hij heeft mijn pols verdraaid", "violence"), "acute_danger")
    assert "acute_danger" not in reading.answers
