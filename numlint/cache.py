"""numlint's per-user cache: data every new process would otherwise rebuild.

What is kept is plain data: the inflated ECB table (:func:`memo_text`; :func:`memo_json`
for JSON-able values). The message catalogs are not kept: they read faster from their
``.po`` files (:func:`numlint.i18n.read_plain_po`) than a cache entry is verified.
Compiled patterns are not kept (their compiled form is engine bytecode, which the C
engines of ``re`` and ``regex`` trust); the scanner's lexicons are package data generated
at build time (``tools/generate_lexicons.py``).

Everything is kept in the user's cache folder (``$NUMLINT_CACHE_DIR``, else
``$XDG_CACHE_HOME/numlint``, else ``~/.cache/numlint``), in a subfolder per numlint,
regex and Python version, keyed inside by a hash of what was built, as JSON — never
pickle, so nothing read from the cache can run code. When a new version starts its
subfolder, the subfolders of other versions are removed, so upgrades leave nothing
behind. ``NUMLINT_NO_CACHE=1`` turns the cache off. A missing, stale, corrupt or
unwritable cache only costs the rebuild.

Nothing read from the cache is used unverified: every entry is stored behind a BLAKE2
digest of its name and content keyed by a secret of this user's cache (``secret`` in the
cache base, 32 random bytes, mode 0600, owned by the user: otherwise the cache is not
used). An entry whose digest does not match, or
that fails to load in any way, is rebuilt and stored again. A shared cache folder, a CI
cache restored from elsewhere or a flipped bit therefore cost a rebuild, never a wrong
result or a crash.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import regex

# hmac (OpenSSL), json, tempfile and shutil are imported where an entry is read or
# written: a check of recent copy reads nothing from here, and regex loads with the scanner.

_FORMAT = 4
"""4: no compiled patterns any more (a new format prunes the folders of older ones)."""
_MAGIC = b"numlint-cache "
_SECRET_NAME = "secret"
_SECRET_SIZE = 32


def compile_pattern(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """``regex.compile(pattern, flags)``, done on the pattern's first use, for the
    modules that import it from here (:func:`numlint.matching.lazy_pattern`).

    Compiled patterns are not cached: their compiled form is engine bytecode, which the C
    engines trust, and nothing read from a user-writable folder is fed to them.
    """
    from .matching import lazy_pattern

    return lazy_pattern(pattern, flags)


def memo_json(name: str, key_parts: list[str], build: Callable[[], Any]) -> Any:
    """``build()``, or its JSON-able result kept from an earlier process with the same key."""
    folder = cache_folder()
    if folder is None:
        return build()
    path = folder / f"{name}-{_key(chr(0).join(key_parts), 0)}.json"
    data = _read_json(path)
    if isinstance(data, dict) and "value" in data:
        return data["value"]
    value = build()
    _write_json(path, {"value": value})
    return value


def memo_text(
    name: str,
    key_parts: list[str],
    build: Callable[[], str | None],
    intact: Callable[[str], bool] = lambda text: True,
) -> str | None:
    """``build()``, or the text it gave an earlier process with the same key, kept as a
    plain text file (large texts read back several times faster than as JSON). A kept
    text that is not ``intact`` is built and kept again; a None from ``build`` is not kept.
    """
    folder = cache_folder()
    if folder is None:
        return build()
    path = folder / f"{name}-{_key(chr(0).join(key_parts), 0)}.txt"
    payload = _read_verified(path)
    if payload is not None:
        try:
            kept = payload.decode("utf-8")
            if intact(kept):
                return kept
        except Exception:  # verified yet not what this version reads: rebuilt
            pass
    value = build()
    if value is not None:
        _write(path, value.encode("utf-8"))
    return value


def digest_of(data: bytes = b"") -> Any:
    """A BLAKE2 hash object (the keys of the cache, 128 bits are plenty).

    Taken from CPython's own ``_blake2`` module when there is one: ``import hashlib``
    loads OpenSSL first, about 3 ms of every command's start for nothing else.
    """
    try:
        from _blake2 import blake2b
    except ImportError:  # another Python: the public way
        from hashlib import blake2b
    return blake2b(data, digest_size=16)


def cache_folder() -> Path | None:
    """This version's folder in the cache (created on the first write), or None when off."""
    if os.environ.get("NUMLINT_NO_CACHE"):
        return None
    configured = os.environ.get("NUMLINT_CACHE_DIR")
    if configured:
        base = Path(configured)
    else:
        xdg = os.environ.get("XDG_CACHE_HOME")
        try:
            home_cache = Path(xdg) if xdg else Path.home() / ".cache"
        except (RuntimeError, KeyError, OSError):  # no $HOME, no passwd entry: no cache
            return None
        base = home_cache / "numlint"
    return base / _version_folder()


def _version_folder() -> str:
    from ._version import __version__

    python = f"{sys.version_info[0]}.{sys.version_info[1]}"
    name = f"v{_FORMAT}-numlint{__version__}-regex{_regex_version()}-py{python}"
    return re.sub(r"[^\w.-]", "_", name)


_OUR_FOLDER = r"v\d+-numlint.*"
"""The names of version folders: the only things of the cache base that are pruned."""


def _start_version_folder(folder: Path) -> None:
    """Create this version's folder and remove the other versions' (they only take room)."""
    folder.mkdir(parents=True, exist_ok=True)
    for sibling in folder.parent.iterdir():
        if sibling != folder and sibling.is_dir() and re.fullmatch(_OUR_FOLDER, sibling.name):
            import shutil

            shutil.rmtree(sibling, ignore_errors=True)


def _regex_version() -> str:
    import regex

    return str(regex.__version__)


def _key(pattern: str, flags: int, engine: str | None = None) -> str:
    engine = _regex_version() if engine is None else engine
    digest = digest_of()
    for part in (str(_FORMAT), engine, str(flags), pattern):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()[:32]


def _write_json(path: Path, data: dict[str, Any]) -> None:
    import json

    try:
        payload = json.dumps(data).encode("utf-8")
    except (ValueError, TypeError):
        return
    _write(path, payload)


def _read_json(path: Path) -> Any:
    """The JSON of a verified entry, or None (absent, damaged, not ours)."""
    payload = _read_verified(path)
    if payload is None:
        return None
    import json

    try:
        return json.loads(payload)
    except ValueError:
        return None


def _read_verified(path: Path) -> bytes | None:
    """The content of the entry at ``path`` if its keyed digest matches, else None."""
    secret = _secret(path.parent.parent)
    if secret is None:
        return None
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except (OSError, ValueError):
        return None
    head, newline, payload = data.partition(b"\n")
    if not newline or not head.startswith(_MAGIC):
        return None
    expected = _signature(secret, path.name, payload)
    from hmac import compare_digest

    return payload if compare_digest(head[len(_MAGIC):], expected) else None


def _signature(secret: bytes, name: str, payload: bytes) -> bytes:
    digest = _keyed_digest(secret)
    digest.update(name.encode("utf-8", "surrogatepass"))
    digest.update(b"\0")
    digest.update(payload)
    return digest.hexdigest().encode("ascii")


def _keyed_digest(secret: bytes) -> Any:
    try:
        from _blake2 import blake2b
    except ImportError:
        from hashlib import blake2b
    return blake2b(key=secret, digest_size=32)


@lru_cache(maxsize=8)
def _secret(base: Path) -> bytes | None:
    """The key of this cache's digests, created on first use; None when it cannot be
    trusted (another owner, readable by others, wrong size) or made."""
    path = base / _SECRET_NAME
    try:
        try:
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        except FileNotFoundError:
            base.mkdir(parents=True, exist_ok=True)
            fd = _create_secret(path)
            if fd is None:
                return None
        with os.fdopen(fd, "rb") as handle:
            status = os.fstat(handle.fileno())
            if (hasattr(os, "getuid") and status.st_uid != os.getuid()) or (
                status.st_mode & 0o077 and os.name == "posix"
            ):
                return None
            secret = handle.read(_SECRET_SIZE + 1)
    except OSError:
        return None
    return secret if len(secret) == _SECRET_SIZE else None


def _create_secret(path: Path) -> int | None:
    """Write a new secret (exclusively: two processes starting together agree on one)."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    try:
        os.write(fd, os.urandom(_SECRET_SIZE))
    finally:
        os.close(fd)
    return os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))


def _write(path: Path, payload: bytes) -> None:
    """Write ``payload`` atomically behind its digest; a read-only or full disk, or a
    secret that cannot be made, only means no cache."""
    secret = _secret(path.parent.parent)
    if secret is None:
        return
    try:
        if not path.parent.is_dir():
            _start_version_folder(path.parent)
        import tempfile

        with tempfile.NamedTemporaryFile(
            "wb", dir=path.parent, prefix=".pattern-", delete=False
        ) as handle:
            temporary = Path(handle.name)
            try:
                handle.write(_MAGIC + _signature(secret, path.name, payload) + b"\n")
                handle.write(payload)
            except BaseException:
                handle.close()
                temporary.unlink(missing_ok=True)
                raise
        os.replace(temporary, path)
    except (OSError, ValueError, TypeError):
        return
