#!/usr/bin/env python3
"""Independent reference optima of the exact best Gaussian fit, for GaussianFitTest.

Run from the repository root (about half an hour on one core):

    python3 src/test/resources/reference/make_gaussian_fit_references.py

Prints, for the f-GAN target P = 0.33*N(-1, 0.25^2) + 0.67*N(2, 1.415^2) (Nowozin et al.
2016, Section 6.1) and every divergence of Divergences.all(), the minimiser (mu*, sigma*)
over (mu, sigma > 0) of D_f(P || N(mu, sigma^2)) and the minimum D*, in nats.

Method (independent of the Java implementation, which uses Nelder-Mead and Newton steps on
central differences of a double-precision Gauss-Kronrod objective):

1. Global search in double precision: the objective (scipy.integrate.quad on [-20, 25],
   integrand written from log p and log q) is tabulated on a 41 x 41 grid of
   mu in [-3, 5] and sigma in [0.1, 5] (geometric).  Where the divergence is +infinity by
   the Gaussian tail asymptotics (Pearson chi^2 and Amari alpha = 2 need
   2 sigma^2 > 1.415^2; Neyman chi^2 needs sigma^2 < 2 * 1.415^2) the grid value is +inf.
   scipy.optimize.minimize (Nelder-Mead, in (mu, log sigma)) is started from each of the (up
   to six) best local minima of the grid and the best result is kept.  (Reverse KL and Neyman
   chi^2 have two local minima on the grid; every other divergence one.)
2. High precision: mpmath at mp.dps = 30.  The gradient is computed analytically by the
   score function, dD/dtheta = int dq/dtheta * [f(u) - u f'(u)] dx with u = p/q (so no
   finite differences of the objective), with mpmath.quad (tanh-sinh) on the whole real
   line split at the component locations, at mu +- k sigma and, for TV, at the crossings
   p = q (found by a sign scan and refined with mpmath.findroot).  The stationary point is
   found by Newton's method in (mu, sigma) from the scipy result; its Jacobian (the
   Hessian) is a central difference, step 1e-12, of the analytic gradient.  Iterations stop
   when the Newton step is below 1e-20.
3. Checks (the script fails if one does not hold): the closed forms f(u) - u f'(u) agree
   with a numerical derivative of f; the Hessian at the optimum is positive definite (a
   minimum, not a saddle); the Newton result is within 1e-3 of the scipy one (same basin);
   the value D* agrees between two different quadrature splittings to 1e-20.

The printed table (stdout) is kept in gaussian_fit_references.txt next to this script and
its digits are copied into GaussianFitTest.java; progress and the scipy start of every row go
to stderr.
"""

import math
import sys

import numpy as np
from scipy import integrate, optimize

import mpmath
from mpmath import mp, mpf

mp.dps = 30

# the f-GAN target: (weight, mean, sd)
COMPONENTS = [(mpf("0.33"), mpf(-1), mpf("0.25")), (mpf("0.67"), mpf(2), mpf("1.415"))]
FCOMP = [(float(w), float(m), float(s)) for w, m, s in COMPONENTS]
SIGMA_TAIL = 1.415  # the widest component decides both Gaussian tails of P

NAMES = ["tv", "kl", "reverse-kl", "pearson", "neyman", "hellinger", "jeffrey", "js", "gan",
         "alpha:0.5", "alpha:2"]


# ---------------------------------------------------------------- f and f(u) - u f'(u)

def f_of(name):
    """The generator f(u) (the table of docs/math.md), as an mpmath function."""
    if name == "tv":
        return lambda u: abs(u - 1) / 2
    if name == "kl":
        return lambda u: u * mp.log(u)
    if name == "reverse-kl":
        return lambda u: -mp.log(u)
    if name == "pearson":
        return lambda u: (u - 1) ** 2
    if name == "neyman":
        return lambda u: (1 - u) ** 2 / u
    if name == "hellinger":
        return lambda u: (mp.sqrt(u) - 1) ** 2
    if name == "jeffrey":
        return lambda u: (u - 1) * mp.log(u)
    if name == "js":
        return lambda u: (u * mp.log(u) - (u + 1) * mp.log((u + 1) / 2)) / 2
    if name == "gan":
        return lambda u: u * mp.log(u) - (u + 1) * mp.log(u + 1)
    a = mpf(name.split(":")[1])
    return lambda u: (u ** a - 1 - a * (u - 1)) / (a * (a - 1))


def g_of(name):
    """g(u) = f(u) - u f'(u) = -f*(f'(u)), the weight of dq/dtheta in the gradient."""
    if name == "tv":
        return lambda u: -mp.sign(u - 1) / 2
    if name == "kl":
        return lambda u: -u
    if name == "reverse-kl":
        return lambda u: 1 - mp.log(u)
    if name == "pearson":
        return lambda u: 1 - u ** 2
    if name == "neyman":
        return lambda u: 2 / u - 2
    if name == "hellinger":
        return lambda u: 1 - mp.sqrt(u)
    if name == "jeffrey":
        return lambda u: 1 - u - mp.log(u)
    if name == "js":
        return lambda u: mp.log(2 / (u + 1)) / 2
    if name == "gan":
        return lambda u: -mp.log(u + 1)
    a = mpf(name.split(":")[1])
    return lambda u: (1 - u ** a) / a


def check_g():
    for name in NAMES:
        f, g = f_of(name), g_of(name)
        for u in [mpf("0.3"), mpf("0.9"), mpf("1.7"), mpf(5)]:
            lhs = f(u) - u * mp.diff(f, u)
            assert abs(lhs - g(u)) < mpf("1e-20"), (name, u, lhs, g(u))


# ---------------------------------------------------------------- densities in mpmath

def logp(x):
    terms = [mp.log(w) - (x - m) ** 2 / (2 * s * s) - mp.log(s) - mp.log(2 * mp.pi) / 2
             for w, m, s in COMPONENTS]
    top = max(terms)
    return top + mp.log(sum(mp.exp(t - top) for t in terms))


def logq(x, mu, sigma):
    return -(x - mu) ** 2 / (2 * sigma * sigma) - mp.log(sigma) - mp.log(2 * mp.pi) / 2


def crossings(mu, sigma):
    """Roots of log p - log q: sign scan in double on [-60, 60] (both tails are Gaussian, so
    no sign change lies beyond), each refined by mpmath.findroot in the bracketing cell."""
    xs = np.linspace(-60, 60, 24001)
    m, s = float(mu), float(sigma)
    vals = [logp_np(x) + (x - m) ** 2 / (2 * s * s) + math.log(s) + 0.5 * math.log(2 * math.pi)
            for x in xs]
    h = lambda x: logp(x) - logq(x, mu, sigma)
    roots = []
    for i in range(len(xs) - 1):
        if vals[i] == 0 or vals[i] * vals[i + 1] < 0:
            roots.append(mp.findroot(h, (mpf(xs[i]), mpf(xs[i + 1])), solver="anderson"))
    return roots


def points(mu, sigma, ladder, extra=()):
    pts = set()
    for _, m, s in COMPONENTS:
        for k in ladder:
            pts.add(m + k * s)
    for k in ladder:
        pts.add(mu + k * sigma)
    pts.update(extra)
    return [mp.ninf] + sorted(pts) + [mp.inf]


LADDER_A = [-8, -6, -4, -3, -2, -1, 0, 1, 2, 3, 4, 6, 8]
LADDER_B = [-7, -5, -2.5, -1.5, -0.5, 0.5, 1.5, 2.5, 5, 7]


def objective_mp(name, mu, sigma, ladder=LADDER_A):
    f = f_of(name)

    def h(x):
        lp, lq = logp(x), logq(x, mu, sigma)
        return mp.exp(lq) * f(mp.exp(lp - lq))
    extra = crossings(mu, sigma) if name == "tv" else ()
    return mp.quad(h, points(mu, sigma, ladder, extra))


def gradient_mp(name, mu, sigma):
    g = g_of(name)
    extra = crossings(mu, sigma) if name == "tv" else ()
    pts = points(mu, sigma, LADDER_A, extra)

    def common(x):
        lp, lq = logp(x), logq(x, mu, sigma)
        return mp.exp(lq) * g(mp.exp(lp - lq))
    d_mu = mp.quad(lambda x: common(x) * (x - mu) / sigma ** 2, pts)
    d_sigma = mp.quad(lambda x: common(x) * ((x - mu) ** 2 / sigma ** 2 - 1) / sigma, pts)
    return mp.matrix([d_mu, d_sigma])


def newton_mp(name, mu, sigma):
    x = mp.matrix([mpf(mu), mpf(sigma)])
    h = mpf("1e-12")
    for it in range(30):
        g = gradient_mp(name, x[0], x[1])
        J = mp.matrix(2, 2)
        for j in range(2):
            e = mp.matrix([h if j == 0 else 0, h if j == 1 else 0])
            gp = gradient_mp(name, x[0] + e[0], x[1] + e[1])
            gm = gradient_mp(name, x[0] - e[0], x[1] - e[1])
            for i in range(2):
                J[i, j] = (gp[i] - gm[i]) / (2 * h)
        step = mp.lu_solve(J, g)
        print("   ", name, it, mp.nstr(mp.norm(step), 3), file=sys.stderr, flush=True)
        x = x - step
        if mp.norm(step) < mpf("1e-20"):
            return x, J, it + 1
    raise RuntimeError("Newton did not converge for " + name)


# ---------------------------------------------------------------- double-precision search

def integrand_np(name, lp, lq):
    p, q = math.exp(lp), math.exp(lq)
    r = lp - lq
    if name == "tv":
        return abs(p - q) / 2
    if name == "kl":
        return p * r
    if name == "reverse-kl":
        return -q * r
    if name == "pearson":
        return math.exp(2 * lp - lq) - 2 * p + q
    if name == "neyman":
        return math.exp(2 * lq - lp) - 2 * q + p
    if name == "hellinger":
        return (math.sqrt(p) - math.sqrt(q)) ** 2
    if name == "jeffrey":
        return (p - q) * r
    if name in ("js", "gan"):
        ls = np.logaddexp(lp, lq)
        v = p * (lp - ls) + q * (lq - ls)  # = 2 JSD - log 4 per unit
        return (v + math.log(4) * (p + q) / 2) / 2 if name == "js" else v
    a = float(name.split(":")[1])
    return (math.exp(a * lp + (1 - a) * lq) - q - a * (p - q)) / (a * (a - 1))


def logp_np(x):
    return float(np.logaddexp.reduce([math.log(w) - (x - m) ** 2 / (2 * s * s) - math.log(s)
                                      - 0.5 * math.log(2 * math.pi) for w, m, s in FCOMP]))


def objective_np(name, mu, sigma):
    if not sigma > 0:
        return math.inf
    if name in ("pearson", "alpha:2") and not 2 * sigma ** 2 > SIGMA_TAIL ** 2:
        return math.inf
    if name == "neyman" and not sigma ** 2 < 2 * SIGMA_TAIL ** 2:
        return math.inf
    logq_np = lambda x: -(x - mu) ** 2 / (2 * sigma ** 2) - math.log(sigma) - 0.5 * math.log(2 * math.pi)
    brk = sorted({-1.0, 2.0, mu, mu - 2 * sigma, mu + 2 * sigma, -0.5, 0.0})
    brk = [b for b in brk if -20 < b < 25]
    v, _ = integrate.quad(lambda x: integrand_np(name, logp_np(x), logq_np(x)), -20, 25,
                          points=brk, limit=400, epsabs=1e-13, epsrel=1e-11)
    return v


def global_search(name):
    mus = np.linspace(-3, 5, 41)
    sigmas = np.geomspace(0.1, 5, 41)
    grid = np.array([[objective_np(name, m, s) for s in sigmas] for m in mus])
    starts = []
    for i in range(len(mus)):
        for j in range(len(sigmas)):
            v = grid[i, j]
            if not np.isfinite(v):
                continue
            nb = grid[max(i - 1, 0):i + 2, max(j - 1, 0):j + 2]
            if v <= nb.min():
                starts.append((v, mus[i], sigmas[j]))
    starts.sort()
    best = None
    for _, m, s in starts[:6]:
        r = optimize.minimize(lambda t: objective_np(name, t[0], math.exp(t[1])),
                              [m, math.log(s)], method="Nelder-Mead",
                              options={"xatol": 1e-9, "fatol": 1e-13, "maxiter": 4000})
        if best is None or r.fun < best.fun:
            best = r
    return best.x[0], math.exp(best.x[1]), best.fun, len(starts)


def main():
    check_g()
    print("target: 0.33*normal(-1,0.25) + 0.67*normal(2,1.415)")
    print("%-10s %-24s %-24s %-24s" % ("divergence", "mu*", "sigma*", "D* (nats)"))
    for name in NAMES:
        mu0, s0, v0, nstarts = global_search(name)
        x, J, its = newton_mp(name, mu0, s0)
        mu, sigma = x[0], x[1]
        assert J[0, 0] > 0 and J[0, 0] * J[1, 1] - J[0, 1] * J[1, 0] > 0, (name, "not a minimum")
        assert abs(mu - mu0) < 1e-3 and abs(sigma - s0) < 1e-3, (name, mu0, s0, mu, sigma)
        d_a = objective_mp(name, mu, sigma, LADDER_A)
        d_b = objective_mp(name, mu, sigma, LADDER_B)
        assert abs(d_a - d_b) < mpf("1e-20"), (name, d_a, d_b)
        print("%-10s %-24s %-24s %-24s" % (name, mp.nstr(mu, 20), mp.nstr(sigma, 20),
                                           mp.nstr(d_a, 20)), flush=True)
        print("           (grid local minima: %d; scipy: mu=%.9f sigma=%.9f D=%.12g; Newton its %d)"
              % (nstarts, mu0, s0, v0, its), file=sys.stderr, flush=True)


if __name__ == "__main__":
    main()
