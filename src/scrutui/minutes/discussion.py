"""An item's discussion: its records gone through in the order typed, as paragraphs under their
sub-headings, with its decisions and information requests gathered for the end of the item.

The minuting screen composes its item again after every save, so it keeps what was composed
(`ProseCache`): each record's words, each decision's parts, and the discussion as it stood before
the item's last record. The next composition goes on from there when the records before it are the
same, so saving at the end of a long item (a new record, an answer or a list item on the last one)
goes through one or two records, not all of them.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from scrutui.minutes.document import Paragraph, Style
from scrutui.minutes.labels import requested_form
from scrutui.minutes.records import assurance_prose, narrative_paragraphs, question_prose, request_clause
from scrutui.minutes.votes import VotePlan
from scrutui.models import (
    Assurance,
    Committee,
    Heading,
    InformationRequest,
    Motion,
    Narrative,
    Question,
    Recommendation,
    Record,
    Resolution,
    ResolutionForm,
)
from scrutui.store.people import KnownPeople

T = TypeVar("T")


@dataclass
class Discussion:
    """What going through an item's records, in order, has made so far."""

    records: list[Record] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    section: str = ""  # the sub-heading the records stand under (casefolded), if any
    resolved: list[str] = field(default_factory=list)
    agreed: list[str] = field(default_factory=list)
    recommended: dict[str, list[str]] = field(default_factory=dict)
    requests: list[str] = field(default_factory=list)

    def copy(self) -> Discussion:
        """A copy to go on from, leaving this one as it is."""
        return Discussion(
            list(self.records),
            list(self.paragraphs),
            self.section,
            list(self.resolved),
            list(self.agreed),
            {body: list(texts) for body, texts in self.recommended.items()},
            list(self.requests),
        )

    def go_through(self, record: Record, votes: VotePlan, words: RecordProse) -> None:
        """Add one record: a sub-heading opens a section that runs to the next sub-heading or to an
        end of section; an assurance names its theme as a sub-heading unless it is already under
        it; a motion is minuted as moved, its vote where `votes` places it; decisions and
        information requests are gathered for the end of the item."""
        self.records.append(record)
        paragraphs = self.paragraphs
        paragraphs += votes.before(record)
        match record:
            case Heading(ends_section=True):
                self.section = ""
            case Heading():
                paragraphs.append(Paragraph(Style.THEME, record.text))
                self.section = record.text.casefold()
            case Narrative():
                paragraphs += words.narrative(record)
            case Question():
                paragraphs.append(Paragraph(Style.BODY, words.question(record)))
            case Assurance():
                if record.theme and record.theme.casefold() != self.section:
                    paragraphs.append(Paragraph(Style.THEME, record.theme))
                    self.section = record.theme.casefold()
                paragraphs.append(Paragraph(Style.BODY, words.assurance(record)))
            case Resolution():
                (self.agreed if record.form is ResolutionForm.AGREED else self.resolved).append(record.text)
            case Recommendation():
                self.recommended.setdefault(record.addressee, []).append(record.text)
            case InformationRequest():
                self.requests.append(words.request(record))
            case Motion():
                paragraphs += votes.moved(record)


def discussion_of(records: Sequence[Record], votes: VotePlan, words: RecordProse) -> Discussion:
    """The discussion of these records, going on from the one `words.prose` kept where it can."""
    # Going on is right however the item's motions were voted on: a vote minuted before the records
    # kept depends only on them (the records up to the next motion or sub-heading after its motion).
    prose = words.prose
    discussion = (prose.resume(records) if prose is not None else None) or Discussion()
    rest = records[len(discussion.records) :]
    for index, record in enumerate(rest):
        if prose is not None and index == len(rest) - 1:
            prose.keep(discussion.copy())  # as it stands before the last record
        discussion.go_through(record, votes, words)
    return discussion


class RecordProse:
    """Each kind of record put into words in a committee's house style, knowing these people; each
    record's words kept by `prose`, if given."""

    def __init__(self, committee: Committee, people: KnownPeople, prose: ProseCache | None = None) -> None:
        self.committee, self.people, self.prose = committee, people, prose
        if prose is not None:
            prose.begin(committee, people)
        self._said: Callable[[Any, Callable[[Any], Any]], Any] = prose.of if prose is not None else _said_now
        self.asked_for = requested_form(committee)

    def narrative(self, record: Narrative) -> tuple[Paragraph, ...]:
        """A narrative's paragraphs and list items."""
        found: tuple[Paragraph, ...] = self._said(record, _narrated)
        return found

    def question(self, record: Question) -> str:
        """A question and its answer."""
        found: str = self._said(record, self._asked)
        return found

    def assurance(self, record: Assurance) -> str:
        """An assurance sought and the response."""
        found: str = self._said(record, self._sought)
        return found

    def request(self, record: InformationRequest) -> str:
        """An information request, as a part."""
        found: str = self._said(record, self._requested)
        return found

    def parts(self, key: Hashable, compose: Callable[[], list[Paragraph]]) -> list[Paragraph]:
        """A decision's paragraphs (`key` says which form and which texts), kept by `prose`."""
        return self.prose.parts(key, compose) if self.prose is not None else compose()

    def _asked(self, record: Question) -> str:
        return question_prose(record, self.committee, self.people)

    def _sought(self, record: Assurance) -> str:
        return assurance_prose(record, self.people)

    def _requested(self, record: InformationRequest) -> str:
        return request_clause(
            record, self.people, case=self.asked_for.case, due_dates=self.committee.request_due_dates
        )


def _narrated(record: Narrative) -> tuple[Paragraph, ...]:
    return tuple(narrative_paragraphs(record))


def _said_now(record: object, compose: Callable[[Any], T]) -> T:
    return compose(record)


class ProseCache:
    """What composing an item made, kept for the next composition of it (the minuting screen
    composes its item again after every save): each record's words, each decision's paragraphs, and
    the discussion before the last record. A record is put into words again only when it is a new
    record object (added, edited, read again) or the committee or the people known have changed;
    what a composition does not use is dropped, so it holds one item's at most."""

    def __init__(self) -> None:
        self._context: tuple[object, object] | None = None
        self._last: dict[int, tuple[object, Any]] = {}
        self._now: dict[int, tuple[object, Any]] = {}
        self._parts_last: dict[Hashable, list[Paragraph]] = {}
        self._parts_now: dict[Hashable, list[Paragraph]] = {}
        self._kept: Discussion | None = None

    def begin(self, committee: Committee, people: KnownPeople) -> None:
        """Start a composition (with this committee's house style and these people)."""
        same = self._context is not None and self._context[0] is committee and self._context[1] is people
        self._last = self._now if same else {}
        self._parts_last = self._parts_now if same else {}
        if not same:
            self._kept = None
        self._now, self._parts_now, self._context = {}, {}, (committee, people)

    def of(self, record: object, compose: Callable[[Any], T]) -> T:
        """`compose(record)`, or what it gave last time for this very record."""
        found = self._last.get(id(record))
        if found is None or found[0] is not record:
            found = (record, compose(record))
        self._now[id(record)] = found
        return found[1]

    def parts(self, key: Hashable, compose: Callable[[], list[Paragraph]]) -> list[Paragraph]:
        """`compose()`, or what it gave last time for the same `key`."""
        found = self._parts_last.get(key)
        if found is None:
            found = compose()
        self._parts_now[key] = found
        return found

    def keep(self, discussion: Discussion) -> None:
        """Keep `discussion` for the next composition to go on from."""
        self._kept = discussion

    def resume(self, records: Sequence[Record]) -> Discussion | None:
        """A copy of the discussion kept, when `records` begin with its records (the very objects)."""
        kept = self._kept
        if kept is None or len(kept.records) > len(records):
            return None
        if any(a is not b for a, b in zip(kept.records, records, strict=False)):
            return None
        for record in kept.records:  # their words stay kept, for a composition that cannot go on
            found = self._last.get(id(record))
            if found is not None:
                self._now[id(record)] = found
        return kept.copy()
