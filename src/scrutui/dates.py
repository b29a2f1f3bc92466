"""Dates and times as minutes write them: 7 December 2026, 6.30 pm.

Kept apart from the models (this imports nothing of scrutui's), so that the app's first screen can
show a meeting's date before the validated models are imported. The composer and the formalities
re-export these.
"""

from __future__ import annotations

import datetime as dt


def long_date(day: dt.date) -> str:
    """A date as minutes write it: 7 December 2026."""
    return f"{day.day} {day:%B %Y}"


def long_time(time: dt.time) -> str:
    """A time as minutes write it: 6.30 pm."""
    hour = time.hour % 12 or 12
    half = "am" if time.hour < 12 else "pm"
    return f"{hour}.{time.minute:02d} {half}"
