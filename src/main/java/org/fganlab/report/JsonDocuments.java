package org.fganlab.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.fganlab.theory.IdentityCheck;

/**
 * Transitional: the one domain mapping left in {@code report}, an identity check as
 * {@code validate --json} writes it, shared by {@code cli.JsonDocuments} and
 * {@code experiment.GanTheoremExperiment}'s "prop1" object. Once that experiment writes the object
 * itself, this method moves into {@code cli.JsonDocuments} and this class and its exemption in
 * {@code ArchitectureTest} go.
 */
public final class JsonDocuments {

    private JsonDocuments() {
    }

    /**
     * {@code {"name", "lhs", "rhs", "abs_error", "tolerance", "passed", "relation",
     * "description"}}.
     *
     * @throws IllegalArgumentException if a number is NaN
     */
    public static ObjectNode check(IdentityCheck c) {
        ObjectNode o = Json.object().put("name", c.name());
        Json.put(o, "lhs", c.lhs());
        Json.put(o, "rhs", c.rhs());
        Json.put(o, "abs_error", c.absError());
        Json.put(o, "tolerance", c.tolerance());
        o.put("passed", c.passed());
        o.put("relation", c.relation());
        o.put("description", c.description());
        return o;
    }
}
