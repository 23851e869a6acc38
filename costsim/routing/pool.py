"""Classifying a whole run: each distinct prompt decided once, and big batches of new prompts split
over one worker process per core (the rules take ~0.1 ms a prompt, the learned classifier ~10 µs, and
real logs are mostly new prompts). Workers are spawned (the start method macOS and Windows use everywhere), and
receive the classifier once, pickled; a classifier that cannot be pickled decides in this process."""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable, Sequence

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

    def _decide(self, prompts: list[str]) -> list:
        workers = cores()
        if not self.parallel or len(prompts) < PARALLEL_FROM or workers < 2:
            return self.classifier(prompts)
        if self.pool is None:
            import concurrent.futures as cf
            import multiprocessing

            try:
                payload = pickle.dumps(self.classifier)
            except (pickle.PicklingError, AttributeError, TypeError):
                self.parallel = False  # a classifier made on the spot (a lambda): decided here
                return self.classifier(prompts)
            self.pool = cf.ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                                               initializer=_receive, initargs=(payload,))
        size = -(-len(prompts) // (workers * 4))  # a few parts a worker, so none waits long for the last
        parts = [prompts[i:i + size] for i in range(0, len(prompts), size)]
        return [decision for part in self.pool.map(_decide, parts) for decision in part]

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None


def _receive(payload: bytes) -> None:
    global _CLASSIFIER
    _CLASSIFIER = pickle.loads(payload)


def _decide(prompts: Sequence[str]) -> list:
    return _CLASSIFIER(list(prompts))
