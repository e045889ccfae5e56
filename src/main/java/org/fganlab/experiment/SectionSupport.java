package org.fganlab.experiment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.fganlab.report.Json;
import org.fganlab.report.Plots;
import org.fganlab.report.Tables;

/** Small pieces shared by the render classes ({@code XxxSection}) of the experiments. */
final class SectionSupport {

    private SectionSupport() {
    }

    /** Puts field = mean and, unless std is NaN (one seed), field_std = std. */
    static void putStats(ObjectNode o, String field, double mean, double std) {
        Json.put(o, field, mean);
        if (!Double.isNaN(std)) {
            Json.put(o, field + "_std", std);
        }
    }

    /** Puts the value unless it is NaN (a quantity that does not apply). */
    static void putIfNumber(ObjectNode o, String field, double value) {
        if (!Double.isNaN(value)) {
            Json.put(o, field, value);
        }
    }

    /** "mean ± std" as {@link Tables#number} prints them; the mean alone when std is NaN. */
    static String pm(double mean, double std) {
        return Double.isNaN(std) ? Tables.number(mean) : Tables.number(mean) + " ± " + Tables.number(std);
    }

    /** Axis scales with the legend right of the plot (so that it never hides data). */
    static Plots.Options axes(boolean logX, boolean logY) {
        return new Plots.Options(logX, logY, true, List.of(), List.of());
    }
}
