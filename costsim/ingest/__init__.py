"""Reading request logs into usage-frame chunks: one reader per format, chosen by `detect`.

`read_logs` is the only entry point: it expands paths (files, folders, globs, `-` for stdin),
picks each file's reader, and yields classified-ready chunks while `stats` accounts for every record.
"""

from costsim.ingest.common import IngestStats
from costsim.ingest.read import read_logs

__all__ = ["IngestStats", "read_logs"]
