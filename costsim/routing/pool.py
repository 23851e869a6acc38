"""Classifying a whole run: each distinct prompt decided once, and big batches of new prompts split
over the cores (the rules take ~0.1 ms a prompt, the learned classifier ~10 µs, and real logs are mostly
new prompts): one part a core, this process deciding one part while a worker process decides each other.
Workers are spawned (the start method macOS and Windows use everywhere), receive the classifier once,
pickled, and are kept for the run; a classifier that cannot be pickled decides in this process. Parts
travel as one string each (the prompts joined by NULs) and decisions come back as columns, not as a list
of objects: pickling 100,000 Decision objects took as long as deciding them."""

from __future__ import annotations

import io
import os
import pickle
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

import numpy as np

from costsim.lookup import HashRuns
from costsim.routing.rules import Decision

PARALLEL_FROM = 512  # new prompts in one batch worth sending to worker processes
_CLASSIFIER: Callable | None = None  # the run's classifier, in a worker process


def cores() -> int:
    """How many worker processes a pool starts: COSTSIM_WORKERS when set (1 starts none), else the CPUs
    this process may run on, at most 8."""
    given = os.environ.get("COSTSIM_WORKERS", "").strip()
    if given:
        if not given.isdigit() or int(given) < 1:
            from costsim.errors import ConfigError
            raise ConfigError(f"COSTSIM_WORKERS must be a whole number >= 1, got {given!r}")
        return int(given)
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return min(usable, 8)


class Remembering:
    """A classifier that remembers its tier for each distinct prompt over the whole run.

    Agent logs repeat a prompt in many requests, across chunks (every assistant message of a turn
    carries the turn's prompt). `tiers` is the run's path: a batch in, an int8 tier per prompt out, each
    distinct prompt decided once (by the classifier's own batch `tiers` where it has one, else its
    decisions' tiers) and remembered compactly, a 64-bit digest and one byte a prompt (`lookup.HashRuns`, at
    most `max_prompts`). Calling it gives whole decisions, reasons included (each distinct prompt of
    the batch decided once, nothing remembered: `costsim classify` and --explain's sample). A batch of at
    least PARALLEL_FROM new prompts is split over the cores, this process deciding one part and worker
    processes the others (spawned, each given the pickled classifier; not with `parallel=False`),
    started by `start` or the first such batch; `close` stops them."""

    def __init__(self, classifier, max_prompts: int = 200_000, parallel: bool = True) -> None:
        self.classifier, self.max_prompts, self.parallel = classifier, max_prompts, parallel
        self.seen = HashRuns()  # tiers by digest
        self.pool = None

    @staticmethod
    def keys(prompts) -> np.ndarray:
        """Each prompt's 64-bit digest: what tiers are remembered by (two of 500,000 prompts share one with
        odds of about 7e-9)."""
        import pandas as pd  # here, not at the top: a worker process imports this module and needs no pandas

        return pd.util.hash_array(np.asarray(prompts, dtype=object), categorize=False)

    def tiers(self, prompts, parallel: bool = True) -> np.ndarray:
        """Each prompt's tier (int8): remembered ones looked up, the new ones decided once and remembered (in
        worker processes too, for a big batch, unless `parallel` is False)."""
        keys = self.keys(prompts)
        tiers = self.seen.values(keys)
        new = np.flatnonzero(tiers == 0)
        if len(new):
            new_keys, first = np.unique(keys[new], return_index=True)
            order = np.argsort(first)  # decided in the order they come
            decided = np.zeros(len(first), dtype=np.int8)
            decided[order] = self._decide([prompts[i] for i in new[first[order]].tolist()], tiers_only=True,
                                          parallel=parallel)
            room = self.max_prompts - len(self.seen)
            if room > 0:
                self.seen.add(new_keys[:room], decided[:room])
            tiers[new] = decided[np.searchsorted(new_keys, keys[new])]
        return tiers

    def __call__(self, prompts):
        keys = self.keys(prompts)
        _, first, back = np.unique(keys, return_index=True, return_inverse=True)
        order = np.argsort(first)  # decided in the order they come
        decided: list = [None] * len(first)
        for at, decision in zip(order.tolist(), self._decide([prompts[i] for i in first[order].tolist()])):
            decided[at] = decision
        return [decided[i] for i in back.ravel().tolist()]

    def start(self) -> bool:
        """Start the worker processes now (each unpickles the classifier while the caller goes on reading),
        rather than on the first big batch; False when they will not be used (one core, no `parallel`, or a
        classifier that cannot be pickled)."""
        workers = cores()
        if not self.parallel or workers < 2:
            return False
        if self.pool is None:
            try:
                payload = pickle.dumps(self.classifier)
            except (pickle.PicklingError, AttributeError, TypeError):
                self.parallel = False  # a classifier made on the spot (a lambda): decided here
                return False
            self.pool = Workers(workers - 1, payload)  # each unpickles the classifier while the caller goes on
        return True

    def _decide(self, prompts: list[str], tiers_only: bool = False, parallel: bool = True) -> list:
        decide = tiers_of(self.classifier) if tiers_only else self.classifier
        if len(prompts) < PARALLEL_FROM or not parallel or not self.start():
            return list(decide(prompts))
        assert self.pool is not None
        size = -(-len(prompts) // cores())  # one part a core, this process's the last
        parts = [prompts[i:i + size] for i in range(0, len(prompts), size)]
        self.pool.send([_TiersOf((_packed(part),)) if tiers_only else _packed(part) for part in parts[:-1]])
        mine = decide(parts[-1])
        return [decision for result in self.pool.collect(len(parts) - 1) for decision in _unpacked(result)] + list(mine)

    def close(self) -> None:
        if self.pool is not None:
            self.pool.close()
            self.pool = None


def tiers_of(classifier) -> Callable[[list[str]], Sequence[int]]:
    """The classifier's batch of tiers: for a model's `predict` (the learned classifier's), the model's own
    `tiers`, which works out no reasons; else the tiers of its decisions."""
    own = _own_tiers(classifier)
    return own if own is not None else lambda prompts: [d.tier for d in classifier(prompts)]


def batched(classifier) -> bool:
    """Whether the classifier decides a batch of tiers in one vectorised call (the learned one: some 290,000
    short prompts a second on one core)."""
    return _own_tiers(classifier) is not None


def _own_tiers(classifier):
    own = getattr(getattr(classifier, "__self__", None), "tiers", None)
    return own if getattr(classifier, "__name__", "") == "predict" and callable(own) else None


class Workers:
    """Worker processes kept for a run, each fed one part at a time through a pipe of its own.

    Plain multiprocessing Processes and Pipes, not concurrent.futures: a run asks no more than "each worker
    decides one part while this process decides another; answers in order", and ProcessPoolExecutor's
    manager thread and wake-up pipe can deadlock on the Pythons we support (CPython gh-105829, gh-125451;
    a benchmark here hung on one). A worker that stops is an error naming its exit code, never a wait."""

    def __init__(self, count: int, payload: bytes) -> None:
        import multiprocessing

        spawn = multiprocessing.get_context("spawn")  # the start method macOS and Windows use everywhere
        self.links = []
        for _ in range(count):
            here, there = spawn.Pipe()
            process = spawn.Process(target=_serve, args=(there, payload), daemon=True, name="costsim-classify")
            with _main_script_unseen(payload):
                process.start()
            there.close()  # only the worker holds its end: a worker that dies is seen as a closed pipe
            self.links.append((process, here))

    def send(self, parts: list) -> None:
        """One part to each of the first len(parts) workers."""
        for (process, link), part in zip(self.links, parts):
            try:
                link.send(part)
            except (BrokenPipeError, ConnectionResetError):
                self._stopped(process)

    def collect(self, count: int) -> list:
        """The answers of the first `count` workers, in order (a worker's exception is raised here)."""
        answers = []
        for process, link in self.links[:count]:
            while not link.poll(0.5):
                if not process.is_alive():
                    self._stopped(process)
            try:
                answer = link.recv()
            except EOFError:
                self._stopped(process)
            if isinstance(answer, _Failed):
                raise RuntimeError(f"a classifier worker process failed: {answer.error}")
            answers.append(answer)
        return answers

    @staticmethod
    def _stopped(process) -> None:
        process.join(timeout=1)
        raise RuntimeError(f"a classifier worker process stopped (exit code {process.exitcode})")

    def close(self) -> None:
        for _, link in self.links:
            try:
                link.send(None)  # the worker's signal to end
            except OSError:
                pass
            link.close()
        for process, _ in self.links:
            process.join(timeout=5)
            if process.is_alive():
                process.terminate()
        self.links = []


@contextmanager
def _main_script_unseen(payload: bytes) -> Iterator[None]:
    """Keep a spawned worker from running the main script again: spawn runs a script given by path (the
    `costsim` command's own file) in each new process before it unpickles anything, and the command's
    script imports the whole CLI (~1.5 s of a core a worker, measured). A worker needs only this module
    and the classifier's, so the script's path is hidden while the process starts, unless the pickled
    classifier refers to something of the main script's. `python -m costsim` is not run again anyway."""
    main = sys.modules.get("__main__")
    path = getattr(main, "__file__", None)
    if main is None or path is None or getattr(main, "__spec__", None) is not None or names_main_script(payload):
        yield
        return
    del main.__file__
    try:
        yield
    finally:
        main.__file__ = path


def names_main_script(payload: bytes) -> bool:
    """Whether unpickling `payload` needs a class or function of the main script (module `__main__`). The
    bytes alone cannot tell: "__main__" may be text inside the pickled data (a classifier's vocabulary held
    it once), so a pickle that holds them is unpickled here with every module it asks for noted."""
    if b"__main__" not in payload:
        return False
    modules: set[str] = set()

    class Noting(pickle.Unpickler):
        def find_class(self, module: str, name: str):
            modules.add(module)
            return super().find_class(module, name)

    Noting(io.BytesIO(payload)).load()
    return "__main__" in modules


class _TiersOf(tuple):
    """A part whose tiers alone a worker sends back (`_decide_tiers`)."""


class _Failed(tuple):
    """A worker's exception, as text (an exception object may not unpickle here)."""

    @property
    def error(self) -> str:
        return self[0]


def _serve(link, payload: bytes) -> None:
    """A worker: unpickle the classifier, then decide each part the pipe brings until it brings None."""
    global _CLASSIFIER
    _CLASSIFIER = pickle.loads(payload)
    while True:
        try:
            part = link.recv()
        except (EOFError, KeyboardInterrupt):
            return
        if part is None:
            return
        try:
            answer = _decide_tiers(part[0]) if isinstance(part, _TiersOf) else _decide(part)
        except Exception as exc:  # noqa: BLE001 — sent back and raised in the parent, with its text
            answer = _Failed((f"{type(exc).__name__}: {exc}",))
        link.send(answer)


def _packed(prompts: list[str]) -> str | list[str]:
    """A part as one string (prompts joined by NULs: one object to pickle), or as it is when a prompt holds a NUL."""
    text = "\x00".join(prompts)
    return text if text.count("\x00") == len(prompts) - 1 else prompts


def _decide(part: str | list[str]):
    """A worker's decisions on a part: Decisions as columns (tier, reason, confidence, features), so they
    pickle as lists of plain values; anything else as the classifier returns it."""
    decisions = _CLASSIFIER(part.split("\x00") if isinstance(part, str) else part)
    if isinstance(decisions, list) and decisions and all(type(d) is Decision for d in decisions):
        return _Columns(tuple(map(list, zip(*((d.tier, d.reason, d.confidence, d.features) for d in decisions)))))
    return decisions


def _decide_tiers(part: str | list[str]):
    """A worker's tiers on a part (int8), by the classifier's batch tiers where it has one."""
    return np.asarray(tiers_of(_CLASSIFIER)(part.split("\x00") if isinstance(part, str) else part), dtype=np.int8)


class _Columns(tuple):
    """Decisions sent back as four columns."""


def _unpacked(result) -> list:
    return list(map(Decision, *result)) if isinstance(result, _Columns) else list(result)
