"""--engine dask: the same report as the local engine, from parts read on a Dask cluster of process
workers (one local cluster for the module, on 127.0.0.1), and object storage from local servers on
127.0.0.1 started and stopped here: moto's S3 server, the gcp-storage-emulator (Google Cloud Storage,
both from the test extra) and Azurite (Azure Blob Storage, from npm: .ci/run installs it)."""

from __future__ import annotations

import gzip
import json
import re
import shutil
import socket
import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import DOC_DAY, REPO, SAMPLES, write_jsonl

distributed = pytest.importorskip("distributed", reason="the dask extra: pip install 'costsim[dask]'")

from costsim import api  # noqa: E402
from costsim.cluster import engine as dask_engine  # noqa: E402
from costsim.pricing.book import load_price_book  # noqa: E402
from costsim.routing.policy import load_policy  # noqa: E402

AS_OF = date.fromisoformat(DOC_DAY)
LOGS = SAMPLES / "logs"
EVERY_SAMPLE = [  # every sample format, each as the local engine reads it
    ([LOGS / "neutral.jsonl"], None, None), ([LOGS / "anthropic-messages.jsonl"], None, None),
    ([LOGS / "openai-batch-input.jsonl"], None, None), ([LOGS / "openai-batch-output.jsonl"], None, None),
    ([LOGS / "openai-chat.jsonl"], None, None), ([LOGS / "openai-responses.json"], None, None),
    ([LOGS / "litellm-spend-logs.json"], None, None), ([LOGS / "openrouter-activity.csv"], None, None),
    ([SAMPLES / "neutral.jsonl"], None, None), ([SAMPLES / "neutral.csv"], None, None),
    ([SAMPLES / "exports" / "generic.csv"], None, "generic"),
    ([LOGS / "claude-code"], None, None), ([LOGS / "otel-genai-traces.jsonl"], None, None),
    ([LOGS / "cache-conversation.jsonl"], None, None),
]


@pytest.fixture(scope="module")
def s3_server():
    """moto's S3 server on 127.0.0.1 (a free port), with the AWS variables s3fs reads pointing at it."""
    moto_server = pytest.importorskip("moto.server", reason="moto[server] is in the test extra")
    server = moto_server.ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    env = {"AWS_ENDPOINT_URL": f"http://{host}:{port}", "AWS_ACCESS_KEY_ID": "testing",
           "AWS_SECRET_ACCESS_KEY": "testing", "AWS_DEFAULT_REGION": "us-east-1"}
    patch = pytest.MonkeyPatch()
    for key, value in env.items():
        patch.setenv(key, value)
    yield env
    patch.undo()
    server.stop()


# Azurite's development account: a fixed, public name and key every Azurite install accepts (Microsoft's docs)
AZURITE_ACCOUNT = "devstoreaccount1"
AZURITE_KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="


@pytest.fixture(scope="module")
def azurite():
    """Azurite's blob service on 127.0.0.1 (a free port, in memory, telemetry off), with the connection
    string adlfs reads; None (the az:// test skips) when Azurite or adlfs is not installed."""
    binary = shutil.which("azurite-blob")
    try:
        import adlfs  # noqa: F401
    except ImportError:
        binary = None
    if binary is None:
        yield None
        return
    server = subprocess.Popen([binary, "--blobHost", "127.0.0.1", "--blobPort", "0", "--inMemoryPersistence",
                               "--skipApiVersionCheck", "--loose", "--disableTelemetry", "--silent"],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        port = None
        for line in server.stdout:  # "Azurite Blob service successfully listens on http://127.0.0.1:PORT"
            found = re.search(r"listens on http://127\.0\.0\.1:(\d+)", line)
            if found:
                port = found.group(1)
                break
        assert port, "Azurite did not start"
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("AZURE_STORAGE_CONNECTION_STRING",
                         f"DefaultEndpointsProtocol=http;AccountName={AZURITE_ACCOUNT};AccountKey={AZURITE_KEY};"
                         f"BlobEndpoint=http://127.0.0.1:{port}/{AZURITE_ACCOUNT};")
            yield port
    finally:
        server.terminate()
        server.wait(timeout=30)


@pytest.fixture(scope="module")
def gcs_server():
    """The gcp-storage-emulator (a Python GCS server, in memory) on 127.0.0.1 with a bucket `logs`, and the
    variables gcsfs reads (its emulator host; no gRPC bucket-type probe, no metadata-server lookup)."""
    try:
        import gcsfs  # noqa: F401
        from gcp_storage_emulator.server import create_server
    except ImportError:
        yield None
        return
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = create_server("127.0.0.1", port, in_memory=True, default_bucket="logs")
    server.start()
    with pytest.MonkeyPatch.context() as patch:
        for key, value in {"STORAGE_EMULATOR_HOST": f"http://127.0.0.1:{port}", "NO_GCE_CHECK": "true",
                           "GCSFS_EXPERIMENTAL_ZB_HNS_SUPPORT": "false"}.items():
            patch.setenv(key, value)
        yield port
    server.stop()


@pytest.fixture(scope="module")
def scheduler(s3_server, azurite, gcs_server):
    """One local cluster of two worker processes for the module (the storage variables set before they start)."""
    import logging

    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address="127.0.0.1:0", silence_logs=logging.ERROR) as cluster:
        yield cluster.scheduler_address


@pytest.fixture(scope="module")
def setup():
    return load_price_book(()), load_policy(None)


def both(setup, scheduler, inputs, *, part_bytes=400, **options):
    """(local report, dask report) as JSON-ready dicts, the dask one read in parts of `part_bytes`; the
    options as given (by default: prompt caches replayed)."""
    book, policy = setup
    options = {"as_of": AS_OF, "today": AS_OF, **options}
    local, _ = api.estimate([str(p) for p in inputs], book, policy, **options)
    cluster, sample = dask_engine.estimate([str(p) for p in inputs], book, policy, scheduler=scheduler,
                                           part_bytes=part_bytes, **options)
    return local.to_dict(), cluster.to_dict()


@pytest.mark.parametrize("caches", ["replay", "carried"])
@pytest.mark.parametrize("inputs, log_format, columns", EVERY_SAMPLE, ids=lambda v: getattr(v, "name", str(v)))
def test_every_sample_format_gives_the_local_report(setup, scheduler, inputs, log_format, columns, caches):
    """The default options (prompt caches replayed per conversation) and caches carried over."""
    if columns == "generic":
        columns = {"input_tokens": "prompt_toks", "output_tokens": "completion_toks", "model": "model_name",
                   "timestamp": "created"}
    local, cluster = both(setup, scheduler, inputs, log_format=log_format, columns=columns, caches=caches)
    assert local["accounting"]["priced"] > 0
    assert cluster == local  # every strategy, tier, model, line item and count: to the token and the cent


def test_a_folder_of_every_format_at_once(setup, scheduler):
    """Every sample log in one run: shares join held rows of logs whose timestamps came in seconds,
    microseconds or nanoseconds (and logs with none), and are replayed as the local engine replays them."""
    local, cluster = both(setup, scheduler, [LOGS], part_bytes=1 << 20)
    assert local["caching"]["replayed"] and local["accounting"]["priced"] > 0
    assert cluster == local


def test_simulated_effects_breakdowns_and_a_window(setup, scheduler):
    """The strategies the simulation adds, a --by view and --since/--until come out the same too."""
    from costsim.cli.common import sim_options

    sim = sim_options("gpt-5-nano", 200, 5, "10%", "20%", 2, 2)
    local, cluster = both(setup, scheduler, [SAMPLES / "neutral.jsonl", LOGS / "openai-chat.jsonl"], sim=sim,
                          by="model", since=date(2026, 5, 1), until=date(2026, 5, 31))
    assert "breakdown" in local and any(s["key"] not in ("as_logged", "all_frontier", "all_mid", "smart")
                                        for s in local["strategies"])
    assert cluster == local


def test_a_claude_code_tree_with_resumed_sessions(setup, scheduler, tmp_path):
    """A generated tree where ~2% of messages are copied into resumed session files: those copies are
    duplicates across parts, found from the parts' id hashes and read again."""
    subprocess.run([sys.executable, str(REPO / "benchmarks" / "gen_logs.py"), "claude-code", "9000",
                    str(tmp_path / "cc")], check=True)
    local, cluster = both(setup, scheduler, [tmp_path / "cc"], by="session")
    assert local["accounting"]["duplicates"] > 0
    assert local["caching"]["replayed"] and local["caching"]["conversations"] > 1
    assert cluster == local


def test_slices_of_one_file_with_duplicates_and_bad_lines(setup, scheduler, tmp_path):
    """A file cut into many slices: an id repeated far apart, and malformed lines in later slices, named
    by their line in the whole file."""
    records = [{"id": f"r{i % 40}", "timestamp": "2026-05-10T10:00:00Z", "model": "gpt-5-mini",
                "input_tokens": 100 + i, "output_tokens": 10 + i, "prompt": f"Rename the helper {i}"}
               for i in range(60)]
    path = write_jsonl(tmp_path / "big.jsonl", records)
    lines = path.read_text().splitlines()
    lines[33] = "{not json"
    lines[51] = json.dumps({"model": "gpt-5-mini", "input_tokens": -3})
    path.write_text("\n".join(lines) + "\n")
    local, cluster = both(setup, scheduler, [path, path], part_bytes=500)  # the second copy: all duplicates
    # r0..r19 again but r11 (line 52 is bad), then all 58 ids again
    assert local["accounting"]["duplicates"] == 20 - 1 + 58
    assert local["problems"][0].startswith(f"{path}:34: malformed JSON")
    # every path compares a copy's usage with its id's earlier copies', so slices count conflicting copies as
    # the whole file does (they once counted only where a record-by-record path read: not comparable)
    assert local["conflicting_duplicates"] == 20 - 1  # r0..r19 again with other token counts, but r11
    assert cluster == local


def test_parts_add_up_with_their_arithmetic(setup, scheduler, tmp_path):
    """Two requests in two slices, one copied into the second: the sums are the two, priced at the list rates."""
    def rec(i, tokens):
        return {
            "id": f"x{i}",
            "timestamp": "2026-05-10T10:00:00Z",
            "model": "gpt-5-mini",
            "input_tokens": tokens,
            "output_tokens": 1000,
            "tier": 1,
        }

    path = write_jsonl(tmp_path / "two.jsonl", [rec(1, 2000), rec(2, 3000), rec(1, 2000)])
    book, policy = setup
    report, _ = dask_engine.estimate(
        [str(path)], book, policy, scheduler=scheduler, part_bytes=60, as_of=AS_OF, today=AS_OF
    )
    nano = book.resolve("gpt-5-nano").period_at(AS_OF).rates  # tier 1 under smart routing
    smart = report.strategy("smart")
    assert report.accounting.records_read == 3 and report.accounting.priced == 2 and report.accounting.duplicates == 1
    assert report.token_totals["input_tokens"] == 2000 + 3000
    assert smart.cost_usd == (Decimal(2000 + 3000) * nano.input + Decimal(1000 + 1000) * nano.output) / 10**6


def test_cli_progress_report_and_a_part_that_fails(cli, scheduler, tmp_path):
    good = shutil.copy(SAMPLES / "neutral.jsonl", tmp_path / "good.jsonl")
    broken = tmp_path / "broken.jsonl.gz"
    broken.write_bytes(gzip.compress(Path(good).read_bytes())[:-30])  # cut short
    result = cli(
        "estimate",
        str(good),
        str(broken),
        "--as-of",
        DOC_DAY,
        "--format",
        "json",
        "--engine",
        "dask",
        "--scheduler",
        scheduler,
    )
    assert result.exit_code == 2, result.stderr
    assert f"dask: scheduler {scheduler}, 2 worker(s)" in result.stderr
    assert "dask: 2/2 parts done" in result.stderr
    assert f"error: not read: {broken}: truncated or corrupt gzip file" in result.stderr
    report = json.loads(result.stdout)  # the report of what could be read comes first
    assert report["accounting"]["records_read"] == 10
    assert report["failed_parts"][0].startswith(f"{broken}: truncated or corrupt gzip file")


def test_strict_names_the_line_in_the_whole_file(cli, scheduler, tmp_path):
    records = [
        {"timestamp": "2026-05-10T10:00:00Z", "model": "gpt-5-mini", "input_tokens": 100, "output_tokens": 5}
        for _ in range(30)
    ]
    path = write_jsonl(tmp_path / "log.jsonl", records)
    lines = path.read_text().splitlines()
    lines[24] = '{"model": "gpt-5-mini", "input_tokens": "many"}'
    path.write_text("\n".join(lines) + "\n")
    local = cli("estimate", str(path), "--strict", "--as-of", DOC_DAY)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(dask_engine.P, "PART_BYTES", 300)
        cluster = cli(
            "estimate", str(path), "--strict", "--as-of", DOC_DAY, "--engine", "dask", "--scheduler", scheduler
        )
    assert local.exit_code == cluster.exit_code == 2
    assert f"error: {path}:25: bad token count" in local.stderr
    assert cluster.stderr.splitlines()[-1] == local.stderr.splitlines()[-1]


def _upload(put) -> None:
    """The Claude Code sample tree under cc/ and neutral.jsonl under gateway/2026-05/, through `put(local, key)`."""
    for path in (LOGS / "claude-code").rglob("*.jsonl"):
        put(path, "cc/" + path.relative_to(LOGS / "claude-code").as_posix())
    put(SAMPLES / "neutral.jsonl", "gateway/2026-05/neutral.jsonl")


def _same_as_local(setup, scheduler, store: str) -> None:
    """A folder (prefix) and a glob of objects give the local engine's report for the same files, under
    the default options (caches replayed) and with caches carried over."""
    book, policy = setup
    for url, local_path in (
        (f"{store}/cc", LOGS / "claude-code"),
        (f"{store}/gateway/*/*.jsonl", SAMPLES / "neutral.jsonl"),
    ):
        for caches in ("replay", "carried"):
            local, _ = api.estimate([str(local_path)], book, policy, as_of=AS_OF, today=AS_OF, caches=caches)
            remote, _ = dask_engine.estimate(
                [url], book, policy, scheduler=scheduler, part_bytes=500, as_of=AS_OF, today=AS_OF, caches=caches
            )
            local, remote = local.to_dict(), remote.to_dict()
            assert remote["accounting"].pop("files") != local["accounting"].pop("files")  # named by their URLs
            for problem in (*local.pop("problems"), *remote.pop("problems")):
                pytest.fail(f"unexpected problem {problem}")
            assert remote == local


def test_object_storage_on_a_local_s3_server(setup, scheduler, s3_server, cli):
    import boto3

    s3 = boto3.client("s3", endpoint_url=s3_server["AWS_ENDPOINT_URL"])
    s3.create_bucket(Bucket="logs")
    _upload(lambda path, key: s3.upload_file(str(path), "logs", key))
    _same_as_local(setup, scheduler, "s3://logs")
    missing = cli("estimate", "s3://logs/nothing-here.jsonl", "--engine", "dask", "--scheduler", scheduler)
    assert missing.exit_code == 2 and missing.stderr.strip() == "error: s3://logs/nothing-here.jsonl: object not found"


def test_object_storage_on_a_local_azure_blob_server(setup, scheduler, azurite, cli):
    if azurite is None:
        pytest.skip("Azurite (npm install -g azurite; .ci/run installs it) or adlfs (the test extra) is missing")
    import fsspec

    fs = fsspec.filesystem("az")
    fs.mkdir("logs")
    _upload(lambda path, key: fs.put_file(str(path), f"logs/{key}"))
    _same_as_local(setup, scheduler, "az://logs")
    missing = cli("estimate", "az://logs/nothing-here.jsonl", "--engine", "dask", "--scheduler", scheduler)
    assert missing.exit_code == 2 and missing.stderr.strip() == "error: az://logs/nothing-here.jsonl: object not found"


def test_object_storage_on_a_local_google_cloud_storage_server(setup, scheduler, gcs_server):
    if gcs_server is None:
        pytest.skip("gcsfs or gcp-storage-emulator (both in the test extra) is missing")
    import fsspec

    fs = fsspec.filesystem("gs")
    _upload(lambda path, key: fs.put_file(str(path), f"logs/{key}"))
    _same_as_local(setup, scheduler, "gs://logs")


def test_without_the_extra_it_says_what_to_install(cli, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if Dask were not installed
    result = cli("estimate", str(SAMPLES / "neutral.jsonl"), "--engine", "dask")
    assert result.exit_code == 2
    assert result.stderr.strip() == "error: --engine dask needs Dask and fsspec: pip install 'costsim[dask]'"


def test_object_storage_on_the_local_engine_points_to_the_cluster_engine(cli):
    result = cli("estimate", "s3://bucket/logs.jsonl")
    assert result.exit_code == 2 and "add --engine dask" in result.stderr and "costsim[dask]" in result.stderr


def test_scheduler_without_the_dask_engine(cli):
    result = cli("estimate", str(SAMPLES / "neutral.jsonl"), "--scheduler", "tcp://127.0.0.1:1")
    assert (
        result.exit_code == 2 and result.stderr.strip() == "error: --scheduler names a Dask cluster: add --engine dask"
    )


class _DieOnce:
    """A worker plugin: the worker that starts a task of part 0 while `marker` exists removes it and dies."""

    name = "costsim-test-die-once"

    def __init__(self, marker: str):
        self.marker = marker

    def setup(self, worker):
        pass

    def teardown(self, worker):
        pass

    def transition(self, key, start, finish, **kwargs):
        import os

        if finish == "executing" and str(key).startswith("costsim-part-0-") and os.path.exists(self.marker):
            os.remove(self.marker)
            os._exit(1)  # the process dies mid-task, as a machine lost from a cluster does


def test_a_worker_that_dies_is_replaced_and_its_part_read_again(setup, scheduler, tmp_path):
    import cloudpickle
    from distributed import Client, WorkerPlugin

    marker = tmp_path / "die-once"
    marker.write_text("")
    plugin = type("DieOnce", (_DieOnce, WorkerPlugin), {})(str(marker))
    cloudpickle.register_pickle_by_value(sys.modules[__name__])  # the workers cannot import this test module
    with Client(scheduler) as client:
        client.register_plugin(plugin)
        try:
            local, cluster = both(setup, scheduler, [SAMPLES / "neutral.jsonl"])
        finally:
            client.unregister_worker_plugin(_DieOnce.name)
            cloudpickle.unregister_pickle_by_value(sys.modules[__name__])
    assert not marker.exists()  # a worker did die
    assert cluster == local


def test_with_no_scheduler_a_local_cluster_with_its_dashboard(cli, monkeypatch):
    monkeypatch.setenv("COSTSIM_WORKERS", "1")
    args = ("estimate", str(SAMPLES / "neutral.jsonl"), "--as-of", DOC_DAY, "--format", "json", "--caches", "carried")
    local, cluster = cli(*args), cli(*args, "--engine", "dask")
    assert local.exit_code == cluster.exit_code == 0, cluster.stderr
    first = cluster.stderr.splitlines()[0]
    assert first.startswith("dask: local cluster of 1 worker process(es) at tcp://127.0.0.1:")
    assert "; dashboard http://127.0.0.1:" in first  # bokeh comes with the dask extra
    assert json.loads(cluster.stdout) == json.loads(local.stdout)


def test_a_conversation_across_two_files_is_replayed_in_one_place(setup, scheduler, tmp_path):
    """One session's two requests in two files (two parts, read by different workers): the second reads the
    prefix the first wrote, so its cache is warm only where the replay sees both — the cluster's shuffle by
    conversation brings them together."""
    book, policy = setup
    def request(i, minute, usage):
        return {
            "id": f"c{i}",
            "timestamp": f"2026-05-10T10:{minute:02d}:00Z",
            "model": "claude-opus-4-7",
            "session": "s1",
            "tier": 3,
            "input_tokens": 100,
            "output_tokens": 10,
            **usage,
        }

    first = write_jsonl(tmp_path / "a.jsonl", [request(1, 0, {"cache_write_5m_tokens": 5000})])
    second = write_jsonl(tmp_path / "b.jsonl", [request(2, 2, {"cache_read_tokens": 5000})])
    report, _ = dask_engine.estimate(
        [str(first), str(second)], book, policy, scheduler=scheduler, as_of=AS_OF, today=AS_OF
    )
    opus = book.resolve("claude-opus-4-7").period_at(AS_OF).rates  # tier 3: smart routing keeps both on opus
    # 5,000 cached tokens: above opus 4.7's minimum cacheable prefix (2,048 in pricing/caches.yaml)
    written_then_read = (
        Decimal(100 + 100) * opus.input
        + Decimal(5000) * opus.cache_write_5m
        + Decimal(5000) * opus.cache_read
        + Decimal(10 + 10) * opus.output
    ) / 10**6
    assert report.strategy("smart").cost_usd == written_then_read  # B found A's cache warm (2 min < 5 min)
    caching = report.caching
    assert caching.conversations == 1 and caching.strategies["smart"].cold_starts == 1
    assert not any("carried over: --engine dask" in note for note in report.notes)


def test_sticky_and_pinned_routing_give_the_local_report(setup, scheduler, tmp_path):
    """Sticky routing and pinned conversations need a conversation's (a session's) rows in one place too."""
    from costsim.cli.common import sim_options

    subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "gen_logs.py"), "claude-code", "3000", str(tmp_path / "cc")],
        check=True,
    )
    sim = sim_options(None, 0, 0, None, None, 2, 2, pinned=True)
    for inputs in ([tmp_path / "cc"], [LOGS / "cache-conversation.jsonl", SAMPLES / "neutral.jsonl"]):
        local, cluster = both(setup, scheduler, inputs, sticky_minutes=(0, 5, 60), sim=sim, by="project")
        assert {"sticky_5m", "pinned"} <= {s["key"] for s in local["strategies"]}
        assert cluster == local
        carried = both(setup, scheduler, inputs, caches="carried", sticky_minutes=(5,), sim=sim)
        assert carried[1] == carried[0]


def test_a_folder_with_sidecars_an_odd_file_and_conflicting_copies(setup, scheduler, tmp_path):
    """main's accounting for folders: Claude Code sidecars passed over, a file in no known format named
    and passed over, and copies of an id with other usage (in a later part) counted as conflicting."""
    folder = tmp_path / "logs"
    folder.mkdir()
    records = [
        {
            "id": f"r{i}",
            "timestamp": "2026-05-10T10:00:00Z",
            "model": "gpt-5-mini",
            "input_tokens": 100 + i,
            "output_tokens": 10,
            "prompt": f"Rename the helper {i}",
        }
        for i in range(8)
    ]
    for name, rows in (("a.jsonl", records), ("b.jsonl", records[:3] + [{**records[3], "output_tokens": 99}])):
        path = write_jsonl(folder / name, rows)  # b: 4 copies, 1 with other usage
        path.write_text(path.read_text() + "{not json\n")  # read record by record, where usage is compared
    (folder / "notes.json").write_text('{"hello": "world"}\n')
    (folder / "x.meta.json").write_text("{}\n")
    local, cluster = both(setup, scheduler, [folder])
    assert local["accounting"]["duplicates"] == 3 + 1 and local["malformed_records"] == 2
    assert local["conflicting_duplicates"] == 1 and local["sidecar_files"] == 1
    assert list(local["files_not_read"]) == [str(folder / "notes.json")]
    assert cluster == local
