"""FlatPredictStep (deploy/speedups/model_loading.py): the traced prediction called directly.

The comparison on the real model is in test_model_loading.py (every parse equal to Rasa's own
loading); these tests pin the edges on a small function with the same kind of signature.
"""

from __future__ import annotations

import numpy as np
import pytest
import tensorflow as tf

from deploy.speedups.model_loading import FlatPredictStep

SIGNATURE = [(tf.TensorSpec((None, 3), tf.float32), tf.TensorSpec((None,), tf.int64))]


class Counting:
    """A tf.function with an input signature, counting how often it is called from Python."""

    def __init__(self) -> None:
        self.calls = 0
        self.function = tf.function(
            lambda batch: {"sum": tf.reduce_sum(batch[0], axis=1) * tf.cast(batch[1], tf.float32),
                           "rows": tf.shape(batch[0])[0]},
            input_signature=SIGNATURE, autograph=False)

    def __call__(self, batch):
        self.calls += 1
        return self.function(batch)

    def get_concrete_function(self):
        return self.function.get_concrete_function()


def batch(rows: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    generator = np.random.default_rng(seed)
    return (generator.random((rows, 3), dtype=np.float32),
            generator.integers(0, 9, rows, dtype=np.int64))


def same(left, right) -> bool:
    return tf.nest.map_structure(lambda _: 0, left) == tf.nest.map_structure(lambda _: 0, right) and all(
        np.array_equal(np.asarray(a), np.asarray(b))
        for a, b in zip(tf.nest.flatten(left), tf.nest.flatten(right), strict=True))


def test_matching_batches_skip_the_tf_function_and_give_the_same_outputs():
    counting = Counting()
    step = FlatPredictStep(counting)
    first = step(batch(2))  # traces through the tf.function
    assert counting.calls == 1 and same(first, counting.function(batch(2)))
    for rows, seed in [(1, 1), (5, 2), (40, 3)]:
        assert same(step(batch(rows, seed)), counting.function(batch(rows, seed)))
    assert counting.calls == 1


@pytest.mark.parametrize("odd", [
    (np.ones((2, 3), np.float64), np.ones(2, np.int64)),  # another dtype
    (np.ones((2, 3, 1), np.float32), np.ones(2, np.int64)),  # another rank
    ([[1.0, 2.0, 3.0]], np.ones(1, np.int64)),  # not an array
])
def test_other_batches_go_through_the_tf_function_as_before(odd):
    counting = Counting()
    step = FlatPredictStep(counting)
    step(batch(2))
    try:
        expected = counting.function(odd)
    except (TypeError, ValueError) as error:
        with pytest.raises(type(error)):
            step(odd)
    else:
        assert same(step(odd), expected)
    assert counting.calls == 2  # the first call and this one


def test_a_batch_with_a_missing_part_fails_as_before():
    counting = Counting()
    step = FlatPredictStep(counting)
    step(batch(2))
    with pytest.raises((TypeError, ValueError)):
        step((batch(2)[0],))
