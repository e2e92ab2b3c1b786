"""The Rasa server's speed-ups, one module each; `deploy.rasa_speedups.install()` applies them."""
