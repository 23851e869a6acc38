from decimal import Decimal

import pytest

from costsim.routing.evaluate import TierPrice, evaluate, make_request_cost

PRICES = {1: ("0.05", "0.40"), 2: ("0.14", "0.28"), 3: ("5", "25")}
P = "x" * 8000  # 2000 input tokens at len/4
COST = make_request_cost(PRICES, output_tokens=1000)


def test_request_cost_arithmetic():
    assert COST(1, P) == (2000 * Decimal("0.05") + 1000 * Decimal("0.40")) / 10**6
    assert COST(3, P) == Decimal(2000 * 5 + 1000 * 25) / 10**6
    per_tier_out = make_request_cost({3: TierPrice(Decimal(5), Decimal(25))}, output_tokens={3: 10})
    assert per_tier_out(3, P) == Decimal(2000 * 5 + 10 * 25) / 10**6


def test_confusion_and_mistake_cost():
    true = [1, 1, 2, 2, 3, 3, 3]
    pred = [1, 2, 1, 3, 3, 1, 2]
    ev = evaluate(true, pred, [P] * 7, COST)
    assert ev.confusion == ((1, 1, 0), (1, 0, 1), (1, 1, 1))
    assert ev.n == 7
    assert ev.accuracy == pytest.approx(2 / 7)
    assert ev.under_routed == 3  # 2->1, 3->1, 3->2
    assert ev.over_routed == 2  # 1->2, 2->3
    assert ev.tier3_sent_lower == 2 and ev.tier3_total == 3
    assert ev.tier3_sent_lower_rate == pytest.approx(2 / 3)
    assert ev.tier2_sent_to_tier1 == 1
    c1 = (2000 * Decimal("0.05") + 1000 * Decimal("0.40")) / 10**6
    c2 = (2000 * Decimal("0.14") + 1000 * Decimal("0.28")) / 10**6
    c3 = Decimal(2000 * 5 + 1000 * 25) / 10**6
    # under-routed (2->1, 3->1, 3->2): each pays the cheap attempt and the right tier's retry
    assert ev.under_cost_usd == (c1 + c2) + (c1 + c3) + (c2 + c3)
    # over-routed (1->2, 2->3): each pays the higher tier
    assert ev.over_cost_usd == c2 + c3
    assert ev.mistake_cost_usd == ev.under_cost_usd + ev.over_cost_usd
    assert ev.ideal_cost_usd == 2 * c1 + 2 * c2 + 3 * c3
    # above perfect routing: the wasted attempts, and the price differences
    assert ev.extra_cost_usd == (c1 + c1 + c2) + (c2 - c1) + (c3 - c2)
    assert ev.routed_cost_usd == ev.ideal_cost_usd + ev.extra_cost_usd
    assert isinstance(ev.mistake_cost_usd, Decimal)


def test_perfect_routing_costs_nothing_extra():
    ev = evaluate([1, 2, 3], [1, 2, 3], ["a", "bb", "ccc"], COST)
    assert ev.accuracy == 1.0
    assert ev.mistake_cost_usd == Decimal(0)


def test_mismatched_lengths_and_bad_tiers_raise():
    with pytest.raises(ValueError):
        evaluate([1, 2], [1], ["a", "b"], COST)
    with pytest.raises(ValueError):
        evaluate([4], [1], ["a"], COST)


def test_mistake_cost_by_type_adds_up_to_the_mistake_cost():
    true = [1, 1, 2, 2, 3, 3, 3]
    pred = [1, 2, 1, 3, 3, 1, 2]
    ev = evaluate(true, pred, [P] * 7, COST)
    c1 = (2000 * Decimal("0.05") + 1000 * Decimal("0.40")) / 10**6
    c2 = (2000 * Decimal("0.14") + 1000 * Decimal("0.28")) / 10**6
    c3 = Decimal(2000 * 5 + 1000 * 25) / 10**6
    assert ev.cost_by_mistake == ((0, c2, 0), (c1 + c2, 0, c3), (c1 + c3, c2 + c3, 0))
    assert sum(sum(row) for row in ev.cost_by_mistake) == ev.mistake_cost_usd
    assert ev.tier1_sent_to_tier3_rate == 0.0
    assert evaluate([1, 1], [3, 1], [P, P], COST).tier1_sent_to_tier3_rate == 1 / 2


def test_the_saving_estimate_would_report_against_perfect_routing():
    """`estimate` prices each request at its routed tier with no retry; how far that saving lands from
    perfect routing's is what a classifier's mistakes do to the number users act on."""
    true = [1, 1, 2, 3]
    pred = [1, 3, 1, 2]
    ev = evaluate(true, pred, [P] * 4, COST)
    c1 = (2000 * Decimal("0.05") + 1000 * Decimal("0.40")) / 10**6
    c2 = (2000 * Decimal("0.14") + 1000 * Decimal("0.28")) / 10**6
    c3 = Decimal(2000 * 5 + 1000 * 25) / 10**6
    assert ev.priced_as_routed_usd == c1 + c3 + c1 + c2
    assert ev.all_frontier_usd == 4 * c3
    assert ev.ideal_cost_usd == c1 + c1 + c2 + c3
    assert ev.estimated_savings == pytest.approx(float(1 - (2 * c1 + c2 + c3) / (4 * c3)))
    assert ev.perfect_savings == pytest.approx(float(1 - (2 * c1 + c2 + c3) / (4 * c3)))  # same sum, other rows
    skewed = evaluate([1, 1], [3, 3], [P] * 2, COST)
    assert skewed.estimated_savings == 0.0 and skewed.perfect_savings == pytest.approx(float(1 - c1 / c3))
    assert evaluate([], [], [], COST).estimated_savings is None
