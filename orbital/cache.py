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
from pathlib import Path

__all__ = ["cache_dir", "cached", "write_all_atomically", "write_atomically"]


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


def _entry(kind: str, key: dict) -> Path:
    digest = hashlib.sha256(json.dumps(key, sort_keys=True).encode()).hexdigest()[:24]
    return cache_dir() / f"{kind}-{digest}.json"


def is_cached(kind: str, key: dict) -> bool:
    """Whether :func:`cached` has an entry for ``key`` (it may still prove damaged when read)."""
    return _entry(kind, key).exists()


def cached(kind: str, key: dict, compute, enabled=True):
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
    """
    path = _entry(kind, key)
    if enabled and path.exists():
        try:
            return json.loads(path.read_text())
        except (ValueError, OSError):
            pass  # damaged: recompute and overwrite
    value = compute()
    if enabled:
        write_atomically(path, json.dumps(value))
    return value
