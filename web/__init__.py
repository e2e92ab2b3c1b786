"""Relatieroute web front end: the resident chat widget, the demo gemeente page, the wijkteam
intake page and the (authenticated) mount of the statistics dashboard.

Run with ``python -m web``; build the app in code with :func:`web.app.create_app`.
"""
