#!/usr/bin/env python3
"""Randomly drawn normal pairs with closed-form references, for fgan-lab's extreme-pairs tests.

Run from the repository root:

    python3 src/test/resources/reference/make_random_normal_references.py

Writes ``random-normals.csv`` next to this script (header ``p,q,divergence,value``): KL, reverse
KL and squared Hellinger between two normals, from the closed forms evaluated with mpmath at
60 digits. The pairs are drawn (seed 20261207) the way a user probing the edges might write
them: scales log-uniform over 10^-300..10^300, either close to each other or anywhere; means at
0, near 0 or at the scale's own magnitude; separations of 0, a few, a hundred or up to 10^8 of
either scale. Kept: scale ratios up to 10^300 and values up to 10^300 (the domain README's
accuracy section states; a value beyond the double range is written "overflow").
"""

import csv
import os
import random

from mpmath import exp, log, mp, mpf, sqrt

mp.dps = 60
SEED = 20261207
PAIRS = 300
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "random-normals.csv")


def closed_forms(m1, s1, m2, s2):
    m1, s1, m2, s2 = mpf(m1), mpf(s1), mpf(m2), mpf(s2)
    kl = log(s2 / s1) + (s1 ** 2 + (m1 - m2) ** 2) / (2 * s2 ** 2) - mpf(1) / 2
    rkl = log(s1 / s2) + (s2 ** 2 + (m1 - m2) ** 2) / (2 * s1 ** 2) - mpf(1) / 2
    bc = sqrt(2 * s1 * s2 / (s1 ** 2 + s2 ** 2)) * exp(-(m1 - m2) ** 2 / (4 * (s1 ** 2 + s2 ** 2)))
    return {"kl": kl, "reverse-kl": rkl, "hellinger": 2 - 2 * bc}


def draw(rng):
    e1 = rng.uniform(-300, 300) if rng.random() < 0.5 else rng.uniform(-20, 20)
    e2 = e1 + rng.uniform(-40, 40) if rng.random() < 0.5 else rng.uniform(-300, 300)
    e2 = max(-300.0, min(300.0, e2))
    s1 = float(mpf(10) ** e1 * rng.uniform(1, 10))
    s2 = float(mpf(10) ** e2 * rng.uniform(1, 10))
    sep = rng.choice([0.0, 0.0, rng.uniform(-3, 3), rng.uniform(-100, 100),
                      10 ** rng.uniform(0, 8) * rng.choice([-1, 1])])
    m1 = float(rng.uniform(-1, 1) * min(max(s1, s2), 1e300) * rng.choice([0, 1e-3, 1]))
    m2 = m1 + sep * rng.choice([s1, s2])
    return m1, s1, m2, s2


def main():
    rng = random.Random(SEED)
    rows = []
    kept = 0
    while kept < PAIRS:
        m1, s1, m2, s2 = draw(rng)
        if not abs(m2) < 1e307 or max(s1, s2) / min(s1, s2) > 1e300:
            continue
        values = closed_forms(m1, s1, m2, s2)
        if any(mpf("1e300") < abs(v) <= mpf("1.7976931348623157e308") for v in values.values()):
            continue
        kept += 1
        p, q = f"normal({m1!r},{s1!r})", f"normal({m2!r},{s2!r})"
        for name, v in values.items():
            text = "overflow" if abs(v) > mpf("1.7976931348623157e308") else mp.nstr(v, 25)
            rows.append((p, q, name, text))
    with open(OUT, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["p", "q", "divergence", "value"])
        w.writerows(rows)
    print(f"wrote {len(rows)} rows to {OUT}")


if __name__ == "__main__":
    main()
