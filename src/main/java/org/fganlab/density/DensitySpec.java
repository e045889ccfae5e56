package org.fganlab.density;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Parser of density specs ({@code docs/architecture.md}):
 *
 * <pre>
 * spec     := term ('+' term)*
 * term     := [number '*'] family '(' number (',' number)* ')'
 * family   := normal | gaussian | uniform | laplace | logistic | student   (any case)
 * number   := [+-] (digits ['.' digits*] | '.' digits) [(e|E) [+-] digits]
 * </pre>
 *
 * <p>Whitespace is allowed between tokens (a sign belongs to its number). Parameters:
 * {@code normal(mu,sigma)}, {@code uniform(a,b)}, {@code laplace(mu,b)},
 * {@code logistic(mu,s)}, {@code student(nu,mu,sigma)}. All numbers must be finite
 * ({@code NaN}, {@code Infinity}, {@code 1e999} are rejected); sigma, b, s and nu must be
 * positive; uniform needs a &lt; b. A single unweighted term gives that density; a weighted
 * term (even a single {@code 1*normal(0,1)}) gives a {@link Mixture}, which is what
 * {@link Mixture#spec()} prints, so {@code parse(d.spec()).equals(d)} for every density of this
 * package. In a sum of several terms every term needs a weight; weights must be positive and
 * sum to 1 within {@value Mixture#WEIGHT_SUM_TOLERANCE}.
 *
 * <p>Every error is a {@link SpecException} whose {@code position()} is the 0-based index of
 * the offending token.
 */
public final class DensitySpec {

    private static final Pattern NUMBER =
            Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern NON_FINITE =
            Pattern.compile("[+-]?(nan|inf|infinity)", Pattern.CASE_INSENSITIVE);
    private static final String FAMILIES = "normal, gaussian, uniform, laplace, logistic, student";

    private DensitySpec() {
    }

    /**
     * Parses a spec.
     *
     * @param spec the spec, e.g. {@code normal(0,1)} or
     *             {@code 0.5*normal(-2,0.5) + 0.5*normal(2,0.5)}
     * @return the density
     * @throws SpecException if spec is null, empty or malformed, or a parameter is out of range
     */
    public static Density parse(String spec) {
        if (spec == null) {
            throw new SpecException(0, "density spec is null, expected e.g. normal(0,1)");
        }
        return new Parser(spec).spec();
    }

    /** The parameter names of a family and which of them must be positive. */
    private enum Family {
        NORMAL("normal", new String[] {"mu", "sigma"}, new boolean[] {false, true}),
        UNIFORM("uniform", new String[] {"a", "b"}, new boolean[] {false, false}),
        LAPLACE("laplace", new String[] {"mu", "b"}, new boolean[] {false, true}),
        LOGISTIC("logistic", new String[] {"mu", "s"}, new boolean[] {false, true}),
        STUDENT("student", new String[] {"nu", "mu", "sigma"}, new boolean[] {true, false, true});

        final String name;
        final String[] params;
        final boolean[] positive;

        Family(String name, String[] params, boolean[] positive) {
            this.name = name;
            this.params = params;
            this.positive = positive;
        }

        String signature() {
            return name + "(" + String.join(",", params) + ")";
        }

        static Family of(String lowerCaseName) {
            switch (lowerCaseName) {
                case "normal":
                case "gaussian":
                    return NORMAL;
                case "uniform":
                    return UNIFORM;
                case "laplace":
                    return LAPLACE;
                case "logistic":
                    return LOGISTIC;
                case "student":
                    return STUDENT;
                default:
                    return null;
            }
        }

        Density create(double[] p) {
            switch (this) {
                case NORMAL:
                    return new Normal(p[0], p[1]);
                case UNIFORM:
                    return new Uniform(p[0], p[1]);
                case LAPLACE:
                    return new Laplace(p[0], p[1]);
                case LOGISTIC:
                    return new Logistic(p[0], p[1]);
                default:
                    return new StudentT(p[0], p[1], p[2]);
            }
        }
    }

    /** One parsed term: optional weight (NaN if absent) and the component. */
    private record Term(int position, double weight, String weightText, Density density,
                        String name) {
    }

    /** A token's text and 0-based start. */
    private record Token(String text, int position) {
    }

    /** Recursive descent over the characters, with the position of every token. */
    private static final class Parser {
        private final String s;
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        Density spec() {
            skipWhitespace();
            if (atEnd()) {
                throw new SpecException(pos,
                        "empty density spec, expected a density such as normal(0,1)");
            }
            List<Term> terms = new ArrayList<>();
            terms.add(term());
            while (true) {
                skipWhitespace();
                if (atEnd()) {
                    break;
                }
                if (s.charAt(pos) != '+') {
                    throw new SpecException(pos, "unexpected " + describe(pos)
                            + " after the density, expected '+' or end of input");
                }
                int plus = pos++;
                skipWhitespace();
                if (atEnd()) {
                    throw new SpecException(pos, "expected a mixture component after '+' at"
                            + " position " + plus + ", got end of input");
                }
                terms.add(term());
            }
            if (terms.size() == 1 && Double.isNaN(terms.get(0).weight())) {
                return terms.get(0).density();
            }
            double[] weights = new double[terms.size()];
            Density[] components = new Density[terms.size()];
            StringBuilder typed = new StringBuilder();
            for (int i = 0; i < weights.length; i++) {
                Term t = terms.get(i);
                if (Double.isNaN(t.weight())) {
                    throw new SpecException(t.position(), "mixture component '" + t.name()
                            + "' needs a weight, e.g. 0.5*" + t.name() + "(...)");
                }
                weights[i] = t.weight();
                components[i] = t.density();
                typed.append(i == 0 ? "" : " + ").append(t.weightText());
            }
            double sum = Mixture.weightSum(weights);
            if (!Mixture.sumsToOne(sum)) {
                throw new SpecException(terms.get(0).position(), "mixture weights " + typed
                        + " sum to " + Numbers.format(sum) + ", expected 1 within "
                        + Numbers.format(Mixture.WEIGHT_SUM_TOLERANCE));
            }
            return new Mixture(weights, components);
        }

        /** [number '*'] family '(' params ')'; starts on a non-whitespace character. */
        private Term term() {
            int start = pos;
            double weight = Double.NaN;
            String weightText = null;
            char c = s.charAt(pos);
            if (isNumberStart(c) || (Character.isLetter(c) && weightFollows())) {
                Token w = numberToken();
                weight = number(w, "mixture weight", true);
                weightText = w.text();
                skipWhitespace();
                if (atEnd() || s.charAt(pos) != '*') {
                    throw new SpecException(pos, "expected '*' after weight '" + w.text()
                            + "', got " + describe(pos));
                }
                pos++;
                skipWhitespace();
            }
            if (atEnd() || !Character.isLetter(s.charAt(pos))) {
                throw new SpecException(pos, "expected a density name (" + FAMILIES + "), got "
                        + describe(pos));
            }
            int namePos = pos;
            String name = identifier();
            Family family = Family.of(name.toLowerCase(Locale.ROOT));
            if (family == null) {
                throw new SpecException(namePos, "unknown density '" + name + "' (expected "
                        + FAMILIES + ")");
            }
            skipWhitespace();
            if (atEnd() || s.charAt(pos) != '(') {
                throw new SpecException(pos, "expected '(' after '" + name + "', got "
                        + describe(pos));
            }
            pos++;
            int arity = family.params.length;
            double[] values = new double[arity];
            int[] positions = new int[arity];
            for (int k = 0; k < arity; k++) {
                skipWhitespace();
                if (!atEnd() && s.charAt(pos) == ')') {
                    throw new SpecException(pos, family.signature() + " takes " + arity
                            + " parameters, got " + k + " before ')'");
                }
                if (atEnd() || !(isNumberStart(s.charAt(pos))
                        || Character.isLetter(s.charAt(pos)))) {
                    throw new SpecException(pos, "expected a number for " + family.params[k]
                            + " of " + family.signature() + ", got " + describe(pos));
                }
                Token t = numberToken();
                positions[k] = t.position();
                values[k] = number(t, family.params[k], family.positive[k]);
                skipWhitespace();
                char expected = k < arity - 1 ? ',' : ')';
                if (!atEnd() && s.charAt(pos) == expected) {
                    pos++;
                    continue;
                }
                if (!atEnd() && s.charAt(pos) == ')') {
                    throw new SpecException(pos, family.signature() + " takes " + arity
                            + " parameters, got " + (k + 1) + " before ')'");
                }
                if (!atEnd() && s.charAt(pos) == ',') {
                    int comma = pos++;
                    skipWhitespace();
                    boolean trailing = atEnd() || s.charAt(pos) == ')';
                    throw new SpecException(trailing ? comma : pos, family.signature() + " takes "
                            + arity + " parameters, got an extra "
                            + (trailing ? "','" : describe(pos)));
                }
                throw new SpecException(pos, "expected '" + expected + "' after "
                        + family.params[k] + " of " + family.signature() + ", got "
                        + describe(pos));
            }
            if (family == Family.UNIFORM && !(values[0] < values[1])) {
                throw new SpecException(positions[0], "uniform(a,b) needs a < b, got a="
                        + s.substring(positions[0], positions[0] + tokenLength(positions[0]))
                        + ", b=" + s.substring(positions[1],
                        positions[1] + tokenLength(positions[1])));
            }
            return new Term(start, weight, weightText, family.create(values), name);
        }

        /** Whether an identifier at pos is followed by '*' (then it is a bad weight). */
        private boolean weightFollows() {
            int p = pos + tokenLength(pos);
            while (p < s.length() && Character.isWhitespace(s.charAt(p))) {
                p++;
            }
            return p < s.length() && s.charAt(p) == '*';
        }

        /** Converts a number token, checking that it is finite (and positive if asked). */
        private double number(Token t, String name, boolean positive) {
            String range = positive ? "positive and finite" : "finite";
            if (NUMBER.matcher(t.text()).matches()) {
                double v = Double.parseDouble(t.text());
                if (Double.isFinite(v) && (!positive || v > 0)) {
                    return v;
                }
            } else if (!NON_FINITE.matcher(t.text()).matches()) {
                throw new SpecException(t.position(), "malformed number '" + t.text()
                        + "' for " + name + " (expected decimal or scientific notation,"
                        + " e.g. 0.5, -2, 1e-3)");
            }
            throw new SpecException(t.position(), name + " must be " + range + ", got '"
                    + t.text() + "'");
        }

        /** The maximal run of number-like characters at pos (validated by the caller). */
        private Token numberToken() {
            int start = pos;
            pos += tokenLength(pos);
            return new Token(s.substring(start, pos), start);
        }

        /**
         * Length of the token at p: a number-like or identifier-like run (an optional leading
         * sign, then letters, digits, '.', '_', and a sign right after an exponent 'e'), or 1
         * for any other character.
         */
        private int tokenLength(int p) {
            int q = p;
            if (q < s.length() && (s.charAt(q) == '+' || s.charAt(q) == '-')) {
                q++;
            }
            while (q < s.length()) {
                char c = s.charAt(q);
                boolean exponentSign = (c == '+' || c == '-') && q > p
                        && Character.isDigit(s.charAt(p + (isSign(s.charAt(p)) ? 1 : 0)))
                        && (s.charAt(q - 1) == 'e' || s.charAt(q - 1) == 'E');
                if (Character.isLetterOrDigit(c) || c == '.' || c == '_' || exponentSign) {
                    q++;
                } else {
                    break;
                }
            }
            return Math.max(1, q - p);
        }

        private String identifier() {
            int start = pos;
            while (pos < s.length()
                    && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
                pos++;
            }
            return s.substring(start, pos);
        }

        /** The token at p quoted, or "end of input". */
        private String describe(int p) {
            if (p >= s.length()) {
                return "end of input";
            }
            char c = s.charAt(p);
            if (Character.isISOControl(c)) {
                return String.format("U+%04X", (int) c);
            }
            return "'" + s.substring(p, p + tokenLength(p)) + "'";
        }

        private static boolean isSign(char c) {
            return c == '+' || c == '-';
        }

        private static boolean isNumberStart(char c) {
            return Character.isDigit(c) || c == '.' || isSign(c);
        }

        private boolean atEnd() {
            return pos >= s.length();
        }

        private void skipWhitespace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }
    }
}
