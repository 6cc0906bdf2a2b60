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
from pathlib import Path
from typing import BinaryIO

from ..i18n import N_
from .errors import InputError, os_reason
from .files import Target

BOM = b"\xef\xbb\xbf"
MAX_INPUT_BYTES = 256 * 1024 * 1024
"""The largest input read (256 MiB: far above any article, below what fills a machine)."""


class Text:
    """A text read (a plain class: a dataclass costs every start a millisecond)."""

    __slots__ = ("bom", "content", "digest")

    def __init__(self, content: str, bom: bool = False, digest: str | None = None) -> None:
        self.content = content
        self.bom = bom
        self.digest = digest
        """BLAKE2 of the bytes read (files only): ``--fix`` writes only over the same bytes."""

    def __eq__(self, other: object) -> bool:
        return type(other) is Text and (self.content, self.bom, self.digest) == (
            other.content, other.bom, other.digest)

    def __hash__(self) -> int:
        return hash((self.content, self.bom, self.digest))

    def __repr__(self) -> str:
        return f"Text(content={self.content!r}, bom={self.bom!r}, digest={self.digest!r})"


def read_target(target: Target, stdin: BinaryIO | None) -> Text:
    if target.unreadable is not None:
        raise InputError(N_("{path}: cannot be read: {reason}"),
                         {"path": target.display, "reason": target.unreadable})
    if target.path is None:
        if stdin is None:
            raise InputError(N_("{path}: standard input cannot be read"),
                             {"path": target.display})
        try:
            data = stdin.read(MAX_INPUT_BYTES + 1)
        except OSError as error:
            raise InputError(N_("standard input cannot be read: {reason}"),
                             {"reason": os_reason(error)}) from None
        _check_size(len(data), target.display)
        return decode(data, target.display)
    data = read_regular_file(target.path, target.display)
    text = decode(data, target.display)
    return Text(text.content, text.bom, content_digest(data))


def content_digest(data: bytes) -> str:
    from ..cache import digest_of

    return str(digest_of(data).hexdigest())


def read_regular_file(path: Path, display: str) -> bytes:
    """The bytes of ``path``, which must be a regular file of at most MAX_INPUT_BYTES.

    Opened without blocking, so a FIFO is refused instead of waited on.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        raise InputError(N_("{path}: cannot be read: {reason}"),
                         {"path": display, "reason": os_reason(error)}) from None
    with os.fdopen(fd, "rb") as stream:
        try:
            status = os.fstat(fd)
            if not stat.S_ISREG(status.st_mode):
                raise InputError(N_("{path}: not a regular file (a FIFO, device or socket "
                                    "is not read)"), {"path": display})
            _check_size(status.st_size, display)
            data = stream.read(MAX_INPUT_BYTES + 1)
        except OSError as error:
            raise InputError(N_("{path}: cannot be read: {reason}"),
                             {"path": display, "reason": os_reason(error)}) from None
    _check_size(len(data), display)
    return data


def _check_size(size: int, display: str) -> None:
    if size > MAX_INPUT_BYTES:
        raise InputError(N_("{path}: too large to check (over the limit of {limit} bytes)"),
                         {"path": display, "limit": MAX_INPUT_BYTES})


def decode(data: bytes, name: str) -> Text:
    bom = data.startswith(BOM)
    if bom:
        data = data[len(BOM):]
    try:
        return Text(data.decode("utf-8"), bom)
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise InputError(
            N_("{path}: not valid UTF-8 (line {line}, byte {byte}); numlint reads UTF-8 only"),
            {"path": name, "line": line, "byte": error.start + (3 if bom else 0)},
        ) from None


def check_writable(path: Path, display: str) -> None:
    """Raise InputError now if ``path`` cannot be replaced, before any file is written."""
    real = Path(os.path.realpath(path))
    if not os.access(real, os.W_OK) or not os.access(real.parent, os.W_OK | os.X_OK):
        raise InputError(N_("{path}: cannot be written (permission denied)"), {"path": display})


class ChangedOnDisk(InputError):
    """The file is no longer what was read (another run or an editor wrote it)."""


def write_atomically(path: Path, text: Text, display: str,
                     expected_digest: str | None = None) -> None:
    """Replace the file with ``text``: a temporary file in the same folder, then a rename.

    With ``expected_digest``, the file is read again just before the rename and left
    alone (:class:`ChangedOnDisk`) if its bytes are no longer those that were checked,
    so that a concurrent ``--fix`` or an editor's save is not lost. A symbolic link is
    followed (the file it points to is replaced, the link kept); the file's permission
    bits are kept. The temporary file is removed whatever ends the write, an interrupt
    included.
    """
    import tempfile  # only --fix writes: not on every start (it loads shutil, random)

    real = Path(os.path.realpath(path))
    data = (BOM if text.bom else b"") + text.content.encode("utf-8")
    handle, temporary = tempfile.mkstemp(prefix=f".{real.name}.", suffix=".numlint",
                                         dir=real.parent)
    replaced = False
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, os.stat(real).st_mode & 0o7777)
        if expected_digest is not None and content_digest(real.read_bytes()) != expected_digest:
            raise ChangedOnDisk(N_("{path}: changed on disk since it was checked: not "
                                   "written (run numlint again)"), {"path": display})
        os.replace(temporary, real)
        replaced = True
    except OSError as error:
        raise InputError(N_("{path}: cannot be written: {reason}"),
                         {"path": display, "reason": os_reason(error)}) from None
    finally:
        if not replaced:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
