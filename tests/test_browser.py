"""The HTML reports in a real browser: headless Chromium draws each page; every chart's box must hold
a drawing (coloured pixels), and the browser's network log must show no request from the page.

Skipped, with the reason shown, only where no Chromium is installed (`.ci/run` installs Debian's
`chromium` when it is missing). Layout constants come from `costsim.render.html`: a header, then the
charts one under another in fixed boxes — so the test knows where each chart must be.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from conftest import DOC_DAY, SAMPLES

pytest.importorskip("matplotlib", reason="the HTML report needs costsim[charts]")
Image = pytest.importorskip("PIL.Image", reason="pillow reads the screenshots")

from costsim.render.html import CHART_H, CHART_W, GAP_PX, HEADER_PX, LEFT_PX  # noqa: E402

CHROMIUM = next((p for p in (shutil.which("chromium"), shutil.which("chromium-browser"), "/usr/bin/chromium")
                 if p and Path(p).exists()), None)
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium not found (Debian: apt-get install chromium; "
                                                         ".ci/run installs it)")

# Chromium's own background calls (sign-in, component updates, time), made whatever the page holds.
CHROMIUM_OWN_HOSTS = re.compile(r"^https?://([a-z0-9-]+\.)*(google\.com|googleapis\.com|gstatic\.com)(:\d+)?/")
COLOURED_MIN = 400  # pixels of colour a drawn chart has at least (a 2-px curve across the plot is ~1,200)


def browse(page: Path, charts: int, tmp_path: Path) -> tuple[Image.Image, list[str]]:
    """Screenshot of `page` at the report's layout width, and every URL the browser requested for it."""
    shot, net_log = tmp_path / f"{page.stem}.png", tmp_path / f"{page.stem}.netlog.json"
    height = HEADER_PX + charts * (CHART_H + GAP_PX) + 40
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        f"--user-data-dir={profile}", "--hide-scrollbars", "--force-device-scale-factor=1",
                        f"--window-size={CHART_W + 2 * LEFT_PX},{height}", f"--log-net-log={net_log}",
                        f"--screenshot={shot}", page.as_uri()],
                       capture_output=True, timeout=120, check=True)
    return Image.open(shot).convert("RGB"), requested_urls(net_log)


def requested_urls(net_log: Path) -> list[str]:
    """URLs of the requests the net log shows, less Chromium's own calls home."""
    text = net_log.read_text(encoding="utf-8").rstrip()
    try:
        data = json.loads(text)
    except json.JSONDecodeError:  # a log cut off at exit: its events list is left open
        data = json.loads(text.rstrip(",") + "]}")
    start = data["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    urls = [e["params"]["url"] for e in data["events"] if e["type"] == start and "url" in e.get("params", {})]
    return [u for u in urls if not CHROMIUM_OWN_HOSTS.match(u)]


def coloured_pixels(image: Image.Image, box: tuple[int, int, int, int]) -> int:
    """Pixels in `box` with a clear hue (bars, curves; not white paper, black text or grey axes)."""
    import numpy as np

    region = np.asarray(image.crop(box), dtype=np.int16)
    return int(((region.max(axis=2) - region.min(axis=2)) > 60).sum())


def chart_boxes(html: str) -> list[tuple[str, tuple[int, int, int, int]]]:
    ids = re.findall(r'<figure class="chart" id="chart-([a-z-]+)">', html)
    return [(key, (LEFT_PX, HEADER_PX + i * (CHART_H + GAP_PX), LEFT_PX + CHART_W, HEADER_PX + i * (CHART_H + GAP_PX)
                   + CHART_H)) for i, key in enumerate(ids)]


@pytest.mark.parametrize("command, expected", [
    (["estimate", str(SAMPLES / "neutral.jsonl"), "--as-of", DOC_DAY], ["cost-over-time", "strategies", "tier-mix",
                                                                         "top-models", "savings-curve"]),
    (["compare", "--as-of", DOC_DAY, "--classifier-model", "gpt-5-nano", "--escalation-rate", "15%"],
     ["strategies", "tier-mix", "top-models", "savings-curve"]),
    (["sweep", "--as-of", DOC_DAY, "--what-if", "claude-opus-4-7.input=-30%"], ["savings-curve"]),
])
def test_every_chart_draws_in_chromium_and_nothing_is_fetched(cli, tmp_path, command, expected):
    page = tmp_path / f"{command[0]}.html"
    result = cli(*command, "--format", "html", "--out", str(page))
    assert result.exit_code == 0, result.output
    html = page.read_text(encoding="utf-8")
    boxes = chart_boxes(html)
    assert [key for key, _ in boxes] == expected
    image, urls = browse(page, len(boxes), tmp_path)
    assert image.size[0] == CHART_W + 2 * LEFT_PX
    for key, box in boxes:
        assert coloured_pixels(image, box) >= COLOURED_MIN, f"chart {key} drew nothing in {box}"
    gap = (LEFT_PX, HEADER_PX - 30, LEFT_PX + CHART_W, HEADER_PX - 2)  # under the header's text: paper only
    assert coloured_pixels(image, gap) == 0
    assert urls == []


def test_the_network_check_sees_a_page_that_fetches(tmp_path):
    """The check above can fail: a page without the policy that loads an image shows its request."""
    page = tmp_path / "fetches.html"
    page.write_text('<!doctype html><html><body><img src="http://127.0.0.1:9/pixel.png"></body></html>')
    _, urls = browse(page, 0, tmp_path)
    assert urls == ["http://127.0.0.1:9/pixel.png"]
