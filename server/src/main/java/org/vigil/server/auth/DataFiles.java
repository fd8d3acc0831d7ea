package org.vigil.server.auth;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Files that hold secrets or the product's data (audit key and anchor, the SQLite database with
 * password hashes): readable and writable by the service's user only (0600). On a file system
 * without POSIX permissions the calls do nothing more than the plain write.
 */
public final class DataFiles {

    private DataFiles() {}

    /** Creates {@code file} (it must not exist) with mode 0600 and the given content, forced to disk. */
    static void writeOwnerOnly(Path file, byte[] content) throws IOException {
        boolean posix =
                Files.getFileAttributeView(file.toAbsolutePath().getParent(), PosixFileAttributeView.class) != null;
        FileAttribute<?>[] attrs = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(AuditKey.OWNER_ONLY)}
                : new FileAttribute<?>[0];
        try (FileChannel ch = FileChannel.open(
                file, java.util.Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attrs)) {
            ByteBuffer b = ByteBuffer.wrap(content);
            while (b.hasRemaining()) {
                ch.write(b);
            }
            ch.force(true);
        }
    }

    /** Creates an empty file with mode 0600 (for a database about to be created in it). */
    public static void createOwnerOnly(Path file) throws IOException {
        writeOwnerOnly(file, new byte[0]);
    }

    /** Replaces {@code file} atomically (write a 0600 temporary, force, rename over). */
    static void replaceOwnerOnly(Path file, byte[] content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        writeOwnerOnly(tmp, content);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Sets an existing file to 0600 when the file system has POSIX permissions; no-op otherwise or if absent. */
    public static void restrictToOwner(Path file) throws IOException {
        PosixFileAttributeView v = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (v != null && Files.exists(file)) {
            v.setPermissions(AuditKey.OWNER_ONLY);
        }
    }
}
