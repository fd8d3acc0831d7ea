package org.vigil.server.cli;

import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A second process holding a data directory's lock, as a running Vigil does (for {@link CliFailuresTest}). */
public final class DataDirectoryLockHolder {
    private DataDirectoryLockHolder() {}

    public static void main(String[] args) throws Exception {
        try (FileChannel ch = FileChannel.open(
                        Path.of(args[0]).resolve("vigil.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                var lock = ch.lock()) {
            System.out.println("locked");
            System.out.flush();
            Thread.sleep(60_000);
        }
    }
}
