"""Custom Rasa NLU components: the Dutch spaCy pipeline and the danger-signal safety net."""
