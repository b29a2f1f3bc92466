"""The scrutui command's subcommands, one module each (registered by ``scrutui.cli.group``)."""
