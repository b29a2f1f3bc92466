"""A database on a network share is refused (SQLite's WAL mode needs every process on one computer),
with one line pointing to `scrutui serve`; --allow-network-share opens it read-only, for one person."""

from __future__ import annotations

import sys
from pathlib import Path, PurePosixPath, PureWindowsPath

import pytest
from click.testing import CliRunner

from scrutui.cli import main
from scrutui.errors import DatabaseError
from scrutui.store import open_store, shares
from scrutui.store.shares import (
    DRIVE_REMOTE,
    Mount,
    network_share_on_unix,
    network_share_on_windows,
    parse_mount_output,
    parse_proc_mounts,
)

PROC_MOUNTS = """\
/dev/sda1 / ext4 rw,relatime 0 0
proc /proc proc rw,nosuid,nodev,noexec,relatime 0 0
//fileserver/democratic\\040services /mnt/dem\\040services cifs rw,vers=3.1.1,username=clerk 0 0
nas:/export/home /home nfs4 rw,relatime,vers=4.2 0 0
/dev/sdb1 /home/clerk/local ext4 rw 0 0
user@host:/srv /media/ssh fuse.sshfs rw,nosuid,nodev 0 0
tmpfs /run tmpfs rw,nosuid 0 0
"""

MAC_MOUNT = """\
/dev/disk3s1s1 on / (apfs, sealed, local, read-only, journaled)
devfs on /dev (devfs, local, nobrowse)
/dev/disk3s5 on /System/Volumes/Data (apfs, local, journaled, nobrowse)
//clerk@fileserver/Committee%20Papers on /Volumes/Committee Papers (smbfs, nodev, nosuid, mounted by clerk)
nas:/export on /Volumes/nas (nfs, asynchronous)
afp_0TQ on /Volumes/Old (afpfs, nodev, nosuid, mounted by clerk)
"""


def test_linux_mount_table_is_read_with_its_escapes() -> None:
    mounts = parse_proc_mounts(PROC_MOUNTS)
    assert Mount("/mnt/dem services", "cifs", "//fileserver/democratic services") in mounts
    assert len(mounts) == 7


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/mnt/dem services/scrutiny", "an SMB (Windows file sharing) share (cifs)"),
        ("/home/clerk/Documents", "an NFS share (nfs4)"),
        ("/home/clerk/local/scrutui", None),  # a local disk mounted inside the NFS home
        ("/home/clerk/local", None),
        ("/media/ssh/db", "an SSH file system (fuse.sshfs)"),
        ("/var/lib/scrutui", None),
        ("/mnt/dem", None),  # a prefix of a mount point's name is not inside it
    ],
)
def test_linux_paths_on_network_mounts(path: str, expected: str | None) -> None:
    assert network_share_on_unix(PurePosixPath(path), parse_proc_mounts(PROC_MOUNTS)) == expected


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/Volumes/Committee Papers/2026", "an SMB (Windows file sharing) share (smbfs)"),
        ("/Volumes/nas", "an NFS share (nfs)"),
        ("/Volumes/Old/x", "a network file system (afpfs)"),
        ("/Users/clerk/Library/Application Support/scrutui", None),
    ],
)
def test_macos_mount_output(path: str, expected: str | None) -> None:
    assert network_share_on_unix(PurePosixPath(path), parse_mount_output(MAC_MOUNT)) == expected


@pytest.mark.parametrize(
    ("path", "drive_type", "expected"),
    [
        (r"\\fileserver\democratic\scrutui", None, "a network share (a UNC path)"),
        ("//fileserver/democratic/scrutui", None, "a network share (a UNC path)"),
        (r"\\?\UNC\fileserver\democratic", None, "a network share (a UNC path)"),
        (r"H:\scrutiny", DRIVE_REMOTE, "a mapped network drive (H:)"),
        (r"C:\Users\clerk\AppData\Local\scrutui", 3, None),  # DRIVE_FIXED
        (r"\\?\C:\Users\clerk", 3, None),  # a long local path, not a share
    ],
)
def test_windows_paths(path: str, drive_type: int | None, expected: str | None) -> None:
    assert network_share_on_windows(PureWindowsPath(path), drive_type) == expected


@pytest.fixture
def on_a_share(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder that the (fake) mount table says is an NFS share."""
    if sys.platform == "win32":
        pytest.skip("Windows asks for the drive's type (tested above), not a mount table")
    share = tmp_path / "share"
    share.mkdir()
    table = [Mount("/", "ext4"), Mount(str(share.resolve()), "nfs4", "nas:/export")]
    monkeypatch.setattr(shares, "_mount_table", lambda: table)
    return share


def test_a_database_on_a_share_is_refused_and_not_created(on_a_share: Path) -> None:
    path = on_a_share / "scrutui.sqlite"
    with pytest.raises(DatabaseError, match=r"is on an NFS share \(nfs4\).*scrutui serve"):
        open_store(path)
    assert not path.exists()


def test_the_command_says_why_in_one_line_and_allows_a_single_read(on_a_share: Path, tmp_path: Path) -> None:
    local = tmp_path / "local.sqlite"
    assert CliRunner().invoke(main, ["demo", "--db", str(local)]).exit_code == 0
    shared = on_a_share / "scrutui.sqlite"
    shared.write_bytes(local.read_bytes())

    refused = CliRunner().invoke(main, ["meetings", "--db", str(shared)])
    assert refused.exit_code == 1
    assert refused.output.count("\n") == 1
    assert "NFS share" in refused.output
    assert "scrutui serve" in refused.output and "--allow-network-share" in refused.output

    writing = CliRunner().invoke(main, ["--allow-network-share", "meetings", "--db", str(shared)])
    assert writing.exit_code == 1 and "add --read-only" in writing.output

    reading = CliRunner().invoke(main, ["--read-only", "--allow-network-share", "meetings", "--db", str(shared)])
    assert reading.exit_code == 0, reading.output
    assert "Children" in reading.output


def test_a_local_folder_opens(tmp_path: Path) -> None:
    """This machine's temporary folder is local: the real mount table lets it through."""
    store = open_store(tmp_path / "scrutui.sqlite")
    store.close()
