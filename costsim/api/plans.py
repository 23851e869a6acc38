"""Planned mixes and CI checks: `compare` (a scenario priced under every strategy, with the document's
claims checked), `compare_mix` (a distribution, the Monte Carlo when asked) and `check` (every input's
Report projected and held to the caps)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from costsim.api.logs import empirical_tokens, estimate
from costsim.ci import caps
from costsim.ci.caps import Verdict
from costsim.ci.config import CheckConfig
from costsim.errors import ConfigError
from costsim.pricing.billing import BillingOptions
from costsim.pricing.prices import PriceBook
from costsim.report.model import Accounting, ClaimCheck, Report
from costsim.routing.policy import Policy
from costsim.simulate import montecarlo
from costsim.simulate.cache_profile import CacheProfile
from costsim.simulate.effects import SimOptions
from costsim.simulate.pricer import SCENARIO_STRATEGIES, Pricer
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
        yield "logs: " + report.accounting.files_named(), report


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
