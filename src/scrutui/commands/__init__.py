"""The scrutui command's subcommands, one module each."""
