"""The keys held while a screen opens: kept in order, let go once, and a hold's time limit never
lets go of a later hold's keys."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

from textual import events

from scrutui.tui.typed_ahead import HOLD_SECONDS, Released, TypedAhead


class FakeTimer:
    def __init__(self, callback: Callable[[], None]) -> None:
        self.callback = callback
        self.stopped = False

    def stop(self) -> None:
        self.stopped = True


class FakeApp:
    def __init__(self) -> None:
        self.timers: list[tuple[float, FakeTimer]] = []
        self.posted: list[object] = []

    def set_timer(self, delay: float, callback: Callable[[], None]) -> FakeTimer:
        timer = FakeTimer(callback)
        self.timers.append((delay, timer))
        return timer

    def post_message(self, message: object) -> None:
        self.posted.append(message)


def key(character: str) -> events.Key:
    return events.Key(character, character)


def test_keys_are_held_in_order_and_let_go_once() -> None:
    app = FakeApp()
    typed = TypedAhead(cast(Any, app))
    assert not typed.keeps(key("a"))  # nothing is held until a key opens a screen
    typed.hold()
    assert typed.holding and [delay for delay, _ in app.timers] == [HOLD_SECONDS]
    keys = [key(c) for c in "The"]
    assert all(typed.keeps(k) for k in keys)
    assert not typed.keeps(events.Resize.from_dimensions((80, 24), None))  # only what is typed
    typed.release()
    assert [type(m) for m in app.posted] == [Released]
    assert typed.take() == keys and not typed.holding
    assert not typed.keeps(key("x"))


def test_a_holds_time_limit_stops_with_it() -> None:
    app = FakeApp()
    typed = TypedAhead(cast(Any, app))
    typed.hold()
    typed.take()  # the screen opened and took the keys before the time limit
    first = app.timers[0][1]
    assert first.stopped
    typed.hold()  # another screen opens: its keys wait for it, not for the first limit
    assert typed.keeps(key("b")) and typed.holding
    typed.take()
    assert app.timers[1][1].stopped
