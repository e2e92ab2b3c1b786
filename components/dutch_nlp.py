"""Rasa component that provides the Dutch spaCy pipeline (see `components.dutch_pipeline`)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.utils.spacy_utils import SpacyModel, SpacyNLP

from components.dutch_pipeline import DutchPipeline, load_dutch_pipeline


@lru_cache(maxsize=1)
def _pipeline_of_this_process() -> DutchPipeline:
    # Rasa's graph creates this component twice (model provider and featurizer node); loading
    # the lookup tables once saves a second or two of every server start.
    return load_dutch_pipeline()


@DefaultV1Recipe.register(
    [
        DefaultV1Recipe.ComponentType.MODEL_LOADER,
        DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER,
    ],
    is_trainable=False,
    model_from="DutchSpacyNLP",
)
class DutchSpacyNLP(SpacyNLP):
    """`SpacyNLP` that needs no `model:` setting: it picks the best Dutch pipeline available.

    The model name in the fingerprint differs between the official model and the fallback,
    so switching between them retrains the NLU part.
    """

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> DutchSpacyNLP:
        """Loads the pipeline once per process (see parent class for the full docstring)."""
        pipeline = _pipeline_of_this_process()
        model = SpacyModel(model=pipeline.nlp, model_name=pipeline.name)
        cls.ensure_proper_language_model(model.model)
        return cls(model, {**cls.get_default_config(), **config})
