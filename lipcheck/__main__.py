"""`python -m lipcheck` and the `lipcheck` console script."""

from __future__ import annotations

import sys


def main() -> None:
    try:
        from lipcheck.cli import main as run
    except KeyboardInterrupt:  # Ctrl-C while the modules load: same answer as during a check
        from lipcheck.messages import text

        sys.stderr.write(text("cli.interrupted") + "\n")
        sys.exit(130)
    sys.exit(run())


if __name__ == "__main__":
    main()
