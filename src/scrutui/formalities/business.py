"""The standard order of business, what each item is, and the standard wording for it."""

from __future__ import annotations

import datetime as dt

from scrutui.agenda import parse_agenda
from scrutui.formalities.attendance import AttendanceStatus, Roll, RollLine
from scrutui.formalities.wording import and_list, long_date
from scrutui.models import AgendaItem

#: The standard order of business before and after the substantive items.
STANDARD_BEFORE = (
    "Apologies for absence",
    "Substitutes",
    "Declarations of interest",
    "Minutes of the previous meeting",
    "Action log",
    "Public questions and petitions",
)


STANDARD_AFTER = ("Forward plan", "Work programme", "Exclusion of the press and public")


_TITLE_KINDS: list[tuple[str, str]] = [
    ("apolog", "apologies"),
    ("substitut", "substitutes"),
    ("declaration", "declarations"),
    ("minutes", "minutes"),
    ("action log", "action_log"),
    ("matters arising", "action_log"),
    ("public question", "public"),
    ("petition", "public"),
    ("forward plan", "forward_plan"),
    ("work programme", "work_programme"),
    ("exclusion", "exclusion"),
]


def item_kind(title: str) -> str:
    """What kind of standard item a title names ("apologies", "minutes" ...), or "" for others."""
    folded = title.casefold()
    return next((kind for words, kind in _TITLE_KINDS if words in folded), "")


def standard_agenda(substantive: str, previous_meeting: dt.date | None = None) -> str:
    """Agenda lines in the standard order, with the substantive items typed so far in the middle.

    Lines already typed that name a standard item are kept once, in the standard place.
    """
    typed = parse_agenda(substantive)
    standard = {item_kind(t) for t in (*STANDARD_BEFORE, *STANDARD_AFTER)}
    middle = [item for item in typed if item_kind(item.title) not in standard]
    lines: list[str] = []

    def add(title: str, purpose: str = "") -> None:
        lines.append(f"{len(lines) + 1}. {title}" + (f" | {purpose}" if purpose else ""))

    for title in STANDARD_BEFORE:
        purpose = ""
        if item_kind(title) == "minutes" and previous_meeting is not None:
            purpose = f"To confirm the minutes of the meeting held on {long_date(previous_meeting)}"
        add(title, purpose)
    for item in middle:
        add(item.title, item.purpose)
    for title in STANDARD_AFTER:
        add(title)
    return "\n".join(lines)


def standard_wording(
    item: AgendaItem,
    *,
    roll: Roll | None = None,
    previous_meeting: dt.date | None = None,
    exclusion: str = "",
    declared: bool = False,
) -> list[str]:
    """Capture lines of standard wording for an item, the likeliest first.

    Each is a line as the clerk would type it ("r the minutes of ... be confirmed ..."), so it is
    saved as the right kind of record when entered.
    """
    kind = item_kind(item.title)
    lines: list[str] = []
    if kind == "apologies":
        lines.append(apologies_sentence(roll))
        if roll is not None and _substitutions(roll):
            lines.append(substitutes_sentence(roll))
    elif kind == "substitutes":
        lines.append(substitutes_sentence(roll))
    elif kind == "declarations":
        lines.append(
            "No other declarations of interest were made."
            if declared
            else "There were no declarations of interest."
        )
    elif kind == "minutes":
        # Never a blank to fill in: without the date (the screen asks for it), "the previous meeting".
        held = f"meeting held on {long_date(previous_meeting)}" if previous_meeting else "previous meeting"
        lines.append(f"r the minutes of the {held} be confirmed as a correct record and signed by the Chair")
        lines.append(
            f"r subject to the correction below, the minutes of the {held} be confirmed as a correct record "
            "and signed by the Chair"
        )
    elif kind == "action_log":
        lines.append("r the action log be noted")
    elif kind == "public":
        lines.append("There were no public questions or petitions.")
    elif kind == "forward_plan":
        lines.append("r the forward plan be noted")
    elif kind == "work_programme":
        lines += ["ag the work programme be approved", "r the work programme be noted"]
    elif kind == "exclusion" and exclusion:
        lines.append(f"r {exclusion}")
    lines += [
        "r the report be noted",
        "The Chair thanked the officers for attending and for the report.",
    ]
    return list(dict.fromkeys(lines))


def _substitutions(roll: Roll) -> list[RollLine]:
    return [line for line in roll.lines if line.status is AttendanceStatus.SUBSTITUTE]


def apologies_sentence(roll: Roll | None) -> str:
    """ "Apologies for absence were received from Councillor A and Councillor B." from the roll."""
    names = [
        line.reference for line in (roll.lines if roll else []) if line.status is AttendanceStatus.APOLOGIES
    ]
    if not names:
        return "There were no apologies for absence."
    return f"Apologies for absence were received from {and_list(names)}."


def substitutes_sentence(roll: Roll | None) -> str:
    """ "Councillor Z attended as a substitute for Councillor A." from the roll."""
    subs = _substitutions(roll) if roll else []
    if not subs:
        return "There were no substitutes."
    return " ".join(f"{s.reference} attended as a substitute for {s.substitute_for}." for s in subs)
