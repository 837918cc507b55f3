"""`python -m lipcheck` and the `lipcheck` console script."""

from __future__ import annotations

import sys


def main() -> None:
    from lipcheck.cli import main as run

    sys.exit(run())


if __name__ == "__main__":
    main()
