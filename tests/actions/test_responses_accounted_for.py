"""Every response in the domain is used, and every response the actions send exists.

`rasa data validate` (3.6) only sees responses named in rules and stories; it prints "not used in
any story or rule" for the ones the triage form asks (`utter_ask_<slot>`) and the ones custom
actions send. This test accounts for exactly those, so that warning list stays a known list, and
it catches the opposite mistake Rasa cannot see before run time: an action naming a response
that the domain does not have.
"""

import re
from pathlib import Path

import yaml

from routes import Route
from signals.danger_lexicon import DETAIL_BY_RULE_PREFIX

ROOT = Path(__file__).resolve().parents[2]
LITERAL = re.compile(r"""["'](utter_[a-z0-9_/]+)["']""")


def _domain() -> dict:
    return yaml.safe_load((ROOT / "domain.yml").read_text())


def _faq_responses() -> set[str]:
    data = yaml.safe_load((ROOT / "data" / "responses" / "faq.yml").read_text())
    return set(data.get("responses") or {})


def _named_in_dialogue_data() -> set[str]:
    names: set[str] = set()
    for path in (ROOT / "data" / "rules").glob("*.yml"):
        for rule in yaml.safe_load(path.read_text()).get("rules") or []:
            names |= {step["action"] for step in rule.get("steps", []) if "action" in step}
    return {name for name in names if name.startswith("utter_")}


def _asked_by_forms(domain: dict) -> set[str]:
    return {
        f"utter_ask_{slot}"
        for form in (domain.get("forms") or {}).values()
        for slot in form.get("required_slots") or []
    }


def _sent_by_actions() -> set[str]:
    names: set[str] = set()
    for path in (ROOT / "actions").glob("*.py"):
        names |= set(LITERAL.findall(path.read_text()))
    # Names the actions build: utter_outcome_<route> (actions/outcome.py) and utter_faq/<key>
    # (actions/help.py, the FAQ answers chosen by the response selector).
    names |= {f"utter_outcome_{route.value}" for route in Route}
    # ...and utter_check_violence_<detail> (actions/triage_form.py check_response).
    names |= {f"utter_check_violence_{detail}" for _, detail in DETAIL_BY_RULE_PREFIX}
    return names


def test_every_response_is_used_somewhere():
    domain = _domain()
    responses = set(domain.get("responses") or {}) | _faq_responses()
    used = _named_in_dialogue_data() | _asked_by_forms(domain) | _sent_by_actions()
    faq_answers = {name for name in responses if name.startswith("utter_faq/")}
    unused = responses - used - faq_answers
    assert not unused, f"responses nothing sends: {sorted(unused)}"


def test_every_response_the_actions_send_exists():
    domain = _domain()
    responses = set(domain.get("responses") or {}) | _faq_responses()
    missing = (_sent_by_actions() | _asked_by_forms(domain)) - responses
    assert not missing, f"responses named in actions/ or forms but not in the domain: {sorted(missing)}"
