"""DIET and ResponseSelector models loaded for serving without a training step
(`deploy/rasa_speedups.py`, 3)."""

from __future__ import annotations

import logging
from typing import Any

logger = logging.getLogger(__name__)


def trace_without_autograph(model: Any, predict_data_example: Any) -> None:
    """Prepares the model's prediction function as `RasaModel._rasa_predict` would, without AutoGraph.

    AutoGraph rewrites the Python source of every layer into graph code, which takes most of the
    time of the first prediction (about 3 s for DIET), although the prediction code branches and
    loops on Python values only. Should that change, the trace fails loudly here (a tensor
    used as a Python bool) and the caller falls back to Rasa's own way.
    """
    import tensorflow as tf
    from rasa.utils.train_utils import create_data_generators

    generator, _ = create_data_generators(model_data=predict_data_example, batch_sizes=1, epochs=1,
                                          shuffle=False)
    batch_in = next(iter(generator))[0]  # the batch `run_inference` will trace with
    model._tf_predict_step = FlatPredictStep(tf.function(
        model.predict_step, input_signature=model._dynamic_signature(batch_in), autograph=False
    ))


class FlatPredictStep:
    """The traced prediction function, called with its flat list of tensors.

    Calling a `tf.function`, TensorFlow matches the arguments to its signature again every time
    (nest, type specs, cache key): for a DIET prediction that took longer than running the graph
    (3.3 ms vs 1.5 ms per call, timed ad hoc on the reference machine). The signature is fixed
    (`input_signature`), so this converts the batch's arrays to tensors of the signature's types
    and runs the one concrete function directly. Any batch that does not match the signature
    exactly (count, array type, dtype, shape) goes through the `tf.function` as before, which
    converts it or raises as it always did.
    """

    def __init__(self, function: Any) -> None:
        self.function = function
        self._concrete: Any = None  # the traced function, known after the first call

    def _take_concrete_function(self) -> None:
        # Only after the first call: that one traces the graph after `prepare_for_predict`
        # (tracing earlier would capture the label embeddings as graph tensors of another graph).
        import numpy as np
        import tensorflow as tf

        self._concrete = self.function.get_concrete_function()
        (arguments,), _ = self._concrete.structured_input_signature
        self._specs = tf.nest.flatten(arguments)
        self._dtypes = [np.dtype(spec.dtype.as_numpy_dtype) for spec in self._specs]

    def _matches(self, values: list[Any]) -> bool:
        import numpy as np

        return len(values) == len(self._specs) and all(
            isinstance(value, np.ndarray) and value.dtype == dtype
            and spec.shape.is_compatible_with(value.shape)
            for value, dtype, spec in zip(values, self._dtypes, self._specs, strict=True)
        )

    def __call__(self, batch_in: Any) -> Any:
        # TensorFlow is imported here, not at module level: deploy/rasa_server.py configures it
        # before the first import.
        import tensorflow as tf

        if self._concrete is None:
            outputs = self.function(batch_in)
            self._take_concrete_function()
            return outputs
        values = tf.nest.flatten(batch_in)
        if not self._matches(values):
            return self.function(batch_in)
        tensors = [tf.convert_to_tensor(value) for value in values]
        return self._concrete._call_flat(tensors, self._concrete.captured_inputs)


def load_for_inference(original: Any) -> Any:
    """RasaModel.load without the one-example training run (`deploy/rasa_speedups.py`, 3).

    `original`: the function behind Rasa's classmethod (called with the subclass being loaded).
    """
    from rasa.utils.tensorflow.constants import RUN_EAGERLY

    def load(cls: Any, model_file_name: str, model_data_example: Any, predict_data_example: Any = None,
             finetune_mode: bool = False, *args: Any, **kwargs: Any) -> Any:
        config = kwargs.get("config", {})
        if finetune_mode or config.get(RUN_EAGERLY) or not predict_data_example:
            return original(cls, model_file_name, model_data_example, predict_data_example, finetune_mode,
                            *args, **kwargs)
        model = cls(*args, **kwargs)
        status = model.load_weights(model_file_name)
        try:
            trace_without_autograph(model, predict_data_example)
            model.run_inference(predict_data_example)  # creates (and so restores) every weight
            status.assert_existing_objects_matched()
        except (AssertionError, TypeError) as error:  # TypeError: a tensor used as a Python bool
            logger.warning("Model %s: fast loading not possible (%s); Rasa's own loading runs "
                           "instead", model_file_name, type(error).__name__)
            return original(cls, model_file_name, model_data_example, predict_data_example, finetune_mode,
                            *args, **kwargs)
        status.expect_partial()  # the optimizer's state in the file is for training only
        return model

    load.__doc__ = original.__doc__
    return classmethod(load)
