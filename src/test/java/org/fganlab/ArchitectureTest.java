package org.fganlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package rules of {@code docs/architecture.md} ("Packages"), checked on the source files
 * under {@code src/main/java/org/fganlab}: which other packages of the lab each package may use,
 * and which packages may use which library. {@code report} is generic (no other package of the
 * lab); XChart is used only in {@code report}; Jackson only in {@code report} and {@code cli},
 * except that {@code sweep} and {@code experiment} may hold Jackson's tree model
 * ({@code JsonNode}, {@code ObjectNode}, {@code ArrayNode}) as their documents, parsed and
 * written by {@code report.Json}; {@code divergence} and {@code quadrature} use the JDK only.
 *
 * <p>A file's references are its imports plus the fully qualified names in its code (comments
 * left out).
 */
class ArchitectureTest {

    private static final Path SOURCES = Path.of("src/main/java/org/fganlab");

    private static final Set<String> BELOW_GAN = Set.of("density", "divergence", "quadrature", "theory", "nn");

    /** The lab's packages each package may use, besides itself. */
    private static final Map<String, Set<String>> MAY_USE = Map.ofEntries(
            Map.entry("divergence", Set.of()),
            Map.entry("quadrature", Set.of()),
            Map.entry("density", Set.of()),
            Map.entry("nn", Set.of()),
            Map.entry("report", Set.of()),
            Map.entry("theory", Set.of("density", "divergence", "quadrature")),
            Map.entry("gan", BELOW_GAN),
            Map.entry("estimate", plus(BELOW_GAN, "gan")),
            Map.entry("sweep", plus(BELOW_GAN, "gan", "report")),
            Map.entry("experiment", plus(BELOW_GAN, "gan", "estimate", "report", "sweep")),
            Map.entry("cli", plus(BELOW_GAN, "gan", "estimate", "report", "sweep", "experiment")));

    /** The libraries, by name prefix, and the packages that may use them. */
    private static final Map<String, Set<String>> LIBRARY_USERS = libraries();

    /** Jackson's tree model: the document type that sweep and experiment may hold. */
    private static final List<String> JSON_TREE = List.of(
            "com.fasterxml.jackson.databind.JsonNode", "com.fasterxml.jackson.databind.node.");

    /**
     * References allowed against the rules, by file: each one transitional, and each must still
     * occur (a stale exemption fails the test).
     */
    private static final Map<String, Set<String>> EXEMPT = Map.of();

    private static final Pattern IMPORT = Pattern.compile("(?m)^\\s*import\\s+(?:static\\s+)?([\\w.]+(?:\\.\\*)?)\\s*;");
    private static final Pattern QUALIFIED = Pattern.compile(
            "(?<![\\w.])(?:org\\.fganlab|org\\.hipparchus|org\\.knowm|com\\.fasterxml|picocli)(?:\\.\\w+)+");
    private static final Pattern COMMENT = Pattern.compile("(?s)/\\*.*?\\*/|//[^\\n]*");

    private static Map<String, Set<String>> libraries() {
        Map<String, Set<String>> m = new LinkedHashMap<>();
        m.put("org.hipparchus.", Set.of("density", "nn", "theory", "gan", "estimate", "sweep", "experiment", "cli"));
        m.put("org.knowm.", Set.of("report"));
        m.put("com.fasterxml.", Set.of("report", "cli"));
        m.put("picocli.", Set.of("cli"));
        return m;
    }

    private static Set<String> plus(Set<String> base, String... more) {
        Set<String> s = new TreeSet<>(base);
        s.addAll(List.of(more));
        return Set.copyOf(s);
    }

    /** The imports and the fully qualified names in the code of a source text. */
    static Set<String> references(String source) {
        Set<String> refs = new LinkedHashSet<>();
        Matcher m = IMPORT.matcher(source);
        while (m.find()) {
            refs.add(m.group(1));
        }
        String code = COMMENT.matcher(source).replaceAll(" ");
        Matcher q = QUALIFIED.matcher(IMPORT.matcher(code).replaceAll(""));
        while (q.find()) {
            refs.add(q.group());
        }
        return refs;
    }

    /**
     * The references of a source file of package pkg that break the rules, each with the rule.
     */
    static List<String> violations(String pkg, String source) {
        List<String> out = new ArrayList<>();
        for (String ref : references(source)) {
            String rule = rule(pkg, ref);
            if (rule != null) {
                out.add(ref + " (" + rule + ")");
            }
        }
        return out;
    }

    /** Why package pkg may not use ref, or null if it may. */
    private static String rule(String pkg, String ref) {
        if (ref.startsWith("java.") || ref.startsWith("javax.")) {
            return null;
        }
        if (ref.startsWith("org.fganlab.")) {
            String target = ref.substring("org.fganlab.".length()).split("\\.")[0];
            if (target.equals(pkg) || MAY_USE.get(pkg).contains(target)) {
                return null;
            }
            return pkg + " may use only " + new TreeSet<>(MAY_USE.get(pkg)) + " of the lab's packages";
        }
        for (Map.Entry<String, Set<String>> lib : LIBRARY_USERS.entrySet()) {
            if (ref.startsWith(lib.getKey())) {
                if (lib.getValue().contains(pkg)) {
                    return null;
                }
                if ((pkg.equals("sweep") || pkg.equals("experiment")) && JSON_TREE.stream().anyMatch(ref::startsWith)) {
                    return null;
                }
                return lib.getKey() + "* is for " + new TreeSet<>(lib.getValue()) + " only";
            }
        }
        return "a library outside the project's dependencies";
    }

    @Test
    void everyPackageUsesOnlyWhatItMay() throws IOException {
        List<String> broken = new ArrayList<>();
        Map<String, Set<String>> unusedExemptions = new LinkedHashMap<>();
        EXEMPT.forEach((file, refs) -> unusedExemptions.put(file, new TreeSet<>(refs)));
        Set<String> packages = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String rel = SOURCES.relativize(file).toString().replace('\\', '/');
                String pkg = rel.substring(0, rel.indexOf('/'));
                packages.add(pkg);
                if (!MAY_USE.containsKey(pkg)) {
                    continue;
                }
                Set<String> exempt = EXEMPT.getOrDefault(rel, Set.of());
                String source = Files.readString(file);
                for (String v : violations(pkg, source)) {
                    if (exempt.stream().anyMatch(v::startsWith)) {
                        unusedExemptions.get(rel).removeIf(v::startsWith);
                    } else {
                        broken.add(rel + ": " + v);
                    }
                }
            }
        }
        assertEquals(new TreeSet<>(MAY_USE.keySet()), packages,
                "every package needs its line in MAY_USE (and in docs/architecture.md)");
        assertEquals(List.of(), broken);
        unusedExemptions.values().removeIf(Set::isEmpty);
        assertEquals(Map.of(), unusedExemptions, "exemptions no longer needed: remove them from EXEMPT");
    }

    @Test
    void theCheckCatchesEachKindOfViolation() {
        assertEquals(List.of("org.fganlab.theory.IdentityCheck (report may use only [] of the lab's packages)"),
                violations("report", "package org.fganlab.report;\nimport org.fganlab.theory.IdentityCheck;\n"));
        assertEquals(1, violations("report", "class X { org.fganlab.gan.TrainingResult r; }").size());
        assertEquals(1, violations("theory", "import org.fganlab.gan.*;").size());
        assertEquals(1, violations("gan", "import org.knowm.xchart.XYChart;").size());
        assertEquals(1, violations("sweep", "import com.fasterxml.jackson.databind.ObjectMapper;").size());
        assertEquals(1, violations("estimate", "import com.fasterxml.jackson.databind.JsonNode;").size());
        assertEquals(1, violations("divergence", "import org.hipparchus.util.FastMath;").size());
        assertEquals(1, violations("quadrature", "import org.ejml.simple.SimpleMatrix;").size());
        assertEquals(1, violations("report", "import picocli.CommandLine;").size());
    }

    @Test
    void theCheckAllowsWhatTheRulesAllow() {
        assertEquals(List.of(), violations("sweep", "import com.fasterxml.jackson.databind.JsonNode;\n"
                + "import com.fasterxml.jackson.databind.node.ObjectNode;\nimport org.fganlab.report.Json;"));
        assertEquals(List.of(), violations("report", "import com.fasterxml.jackson.core.JsonGenerator;\n"
                + "import org.knowm.xchart.XYChart;\nimport javax.imageio.ImageIO;\nimport java.util.List;"));
        assertEquals(List.of(), violations("report", "/** Unlike {@link org.fganlab.gan.Trainer}. */\n"
                + "// org.fganlab.theory is not used here\nclass X {}"));
        assertEquals(List.of(), violations("cli", "import picocli.CommandLine;\nimport org.fganlab.experiment.Reproduce;"));
        assertTrue(references("x = org.fganlab.density.Normal.standard();").contains("org.fganlab.density.Normal.standard"));
    }
}
