"""A meeting as minutes: headings, minute numbers, prose paragraphs, lists and labelled resolution
parts, in the committee's house style. Pure: no I/O, no Textual, no Word.

The same paragraphs feed the preview pane on the minuting screen and every exported document, so
what the clerk sees while typing is what the draft minutes will say. The pieces, by concern:

- ``document``: the document model (styles, paragraphs, items, the whole document);
- ``wording``: dates, times, sentences and clauses; ``speakers``: who said what, and the verb;
- ``labels``: labelled decision parts; ``numbering``: minute numbers and item.paragraph numbers;
- ``records``: each kind of record as prose; ``items``: one agenda item, in house order;
- ``action_log``: what earlier meetings are owed; ``formalities``: attendance, declarations,
  arrivals and departures, exclusion, confirmation;
- ``assembly``: the whole meeting, and the preview of one item.
"""

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
