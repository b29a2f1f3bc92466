"""The fake ModernGov web service, for every test here."""

from tests.imports.moderngov_server import moderngov

__all__ = ["moderngov"]
