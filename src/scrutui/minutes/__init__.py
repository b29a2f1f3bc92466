"""A meeting as minutes: headings, minute numbers, prose paragraphs, lists and labelled resolution
parts, in the committee's house style. Pure: no I/O, no Textual, no Word.

The same paragraphs feed the preview pane on the minuting screen and every exported document, so
what the clerk sees while typing is what the draft minutes will say. The pieces, by concern:

- ``document``: the document model (styles, paragraphs, items, the whole document);
- ``wording``: dates, times, sentences and clauses; ``speakers``: who said what, and the verb;
- ``labels``: labelled decision parts; ``numbering``: minute numbers and item.paragraph numbers;
- ``records``: each kind of record as prose; ``discussion``: an item's records in the order
  typed, and what the minuting screen keeps of one composition for the next; ``items``: one
  agenda item, in house order;
- ``action_log``: what earlier meetings are owed; ``formalities``: attendance, declarations,
  arrivals and departures, exclusion, confirmation;
- ``assembly``: the whole meeting, and the preview of one item.

Each name below is imported from its module when first asked for (PEP 562), not when the package
is: the app's first screen uses the wording (dates, times) before the composer, and with it pydantic
and the models, has been imported.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from scrutui.minutes.action_log import action_log_paragraphs, carried_line, carried_subject, reported_by
    from scrutui.minutes.assembly import annexed_minutes, build_from, build_minutes, preview_item
    from scrutui.minutes.document import (
        ANNEX_HEADING,
        AttendanceEntry,
        MinuteItem,
        MinutesDocument,
        Paragraph,
        Style,
    )
    from scrutui.minutes.formalities import (
        attendance_entries,
        attendance_paragraphs,
        closing_paragraphs,
        declaration_paragraphs,
        declaration_sentence,
        drafted_exclusion,
        item_notes,
        movement_sentence,
        needs_exclusion,
        withdrawal_notes,
    )
    from scrutui.minutes.items import exempt_reference, exempt_stub, item_paragraphs, minute_item
    from scrutui.minutes.labels import (
        DecisionForm,
        agreed_form,
        decision,
        labelled_parts,
        part_label,
        recommended_form,
        requested_form,
        resolved_form,
    )
    from scrutui.minutes.numbering import item_reference, minute_number, numbered
    from scrutui.minutes.records import (
        assurance_prose,
        block_paragraphs,
        narrative_paragraphs,
        question_prose,
        request_clause,
        text_paragraphs,
    )
    from scrutui.minutes.speakers import asker_reference, reported_speech, speaker_reference, typed_verb
    from scrutui.minutes.wording import clause, long_date, long_time, sentence

#: Where each name lives.
_HOMES = {
    "ANNEX_HEADING": "scrutui.minutes.document",
    "AttendanceEntry": "scrutui.minutes.document",
    "DecisionForm": "scrutui.minutes.labels",
    "MinuteItem": "scrutui.minutes.document",
    "MinutesDocument": "scrutui.minutes.document",
    "Paragraph": "scrutui.minutes.document",
    "Style": "scrutui.minutes.document",
    "action_log_paragraphs": "scrutui.minutes.action_log",
    "agreed_form": "scrutui.minutes.labels",
    "annexed_minutes": "scrutui.minutes.assembly",
    "asker_reference": "scrutui.minutes.speakers",
    "assurance_prose": "scrutui.minutes.records",
    "attendance_entries": "scrutui.minutes.formalities",
    "attendance_paragraphs": "scrutui.minutes.formalities",
    "block_paragraphs": "scrutui.minutes.records",
    "build_from": "scrutui.minutes.assembly",
    "build_minutes": "scrutui.minutes.assembly",
    "carried_line": "scrutui.minutes.action_log",
    "carried_subject": "scrutui.minutes.action_log",
    "clause": "scrutui.minutes.wording",
    "closing_paragraphs": "scrutui.minutes.formalities",
    "decision": "scrutui.minutes.labels",
    "declaration_paragraphs": "scrutui.minutes.formalities",
    "declaration_sentence": "scrutui.minutes.formalities",
    "drafted_exclusion": "scrutui.minutes.formalities",
    "exempt_reference": "scrutui.minutes.items",
    "exempt_stub": "scrutui.minutes.items",
    "item_notes": "scrutui.minutes.formalities",
    "item_paragraphs": "scrutui.minutes.items",
    "item_reference": "scrutui.minutes.numbering",
    "labelled_parts": "scrutui.minutes.labels",
    "long_date": "scrutui.minutes.wording",
    "long_time": "scrutui.minutes.wording",
    "minute_item": "scrutui.minutes.items",
    "minute_number": "scrutui.minutes.numbering",
    "movement_sentence": "scrutui.minutes.formalities",
    "narrative_paragraphs": "scrutui.minutes.records",
    "needs_exclusion": "scrutui.minutes.formalities",
    "numbered": "scrutui.minutes.numbering",
    "part_label": "scrutui.minutes.labels",
    "preview_item": "scrutui.minutes.assembly",
    "question_prose": "scrutui.minutes.records",
    "recommended_form": "scrutui.minutes.labels",
    "reported_by": "scrutui.minutes.action_log",
    "reported_speech": "scrutui.minutes.speakers",
    "request_clause": "scrutui.minutes.records",
    "requested_form": "scrutui.minutes.labels",
    "resolved_form": "scrutui.minutes.labels",
    "sentence": "scrutui.minutes.wording",
    "speaker_reference": "scrutui.minutes.speakers",
    "text_paragraphs": "scrutui.minutes.records",
    "typed_verb": "scrutui.minutes.speakers",
    "withdrawal_notes": "scrutui.minutes.formalities",
}

__all__ = [
    "ANNEX_HEADING",
    "AttendanceEntry",
    "DecisionForm",
    "MinuteItem",
    "MinutesDocument",
    "Paragraph",
    "Style",
    "action_log_paragraphs",
    "agreed_form",
    "annexed_minutes",
    "asker_reference",
    "assurance_prose",
    "attendance_entries",
    "attendance_paragraphs",
    "block_paragraphs",
    "build_from",
    "build_minutes",
    "carried_line",
    "carried_subject",
    "clause",
    "closing_paragraphs",
    "decision",
    "declaration_paragraphs",
    "declaration_sentence",
    "drafted_exclusion",
    "exempt_reference",
    "exempt_stub",
    "item_notes",
    "item_paragraphs",
    "item_reference",
    "labelled_parts",
    "long_date",
    "long_time",
    "minute_item",
    "minute_number",
    "movement_sentence",
    "narrative_paragraphs",
    "needs_exclusion",
    "numbered",
    "part_label",
    "preview_item",
    "question_prose",
    "recommended_form",
    "reported_by",
    "reported_speech",
    "request_clause",
    "requested_form",
    "resolved_form",
    "sentence",
    "speaker_reference",
    "text_paragraphs",
    "typed_verb",
    "withdrawal_notes",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value
