"""Hostile and odd text typed on the capture line is saved, shown, exported and read back from the
.docx exactly as typed after the documented cleaning (control characters dropped, a lone surrogate
becomes U+FFFD), or, when nothing is left after cleaning, not saved at all."""

from __future__ import annotations

from pathlib import Path

from scrutui.export.minutes_export import MinutesExport, export_minutes
from scrutui.minutes import sentence
from scrutui.models import clean_text
from scrutui.store import open_store
from scrutui.tui.screens.minuting import MinutingScreen
from scrutui.tui.widgets.record_list import RecordList
from tests.conftest import add_meeting_to, app_on
from tests.export.helpers import paragraphs
from tests.tui.helpers import capture

HOSTILE = [
    "Nul\x00 and bell\x07 and escape\x1b[31m characters vanish",
    "A lone surrogate \ud83d stays visible as a replacement",
    "Emoji 🙂👍🏽 and a family 👨‍👩‍👧 survive",
    "Welsh: Gŵyl Dewi, ŷd, Llŷr and ŵyn",
    "Right to left: تقرير اللجنة and עברית",
    "Robert'); DROP TABLE record;-- and ' OR 1=1 --",
    "Template tags {{ 7*7 }} and {% for x in y %}{{ x }}{% endfor %} and {# note #}",
    "Word fields { PAGE } and { MERGEFIELD name } and \x13 PAGE \x14 1 \x15 typed as text",
    'Smith & Jones <Ltd> "quoted" it\'s',
    "Tabs\tand\nnew lines\r\nfold into the paragraph",
]
BIG = "Paragraph of a pasted report, with figures 12,345 and 67%. " * 17_000  # about 1 MB


async def test_hostile_text_saved_shown_exported_and_read_back(db_path: Path, tmp_path: Path) -> None:
    _, meeting, items = add_meeting_to(db_path)
    app = app_on(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_minuting(meeting.id or 0)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MinutingScreen)
        for line in [*HOSTILE, BIG, "\x00\x01\x02   \x1f"]:
            await capture(pilot, line)
        assert screen.query_one(RecordList).option_count == len(HOSTILE) + 1  # the all-control line saved nothing

    store = open_store(db_path)
    saved = [r.text for r in store.records.for_item(items[0].id or 0)]
    result = export_minutes(store, MinutesExport(meeting_id=meeting.id or 0, folder=tmp_path))
    store.close()
    # A capture line is one paragraph: line breaks pasted into it fold into spaces.
    expected_saved = [clean_text(line).replace("\n", " ") for line in [*HOSTILE, BIG]]
    assert saved == expected_saved
    assert "\ufffd" in saved[1] and "\x00" not in saved[0] and "\x13" not in saved[7]
    body = [text for _, text in paragraphs(result.docx)]
    for text in expected_saved:
        wanted = sentence(" ".join(line.strip() for line in text.splitlines()))
        assert wanted in body, wanted[:80]
