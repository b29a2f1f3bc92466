"""Filling in a Word template, in a child process, within limits a template cannot exceed.

A template is a council's file, and Jinja tags can loop or build text without end however well they
are sandboxed. So the template is opened, checked and filled in, and the document saved to bytes,
in a child process that has `RENDER_SECONDS` to finish and (on POSIX) `RENDER_MEMORY` more address
space than it started with; past either it is stopped and the export refused with one line saying
why. The parent only writes the finished bytes, so an export is whole or absent, as before.

The child is forked where that is safe and quick (Linux, a process with one thread: the command
line), started from a fork server where threads are running (the app), and spawned elsewhere
(Windows, macOS), where the memory cap is also not available: the deadline still holds.
"""

from __future__ import annotations

import contextlib
import io
import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from scrutui.export.template import LoadedTemplate, TemplateError

#: How long a template may take to be filled in (the 1,000-record minutes take a tenth of a second).
RENDER_SECONDS = 30.0
#: How much more memory (address space) the child may take than it started with.
RENDER_MEMORY = 1 << 30


@dataclass(frozen=True)
class Rendered:
    """A filled-in document: its .docx bytes, and a line for the clerk when the template is older
    than scrutui's styles ("" otherwise)."""

    content: bytes
    note: str = ""

    @classmethod
    def of(cls, docx: Any, note: str = "") -> Rendered:
        """A python-docx Document, saved to bytes."""
        buffer = io.BytesIO()
        docx.save(buffer)
        return cls(buffer.getvalue(), note)


#: How a document is filled into a loaded template: `scrutui.export.docx.fill_minutes` or
#: `scrutui.export.lists.fill_list` (module-level, so a spawned child can be handed it).
Fill = Callable[[Any, LoadedTemplate], Rendered]


@dataclass(frozen=True)
class RenderJob:
    """What to fill in: a template already read and checked by `read_template`, a document, and
    how the one is filled into the other."""

    template: Path
    data: bytes
    document: Any  # a MinutesDocument or a ListDocument
    fill: Fill


def render_here(job: RenderJob) -> Rendered:
    """Open, check and fill in the template with the document, in this process."""
    from scrutui.export.template import load_template

    return job.fill(job.document, load_template(job.template, job.data))


def render(
    job: RenderJob, *, seconds: float | None = None, memory: int | None = None, method: str | None = None
) -> Rendered:
    """`job` filled in, in a child process within the limits; TemplateError otherwise.
    `method` forces a start method ("fork", "forkserver", "spawn"; the benchmark compares them)."""
    seconds = RENDER_SECONDS if seconds is None else seconds
    memory = RENDER_MEMORY if memory is None else memory
    context = _context(method)
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(sender, job, memory), daemon=True)
    with _real_stderr():
        child.start()
    sender.close()
    result: tuple[str, Any] | None = None
    try:
        if receiver.poll(seconds):
            with contextlib.suppress(EOFError, OSError):
                result = receiver.recv()
        else:
            result = ("late", None)
    finally:
        receiver.close()
        if child.is_alive():
            child.kill()
        child.join(10)
    what = f"The template {job.template} could not be filled in"
    if result is None:
        raise TemplateError(
            f"{what}: the process filling it in stopped (exit status {child.exitcode}), perhaps for lack "
            "of memory; nothing was written."
        )
    outcome, value = result
    if outcome == "done" and isinstance(value, Rendered):
        return value
    if outcome == "late":
        raise TemplateError(
            f"{what} within {seconds:.0f} seconds (a tag that loops without end?); nothing was written."
        )
    if outcome == "memory":
        raise TemplateError(
            f"{what}: it needed more than {memory / 2**30:.0f} GB of memory (a tag that makes a huge "
            "text?); nothing was written."
        )
    raise TemplateError(str(value))


def _context(method: str | None = None) -> Any:
    methods = multiprocessing.get_all_start_methods()
    if method is None and sys.platform == "linux" and threading.active_count() == 1 and "fork" in methods:
        method = "fork"
    elif method is None and sys.platform == "linux" and "forkserver" in methods:
        method = "forkserver"
    if method == "forkserver":
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload([__name__, "scrutui.export.docx", "scrutui.export.lists", "docxtpl"])
        return context
    return multiprocessing.get_context(method or "spawn")


@contextlib.contextmanager
def _real_stderr() -> Iterator[None]:
    """multiprocessing hands the helper processes it starts (its resource tracker, the fork server)
    the file descriptor of sys.stderr. While the app draws on the terminal, Textual's stand-in for
    sys.stderr has none, so the real one is lent while the child is started."""
    saved = sys.stderr
    try:
        usable = saved is not None and saved.fileno() >= 0
    except (AttributeError, OSError, ValueError):
        usable = False
    if usable or sys.__stderr__ is None:
        yield
        return
    sys.stderr = sys.__stderr__
    try:
        yield
    finally:
        sys.stderr = saved


def _cap_memory(memory: int) -> None:
    """Let this process take at most `memory` bytes more address space (POSIX; elsewhere nothing)."""
    try:
        import resource
    except ImportError:
        return
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            now = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError):
        now = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = now + memory if hard == resource.RLIM_INFINITY else min(hard, now + memory)
    with contextlib.suppress(ValueError, OSError):  # macOS does not enforce it
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _child(sender: Connection, job: RenderJob, memory: int) -> None:
    """Run in the child: fill in the template and send back the bytes (or why not)."""
    # Nothing from here may reach the terminal the app is drawing on, not even from C code.
    with open(os.devnull, "w", encoding="utf-8") as quiet:
        for descriptor in (1, 2):
            with contextlib.suppress(OSError):
                os.dup2(quiet.fileno(), descriptor)
        sys.stdout = sys.stderr = quiet
        _cap_memory(memory)
        try:
            outcome: tuple[str, Any] = ("done", render_here(job))
        except MemoryError:
            outcome = ("memory", None)
        except TemplateError as error:
            outcome = ("refused", str(error))
        except Exception as error:
            from scrutui.logs import redacted

            outcome = (
                "refused",
                f"The template {job.template} could not be filled in ({type(error).__name__}: {redacted(error)}).",
            )
        try:
            sender.send(outcome)
        except MemoryError:
            sender.send(("memory", None))
        finally:
            sender.close()
