"""The production profile: endpoints, nginx template and the Rasa server launcher (docs/deployment.md)."""
