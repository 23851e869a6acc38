"""The core functions the commands call: one per job, each returning a Report. No printing here."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pandas as pd

from costsim.ci import caps
from costsim.ci.caps import Verdict
from costsim.ci.config import CheckConfig
from costsim.errors import ConfigError
from costsim.frame import PROMPT_COLUMNS
from costsim.ingest import IngestStats, read_logs
from costsim.pricing.billing import BillingOptions
from costsim.pricing.prices import PriceBook
from costsim.report.model import Accounting, ClaimCheck, Report
from costsim.report.parts import CalibrationSummary, LogDetail
from costsim.routing.classify import classify_frame, make_classifier
from costsim.routing.policy import Policy
from costsim.simulate import montecarlo
from costsim.simulate.cache_profile import CacheProfile
from costsim.simulate.effects import SimOptions
from costsim.simulate.pricer import LOG_STRATEGIES, SCENARIO_STRATEGIES, UNPRICED, Pricer
from costsim.simulate.scenario import Scenario, load_scenario, override_profiles, parse_distribution, scenario_frame


def compare(scenario: Scenario, book: PriceBook, policy: Policy, as_of: date, sim: SimOptions | None = None,
            billing: BillingOptions = BillingOptions(), cache: CacheProfile | None = None) -> Report:
    """Price a planned task mix under every scenario strategy, and check the scenario's stated claims.

    `sim` adds the simulated effects (classifier overhead, escalation, under-routing) as strategies.
    `cache` prices prompt caches from a profile (cache_profile.py): smart routing cache-aware and with
    caches carried over. Scenario rows carry no time of day: they take list prices unless `billing.off_peak`."""
    for model in policy.tier_models.values():
        book.resolve(model)
    billing = replace(billing, time_of_day=False)
    if cache is not None:
        if sim is not None and sim.active:
            raise ConfigError("--cache-share: not with the simulated effects (classifier, escalation, misrouting) yet")
        from costsim.simulate.cache_profile import price_with_caches
        return price_with_caches(scenario, book, policy, as_of, billing, cache, notes=[_scenario_note(scenario)])
    report = _price_scenario(scenario, book, policy, as_of, billing)
    if sim is not None and sim.active:
        report = _simulate_scenario(report, scenario, book, policy, as_of, sim, billing)
    if scenario.claims is not None:
        at_claim_date = _price_scenario(scenario, book, policy, scenario.claims.as_of, billing)
        report = replace(report, claims=check_claims(scenario, at_claim_date, book), claims_as_of=scenario.claims.as_of)
    return report


@dataclass(frozen=True)
class PlannedMix:
    """What `costsim compare` prices: a scenario file (None: the document's sprint) and the command line's changes."""

    scenario: Path | None = None
    distribution: str | None = None   # 65/25/10, or ranges (60-70/20-30/5-10) for a Monte Carlo around the midpoints
    requests: int | None = None
    input_tokens: int | None = None   # per request, every tier
    output_tokens: int | None = None
    own_case: bool = True             # False: the case was changed, so the scenario's claims are not about it


@dataclass(frozen=True)
class MonteCarloAsk:
    """The Monte Carlo's options; it runs when any is given, or when the distribution has ranges."""

    samples: int | None = None
    seed: int = 0
    concentration: float | None = None
    token_spread: float = 0.0
    tokens_from: tuple[str, ...] = ()

    @property
    def asked(self) -> bool:
        return self.samples is not None or self.concentration is not None or bool(self.token_spread or self.tokens_from)


def compare_mix(mix: PlannedMix, book: PriceBook, policy: Policy, as_of: date, sim: SimOptions | None = None,
                billing: BillingOptions = BillingOptions(), cache: CacheProfile | None = None,
                monte_carlo: MonteCarloAsk = MonteCarloAsk()) -> Report:
    """`costsim compare`: the scenario with the mix's changes, priced by `compare`, and the Monte Carlo's ranges
    when asked for (or when the distribution has ranges)."""
    plan = load_scenario(mix.scenario, policy)
    ranges = None
    if mix.distribution is not None and montecarlo.is_range(mix.distribution):
        ranges = montecarlo.parse_ranges(mix.distribution)
        plan = replace(plan, shares=ranges.point())
    elif mix.distribution is not None:
        plan = replace(plan, shares=parse_distribution(mix.distribution))
    if mix.requests is not None:
        plan = replace(plan, requests=mix.requests)
    plan = replace(plan, profiles=override_profiles(plan.profiles, mix.input_tokens, mix.output_tokens))
    if not mix.own_case:
        plan = replace(plan, claims=None, name=f"{plan.name}, with your options")  # its claims are about its own case
    report = compare(plan, book, policy, as_of, sim, billing, cache)
    if not (monte_carlo.asked or ranges is not None):
        return report
    if cache is not None:
        raise ConfigError("--cache-share: the Monte Carlo prices input and output tokens only; run it without")
    empirical = empirical_tokens(list(monte_carlo.tokens_from), policy) if monte_carlo.tokens_from else None
    spec = montecarlo.MonteCarloSpec(samples=monte_carlo.samples or 2000, seed=monte_carlo.seed, ranges=ranges,
                                     concentration=monte_carlo.concentration, token_spread=monte_carlo.token_spread,
                                     empirical=empirical)
    return replace(report, monte_carlo=montecarlo.run(spec, plan.requests, plan.shares, plan.profiles, book, policy,
                                                      as_of, sim))


def check(config: CheckConfig, book: PriceBook, policy: Policy, today: date, progress=None) -> Verdict:
    """`costsim check`: every input's Report, projected and held to the caps. Prices: `as_of` when set, else today's."""
    as_of = config.as_of or today
    config = replace(config, caps=replace(config.caps, models_allowed=caps.resolve_models(config.caps.models_allowed,
                                                                                          book)))
    subjects = [
        caps.hold(name, report, config) for name, report in _check_reports(config, book, policy, as_of, progress)
    ]
    return Verdict(tuple(subjects), as_of)


def _check_reports(config: CheckConfig, book: PriceBook, policy: Policy, as_of: date, progress):
    scenarios = list(config.scenarios) or ([] if config.logs else [None])
    for path in scenarios:
        plan = load_scenario(path, policy)
        if config.distribution is not None:
            plan = replace(plan, shares=parse_distribution(config.distribution))
        if config.profile is not None:
            plan = replace(plan, profiles={t: config.profile for t in plan.profiles})
        plan = replace(plan, claims=None)
        name = (
            Path(path).name
            if path
            else (f"planned mix {config.distribution}" if config.distribution else f"scenario: {plan.name}")
        )
        yield name, compare(plan, book, policy, as_of)
    if config.logs:
        report, _ = estimate(list(config.logs), book, policy, as_of=as_of, progress=progress)
        caps.trustworthy(report, config.strategy)
        yield "logs: " + ", ".join(report.accounting.files), report


def _price_scenario(
    scenario: Scenario,
    book: PriceBook,
    policy: Policy,
    as_of: date,
    billing: BillingOptions = BillingOptions(time_of_day=False),
) -> Report:
    pricer = Pricer(book, policy, SCENARIO_STRATEGIES, as_of=as_of, billing=billing)
    pricer.add(scenario_frame(scenario, as_of))
    requests = scenario.requests
    return pricer.report(
        kind="compare", accounting=Accounting(records_read=requests, priced=requests), notes=[_scenario_note(scenario)]
    )


def _scenario_note(scenario: Scenario) -> str:
    return (
        f"Scenario: {scenario.name} — {scenario.requests:,} requests, tiers "
        + "/".join(f"{n:,}" for n in scenario.tier_requests().values())
        + ", tokens per request (input/output) "
        + ", ".join(f"tier {t}: {p.input_tokens:,}/{p.output_tokens:,}" for t, p in scenario.profiles.items())
        + "."
    )


def _simulate_scenario(
    report: Report,
    scenario: Scenario,
    book: PriceBook,
    policy: Policy,
    as_of: date,
    sim: SimOptions,
    billing: BillingOptions,
) -> Report:
    from costsim.simulate import effects as simulate

    classifier = book.resolve(sim.classifier_model).id if sim.classifier_model else None
    helpers = simulate.helper_strategies(sim, classifier)
    pricer = Pricer(
        book,
        policy,
        SCENARIO_STRATEGIES + helpers,
        as_of=as_of,
        separate=frozenset({simulate.CLASSIFIER_KEY}),
        billing=billing,
    )
    frame = scenario_frame(scenario, as_of)
    pricer.add(frame)
    if classifier:
        pricer.add(
            simulate.classifier_frame(frame, sim), only=tuple(h for h in helpers if h.key == simulate.CLASSIFIER_KEY)
        )
    priced = pricer.report(kind="compare", accounting=report.accounting, notes=list(report.notes))
    rates = book.models[classifier].period_at(as_of).rates if classifier else None
    return simulate.apply(priced, sim, policy, rates)


def check_claims(scenario: Scenario, report: Report, book: PriceBook) -> tuple[ClaimCheck, ...]:
    """Each figure the scenario's source states, next to costsim's arithmetic at the source's price date."""
    claims = scenario.claims
    checks = []
    for key, claimed in claims.strategy_cost_usd.items():
        s = report.strategy(key)
        checks.append(ClaimCheck(f"{s.label} total", claimed, s.cost_usd, "usd", _explain_strategy(s, report)))
    for key, claimed in claims.savings_pct.items():
        s = report.strategy(key)
        frontier = report.strategy("all_frontier").cost_usd
        checks.append(
            ClaimCheck(
                f"{s.label} savings",
                claimed,
                s.savings_vs_frontier_pct,
                "pct",
                f"1 − {s.cost_usd.normalize():f} / {frontier.normalize():f}",
            )
        )
    smart = report.strategy("smart")
    for tier, claimed in claims.tier_cost_usd.items():
        t = smart.by_tier[tier - 1]
        profile = scenario.profiles[tier]
        model = book.resolve(report.tier_models[tier])
        rates = model.period_at(claims.as_of).rates
        checks.append(
            ClaimCheck(
                f"Tier {tier} cost",
                claimed,
                t.cost_usd,
                "usd",
                f"{t.requests} × ({profile.input_tokens:,} × ${rates.input} + "
                f"{profile.output_tokens:,} × ${rates.output}) / 1e6 on {model.id}",
            )
        )
    if claims.classifier is not None:
        from costsim.simulate.effects import classifier_cost_per_request

        c = claims.classifier
        model = book.resolve(c["model"])
        rates = model.period_at(claims.as_of).rates
        computed = classifier_cost_per_request(c["input_tokens"], c["output_tokens"], rates)
        times = (
            f"; the document's figure is {(c['usd_per_request'] / computed).normalize():f}× that" if computed else ""
        )
        checks.append(
            ClaimCheck(
                "Classifier overhead per request",
                c["usd_per_request"],
                computed,
                "usd",
                f"({c['input_tokens']:,} × ${rates.input} + {c['output_tokens']:,} × ${rates.output})"
                f" / 1e6 on {model.id}{times}",
            )
        )
    return tuple(checks)


def _explain_strategy(s, report: Report) -> str:
    from costsim.money import usd

    parts = [f"tier {t.tier} {usd(t.cost_usd)}" for t in s.by_tier if t.requests]
    return " + ".join(parts) + f" on {', '.join(s.models)}"


def estimate(
    inputs: list[str],
    book: PriceBook,
    policy: Policy,
    *,
    log_format: str | None = None,
    as_of: date | None = None,
    strict: bool = False,
    today: date | None = None,
    classifier: str | None = None,
    progress: Callable[[int], None] | None = None,
    sim: SimOptions | None = None,
    billing: BillingOptions = BillingOptions(),
    by: str | None = None,
    since: date | None = None,
    until: date | None = None,
    columns: dict[str, str] | None = None,
    target_shares: tuple[float, float, float] | None = None,
    caches: str = "replay",
    sticky_minutes: tuple[int, ...] = (),
) -> tuple[Report, pd.DataFrame]:
    """Read logs, classify every request, price it under every log strategy. Returns the report and a
    sample of classified rows (for --explain).

    `by` adds a breakdown; `since`/`until` (inclusive UTC days) keep only requests inside them.
    `target_shares` calibrates the learned classifier on a first pass so the log splits in those shares.
    `sim` adds the simulated effects; `sim.pinned` holds slim rows (tier, session, day, token counts)
    until the end, since a session's hardest request can come in any chunk.
    `caches`: "replay" (default) prices every strategy that moves requests to other models with each
    conversation's prompt caches replayed (cache_strategies.py), where the log has sessions and timestamps;
    "carried" keeps each request's logged cache split. `sticky_minutes` adds a sticky-routing strategy
    for each number of minutes. Both hold slim rows until the end, like pinned."""
    from costsim.routing.pool import Remembering
    from costsim.simulate.views import check_view

    by = check_view(by)
    sim = sim if sim is not None and sim.active else None
    run = EstimateRun(
        book,
        policy,
        as_of=as_of,
        today=today,
        billing=billing,
        by=by,
        sim=sim,
        caches=caches,
        sticky_minutes=sticky_minutes,
    )
    stats = make_stats(book, strict=strict, since=since, until=until, columns=columns)
    estimated = 0
    calibration = None
    if target_shares is not None:
        name, classify_many, calibration = _calibrated(
            inputs,
            book,
            policy,
            classifier,
            target_shares,
            dict(strict=strict, since=since, until=until, columns=columns),
            log_format,
        )
    if calibration is None:
        name, classify_many = make_classifier(policy, classifier)
    # Claude Code folders hand their prompts over as the engine reads (their rows wait for the last file):
    # they are classified then, alongside the reading, and remembered until their rows come
    classify_many = Remembering(classify_many, REMEMBERED_PROMPTS)
    stats.prompts_read = classify_many
    chunks = read_logs(inputs, stats, log_format)  # Claude Code sessions: read while we set up
    samples = []
    try:
        for chunk in chunks:
            classified, n_estimated = run.fold(chunk, classify_many)
            estimated += n_estimated
            samples.append(classified.groupby("tier").head(20)[list(SAMPLE_COLUMNS)])
            if progress:
                progress(len(chunk))
    finally:
        classify_many.close()
    report = run.report(stats, estimated, name, classifier, calibration)
    sample = pd.concat(samples) if samples else pd.DataFrame(columns=list(SAMPLE_COLUMNS))
    return report, sample


REMEMBERED_PROMPTS = 500_000  # distinct prompts' decisions kept for the run (~300 bytes each)
SAMPLE_COLUMNS = ("tier", "reason", "prompt", "source", "model")  # the rows --explain draws from


class EstimateRun:
    """One estimate's pricing: the Pricer with every strategy the options ask for, the as-billed sums, the
    fold of each classified chunk into them (and its slim rows held for the cache replay, sticky routing and
    pinned conversations), and the report from the sums and the run's accounting. The local engine folds
    every chunk into one; the cluster engine (`ingest/parts.py`) folds each part into its own and merges
    them here (the held rows: each hash partition of the conversations priced on a worker)."""

    def __init__(
        self,
        book: PriceBook,
        policy: Policy,
        *,
        as_of: date | None = None,
        today: date | None = None,
        billing: BillingOptions = BillingOptions(),
        by: str | None = None,
        sim: SimOptions | None = None,
        caches: str = "replay",
        sticky_minutes: tuple[int, ...] = (),
    ):
        from costsim.simulate import cache_strategies
        from costsim.simulate import effects as simulate
        from costsim.simulate.as_billed import AsBilled
        from costsim.simulate.cache_replay import ConversationIds

        for model in policy.tier_models.values():
            book.resolve(model)
        self.book, self.policy, self.as_of, self.today, self.by, self.sim = book, policy, as_of, today, by, sim
        self.classifier_model = book.resolve(sim.classifier_model).id if sim and sim.classifier_model else None
        helpers = simulate.helper_strategies(sim, self.classifier_model) if sim else ()
        self.pinned = (simulate.PINNED,) if sim and sim.pinned else ()
        self.classifier_only = tuple(h for h in helpers if h.key == simulate.CLASSIFIER_KEY)
        self.replay_plan = cache_strategies.plan(caches, sticky_minutes, sim)
        self.held_strategies = self.replay_plan.held + self.pinned
        self.pricer = Pricer(
            book,
            policy,
            LOG_STRATEGIES + self.replay_plan.extra + helpers + self.pinned,
            as_of=as_of,
            default_day=today or date.today(),
            separate=frozenset(s.key for s in self.classifier_only + self.held_strategies),
            billing=billing,
        )
        self.conversations = ConversationIds()
        self.billed = AsBilled(book, policy, as_of=as_of, default_day=today or date.today(), billing=billing)
        self.held: list[dict] = []  # slim rows of each chunk, column by column

    def fold(self, chunk: pd.DataFrame, classify_many) -> tuple[pd.DataFrame, int]:
        """Classify one usage-frame chunk and add it to the line items: (classified chunk, outputs estimated)."""
        from costsim.simulate import cache_strategies
        from costsim.simulate import effects as simulate
        from costsim.simulate.views import view_keys

        classified = classify_frame(chunk, self.policy, classify_many)
        classified, n_estimated = fill_estimated_outputs(classified, self.policy)
        book, pricer = self.book, self.pricer
        view = (
            view_keys(classified, self.by, canonical=lambda name: getattr(book.find(name), "id", None))
            if self.by
            else None
        )
        pricer.add(classified, view=view)
        self.billed.add(classified)
        if self.classifier_only:
            pricer.add(simulate.classifier_frame(classified, self.sim), only=self.classifier_only)
        if self.held_strategies:  # like with like: rows of an unpriced logged model are left out here too
            kept = ~pricer.unpriced_rows(classified)
            self.held.append(
                cache_strategies.slim_rows(
                    classified[kept],
                    self.conversations,
                    None if view is None else view[kept],
                    session=bool(self.pinned),
                )
            )
        return classified, n_estimated

    def report(
        self,
        stats: IngestStats,
        estimated: int,
        name: str,
        classifier: str | None,
        calibration=None,
        caching: dict | None = None,
    ) -> Report:
        """The Report from the line items (the held rows priced first) and the run's accounting (`stats`).
        `caching`: the held rows were priced elsewhere (a cluster's workers), and this is what they found."""
        from costsim.routing.quality import measured_quality
        from costsim.simulate import cache_strategies
        from costsim.simulate import effects as simulate
        from costsim.simulate.views import breakdown

        pricer, policy, book = self.pricer, self.policy, self.book
        if self.held:
            caching = cache_strategies.price_held(
                pricer, self.held, self.replay_plan, self.pinned, book, self.conversations
            )
        skipped = dict(stats.skipped)
        if pricer.unknown_models:  # like with like: left out of every strategy, so skipped, and named below
            skipped[UNPRICED] = sum(pricer.unknown_models.values())
        accounting = Accounting(
            records_read=stats.records_read,
            priced=pricer.requests,
            skipped=skipped,
            duplicates=stats.duplicates,
            files=tuple(stats.files),
        )
        quality = measured_quality(classifier or policy.classifier) + (
            ", with its own thresholds" if calibration else ""
        )
        notes = [f"Classifier: {name} ({policy.label}); {quality}.", *ingest_notes(stats, estimated)]
        first, last = pricer.span()
        log = LogDetail(
            problems=tuple(stats.problems),
            malformed_records=stats.malformed,
            classifier=name,
            estimated_output_requests=estimated,
            counted_input_requests=stats.counted_inputs,
            approximate_count_models=dict(stats.approximate_models),
            files_not_read=dict(stats.files_not_read),
            sidecar_files=stats.sidecars,
            conflicting_duplicates=stats.conflicting_duplicates,
            first_timestamp=first,
            last_timestamp=last,
        )
        report = replace(
            pricer.report(kind="estimate", accounting=accounting, notes=notes), log=log, as_billed=self.billed.part()
        )
        if caching is not None:
            report = cache_strategies.with_caching(report, caching, book)
        if self.by:
            report = replace(report, breakdown=breakdown(report, self.by))
        if calibration is not None:
            report = replace(
                report,
                notes=(*report.notes, calibration.note()),
                calibration=CalibrationSummary(**calibration.to_dict()),
            )
        if self.sim:
            day = self.as_of or self.today or date.today()
            rates = book.models[self.classifier_model].period_at(day).rates if self.classifier_model else None
            report = simulate.apply(report, self.sim, policy, rates)
        return report


def _calibrated(inputs, book, policy, classifier, target_shares, stats_options, log_format):
    """A first pass over the logs: the learned classifier with offsets that split them in `target_shares`."""
    from costsim.errors import ConfigError
    from costsim.routing.calibration import calibrate_log, placed_prompts
    from costsim.routing.classify import learned_model

    learned = learned_model(policy, classifier)
    if learned is None:
        raise ConfigError("--target-distribution: only a learned classifier has thresholds to calibrate")
    if "-" in inputs:
        raise ConfigError("--target-distribution reads the logs twice, so it cannot read stdin (-)")
    label, model = learned
    counts = placed_prompts(read_logs(inputs, make_stats(book, **stats_options), log_format))
    calibration = calibrate_log(counts, model, target_shares)
    forced = model.with_policy(offsets=calibration.offsets)
    return f"{label}, calibrated to {'/'.join(f'{s * 100:g}' for s in target_shares)}", forced.predict, calibration


def empirical_tokens(inputs: list[str], policy: Policy, log_format: str | None = None) -> dict:
    """Per-tier per-request token lengths of logged requests, for the Monte Carlo to draw from."""
    stats = IngestStats()
    _, classifier = make_classifier(policy)
    frames = [
        classify_frame(chunk, policy, classifier)[["tier", "requests", *PROMPT_COLUMNS, "output_tokens"]]
        for chunk in read_logs(inputs, stats, log_format)
    ]
    return montecarlo.empirical_tokens(frames)


__all__ = ["compare", "compare_mix", "check", "estimate", "check_claims", "PlannedMix", "MonteCarloAsk"]


# ---- what estimate adds around reading -----------------------------------------------------------


def make_stats(
    book: PriceBook,
    *,
    strict: bool = False,
    since: date | None = None,
    until: date | None = None,
    columns: dict[str, str] | None = None,
) -> IngestStats:
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
        notes.append(
            f"Input tokens of {stats.counted_inputs:,} request(s) were counted offline from their text "
            "(tiktoken o200k_base / cl100k_base)."
        )
    if stats.approximate_models:
        models = ", ".join(sorted(stats.approximate_models))
        notes.append(
            f"Counts for {models} are approximations: no native tokenizer ships for them, so OpenAI's "
            "o200k_base was used (a model's token_factor in the price table corrects it)."
        )
    if stats.no_prompt_text:
        notes.append(
            f"{stats.no_prompt_text:,} request(s) carried no prompt text (the proxy or tracer did not "
            "record it): their tier comes from their prompt's token count alone."
        )
    if estimated_outputs:
        notes.append(
            f"Output tokens of {estimated_outputs:,} request(s) were not in the log and are estimated "
            "from their tier's profile (policy `profiles`)."
        )
    return notes
