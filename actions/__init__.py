"""Relatieroute action server: thin Rasa SDK actions around the pure `routes` engine.

One module per concern (session, answer extraction, the triage form, safety, outcome, help,
control). Everything the resident reads is a response in `domain.yml`; these modules only pick
the response and fill in the local facts from the gemeente's catalogue.
"""
