package org.fganlab.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Checks an output folder option before any computation, so that a bad {@code --out} costs no
 * run and writes nothing (exit 2): the value must be a non-empty path that is, or can be created
 * as, a folder in a writable place. Failures found later (a disk that fills up) are I/O
 * failures (exit 4).
 */
final class OutputFolder {

    private OutputFolder() {
    }

    /**
     * For a folder that the command replaces as a whole (written in a staging folder beside it):
     * dir must not be a file; if it exists it may hold only the files the command writes (a
     * previous result) and temporary files, so that no other file is ever deleted (an --out of
     * "." or a home folder is refused); its parent must be a writable folder or creatable as one.
     *
     * @param option the option's name, for the message
     * @param dir the option's value
     * @param files the names of the files the command writes into dir
     * @throws IllegalArgumentException naming the value and the reason
     */
    static void checkReplaceable(String option, Path dir, List<String> files) {
        Path abs = absolute(option, dir);
        checkNotFile(option, dir, abs);
        if (abs.getParent() == null) {
            throw bad(option, dir, "a file-system root cannot be replaced; give a folder inside it");
        }
        if (Files.isDirectory(abs)) {
            String foreign = firstForeignEntry(abs, files);
            if (foreign != null) {
                throw bad(option, dir, "holds '" + foreign + "', which this command does not write;"
                        + " the folder is replaced as a whole, so give a new or empty folder or one"
                        + " that an earlier run wrote");
            }
        }
        checkCreatable(option, dir, abs.getParent());
    }

    /** An entry of folder that is neither one of files nor a temporary file, or null. */
    private static String firstForeignEntry(Path folder, List<String> files) {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> !(files.contains(n) && Files.isRegularFile(folder.resolve(n)))
                            && !(n.startsWith(".") && n.endsWith(".tmp")))
                    .sorted().findFirst().orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
        }
    }

    /**
     * For a folder that the command writes into, replacing whole subfolders: dir must be a
     * writable folder or creatable as one; each named subfolder, where it exists, must be a
     * folder that is empty or holds the marker file of an earlier result (so that no folder the
     * command did not write is ever deleted).
     *
     * @param option the option's name, for the message
     * @param dir the option's value
     * @param subfolders names of folders the command replaces inside dir
     * @param marker a file every earlier result folder holds (e.g. summary.json)
     * @throws IllegalArgumentException naming the value and the reason
     */
    static void checkWritable(String option, Path dir, Iterable<String> subfolders, String marker) {
        Path abs = absolute(option, dir);
        checkNotFile(option, dir, abs);
        for (String name : subfolders) {
            Path sub = abs.resolve(name);
            if (Files.exists(sub) && !Files.isDirectory(sub)) {
                throw bad(option, dir, "'" + sub + "' is a file where the folder " + name + " goes");
            }
            if (Files.isDirectory(sub) && !Files.exists(sub.resolve(marker)) && !isEmpty(sub)) {
                throw bad(option, dir, "'" + sub + "' has no " + marker + ", so it is not an earlier"
                        + " result and would be replaced; move it away or give another folder");
            }
        }
        checkCreatable(option, dir, abs);
    }

    private static boolean isEmpty(Path folder) {
        try (Stream<Path> s = Files.list(folder)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
        }
    }

    private static Path absolute(String option, Path dir) {
        if (dir.toString().isBlank()) {
            throw bad(option, dir, "empty path; give a folder, e.g. " + option + " results");
        }
        return dir.toAbsolutePath().normalize();
    }

    private static void checkNotFile(String option, Path dir, Path abs) {
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            throw bad(option, dir, "is a file, not a folder");
        }
    }

    /** folder exists and takes new entries, or its nearest existing ancestor is such a folder. */
    private static void checkCreatable(String option, Path dir, Path folder) {
        Path existing = folder;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            throw bad(option, dir, "no part of the path exists");
        }
        if (!Files.isDirectory(existing)) {
            throw bad(option, dir, "cannot create a folder inside '" + existing + "': it is a file");
        }
        if (!takesEntries(existing)) {
            String what = existing.equals(folder) ? "folder '" + existing + "' is not writable"
                    : "cannot create '" + folder + "': folder '" + existing + "' is not writable";
            throw bad(option, dir, what);
        }
    }

    /**
     * Whether a new entry can be made in folder: a probe folder created and removed at once
     * (permission bits alone do not tell, e.g. for root or on a read-only file system).
     */
    private static boolean takesEntries(Path folder) {
        if (!Files.isWritable(folder)) {
            return false;
        }
        try {
            Files.delete(Files.createTempDirectory(folder, ".fganlab-probe-"));
            return true;
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    private static IllegalArgumentException bad(String option, Path dir, String reason) {
        return new IllegalArgumentException(option + " '" + dir + "': " + reason);
    }
}
