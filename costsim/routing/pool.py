"""Classifying a whole run: each distinct prompt decided once, and big batches of new prompts split
over the cores (the rules take ~0.1 ms a prompt, the learned classifier ~10 µs, and real logs are mostly
new prompts): one part a core, this process deciding one part while a worker process decides each other.
Workers are spawned (the start method macOS and Windows use everywhere), receive the classifier once,
pickled, and are kept for the run; a classifier that cannot be pickled decides in this process. Parts
travel as one string each (the prompts joined by NULs) and decisions come back as columns, not as a list
of objects: pickling 100,000 Decision objects took as long as deciding them."""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable

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
    """A classifier that remembers its decision for each distinct prompt over the whole run.

    Agent logs repeat a prompt in many requests, across chunks (every assistant message of a turn
    carries the turn's prompt). Keys are 128-bit digests, so the memory stays small (~100 bytes a prompt,
    at most `max_prompts` of them); classify_frame already asks once per distinct prompt within a chunk.
    `learn` takes decisions made elsewhere by `classifier` (worker processes reading Claude Code logs).
    A batch of at least PARALLEL_FROM new prompts is split over worker processes (spawned, each given
    the pickled classifier; not with `parallel=False`), started on the first such batch; `close` stops
    them."""

    def __init__(self, classifier, max_prompts: int = 200_000, parallel: bool = True) -> None:
        self.classifier, self.max_prompts, self.parallel = classifier, max_prompts, parallel
        self.seen: dict[bytes, object] = {}
        self.pool = None

    @staticmethod
    def keys(prompts) -> list[bytes]:
        """Each prompt's 128-bit digest: what decisions are remembered by."""
        from hashlib import blake2b

        return [blake2b(p.encode("utf-8", "surrogatepass"), digest_size=16).digest() for p in prompts]

    def learn(self, prompts, decisions) -> None:
        for key, decision in zip(self.keys(prompts), decisions):
            if len(self.seen) >= self.max_prompts:
                return
            self.seen.setdefault(key, decision)

    def __call__(self, prompts):
        keys = self.keys(prompts)
        seen = self.seen
        new = {k: p for k, p in zip(keys, prompts) if k not in seen}
        decided = dict(zip(new, self._decide(list(new.values())))) if new else {}
        for k, decision in decided.items():
            if len(seen) < self.max_prompts:
                seen[k] = decision
        return [decided[k] if k in decided else seen[k] for k in keys]

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

    def _decide(self, prompts: list[str]) -> list:
        if len(prompts) < PARALLEL_FROM or not self.start():
            return self.classifier(prompts)
        assert self.pool is not None
        size = -(-len(prompts) // cores())  # one part a core, this process's the last
        parts = [prompts[i:i + size] for i in range(0, len(prompts), size)]
        self.pool.send([_packed(part) for part in parts[:-1]])
        mine = self.classifier(parts[-1])
        return [decision for result in self.pool.collect(len(parts) - 1) for decision in _unpacked(result)] + list(mine)

    def close(self) -> None:
        if self.pool is not None:
            self.pool.close()
            self.pool = None


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
            answer = _decide(part)
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


class _Columns(tuple):
    """Decisions sent back as four columns."""


def _unpacked(result) -> list:
    return list(map(Decision, *result)) if isinstance(result, _Columns) else list(result)
