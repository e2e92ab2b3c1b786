"""Rasa input channels of Relatieroute."""
