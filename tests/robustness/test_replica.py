"""The off-site replica: `scrutui replicate` runs Litestream while a clerk's app saves records; the
app and Litestream are then killed without warning, the replica is restored into a new file with
`litestream restore`, and every record the app showed as saved is there, with a clean quick_check."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from scrutui.cli import main
from scrutui.cli.commands.replicate import litestream_binary, replica_url
from scrutui.store import open_store
from tests.conftest import add_meeting_to
from tests.robustness.test_crash import quick_check, run_and_kill

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")

#: Litestream copies changes every second; the replica is taken as settled when nothing in it has
#: changed for this long after the writer stopped.
SETTLED_SECONDS = 2.5


def replica_state(folder: Path) -> list[tuple[str, int, int]]:
    """Every file of the replica, with its size and time, to see when Litestream has stopped writing."""
    return sorted(
        (str(path), path.stat().st_size, path.stat().st_mtime_ns) for path in folder.rglob("*") if path.is_file()
    )


def wait_until(condition: object, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def wait_until_settled(folder: Path, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    seen, since = replica_state(folder), time.monotonic()
    while time.monotonic() < deadline:
        time.sleep(0.2)
        now = replica_state(folder)
        if now != seen:
            seen, since = now, time.monotonic()
        elif time.monotonic() - since >= SETTLED_SECONDS:
            return
    raise AssertionError("the replica kept changing")


def test_every_confirmed_record_is_restored_from_the_replica(db_path: Path, tmp_path: Path) -> None:
    _, meeting, items = add_meeting_to(db_path)
    replica = tmp_path / "replica"
    replicating = subprocess.Popen(
        [sys.executable, "-m", "scrutui.cli", "replicate", "--to", str(replica), "--db", str(db_path)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # so Litestream, its child, is killed with it
    )
    try:
        wait_until(lambda: any(replica.rglob("*.ltx")), 20, "Litestream's first snapshot")
        lines, _ = run_and_kill(db_path, meeting.id or 0, "records", 2.0)
        confirmed = {int(line.split()[1]) for line in lines if line.startswith("CONFIRMED")}
        assert len(confirmed) > 5
        wait_until_settled(replica)
    finally:
        os.killpg(replicating.pid, signal.SIGKILL)  # no clean shutdown: what is in the replica is all there is
        replicating.wait(10)

    restored = tmp_path / "restored.sqlite"
    subprocess.run(
        [str(litestream_binary()), "restore", "-o", str(restored), replica_url(str(replica))],
        check=True,
        capture_output=True,
        timeout=60,
    )
    assert quick_check(restored) == "ok"
    store = open_store(restored, read_only=True)
    try:
        texts = {r.text for r in store.records.for_item(items[0].id or 0)}
    finally:
        store.close()
    missing = [n for n in sorted(confirmed) if f"Record {n}: the Committee noted item {n}." not in texts]
    assert not missing, f"{len(missing)} of {len(confirmed)} confirmed records are not in the replica"


def test_replica_urls_and_refusals(tmp_path: Path) -> None:
    assert replica_url("s3://council-backups/scrutui") == "s3://council-backups/scrutui"
    assert replica_url(str(tmp_path / "copies")) == (tmp_path / "copies").resolve().as_uri()
    result = CliRunner().invoke(main, ["replicate", "--to", "ftp://old/x", "--db", str(tmp_path / "a.sqlite")])
    assert result.exit_code == 1 and "no ftp:// replicas" in result.output
