package org.fganlab.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes files atomically: the content goes to a temporary file beside the target, which is then
 * moved into place, so readers see either the old file or the complete new one.
 *
 * <p>A temporary file is named {@code .NAME.PID-RANDOM.tmp} after the target and the writing
 * process, so that one left by a killed process is recognised as stale ({@link #isStale}) and
 * removed by {@link StagedFolder#removeStale} while a live writer's file is left alone.
 */
public final class AtomicFiles {

    /** {@code .NAME.PID-RANDOM.tmp}. */
    private static final Pattern TEMPORARY = Pattern.compile("\\..+\\.(\\d+)-[0-9a-z]+\\.tmp");
    /** {@code .NAMEDIGITS.tmp}, as written by earlier builds (no process id). */
    private static final Pattern EARLIER_TEMPORARY = Pattern.compile("\\.(.+?\\D)(\\d+)\\.tmp");

    private AtomicFiles() {
    }

    /** Something that writes content to a stream. */
    @FunctionalInterface
    public interface Writer {
        /** Writes the content; the stream is closed by the caller. */
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes a UTF-8 text file atomically, creating parent folders.
     *
     * @throws UncheckedIOException if the file cannot be written
     */
    public static void writeString(Path target, String text) {
        write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Writes a file atomically, creating parent folders.
     *
     * @param target the final path
     * @param writer produces the content
     * @throws UncheckedIOException if the file cannot be written (the target is then unchanged
     *     and no temporary file is left)
     */
    public static void write(Path target, Writer writer) {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = createTemporary(dir, target.getFileName().toString());
            try (OutputStream out = Files.newOutputStream(tmp)) {
                writer.writeTo(out);
            }
            if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
                // results are for everyone, whatever the process umask
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: the temporary file was already moved or never written
                }
            }
        }
    }

    /** A new empty file {@code .NAME.PID-RANDOM.tmp} in dir. */
    private static Path createTemporary(Path dir, String name) throws IOException {
        while (true) {
            try {
                return Files.createFile(dir.resolve("." + name + "." + ownerTag() + ".tmp"));
            } catch (FileAlreadyExistsException e) {
                // a random tag collided: draw another
            }
        }
    }

    /** {@code PID-RANDOM}: the owning process and a random suffix, for temporary names. */
    static String ownerTag() {
        return ProcessHandle.current().pid() + "-"
                + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
    }

    /** Whether the process of a {@code PID-...} tag has ended (a reused pid counts as alive). */
    static boolean ownerEnded(String pid) {
        try {
            return ProcessHandle.of(Long.parseLong(pid)).isEmpty();
        } catch (NumberFormatException e) {
            return true;
        }
    }

    /**
     * Whether a file is a temporary file of this class left behind: one whose process has ended,
     * or one written by an earlier build (no process id) beside the file it was meant to replace.
     */
    static boolean isStale(Path file) {
        String name = file.getFileName().toString();
        Matcher m = TEMPORARY.matcher(name);
        if (m.matches()) {
            return ownerEnded(m.group(1));
        }
        m = EARLIER_TEMPORARY.matcher(name);
        if (!m.matches()) {
            return false;
        }
        // the digits were appended to the target's name, which may itself end in digits
        String stem = m.group(1) + m.group(2);
        for (int end = m.group(1).length(); end < stem.length(); end++) {
            if (Files.exists(file.resolveSibling(stem.substring(0, end)))) {
                return true;
            }
        }
        return false;
    }
}
