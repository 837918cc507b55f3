"""`python -m lipcheck` and the `lipcheck` console script."""

from __future__ import annotations

import sys


def main() -> None:
    try:
        from lipcheck.fast_path import answer

        page = answer(sys.argv[1:])
        if page is not None and sys.stdout is not None:
            try:
                sys.stdout.write(page)
                sys.stdout.flush()
            except (OSError, UnicodeEncodeError):
                pass  # the command line says why the output was lost, or writes what this stream cannot
            else:
                sys.exit(0)
        from lipcheck.cli import main as run
    except KeyboardInterrupt:  # Ctrl-C while the modules load: same answer as during a check
        from lipcheck.messages import text

        sys.stderr.write(text("cli.interrupted") + "\n")
        sys.exit(130)
    sys.exit(run())


if __name__ == "__main__":
    main()
