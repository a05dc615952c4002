"""Entry script of the standalone build: the same ``patroon`` command pip installs."""

import sys

from patroon.cli import main

if __name__ == "__main__":
    sys.exit(main())
