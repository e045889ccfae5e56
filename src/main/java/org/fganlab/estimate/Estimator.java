package org.fganlab.estimate;

import java.util.Arrays;
import java.util.Locale;

/** The estimators of this package, as named on the command line and in JSON. */
public enum Estimator {
    /** {@link KnnKl}: KL only, any dimension. */
    KNN("knn"),
    /** {@link ClassifierRatio}: every f-divergence, any dimension. */
    CLASSIFIER("classifier"),
    /** {@link CriticBound}: every f-divergence, any dimension; a lower bound. */
    CRITIC("critic"),
    /** {@link KdePlugin} for f-divergences and {@link EmpiricalW1} for w1: dimension 1 only. */
    KDE("kde");

    private final String label;

    Estimator(String label) {
        this.label = label;
    }

    /** The lower-case name. */
    public String label() {
        return label;
    }

    /**
     * @param name a label, case-insensitive
     * @return the estimator
     * @throws IllegalArgumentException for an unknown name (the message lists the accepted ones)
     */
    public static Estimator byLabel(String name) {
        String s = name.trim().toLowerCase(Locale.ROOT);
        for (Estimator e : values()) {
            if (e.label.equals(s)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown estimator '" + name + "'; accepted: "
                + String.join(", ", Arrays.stream(values()).map(Estimator::label).toList()) + ", all");
    }
}
