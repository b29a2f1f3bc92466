"""The municipal year (May to April) and minute numbers in each scheme."""

from __future__ import annotations

import datetime as dt
import re

from scrutui.errors import ScrutuiError
from scrutui.models import NumberingScheme

#: Councils' municipal year runs from the annual meeting in May to the following April.
MUNICIPAL_YEAR_START_MONTH = 5


def municipal_year(day: dt.date) -> int:
    """The calendar year in which the municipal year holding `day` began (May to April)."""
    return day.year if day.month >= MUNICIPAL_YEAR_START_MONTH else day.year - 1


def municipal_year_label(year: int) -> str:
    """A municipal year as councils write it: 2026/27."""
    return f"{year}/{(year + 1) % 100:02d}"


def parse_municipal_year(text: str) -> int:
    """The year a municipal year began, from "2024/25", "2024-25", "2024/2025" or "2024"."""
    match = re.fullmatch(r"\s*(\d{4})(?:\s*[/-]\s*(\d{2}|\d{4}))?\s*", text)
    if not match:
        raise ScrutuiError(f"{text.strip() or 'A blank'} is not a municipal year: write it as 2024/25.")
    year = int(match[1])
    if match[2] is not None and int(match[2][-2:]) != (year + 1) % 100:
        raise ScrutuiError(
            f"{text.strip()} is not a municipal year: the second year follows the first, as in 2024/25."
        )
    if not 1990 <= year <= 2200:
        raise ScrutuiError(f"{year} is not a plausible municipal year.")
    return year


def municipal_year_bounds(year: int) -> tuple[dt.date, dt.date]:
    """The first and last day of a municipal year."""
    return dt.date(year, MUNICIPAL_YEAR_START_MONTH, 1), dt.date(year + 1, MUNICIPAL_YEAR_START_MONTH, 1) - (
        dt.timedelta(days=1)
    )


SCHEME_LABELS = {
    NumberingScheme.CONTINUOUS: "Continuous 111.",
    NumberingScheme.NUMBER_YEAR: "Number/year 60/25",
    NumberingScheme.ITEM_PARAGRAPH: "Item.para 4.1",
}


def format_minute_number(scheme: NumberingScheme, sequence: int, year: int) -> str:
    """A minute number as stored: "111" (continuous) or "60/25" (number/year)."""
    if scheme is NumberingScheme.NUMBER_YEAR:
        return f"{sequence}/{year % 100:02d}"
    return str(sequence)


def number_in_sequence(minute_number: str) -> int | None:
    """The running number in a stored minute number ("60/25" -> 60), or None."""
    match = re.match(r"\d+", minute_number)
    return int(match[0]) if match else None


def item_minute_number(agenda_number: str, taken_before: int) -> str:
    """The number an item takes under the item.paragraph scheme: its agenda number (4, 4a), or else
    its place among the items taken so far."""
    number = agenda_number.strip().rstrip(".")
    return number or str(taken_before + 1)
