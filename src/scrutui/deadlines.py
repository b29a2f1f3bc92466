"""Due dates: clear working days (skipping weekends and the bank holidays of the committee's
nation) and calendar months.

Bank holidays come from the ``holidays`` package, which is maintained against each nation's
published proclamations, rather than a list typed in here that would go stale.
"""

from __future__ import annotations

import calendar
import datetime as dt
from functools import lru_cache
from typing import TYPE_CHECKING

from scrutui.models import Jurisdiction

if TYPE_CHECKING:
    import holidays

#: The UK subdivision whose bank holidays apply in each jurisdiction (Wales shares England's).
_SUBDIVISION = {
    Jurisdiction.ENGLAND: "ENG",
    Jurisdiction.WALES: "WLS",
    Jurisdiction.SCOTLAND: "SCT",
    Jurisdiction.NORTHERN_IRELAND: "NIR",
}


@lru_cache(maxsize=8)
def _calendar(jurisdiction: Jurisdiction) -> holidays.HolidayBase:
    import holidays  # imported when first needed: it is large, and start-up should not wait for it

    return holidays.country_holidays("GB", subdiv=_SUBDIVISION[jurisdiction])


def is_bank_holiday(day: dt.date, jurisdiction: Jurisdiction = Jurisdiction.ENGLAND) -> bool:
    """True when `day` is a bank or public holiday in `jurisdiction`."""
    return day in _calendar(jurisdiction)


def is_working_day(day: dt.date, jurisdiction: Jurisdiction = Jurisdiction.ENGLAND) -> bool:
    """True for Monday to Friday when not a bank holiday."""
    return day.weekday() < 5 and not is_bank_holiday(day, jurisdiction)


def add_clear_working_days(
    start: dt.date, days: int, jurisdiction: Jurisdiction = Jurisdiction.ENGLAND
) -> dt.date:
    """The date `days` clear working days after `start`.

    The day of the request itself does not count; the due date is the last of the `days` working
    days that follow it.
    """
    if days < 0:
        raise ValueError("days must not be negative")
    day, counted = start, 0
    while counted < days:
        day += dt.timedelta(days=1)
        if is_working_day(day, jurisdiction):
            counted += 1
    return day


def add_months(start: dt.date, months: int) -> dt.date:
    """The same day `months` calendar months later (the month's last day if it is shorter)."""
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


#: Welsh principal councils publish a note of a meeting's attendance, declarations and decisions
#: (with how members voted) within seven working days of the meeting (section 100C of the Local
#: Government Act 1972, as the Local Government and Elections (Wales) Act 2021 amended it).
DECISION_NOTICE_DAYS = 7


def decision_notice_due(meeting_date: dt.date, jurisdiction: Jurisdiction) -> dt.date | None:
    """The last day to publish a meeting's decision notice: seven working days after the meeting,
    skipping the nation's bank holidays, in Wales; None elsewhere (no such duty)."""
    if jurisdiction is not Jurisdiction.WALES:
        return None
    return add_clear_working_days(meeting_date, DECISION_NOTICE_DAYS, jurisdiction)
