"""The ``scrutui`` command line: the group (``group``), the options and errors every command shares
(``options``), paging long output (``paging``) and the subcommands, one module each (``commands``)."""

from scrutui.cli.group import main

__all__ = ["main"]
