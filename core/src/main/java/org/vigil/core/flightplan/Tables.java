package org.vigil.core.flightplan;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.BiFunction;
import java.util.function.ObjIntConsumer;

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

    /** Hands every line but blank ones and '#' comments to {@code each}, with its 1-based number. */
    static void eachLine(InputStream in, String source, ObjIntConsumer<String> each) {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int n = 0;
        try {
            for (String line; (line = r.readLine()) != null; ) {
                n++;
                if (!line.isBlank() && !line.startsWith("#")) each.accept(line, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
    }
}
