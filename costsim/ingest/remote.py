"""Object storage paths (`s3://`, `gs://`, `az://` …) through fsspec: listing them, and copying an object,
or a byte range of one cut at line boundaries, to a local file that the ordinary readers read.

fsspec and its S3 driver (s3fs) come with the optional `costsim[dask]` extra; the Google and Azure
drivers (gcsfs, adlfs) with `costsim[gcs]` and `costsim[azure]`. Credentials and endpoints come from
the driver's usual places (for S3: the AWS_* variables and ~/.aws, AWS_ENDPOINT_URL for an
S3-compatible server), never from costsim.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from costsim.errors import ConfigError, InputError

INSTALL_HINT = "pip install 'costsim[dask]'"
_URL = re.compile(r"^([a-z][a-z0-9+.-]*)://", re.IGNORECASE)
COPY_BYTES = 4 << 20


def is_url(path: str) -> bool:
    """Whether `path` names an object in a store (`scheme://…`) rather than a local file."""
    return bool(_URL.match(path))


def filesystem(url: str):
    """(fsspec filesystem, path inside it) for a URL; a missing fsspec or driver says what to install."""
    from costsim.ingest.common import refuse_web

    refuse_web(url)
    try:
        import fsspec
    except ImportError:
        raise ConfigError(f"{url}: reading object storage needs fsspec: {INSTALL_HINT}") from None
    try:
        return fsspec.core.url_to_fs(url)
    except ImportError as exc:  # the scheme's driver (s3fs, gcsfs, adlfs) is not installed
        raise ConfigError(
            f"{url}: {exc} ({INSTALL_HINT} brings s3fs; gs:// needs 'costsim[gcs]', az:// 'costsim[azure]')"
        ) from None
    except ValueError as exc:
        raise ConfigError(f"{url}: {exc}") from None


def expand_url(url: str, loggish) -> list[tuple[str, int]]:
    """(URL, size in bytes) of each object a URL names: one object, every log-like object under a prefix
    (recursively, sorted), or a glob's matches."""
    fs, path = filesystem(url)
    protocol = url.split("://", 1)[0]
    try:
        if any(ch in path for ch in "*?["):
            found = {p: fs.info(p) for p in sorted(fs.glob(path))}
            if not found:
                raise InputError("no object matches this pattern", path=url)
        elif fs.isdir(path):
            found = {p: info for p, info in sorted(fs.find(path, detail=True).items()) if loggish(Path(p).name)}
            if not found:
                raise InputError("folder holds no .jsonl, .json or .csv objects", path=url)
        else:
            found = {path: fs.info(path)}
    except FileNotFoundError:
        raise InputError("object not found", path=url) from None
    except OSError as exc:
        raise InputError(f"cannot list: {exc}", path=url) from None
    return [
        (f"{protocol}://{p}", int(info.get("size") or 0))
        for p, info in found.items()
        if info.get("type", "file") != "directory"
    ]


def head(url: str, size: int) -> bytes:
    """The object's first `size` bytes."""
    fs, path = filesystem(url)
    with fs.open(path, "rb") as stream:
        return stream.read(size)


def copy_slice(path: str, dest: Path, start: int = 0, end: int | None = None) -> int:
    """Copy the lines of `path` (a URL or a local file) that start at byte offsets in [start, end) to
    `dest`: the whole file when `end` is None. Returns the number of lines copied (a last line without
    a newline counts too); only counted for a slice, else -1."""
    if is_url(path):
        fs, inner = filesystem(path)
        opener = lambda: fs.open(inner, "rb")  # noqa: E731
    else:
        opener = lambda: open(path, "rb")  # noqa: E731
    dest.parent.mkdir(parents=True, exist_ok=True)
    with opener() as source, open(dest, "wb") as out:
        if end is None:
            shutil.copyfileobj(source, out, COPY_BYTES)
            return -1
        if start > 0:
            source.seek(start - 1)
            source.readline()  # the rest of the line begun before `start` belongs to the previous part
        at, lines, last = source.tell(), 0, b"\n"
        while at < end:
            block = source.read(min(COPY_BYTES, end - at))
            if not block:
                break
            at += len(block)
            if at >= end and not block.endswith(b"\n"):
                block += source.readline()  # finish the line that starts before `end`
            out.write(block)
            lines += block.count(b"\n")
            last = block[-1:]
        return lines + (last != b"\n")
