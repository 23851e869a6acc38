"""Redraw docs/img/report.png, the README's picture of `--format html`: the bundled sample logs'
report, drawn by headless Chromium, cropped to its header and first two charts.

    python tools/report_picture.py          # needs costsim[charts] and Debian's chromium
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "docs" / "img" / "report.png"
CHARTS_SHOWN = 2


def main() -> None:
    from costsim.render.html import CHART_H, CHART_W, GAP_PX, HEADER_PX, LEFT_PX

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        sys.exit("chromium not found (apt-get install chromium)")
    with tempfile.TemporaryDirectory() as work:
        page = Path(work) / "report.html"
        env = {**os.environ, "COSTSIM_TODAY": "2026-05-14", "NO_COLOR": "1"}
        subprocess.run([sys.executable, "-m", "costsim", "estimate", "samples/neutral.jsonl", "samples/neutral.csv",
                        "--format", "html", "--out", str(page)], cwd=REPO, env=env, check=True)
        height = HEADER_PX + CHARTS_SHOWN * (CHART_H + GAP_PX)
        OUT.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        f"--user-data-dir={work}/profile", "--hide-scrollbars", "--force-device-scale-factor=1",
                        f"--window-size={CHART_W + 2 * LEFT_PX},{height}", f"--screenshot={OUT}", page.as_uri()],
                       capture_output=True, check=True, timeout=120)
    print(f"wrote {OUT.relative_to(REPO)}")


if __name__ == "__main__":
    main()
