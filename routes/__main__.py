"""``python -m routes``: see :mod:`routes.cli`."""

import sys

from routes.cli import main

sys.exit(main())
