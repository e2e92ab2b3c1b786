"""Helper for test_model_loading.py: loads the trained model and parses every NLU example.

`python tests/deploy/parse_with_model.py MODEL [--speedups]` prints one JSON object: how often
Rasa trained a model while loading, and for each text the intents and FAQ answer with their
confidences (unrounded). Run as its own process so each way of loading starts from scratch.
"""

from __future__ import annotations

import asyncio
import json
import logging
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from deploy.rasa_server import prepare_process  # noqa: E402


def nlu_texts() -> list[str]:
    import yaml

    texts = []
    for path in sorted((ROOT / "data" / "nlu").glob("*.yml")):
        for item in yaml.safe_load(path.read_text()).get("nlu", []):
            for line in str(item.get("examples", "")).splitlines():
                if line.strip().startswith("- "):
                    texts.append(line.strip()[2:])
    # Every third example (all intents, ~650 texts: equality needs no more) and some bad input.
    return [*texts[::3], "", "😢😢", "<script>alert(1)</script>", "asdf qwer", "x" * 2000]


def main(model: str, speedups: bool) -> None:
    prepare_process()  # the same process settings both ways; only the loading differs
    from rasa.core.agent import load_agent
    from rasa.utils.tensorflow.models import RasaModel

    fits = []
    original_fit = RasaModel.fit

    def counting_fit(self, *args, **kwargs):
        fits.append(type(self).__name__)
        return original_fit(self, *args, **kwargs)

    RasaModel.fit = counting_fit
    if speedups:
        from deploy.rasa_speedups import install

        install()
    warnings: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            warnings.append(record.getMessage())

    logging.getLogger("deploy.speedups").addHandler(Collect(level=logging.WARNING))
    agent = asyncio.run(load_agent(model_path=model))

    async def parse_all() -> list[dict]:
        results = []
        for text in nlu_texts():
            parsed = await agent.parse_message(text)
            faq = parsed.get("response_selector", {}).get("faq", {}).get("response", {})
            results.append({
                "text": text,
                "intent": parsed["intent"]["name"],
                "ranking": [(i["name"], i["confidence"]) for i in parsed["intent_ranking"]],
                "faq": (faq.get("utter_action"), faq.get("confidence")),
            })
        return results

    print(json.dumps({"fits": fits, "warnings": warnings, "parses": asyncio.run(parse_all())}))


if __name__ == "__main__":
    main(sys.argv[1], "--speedups" in sys.argv[2:])
