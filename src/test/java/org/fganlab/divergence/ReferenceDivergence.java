package org.fganlab.divergence;

import static org.fganlab.divergence.HighPrecision.exp;
import static org.fganlab.divergence.HighPrecision.expm1;
import static org.fganlab.divergence.HighPrecision.ln2;
import static org.fganlab.divergence.HighPrecision.log;
import static org.fganlab.divergence.HighPrecision.log1p;
import static org.fganlab.divergence.HighPrecision.softplus;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * High-precision reference of every piece of an f-divergence's objective, written from the
 * table of each class (f-GAN Tables 1 and 6) in {@link BigDecimal} ({@link HighPrecision}), with
 * no code shared with the double implementations. Every derivative is written out too, and the
 * tests check each against central differences of its function at moderate arguments.
 */
abstract class ReferenceDivergence {

    static final BigDecimal TWO = BigDecimal.valueOf(2);
    static final BigDecimal HALF = new BigDecimal("0.5");

    /** A density ratio u with its log L and u − 1, each exact or to the working precision. */
    record Ratio(BigDecimal u, BigDecimal logU, BigDecimal uMinusOne) {
        static Ratio ofLog(BigDecimal logU, MathContext mc) {
            return new Ratio(exp(logU, mc), logU, expm1(logU, mc));
        }

        static Ratio of(BigDecimal u, MathContext mc) {
            return new Ratio(u, log(u, mc), u.subtract(BigDecimal.ONE));
        }
    }

    /** f(u) for 0 &lt; u &lt; ∞. */
    abstract BigDecimal generator(Ratio r, MathContext mc);

    /** f'(u) for 0 &lt; u &lt; ∞ (the table's column; cross-checked against differences of f by the tests). */
    abstract BigDecimal derivative(Ratio r, MathContext mc);

    /** f(1) (0 except GAN). */
    BigDecimal generatorAtOne(MathContext mc) {
        return BigDecimal.ZERO;
    }

    /** f'(1) (0 except KL, reverse KL, GAN). */
    BigDecimal slopeAtOne(MathContext mc) {
        return BigDecimal.ZERO;
    }

    /** f(0+), possibly ±∞. */
    abstract double valueAtZero();

    /** lim f(u)/u, possibly +∞. */
    abstract double slopeAtInfinity();

    /** f*(t), or null where t is outside dom f* (the value is then +∞). */
    abstract BigDecimal conjugate(BigDecimal t, MathContext mc);

    /** g_f(v). */
    abstract BigDecimal activation(BigDecimal v, MathContext mc);

    /** g_f'(v) (cross-checked against differences of g_f by the tests). */
    abstract BigDecimal activationDerivative(BigDecimal v, MathContext mc);

    /** (f*∘g_f)'(v) (cross-checked against differences of f*∘g_f by the tests). */
    abstract BigDecimal conjugateOfActivationDerivative(BigDecimal v, MathContext mc);

    /** f*(g_f(v)), simplified by hand (cross-checked against conjugate(activation(v)) by the tests). */
    abstract BigDecimal conjugateOfActivation(BigDecimal v, MathContext mc);

    /** v* with g_f(v*) = f'(e^d) (cross-checked by the tests); null for TV (±∞). */
    abstract BigDecimal preactivation(BigDecimal d, MathContext mc);

    /** The reference of a registered divergence. */
    static ReferenceDivergence of(FDivergence f) {
        if (f instanceof AmariAlpha a) {
            return new Alpha(a.alpha());
        }
        String name = f.name();
        switch (name) {
            case "tv": return new Tv();
            case "kl": return new Kl();
            case "reverse-kl": return new ReverseKl();
            case "pearson": return new Pearson();
            case "neyman": return new Neyman();
            case "hellinger": return new Hellinger();
            case "jeffrey": return new JeffreyRef();
            case "js": return new Js();
            case "gan": return new Gan();
            default: throw new IllegalArgumentException("no reference for " + name);
        }
    }

    /** g_f the identity (KL, Pearson, Jeffrey): f*∘g_f = f*, g_f' = 1. */
    abstract static class IdentityActivation extends ReferenceDivergence {
        BigDecimal activation(BigDecimal v, MathContext mc) {
            return v;
        }

        BigDecimal conjugateOfActivation(BigDecimal v, MathContext mc) {
            return conjugate(v, mc);
        }

        BigDecimal activationDerivative(BigDecimal v, MathContext mc) {
            return BigDecimal.ONE;
        }
    }

    static final class Tv extends ReferenceDivergence {
        BigDecimal generator(Ratio r, MathContext mc) {
            return r.uMinusOne().abs().multiply(HALF, mc);
        }

        BigDecimal derivative(Ratio r, MathContext mc) {
            return BigDecimal.valueOf(r.uMinusOne().signum()).multiply(HALF);
        }

        double valueAtZero() {
            return 0.5;
        }

        double slopeAtInfinity() {
            return 0.5;
        }

        BigDecimal conjugate(BigDecimal t, MathContext mc) {
            return t.abs().compareTo(HALF) <= 0 ? t : null;
        }

        BigDecimal activation(BigDecimal v, MathContext mc) {
            return HighPrecision.tanh(v, mc).multiply(HALF, mc);
        }

        BigDecimal conjugateOfActivation(BigDecimal v, MathContext mc) {
            return activation(v, mc);
        }

        BigDecimal activationDerivative(BigDecimal v, MathContext mc) {
            // ½ sech² v = 2e^(−2|v|)/(1 + e^(−2|v|))²
            BigDecimal e = exp(v.abs().multiply(TWO).negate(), mc);
            BigDecimal onePlus = BigDecimal.ONE.add(e);
            return e.multiply(TWO).divide(onePlus.multiply(onePlus), mc);
        }

        BigDecimal conjugateOfActivationDerivative(BigDecimal v, MathContext mc) {
            // ½ sech² v = 2e^(−2|v|)/(1 + e^(−2|v|))²
            BigDecimal e = exp(v.abs().multiply(TWO).negate(), mc);
            BigDecimal onePlus = BigDecimal.ONE.add(e);
            return e.multiply(TWO).divide(onePlus.multiply(onePlus), mc);
        }

        BigDecimal preactivation(BigDecimal d, MathContext mc) {
            return null;
        }
    }

    static final class Kl extends IdentityActivation {
        BigDecimal generator(Ratio r, MathContext mc) {
            return r.u().multiply(r.logU(), mc);
        }

        BigDecimal derivative(Ratio r, MathContext mc) {
            return BigDecimal.ONE.add(r.logU(), mc);
        }

        BigDecimal slopeAtOne(MathContext mc) {
            return BigDecimal.ONE;
        }

        double valueAtZero() {
            return 0;
        }

        double slopeAtInfinity() {
            return Double.POSITIVE_INFINITY;
        }

        BigDecimal conjugate(BigDecimal t, MathContext mc) {
            return exp(t.subtract(BigDecimal.ONE), mc);
        }

        BigDecimal conjugateOfActivationDerivative(BigDecimal v, MathContext mc) {
            return exp(v.subtract(BigDecimal.ONE), mc);
        }

        BigDecimal preactivation(BigDecimal d, MathContext mc) {
            return d.add(BigDecimal.ONE, mc);
        }
    }

    static final class ReverseKl extends ReferenceDivergence {
        BigDecimal generator(Ratio r, MathContext mc) {
            return r.logU().negate(mc);
        }

        BigDecimal derivative(Ratio r, MathContext mc) {
            return BigDecimal.ONE.negate().divide(r.u(), mc);
        }

        BigDecimal slopeAtOne(MathContext mc) {
            return BigDecimal.ONE.negate();
        }

        double valueAtZero() {
            return Double.POSITIVE_INFINITY;
        }

        double slopeAtInfinity() {
            return 0;
        }

        BigDecimal conjugate(BigDecimal t, MathContext mc) {
            return t.signum() < 0 ? BigDecimal.ONE.negate().subtract(log(t.negate(), mc), mc) : null;
        }

        BigDecimal activation(BigDecimal v, MathContext mc) {
            return exp(v, mc).negate();
        }

        BigDecimal conjugateOfActivation(BigDecimal v, MathContext mc) {
            return BigDecimal.ONE.negate().subtract(v, mc);
        }

        BigDecimal activationDerivative(BigDecimal v, MathContext mc) {
            return exp(v, mc).negate();
        }

        BigDecimal conjugateOfActivationDerivative(BigDecimal v, MathContext mc) {
            return BigDecimal.ONE.negate();
        }

        BigDecimal preactivation(BigDecimal d, MathContext mc) {
            return d.negate();
        }
    }

    static final class Pearson extends IdentityActivation {
        BigDecimal generator(Ratio r, MathContext mc) {
            return r.uMinusOne().multiply(r.uMinusOne(), mc);
        }

        BigDecimal derivative(Ratio r, MathContext mc) {
            return r.uMinusOne().multiply(TWO, mc);
        }

        double valueAtZero() {
            return 1;
        }

        double slopeAtInfinity() {
            return Double.POSITIVE_INFINITY;
        }

        BigDecimal conjugate(BigDecimal t, MathContext mc) {
            if (t.compareTo(TWO.negate()) < 0) {
                return BigDecimal.ONE.negate();
            }
            return t.multiply(t).divide(BigDecimal.valueOf(4)).add(t, mc);
        }

        BigDecimal conjugateOfActivationDerivative(BigDecimal v, MathContext mc) {
            return v.compareTo(TWO.negate()) >= 0 ? v.multiply(HALF).add(BigDecimal.ONE) : BigDecimal.ZERO;
        }

        BigDecimal preactivation(BigDecimal d, MathContext mc) {
            return expm1(d, mc).multiply(TWO, mc);
        }
    }

    static final class Neyman extends ReferenceDivergence {
        BigDecimal generator(Ratio r, MathContext mc) {
            return r.uMinusOne().multiply(r.uMinusOne()).divide(r.u(), mc);
        }

        BigDecimal derivative(Ratio r, MathContext mc) {
            // 1 − 1/u² = (u − 1)(u + 1)/u²
            return r.uMinusOne().multiply(r.u().add(BigDecimal.ONE)).divide(r.u().multiply(r.u()), mc);
        }

        double valueAtZero() {
            return Double.POSITIVE_INFINITY;
        }

        double slopeAtInfinity() {
            return 1;
        }

        BigDecimal conjugate(BigDecimal t, MathContext mc) {
            if (t.compareTo(BigDecimal.ONE) >= 0) {
                return null;
            }
            // 2 − 2√(1 − t) = 2t/(1 + √(1 − t))
            return TWO.multiply(t).divide(BigDecimal.ONE.add(BigDecimal.ONE.subtract(t).sqrt(mc)), mc);
        }

        BigDecimal activation(BigDecimal v, MathContext mc) {
            return expm1(v, mc).negate();
        }

        BigDecimal conjugateOfActivation(BigDecimal v, MathContext mc) {
            return expm1(v.multiply(HALF), mc).multiply(TWO).negate(mc);
        }

        BigDecimal activationDerivative(BigDecimal v, MathContext mc) {
            return exp(v, mc).negate();
        }

        BigDecimal conjugateOfActivationDerivative(BigDecimal v, MathContext mc) {
            return exp(v.multiply(HALF), mc).negate();
        }

        BigDecimal preactivation(BigDecimal d, MathContext mc) {
            return d.multiply(TWO).negate();
        }
    }

    static final class Hellinger extends ReferenceDivergence {
        BigDecimal generator(Ratio r, MathContext mc) {
            // (√u − 1)² = (u − 1)²/(√u + 1)²
            BigDecimal s = r.uMinusOne().divide(r.u().sqrt(mc).add(BigDecimal.ONE), mc);
            return s.multiply(s, mc);
        }

        BigDecimal derivative(Ratio r, MathContext mc) {
            // 1 − 1/√u = (u − 1)/((√u + 1)√u)
            BigDecimal s = r.u().sqrt(mc);
            return r.uMinusOne().divide(s.add(BigDecimal.ONE).multiply(s), mc);
        }

        double valueAtZero() {
            return 1;
        }

        double slopeAtInfinity() {
            return 1;
        }

        BigDecimal conjugate(BigDecimal t, MathContext mc) {
            return t.compareTo(BigDecimal.ONE) < 0 ? t.divide(BigDecimal.ONE.subtract(t), mc) : null;
        }

        BigDecimal activation(BigDecimal v, MathContext mc) {
            return expm1(v, mc).negate();
        }

        BigDecimal conjugateOfActivation(BigDecimal v, MathContext mc) {
            return expm1(v.negate(), mc);
        }

        BigDecimal activationDerivative(BigDecimal v, MathContext mc) {
            return exp(v, mc).negate();
        }

        BigDecimal conjugateOfActivationDerivative(BigDecimal v, MathContext mc) {
            return exp(v.negate(), mc).negate();
        }

        BigDecimal preactivation(BigDecimal d, MathContext mc) {
            return d.multiply(HALF).negate();
        }
    }

    static final class JeffreyRef extends IdentityActivation {
        BigDecimal generator(Ratio r, MathContext mc) {
            return r.uMinusOne().multiply(r.logU(), mc);
        }

        BigDecimal derivative(Ratio r, MathContext mc) {
            // log u + 1 − 1/u
            return r.logU().add(r.uMinusOne().divide(r.u(), mc), mc);
        }

        double valueAtZero() {
            return Double.POSITIVE_INFINITY;
        }

        double slopeAtInfinity() {
            return Double.POSITIVE_INFINITY;
        }

        /** sup_u [ut − (u − 1) log u] at u = 1/w, w = W(e^(1−t)): 1/w + t − 2 + w. */
        BigDecimal conjugate(BigDecimal t, MathContext mc) {
            MathContext w = HighPrecision.digits(mc.getPrecision() + 10);
            BigDecimal[] wy = HighPrecision.lambertWOfExp(BigDecimal.ONE.subtract(t), w);
            BigDecimal ww = wy[0];
            return BigDecimal.ONE.divide(ww, w).add(t).subtract(TWO).add(ww, mc);
        }

        BigDecimal conjugateOfActivationDerivative(BigDecimal v, MathContext mc) {
            // u* = 1/W(e^(1 − v))
            return BigDecimal.ONE.divide(HighPrecision.lambertWOfExp(BigDecimal.ONE.subtract(v), mc)[0], mc);
        }

        BigDecimal preactivation(BigDecimal d, MathContext mc) {
            // f'(u) = log u + 1 − 1/u
            return d.subtract(expm1(d.negate(), mc), mc);
        }
    }

    static final class Js extends ReferenceDivergence {
        BigDecimal generator(Ratio r, MathContext mc) {
            // ½[u log u − (u + 1) log((u + 1)/2)], log((u + 1)/2) = log1p((u − 1)/2)
            BigDecimal a = r.u().multiply(r.logU(), mc);
            BigDecimal b = r.u().add(BigDecimal.ONE).multiply(log1p(r.uMinusOne().multiply(HALF), mc), mc);
            return a.subtract(b, mc).multiply(HALF);
        }

        BigDecimal derivative(Ratio r, MathContext mc) {
            // ½ log(2u/(u + 1)): ½ log1p((u − 1)/(u + 1)) near 1, ½(log 2 + log u − log1p u) for small u
            if (r.u().compareTo(HALF) < 0) {
                return ln2(mc).add(r.logU()).subtract(log1p(r.u(), mc)).multiply(HALF, mc);
            }
            return log1p(r.uMinusOne().divide(r.u().add(BigDecimal.ONE), mc), mc).multiply(HALF);
        }

        double valueAtZero() {
            return 0.5 * Math.log(2);
        }

        double slopeAtInfinity() {
            return 0.5 * Math.log(2);
        }

        BigDecimal conjugate(BigDecimal t, MathContext mc) {
            // −½ log(2 − e^(2t)) for t below the double nearest ½ log 2 (the class's documented
            // domain end; that double lies 1.5e−17 below the true end)
            if (t.doubleValue() >= 0.5 * Math.log(2)) {
                return null;
            }
            return log1p(expm1(t.multiply(TWO), mc).negate(), mc).multiply(HALF).negate();
        }

        BigDecimal activation(BigDecimal v, MathContext mc) {
            return ln2(mc).subtract(softplus(v.negate(), mc)).multiply(HALF, mc);
        }

        BigDecimal conjugateOfActivation(BigDecimal v, MathContext mc) {
            // ½ log((1 + e^v)/2) = ½ log1p(expm1(v)/2)
            return log1p(expm1(v, mc).multiply(HALF), mc).multiply(HALF);
        }

        BigDecimal activationDerivative(BigDecimal v, MathContext mc) {
            return BigDecimal.ONE.divide(BigDecimal.ONE.add(exp(v, mc)), mc).multiply(HALF);
        }

        BigDecimal conjugateOfActivationDerivative(BigDecimal v, MathContext mc) {
            return BigDecimal.ONE.divide(BigDecimal.ONE.add(exp(v.negate(), mc)), mc).multiply(HALF);
        }

        BigDecimal preactivation(BigDecimal d, MathContext mc) {
            return d;
        }
    }

    static final class Gan extends ReferenceDivergence {
        BigDecimal generator(Ratio r, MathContext mc) {
            // u log u − (u + 1) log(u + 1); for u > 1 as −u·log1p(1/u) − log1p(u), without the
            // cancellation of the two u log u terms
            if (r.u().compareTo(BigDecimal.ONE) > 0) {
                return r.u().multiply(log1p(BigDecimal.ONE.divide(r.u(), mc), mc)).add(log1p(r.u(), mc)).negate(mc);
            }
            BigDecimal logUPlusOne = log1p(r.u(), mc);
            return r.u().multiply(r.logU(), mc).subtract(r.u().add(BigDecimal.ONE).multiply(logUPlusOne, mc), mc);
        }

        BigDecimal derivative(Ratio r, MathContext mc) {
            // log(u/(u + 1)) = −log1p(1/u)
            return log1p(BigDecimal.ONE.divide(r.u(), mc), mc).negate();
        }

        BigDecimal generatorAtOne(MathContext mc) {
            return ln2(mc).multiply(TWO).negate();
        }

        BigDecimal slopeAtOne(MathContext mc) {
            return ln2(mc).negate();
        }

        double valueAtZero() {
            return 0;
        }

        double slopeAtInfinity() {
            return 0;
        }

        BigDecimal conjugate(BigDecimal t, MathContext mc) {
            // −log(1 − e^t), t < 0: log1p(−e^t) where e^t is small, log(−expm1 t) near 0
            if (t.signum() >= 0) {
                return null;
            }
            return t.compareTo(BigDecimal.ONE.negate()) < 0 ? log1p(exp(t, mc).negate(), mc).negate()
                    : log(expm1(t, mc).negate(), mc).negate();
        }

        BigDecimal activation(BigDecimal v, MathContext mc) {
            return softplus(v.negate(), mc).negate();
        }

        BigDecimal conjugateOfActivation(BigDecimal v, MathContext mc) {
            return softplus(v, mc);
        }

        BigDecimal activationDerivative(BigDecimal v, MathContext mc) {
            return BigDecimal.ONE.divide(BigDecimal.ONE.add(exp(v, mc)), mc);
        }

        BigDecimal conjugateOfActivationDerivative(BigDecimal v, MathContext mc) {
            return BigDecimal.ONE.divide(BigDecimal.ONE.add(exp(v.negate(), mc)), mc);
        }

        BigDecimal preactivation(BigDecimal d, MathContext mc) {
            return d;
        }
    }

    static final class Alpha extends ReferenceDivergence {
        private final BigDecimal a;
        private final double alpha;

        Alpha(double alpha) {
            this.alpha = alpha;
            this.a = new BigDecimal(alpha);
        }

        private BigDecimal am1() {
            return a.subtract(BigDecimal.ONE);
        }

        BigDecimal generator(Ratio r, MathContext mc) {
            // (u^α − 1 − α(u − 1))/(α(α − 1))
            BigDecimal num = expm1(a.multiply(r.logU()), mc).subtract(a.multiply(r.uMinusOne()), mc);
            return num.divide(a.multiply(am1()), mc);
        }

        BigDecimal derivative(Ratio r, MathContext mc) {
            // (u^(α−1) − 1)/(α − 1)
            return expm1(am1().multiply(r.logU()), mc).divide(am1(), mc);
        }

        double valueAtZero() {
            return alpha > 0 ? 1 / alpha : Double.POSITIVE_INFINITY;
        }

        double slopeAtInfinity() {
            return alpha > 1 ? Double.POSITIVE_INFINITY : 1 / (1 - alpha);
        }

        BigDecimal conjugate(BigDecimal t, MathContext mc) {
            // (1/α)(t(α − 1) + 1)^(α/(α−1)) − 1/α; α < 1: t < 1/(1 − α); α > 1: −1/α where the base ≤ 0
            BigDecimal base = t.multiply(am1()).add(BigDecimal.ONE);
            // α < 1: the class's documented end is the double 1/(1 − α), within an ulp of the true end
            if (base.signum() <= 0 || alpha < 1 && t.doubleValue() >= 1 / (1 - alpha)) {
                return alpha > 1 ? BigDecimal.ONE.divide(a, mc).negate() : null;
            }
            BigDecimal expo = a.divide(am1(), mc);
            MathContext w = HighPrecision.digits(mc.getPrecision() + 10);
            return expm1(expo.multiply(log(base, w), w), w).divide(a, mc);
        }

        BigDecimal activation(BigDecimal v, MathContext mc) {
            if (alpha > 1) {
                return v;
            }
            return BigDecimal.ONE.divide(BigDecimal.ONE.subtract(a), mc).subtract(softplus(v.negate(), mc), mc);
        }

        BigDecimal conjugateOfActivation(BigDecimal v, MathContext mc) {
            if (alpha > 1) {
                return conjugate(v, mc);
            }
            // base = t(α − 1) + 1 = (1 − α)·softplus(−v)
            MathContext w = HighPrecision.digits(mc.getPrecision() + 10);
            BigDecimal logBase = log(BigDecimal.ONE.subtract(a), w).add(log(softplus(v.negate(), w), w));
            return expm1(a.divide(am1(), w).multiply(logBase, w), w).divide(a, mc);
        }

        BigDecimal activationDerivative(BigDecimal v, MathContext mc) {
            return alpha > 1 ? BigDecimal.ONE : BigDecimal.ONE.divide(BigDecimal.ONE.add(exp(v, mc)), mc);
        }

        BigDecimal conjugateOfActivationDerivative(BigDecimal v, MathContext mc) {
            // u*(g_f(v))·g_f'(v), u*(t) = (t(α − 1) + 1)^(1/(α−1))
            MathContext w = HighPrecision.digits(mc.getPrecision() + 10);
            if (alpha > 1) {
                BigDecimal base = v.multiply(am1()).add(BigDecimal.ONE);
                return base.signum() > 0 ? exp(log(base, w).divide(am1(), w), mc) : BigDecimal.ZERO;
            }
            BigDecimal logBase = log(BigDecimal.ONE.subtract(a), w).add(log(softplus(v.negate(), w), w));
            return exp(logBase.divide(am1(), w), w).multiply(BigDecimal.ONE.divide(BigDecimal.ONE.add(exp(v, w)), w), mc);
        }

        BigDecimal preactivation(BigDecimal d, MathContext mc) {
            BigDecimal critic = expm1(am1().multiply(d), mc).divide(am1(), mc);
            if (alpha > 1) {
                return critic;
            }
            // 1/(1 − α) − softplus(−v) = T  ⇒  softplus(−v) = s = e^((α−1)d)/(1 − α); v = −log(expm1(s))
            MathContext w = HighPrecision.digits(mc.getPrecision() + 10);
            BigDecimal s = exp(am1().multiply(d), w).divide(BigDecimal.ONE.subtract(a), w);
            if (s.compareTo(BigDecimal.valueOf(10_000)) > 0) {
                return s.negate();                       // log(expm1 s) = s + log1p(−e^−s), e^−s < 1e−4000
            }
            return log(expm1(s, w), mc).negate();
        }
    }
}
