"""``python -m stats``: see :mod:`stats.cli`."""

import sys

from stats.cli import main

sys.exit(main())
