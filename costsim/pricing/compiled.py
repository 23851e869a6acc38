"""The bundled price tables, compiled: parsed once, kept as a pickle beside them, reused while nothing changed.

Thousands of generated models take far longer to parse and validate than to unpickle, and a run uses
a handful of them: the compiled book holds the name indexes as they are and each model as its own
pickled bytes, unpickled the first time the run asks for it (`LazyModels`). The compiled
book is named by a fingerprint of every bundled table and of the code that parses them (prices.py,
yamlio.py, model_names.py, this module), so an edited table or parser is never served stale: a fingerprint with no
file is parsed from the YAML and, where the folder is writable, written for the next run. The wheel
ships one compiled by the build (hatch_build.py). The YAML stays the one source of truth.
"""

from __future__ import annotations

import hashlib
import inspect
import os
import pickle
import tempfile
from collections.abc import MutableMapping
from dataclasses import replace
from pathlib import Path

from costsim import yamlio
from costsim.paths import bundled
from costsim.pricing import names as model_names
from costsim.pricing import prices

FOLDER = ".compiled"


class LazyModels(MutableMapping[str, "prices.ModelPrice"]):
    """Model id -> ModelPrice, each unpickled from its bytes on first use (a dict to everyone else)."""

    def __init__(self, blobs: dict[str, bytes]):
        self._blobs = blobs
        self._models: dict[str, prices.ModelPrice] = {}

    def __getitem__(self, model_id: str) -> prices.ModelPrice:
        model = self._models.get(model_id)
        if model is None:
            model = self._models[model_id] = pickle.loads(self._blobs[model_id])
        return model

    def __setitem__(self, model_id: str, model: prices.ModelPrice) -> None:
        self._blobs[model_id] = b""
        self._models[model_id] = model

    def __delitem__(self, model_id: str) -> None:
        del self._blobs[model_id]
        self._models.pop(model_id, None)

    def __contains__(self, model_id) -> bool:
        return model_id in self._blobs

    def __iter__(self):
        return iter(self._blobs)

    def __len__(self) -> int:
        return len(self._blobs)

    def __copy__(self) -> LazyModels:
        out = LazyModels(dict(self._blobs))
        out._models = dict(self._models)
        return out


def fingerprint() -> str:
    """A digest of the bundled tables' names and bytes and of the parsing code."""
    digest = hashlib.blake2b(digest_size=16)
    hand, generated = prices.bundled_tables()
    code = [Path(inspect.getfile(m)) for m in (prices, yamlio, model_names)] + [Path(__file__)]
    for path in [*code, *hand, *generated]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def compiled_path(key: str) -> Path:
    return bundled("pricing") / FOLDER / f"book-{key}.pickle"


def bundled_book() -> prices.PriceBook:
    """The bundled tables as a fresh PriceBook (from the compiled copy when it matches)."""
    key = fingerprint()
    path = compiled_path(key)
    try:
        return thaw(pickle.loads(path.read_bytes()))
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        pass
    book = prices.read_bundled_book()
    write(book, path)
    return book


def freeze(book: prices.PriceBook) -> bytes:
    """The book without its models, and each model as separate pickled bytes."""
    blobs = {model_id: pickle.dumps(model, protocol=pickle.HIGHEST_PROTOCOL) for model_id, model in book.models.items()}
    return pickle.dumps((replace(book, models={}, _found={}), blobs), protocol=pickle.HIGHEST_PROTOCOL)


def thaw(frozen: object) -> prices.PriceBook:
    """The book `freeze` packed, its models unpickled as the run asks for them."""
    match frozen:
        case (prices.PriceBook() as book, dict() as blobs) if all(isinstance(b, bytes) for b in blobs.values()):
            book.models = LazyModels(blobs)
            return book
    raise ValueError("not a compiled price book")


def write(book: prices.PriceBook, path: Path) -> bool:
    """Store the compiled book (atomically; older compiled books go). False where the folder is read-only."""
    try:
        path.parent.mkdir(exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as tmp:
            tmp.write(freeze(book))
        os.replace(tmp.name, path)
        for old in path.parent.glob("book-*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)
        return True
    except OSError:
        return False


def compile_to(folder: Path) -> Path:
    """Compile the bundled tables into `folder` (the wheel build's copy); returns the file written."""
    key = fingerprint()
    path = Path(folder) / f"book-{key}.pickle"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(freeze(prices.read_bundled_book()))
    return path
