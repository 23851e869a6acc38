"""CI: spend caps in costsim.yaml checked against a report, and diffs of saved reports."""
