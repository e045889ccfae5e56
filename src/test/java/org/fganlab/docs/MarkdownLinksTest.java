package org.fganlab.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every relative link in every Markdown file of the repository resolves: the file or folder
 * exists inside the repository, and a {@code #fragment} into a Markdown file names one of its
 * headings (GitHub's anchors). External links (with a scheme) are not followed.
 */
class MarkdownLinksTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();
    /** Inline links and images: [text](target) and ![alt](target "title"). */
    private static final Pattern INLINE = Pattern.compile("\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    /** Reference definitions: [label]: target. */
    private static final Pattern REFERENCE = Pattern.compile("^\\s{0,3}\\[[^\\]]+\\]:\\s*<?(\\S+?)>?(?:\\s.*)?$");
    private static final Pattern HTML_ANCHOR = Pattern.compile("<a\\s+(?:id|name)=\"([^\"]+)\"");
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

    /**
     * The Markdown files of the repository: build output, VCS metadata and hidden files left out.
     */
    private static List<Path> markdownFiles() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(p -> p.toString().endsWith(".md"))
                    .filter(p -> {
                        String rel = ROOT.relativize(p).toString().replace('\\', '/');
                        return !p.getFileName().toString().startsWith(".") && !rel.startsWith("target/") && !rel.contains("/target/") && !rel.startsWith(".git/");
                    })
                    .sorted().toList();
        }
    }

    /** The lines of a Markdown text outside fenced code blocks (and without the fences). */
    static List<String> proseLines(String markdown) {
        List<String> out = new ArrayList<>();
        boolean fenced = false;
        for (String line : markdown.split("\n", -1)) {
            if (line.strip().startsWith("```")) {
                fenced = !fenced;
            } else if (!fenced) {
                out.add(line);
            }
        }
        return out;
    }

    /** The link targets of a Markdown text, outside fenced code blocks and code spans. */
    static List<String> links(String markdown) {
        List<String> out = new ArrayList<>();
        for (String line : proseLines(markdown)) {
            String text = line.replaceAll("`[^`]*`", "`…`");
            Matcher m = INLINE.matcher(text);
            while (m.find()) {
                out.add(m.group(1));
            }
            Matcher r = REFERENCE.matcher(text);
            if (r.matches()) {
                out.add(r.group(1));
            }
        }
        return out;
    }

    /** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens. */
    static String anchor(String heading) {
        String text = heading.replaceAll("`", "").toLowerCase(Locale.ROOT).strip();
        StringBuilder sb = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                sb.appendCodePoint(c);
            } else if (c == ' ') {
                sb.append('-');
            }
        });
        return sb.toString();
    }

    /**
     * The anchors of a Markdown file: its headings' (duplicates get -1, -2, … as on GitHub) and
     * the HTML anchors {@code <a id="…">} / {@code <a name="…">}.
     */
    static Set<String> anchors(String markdown) {
        Set<String> out = new LinkedHashSet<>();
        for (String line : proseLines(markdown)) {
            if (line.matches("#{1,6} .*")) {
                String base = anchor(line.replaceFirst("#{1,6} ", ""));
                String a = base;
                for (int k = 1; out.contains(a); k++) {
                    a = base + "-" + k;
                }
                out.add(a);
            }
            Matcher html = HTML_ANCHOR.matcher(line);
            while (html.find()) {
                out.add(html.group(1));
            }
        }
        return out;
    }

    @Test
    void parserFindsLinksAndAnchors() {
        assertEquals(List.of("docs/math.md", "a.png", "#x", "ref.md"),
                links("see [m](docs/math.md) and ![p](a.png \"t\") [j](#x) `[no](code.md)`\n"
                        + "```\n[no](fenced.md)\n```\n[r]: ref.md"));
        assertEquals(Set.of("the-lab-report-resultsreportmd", "a-b", "a-b-1"),
                anchors("## The lab report (`results/REPORT.md`)\n# A b\n# A b\n```\n# not\n```"));
        assertEquals(Set.of("x-y"), anchors("<a id=\"x-y\"></a>"));
    }

    @Test
    void everyRelativeLinkResolves() throws IOException {
        List<Path> files = markdownFiles();
        assertTrue(files.size() > 10, "found only " + files);
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            for (String link : links(text)) {
                if (SCHEME.matcher(link).find()) {
                    continue;
                }
                checked++;
                int hash = link.indexOf('#');
                String path = hash < 0 ? link : link.substring(0, hash);
                String fragment = hash < 0 ? null : link.substring(hash + 1);
                Path target = path.isEmpty() ? file : file.getParent().resolve(path).normalize();
                String where = ROOT.relativize(file) + ": " + link;
                if (!target.startsWith(ROOT)) {
                    broken.add(where + " (outside the repository)");
                } else if (!Files.exists(target)) {
                    broken.add(where + " (no such file)");
                } else if (fragment != null && target.toString().endsWith(".md")
                        && !anchors(Files.readString(target, StandardCharsets.UTF_8)).contains(fragment)) {
                    broken.add(where + " (no such heading)");
                }
            }
        }
        assertTrue(checked > 20, "only " + checked + " relative links found");
        assertEquals(List.of(), broken);
    }
}
