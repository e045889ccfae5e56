package org.fganlab.estimate;

import java.util.Arrays;

/**
 * A k-d tree over n points in R^d (Bentley 1975; Friedman, Bentley &amp; Finkel 1977) answering
 * "the k-th smallest positive Euclidean distance from x to the points" in O(log n) expected time
 * for small d. Points at distance exactly 0 from x (x itself, or duplicates of it) are not
 * neighbours: they are counted and skipped, which is the tie policy of {@link KnnKl}.
 *
 * <p>Built once, immutable, safe to query from several threads, each with its own
 * {@link Query}. The tree copies the points in tree order (cache locality) and splits each node
 * at the median of its widest coordinate down to leaves of at most {@value #LEAF} points.
 * A distance is computed as √(Σ_k (x_k − y_k)²), summed over k in increasing order, so
 * it is bit-identical to SciPy's {@code cKDTree} with p = 2.
 */
public final class KdTree {

    private static final int LEAF = 16;

    private final int n;
    private final int d;
    /** Points in tree order, row-major. */
    private final double[] pts;
    /** Node arrays: node i covers pts rows [from[i], to[i]); split = −1 marks a leaf. */
    private final int[] from;
    private final int[] to;
    private final int[] splitDim;
    private final double[] splitValue;
    private final int[] left;
    private final int[] right;
    private int nodes;

    /**
     * @param points the points (not modified)
     * @throws IllegalArgumentException if points is null
     */
    public KdTree(Samples points) {
        if (points == null) {
            throw new IllegalArgumentException("points must not be null");
        }
        this.n = points.size();
        this.d = points.dimension();
        double[] src = points.raw();
        int[] order = new int[n];
        Arrays.setAll(order, i -> i);
        // Leaves hold at least LEAF/2 points (median splits of nodes above LEAF), so there are at
        // most n/8 + 1 leaves and 2·leaves − 1 nodes; n/2 + 16 is a safe allocation.
        int maxNodes = n / 2 + 16;
        from = new int[maxNodes];
        to = new int[maxNodes];
        splitDim = new int[maxNodes];
        splitValue = new double[maxNodes];
        left = new int[maxNodes];
        right = new int[maxNodes];
        build(src, order, 0, n);
        pts = new double[n * d];
        for (int r = 0; r < n; r++) {
            System.arraycopy(src, order[r] * d, pts, r * d, d);
        }
    }

    /** The number of points n. */
    public int size() {
        return n;
    }

    /** The dimension d. */
    public int dimension() {
        return d;
    }

    private int build(double[] src, int[] order, int lo, int hi) {
        int node = nodes++;
        from[node] = lo;
        to[node] = hi;
        splitDim[node] = -1;
        if (hi - lo <= LEAF) {
            return node;
        }
        int best = 0;
        double bestSpread = -1;
        for (int k = 0; k < d; k++) {
            double mn = Double.POSITIVE_INFINITY;
            double mx = Double.NEGATIVE_INFINITY;
            for (int r = lo; r < hi; r++) {
                double v = src[order[r] * d + k];
                mn = Math.min(mn, v);
                mx = Math.max(mx, v);
            }
            if (mx - mn > bestSpread) {
                bestSpread = mx - mn;
                best = k;
            }
        }
        if (bestSpread == 0) {
            return node; // all points coincide: a leaf of any size
        }
        int mid = (lo + hi) >>> 1;
        select(src, order, lo, hi - 1, mid, best);
        splitDim[node] = best;
        splitValue[node] = src[order[mid] * d + best];
        left[node] = build(src, order, lo, mid);
        right[node] = build(src, order, mid, hi);
        return node;
    }

    /** Hoare quickselect: order[lo..hi] rearranged so that position m holds its rank-m point by coordinate k. */
    private void select(double[] src, int[] order, int lo, int hi, int m, int k) {
        while (hi > lo) {
            double pivot = src[order[(lo + hi) >>> 1] * d + k];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (src[order[i] * d + k] < pivot) {
                    i++;
                }
                while (src[order[j] * d + k] > pivot) {
                    j--;
                }
                if (i <= j) {
                    int t = order[i];
                    order[i] = order[j];
                    order[j] = t;
                    i++;
                    j--;
                }
            }
            if (m <= j) {
                hi = j;
            } else if (m >= i) {
                lo = i;
            } else {
                return;
            }
        }
    }

    /** Per-thread search state: a max-heap of the k smallest positive squared distances. */
    public final class Query {
        private final double[] heap;
        private int size;
        private int k;
        private int zeros;

        /** @param maxK the largest k this query will serve, ≥ 1 */
        public Query(int maxK) {
            if (maxK < 1) {
                throw new IllegalArgumentException("maxK must be >= 1, got " + maxK);
            }
            heap = new double[maxK];
        }

        /**
         * The k-th smallest positive distance from x to the tree's points, or +∞ if fewer than
         * k points lie at a positive distance; {@link #zeros()} then holds the number of points
         * at distance 0 from x.
         *
         * @param x the query point's coordinates at {@code x[offset] … x[offset + d − 1]} (not
         *     modified)
         * @param offset start of the query point in x
         * @param k the neighbour rank, in [1, maxK]
         * @return the distance, in units of x
         * @throws IllegalArgumentException if k is outside [1, maxK]
         */
        public double kthPositiveDistance(double[] x, int offset, int k) {
            if (k < 1 || k > heap.length) {
                throw new IllegalArgumentException("k must be in [1, " + heap.length + "], got " + k);
            }
            this.k = k;
            size = 0;
            zeros = 0;
            search(0, x, offset);
            return size < k ? Double.POSITIVE_INFINITY : Math.sqrt(heap[0]);
        }

        /** The number of points at distance exactly 0 in the last query. */
        public int zeros() {
            return zeros;
        }

        private double bound() {
            return size < k ? Double.POSITIVE_INFINITY : heap[0];
        }

        private void search(int node, double[] x, int off) {
            int sd = splitDim[node];
            if (sd < 0) {
                for (int r = from[node]; r < to[node]; r++) {
                    double s = 0;
                    int base = r * d;
                    for (int j = 0; j < d; j++) {
                        double t = x[off + j] - pts[base + j];
                        s += t * t;
                    }
                    if (s == 0) {
                        zeros++;
                    } else if (s < bound()) {
                        push(s);
                    }
                }
                return;
            }
            double diff = x[off + sd] - splitValue[node];
            int near = diff < 0 ? left[node] : right[node];
            int far = diff < 0 ? right[node] : left[node];
            search(near, x, off);
            // ≤, not <: points on the far side at the same distance as the bound, and points
            // at distance 0 (which must be counted), may lie exactly on the splitting plane.
            if (diff * diff <= bound() || diff == 0) {
                search(far, x, off);
            }
        }

        private void push(double s) {
            if (size < k) {
                int i = size++;
                heap[i] = s;
                while (i > 0) {
                    int p = (i - 1) >>> 1;
                    if (heap[p] >= heap[i]) {
                        break;
                    }
                    double t = heap[p];
                    heap[p] = heap[i];
                    heap[i] = t;
                    i = p;
                }
                return;
            }
            heap[0] = s;
            int i = 0;
            while (true) {
                int l = 2 * i + 1;
                if (l >= k) {
                    break;
                }
                int c = l + 1 < k && heap[l + 1] > heap[l] ? l + 1 : l;
                if (heap[c] <= heap[i]) {
                    break;
                }
                double t = heap[c];
                heap[c] = heap[i];
                heap[i] = t;
                i = c;
            }
        }
    }
}
