"""The ``scrutui`` command as installed: the garbage collector is kept out of the way while Python
imports what scrutui needs to start (it would only walk objects that live as long as the program),
and the command runs as ``scrutui.cli`` defines it.

``scrutui.cli`` turns the collector back on before any command runs; the app freezes what start-up
made out of the collector's sight first (see ``scrutui.tui.app.run_app``).
"""

from __future__ import annotations

import gc


def main() -> None:
    """Run the scrutui command."""
    gc.disable()
    from scrutui.cli import main as command

    command()


if __name__ == "__main__":
    main()
