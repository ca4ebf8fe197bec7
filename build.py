#!/usr/bin/env python3
"""Build the kampung UMKM guide: `python build.py` turns content/ into _site/.

Run `python build.py --help` for the other commands (check, schema, ...).
"""

import os
import sys

from kampung_guide.cli import main

if __name__ == "__main__":
    status = main()
    # Leave without freeing every object of the build one by one (a quarter of a second after
    # 1,000 profiles): the system takes the memory back at once. Every process and file the
    # commands open is closed by then; only the output streams need flushing.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)
