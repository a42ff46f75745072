package org.isnad.config;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The data folder holds the answer log, the bot's state and keys: readable by its owner only. Files
 * are made 0600 and folders 0700 where the file system has POSIX permissions (elsewhere nothing is
 * changed: the platform's own access rules apply).
 */
public final class PrivateFiles {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private PrivateFiles() {}

    /** Makes {@code file} readable and writable by its owner only. */
    public static void restrict(Path file) throws IOException {
        if (POSIX && Files.exists(file)) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    /**
     * Puts {@code tmp} in place of {@code file} in one step where the file system can (a reader sees
     * the old file or the new one, never half of either), else by a plain replace.
     */
    public static void replace(Path tmp, Path file) throws IOException {
        try {
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Creates {@code dir} (and its parents) if needed and makes it the owner's only (0700). */
    public static Path privateFolder(Path dir) throws IOException {
        Files.createDirectories(dir);
        if (POSIX) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
        return dir;
    }
}
