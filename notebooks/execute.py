"""Executes Jupyter notebooks headless with the Java (rapaio) kernel; used by notebooks/run.

Usage: python3 execute.py [--startup-timeout S] [--cell-timeout S] [--tries N] NOTEBOOK...

Each notebook is executed in its own folder and written back in place (outputs and plots inline)
only if every cell ran without error. A kernel that does not start within the start-up timeout is
retried (up to --tries starts); a cell error is never retried: it fails the run (exit 1).

Kernel start-up: the rapaio kernel binds its sockets a moment before it registers its message
handlers, and a kernel_info request that arrives in that window kills its shell thread (a
NullPointerException in Channels.getHandler; the kernel then never answers). jupyter_client
queues that request before the kernel has even started, so the kernel manager below opens the
client channels only once every kernel port is listening, plus a settle delay. Starts still
hang now and then without a message (about one start in five in tests here, whatever the
notebook, the load or the settle delay: the shell socket never receives the request), so a start
that does not answer within the start-up timeout is abandoned and retried. The start-up timeout
counts from the moment the ports listen (the JVM's own start is not in it), and a healthy kernel
answers within about a second, so it can be short.
"""
import argparse
import asyncio
import atexit
import os
import sys
import time

import nbformat
from jupyter_client.manager import AsyncKernelManager
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError

SETTLE_SECONDS = 1.0


def listening_ports():
    """Local TCP ports in LISTEN state (Linux /proc); None where /proc is not available."""
    ports = set()
    found = False
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            with open(table) as f:
                next(f)
                for line in f:
                    fields = line.split()
                    if fields[3] == "0A":
                        ports.add(int(fields[1].rsplit(":", 1)[1], 16))
            found = True
        except OSError:
            pass
    return ports if found else None


class SettledKernelManager(AsyncKernelManager):
    """Returns from start only once the kernel listens on all its ports and has settled."""

    port_timeout = 120.0

    async def _async_post_start_kernel(self, **kw):
        await super()._async_post_start_kernel(**kw)
        wanted = {self.shell_port, self.iopub_port, self.stdin_port, self.control_port, self.hb_port}
        deadline = time.monotonic() + self.port_timeout
        while time.monotonic() < deadline:
            ports = listening_ports()
            if ports is None:  # no /proc: fall back to a fixed wait
                await asyncio.sleep(5.0)
                break
            if wanted <= ports:
                break
            if not await self.is_alive():
                break  # the client's own start-up check reports the dead kernel
            await asyncio.sleep(0.1)
        await asyncio.sleep(SETTLE_SECONDS)

    post_start_kernel = _async_post_start_kernel


def coalesce_streams(nb):
    """Joins consecutive stdout (stderr) chunks of a cell into one output, as Jupyter shows them.

    The kernel sends printed text in many small messages; the notebook file keeps them as one
    output each unless joined.
    """
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        joined = []
        for out in cell.outputs:
            if (out.output_type == "stream" and joined and joined[-1].output_type == "stream"
                    and joined[-1].name == out.name):
                joined[-1].text += out.text
            else:
                joined.append(out)
        cell.outputs = joined


def execute(path, startup_timeout, cell_timeout, tries):
    """Executes one notebook; returns True on success. Raises nothing for a cell error."""
    folder = os.path.dirname(os.path.abspath(path))
    for attempt in range(1, tries + 1):
        nb = nbformat.read(path, as_version=4)
        client = NotebookClient(
            nb,
            timeout=cell_timeout,
            startup_timeout=startup_timeout,
            kernel_manager_class=SettledKernelManager,
            resources={"metadata": {"path": folder}},
            allow_errors=False,
            record_timing=False,  # no timestamps: re-executing leaves an unchanged notebook unchanged
        )
        started = time.monotonic()
        try:
            client.execute()
        except (CellExecutionError, CellTimeoutError) as e:
            print(f"notebooks: FAILED {path} (a cell raised an error):\n{e}", file=sys.stderr)
            return False
        except RuntimeError as e:  # the kernel did not start or died before replying
            atexit.unregister(client._cleanup_kernel)  # nbclient cleaned up already
            print(f"notebooks: kernel start {attempt}/{tries} failed for {path}: {e}", file=sys.stderr)
            continue
        coalesce_streams(nb)
        nbformat.validate(nb)
        nbformat.write(nb, path)
        print(f"notebooks: ok {path} ({time.monotonic() - started:.1f} s)")
        return True
    print(f"notebooks: FAILED {path}: the kernel did not start in {tries} tries", file=sys.stderr)
    return False


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--startup-timeout", type=int, default=15)
    parser.add_argument("--cell-timeout", type=int, default=300)
    parser.add_argument("--tries", type=int, default=3)
    parser.add_argument("notebooks", nargs="+")
    args = parser.parse_args()
    failed = [p for p in args.notebooks
              if not execute(p, args.startup_timeout, args.cell_timeout, args.tries)]
    print(f"notebooks: {len(args.notebooks) - len(failed)} of {len(args.notebooks)} executed without error")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
