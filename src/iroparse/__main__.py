"""``python -m iroparse``: the command line."""

import sys

from iroparse.cli import main

sys.exit(main())
