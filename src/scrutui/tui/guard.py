"""Errors on screen: one line in plain words, never a traceback; the detail goes to the log."""

from __future__ import annotations

import functools
import logging
import sys
from collections.abc import Callable
from typing import Any, TypeVar

from textual.dom import DOMNode
from textual.message_pump import MessagePump

from scrutui.errors import ScrutuiError
from scrutui.logs import redacted
from scrutui.paths import log_path

log = logging.getLogger("scrutui.tui")
F = TypeVar("F", bound=Callable[..., Any])


def describe_error(error: BaseException) -> str:
    """The one line a user sees for an error."""
    if "pydantic" in sys.modules:  # (not imported here: the first screen is drawn before it is)
        from pydantic import ValidationError

        from scrutui.models import validation_message

        if isinstance(error, ValidationError):
            return validation_message(error)
    if isinstance(error, ScrutuiError):
        return str(error)
    log.error("unexpected error", exc_info=error)
    return f"Something went wrong ({type(error).__name__}: {redacted(error)}). Details are in {log_path()}."


def report(node: MessagePump, error: BaseException) -> None:
    """Show an error as a notification."""
    node.app.notify(describe_error(error), severity="error", timeout=10)


def guarded(method: F) -> F:
    """Catch any error a user action raises and show it instead of crashing the app.

    Works for plain and async methods of widgets and screens. Whatever was saved before the error
    stays saved: every write commits on its own.
    """
    if _is_coroutine(method):

        @functools.wraps(method)
        async def run_async(self: DOMNode, *args: Any, **kwargs: Any) -> Any:
            try:
                return await method(self, *args, **kwargs)
            except Exception as error:
                report(self, error)
                return None

        return run_async  # type: ignore[return-value]

    @functools.wraps(method)
    def run(self: DOMNode, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(self, *args, **kwargs)
        except Exception as error:
            report(self, error)
            return None

    return run  # type: ignore[return-value]


def _is_coroutine(function: Callable[..., Any]) -> bool:
    import inspect

    return inspect.iscoroutinefunction(function)
