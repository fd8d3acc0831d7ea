package org.vigil.core.flightplan;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.BiFunction;

/**
 * Opens a built-in points table (a classpath resource: configuration, read once) for a reader given
 * the stream and its name for errors. Files (a theatre directory's tables) are opened by the server,
 * which passes the stream: core does no file I/O.
 */
final class Tables {
    private Tables() {}

    static <T> T resource(String name, BiFunction<InputStream, String, T> reader) {
        try (InputStream in = Tables.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            return reader.apply(in, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
