"""The disk cache of orbit physics, and atomic file writes.

Entries are JSON files in ``$ORBITAL_CACHE_DIR`` (default ``$XDG_CACHE_HOME/orbital``
or ``~/.cache/orbital``), named by a hash of everything that determines them, and
written atomically: a reader sees a whole entry or none. A damaged entry is
recomputed and overwritten.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
import warnings
from pathlib import Path

__all__ = [
    "atomic_path",
    "cache_dir",
    "cached",
    "check_writable",
    "output_directory",
    "read_entry",
    "store_entry",
    "write_all_atomically",
    "write_atomically",
]


def cache_dir() -> Path:
    """The cache directory (created on first write)."""
    root = os.environ.get("ORBITAL_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME", os.path.expanduser("~/.cache")), "orbital"
    )
    return Path(root)


def write_atomically(path, content: str | bytes) -> None:
    """Write ``content`` to ``path`` through a temporary file in the same directory, then rename."""
    write_all_atomically({path: content})


def write_all_atomically(files: dict) -> None:
    """Write several files (path -> text or bytes) whole or not at all.

    Every file is first written to a temporary file beside it; only when all are
    on disk are they renamed into place, so a failure (a full disk, a directory
    that cannot be written) leaves no partial or half-updated set behind.
    """
    umask = os.umask(0)  # mkstemp makes 0600 files; give them the permissions open() would
    os.umask(umask)
    staged = []
    try:
        for path, content in files.items():
            path = Path(path)
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
            staged.append((tmp, path))
            os.chmod(tmp, 0o666 & ~umask)
            with os.fdopen(fd, "wb") as handle:
                handle.write(content.encode("utf-8") if isinstance(content, str) else content)
        for tmp, path in staged:
            os.replace(tmp, path)
    except BaseException:
        for tmp, _ in staged:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        raise


@contextlib.contextmanager
def atomic_path(path):
    """A temporary path beside ``path`` to write a large file to (by name, so a library can stream into
    it); renamed over ``path`` when the block ends without error, removed otherwise."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    umask = os.umask(0)
    os.umask(umask)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    os.close(fd)
    os.chmod(tmp, 0o666 & ~umask)
    try:
        yield tmp
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def output_directory(directory) -> Path:
    """``--out``'s directory, refused when a file stands there (it is created when written)."""
    from .errors import OrbitalInputError

    out = Path(directory)
    if out.exists() and not out.is_dir():
        raise OrbitalInputError(f"--out = {str(directory)!r} exists and is not a directory")
    return out


def check_writable(directory) -> None:
    """Refuse, before any work, an output directory that cannot be created or written.

    A path through an existing file is bad input (:class:`~orbital.errors.OrbitalInputError`);
    a directory the process cannot write (permissions, a read-only or full disk) is a problem of
    the environment: the ``OSError`` of a probe file created and removed in the nearest existing
    folder.
    """
    from .errors import OrbitalInputError

    directory = Path(directory)
    probe = directory
    while not probe.exists():
        probe = probe.parent
    if not probe.is_dir():
        raise OrbitalInputError(f"output directory {str(directory)!r} cannot be created: {str(probe)!r} is a file")
    try:
        fd, name = tempfile.mkstemp(dir=probe, prefix=".orbital-write-probe-")
    except OSError as exc:
        raise OSError(exc.errno, f"output directory {str(directory)!r} cannot be written ({exc.strerror})") from None
    os.close(fd)
    os.unlink(name)


def _entry(kind: str, key: dict) -> Path:
    digest = hashlib.sha256(json.dumps(key, sort_keys=True).encode()).hexdigest()[:24]
    return cache_dir() / f"{kind}-{digest}.json"


def is_cached(kind: str, key: dict) -> bool:
    """Whether :func:`cached` has an entry for ``key`` (it may still prove damaged when read)."""
    try:
        return _entry(kind, key).is_file()
    except OSError:  # a cache "directory" that is a file, or cannot be searched
        return False


#: Cache directories already reported as unwritable in this process (one warning each).
_UNWRITABLE: set = set()


def read_entry(path: Path, parse):
    """``parse(text)`` of a cache file, or None when it is missing, unreadable or fails ``parse``.

    ``parse`` raises (``ValueError``, ``KeyError``, ``TypeError``, ``IndexError``) on an entry of
    the wrong shape: a damaged entry is recomputed, never used.
    """
    try:
        return parse(path.read_text())
    except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError):
        return None


def store_entry(path: Path, text: str) -> None:
    """Write a cache file; a directory that cannot be written costs one warning, never the result."""
    try:
        write_atomically(path, text)
    except OSError as exc:
        folder = str(path.parent)
        if folder not in _UNWRITABLE:
            _UNWRITABLE.add(folder)
            from .errors import OrbitalWarning

            warnings.warn(
                f"the cache directory {folder} cannot be written ({exc.strerror or exc}); computing without "
                "it (set ORBITAL_CACHE_DIR to a writable folder to keep results between runs)",
                OrbitalWarning,
                stacklevel=3,
            )


def cached(kind: str, key: dict, compute, enabled=True, validate=None):
    """The JSON-able value ``compute()`` returns for ``key``, from the disk cache when present.

    Parameters
    ----------
    kind : str
        Prefix of the cache file name.
    key : dict
        Everything the value depends on (JSON-able); hashed into the file name.
    compute : callable
        Returns a JSON-able value.
    enabled : bool
        Read and write the cache.
    validate : callable, optional
        Raises (``ValueError``, ``KeyError``, ``TypeError``) on an entry of the wrong shape,
        which is then recomputed and overwritten.
    """
    path = _entry(kind, key)

    def parse(text):
        value = json.loads(text)
        if validate is not None:
            validate(value)
        return value

    if enabled:
        value = read_entry(path, parse)
        if value is not None:
            return value
    value = compute()
    if enabled:
        store_entry(path, json.dumps(value))
    return value
