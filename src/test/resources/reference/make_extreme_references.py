#!/usr/bin/env python3
"""High-precision reference values for fgan-lab's "extreme pairs" tests.

Run from the repository root:

    python3 src/test/resources/reference/make_extreme_references.py

Writes ``extreme.csv`` next to this script (header ``p,q,divergence,value,note``).

This script reuses the density code, the spec parser, the log-space integrands, the
rules for infinite values, the vector quadrature driver and the Gaussian and cross-family
closed forms of ``make_references.py`` (same folder). What is new here is the placement of
split points and tails for pairs whose scales or locations are far apart:

* Every component gets a ladder of split points loc +- k*scale (its own scale), so a bump
  of width 1e-300 or a component 1e10 away is never inside a panel much wider than it.
* Components with power tails (Student t) also get a geometric ladder loc +- scale*b^j up to
  a reach of 1e4 (pass B: 3e3) times (spread of the locations + largest scale), so a |x|^-a
  integrand is never asked to fit on one panel spanning many decades.
* Crossings p = q and F_P = F_Q are found on one sinh-spaced scan grid per component,
  centred at the component's location with its own scale, and refined by bisection.
* The two outer pieces run to +-infinity through mpmath's algebraic map. For pairs of
  Gaussian-tailed densities the map is applied to x with the largest scale. For pairs with
  a power tail it is applied to u = log(|x - c| / |x0 - c|), where |x|^-a becomes e^{-a u}
  (in x, the |x|^-1.3 tail of the nu = 0.3 Student would keep ~1e-14 of its mass beyond
  the map's last node); beyond u = 1000 (u = 300 for w1 pairs, whose tails are O(e^{-u}))
  the integrand, of relative size < e^{-290}, is 0.

Two independent evaluations per value: (A) tanh-sinh panels, ladder A, geometric base 4,
reach 1e4, tail map scale 1 (x 1 or x the largest scale); (B) Gauss-Legendre panels,
ladder B, geometric base 3, reach 3e3, tail map scale 1/2
(tanh-sinh on the two infinite pieces only). A value is written only if A and B agree to
1e-20 relative; the note gives their relative difference. Values above the double range
are written as ``overflow`` with the magnitude in the note; infinite values are decided
from supports and tails and carry the reason. Closed forms and identities are asserted.
"""

import csv
import os
import sys
import time

from mpmath import mp, mpf

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_references as mr  # noqa: E402  (sets mp.dps = 40)

mp.dps = mr.DPS
INF, NINF, LOG2 = mr.INF, mr.NINF, mr.LOG2
HERE = os.path.dirname(os.path.abspath(__file__))
OUT_CSV = os.path.join(HERE, "extreme.csv")

DOUBLE_MAX = mpf("1.7976931348623157e308")
DOUBLE_MIN_NORMAL = mpf("2.2250738585072014e-308")
AGREE_REL = mpf("1e-20")
CLOSED_REL = mr.CLOSED_REL
DIGITS = 20
# End of the log-mapped power tails (see compute_pair.log_tail).  With w1 the normal CDF is
# needed, and mpmath's erfc fails beyond |x| ~ e^{300}; the w1 pairs' tails are O(e^{-u}).
U_MAX, U_MAX_W1 = mpf(1000), mpf(300)

ALL11 = ["tv", "kl", "reverse-kl", "pearson", "neyman", "hellinger", "jeffrey", "js", "gan",
         "alpha:0.5", "w1"]
SCALE6 = ["js", "gan", "tv", "kl", "reverse-kl", "hellinger"]
MIX6 = ["tv", "kl", "reverse-kl", "js", "hellinger", "w1"]


def _pairs():
    out = []
    # A. Student vs normal, both orders
    for nu in ("0.3", "0.5", "0.7", "1", "2", "3"):
        s = "student(%s,0,1)" % nu
        out.append((s, "normal(0,1)", ALL11))
        out.append(("normal(0,1)", s, ALL11))
    out.append(("student(1,0,1)", "student(0.5,0,1)", ALL11))
    out.append(("student(3,2,0.5)", "normal(0,1)", ALL11))
    # B. equal-scale shifts and scale ratios of normals
    for d in ("1", "3", "10", "30", "100"):
        out.append(("normal(0,1)", "normal(%s,1)" % d, ["js", "gan"]))
    for s in ("1e-300", "1e-100", "1e-16", "1e-8", "1e-4", "1e-3", "0.1", "10", "1e3", "1e8",
              "1e100", "1e300"):
        out.append(("normal(0,1)", "normal(0,%s)" % s, SCALE6))
    # C. a mixture with a narrow and a wide component
    for q in ("normal(0,1)", "normal(0,50)"):
        out.append(("0.3*normal(-1,0.01) + 0.7*normal(1,100)", q, MIX6))
    # D. far components
    out.append(("0.5*normal(0,1) + 0.5*normal(1e6,1)", "normal(0,1)",
                ["tv", "js", "hellinger", "kl"]))
    out.append(("0.5*student(1,0,1) + 0.5*student(1,1e10,1)", "student(1,0,1)",
                ["tv", "js", "hellinger", "kl"]))
    return out


PAIRS = _pairs()


# ---------------------------------------------------------------------------
# infinite values
# ---------------------------------------------------------------------------
def classify(P, Q):
    """make_references.classify, plus W1 when neither P nor Q has a first moment (that
    function leaves the case open): W1 = int |S_P - S_Q| in the tails, and S ~ c |x|^-nu for
    a Student component, so W1 = inf when the heaviest tails of P and Q have different nu."""
    if P.mean_finite() or Q.mean_finite():
        return mr.classify(P, Q), True
    P.mean_finite = lambda: True        # hide P's infinite mean so classify() does not stop
    try:
        inf = mr.classify(P, Q)
    finally:
        del P.mean_finite
    inf.pop("w1", None)

    def nu_min(M):
        return min(c.nu for _, c in M.comps if isinstance(c, mr.Student))
    a, b = nu_min(P), nu_min(Q)
    if a != b:
        inf["w1"] = ("neither P nor Q has a first moment; S_P ~ c|x|^-%s and S_Q ~ c|x|^-%s, "
                     "so |S_P - S_Q| ~ c|x|^-%s is not integrable"
                     % (mr._num(a), mr._num(b), mr._num(min(a, b))))
        return inf, True
    return inf, False                   # w1 undecided: not requested for such pairs


# ---------------------------------------------------------------------------
# split points
# ---------------------------------------------------------------------------
def heavy(c):
    return isinstance(c, mr.Student)


def dedupe(xs, smin):
    out = []
    for x in sorted(xs):
        if out and abs(x - out[-1]) <= mpf(10) ** (10 - mp.dps) * (abs(x) + smin):
            continue
        out.append(x)
    return out


def crossings(g, comps, reach, h):
    """Sign changes of g found on one sinh grid per distinct component (its own location and
    scale), refined by bisection (make_references.find_crossings)."""
    smin = min(c.scale for c in comps)
    xs = []
    for loc, scale in sorted(set((c.loc, c.scale) for c in comps)):
        xs += mr.find_crossings(g, loc, scale, reach + abs(loc), h)
    # A crossing between two grid points far wider than its distance from them is only
    # bisected down to 2^-600 of that interval; such a point is kept only if g really
    # changes sign across it (the grid of the smaller component finds it to full precision).
    out = []
    for x in dedupe(xs, smin):
        d = mpf(10) ** (15 - mp.dps) * max(abs(x), smin)
        if g(x) == 0 or mr._sgn(g(x - d)) != mr._sgn(g(x + d)):
            out.append(x)
    return out


def build_points(comps, essential, ladder, base, reach, smin):
    pts = set(essential)
    for c in comps:
        for k in ladder:
            pts.add(c.loc - k * c.scale)
            pts.add(c.loc + k * c.scale)
        if heavy(c):
            k = ladder[-1] * base
            while k * c.scale < reach:
                pts.add(c.loc - k * c.scale)
                pts.add(c.loc + k * c.scale)
                k *= base
    ess = set(essential)
    merged = []
    for x in sorted(pts):
        if merged and abs(x - merged[-1]) < smin / 8 and x not in ess:
            continue
        merged.append(x)
    return merged


# ---------------------------------------------------------------------------
# one pair
# ---------------------------------------------------------------------------
PASSES = (
    # label, panel rule, ladder, geometric base, reach factor, tail-scale factor
    ("A", mr.TS, mr.LADDER_A, mpf(4), mpf("1e4"), mpf(1)),
    ("B", mr.GL, mr.LADDER_B, mpf(3), mpf("3e3"), mpf("0.5")),
)


def compute_pair(pspec, qspec, divs):
    P, Q = mr.parse_spec(pspec), mr.parse_spec(qspec)
    infinite, w1_decided = classify(P, Q)
    infinite = dict((d, r) for d, r in infinite.items() if d in divs)
    active = [d for d in divs if d not in infinite]
    if "w1" in active and not w1_decided:
        raise ValueError("w1 for %s || %s is not decided by this script" % (pspec, qspec))
    fset = set(active) - {"w1"}
    need_w1 = "w1" in active

    comps = [c for _, c in P.comps] + [c for _, c in Q.comps]
    smin = min(c.scale for c in comps)
    smax = max(c.scale for c in comps)
    center = (P.center() + Q.center()) / 2
    spread = max(abs(c.loc - center) for c in comps)
    is_heavy = any(heavy(c) for c in comps)
    # the w1 tail |S_P - S_Q| |x - c| ~ |x|^(1 - nu) = e^{-(nu - 1) u} must be < e^{-290} at U_MAX_W1
    assert not (need_w1 and any(heavy(c) and c.nu < 2 for c in comps)), "w1 tail too heavy"

    def g_log(x):
        lp, lq = P.logpdf(x), Q.logpdf(x)
        return lp - lq

    def dF(x):
        if x < center:
            return P.cdf(x) - Q.cdf(x)
        return Q.sf(x) - P.sf(x)

    scan_reach = mpf("1e4") * (spread + smax)
    essential = set(c.loc for c in comps)
    xing = crossings(g_log, comps, scan_reach, 0.02)
    fxing = crossings(dF, comps, scan_reach, 0.05) if need_w1 else []
    essential |= set(xing) | set(fxing)

    def F(x, mid):
        vals = mr.f_integrands(P.logpdf(x), Q.logpdf(x), fset)
        if need_w1:
            vals["w1"] = abs(dF(x))
        return vals

    def log_tail(x0, sgn):
        """Integrand of the tail beyond x0 in u = log(|x - center| / |x0 - center|) >= 0:
        F(x) dx = F(x) |x - center| du.  A |x|^-a tail becomes e^{-a u}, which the algebraic
        map reaches to full precision; in x the map's last nodes (|x| ~ 1e46) would leave a
        mass ~ 1e46^-a, 1e-14 for the nu = 0.3 Student.  Every tail integrand of this grid
        is O(u e^{-0.3 u}) (with w1, where nu >= 2: O(e^{-u})), so the part beyond u_max
        (relative size < e^{-290}) is set to 0 instead of evaluating at x ~ e^{1e40}."""
        d0 = abs(x0 - center)
        u_max = U_MAX_W1 if need_w1 else U_MAX

        def G(u, mid):
            if u > u_max:
                return dict((n, mpf(0)) for n in active)
            e = d0 * mp.exp(u)
            vals = F(center + sgn * e, None)
            return dict((n, vals[n] * e) for n in active)
        return G

    results, infos = {}, {}
    for label, rule, ladder, base, reach_f, tail_f in PASSES:
        pts = build_points(comps, essential, ladder, base, reach_f * (spread + smax), smin)
        # piece: (integrand, a, b, tail); tail = (start, map scale, direction)
        pieces = [(F, a, b, None) for a, b in zip(pts[:-1], pts[1:])]
        if is_heavy:
            pieces += [(log_tail(pts[0], -1), None, None, (mpf(0), tail_f, +1)),
                       (log_tail(pts[-1], +1), None, None, (mpf(0), tail_f, +1))]
        else:
            pieces += [(F, None, None, (pts[0], tail_f * smax, -1)),
                       (F, None, None, (pts[-1], tail_f * smax, +1))]
        mags = dict((n, mpf(0)) for n in active)
        evals = 0
        for f, a, b, t in pieces:
            rough = mr.Integrator(f, active, dict((n, INF) for n in active))
            r = rough.piece(mr.TS, a, b, t, mindeg=3, maxdeg=3, maxdepth=0)
            evals += rough.evals
            for n in active:
                mags[n] += abs(r[n])
        tol = dict((n, mags[n] * mpf(10) ** (3 - mp.dps)) for n in active)
        total = dict((n, mpf(0)) for n in active)
        unconverged = 0
        for f, a, b, t in pieces:
            integ = mr.Integrator(f, active, tol)
            if t is None:
                r = integ.piece(rule, a, b, None, mindeg=3, maxdeg=6 if rule is mr.GL else 7)
            else:
                r = integ.piece(mr.TS, a, b, t, mindeg=3, maxdeg=8)
            evals += integ.evals
            unconverged += len(integ.unconverged)
            for n in active:
                total[n] += r[n]
        results[label] = total
        infos[label] = (len(pieces), evals, unconverged)
    print("  crossings p=q: %s" % [mp.nstr(x, 12) for x in xing])
    if need_w1:
        print("  crossings F_P=F_Q: %s" % [mp.nstr(x, 12) for x in fxing])
    for label in ("A", "B"):
        print("  pass %s: %d pieces, %d node evaluations, %d unconverged pieces"
              % ((label,) + infos[label]))
    return P, Q, infinite, results


# ---------------------------------------------------------------------------
# closed forms for this grid (besides make_references' Gaussian and cross-family ones)
# ---------------------------------------------------------------------------
def far_mixture_closed(P, Q):
    """P = 1/2 A + 1/2 B, Q = A with B = A shifted by a.  Then p - q = (p_B - p_A)/2, so
    TV = TV(A, B)/2 exactly: erf(a/(2 sqrt 2))/2 for unit normals, atan(a/2)/pi for
    Cauchy (the densities cross at a/2).  For the normal pair (a = 1e6) the overlap
    e^{-a^2/8} ~ e^{-1.25e11} is far below 40 digits, so up to that: KL = a^2/4 - log 2,
    squared Hellinger = 2 - sqrt 2, JS = (1/2)[(1/2)log(2/3) + (1/2)log 2 + log(4/3)]."""
    out = {}
    if len(P.comps) != 2 or len(Q.comps) != 1:
        return out
    (wa, A), (wb, B) = P.comps
    C = Q.comps[0][1]
    if not (wa == wb == mpf("0.5") and type(A) is type(B) is type(C)):
        return out
    if isinstance(A, mr.Normal) and A.sigma == B.sigma == C.sigma == 1 and A.mu == C.mu:
        a = B.mu - A.mu
        out["tv"] = mp.erf(a / (2 * mp.sqrt(2))) / 2
        if a >= 1000:
            out["kl"] = a * a / 4 - LOG2
            out["hellinger"] = 2 - mp.sqrt(2)
            out["js"] = (mp.log(mpf(2) / 3) / 2 + LOG2 / 2 + mp.log(mpf(4) / 3)) / 2
    if (isinstance(A, mr.Student) and A.nu == B.nu == C.nu == 1 and A.sigma == B.sigma
            == C.sigma == 1 and A.mu == C.mu):
        out["tv"] = mp.atan((B.mu - A.mu) / 2) / mp.pi
    return out


def closed_forms(P, Q):
    out = {}
    for cf in (mr.gauss_closed, mr.cross_family_closed, far_mixture_closed):
        out.update(cf(P, Q) or {})
    return out


# ---------------------------------------------------------------------------
def fmt(v):
    return mp.nstr(v, DIGITS, strip_zeros=False, min_fixed=-4, max_fixed=6)


def main():
    t0 = time.time()
    only = [int(a) for a in sys.argv[1:]]          # development aid: subset, no CSV written
    rows, warnings = [], []
    n_closed, worst = 0, (mpf(0), None)
    for k, (pspec, qspec, divs) in enumerate(PAIRS):
        if only and k not in only:
            continue
        tp = time.time()
        print("pair %d: %s || %s" % (k, pspec, qspec), flush=True)
        P, Q, infinite, res = compute_pair(pspec, qspec, divs)
        A, B = res["A"], res["B"]
        kept, pair_rows = {}, {}
        for d in divs:
            if d in infinite:
                pair_rows[d] = [pspec, qspec, d, "inf", "infinite: " + infinite[d]]
                continue
            diff = abs(A[d] - B[d])
            rel = diff / max(abs(A[d]), abs(B[d])) if diff else mpf(0)
            if rel > AGREE_REL:
                msg = ("WARNING: %s || %s %s: tanh-sinh %s vs gauss-legendre %s disagree "
                       "(rel %s); row omitted" % (pspec, qspec, d, mp.nstr(A[d], 30),
                                                  mp.nstr(B[d], 30), mp.nstr(rel, 3)))
                print(msg)
                warnings.append(msg)
                continue
            if rel > worst[0]:
                worst = (rel, "%s || %s %s" % (pspec, qspec, d))
            v = kept[d] = A[d]
            note = "A/B rel diff %s" % mp.nstr(rel, 2)
            value = fmt(v)
            if abs(v) > DOUBLE_MAX:
                value = "overflow"
                note = ("finite, = %s, above the double range (max 1.8e308); %s"
                        % (mp.nstr(v, DIGITS, strip_zeros=False), note))
            elif v == 0:
                note += "; exactly 0 (use an absolute tolerance)"
            elif abs(v) < DOUBLE_MIN_NORMAL:
                note += ("; below the normal double range (%s): a double gives 0 or a "
                         "subnormal" % mp.nstr(v, 3))
            elif abs(v) < mpf("1e-12"):
                note += ("; tiny value: 2 js - log 4 style cancellation in double loses it, "
                         "use an absolute tolerance or the log-space integrand")
            if d == "js" and LOG2 - v < mpf("1e-17") * LOG2:
                note += "; equals log 2 to double precision"
                if "gan" in divs:
                    note += " (log 2 - js = -gan/2 = %s)" % mp.nstr(-A["gan"] / 2, 3)
            if d == "tv" and 1 - v < mpf("1e-17"):
                note += "; equals 1 to double precision"
            pair_rows[d] = [pspec, qspec, d, value, note]

        def ident(lhs, rhs, what):
            tol = CLOSED_REL * max(1, abs(lhs), abs(rhs))
            assert abs(lhs - rhs) <= tol, "identity %s fails for %s || %s: %s vs %s" % (
                what, pspec, qspec, lhs, rhs)
        if "gan" in kept and "js" in kept:
            ident(kept["gan"], 2 * kept["js"] - mp.log(4), "gan = 2 js - log 4")
        if "alpha:0.5" in kept and "hellinger" in kept:
            ident(kept["alpha:0.5"], 2 * kept["hellinger"], "alpha:0.5 = 2 hellinger")
        if all(d in kept for d in ("jeffrey", "kl", "reverse-kl")):
            ident(kept["jeffrey"], kept["kl"] + kept["reverse-kl"], "jeffrey = kl + rkl")
        if "js" in kept:
            assert 0 <= kept["js"] <= LOG2 + mpf("1e-35")
        if "tv" in kept:
            assert 0 <= kept["tv"] <= 1 + mpf("1e-35")
        if "hellinger" in kept:
            assert 0 <= kept["hellinger"] <= 2 + mpf("1e-35")
        for d, v in closed_forms(P, Q).items():
            if d not in divs:
                continue
            if v == INF:
                assert d in infinite, "%s %s||%s: closed form inf, classified finite" % (
                    d, pspec, qspec)
                continue
            assert d not in infinite, "%s %s||%s: closed form finite, classified inf" % (
                d, pspec, qspec)
            assert d in kept, "%s %s||%s: row omitted but closed form known" % (
                d, pspec, qspec)
            err = abs(kept[d] - v)
            assert err <= CLOSED_REL * abs(v), (
                "closed form %s %s||%s: %s vs %s" % (d, pspec, qspec, kept[d], v))
            n_closed += 1
            pair_rows[d][4] += "; closed form agrees (rel %s)" % mp.nstr(err / abs(v), 2)
        rows += [pair_rows[d] for d in divs if d in pair_rows]
        print("  %.1f s" % (time.time() - tp), flush=True)

    if only:
        for r in rows:
            print(",".join(r))
        return
    with open(OUT_CSV, "w", newline="") as fh:
        w = csv.writer(fh, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
        w.writerow(["p", "q", "divergence", "value", "note"])
        for r in rows:
            w.writerow(r)
    count = dict((kind, sum(1 for r in rows if r[3] == kind)) for kind in ("inf", "overflow"))
    print("wrote %s: %d rows (%d finite, %d inf, %d overflow), %d closed-form checks passed, "
          "%d warnings, largest A/B rel diff %s (%s), %.1f s"
          % (OUT_CSV, len(rows), len(rows) - count["inf"] - count["overflow"], count["inf"],
             count["overflow"], n_closed, len(warnings), mp.nstr(worst[0], 3), worst[1],
             time.time() - t0))
    for m in warnings:
        print(m)


if __name__ == "__main__":
    main()
