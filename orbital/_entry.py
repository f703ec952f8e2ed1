"""The ``orbital`` console script: a Ctrl-C is answered in one line from the first instant, imports included."""

import sys


def main() -> int:
    try:
        from .cli import main as run
    except KeyboardInterrupt:
        print("orbital: interrupted", file=sys.stderr)
        return 130
    return run()
