package org.fganlab.cli;

import java.util.Map;
import org.fganlab.divergence.AmariAlpha;
import org.fganlab.divergence.FDivergence;

/** The reference table's formulas as text, for {@code fganlab divergences}. */
final class Formulas {

    private static final Map<String, String[]> TEXT = Map.of(
            "tv", new String[] {"|u-1|/2", "t", "(1/2) tanh v"},
            "kl", new String[] {"u log u", "exp(t-1)", "v"},
            "reverse-kl", new String[] {"-log u", "-1 - log(-t)", "-exp(v)"},
            "pearson", new String[] {"(u-1)^2", "t^2/4 + t (t >= -2), -1 (t < -2)", "v"},
            "neyman", new String[] {"(1-u)^2/u", "2 - 2 sqrt(1-t)", "1 - exp(v)"},
            "hellinger", new String[] {"(sqrt u - 1)^2", "t/(1-t)", "1 - exp(v)"},
            "jeffrey", new String[] {"(u-1) log u", "W(e^(1-t)) + 1/W(e^(1-t)) + t - 2", "v"},
            "js", new String[] {"(1/2)[u log u - (u+1) log((u+1)/2)]", "-(1/2) log(2 - e^(2t))",
                "(1/2) log 2 - (1/2) log(1 + e^-v)"},
            "gan", new String[] {"u log u - (u+1) log(u+1)", "-log(1 - e^t)", "-log(1 + e^-v)"});

    private Formulas() {
    }

    /** {f(u), f*(t), g_f(v)} as text. */
    static String[] of(FDivergence f) {
        if (f instanceof AmariAlpha a) {
            return new String[] {"(u^a - 1 - a(u-1)) / (a(a-1)), a = " + a.name().substring("alpha:".length()),
                "(1/a)(t(a-1) + 1)^(a/(a-1)) - 1/a",
                a.alpha() < 1 ? "1/(1-a) - log(1 + e^-v)" : "v"};
        }
        return TEXT.getOrDefault(f.name(), new String[] {"", "", ""});
    }

    /** dom f* as an interval. */
    static String domain(FDivergence f) {
        double lo = f.conjugateDomainLower();
        double hi = f.conjugateDomainUpper();
        boolean closed = f.inConjugateDomain(hi) && Double.isFinite(hi);
        String l = Double.isInfinite(lo) ? "(-inf" : (f.inConjugateDomain(lo) ? "[" : "(") + num(lo);
        String h = Double.isInfinite(hi) ? "inf)" : num(hi) + (closed ? "]" : ")");
        return l + ", " + h;
    }

    private static String num(double v) {
        return org.fganlab.report.Tables.number(v);
    }
}
