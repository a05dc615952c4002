import sys

from patroon.cli import main

sys.exit(main())
