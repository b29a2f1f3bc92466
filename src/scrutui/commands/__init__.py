"""The scrutui command's subcommands, one module each."""

from __future__ import annotations

import importlib

import click


class LazyGroup(click.Group):
    """A group whose commands may be named by where they live ("module:attribute") and are imported
    only when one is run or listed: opening the app imports none of them (nor what they use)."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.lazy: dict[str, str] = {}

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.lazy and cmd_name not in self.commands:
            module, _, attribute = self.lazy[cmd_name].partition(":")
            self.add_command(getattr(importlib.import_module(module), attribute), cmd_name)
        return super().get_command(ctx, cmd_name)


def register_commands(main: click.Group, export: click.Group) -> None:
    """Add every command kept in a module of its own (requests, the lists, imports, open data,
    search). Those modules import cli.py's helpers, so they are imported once cli.py has defined
    them: into a LazyGroup, only when one is run or listed by --help."""
    for group, name, where in _commands(main, export):
        if isinstance(group, LazyGroup):
            group.lazy[name] = where
        else:
            module, _, attribute = where.partition(":")
            group.add_command(getattr(importlib.import_module(module), attribute), name)


def _commands(main: click.Group, export: click.Group) -> list[tuple[click.Group, str, str]]:
    """Each command kept in a module of its own: its group, its name, and where it lives."""
    return [
        (main, "requests", "scrutui.commands.requests:requests_command"),
        (export, "requests", "scrutui.commands.requests:export_requests"),
        (export, "resolutions", "scrutui.commands.resolutions:export_resolutions"),
        (export, "decisions", "scrutui.commands.decisions:export_decisions"),
        (main, "import", "scrutui.commands.imports:import_group"),
        (export, "oparl", "scrutui.commands.open_data:export_oparl"),
        (export, "chapters", "scrutui.commands.open_data:export_chapters"),
        (main, "search", "scrutui.commands.search:search_command"),
        (main, "themes", "scrutui.commands.search:themes_command"),
    ]
