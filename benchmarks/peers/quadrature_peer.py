#!/usr/bin/env python3
"""Peer of QuadratureBenchmark: scipy.integrate.quad on the same integrands, in log-space.

Pairs: "gauss" = N(0,1) || N(1,1.5^2), "mixture" = 0.5 N(-2,0.5^2) + 0.5 N(2,0.5^2) || N(0,2^2).
Divergences kl, js, tv, pearson, integrated over (-inf, inf) with quad's defaults
(epsabs 1.49e-8, epsrel 1.49e-8, limit 50), the usual call. The integrands are written from
log p and log q (r = log p - log q) the way the library writes them:
  kl:      p r
  js:      (p log(2p/(p+q)) + q log(2q/(p+q)))/2, with log(2p/(p+q)) = log 2 - softplus(-r)
  tv:      |p - q|/2 = q |expm1(r)|/2
  pearson: q expm1(r)^2
Accuracy: |value - reference| with the 40-digit mpmath references of the library's tests
(src/test/resources/reference/divergences.csv, made by make_references.py there).
Each case is timed twice: with the integrand on NumPy scalars ("seconds", the peer of the
target) and with the same formulas on Python floats and the math module ("seconds_math"),
which the interpreter runs about 2.5x faster; the table shows both ratios.

Usage: quadrature_peer.py OUT.json   (run from anywhere; finds the reference file itself)
"""

import csv
import math
import os
from types import SimpleNamespace

import numpy as np
from scipy import integrate

from peer_common import output_path, time_call, versions, write_json

HERE = os.path.dirname(os.path.abspath(__file__))
REFERENCE = os.path.join(HERE, "..", "..", "src", "test", "resources", "reference", "divergences.csv")

PAIRS = {
    "gauss": ("normal(0,1)", "normal(1,1.5)"),
    "mixture": ("0.5*normal(-2,0.5) + 0.5*normal(2,0.5)", "normal(0,2)"),
}
DIVERGENCES = ["kl", "js", "tv", "pearson"]


def logaddexp_math(a, b):
    m = max(a, b)
    return m if m == -math.inf else m + math.log1p(math.exp(-abs(a - b)))


# The two ways of writing the same integrand: NumPy scalars (the peer of the target) and
# Python floats with the math module.
NUMPY = SimpleNamespace(exp=np.exp, expm1=np.expm1, logaddexp=np.logaddexp, scalar=np.float64)
MATH = SimpleNamespace(exp=math.exp, expm1=math.expm1, logaddexp=logaddexp_math, scalar=float)


def normal_logpdf(mu, sigma, ops):
    c = ops.scalar(-math.log(sigma) - 0.5 * math.log(2 * math.pi))
    return lambda x: c - 0.5 * ((x - mu) / sigma) ** 2


def log_densities(pair, ops):
    if pair == "gauss":
        return normal_logpdf(0.0, 1.0, ops), normal_logpdf(1.0, 1.5, ops)
    a, b = normal_logpdf(-2.0, 0.5, ops), normal_logpdf(2.0, 0.5, ops)
    half = ops.scalar(math.log(0.5))
    lp = lambda x: ops.logaddexp(a(x), b(x)) + half  # noqa: E731
    return lp, normal_logpdf(0.0, 2.0, ops)


def integrand(div, lp, lq, ops):
    log2 = ops.scalar(math.log(2.0))
    exp, expm1, logaddexp = ops.exp, ops.expm1, ops.logaddexp
    if div == "kl":
        def f(x):
            a = lp(x)
            return exp(a) * (a - lq(x))
    elif div == "js":
        def f(x):
            a, b = lp(x), lq(x)
            r = a - b
            return 0.5 * (exp(a) * (log2 - logaddexp(0.0, -r)) + exp(b) * (log2 - logaddexp(0.0, r)))
    elif div == "tv":
        def f(x):
            a, b = lp(x), lq(x)
            return 0.5 * exp(b) * abs(expm1(a - b))
    elif div == "pearson":
        def f(x):
            a, b = lp(x), lq(x)
            return exp(b) * expm1(a - b) ** 2
    else:
        raise ValueError(div)
    return f


def references():
    out = {}
    with open(REFERENCE, newline="") as fh:
        for row in csv.DictReader(fh):
            out[(row["p"], row["q"], row["divergence"])] = float(row["value"])
    return out


def main():
    path = output_path()
    ref = references()
    results = []
    for pair, (pspec, qspec) in PAIRS.items():
        lp, lq = log_densities(pair, NUMPY)
        lpm, lqm = log_densities(pair, MATH)
        for div in DIVERGENCES:
            f = integrand(div, lp, lq, NUMPY)
            call = lambda: integrate.quad(f, -np.inf, np.inf)  # noqa: E731
            value, err_est = call()
            seconds = time_call(call)
            fm = integrand(div, lpm, lqm, MATH)
            seconds_math = time_call(lambda: integrate.quad(fm, -math.inf, math.inf))
            reference = ref[(pspec, qspec, div)]
            results.append({"pair": pair, "divergence": div, "seconds": seconds,
                            "seconds_math": seconds_math, "value": value,
                            "error_estimate": err_est, "reference": reference,
                            "abs_error": abs(value - reference)})
    write_json(path, {"peer": "scipy.integrate.quad", "versions": versions(), "results": results})


if __name__ == "__main__":
    main()
