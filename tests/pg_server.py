"""A real, throwaway PostgreSQL server for the tests: initdb and pg_ctl in a temporary folder.

Uses the server binaries Debian's `postgresql` package installs (/usr/lib/postgresql/*/bin), listens
on 127.0.0.1 and a free port only, asks TCP clients for a password (scram-sha-256), and is stopped
and deleted at the end. initdb refuses to run as root, so as root the server runs as the `postgres`
user the package creates. `start()` returns None with the reason when no server can be had.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

SUPERUSER = "costsim_test"
PASSWORD = "s3cret-Pa55"


@dataclass
class Server:
    folder: Path
    bin: Path
    port: int
    run_as: list[str]

    def url(self, database: str = "postgres", password: str | None = PASSWORD, user: str = SUPERUSER) -> str:
        auth = f"{user}:{password}" if password is not None else user
        return f"postgresql://{auth}@127.0.0.1:{self.port}/{database}"

    def stop(self) -> None:
        subprocess.run([*self.run_as, str(self.bin / "pg_ctl"), "-D", str(self.folder / "data"), "-m", "immediate",
                        "-w", "stop"], capture_output=True, timeout=60)
        shutil.rmtree(self.folder, ignore_errors=True)


def server_bin() -> Path | None:
    """The newest installed server's bin folder (with initdb and pg_ctl), or None."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3]))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb and shutil.which("pg_ctl") else None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start() -> tuple[Server | None, str]:
    """A running server and "", or None and why not."""
    bin_dir = server_bin()
    if bin_dir is None:
        return None, "no PostgreSQL server binaries (initdb, pg_ctl): apt-get install postgresql"
    run_as: list[str] = []
    folder = Path(tempfile.mkdtemp(prefix="costsim-pg-"))
    pwfile = folder / "pw"
    pwfile.write_text(PASSWORD + "\n")
    if os.geteuid() == 0:  # initdb refuses root: run the server as the package's postgres user
        try:
            user = pwd.getpwnam("postgres")
        except KeyError:
            shutil.rmtree(folder, ignore_errors=True)
            return None, "running as root and there is no postgres user to run the server as"
        for path in (folder, pwfile):
            os.chown(path, user.pw_uid, user.pw_gid)
        run_as = ["setpriv", f"--reuid={user.pw_uid}", f"--regid={user.pw_gid}", "--clear-groups"]
    data = folder / "data"
    init = subprocess.run([*run_as, str(bin_dir / "initdb"), "-D", str(data), "-U", SUPERUSER, f"--pwfile={pwfile}",
                           "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--no-locale"],
                          capture_output=True, text=True, timeout=120)
    if init.returncode != 0:
        shutil.rmtree(folder, ignore_errors=True)
        return None, f"initdb failed: {init.stderr.strip().splitlines()[-1:]}"
    for _attempt in range(3):  # a free port can be taken between choosing and binding it
        port = free_port()
        options = f"-c listen_addresses=127.0.0.1 -p {port} -c unix_socket_directories={folder} -c fsync=off"
        run = subprocess.run([*run_as, str(bin_dir / "pg_ctl"), "-D", str(data), "-o", options,
                              "-l", str(folder / "server.log"), "-w", "-t", "60", "start"],
                             capture_output=True, text=True, timeout=90)
        if run.returncode == 0:
            return Server(folder, bin_dir, port, run_as), ""
        time.sleep(0.2)
    log = (
        (folder / "server.log").read_text(errors="replace").strip().splitlines()[-1:]
        if (folder / "server.log").exists()
        else []
    )
    shutil.rmtree(folder, ignore_errors=True)
    return None, f"pg_ctl start failed: {log}"
