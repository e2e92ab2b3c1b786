"""Relatieroute action server: thin Rasa SDK actions around the pure `routes` engine.

One module per concern (session, answer extraction, the triage form, safety, outcome, help,
control). Everything the resident reads is a response in `domain.yml`; these modules only pick
the response and fill in the local facts from the gemeente's catalogue.
"""

from privacy.logging import install as _install_log_privacy

# The action server imports this package once at start, after rasa_sdk configured logging:
# from here on nothing a resident typed reaches a log at INFO or above, and DEBUG is scrubbed.
# "redact" keeps a line (without content) for operations, e.g. when an action failed.
_install_log_privacy(at_info="redact")
