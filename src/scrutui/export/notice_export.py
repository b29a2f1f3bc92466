"""Export a meeting's decision notice (Word, CSV or JSON) and remember that it was exported: what
``scrutui export decisions`` and the meetings list's ``p`` both run."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from scrutui.export.minutes_export import file_slug
from scrutui.minutes import long_date
from scrutui.store import Store


@dataclass(frozen=True)
class NoticeResult:
    """What an export of a decision notice wrote."""

    files: tuple[Path, ...]
    decisions: int
    publish_by: dt.date | None
    remembered: bool

    def summary(self, today: dt.date | None = None) -> str:
        """One line for the clerk: where the notice went, and by when to publish it."""
        plural = "" if self.decisions == 1 else "s"
        line = f"Wrote the decision notice ({self.decisions} decision{plural} and vote{plural}) to {self.files[0]}."
        for also in self.files[1:]:
            line += f" Wrote {also}."
        if self.publish_by is not None:
            late = (today or dt.date.today()) > self.publish_by
            line += (
                f" It was due by {long_date(self.publish_by)}: publish it now."
                if late
                else f" Publish it by {long_date(self.publish_by)} (seven working days after the meeting)."
            )
        return line


def default_notice_name(committee: str, date: dt.date, format_: str = "docx") -> str:
    """children-and-young-people-scrutiny-committee-decisions-2026-11-10.docx"""
    return (
        "-".join(part for part in (file_slug(committee), "decisions", date.isoformat()) if part)
        + f".{format_}"
    )


def export_decision_notice(
    store: Store,
    meeting_id: int,
    path: Path,
    *,
    format_: str = "docx",
    force: bool = False,
    pdf: bool = False,
    template: Path | None = None,
) -> NoticeResult:
    """Write the meeting's decision notice to `path` and remember it was exported (unless the
    database is open read-only). Nothing is written if anything is refused."""
    from scrutui.export.lists import write_csv, write_docx, write_json
    from scrutui.notice import NOTICE_COLUMNS, decision_notice, notice_document, notice_json, notice_rows

    notice = decision_notice(store.signoff.source(meeting_id))
    if format_ == "csv":
        files = [write_csv(path, NOTICE_COLUMNS, notice_rows(notice), force=force)]
    elif format_ == "json":
        files = [write_json(path, notice_json(notice), force=force)]
    else:
        document = notice_document(notice, as_at=dt.date.today())
        files = write_docx(path, document, force=force, template=template, pdf=pdf)
    remembered = not store.read_only
    if remembered:
        store.notices.exported(meeting_id, str(files[0]))
    return NoticeResult(tuple(files), notice.decisions, notice.publish_by, remembered)
