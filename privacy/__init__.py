"""Relatieroute privacy layer: PII scrubbing and log hygiene (pure Python, no Rasa import).

* :func:`scrub` / :func:`scrub_value`: replace personal data with typed placeholders.
* :mod:`privacy.logging`: ``ScrubFilter``, ``ConversationRedactor`` and ``install()`` for the
  logging setup of the Rasa server and the action server.

Nothing is loaded at import time; the optional spaCy model loads on the first scrub.
"""

from privacy.scrubber import Scrubber, default_scrubber, scrub, scrub_mode, scrub_value

__all__ = ["Scrubber", "default_scrubber", "scrub", "scrub_mode", "scrub_value"]
