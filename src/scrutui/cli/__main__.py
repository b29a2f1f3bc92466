"""``python -m scrutui.cli``: the scrutui command."""

from scrutui.cli.group import main

main()
