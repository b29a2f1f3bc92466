"""When each meeting's decision notice was exported: the meetings list shows a Welsh meeting's
deadline until then."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from scrutui.models import Jurisdiction, now
from scrutui.store.base import Handle


@dataclass(frozen=True)
class NoticeState:
    """A meeting's date, its committee's nation and when its decision notice was last exported."""

    meeting_id: int
    meeting_date: dt.date
    jurisdiction: Jurisdiction
    exported_at: str | None = None
    path: str = ""


class NoticeRepository:
    """Remembers decision notices exported."""

    def __init__(self, handle: Handle) -> None:
        self._h = handle

    def exported(self, meeting_id: int, path: str) -> str:
        """Remember that the meeting's notice was exported now (to `path`); returns when."""
        stamp = now()
        with self._h.write() as conn:
            conn.execute(
                """INSERT INTO decision_notice (meeting_id, exported_at, path) VALUES (?, ?, ?)
                   ON CONFLICT (meeting_id) DO UPDATE SET exported_at = excluded.exported_at, path = excluded.path""",
                [meeting_id, stamp, path],
            )
        return stamp

    def states(self, meeting_ids: Sequence[int]) -> dict[int, NoticeState]:
        """Each meeting's notice state, by meeting id."""
        found: dict[int, NoticeState] = {}
        ids = list(meeting_ids)
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            rows = self._h.rows(
                f"""SELECT m.id, m.date, c.jurisdiction, n.exported_at, n.path FROM meeting m
                    JOIN committee c ON c.id = m.committee_id
                    LEFT JOIN decision_notice n ON n.meeting_id = m.id
                    WHERE m.id IN ({", ".join("?" for _ in chunk)})""",
                chunk,
            )
            for r in rows:
                found[int(r["id"])] = NoticeState(
                    int(r["id"]),
                    dt.date.fromisoformat(r["date"]),
                    Jurisdiction(r["jurisdiction"]),
                    r["exported_at"],
                    r["path"] or "",
                )
        return found

    def state(self, meeting_id: int) -> NoticeState | None:
        """One meeting's notice state (None for an unknown meeting)."""
        return self.states([meeting_id]).get(meeting_id)
