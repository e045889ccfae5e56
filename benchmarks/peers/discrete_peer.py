#!/usr/bin/env python3
"""Peer of DiscreteBenchmark: KL, JS, TV of two probability vectors of length n with NumPy/SciPy.

  kl: scipy.special.rel_entr(p, q).sum()
  js: scipy.spatial.distance.jensenshannon(p, q) ** 2   (natural log; the library's JSD)
  tv: 0.5 * numpy.abs(p - q).sum()
Inputs: the same family as the JMH benchmark, p_i, q_i proportional to uniform(0.05, 1) draws,
normalised (NumPy's generator, seeds 1 and 2: same distribution, not the same numbers).
Reports seconds per call; the report generator divides by n.

Usage: discrete_peer.py OUT.json   (env QUICK=1 skips nothing; sizes are fixed by the issue)
"""

import numpy as np
from scipy.spatial.distance import jensenshannon
from scipy.special import rel_entr

from peer_common import output_path, time_call, versions, write_json

SIZES = [1_000, 100_000, 10_000_000]


def vector(n, seed):
    v = np.random.default_rng(seed).uniform(0.05, 1.0, n)
    return v / v.sum()


def main():
    path = output_path()
    results = []
    for n in SIZES:
        p, q = vector(n, 1), vector(n, 2)
        cases = {
            "kl": lambda: rel_entr(p, q).sum(),
            "js": lambda: jensenshannon(p, q) ** 2,
            "tv": lambda: 0.5 * np.abs(p - q).sum(),
        }
        for kernel, fn in cases.items():
            results.append({"kernel": kernel, "n": n, "seconds": time_call(fn), "value": float(fn())})
    write_json(path, {"peer": "numpy/scipy", "versions": versions(), "results": results})


if __name__ == "__main__":
    main()
