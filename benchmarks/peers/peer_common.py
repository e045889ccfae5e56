"""Shared helpers of the NumPy/SciPy peers: timing and atomic JSON output.

Timing: each case is called in a loop long enough to last >= MIN_SECONDS, five times; the
reported figure is the median of the five per-call times (seconds). The JMH side reports the
mean of its measurement iterations after warm-up; both are per-call wall times on one thread
(NumPy's BLAS may use both cores for the MLP matrix products, as it would for a user).
"""

import json
import os
import platform
import sys
import tempfile
import time

MIN_SECONDS = float(os.environ.get("PEER_MIN_SECONDS", "0.5"))
REPEATS = 5


def time_call(fn):
    """Median over REPEATS of the per-call wall time of fn(), in seconds."""
    fn()  # warm-up (imports, caches)
    loops = 1
    while True:
        t0 = time.perf_counter()
        for _ in range(loops):
            fn()
        dt = time.perf_counter() - t0
        if dt >= MIN_SECONDS / REPEATS or loops >= 1 << 24:
            break
        loops *= 2 if dt <= 0 else max(2, min(100, int(MIN_SECONDS / REPEATS / dt) + 1))
    times = []
    for _ in range(REPEATS):
        t0 = time.perf_counter()
        for _ in range(loops):
            fn()
        times.append((time.perf_counter() - t0) / loops)
    times.sort()
    return times[len(times) // 2]


def versions():
    import numpy
    out = {"python": platform.python_version(), "numpy": numpy.__version__}
    try:
        import scipy
        out["scipy"] = scipy.__version__
    except ImportError:
        pass
    return out


def write_json(path, document):
    """Write document as JSON to path atomically (temp file in the same folder, then rename)."""
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".peer-", suffix=".json", dir=folder)
    with os.fdopen(fd, "w") as f:
        json.dump(document, f, indent=2)
        f.write("\n")
    os.replace(tmp, path)


def output_path():
    if len(sys.argv) != 2:
        sys.exit("usage: %s OUT.json" % os.path.basename(sys.argv[0]))
    return sys.argv[1]
