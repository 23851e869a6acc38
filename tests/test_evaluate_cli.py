"""`costsim evaluate` and `costsim train` through the CLI: figures, bad labeled files, bad weights files."""

import json
from datetime import date
from decimal import Decimal

from typer.testing import CliRunner

from costsim.cli.app import app
from costsim.pricing.book import load_price_book
from costsim.routing.policy import load_policy
from costsim.tokens import count_tokens

runner = CliRunner()
AS_OF = "2026-05-14"
LABELED = [
    {"prompt": "rename x to y", "tier": 1},
    {"prompt": "implement foo", "tier": 2},
    {"prompt": "debug the race", "tier": 3},
    {"prompt": "refactor the payment retries that sometimes double charge", "tier": 3},
]


def _write(tmp_path, lines, name="labeled.jsonl"):
    path = tmp_path / name
    path.write_text(
        "\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines) + "\n", encoding="utf-8"
    )
    return path


def test_evaluate_keywords_figures_by_hand(tmp_path):
    path = _write(tmp_path, LABELED)
    result = runner.invoke(app, ["evaluate", str(path), "--classifier", "keywords", "--as-of", AS_OF, "-f", "json"])
    assert result.exit_code == 0, result.output
    row = json.loads(result.stdout)["rows"][0]
    # keywords: rename→1, implement→2, debug→3, refactor→2 (true 3): one under-routed tier-3 request
    assert row["confusion"] == [[1, 0, 0], [0, 1, 0], [0, 1, 1]]
    assert row["accuracy"] == 3 / 4
    assert (row["tier3_sent_lower"], row["tier3_total"], row["tier2_sent_to_tier1"]) == (1, 2, 0)
    assert (row["under_routed"], row["over_routed"]) == (1, 0)
    # the under-routed request pays the attempt on the tier-2 model and the retry on the tier-3 model:
    # each its input tokens × input price + the tier profile's output × output price
    policy = load_policy()
    prompt = LABELED[3]["prompt"]

    def cost(tier):
        model = policy.tier_models[tier]
        rates = load_price_book().resolve(model).period_at(date(2026, 5, 14)).rates
        return (
            Decimal(count_tokens(prompt, model)) * rates.input
            + Decimal(policy.profiles[tier].output_tokens) * rates.output
        ) / 10**6

    assert Decimal(row["mistake_cost_usd"]) == cost(2) + cost(3)
    assert Decimal(row["extra_cost_usd"]) == cost(2)
    # by kind of mistake: all of it is the one tier-3 request routed to tier 2
    by_type = row["mistake_cost_by_type_usd"]
    assert Decimal(by_type.pop("3->2")) == cost(2) + cost(3)
    assert set(by_type) == {"1->2", "1->3", "2->1", "2->3", "3->1"} and all(Decimal(v) == 0 for v in by_type.values())
    assert row["tier1_sent_to_tier3"] == 0


def test_evaluate_default_table_has_four_classifiers(tmp_path):
    path = _write(tmp_path, LABELED)
    result = runner.invoke(app, ["evaluate", str(path), "--as-of", AS_OF], env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.output
    for name in ("keywords", "rules", "learned", "learned:cautious"):
        assert name in result.stdout
    md = runner.invoke(app, ["evaluate", str(path), "--as-of", AS_OF, "-f", "markdown", "--classifier", "rules"])
    assert md.exit_code == 0 and "| rules |" in md.stdout


def test_target_distribution_forces_the_split(tmp_path):
    lines = [{"prompt": f"rename var{i} to name{i}", "tier": 1} for i in range(6)] + [
        {"prompt": "implement a parser for dates", "tier": 2},
        {"prompt": "implement CRUD for invoices", "tier": 2},
        {"prompt": "orders sometimes get charged twice under load in production, why?", "tier": 3},
        {"prompt": "design the sync protocol for offline edits", "tier": 3},
    ]
    path = _write(tmp_path, lines)
    result = runner.invoke(
        app,
        [
            "evaluate",
            str(path),
            "--classifier",
            "learned",
            "--as-of",
            AS_OF,
            "--target-distribution",
            "60/20/20",
            "-f",
            "json",
        ],
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    rows = report["rows"]
    assert [r["forced_split"] for r in rows] == [False, True]
    assert rows[1]["shares"] == [0.6, 0.2, 0.2]  # 6 / 2 / 2 of 10 requests
    note = next(n for n in report["notes"] if n.startswith("learned @ 60/20/20"))
    assert "of 10 requests, split" in note and "accuracy" in note and "mistake cost" in note


def test_evaluate_a_directory_scores_each_file(tmp_path):
    probes = tmp_path / "probes"
    probes.mkdir()
    _write(probes, LABELED[:2], "a.jsonl")
    _write(probes, LABELED[2:], "b.jsonl")
    result = runner.invoke(app, ["evaluate", str(probes), "--classifier", "keywords", "--as-of", AS_OF, "-f", "json"])
    assert result.exit_code == 0, result.output
    files = json.loads(result.stdout)["files"]
    assert [(f["path"].rsplit("/", 1)[-1], f["rows"][0]["n"]) for f in files] == [("a.jsonl", 2), ("b.jsonl", 2)]
    table = runner.invoke(
        app, ["evaluate", str(probes), "--classifier", "keywords", "--as-of", AS_OF], env={"COLUMNS": "160"}
    )
    assert table.exit_code == 0 and "a.jsonl" in table.stdout and "b.jsonl" in table.stdout
    assert "What the mistakes cost, by kind" in table.stdout
    empty = tmp_path / "empty"
    empty.mkdir()
    result = runner.invoke(app, ["evaluate", str(empty), "--as-of", AS_OF])
    assert result.exit_code == 2 and "no *.jsonl files" in result.stderr


def test_bad_labeled_files_name_file_and_line(tmp_path):
    cases = {
        "missing tier": ([LABELED[0], {"prompt": "x"}], ":2", "missing `tier`"),
        "out of range": ([LABELED[0], LABELED[1], {"prompt": "x", "tier": 4}], ":3", "must be 1, 2 or 3, got 4"),
        "true": ([{"prompt": "x", "tier": True}], ":1", "must be 1, 2 or 3, got true"),  # as written, not Python's True
        "null": ([{"prompt": "x", "tier": None}], ":1", "must be 1, 2 or 3, got null"),
        "empty prompt": ([{"prompt": "  ", "tier": 1}], ":1", "empty or missing `prompt`"),
        "malformed": ([LABELED[0], "{not json"], ":2", "malformed JSON"),
    }
    for name, (lines, where, problem) in cases.items():
        path = _write(tmp_path, lines, name.replace(" ", "_") + ".jsonl")
        for command in (
            ["evaluate", str(path), "--as-of", AS_OF],
            ["train", str(path), "--out", str(tmp_path / "m.json")],
        ):
            result = runner.invoke(app, command)
            assert result.exit_code == 2, (name, command, result.output)
            err = result.stderr.strip()
            assert len(err.splitlines()) == 1 and f"{path.name}{where}" in err and problem in err, (name, err)


def test_train_then_use_the_weights(tmp_path):
    lines = LABELED * 3
    path = _write(tmp_path, lines)
    out = tmp_path / "model.json"
    result = runner.invoke(app, ["train", str(path), "--out", str(out)])
    assert result.exit_code == 0, result.output
    doc = json.loads(out.read_text())
    assert doc["format"] == "costsim-classifier" and doc["training"]["records"] == 12
    classified = runner.invoke(app, ["classify", "rename x to y", "--classifier", str(out)])
    assert classified.exit_code == 0 and classified.stdout.startswith("tier 1")
    scored = runner.invoke(app, ["evaluate", str(path), "--classifier", str(out), "--as-of", AS_OF, "-f", "json"])
    assert scored.exit_code == 0 and json.loads(scored.stdout)["rows"][0]["classifier"] == str(out)


def test_bad_weights_files_exit_2_with_one_line(tmp_path):
    labeled = _write(tmp_path, LABELED)
    corrupt = tmp_path / "corrupt.json"
    corrupt.write_text('{"format": "costsim-classifier", "vers', encoding="utf-8")
    other = tmp_path / "other.json"
    other.write_text(json.dumps({"format": "costsim-classifier", "version": 99}), encoding="utf-8")
    foreign = tmp_path / "foreign.json"
    foreign.write_text(json.dumps({"format": "sklearn", "version": 1}), encoding="utf-8")
    for path, problem in ((corrupt, "not valid JSON"), (other, "version 99"), (foreign, "format is 'sklearn'")):
        for command in (
            ["evaluate", str(labeled), "--classifier", str(path), "--as-of", AS_OF],
            ["classify", "rename x", "--classifier", str(path)],
        ):
            result = runner.invoke(app, command)
            assert result.exit_code == 2, result.output
            err = result.stderr.strip()
            assert len(err.splitlines()) == 1 and path.name in err and problem in err, err


def test_cautious_needs_a_learned_classifier(tmp_path):
    labeled = _write(tmp_path, LABELED)
    result = runner.invoke(app, ["evaluate", str(labeled), "--classifier", "keywords:cautious", "--as-of", AS_OF])
    assert result.exit_code == 2 and "cautious" in result.stderr


def test_estimate_states_classifier_and_held_out_quality():
    result = runner.invoke(app, ["estimate", "samples/neutral.jsonl", "--as-of", AS_OF, "--cautious", "-f", "json"])
    assert result.exit_code == 0, result.output
    notes = " ".join(json.loads(result.stdout)["notes"])
    assert "Classifier: learned, cautious" in notes and "held-out quality" in notes and "accuracy" in notes
    rules = runner.invoke(
        app, ["estimate", "samples/neutral.jsonl", "--as-of", AS_OF, "--cautious", "--classifier", "rules"]
    )
    assert rules.exit_code == 2 and "--cautious" in rules.stderr


def _prompt_log(tmp_path, n: int):
    import json as _json

    prompts = [
        "Rename foo to bar",
        "Add docstrings to utils.py",
        "implement a CRUD endpoint for invoices",
        "write unit tests for the slugify function",
        "orders sometimes get charged twice under load, why?",
    ]
    path = tmp_path / "log.jsonl"
    path.write_text(
        "".join(
            _json.dumps(
                {
                    "timestamp": "2026-06-01T00:00:00Z",
                    "model": "gpt-5",
                    "input_tokens": 100,
                    "output_tokens": 10,
                    "prompt": prompts[i % len(prompts)],
                }
            )
            + "\n"
            for i in range(n)
        )
    )
    return path


def test_estimate_target_distribution_forces_the_split(tmp_path):
    path = _prompt_log(tmp_path, 20)
    result = runner.invoke(
        app, ["estimate", str(path), "--as-of", AS_OF, "--target-distribution", "60/20/20", "-f", "json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    calibration = data["calibration"]
    # 20 prompted requests at 60/20/20 → 12, 4 and 4 requests (ties move whole prompts: 4 requests each)
    assert calibration["requests"] == 20
    assert calibration["forced_requests_per_tier"] == [12, 4, 4]
    smart = {t["tier"]: t["requests"] for s in data["strategies"] if s["key"] == "smart" for t in s["tiers"]}
    assert smart == {1: 12, 2: 4, 3: 4}


def test_estimate_target_distribution_needs_a_learned_classifier_and_a_file(tmp_path):
    path = _prompt_log(tmp_path, 5)
    result = runner.invoke(
        app, ["estimate", str(path), "--target-distribution", "65/25/10", "--classifier", "keywords"]
    )
    assert result.exit_code == 2 and "only a learned classifier" in result.stderr
    result = runner.invoke(app, ["estimate", "-", "--target-distribution", "65/25/10"], input=path.read_text())
    assert result.exit_code == 2 and "cannot read stdin" in result.stderr
