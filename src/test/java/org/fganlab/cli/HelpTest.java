package org.fganlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import picocli.CommandLine;

import org.junit.jupiter.api.Test;

/** Issue 13, CLI polish: whole sentences in the command list, lines within the width, exit codes. */
class HelpTest {

    private static final int WIDTH = new CommandLine(new Main()).getUsageHelpWidth();

    /** Each command's one-sentence summary, as the command list must show it. */
    private static Map<String, String> summaries() {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        new CommandLine(new Main()).getSubcommands().forEach((name, sub) -> {
            if (!name.equals("help")) {
                String[] header = sub.getCommandSpec().usageMessage().header();
                assertEquals(1, header.length, name + ": the summary is one header line");
                out.put(name, header[0]);
            }
        });
        return out;
    }

    private static void assertWithinWidth(String text, String what) {
        for (String line : text.split("\n")) {
            assertTrue(line.length() <= WIDTH, what + ": line of " + line.length() + " > " + WIDTH
                    + " columns: " + line);
        }
    }

    @Test
    void commandListShowsEachSummaryWholeOnItsLine() {
        CliTest.Run r = CliTest.run("--help");
        assertEquals(0, r.code());
        assertWithinWidth(r.out(), "fganlab --help");
        List<String> lines = r.out().lines().toList();
        Map<String, String> summaries = summaries();
        assertEquals(List.of("divergences", "divergence", "validate", "fit", "train", "reproduce"),
                List.copyOf(summaries.keySet()).subList(0, 6));
        summaries.forEach((name, summary) -> {
            assertTrue(summary.endsWith("."), name + ": a whole sentence: " + summary);
            assertTrue(lines.stream().anyMatch(l -> l.matches("  " + name + " +\\Q" + summary + "\\E")),
                    name + ": summary not whole on one line:\n" + r.out());
        });
    }

    @Test
    void everyCommandsHelpFitsTheWidthAndListsTheExitCodes() {
        for (String name : summaries().keySet()) {
            CliTest.Run r = CliTest.run(name, "--help");
            assertEquals(0, r.code(), name);
            assertWithinWidth(r.out(), name + " --help");
            assertTrue(r.out().contains("Exit codes:"), name);
            for (String code : new String[] {"0   ok", "1   a check failed", "2   bad input",
                "3   accuracy not reached", "4   I/O failure"}) {
                assertTrue(r.out().contains(code), name + " --help lacks '" + code + "'");
            }
            assertFalse(r.out().matches("(?s).*<[a-zA-Z]+>.*"), name + ": unnamed placeholder:\n" + r.out());
        }
        assertTrue(CliTest.run("--help").out().contains("4   I/O failure"));
    }

    /** A wrapped example keeps its continuation: every line but the last ends with a backslash. */
    @Test
    void examplesAreWholeShellCommands() {
        for (String name : summaries().keySet()) {
            String out = CliTest.run(name, "--help").out();
            int at = out.indexOf("Example:\n");
            if (at < 0) {
                continue;
            }
            List<String> example = out.substring(at).lines().skip(1).takeWhile(l -> !l.isBlank()).toList();
            for (int i = 0; i < example.size(); i++) {
                boolean last = i == example.size() - 1;
                assertEquals(!last, example.get(i).endsWith(" \\"), name + " example line " + i + ": " + example);
            }
            assertTrue(example.get(0).startsWith("  fganlab " + name + " "), example.get(0));
        }
    }
}
