"""Reading an input as text, and writing a fixed one back without ever half-writing it.

Files are decoded as strict UTF-8 with their line endings untouched, so offsets,
lines and columns are those of the file on disk; a byte-order mark is set aside and
put back on writing.

Only regular files are read (a FIFO would block the run forever, ``/dev/zero`` would
fill the memory), and no input over :data:`MAX_INPUT_BYTES`: each is refused with an
:class:`InputError` that the run reports as that file's own diagnostic.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from .errors import InputError
from .files import Target

BOM = b"\xef\xbb\xbf"
MAX_INPUT_BYTES = 256 * 1024 * 1024
"""The largest input read (256 MiB: far above any article, below what fills a machine)."""


@dataclass(frozen=True, slots=True)
class Text:
    content: str
    bom: bool = False


def read_target(target: Target, stdin: BinaryIO | None) -> Text:
    if target.path is None:
        if stdin is None:
            raise InputError(f"{target.display}: standard input cannot be read")
        try:
            data = stdin.read(MAX_INPUT_BYTES + 1)
        except OSError as error:
            raise InputError(f"standard input cannot be read: {error.strerror}") from None
        _check_size(len(data), target.display)
    else:
        data = read_regular_file(target.path, target.display)
    return decode(data, target.display)


def read_regular_file(path: Path, display: str) -> bytes:
    """The bytes of ``path``, which must be a regular file of at most MAX_INPUT_BYTES.

    Opened without blocking, so a FIFO is refused instead of waited on.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        raise InputError(f"{display}: cannot be read: {error.strerror}") from None
    with os.fdopen(fd, "rb") as stream:
        try:
            status = os.fstat(fd)
            if not stat.S_ISREG(status.st_mode):
                raise InputError(f"{display}: not a regular file (a FIFO, device or socket "
                                 "is not read)")
            _check_size(status.st_size, display)
            data = stream.read(MAX_INPUT_BYTES + 1)
        except OSError as error:
            raise InputError(f"{display}: cannot be read: {error.strerror}") from None
    _check_size(len(data), display)
    return data


def _check_size(size: int, display: str) -> None:
    if size > MAX_INPUT_BYTES:
        raise InputError(f"{display}: too large to check (over the limit of "
                         f"{MAX_INPUT_BYTES} bytes)")


def decode(data: bytes, name: str) -> Text:
    bom = data.startswith(BOM)
    if bom:
        data = data[len(BOM):]
    try:
        return Text(data.decode("utf-8"), bom)
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise InputError(
            f"{name}: not valid UTF-8 (line {line}, byte {error.start + (3 if bom else 0)}); "
            "numlint reads UTF-8 only"
        ) from None


def check_writable(path: Path, display: str) -> None:
    """Raise InputError now if ``path`` cannot be replaced, before any file is written."""
    real = Path(os.path.realpath(path))
    if not os.access(real, os.W_OK) or not os.access(real.parent, os.W_OK | os.X_OK):
        raise InputError(f"{display}: cannot be written (permission denied)")


def write_atomically(path: Path, text: Text, display: str) -> None:
    """Replace the file with ``text``: a temporary file in the same folder, then a rename.

    A symbolic link is followed (the file it points to is replaced, the link kept); the
    file's permission bits are kept.
    """
    real = Path(os.path.realpath(path))
    data = (BOM if text.bom else b"") + text.content.encode("utf-8")
    handle, temporary = tempfile.mkstemp(prefix=f".{real.name}.", suffix=".numlint",
                                         dir=real.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, os.stat(real).st_mode & 0o7777)
        os.replace(temporary, real)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise InputError(f"{display}: cannot be written: {error.strerror}") from None
