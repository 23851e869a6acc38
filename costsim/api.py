"""The core functions the commands call: one per job, each returning a Report. No printing here."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
import pandas as pd

from costsim.classify import classify_frame, make_classifier
from costsim.estimate import LOG_STRATEGIES, SCENARIO_STRATEGIES, Pricer
from costsim.ingest import read_logs
from costsim.policy import Policy
from costsim.prices import PriceBook
from costsim.report import Accounting, ClaimCheck, Report
from costsim.scenario import Scenario, scenario_frame


def compare(scenario: Scenario, book: PriceBook, policy: Policy, as_of: date) -> Report:
    """Price a planned task mix under every scenario strategy, and check the scenario's stated claims."""
    for model in policy.tier_models.values():
        book.resolve(model)
    report = _price_scenario(scenario, book, policy, as_of)
    if scenario.claims is not None:
        at_claim_date = _price_scenario(scenario, book, policy, scenario.claims.as_of)
        report = replace(report, claims=check_claims(scenario, at_claim_date, book),
                         extra={**report.extra, "claims_as_of": scenario.claims.as_of.isoformat()})
    return report


def _price_scenario(scenario: Scenario, book: PriceBook, policy: Policy, as_of: date) -> Report:
    pricer = Pricer(book, policy, SCENARIO_STRATEGIES, as_of=as_of)
    pricer.add(scenario_frame(scenario, as_of))
    requests = scenario.requests
    notes = [f"Scenario: {scenario.name} — {requests:,} requests, tiers "
             + "/".join(f"{n:,}" for n in scenario.tier_requests().values())
             + ", tokens per request (input/output) "
             + ", ".join(f"tier {t}: {p.input_tokens:,}/{p.output_tokens:,}" for t, p in scenario.profiles.items())
             + "."]
    return pricer.report(kind="compare", accounting=Accounting(records_read=requests, priced=requests), notes=notes)


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
        checks.append(ClaimCheck(f"{s.label} savings", claimed, s.savings_vs_frontier_pct, "pct",
                                 f"1 − {s.cost_usd.normalize():f} / {frontier.normalize():f}"))
    smart = report.strategy("smart")
    for tier, claimed in claims.tier_cost_usd.items():
        t = smart.by_tier[tier - 1]
        profile = scenario.profiles[tier]
        model = book.resolve(report.tier_models[tier])
        rates = model.period_at(claims.as_of).rates
        checks.append(ClaimCheck(f"Tier {tier} cost", claimed, t.cost_usd, "usd",
                                 f"{t.requests} × ({profile.input_tokens:,} × ${rates.input} + "
                                 f"{profile.output_tokens:,} × ${rates.output}) / 1e6 on {model.id}"))
    return tuple(checks)


def _explain_strategy(s, report: Report) -> str:
    from costsim.money import usd

    parts = [f"tier {t.tier} {usd(t.cost_usd)}" for t in s.by_tier if t.requests]
    return " + ".join(parts) + f" on {', '.join(s.models)}"


def estimate(inputs: list[str], book: PriceBook, policy: Policy, *, log_format: str | None = None,
             as_of: date | None = None, strict: bool = False, today: date | None = None,
             progress: Callable[[int], None] | None = None, by: str | None = None,
             since: date | None = None, until: date | None = None,
             columns: dict[str, str] | None = None) -> tuple[Report, pd.DataFrame]:
    """Read logs, classify every request, price it under every log strategy. Returns the report and a
    sample of classified rows (for --explain). `by` adds a breakdown; `since`/`until` (inclusive UTC
    days) keep only requests inside them."""
    from costsim.ingest.extras import fill_estimated_outputs, ingest_notes, make_stats, once_per_prompt
    from costsim.views import breakdown, check_view, view_keys

    for model in policy.tier_models.values():
        book.resolve(model)
    by = check_view(by)
    stats = make_stats(book, strict=strict, since=since, until=until, columns=columns)
    estimated = 0
    name, classifier = make_classifier(policy)
    classifier = once_per_prompt(classifier)
    pricer = Pricer(book, policy, LOG_STRATEGIES, as_of=as_of, default_day=today or date.today())
    samples = []
    for chunk in read_logs(inputs, stats, log_format):
        classified = classify_frame(chunk, policy, classifier)
        classified, n_estimated = fill_estimated_outputs(classified, policy)
        estimated += n_estimated
        pricer.add(classified, view=view_keys(classified, by) if by else None)
        samples.append(classified.groupby("tier").head(20)[["tier", "reason", "prompt", "source", "model"]])
        if progress:
            progress(len(chunk))
    priced = pricer.requests
    accounting = Accounting(records_read=stats.records_read, priced=priced, skipped=dict(stats.skipped),
                            duplicates=stats.duplicates, files=tuple(stats.files))
    notes = [f"Classifier: {name} (policy {policy.path}).", *ingest_notes(stats, estimated)]
    report = pricer.report(kind="estimate", accounting=accounting, notes=notes,
                           extra={"problems": list(stats.problems), "malformed_records": stats.malformed,
                                  "classifier": name, "estimated_output_requests": estimated,
                                  "counted_input_requests": stats.counted_inputs,
                                  "approximate_count_models": dict(stats.approximate_models)})
    if by:
        report = replace(report, extra={**report.extra, "breakdown": breakdown(report, by)})
    sample = pd.concat(samples) if samples else pd.DataFrame(columns=["tier", "reason", "prompt", "source", "model"])
    return report, sample


__all__ = ["compare", "estimate", "check_claims"]
