package org.fganlab.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An output folder written in a staging place and put in place in one step, so that the target
 * holds either the previous complete result or the new complete one, never a mix of two runs.
 *
 * <p>The staging folder is a sibling of the target, {@code .NAME.staging-PID-RANDOM} (same file
 * system, so the final moves are renames). {@link #commit()} renames the previous target to
 * {@code .NAME.old-PID-RANDOM}, renames the staging folder to the target, and deletes the old
 * one; {@link #close()} without a commit deletes the staging folder and leaves the target as it
 * was. A process killed part-way leaves names that carry its process id: {@link #removeStale}
 * deletes those of ended processes and, if the kill fell between the two renames, moves the
 * previous result back.
 *
 * <p>Typical use:
 * <pre>{@code
 * try (StagedFolder staged = StagedFolder.create(dir)) {
 *     write(staged.path());
 *     staged.commit();
 * }
 * }</pre>
 */
public final class StagedFolder implements AutoCloseable {

    private static final Pattern LEFT_BEHIND = Pattern.compile("\\.(.+)\\.(staging|old)-(\\d+)-[0-9a-z]+");

    private final Path target;
    private final Path staging;
    private boolean committed;

    private StagedFolder(Path target, Path staging) {
        this.target = target;
        this.staging = staging;
    }

    /**
     * Creates the staging folder beside target (and target's parent folders when missing), after
     * removing the staging folders of target that ended processes left (and moving a previous
     * result back in place if an interrupted commit left it aside).
     *
     * @param target the folder the result belongs in; it may exist (it is replaced on commit)
     * @throws IllegalArgumentException if target has no parent (a file-system root)
     * @throws UncheckedIOException if the folders cannot be created
     */
    public static StagedFolder create(Path target) {
        Path abs = target.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        if (parent == null || abs.getFileName() == null) {
            throw new IllegalArgumentException("cannot stage a replacement of the root folder " + target);
        }
        try {
            Files.createDirectories(parent);
            removeStale(parent, abs.getFileName().toString());
            while (true) {
                Path staging = parent.resolve(hidden(abs, "staging"));
                if (!Files.exists(staging)) {
                    Files.createDirectory(staging);
                    return new StagedFolder(abs, staging);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a staging folder beside " + target + ": "
                    + e.getMessage(), e);
        }
    }

    /** The staging folder: write the result here, then {@link #commit()}. */
    public Path path() {
        return staging;
    }

    /** The folder the result is put in on commit (absolute). */
    public Path target() {
        return target;
    }

    /**
     * Replaces the target by the staging folder (two renames), then deletes the previous result.
     *
     * @throws IllegalStateException if already committed
     * @throws UncheckedIOException if a rename fails (the previous result is then in place)
     */
    public void commit() {
        if (committed) {
            throw new IllegalStateException("already committed: " + target);
        }
        Path old = null;
        try {
            if (Files.exists(target)) {
                old = target.resolveSibling(hidden(target, "old"));
                rename(target, old);
            }
            try {
                rename(staging, target);
            } catch (IOException e) {
                if (old != null) {
                    rename(old, target);
                }
                throw e;
            }
            committed = true;
            if (old != null) {
                deleteTree(old);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot put " + target + " in place: " + e.getMessage(), e);
        }
    }

    /** Deletes the staging folder unless it was committed; the target is then unchanged. */
    @Override
    public void close() {
        if (!committed) {
            try {
                deleteTree(staging);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + staging + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * Removes from folder what ended processes left there: staging folders, previous results
     * renamed aside by an interrupted commit (moved back when their target is missing, deleted
     * otherwise), and temporary files of {@link AtomicFiles}. Entries of live processes are left
     * alone, so two processes may stage into the same folder.
     *
     * @param folder a folder (nothing happens when it does not exist)
     * @throws UncheckedIOException if an entry cannot be removed
     */
    public static void removeStale(Path folder) {
        removeStale(folder, null);
    }

    /** {@link #removeStale(Path)}, restricted to the staging folders of one target when name is set. */
    private static void removeStale(Path folder, String name) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        List<Path> entries;
        try (Stream<Path> s = Files.list(folder)) {
            entries = s.toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
        }
        List<Path> stale = new ArrayList<>();
        try {
            for (Path p : entries) {
                Matcher m = LEFT_BEHIND.matcher(p.getFileName().toString());
                if (m.matches() && (name == null || name.equals(m.group(1)))
                        && AtomicFiles.ownerEnded(m.group(3))) {
                    Path target = p.resolveSibling(m.group(1));
                    if (m.group(2).equals("old") && !Files.exists(target)) {
                        rename(p, target);
                    } else {
                        stale.add(p);
                    }
                } else if (name == null && Files.isRegularFile(p) && AtomicFiles.isStale(p)) {
                    stale.add(p);
                }
            }
            for (Path p : stale) {
                deleteTree(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove what an ended run left in " + folder + ": "
                    + e.getMessage(), e);
        }
    }

    /** {@code .NAME.KIND-PID-RANDOM} for target NAME. */
    private static String hidden(Path target, String kind) {
        return "." + target.getFileName() + "." + kind + "-" + AtomicFiles.ownerTag();
    }

    private static void rename(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** Deletes a file or a folder with its contents; a missing path is not an error. */
    static void deleteTree(Path root) throws IOException {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    if (e != null) {
                        throw e;
                    }
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (NoSuchFileException e) {
            // already gone
        }
    }
}
