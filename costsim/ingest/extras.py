"""What estimate adds around reading: the run's IngestStats (window, --columns, price-table token
factors), output counts borrowed from the tier's profile, and the report's notes about both."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from decimal import Decimal

import pandas as pd

from costsim.ingest.common import IngestStats
from costsim.policy import Policy
from costsim.prices import PriceBook


def make_stats(book: PriceBook, *, strict: bool = False, since: date | None = None, until: date | None = None,
               columns: dict[str, str] | None = None) -> IngestStats:
    """Accounting for one run; --until names the last day included."""
    def factor(model: str) -> Decimal:
        found = book.find(model)
        return found.token_factor if found is not None else Decimal(1)

    start = None if since is None else datetime.combine(since, time(), tzinfo=timezone.utc)
    end = None if until is None else datetime.combine(until + timedelta(days=1), time(), tzinfo=timezone.utc)
    return IngestStats(strict=strict, since=start, until=end, columns=dict(columns or {}), token_factor=factor)


def fill_estimated_outputs(df: pd.DataFrame, policy: Policy) -> tuple[pd.DataFrame, int]:
    """Rows whose log had no output count take their (classified) tier's profile output."""
    need = df["output_estimated"].to_numpy()
    n = int(need.sum())
    if not n:
        return df, 0
    out = df.copy()
    per_tier = {t: p.output_tokens for t, p in policy.profiles.items()}
    estimate = out.loc[need, "tier"].astype("int64").map(per_tier).astype("int64") * out.loc[need, "requests"]
    out.loc[need, "output_tokens"] = estimate.to_numpy()
    return out, n


def ingest_notes(stats: IngestStats, estimated_outputs: int) -> list[str]:
    notes = []
    if stats.counted_inputs:
        notes.append(f"Input tokens of {stats.counted_inputs:,} request(s) were counted offline from their text "
                     "(tiktoken o200k_base / cl100k_base).")
    if stats.approximate_models:
        models = ", ".join(sorted(stats.approximate_models))
        notes.append(f"Counts for {models} are approximations: no native tokenizer ships for them, so OpenAI's "
                     "o200k_base was used (a model's token_factor in the price table corrects it).")
    if estimated_outputs:
        notes.append(f"Output tokens of {estimated_outputs:,} request(s) were not in the log and are estimated "
                     "from their tier's profile (policy `profiles`).")
    return notes


class Remembering:
    """A classifier that remembers its decision for each distinct prompt over the whole run.

    Agent logs repeat a prompt in many requests, across chunks (every assistant message of a turn
    carries the turn's prompt). Keys are 128-bit digests, so the memory stays small (~100 bytes a prompt,
    at most `max_prompts` of them); classify_frame already asks once per distinct prompt within a chunk.
    `learn` takes decisions made elsewhere by `classifier` (worker processes reading Claude Code logs)."""

    def __init__(self, classifier, max_prompts: int = 200_000) -> None:
        self.classifier, self.max_prompts = classifier, max_prompts
        self.seen: dict[bytes, object] = {}

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
        decided = dict(zip(new, self.classifier(list(new.values())))) if new else {}
        for k, decision in decided.items():
            if len(seen) < self.max_prompts:
                seen[k] = decision
        return [decided[k] if k in decided else seen[k] for k in keys]
