"""The scrutui command's subcommands, one module each."""

from __future__ import annotations

import click


def register_tracker_commands(main: click.Group, export: click.Group) -> None:
    """Add ``scrutui requests``, ``scrutui export requests`` and ``scrutui export resolutions``.

    (Those modules import cli.py's helpers, so they are imported once cli.py has defined them.)
    """
    from scrutui.commands import requests, resolutions

    main.add_command(requests.requests_command)
    export.add_command(requests.export_requests)
    export.add_command(resolutions.export_resolutions)


def register_search_commands(main: click.Group) -> None:
    """Add ``scrutui search`` and ``scrutui themes`` (imported late, as above)."""
    from scrutui.commands import search

    main.add_command(search.search_command)
    main.add_command(search.themes_command)
