#!/usr/bin/env python3
"""Build the kampung UMKM guide: `python build.py` turns content/ into _site/.

Run `python build.py --help` for the other commands (check, schema, ...).
"""
import sys

from guide.cli import main

if __name__ == "__main__":
    sys.exit(main())
