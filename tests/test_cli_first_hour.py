"""A newcomer's first hour (issue 17): each papercut found trying the tool from a fresh clone, fixed and held.

Every test runs the command line as a user would (CliRunner, or a real process for pipes) and asserts
the exit code and what was said.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from decimal import Decimal

import pytest
from conftest import DOC_DAY, REPO, SAMPLES, write_jsonl

NEUTRAL = str(SAMPLES / "neutral.jsonl")
WHAT_IF = "claude-opus-4-7.input=-30%"


def one_line_error(result, *words):
    assert result.exit_code == 2, result.output
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("error: "), result.stderr
    for word in words:
        assert word in result.stderr, result.stderr


# 1. a path given as the prompt -----------------------------------------------------------------

def test_classify_reads_a_file_named_as_the_prompt(cli, tmp_path):
    path = write_jsonl(tmp_path / "prompts.jsonl", [{"id": "a", "prompt": "Add docstrings to utils.py"},
                                                   {"id": "b", "prompt": "Fix the typo in README"}])
    result = cli("classify", str(path), "--format", "jsonl")
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["a", "b"]


def test_classify_a_missing_file_name_is_an_error_not_a_prompt(cli, tmp_path):
    one_line_error(cli("classify", str(tmp_path / "prompts.jsonl")), "prompts.jsonl: no such file")


def test_classify_ordinary_words_are_still_a_prompt(cli):
    result = cli("classify", "Rename x to count")
    assert result.exit_code == 0 and result.stdout.startswith("tier ")


# 2. --out into a folder that does not exist -----------------------------------------------------

@pytest.mark.parametrize("args", [
    ["compare", "--out", "{missing}/x.json"],
    ["estimate", NEUTRAL, "--out", "{missing}/x.json"],
    ["check", "--max-monthly-cost", "5", "--requests-per-day", "10", "--out", "{missing}/x.md"],
    ["diff", NEUTRAL, NEUTRAL, "--out", "{missing}/x.md"],
    ["train", NEUTRAL, "--out", "{missing}/model.json"],
    ["sweep", "--export", "{missing}/chart.svg"],
    ["pricing", "import", NEUTRAL, "--models", "gpt-5", "--out", "{missing}/p.yaml"],
])
def test_out_into_a_missing_folder_says_so(cli, tmp_path, args):
    missing = tmp_path / "nodir"
    result = cli(*(a.format(missing=missing) for a in args))
    one_line_error(result, "nodir", "does not exist")
    assert "internal error" not in result.stderr


# 3. a closed pipe ends quietly --------------------------------------------------------------------

def test_a_closed_pipe_inside_a_command_exits_141_quietly(cli, monkeypatch):
    from costsim.render import formats

    def closed(*args, **kwargs):
        raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(formats, "render", closed)
    result = cli("compare")
    assert result.exit_code == 141  # 128 + SIGPIPE, as for any Unix tool; never 1, "a cap was crossed"
    assert result.stderr == ""


@pytest.mark.parametrize(
    "args", [["compare", "--as-of", DOC_DAY], ["classify", "--file", "{big}", "--format", "jsonl"]]
)
def test_a_reader_that_went_away_ends_the_process_quietly(tmp_path, args):
    big = tmp_path / "many.txt"
    big.write_text("Rename x to y\n" * 20000, encoding="utf-8")
    env = {**os.environ, "NO_COLOR": "1", "COSTSIM_TODAY": DOC_DAY}
    proc = subprocess.Popen(
        [sys.executable, "-m", "costsim", *(a.format(big=big) for a in args)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    proc.stdout.close()  # `| head -0`: the reader is gone before the first write
    stderr = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 141
    assert stderr == ""


# 4. check with no caps -----------------------------------------------------------------------------


def test_check_without_caps_is_an_error(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    one_line_error(cli("check", "--requests-per-day", "2000"), "no caps to check")


def test_check_with_a_commented_out_caps_section_names_the_file(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "costsim.yaml").write_text(
        "projection:\n  requests_per_day: 2000\n# caps:\n#   monthly_cost_usd: 500\n"
    )
    one_line_error(cli("check"), "costsim.yaml has no caps", "no caps to check")


# 5. what-ifs and overlays are recorded --------------------------------------------------------------


@pytest.mark.parametrize("command", [["compare", "--as-of", DOC_DAY], ["estimate", NEUTRAL, "--as-of", DOC_DAY]])
def test_a_what_if_is_recorded_in_the_table_and_the_json(cli, command):
    table = cli(*command, "--what-if", WHAT_IF)
    assert table.exit_code == 0, table.output
    assert (
        f"Not list prices — what-if: claude-opus-4-7 input price -30% in every period (--what-if {WHAT_IF})"
        in table.stdout
    )
    data = json.loads(cli(*command, "--what-if", WHAT_IF, "--format", "json").stdout)
    assert data["price_adjustments"] == [
        {
            "kind": "what-if",
            "model": "claude-opus-4-7",
            "field": "input",
            "change": "-30%",
            "text": data["price_adjustments"][0]["text"],
        }
    ]
    assert "price_adjustments" not in json.loads(cli(*command, "--format", "json").stdout)  # list prices: nothing


def test_an_overlay_and_its_discount_are_recorded(cli, tmp_path):
    overlay = tmp_path / "deal.yaml"
    overlay.write_text("discounts:\n  providers: {anthropic: 20}\n")
    data = json.loads(cli("compare", "--as-of", DOC_DAY, "--pricing", str(overlay), "--format", "json").stdout)
    kinds = [(a["kind"], a.get("file") or a.get("applies_to")) for a in data["price_adjustments"]]
    assert kinds == [("overlay", str(overlay)), ("discount", "provider anthropic")]
    assert data["price_adjustments"][1]["pct_off"] == "20"


# 6. pricing import: one provider per table ------------------------------------------------------------


def test_pricing_import_of_two_providers_says_how_to_split_them(cli, tmp_path):
    src = tmp_path / "map.json"
    src.write_text(
        json.dumps(
            {
                "gpt-9": {"litellm_provider": "openai", "input_cost_per_token": 1e-06, "output_cost_per_token": 2e-06},
                "claude-9": {
                    "litellm_provider": "anthropic",
                    "input_cost_per_token": 5e-06,
                    "output_cost_per_token": 2.5e-05,
                },
            }
        )
    )
    result = cli("pricing", "import", str(src), "--models", "gpt-9,claude-9", "--as-of", DOC_DAY)
    one_line_error(result, "--models claude-9 --out anthropic.yaml", "--models gpt-9 --out openai.yaml")


def test_pricing_import_help_examples_import_one_provider_per_file(cli):
    help_text = cli("pricing", "import", "--help").stdout
    assert "--models gpt-5,gpt-5-mini --out openai.yaml" in help_text
    assert "gpt-5,claude" not in help_text


# 7. sweep --format markdown --------------------------------------------------------------------------


def test_sweep_markdown_is_markdown(cli):
    result = cli("sweep", "--as-of", DOC_DAY, "--format", "markdown")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("### Savings vs all-frontier as the tier-3 share moves")
    assert "| Tier-3 share | Savings |\n|---|---|\n| 0% |" in result.stdout
    assert "█" not in result.stdout and result.stdout != cli("sweep", "--as-of", DOC_DAY).stdout


# 8. --version, -h, bare costsim, classify waiting on a terminal -----------------------------------------


def test_version_and_short_help(cli):
    from costsim import __version__

    version = cli("--version")
    assert version.exit_code == 0 and version.stdout == f"costsim {__version__}\n"
    for args in (["-h"], ["compare", "-h"], ["pricing", "import", "-h"]):
        result = cli(*args)
        assert result.exit_code == 0 and result.stdout.startswith("Usage: costsim"), args


@pytest.mark.parametrize("args", [[], ["pricing"]])
def test_bare_command_prints_help_and_exits_0(cli, args):
    result = cli(*args)
    assert result.exit_code == 0
    assert result.stdout.startswith("Usage: costsim") and "Commands:" in result.stdout


def test_classify_with_a_terminal_and_no_prompt_says_how(cli, monkeypatch):
    from costsim.cli import core as cli_module

    monkeypatch.setattr(cli_module, "stdin_is_terminal", lambda: True)
    one_line_error(cli("classify"), "no prompt given", "--file", "echo TEXT | costsim classify")


# 9. wrong classifier, too little to train on, token lengths half from the logs -----------------------------


def test_an_unknown_classifier_names_the_valid_ones(cli):
    for command in (["classify", "hello"], ["estimate", NEUTRAL]):
        one_line_error(
            cli(*command, "--classifier", "nonsense"), "'nonsense'", "keywords, rules, learned", "costsim train"
        )


@pytest.mark.parametrize("tiers", [[1, 2], [1, 1, 1, 2, 2, 2, 3, 3]])
def test_train_needs_every_tier(cli, tmp_path, tiers):
    labeled = write_jsonl(tmp_path / "l.jsonl", [{"prompt": f"request {i}", "tier": t} for i, t in enumerate(tiers)])
    result = cli("train", str(labeled), "--out", str(tmp_path / "m.json"))
    one_line_error(result, "l.jsonl", "at least 3 of every tier")
    assert not (tmp_path / "m.json").exists()


def test_tokens_from_a_log_of_tier_1_only_says_which_tiers_kept_the_profile(cli, tmp_path):
    log = write_jsonl(
        tmp_path / "t1.jsonl",
        [
            {"model": "gpt-5", "input_tokens": 100, "output_tokens": 50, "prompt": "Fix the typo in README"},
            {"model": "gpt-5", "input_tokens": 120, "output_tokens": 40, "prompt": "Rename variable x to count"},
        ],
    )
    result = cli("compare", "--as-of", DOC_DAY, "--tokens-from", str(log), "--samples", "50", "--format", "json")
    assert result.exit_code == 0, result.output
    label = json.loads(result.stdout)["monte_carlo"]["token_lengths"]
    assert label.startswith("empirical (bootstrap from logs) for tier 1; tier 2, 3 profile")


# 10. options that were silently ignored -----------------------------------------------------------------------


def test_estimate_csv_carries_the_breakdown(cli):
    result = cli("estimate", NEUTRAL, "--as-of", DOC_DAY, "--by", "day", "--format", "csv")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("day,strategy,tier,")
    days = [line for line in lines if line.startswith("2026-06-0")]
    # the sample logs 9 billable requests over three days: 4, 3 and 2 (one more record is a duplicate)
    assert [line.split(",")[0] for line in days if ",smart," in line] == ["2026-06-02", "2026-06-03", "2026-06-04"]
    assert sum(int(line.split(",")[4]) for line in days if ",smart," in line) == 9
    total = next(line for line in lines if line.startswith("all,smart,all,"))
    assert sum(Decimal(line.split(",")[5]) for line in days if ",smart," in line) == Decimal(total.split(",")[5])


def test_two_breakdowns_are_an_error_not_one_silently(cli):
    one_line_error(cli("estimate", NEUTRAL, "--by", "day", "--by", "model"), "--by day --by model", "one breakdown")


def test_classify_file_and_text_together_is_an_error(cli, tmp_path):
    path = write_jsonl(tmp_path / "p.jsonl", [{"prompt": "Fix the typo"}])
    one_line_error(cli("classify", "--file", str(path), "Refactor auth"), "not both")


def test_since_after_until_is_flagged(cli):
    one_line_error(
        cli("estimate", NEUTRAL, "--since", "2026-06-04", "--until", "2026-06-02"),
        "--since 2026-06-04 is after --until 2026-06-02",
    )


# 11. diff of unlike reports, evaluate's own training set ----------------------------------------------------------


def test_diff_of_a_compare_and_an_estimate_report_is_refused(cli, tmp_path):
    base, head = tmp_path / "base.json", tmp_path / "head.json"
    assert cli("compare", "--as-of", DOC_DAY, "--format", "json", "--out", str(base)).exit_code == 0
    assert cli("estimate", NEUTRAL, "--as-of", DOC_DAY, "--format", "json", "--out", str(head)).exit_code == 0
    one_line_error(cli("diff", str(base), str(head)), "an estimate report", "is a compare report")


def test_evaluate_help_says_the_bundled_sets_are_its_training_set(cli):
    text = " ".join(cli("evaluate", "--help").stdout.split())
    assert "trained on the authored sets under datasets/classify/authored" in text and "its own training set" in text
    assert "probes under datasets/classify/probes were kept out of training" in text
    assert "evaluate datasets/classify/authored/terse.jsonl --as-of" not in text


# 12. wording ------------------------------------------------------------------------------------------------------


def test_sweep_states_the_target_as_given_and_the_most_reachable(cli):
    result = cli("sweep", "--as-of", DOC_DAY, "--target-savings", "99.9")
    assert result.exit_code == 0, result.output
    assert "marks the 99.9% target" in result.stdout and "100% target" not in result.stdout
    # at a tier-3 share of 0% the sprint's mix is 130/50 of tier 1 and 2 (2,000 in + 1,000 out each):
    frontier = (2000 * Decimal(5) + 1000 * Decimal(25)) / 10**6
    nano = (2000 * Decimal("0.05") + 1000 * Decimal("0.40")) / 10**6
    flash = (2000 * Decimal("0.14") + 1000 * Decimal("0.28")) / 10**6
    best = (1 - (130 * nano + 50 * flash) / 180 / frontier) * 100
    assert f"the most reachable is {best.quantize(Decimal('0.01'))}%, at a tier-3 share of 0%" in result.stdout


def test_batch_gaps_are_counted_per_strategy(cli):
    result = cli("compare", "--as-of", DOC_DAY, "--batch")
    assert result.exit_code == 0
    # DeepSeek V4 Flash has no batch API: all 200 requests of all-mid, and smart routing's 50 tier-2 ones
    assert (
        "Batch gap: deepseek-v4-flash has no batch discount, so its batched requests are priced at the list "
        "price (200 under all mid, 50 under smart)." in result.stdout
    )
    assert "250" not in result.stdout


def test_the_documents_claims_stay_in_its_dollars_under_currency(cli):
    result = cli("compare", "--as-of", DOC_DAY, "--currency", "EUR", "--rate", "0.9", "--format", "markdown")
    section = result.stdout.split("The source document's figures (USD)")[1]
    claims = [line for line in section.split("###")[0].splitlines() if line.startswith("|")]
    assert claims and not any("EUR" in line for line in claims) and any("$7.00" in line for line in claims)
    strategies = result.stdout.split("###")[1]
    frontier_eur = 200 * (2000 * Decimal(5) + 1000 * Decimal(25)) / 10**6 * Decimal("0.9")  # $7.00 × 0.9
    assert f"EUR {frontier_eur.quantize(Decimal('0.01'))}" in strategies


def test_help_shows_value_names_not_python_types(cli):
    for command in (["compare"], ["estimate"], ["evaluate"], ["sweep"], ["check"], ["train"], ["pricing", "import"]):
        text = cli(*command, "--help").stdout
        for python in ("<int", "<str>", "list[str]", "<float", "{labeled}", "<path>", "[x>="):
            assert python not in text, (command, python)
    assert "LOGS..." in cli("estimate", "--help").stdout


def test_log_format_help_lists_the_formats(cli):
    text = " ".join(cli("estimate", "--help").stdout.split())
    assert "see README" not in text and "neutral-jsonl, neutral-csv" in text and "claude-code" in text


def test_value_errors_read_as_sentences(cli):
    bad_format = cli("compare", "--format", "xml")
    assert bad_format.exit_code == 2 and "Value error" not in bad_format.stderr and "'xml'" in bad_format.stderr
    assert "must be 1 or more" in cli("compare", "--requests", "0").stderr


def test_table_output_has_no_trailing_spaces(cli):
    for command in (
        ["compare", "--as-of", DOC_DAY],
        ["estimate", NEUTRAL, "--as-of", DOC_DAY],
        ["sweep", "--as-of", DOC_DAY],
    ):
        result = cli(*command)
        assert result.exit_code == 0
        assert [line for line in result.stdout.splitlines() if line != line.rstrip()] == [], command


@pytest.mark.parametrize("args", [["-h"], [], ["--version"], ["pricing"], ["compare", "-h"]])
def test_help_into_a_closed_pipe_ends_quietly(args):
    env = {**os.environ, "NO_COLOR": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "costsim", *args], cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
    )
    proc.stdout.close()
    stderr = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 141 and stderr == ""
