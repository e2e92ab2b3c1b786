"""Anonymous route statistics of Relatieroute.

The action server records, per conversation, how far it got and which route came out::

    from stats import get_recorder, Step, Channel

    rec = get_recorder()          # lazy, process-wide; nothing connects at import time
    rec.update(key, gemeente="zwolle", channel=Channel.WEB, started_at=now, step=Step.WELCOME)

``update`` never blocks and never raises. The dashboard is :func:`stats.web.create_app`; the
command line is ``python -m stats``. See ``stats/README.md``.
"""

from stats.fields import (
    Channel,
    Intensity,
    Outcome,
    Route,
    Safety,
    Step,
    new_conversation_key,
)
from stats.recorder import Recorder, get_recorder

__all__ = [
    "Channel",
    "Intensity",
    "Outcome",
    "Recorder",
    "Route",
    "Safety",
    "Step",
    "get_recorder",
    "new_conversation_key",
]
