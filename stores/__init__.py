"""Rasa tracker stores of Relatieroute."""
