"""Write the site atomically: into a temporary folder beside the output, then swap it into place.

A failed or interrupted build leaves the previous site as it was; the next build clears the
temporary folders an interrupted one left behind. The output folder is refused when replacing it
could destroy something that is not a built site.
"""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path

from ..util.messages import format_message

MANIFEST = ".kampung-guide-files"  # lists what the build wrote, so foreign files can be recognised
DISK_FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}
NO_PERMISSION = {errno.EACCES, errno.EPERM}


class OutputRefused(Exception):
    """The output folder cannot safely be replaced; the message says why."""


class OutputError(Exception):
    """The disk refused the site (full, read-only, no permission): one line for the editor, in
    `message(lang)`; the previous site is as it was."""

    def __init__(self, out: Path, cause: OSError):
        super().__init__(str(cause))
        self.out, self.cause = out, cause

    def message(self, lang: str) -> str:
        """What happened and what to do, in `lang`, naming the folder as the editor typed it."""
        code, folder = self.cause.errno, self.out.parent if str(self.out.parent) != "." else Path.cwd()
        if code in DISK_FULL:
            key = "write_disk_full"
        elif code == errno.EROFS:
            key = "write_read_only"
        elif code in NO_PERMISSION:
            key = "write_permission"
        else:
            key = "write_failed"
        detail = self.cause.strerror or type(self.cause).__name__
        return format_message(key, {"out": str(self.out), "folder": str(folder), "detail": detail}, lang)


def check_output_folder(out: Path, protected: Iterable[Path], force: bool = False) -> None:
    """Refuse `/`, the home folder, folders holding or inside content, and folders with foreign files."""
    real = out.resolve()
    if real == Path(real.anchor) or real == Path.home().resolve():
        raise OutputRefused(f"{out}: refusing to replace {real}; choose a folder such as _site")
    for folder in protected:
        folder = folder.resolve()
        if real == folder or folder.is_relative_to(real):
            raise OutputRefused(
                f"{out}: refusing to replace a folder that holds {folder}; choose a folder such as _site"
            )
        if real.is_relative_to(folder) and folder.name == "content":
            raise OutputRefused(f"{out}: the output folder cannot be inside the content folder {folder}")
    if out.is_symlink() or (out.exists() and not out.is_dir()):
        raise OutputRefused(f"{out}: exists and is not a folder")
    if force or not out.exists():
        return
    foreign = foreign_files(out)
    if foreign:
        shown = ", ".join(foreign[:3]) + (" …" if len(foreign) > 3 else "")
        raise OutputRefused(
            f"{out}: holds files this guide did not write ({shown}); "
            "remove them, choose another folder, or pass --force"
        )


def foreign_files(out: Path) -> list[str]:
    """Files in `out` that the last build did not list in its manifest."""
    listed: set[str] = set()
    manifest = out / MANIFEST
    if manifest.is_file():
        listed = set(manifest.read_text(encoding="utf-8").splitlines()) | {MANIFEST}
    found = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file() or p.is_symlink())
    return [name for name in found if name not in listed]


def write_site(files: Iterable[tuple[str, bytes]], out: Path) -> int:
    """Write every file into a fresh folder and swap it in for `out`; return the file count.
    A disk that refuses (full, read-only, no permission) raises OutputError, `out` untouched."""
    try:
        return _write_site(files, out)
    except OSError as exc:
        if not writing_there(exc, out):
            raise  # reading a source failed while the files were made: not the output's disk
        raise OutputError(out, exc) from exc


def writing_there(exc: OSError, out: Path) -> bool:
    """Whether `exc` came from writing beside `out` (the temporary folders live in its parent); a
    failed write() names no file."""
    if exc.filename is None:
        return True
    parent = out.resolve().parent
    return Path(os.path.abspath(exc.filename)).is_relative_to(parent) or not parent.exists()


def _write_site(files: Iterable[tuple[str, bytes]], out: Path) -> int:
    parent = out.resolve().parent
    parent.mkdir(parents=True, exist_ok=True)
    clear_leftovers(parent, out.name)
    temp = Path(tempfile.mkdtemp(prefix=f".{out.name}.tmp-", dir=parent))
    try:
        os.chmod(temp, 0o755)
        names, folders = [], {temp}
        for name, data in files:
            target = temp / name
            if target.parent not in folders:  # each folder made once: on some disks a mkdir is dear
                target.parent.mkdir(parents=True, exist_ok=True)
                folders.update(target.parents)
            target.write_bytes(data)
            names.append(name)
        (temp / MANIFEST).write_text("\n".join(sorted(names)) + "\n", encoding="utf-8")
        swap(temp, out)
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise
    return len(names)


def swap(new: Path, out: Path) -> None:
    """Put `new` where `out` is; the old folder is moved aside first and removed after."""
    if not out.exists():
        new.rename(out)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-", dir=new.parent))
    old.rmdir()
    out.rename(old)
    try:
        new.rename(out)
    except BaseException:
        old.rename(out)  # the previous site back in its place
        raise
    shutil.rmtree(old, ignore_errors=True)


def clear_leftovers(parent: Path, name: str) -> None:
    """Remove temporary folders an interrupted build left beside the output."""
    for leftover in list(parent.glob(f".{name}.tmp-*")) + list(parent.glob(f".{name}.old-*")):
        shutil.rmtree(leftover, ignore_errors=True)
