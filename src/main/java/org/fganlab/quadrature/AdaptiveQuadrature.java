package org.fganlab.quadrature;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.fganlab.quadrature.QuadratureResult.Status;
import org.fganlab.quadrature.Segment.Map;

/**
 * Globally adaptive Gauss–Kronrod quadrature (QUADPACK QAGP with the QK21 rule; Piessens,
 * de Doncker-Kapenga, Überhuber &amp; Kahaner, "QUADPACK", Springer 1983, §2.2 and §4.2).
 *
 * <p>The interval [points[0], points[n−1]] is split at the given breakpoints into panels; each
 * panel is integrated with the 21-point Kronrod rule and its embedded 10-point Gauss rule, whose
 * difference gives QUADPACK's error estimate. The panel with the largest estimate is bisected
 * until the summed estimate meets {@link QuadratureSettings} or every panel is at its round-off
 * floor: QUADPACK's 50·ε·∫|f| per panel, or the integrand's own rounding noise, detected when
 * bisections stop reducing a panel's estimate (see {@code bisect}). It also stops when
 * the floor-limited panels alone exceed the goal and the others hold less error than they do
 * (more work could at most halve the estimate); the reported estimate is then honest, not the
 * goal. An unbounded end panel [a, ∞) is mapped to t ∈ [0, 1) by x = a + s·t/(1 − t) (and
 * (−∞, b] by x = b − s·t/(1 − t)), s the tail scale, so that no truncation is made; Kronrod
 * nodes never touch t = 1. {@link #integrate(List)} takes the domain as {@link Segment}s
 * instead, each with its own integrand and change of variables (also a log map
 * x = origin ± s·(eᵗ − 1) for wide gaps and algebraic tails).
 *
 * <p>When the budget runs out, or rounding stops the estimate above the goal, the result is
 * returned with status {@link Status#NOT_CONVERGED} and the error estimate reached; the caller
 * decides what that means. Edge cases are values: an integrand value of +∞ (−∞) anywhere makes the integral +∞ (−∞)
 * with error 0, so disjoint-support divergences come out as +∞ rather than as a large finite
 * number. Integrands must not mix +∞ and −∞.
 *
 * <p>Instances are immutable and thread-safe; each call allocates its own small work arrays.
 */
public final class AdaptiveQuadrature {

    private static final double EPS = Math.ulp(1.0);
    private static final double UFLOW = Double.MIN_NORMAL;

    /** Kronrod abscissae on [−1, 1], descending; odd indices are the 10 Gauss nodes. */
    private static final double[] XGK = {
        0.995657163025808080735527280689003,
        0.973906528517171720077964012084452,
        0.930157491355708226001207180059508,
        0.865063366688984510732096688423493,
        0.780817726586416897063717578345042,
        0.679409568299024406234327365114874,
        0.562757134668604683339000099272694,
        0.433395394129247190799265943165784,
        0.294392862701460198131126603103866,
        0.148874338981631210884826001129720,
        0.0,
    };
    /** Kronrod weights for XGK. */
    private static final double[] WGK = {
        0.011694638867371874278064396062192,
        0.032558162307964727478818972459390,
        0.054755896574351996031381300244580,
        0.075039674810919952767043140916190,
        0.093125454583697605535065465083366,
        0.109387158802297641899210590325805,
        0.123491976262065851077208292280762,
        0.134709217311473325928054001771707,
        0.142775938577060080797094273138717,
        0.147739104901338491374841515972068,
        0.149445554002916905664936468389821,
    };
    /** Gauss weights for XGK[1], XGK[3], …, XGK[9]. */
    private static final double[] WG = {
        0.066671344308688137593568809893332,
        0.149451349150580593145776339657697,
        0.219086362515982043995534934228163,
        0.269266719309996355091226921569469,
        0.295524224714752870173892994651338,
    };

    /** Points of the 21-point Kronrod rule. */
    private static final int NODES = 21;

    /** Initial panels of a mapped tail, in t. */
    private static final double[] TAIL_SPLIT = {0.0, 0.5, 0.75, 0.875, 1.0};

    private final QuadratureSettings settings;

    /** An integrator with {@link QuadratureSettings#DEFAULT}. */
    public AdaptiveQuadrature() {
        this(QuadratureSettings.DEFAULT);
    }

    /**
     * @param settings accuracy goals and budget (not null)
     */
    public AdaptiveQuadrature(QuadratureSettings settings) {
        if (settings == null) {
            throw new IllegalArgumentException("settings must not be null");
        }
        this.settings = settings;
    }

    /** The settings of this integrator. */
    public QuadratureSettings settings() {
        return settings;
    }

    /**
     * ∫_a^b f(x) dx with no interior breakpoints and tail scale 1.
     *
     * @see #integrate(DoubleUnaryOperator, double[], double)
     */
    public QuadratureResult integrate(DoubleUnaryOperator f, double a, double b) {
        return integrate(f, new double[] {a, b}, 1.0);
    }

    /**
     * ∫ f(x) dx over [points[0], points[n−1]], split at every interior point.
     *
     * @param f the integrand; must not return NaN on the open interval
     * @param points breakpoints, non-decreasing (equal neighbours are merged), length ≥ 2;
     *     points[0] may be −∞ and points[n−1] may be +∞, interior points must be finite; not
     *     modified
     * @param tailScale the length scale s of the tail substitution x = a ± s·t/(1 − t), finite
     *     and &gt; 0; the typical width of the integrand's tail (e.g. the largest density scale)
     * @return value, summed error estimate and evaluation count; ±∞ if f returned ±∞
     * @throws IllegalArgumentException if points are not as described or tailScale is invalid
     * @throws IllegalStateException if f returns NaN (the message names x) or the evaluation
     *     budget runs out before the tolerance is met (the message gives the estimate reached)
     */
    public QuadratureResult integrate(DoubleUnaryOperator f, double[] points, double tailScale) {
        return integrate(f == null ? null : Integrand.of(f), points, tailScale);
    }

    /**
     * {@link #integrate(DoubleUnaryOperator, double[], double)} for a batch integrand.
     */
    public QuadratureResult integrate(Integrand f, double[] points, double tailScale) {
        double[] pts = checkedPoints(points);
        if (!(tailScale > 0) || Double.isInfinite(tailScale)) {
            throw new IllegalArgumentException("tailScale must be finite and > 0, got " + tailScale);
        }
        if (pts.length == 2 && pts[0] == Double.NEGATIVE_INFINITY
                && pts[1] == Double.POSITIVE_INFINITY) {
            pts = new double[] {Double.NEGATIVE_INFINITY, 0.0, Double.POSITIVE_INFINITY};
        }
        List<Segment> segments = new ArrayList<>();
        for (int i = 0; i + 1 < pts.length; i++) {
            double a = pts[i];
            double b = pts[i + 1];
            if (a == b) {
                continue;
            }
            if (a == Double.NEGATIVE_INFINITY) {
                addTail(segments, f, Map.LEFT_TAIL, b, tailScale);
            } else if (b == Double.POSITIVE_INFINITY) {
                addTail(segments, f, Map.RIGHT_TAIL, a, tailScale);
            } else {
                segments.add(Segment.linear(f, a, b));
            }
        }
        return integrate(segments);
    }

    /**
     * ∫ over the union of the segments, each integrated in its own variable.
     *
     * @param segments the pieces of the domain, in any order (not modified); at least one
     * @return value, summed error estimate, evaluation count and status; ±∞ with status
     *     {@link Status#INFINITE} if an integrand returned ±∞
     * @throws IllegalArgumentException if segments is null or empty
     * @throws IllegalStateException if an integrand returns NaN (the message names the point)
     */
    public QuadratureResult integrate(List<Segment> segments) {
        if (segments == null || segments.isEmpty()) {
            throw new IllegalArgumentException("need at least one segment");
        }
        Work w = new Work(segments.toArray(new Segment[0]), 8 + 4 * segments.size());
        for (int k = 0; k < w.segments.length; k++) {
            Segment seg = w.segments[k];
            if (seg.lo() == seg.hi()) {
                continue;
            }
            w.addPanel(k, seg.lo(), seg.hi());
            if (w.infiniteSign != 0) {
                return QuadratureResult.infinite(w.infiniteSign, w.evaluations);
            }
        }
        return refine(w);
    }

    /**
     * Appends a light tail from {@code origin} to ±∞ ({@code map} RIGHT_TAIL or LEFT_TAIL) as the
     * panels t ∈ [0, ½, ¾, ⅞, 1] (x − a = s·{0, 1, 3, 7, ∞}): the split that adaptive bisection
     * reaches anyway for light tails, without paying for the parents' rules.
     */
    public static void addTail(List<Segment> segments, Integrand f, Map map,
            double origin, double scale) {
        for (int i = 0; i < TAIL_SPLIT.length - 1; i++) {
            segments.add(new Segment(f, map, origin, scale, TAIL_SPLIT[i], TAIL_SPLIT[i + 1]));
        }
    }

    private QuadratureResult refine(Work w) {
        while (true) {
            double total = w.total();
            double totalError = w.totalError();
            double goal = Math.max(settings.absoluteTolerance(),
                    settings.relativeTolerance() * Math.abs(total));
            if (totalError <= goal) {
                return new QuadratureResult(total, totalError, w.evaluations, Status.CONVERGED);
            }
            int worst = w.worstRefinablePanel();
            double floorError = w.floorLimitedError();
            if (worst < 0 || (floorError > goal && totalError - floorError < floorError)) {
                // the round-off floor alone misses the goal and refining the rest could at most
                // halve the estimate: the result is as good as doubles allow, short of the goal
                return new QuadratureResult(total, totalError, w.evaluations,
                        Status.NOT_CONVERGED);
            }
            if (w.evaluations + 42 > settings.maxEvaluations()) {
                return new QuadratureResult(total, totalError, w.evaluations,
                        Status.NOT_CONVERGED);
            }
            w.bisect(worst);
            if (w.infiniteSign != 0) {
                return QuadratureResult.infinite(w.infiniteSign, w.evaluations);
            }
        }
    }

    private static double[] checkedPoints(double[] points) {
        if (points == null || points.length < 2) {
            throw new IllegalArgumentException("points must hold at least 2 values, got "
                    + (points == null ? "null" : Arrays.toString(points)));
        }
        int n = points.length;
        for (int i = 0; i < n; i++) {
            double x = points[i];
            boolean endOk = (i == 0 && x == Double.NEGATIVE_INFINITY)
                    || (i == n - 1 && x == Double.POSITIVE_INFINITY);
            if (!Double.isFinite(x) && !endOk) {
                throw new IllegalArgumentException("points[" + i + "] = " + x
                        + " is not allowed: interior points must be finite, only the first may be"
                        + " -Infinity and only the last +Infinity");
            }
            if (i > 0 && !(x >= points[i - 1])) {
                throw new IllegalArgumentException("points must be non-decreasing, but points["
                        + i + "] = " + x + " < points[" + (i - 1) + "] = " + points[i - 1]);
            }
        }
        return points.clone();
    }

    /** Per-call state: the panel list and the evaluation counter. */
    private static final class Work {
        final Segment[] segments;
        /** log of each segment's scale, for the log maps. */
        final double[] logScale;
        int[] seg;
        double[] lo;
        double[] hi;
        double[] result;
        double[] error;
        double[] floor;
        int[] stalls;
        /** Whether the panel's estimate is saturated (the rule does not resolve f there). */
        boolean[] unresolved;
        int size;
        int evaluations;
        int infiniteSign;
        /** A panel's nodes in t, their points x and Jacobians, and the values there. */
        final double[] t = new double[NODES];
        final double[] x = new double[NODES];
        final double[] jacobian = new double[NODES];
        final double[] fs = new double[NODES];
        // outputs of the last rule application
        double ruleResult;
        double ruleError;
        double ruleFloor;
        boolean ruleUnresolved;

        Work(Segment[] segments, int capacity) {
            this.segments = segments;
            logScale = new double[segments.length];
            for (int k = 0; k < segments.length; k++) {
                logScale[k] = Math.log(segments[k].scale());
            }
            seg = new int[capacity];
            lo = new double[capacity];
            hi = new double[capacity];
            result = new double[capacity];
            error = new double[capacity];
            floor = new double[capacity];
            stalls = new int[capacity];
            unresolved = new boolean[capacity];
        }

        void addPanel(int k, double a, double b) {
            applyRule(k, a, b);
            store(size++, k, a, b);
        }

        void store(int i, int k, double a, double b) {
            if (i >= seg.length) {
                int c = 2 * seg.length;
                seg = Arrays.copyOf(seg, c);
                lo = Arrays.copyOf(lo, c);
                hi = Arrays.copyOf(hi, c);
                result = Arrays.copyOf(result, c);
                error = Arrays.copyOf(error, c);
                floor = Arrays.copyOf(floor, c);
                stalls = Arrays.copyOf(stalls, c);
                unresolved = Arrays.copyOf(unresolved, c);
            }
            seg[i] = k;
            lo[i] = a;
            hi[i] = b;
            result[i] = ruleResult;
            error[i] = ruleError;
            floor[i] = ruleFloor;
            stalls[i] = 0;
            unresolved[i] = ruleUnresolved;
        }

        void bisect(int i) {
            int k = seg[i];
            double a = lo[i];
            double b = hi[i];
            double m = 0.5 * (a + b);
            double oldResult = result[i];
            double oldError = error[i];
            double oldFloor = floor[i];
            int oldStalls = stalls[i];
            boolean oldUnresolved = unresolved[i];
            applyRule(k, a, m);
            if (infiniteSign != 0) {
                return;
            }
            store(i, k, a, m);
            applyRule(k, m, b);
            int j = size++;
            store(j, k, m, b);
            // Round-off detection (after QUADPACK's iroff tests): a bisection that did not reduce
            // the estimate and moved the value by less than it is a stall. The integrand's own
            // rounding noise (e.g. ½|p − q| for p and q equal to 1e-9 relative) stalls every
            // time, an unresolved feature only until it is resolved: halves are frozen at once
            // when the estimate is within 1e4 round-off floors, otherwise after three stalls in
            // a row. Frozen estimates stay in the reported total.
            // A saturated estimate (the rule far from resolving f, e.g. eᵗ over a long log-mapped
            // panel) shrinks slowly at first without being noise: never a stall.
            boolean stall = !oldUnresolved && error[i] + error[j] >= 0.99 * oldError
                    && Math.abs(result[i] + result[j] - oldResult) <= oldError;
            int run = stall ? oldStalls + 1 : 0;
            stalls[i] = run;
            stalls[j] = run;
            if (stall && (oldError <= 1e4 * oldFloor || run >= 3)) {
                floor[i] = Math.max(floor[i], error[i]);
                floor[j] = Math.max(floor[j], error[j]);
            }
        }

        int worstRefinablePanel() {
            int worst = -1;
            double worstError = -1;
            for (int i = 0; i < size; i++) {
                double e = error[i];
                if (e > floor[i] && e > worstError) {
                    double m = 0.5 * (lo[i] + hi[i]);
                    if (m > lo[i] && m < hi[i]) {
                        worst = i;
                        worstError = e;
                    }
                }
            }
            return worst;
        }

        /** Summed estimate of the panels that are at their round-off floor. */
        double floorLimitedError() {
            double s = 0;
            for (int i = 0; i < size; i++) {
                if (error[i] <= floor[i]) {
                    s += error[i];
                }
            }
            return s;
        }

        /** Neumaier-compensated sum of the panel results. */
        double total() {
            double s = 0;
            double c = 0;
            for (int i = 0; i < size; i++) {
                double x = result[i];
                double t = s + x;
                c += Math.abs(s) >= Math.abs(x) ? (s - t) + x : (x - t) + s;
                s = t;
            }
            return s + c;
        }

        double totalError() {
            double s = 0;
            for (int i = 0; i < size; i++) {
                s += error[i];
            }
            return s;
        }

        /**
         * The integrand at the panel nodes {@code t}, times the Jacobian of segment k's map,
         * into {@link #fs}; one batch call for the whole panel.
         */
        private void evaluate(int k) {
            Segment sg = segments[k];
            Map map = sg.map();
            int n = NODES;
            if (map == Map.LINEAR) {
                sg.f().values(t, fs, n);
                evaluations += n;
                check(t);
                return;
            }
            double s = sg.scale();
            double o = sg.origin();
            if (map == Map.RIGHT_TAIL || map == Map.LEFT_TAIL) {
                double side = map == Map.RIGHT_TAIL ? 1 : -1;
                for (int i = 0; i < n; i++) {
                    double inverse = 1.0 / (1.0 - t[i]);
                    double w = s * inverse;
                    x[i] = o + side * (w * t[i]);
                    jacobian[i] = w * inverse;
                }
            } else {
                double side = map == Map.RIGHT_LOG ? 1 : -1;
                double logS = logScale[k];
                for (int i = 0; i < n; i++) {
                    // s·eᵗ as one exponential so that it stays finite while the offset does
                    double j = Math.exp(t[i] + logS);
                    double offset = t[i] < 1 ? s * Math.expm1(t[i]) : j - s;
                    x[i] = o + side * offset;
                    jacobian[i] = j;
                }
            }
            sg.f().values(x, fs, n);
            evaluations += n;
            check(x);
            for (int i = 0; i < n; i++) {
                // 0 stays 0 where the Jacobian overflows at t → 1 (no 0·∞)
                fs[i] = fs[i] == 0.0 ? 0.0 : fs[i] * jacobian[i];
            }
        }

        private void check(double[] at) {
            for (int i = 0; i < NODES; i++) {
                double y = fs[i];
                if (Double.isNaN(y)) {
                    throw new IllegalStateException("integrand returned NaN at x = " + at[i]);
                }
                if (Double.isInfinite(y) && infiniteSign == 0) {
                    infiniteSign = y > 0 ? 1 : -1;
                }
            }
        }

        /** QUADPACK QK21 on [a, b] of the panel variable; sets ruleResult/Error/Floor. */
        void applyRule(int k, double a, double b) {
            double centr = 0.5 * (a + b);
            double hlgth = 0.5 * (b - a);
            double dhlgth = Math.abs(hlgth);
            // nodes: the centre, then centr ∓ hlgth·XGK[j] at 1 + j and 11 + j
            t[0] = centr;
            for (int j = 0; j < 10; j++) {
                double absc = hlgth * XGK[j];
                t[1 + j] = centr - absc;
                t[11 + j] = centr + absc;
            }
            evaluate(k);
            if (infiniteSign != 0) {
                return;
            }
            double resg = 0.0;
            double fc = fs[0];
            double resk = WGK[10] * fc;
            double resabs = Math.abs(resk);
            for (int j = 0; j < 5; j++) {
                int jtw = 2 * j + 1;
                double f1 = fs[1 + jtw];
                double f2 = fs[11 + jtw];
                double fsum = f1 + f2;
                resg += WG[j] * fsum;
                resk += WGK[jtw] * fsum;
                resabs += WGK[jtw] * (Math.abs(f1) + Math.abs(f2));
            }
            for (int j = 0; j < 5; j++) {
                int jtwm1 = 2 * j;
                double f1 = fs[1 + jtwm1];
                double f2 = fs[11 + jtwm1];
                double fsum = f1 + f2;
                resk += WGK[jtwm1] * fsum;
                resabs += WGK[jtwm1] * (Math.abs(f1) + Math.abs(f2));
            }
            double reskh = resk * 0.5;
            double resasc = WGK[10] * Math.abs(fc - reskh);
            for (int j = 0; j < 10; j++) {
                resasc += WGK[j] * (Math.abs(fs[1 + j] - reskh) + Math.abs(fs[11 + j] - reskh));
            }
            double result = resk * hlgth;
            resabs *= dhlgth;
            resasc *= dhlgth;
            double abserr = Math.abs((resk - resg) * hlgth);
            boolean saturated = false;
            if (resasc != 0.0 && abserr != 0.0) {
                saturated = 200.0 * abserr >= resasc;
                double r = 200.0 * abserr / resasc;
                abserr = resasc * Math.min(1.0, r * Math.sqrt(r)); // QUADPACK's r^1.5
            }
            double fl = 50.0 * EPS * resabs;
            if (resabs > UFLOW / (50.0 * EPS)) {
                abserr = Math.max(fl, abserr);
            }
            ruleResult = result;
            ruleError = abserr;
            ruleFloor = fl;
            ruleUnresolved = saturated;
        }
    }
}
