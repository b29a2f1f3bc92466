"""scrutui: minute overview-and-scrutiny meetings live from the keyboard."""

__version__ = "0.1.0"
