package org.fganlab.theory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.fganlab.density.Bump;
import org.fganlab.density.Density;
import org.fganlab.density.LogTail;
import org.fganlab.divergence.Asymptote;
import org.fganlab.quadrature.AdaptiveQuadrature;
import org.fganlab.quadrature.Integrand;
import org.fganlab.quadrature.QuadratureResult;
import org.fganlab.quadrature.QuadratureResult.Status;
import org.fganlab.quadrature.QuadratureSettings;
import org.fganlab.quadrature.Segment;
import org.fganlab.quadrature.Segment.Map;

/**
 * Integrals ∫ h(x, log p(x), log q(x)) dx over a pair of densities, the engine behind every
 * exact value of this package.
 *
 * <p>Steps: (1) where one support reaches beyond the other, the integrand's asymptote there
 * (q = 0 &lt; p, or p = 0 &lt; q) decides whether the integral is +∞ (KL(N(0,1)‖U(−10³⁰⁰, 10³⁰⁰))
 * is +∞ although p underflows long before the uniform ends); each unbounded tail is checked for
 * integrability with {@link TailAnalysis}; a divergent tail makes the result +∞ (all
 * integrands handed in are non-negative in divergent tails). (2) Panels are placed from every component's own location and scale
 * ({@link Density#bumps()}): each bump b with scale s gives the points b and b ± 2s, plus the
 * support ends and, when asked, the crossings p = q. (3) Bumps closer than
 * {@value #CLUSTER} scales form a cluster; a cluster far from 0 relative to its scales (beyond
 * {@value #ANCHOR} scales) is integrated in the offset from its own anchor, so that a bump of
 * scale 1 at 10²⁰⁰ is resolved although x there has an ulp of 10¹⁸⁴. (4) A panel wider than
 * {@value #WIDE} local scales (between clusters, or from a narrow bump into a wide one) is split
 * at its midpoint and each half integrated in log-distance from its end, x = a ± λ·(eᵗ − 1)
 * with λ the local scale there, so no component's mass hides inside it. (5) Unbounded tails use
 * x = a ± s·t/(1 − t) when both tails are light, and the log map up to the end of the double
 * range when one is algebraic (Student-t), with the remainder beyond estimated from the
 * integrand's decay and added to value and error. (6) Pairs whose scales span more than the
 * double exponent range allows are first rescaled by a power of two (exact).
 *
 * <p>{@link AdaptiveQuadrature} then integrates all panels to the goal. The result is honest:
 * its status is {@link Status#NOT_CONVERGED} when the goal was not met, {@link Status#OVERFLOW}
 * when the value is finite but beyond the double range (the integrand overflowed inside both
 * supports), {@link Status#INFINITE} when the integral diverges. The evaluation count includes
 * the crossing search.
 */
public final class PairQuadrature {

    /**
     * Default settings: relative 1e-13 and an absolute 1e-15, the rounding level of integrands
     * of order 1 (½|p − q| for P = Q written two ways is ~1e-17 of noise per unit of mass, so a
     * purely relative goal on a zero value could never be met).
     */
    public static final QuadratureSettings SETTINGS = new QuadratureSettings(1e-13, 1e-15, 200_000);

    private static final double EPS = Math.ulp(1.0);
    /** |log| beyond which e^L·c is 0 or ∞ for every double c (745 + 710 and a margin). */
    private static final double EXP_REACH = 1500;
    /** Extra breakpoints at b ± SPREAD·scale around every bump b. */
    private static final double SPREAD = 2.0;
    /** Bumps closer than this many scales share a cluster. */
    private static final double CLUSTER = 32.0;
    /** A cluster is anchored at its own location when that is beyond this many scales from 0. */
    private static final double ANCHOR = 1024.0;
    /** A panel wider than this many local scales is integrated in log-distance from its ends. */
    private static final double WIDE = 16.0;
    /** Largest offset reached from an anchor (2^1020 ≈ 1.1e307), so that x stays finite. */
    private static final double MAX_OFFSET = 0x1p1020;
    /** Scales outside [2^-LIMIT, 2^LIMIT] make the pair rescaled by a power of two first. */
    private static final int LIMIT = 200;

    private final AdaptiveQuadrature quadrature;

    /** With {@link #SETTINGS}. */
    public PairQuadrature() {
        this(new AdaptiveQuadrature(SETTINGS));
    }

    /**
     * @param quadrature the integrator to use (not null)
     */
    public PairQuadrature(AdaptiveQuadrature quadrature) {
        if (quadrature == null) {
            throw new IllegalArgumentException("quadrature must not be null");
        }
        this.quadrature = quadrature;
    }

    /** The one-dimensional integrator behind this pair integrator. */
    public AdaptiveQuadrature quadrature() {
        return quadrature;
    }

    /**
     * ∫ h(x, log p, log q) dx over the real line.
     *
     * @param p first density (the data distribution P)
     * @param q second density (the model Q)
     * @param h the integrand; must be positively homogeneous of degree 1 in (p, q), i.e.
     *     h(x, lp + c, lq + c) = eᶜ·h(x, lp, lq), as every integral against P or Q is: when the
     *     pair has to be rescaled, h then receives the rescaled log-densities (x stays in the
     *     caller's units) and the integral is unchanged
     * @param ratioToInfinity leading behaviour of h where p/q → ∞ (for the tail check)
     * @param ratioToZero leading behaviour of h where p/q → 0
     * @param xPower extra polynomial factor |x|^xPower in h (0 for divergences)
     * @param splitAtCrossings whether to split at the crossings p = q (for kinked integrands)
     * @return value, error estimate, evaluation count and status; +∞ if a tail diverges
     */
    public QuadratureResult integrate(Density p, Density q, PairIntegrand h,
            Asymptote ratioToInfinity, Asymptote ratioToZero, double xPower,
            boolean splitAtCrossings) {
        if ((beyond(p, q) && infiniteWhereAbsent(ratioToInfinity.pExponent(),
                ratioToInfinity.logPower()))
                || (beyond(q, p) && infiniteWhereAbsent(1 - ratioToZero.pExponent(),
                        ratioToZero.logPower()))) {
            return QuadratureResult.infinite(1, 0);
        }
        double centre = unit(p, q, true);
        Density pt = centre == 1 ? p : p.affine(0, centre);
        Density qt = centre == 1 ? q : q.affine(0, centre);
        for (int side = -1; side <= 1; side += 2) {
            if (!TailAnalysis.integrable(pt.tail(side), qt.tail(side), ratioToInfinity,
                    ratioToZero, xPower)) {
                return QuadratureResult.infinite(1, 0);
            }
        }
        double unit = unit(p, q, false);
        Density ps = unit == 1 ? p : p.affine(0, unit);
        Density qs = unit == 1 ? q : q.affine(0, unit);
        // h is homogeneous of degree 1 in (p, q), so ∫ h(x, log p, log q) dx is the same integral
        // written in the rescaled variable x' = x/unit with the rescaled densities
        boolean[] overflow = {false};
        // Σ|h|, Σ|h|·max(|log p|, |log q|) and the largest |log| over the evaluations: exp
        // amplifies the rounding of a log-density L into a relative error of about ε·|L|. Only
        // |L| ≤ EXP_REACH counts: e^L·c with |L| beyond it is 0 or ∞ for every double c, so
        // such an L enters a finite nonzero value only through log p − log q, whose rounding is
        // relative ε (N(0,1) against a normal 10⁵⁰ scales away has log q ≈ −10¹⁰⁰ there)
        double[] weights = {0, 0, 0};
        ClusterIntegrand g = (pc, qc, anchor) -> (y, out, n) -> {
            double sum = 0;
            double weighted = 0;
            double largest = 0;
            for (int i = 0; i < n; i++) {
                double lp = pc.logDensity(y[i]);
                double lq = qc.logDensity(y[i]);
                double v = h.value(unit == 1 ? anchor + y[i] : unit * (anchor + y[i]), lp, lq);
                out[i] = v;
                double a = Math.abs(v);
                if (a > 0 && a < Double.POSITIVE_INFINITY) {
                    sum += a;
                    double l = Math.max(exponentWeight(lp), exponentWeight(lq));
                    weighted += a * l;
                    largest = Math.max(largest, l);
                } else if (Double.isInfinite(v) && !overflow[0]) {
                    // +∞ where each log-density is finite or −∞ only outside its support: the
                    // true value is finite there, its magnitude beyond doubles
                    overflow[0] = inSupportOrFinite(pc, y[i], lp)
                            && inSupportOrFinite(qc, y[i], lq);
                }
            }
            weights[0] += sum;
            weights[1] += weighted;
            weights[2] = Math.max(weights[2], largest);
        };
        DoubleUnaryOperator kink = splitAtCrossings
                ? x -> ps.logDensity(x) - qs.logDensity(x) : null;
        QuadratureResult r = integratePlanned(ps, qs, 1.0, algebraicTails(pt, qt), g, kink);
        if (r.isFinite()) {
            // rounding of the inputs, which the Gauss–Kronrod estimate does not see: ε·|L| on
            // average over the integrand, and for kinked integrands (½|p − q|, whose value near
            // p = q is a difference) ε per unit of mass
            double meanLog = weights[0] > 0 ? weights[1] / weights[0] : 0;
            if (!(meanLog < Double.POSITIVE_INFINITY)) {
                meanLog = weights[2];
            }
            double rounding = 4 * EPS * Math.max(1, meanLog) * Math.abs(r.value())
                    + (splitAtCrossings ? 4 * EPS : 0);
            r = new QuadratureResult(r.value(), r.errorEstimate() + rounding, r.evaluations(),
                    r.status());
        }
        if (Double.isInfinite(r.value()) && overflow[0]) {
            r = r.withStatus(0.0, Status.OVERFLOW);
        }
        return r;
    }

    /**
     * ∫ |F_P − F_Q| dx with the same panel placement, evaluating F on each cluster's own
     * coordinates; survival functions right of {@code mid} keep the right tail's relative
     * precision. +∞ if a tail of |F_P − F_Q| is not integrable.
     */
    QuadratureResult integrateCdfDifference(Density p, Density q) {
        double unit = unit(p, q, true);
        Density ps = unit == 1 ? p : p.affine(0, unit);
        Density qs = unit == 1 ? q : q.affine(0, unit);
        for (int side = -1; side <= 1; side += 2) {
            if (!TailAnalysis.cdfDifferenceIntegrable(ps.tail(side), qs.tail(side))) {
                return QuadratureResult.infinite(1, 0);
            }
        }
        double mid = 0.5 * ps.quantile(0.5) + 0.5 * qs.quantile(0.5);
        ClusterIntegrand g = (pc, qc, anchor) -> Integrand.of(y -> Math.abs(anchor + y <= mid
                ? pc.cdf(y) - qc.cdf(y) : qc.survival(y) - pc.survival(y)));
        DoubleUnaryOperator kink = x -> x <= mid
                ? ps.cdf(x) - qs.cdf(x) : qs.survival(x) - ps.survival(x);
        QuadratureResult r = integratePlanned(ps, qs, unit, algebraicTails(ps, qs), g, kink, mid);
        return unit == 1 || !r.isFinite() ? r : r.times(unit);
    }

    /** The integrand on one cluster: a function of the offset y from the cluster's anchor. */
    @FunctionalInterface
    private interface ClusterIntegrand {
        Integrand on(Density p, Density q, double anchor);
    }

    /**
     * Whether a's support reaches beyond b's on either side, so that a &gt; 0 = b on a set of
     * positive measure (a's outermost component has positive density up to its end).
     */
    private static boolean beyond(Density a, Density b) {
        return a.supportLower() < b.supportLower() || a.supportUpper() > b.supportUpper();
    }

    /**
     * Whether an integrand like C·a^e·b^(1−e)·|log(a/b)|^m is +∞ where a &gt; 0 = b: the
     * exponent of b is negative, or zero with a log factor.
     */
    private static boolean infiniteWhereAbsent(double e, int logPower) {
        return e > 1 || (e == 1 && logPower > 0);
    }

    /** |L| where e^L can be a factor of a finite nonzero product, else 0. */
    private static double exponentWeight(double logDensity) {
        double a = Math.abs(logDensity);
        return a <= EXP_REACH ? a : 0;
    }

    private static boolean inSupportOrFinite(Density d, double y, double logDensity) {
        return logDensity > Double.NEGATIVE_INFINITY
                || (y > d.supportLower() && y < d.supportUpper());
    }

    /**
     * The power of two by which the pair is rescaled: 1 unless some scale lies outside
     * [2^-LIMIT, 2^LIMIT]; then about the smallest scale (or, {@code centred}, the middle of
     * the scales' exponents, for the tail analysis), within what keeps every location and
     * scale below 2^1000.
     */
    static double unit(Density p, Density q, boolean centred) {
        int lo = Integer.MAX_VALUE;
        int hi = Integer.MIN_VALUE;
        int loc = Integer.MIN_VALUE;
        for (Bump b : bumps(p, q)) {
            int e = Math.getExponent(b.scale());
            lo = Math.min(lo, e);
            hi = Math.max(hi, e);
            if (b.location() != 0) {
                loc = Math.max(loc, Math.getExponent(b.location()));
            }
        }
        if (lo >= -LIMIT && hi <= LIMIT) {
            return 1.0;
        }
        // centred: the scales' exponents symmetric about 0, so that tail coefficients such as
        // −1/(2σ²) neither underflow nor overflow; otherwise the smallest scale becomes about
        // 1, so that no density exceeds about 1 and no integrand overflows before the true
        // value does; the largest scale and location stay below 2^1000 either way
        int k = Math.max(centred ? Math.floorDiv(lo + hi, 2) : lo, Math.max(hi, loc) - 1000);
        return Math.scalb(1.0, k);
    }

    private static List<Bump> bumps(Density p, Density q) {
        List<Bump> all = new ArrayList<>(p.bumps());
        all.addAll(q.bumps());
        return all;
    }

    /** A group of bumps integrated in the offset from one anchor. */
    private record Cluster(double anchor, Density p, Density q, double[] locations,
            double[] scales, double[] points) {

        /** Local scale at offset y: the smallest max(s, |y − b|/2) over the cluster's bumps. */
        double localScale(double y) {
            double best = Double.POSITIVE_INFINITY;
            for (int i = 0; i < locations.length; i++) {
                best = Math.min(best, Math.max(scales[i], 0.5 * Math.abs(y - locations[i])));
            }
            return best;
        }
    }

    /**
     * The planned integral over p and q; its value will be multiplied by {@code unit} (the
     * absolute goal is divided by it, so that it holds in the caller's units).
     */
    private QuadratureResult integratePlanned(Density p, Density q, double unit,
            boolean[] algebraic, ClusterIntegrand g, DoubleUnaryOperator kink,
            double... extraPoints) {
        QuadratureSettings s = quadrature.settings();
        AdaptiveQuadrature integrator = unit == 1 ? quadrature : new AdaptiveQuadrature(
                new QuadratureSettings(s.relativeTolerance(), s.absoluteTolerance() / unit,
                        s.maxEvaluations()));
        double lo = Math.min(p.supportLower(), q.supportLower());
        double hi = Math.max(p.supportUpper(), q.supportUpper());
        int[] extra = {0};
        double[] split = extraPoints;
        if (kink != null) {
            double[] roots = Crossings.roots(x -> {
                extra[0]++;
                return kink.applyAsDouble(x);
            }, scanGrid(p, q));
            split = union(roots, extraPoints);
        }
        List<Cluster> clusters = clusters(p, q, split, lo, hi);
        List<Segment> segments = new ArrayList<>();
        List<Tail> tails = new ArrayList<>();
        for (int c = 0; c < clusters.size(); c++) {
            Cluster k = clusters.get(c);
            Integrand f = g.on(k.p, k.q, k.anchor);
            double[] pts = k.points;
            if (c == 0 && lo == Double.NEGATIVE_INFINITY) {
                addTail(segments, tails, f, k, pts[0], -1, algebraic[0]);
            }
            for (int i = 0; i + 1 < pts.length; i++) {
                addPanel(segments, f, k, pts[i], pts[i + 1]);
            }
            if (c + 1 < clusters.size()) {
                Cluster next = clusters.get(c + 1);
                double a = pts[pts.length - 1];
                double b = next.points[0];
                // half the gap in x, from the anchors' own coordinates (no overflow)
                double half = 0.5 * (next.anchor + b) - 0.5 * (k.anchor + a);
                Integrand fn = g.on(next.p, next.q, next.anchor);
                addLog(segments, f, Map.RIGHT_LOG, a, k.localScale(a), half);
                addLog(segments, fn, Map.LEFT_LOG, b, next.localScale(b), half);
            }
            if (c + 1 == clusters.size() && hi == Double.POSITIVE_INFINITY) {
                addTail(segments, tails, f, k, pts[pts.length - 1], 1, algebraic[1]);
            }
        }
        QuadratureResult r = integrator.integrate(segments);
        int evaluations = r.evaluations() + extra[0];
        if (!r.isFinite()) {
            return new QuadratureResult(r.value(), 0.0, evaluations, r.status());
        }
        double value = r.value();
        // a log map's Jacobian exp(t + log s) carries a relative rounding of ε·t
        double reach = 0;
        for (Segment sg : segments) {
            if (sg.map() == Map.RIGHT_LOG || sg.map() == Map.LEFT_LOG) {
                reach = Math.max(reach, sg.hi());
            }
        }
        double error = r.errorEstimate();
        for (Tail t : tails) {
            double rem = t.remainder();
            value += rem;
            error += Math.abs(rem);
            evaluations += 2;
        }
        Status status = r.status();
        if (error > Math.max(integrator.settings().absoluteTolerance(),
                s.relativeTolerance() * Math.abs(value))) {
            status = Status.NOT_CONVERGED;
        }
        // rounding that the goal cannot ask for (it bounds the error, it is not a lack of
        // convergence): a log map's Jacobian exp(t + log s) carries a relative ε·t
        error += 2 * EPS * reach * Math.abs(value);
        return new QuadratureResult(value, error, evaluations, status);
    }

    /** A panel of a cluster: plain if narrow, two log-mapped halves if wide. */
    private static void addPanel(List<Segment> segments, Integrand f, Cluster k,
            double a, double b) {
        double la = k.localScale(a);
        double lb = k.localScale(b);
        if (b - a <= WIDE * Math.min(la, lb)) {
            segments.add(Segment.linear(f, a, b));
            return;
        }
        double half = 0.5 * b - 0.5 * a;
        addLog(segments, f, Map.RIGHT_LOG, a, la, half);
        addLog(segments, f, Map.LEFT_LOG, b, lb, half);
    }

    /**
     * Log-mapped panels from origin over the distance {@code length}: t from 0 to
     * log(1 + length/scale), split at t = 1, 2, 4, 8, … (each a factor e, e², e⁴, … further
     * out), the split that bisection reaches anyway for an algebraic decay.
     */
    private static void addLog(List<Segment> segments, Integrand f, Map map,
            double origin, double scale, double length) {
        if (!(length > 0)) {
            return;
        }
        double end = Math.log1p(length / scale);
        if (Double.isInfinite(end)) {
            end = Math.log(length) - Math.log(scale);
        }
        // exp(end) carries a relative error of about ε·end: end is lowered until the mapped
        // range stops short of the target, and a plain panel covers the rest exactly
        int side = map == Map.RIGHT_LOG ? 1 : -1;
        double target = origin + side * length;
        Segment probe = new Segment(f, map, origin, scale, 0, end);
        while (end > 0 && side * (probe.y(end) - target) > 0) {
            end = Math.nextDown(end);
        }
        double t0 = 0;
        for (double t = 1; t < end; t *= 2) {
            segments.add(new Segment(f, map, origin, scale, t0, t));
            t0 = t;
        }
        segments.add(new Segment(f, map, origin, scale, t0, end));
        double reached = probe.y(end);
        if (reached != target) {
            segments.add(Segment.linear(f, Math.min(reached, target), Math.max(reached, target)));
        }
    }

    /**
     * The unbounded end beyond {@code from} on {@code side}: light tails by x = a ± s·t/(1 − t)
     * (s the larger density scale), algebraic ones by the log map up to {@link #MAX_OFFSET},
     * remembered for the remainder estimate.
     */
    private static void addTail(List<Segment> segments, List<Tail> tails,
            Integrand f, Cluster k, double from, int side, boolean algebraic) {
        if (algebraic) {
            double reach = reach(k, from, side);
            addLog(segments, f, side > 0 ? Map.RIGHT_LOG : Map.LEFT_LOG, from, k.localScale(from),
                    reach);
            tails.add(new Tail(f, from + side * reach));
            return;
        }
        // the widest bump of this cluster: a wider bump elsewhere lies more than CLUSTER of its
        // scales away and has no mass here, and its scale would squeeze this cluster's own tail
        // into a sliver of the first panel (a narrow P far from a wide Q lost P's outer tail)
        double scale = 0;
        for (double s : k.scales) {
            scale = Math.max(scale, s);
        }
        scale = Math.min(scale, Double.MAX_VALUE);
        // where the widest bump is much wider than the local scale (a narrow bump at the end of
        // a cluster with a wide one), the narrow bump's tail first gets log-mapped panels out
        // to one widest scale, so that neither tail hides in a sliver of the other's map
        double local = k.localScale(from);
        double start = from + side * scale;
        if (scale > WIDE * local && Double.isFinite(start)) {
            addLog(segments, f, side > 0 ? Map.RIGHT_LOG : Map.LEFT_LOG, from, local, scale);
            from = start;
        }
        AdaptiveQuadrature.addTail(segments, f, side > 0 ? Map.RIGHT_TAIL : Map.LEFT_TAIL, from,
                scale);
    }

    /**
     * How far an algebraic tail is integrated from {@code from}: the largest power of two up
     * to {@link #MAX_OFFSET} at which both log-densities are still finite, so that no integrand
     * sees a light partner's log-density overflow to −∞ (−x²/2 past x ≈ 10¹⁵⁴) and mistake it
     * for a zero density.
     */
    private static double reach(Cluster k, double from, int side) {
        double d = MAX_OFFSET;
        while (d > 1 && !(k.p.logDensity(from + side * d) > Double.NEGATIVE_INFINITY
                && k.q.logDensity(from + side * d) > Double.NEGATIVE_INFINITY)) {
            d *= 0.5;
        }
        return d;
    }

    /**
     * Whether p's or q's tail is algebraic, on the left (index 0) and on the right (index 1),
     * read off a pair at centred scales: in the caller's units a Gaussian of scale 10²⁰⁰ has
     * −1/(2σ²) = 0 in doubles and would look algebraic.
     */
    private static boolean[] algebraicTails(Density pc, Density qc) {
        return new boolean[] {algebraic(pc.tail(-1)) || algebraic(qc.tail(-1)),
            algebraic(pc.tail(1)) || algebraic(qc.tail(1))};
    }

    private static boolean algebraic(LogTail t) {
        return t != null && t.r2() == 0 && t.r1() == 0;
    }

    /**
     * The part of an algebraic tail beyond the last panel, at offset {@code end}: with
     * h ~ C·|y|^(−κ), κ from h at end/2 and end, the remainder is |end|·h(end)/(κ − 1); when the
     * decay looks no faster than 1/|y| it is taken as |end|·h(end)·1e3, a deliberately large
     * error.
     */
    private record Tail(Integrand f, double end) {
        double remainder() {
            double h1 = f.value(end);
            if (h1 == 0 || !Double.isFinite(h1)) {
                return 0.0;
            }
            double h2 = f.value(0.5 * end);
            double kappa = Math.log(h2 / h1) / Math.log(2);
            double mass = Math.abs(end) * h1;
            return kappa > 1.001 ? mass / (kappa - 1) : mass * 1e3;
        }
    }

    /**
     * Groups the bumps into clusters, each with its anchor, its shifted densities and its
     * points (bumps, b ± 2s, support ends and split points inside [lo, hi], as offsets).
     */
    private static List<Cluster> clusters(Density p, Density q, double[] split, double lo,
            double hi) {
        List<Bump> all = bumps(p, q);
        all.sort(Comparator.comparingDouble(Bump::location));
        // a bump joins the current group when the two reach each other within CLUSTER scales
        List<List<Bump>> groups = new ArrayList<>();
        double reach = Double.NEGATIVE_INFINITY;
        for (Bump b : all) {
            if (groups.isEmpty() || b.location() - CLUSTER * b.scale() > reach) {
                groups.add(new ArrayList<>());
                reach = Double.NEGATIVE_INFINITY;
            }
            groups.get(groups.size() - 1).add(b);
            reach = Math.max(reach, b.location() + CLUSTER * b.scale());
        }
        List<Cluster> out = new ArrayList<>();
        double[] bounds = new double[groups.size() + 1];
        bounds[0] = lo;
        for (int i = 1; i < groups.size(); i++) {
            List<Bump> left = groups.get(i - 1);
            List<Bump> right = groups.get(i);
            double l = left.get(left.size() - 1).location();
            double r = right.get(0).location();
            bounds[i] = 0.5 * l + 0.5 * r;
        }
        bounds[groups.size()] = hi;
        for (int i = 0; i < groups.size(); i++) {
            out.add(cluster(p, q, groups.get(i), split, Math.max(lo, bounds[i]),
                    Math.min(hi, bounds[i + 1]), i == 0, i == groups.size() - 1));
        }
        return out;
    }

    private static Cluster cluster(Density p, Density q, List<Bump> group, double[] split,
            double from, double to, boolean first, boolean last) {
        Bump narrowest = group.get(0);
        boolean far = false;
        for (Bump b : group) {
            if (b.scale() < narrowest.scale()) {
                narrowest = b;
            }
            far |= Math.abs(b.location()) > ANCHOR * b.scale();
        }
        double anchor = far ? narrowest.location() : 0.0;
        Density pc = anchor == 0 ? p : p.affine(anchor, 1);
        Density qc = anchor == 0 ? q : q.affine(anchor, 1);
        double[] locations = new double[group.size()];
        double[] scales = new double[group.size()];
        double[] pts = new double[3 * group.size() + split.length + 4];
        int n = 0;
        for (int i = 0; i < group.size(); i++) {
            Bump b = group.get(i);
            double y = b.location() - anchor;
            double s = SPREAD * b.scale();
            locations[i] = y;
            scales[i] = b.scale();
            pts[n++] = y - s;
            pts[n++] = y;
            pts[n++] = y + s;
        }
        for (double x : split) {
            if (x > from && x < to) {
                pts[n++] = x - anchor;
            }
        }
        // the cluster's share of the support: its ends where the support ends inside it
        double yFrom = from - anchor;
        double yTo = to - anchor;
        double[] kept = new double[n + 2];
        int m = 0;
        if (first && Double.isFinite(from)) {
            kept[m++] = yFrom;
        }
        for (int i = 0; i < n; i++) {
            if (pts[i] > yFrom && pts[i] < yTo && Double.isFinite(pts[i])) {
                kept[m++] = pts[i];
            }
        }
        if (last && Double.isFinite(to)) {
            kept[m++] = yTo;
        }
        double[] sorted = sortedDistinct(kept, m);
        if (sorted.length == 0) {
            sorted = new double[] {0.5 * yFrom + 0.5 * yTo};
        }
        return new Cluster(anchor, pc, qc, locations, scales, sorted);
    }

    /**
     * Scan grid for crossings: around every bump and breakpoint, at every bump's scale and
     * both density scales.
     */
    static double[] scanGrid(Density p, Density q) {
        List<Bump> all = bumps(p, q);
        double[] scales = new double[all.size() + 2];
        int n = 0;
        for (Bump b : all) {
            scales[n++] = b.scale();
        }
        scales[n++] = Math.min(p.scale(), Double.MAX_VALUE);
        scales[n++] = Math.min(q.scale(), Double.MAX_VALUE);
        scales = Arrays.stream(scales).distinct().toArray();
        double[] grid = Crossings.grid(union(p.breakpoints(), q.breakpoints()), scales);
        return Arrays.stream(grid).filter(Double::isFinite).toArray();
    }

    private static double[] union(double[] a, double[] b) {
        double[] u = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, u, a.length, b.length);
        return sortedDistinct(u, u.length);
    }

    /**
     * The first n values of a, sorted ascending without repeats (−0 and +0 count as one); a
     * is reordered. A plain loop: this runs on every exact divergence, where a stream's set-up
     * costs more than the sorting.
     */
    private static double[] sortedDistinct(double[] a, int n) {
        Arrays.sort(a, 0, n);
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (m == 0 || a[i] != a[m - 1]) {
                a[m++] = a[i];
            }
        }
        return Arrays.copyOf(a, m);
    }
}
