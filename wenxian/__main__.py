"""`python -m wenxian …`: the same command line as the `wenxian` script (wenxian.cli)."""
import sys

from .cli import main

sys.exit(main())
