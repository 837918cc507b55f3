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
        from lipcheck.cli import EXIT_INTERRUPTED
        from lipcheck.cli import main as run
    except KeyboardInterrupt:  # Ctrl-C while the modules load: same answer as during a check
        from lipcheck.messages import text

        sys.stderr.write(text("cli.interrupted") + "\n")
        sys.exit(130)  # lipcheck.cli.EXIT_INTERRUPTED, whose import this Ctrl-C cut short
    code = run()
    if code == EXIT_INTERRUPTED:
        _leave_now(code)
    sys.exit(code)


def _leave_now(code: int) -> None:
    """End the process after Ctrl-C without Python's exit handlers.

    The run has stopped its workers and every `finally` has run (no partial file is left), but
    Python 3.11's process pool can still wait at exit for a queue thread that was writing to a
    worker killed mid-write (CPython gh-94777), and the user pressed Ctrl-C to leave now.
    """
    import os

    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):
            pass
    os._exit(code)


if __name__ == "__main__":
    main()
