"""The Report and its JSON: the typed values every command computes (model.py, parts.py), the one way
they become JSON and JSON Schema (jsonshape.py), and the saved report's reader beside its writer (saved.py)."""

from costsim.report.model import (
                                  SCHEMA_VERSION,
                                  Accounting,
                                  ClaimCheck,
                                  LineItem,
                                  ModelCost,
                                  PriceUsed,
                                  Report,
                                  StrategyResult,
                                  TierCost,
                                  percent_of,
)
from costsim.report.parts import (
                                  AsBilled,
                                  Billing,
                                  BillingGaps,
                                  Breakdown,
                                  BreakdownRow,
                                  CalibrationSummary,
                                  DisplayCurrency,
                                  LatencyRow,
                                  LogDetail,
                                  MonteCarloResult,
                                  MonteCarloRow,
                                  PriceAdjustment,
                                  PricePeriods,
)
from costsim.report.saved import SavedReport, read_report

__all__ = ["SCHEMA_VERSION", "Accounting", "ClaimCheck", "LineItem", "ModelCost", "PriceUsed", "Report",
           "StrategyResult", "TierCost", "percent_of", "AsBilled", "Billing", "BillingGaps", "Breakdown",
           "BreakdownRow", "CalibrationSummary", "DisplayCurrency", "LatencyRow", "LogDetail", "MonteCarloResult",
           "MonteCarloRow", "PriceAdjustment", "PricePeriods", "SavedReport", "read_report"]
