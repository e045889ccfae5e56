#!/usr/bin/env python3
"""Peer of EstimateBenchmark: SciPy's cKDTree k-NN KL estimator and gaussian_kde + quad.

k-NN KL (Wang, Kulkarni & Verdu 2009, eq. 5; the usual cKDTree implementation, e.g. in the
"universal divergence" code of the literature), k = 3, on the 2-D samples P.csv, Q.csv written by
EstimateSamples (n = 10^5 each, the same points the JMH benchmark uses):
    rho_i = distance from x_i to its k-th neighbour in P \\ {x_i}  (query k+1, drop self)
    nu_i  = distance from x_i to its k-th neighbour in Q
    D = d * mean(log(nu / rho)) + log(m / (n - 1))
Trees are built inside the timed call; queries use workers=-1 (every core), as a user would.

KDE plug-in: gaussian_kde (Scott's rule) on the first coordinate of the first 2,000 points of
each sample, KL = quad(p log(p/q)) over [min - 12 h, max + 12 h] (h the larger bandwidth), in
log-space (logpdf), with quad's defaults and limit=200.

Usage: estimate_peer.py P.csv Q.csv OUT.json
"""

import sys

import numpy as np
from scipy import integrate
from scipy.spatial import cKDTree
from scipy.stats import gaussian_kde

from peer_common import time_call, versions, write_json

K = 3
KDE_N = 2_000


def knn_kl(x, y, k=K):
    n, d = x.shape
    m = y.shape[0]
    rho = cKDTree(x).query(x, k=k + 1, workers=-1)[0][:, k]
    nu = cKDTree(y).query(x, k=k, workers=-1)[0][:, k - 1]
    return d * np.mean(np.log(nu / rho)) + np.log(m / (n - 1))


def kde_kl(a, b):
    kp, kq = gaussian_kde(a), gaussian_kde(b)
    h = max(np.sqrt(kp.covariance[0, 0]), np.sqrt(kq.covariance[0, 0]))
    lo = min(a.min(), b.min()) - 12 * h
    hi = max(a.max(), b.max()) + 12 * h

    def f(t):
        lp = kp.logpdf(t)[0]
        return np.exp(lp) * (lp - kq.logpdf(t)[0])

    return integrate.quad(f, lo, hi, limit=200)[0]


def main():
    if len(sys.argv) != 4:
        sys.exit("usage: estimate_peer.py P.csv Q.csv OUT.json")
    x = np.loadtxt(sys.argv[1], delimiter=",", skiprows=1)
    y = np.loadtxt(sys.argv[2], delimiter=",", skiprows=1)
    a, b = x[:KDE_N, 0].copy(), y[:KDE_N, 0].copy()
    results = []
    value = knn_kl(x, y)
    results.append({"case": "knn_kl", "n": int(x.shape[0]), "dimension": int(x.shape[1]), "k": K,
                    "value": float(value), "seconds": time_call(lambda: knn_kl(x, y))})
    value = kde_kl(a, b)
    results.append({"case": "kde_kl", "n": KDE_N, "dimension": 1,
                    "value": float(value), "seconds": time_call(lambda: kde_kl(a, b))})
    write_json(sys.argv[3], {"peer": "scipy cKDTree / gaussian_kde + quad", "versions": versions(),
                             "results": results})


if __name__ == "__main__":
    main()
