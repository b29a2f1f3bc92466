"""Is a database file on a network share? SQLite's WAL mode needs every process using the database
to be on one computer (it shares memory through the -shm file), so a database on an SMB, NFS or
similar share opened from two computers can be corrupted. scrutui refuses such a path; teams share a
database through ``scrutui serve`` on the computer that holds it.

Linux reads the mount table (/proc/self/mounts), macOS and the BSDs the output of ``mount``, and
Windows asks for the drive's type (a UNC path ``\\\\server\\share\\...`` is always a share).
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path, PurePath, PureWindowsPath

#: File system types that live on another computer (Linux names, then macOS/BSD names).
NETWORK_TYPES = frozenset(
    {
        "nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "afpfs", "afs", "ncpfs", "9p",
        "ceph", "glusterfs", "lustre", "gpfs", "davfs", "webdav", "fuse.sshfs", "fuse.rclone",
        "fuse.glusterfs", "fuse.cephfs", "fuse.davfs2", "fuse.s3fs", "fuse.gcsfuse", "sshfs",
        "macfuse.sshfs", "osxfuse.sshfs",
    }
)  # fmt: skip

#: GetDriveTypeW's answer for a network drive.
DRIVE_REMOTE = 4


@dataclass(frozen=True)
class Mount:
    """One line of a mount table."""

    point: str
    type: str
    source: str = ""


def _unescape(field: str) -> str:
    """/proc/mounts writes a space in a path as \\040 (tab \\011, newline \\012, backslash \\134)."""
    for code, char in (("\\040", " "), ("\\011", "\t"), ("\\012", "\n"), ("\\134", "\\")):
        field = field.replace(code, char)
    return field


def parse_proc_mounts(text: str) -> list[Mount]:
    """The mounts in Linux's /proc/mounts format: ``source point type options 0 0``."""
    mounts = []
    for line in text.splitlines():
        fields = line.split()
        if len(fields) >= 3:
            mounts.append(Mount(_unescape(fields[1]), fields[2].lower(), _unescape(fields[0])))
    return mounts


def parse_mount_output(text: str) -> list[Mount]:
    """The mounts as macOS's (and the BSDs') ``mount`` prints them: ``source on point (type, ...)``."""
    mounts = []
    for line in text.splitlines():
        source, on, rest = line.partition(" on ")
        point, paren, options = rest.rpartition(" (")
        if on and paren and options:
            mounts.append(Mount(point, options.split(",")[0].strip(" )").lower(), source))
    return mounts


def mount_of(path: PurePath, mounts: list[Mount]) -> Mount | None:
    """The mount `path` is on: the one with the longest mount point that contains it."""
    best: Mount | None = None
    for mount in mounts:
        point = PurePath(mount.point)
        if (path == point or point in path.parents) and (
            best is None or len(point.parts) > len(PurePath(best.point).parts)
        ):
            best = mount
    return best


def describe_type(kind: str) -> str:
    """The file system type in words: "an SMB share (cifs)"."""
    if kind.startswith(("smb", "cifs")):
        return f"an SMB (Windows file sharing) share ({kind})"
    if kind.startswith("nfs"):
        return f"an NFS share ({kind})"
    if "sshfs" in kind:
        return f"an SSH file system ({kind})"
    return f"a network file system ({kind})"


def network_share_on_unix(path: PurePath, mounts: list[Mount]) -> str | None:
    """What kind of network share `path` is on, given the mount table, or None if it is local."""
    mount = mount_of(path, mounts)
    if mount is None or mount.type not in NETWORK_TYPES:
        return None
    return describe_type(mount.type)


def network_share_on_windows(path: PureWindowsPath, drive_type: int | None) -> str | None:
    """What kind of network share a Windows path is on: a UNC path is one, and so is a drive whose
    type (GetDriveTypeW, given as `drive_type`) is remote, a mapped network drive."""
    text = str(path).replace("/", "\\")
    if text.upper().startswith("\\\\?\\UNC\\"):
        return "a network share (a UNC path)"
    if text.startswith("\\\\") and not text.startswith(("\\\\?\\", "\\\\.\\")):
        return "a network share (a UNC path)"
    if drive_type == DRIVE_REMOTE:
        return f"a mapped network drive ({path.drive})"
    return None


def _windows_drive_type(path: Path) -> int | None:  # pragma: no cover - Windows only
    """GetDriveTypeW for the drive `path` is on (None off Windows, or for a path with no drive)."""
    if sys.platform != "win32":
        return None
    import ctypes

    drive = PureWindowsPath(path).drive
    if not drive or drive.startswith("\\\\"):
        return None
    return int(ctypes.windll.kernel32.GetDriveTypeW(f"{drive}\\"))


def _mount_table() -> list[Mount]:
    """This computer's mounts (empty if they cannot be read: nothing is refused on a guess)."""
    if sys.platform.startswith("linux"):
        try:
            return parse_proc_mounts(Path("/proc/self/mounts").read_text(encoding="utf-8", errors="replace"))
        except OSError:
            return []
    try:
        shown = subprocess.run(["mount"], capture_output=True, text=True, timeout=5, check=False)
    except (OSError, subprocess.SubprocessError):
        return []
    return parse_mount_output(shown.stdout)


def network_share(path: Path) -> str | None:
    """What kind of network share the database at `path` is on (in words), or None if it is local."""
    # The folder decides: the file itself may not exist yet.
    where = Path(os.path.abspath(path)).parent
    with contextlib.suppress(OSError):
        where = where.resolve()
    if sys.platform == "win32":  # pragma: no cover - Windows only
        return network_share_on_windows(PureWindowsPath(where), _windows_drive_type(where))
    return network_share_on_unix(where, _mount_table())
