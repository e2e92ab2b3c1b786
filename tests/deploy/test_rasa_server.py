"""`python -m deploy.rasa_server`: process settings made before TensorFlow is imported."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import json, os, sys
from deploy.rasa_server import prepare_process
prepare_process()
import tensorflow as tf
from tensorflow.lite.python import util
print(json.dumps({
    "jax_loaded": sys.modules.get("jax") is not None,
    "tflite_jax": util._xla_computation is not None,
    # TensorFlow's runtime reads these itself (tf.config does not show them)
    "intra": int(os.environ["TF_INTRA_OP_PARALLELISM_THREADS"]),
    "inter": int(os.environ["TF_INTER_OP_PARALLELISM_THREADS"]),
}))
"""


def _probe(env_extra: dict[str, str]) -> dict:
    import json
    import os

    env = {k: v for k, v in os.environ.items() if not k.startswith("TF_")} | env_extra
    result = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True,
                            text=True, check=False, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_tensorflow_runs_without_jax_and_with_one_thread_per_operation():
    found = _probe({})
    assert found == {"jax_loaded": False, "tflite_jax": False, "intra": 1, "inter": 1}


def test_the_environment_can_still_choose_tensorflows_threads():
    found = _probe({"TF_INTRA_OP_PARALLELISM_THREADS": "2", "TF_INTER_OP_PARALLELISM_THREADS": "2"})
    assert (found["intra"], found["inter"]) == (2, 2)


def test_without_the_setting_tensorflow_would_import_jax():
    # The setting matters: plain TensorFlow in this environment does pull JAX in.
    result = subprocess.run(
        [sys.executable, "-c", "import sys, tensorflow; print('jax' in sys.modules)"],
        cwd=ROOT, capture_output=True, text=True, check=False, timeout=300,
    )
    assert result.stdout.strip().splitlines()[-1] == "True", result.stderr[-2000:]
