"""The scrutui command's subcommands, one module each."""

from __future__ import annotations

import click


def register_tracker_commands(main: click.Group, export: click.Group) -> None:
    """Add ``scrutui requests``, ``scrutui export requests``, ``scrutui export resolutions`` and
    ``scrutui export decisions``.

    (Those modules import cli.py's helpers, so they are imported once cli.py has defined them.)
    """
    from scrutui.commands import decisions, requests, resolutions

    main.add_command(requests.requests_command)
    export.add_command(requests.export_requests)
    export.add_command(resolutions.export_resolutions)
    export.add_command(decisions.export_decisions)


def register_import_and_open_data_commands(main: click.Group, export: click.Group) -> None:
    """Add ``scrutui import moderngov``, ``scrutui import agenda``, ``scrutui export oparl`` and
    ``scrutui export chapters`` (imported once cli.py is loaded, as above)."""
    from scrutui.commands import imports, open_data

    main.add_command(imports.import_group)
    export.add_command(open_data.export_oparl)
    export.add_command(open_data.export_chapters)


def register_search_commands(main: click.Group) -> None:
    """Add ``scrutui search`` and ``scrutui themes`` (imported late, as above)."""
    from scrutui.commands import search

    main.add_command(search.search_command)
    main.add_command(search.themes_command)
