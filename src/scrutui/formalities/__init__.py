"""The formalities of a meeting: attendance, arrivals and departures, quorum, declarations of
interest, exempt information (Schedule 12A), minute numbers, the standard order of business, and
the sign-off of minutes. Pure rules and models: no I/O, no Textual, no Word.

One module a formality: ``attendance`` (the roll call and the quorum), ``declarations``, ``exempt``
(Schedule 12A), ``numbering`` (the municipal year and minute numbers), ``business`` (the order of
business and standard wording), ``source`` (what minutes are made from, and their sign-off).
"""

from scrutui.formalities.attendance import (
    HERE,
    STATUS_LABELS,
    AttendanceLine,
    AttendanceStatus,
    Movement,
    MovementEvent,
    MovementLine,
    QuorumCount,
    Roll,
    RollLine,
)
from scrutui.formalities.business import (
    STANDARD_AFTER,
    STANDARD_BEFORE,
    apologies_sentence,
    item_kind,
    standard_agenda,
    standard_wording,
    substitutes_sentence,
)
from scrutui.formalities.declarations import (
    INTEREST_LABELS,
    Declaration,
    DeclarationLine,
    InterestAction,
    InterestCategory,
    nature_withheld,
)
from scrutui.formalities.exempt import (
    SCHEDULE_12A,
    ExemptCategories,
    check_exempt_paragraph,
    exclusion_resolution,
    exempt_categories,
)
from scrutui.formalities.numbering import (
    MUNICIPAL_YEAR_START_MONTH,
    SCHEME_LABELS,
    format_minute_number,
    item_minute_number,
    municipal_year,
    municipal_year_bounds,
    municipal_year_label,
    number_in_sequence,
    parse_municipal_year,
)
from scrutui.formalities.source import (
    Approval,
    CorrectionEntry,
    MinutesSource,
)
from scrutui.formalities.wording import and_list, long_date, person_reference

__all__ = [
    "HERE",
    "INTEREST_LABELS",
    "MUNICIPAL_YEAR_START_MONTH",
    "SCHEDULE_12A",
    "SCHEME_LABELS",
    "STANDARD_AFTER",
    "STANDARD_BEFORE",
    "STATUS_LABELS",
    "Approval",
    "AttendanceLine",
    "AttendanceStatus",
    "CorrectionEntry",
    "Declaration",
    "DeclarationLine",
    "ExemptCategories",
    "InterestAction",
    "InterestCategory",
    "MinutesSource",
    "Movement",
    "MovementEvent",
    "MovementLine",
    "QuorumCount",
    "Roll",
    "RollLine",
    "and_list",
    "apologies_sentence",
    "check_exempt_paragraph",
    "exclusion_resolution",
    "exempt_categories",
    "format_minute_number",
    "item_kind",
    "item_minute_number",
    "long_date",
    "municipal_year",
    "municipal_year_bounds",
    "municipal_year_label",
    "nature_withheld",
    "number_in_sequence",
    "parse_municipal_year",
    "person_reference",
    "standard_agenda",
    "standard_wording",
    "substitutes_sentence",
]
