package org.vigil.server.sim;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The names listed in a bundled index file ({@code scenarios/index.txt}, {@code theatres/index.txt}):
 * one name a line, {@code #} lines are comments. What Vigil bundles is listed as data beside the
 * data, not in code.
 */
public final class ResourceIndex {
    private ResourceIndex() {}

    /** The names in classpath resource {@code index}, in file order; a missing index is a broken build. */
    public static List<String> names(String index) {
        try (InputStream in = ResourceIndex.class.getResourceAsStream(index)) {
            if (in == null) throw new IllegalStateException("classpath resource " + index + " missing from the build");
            List<String> names = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String s = line.strip();
                if (!s.isEmpty() && !s.startsWith("#")) names.add(s);
            }
            return List.copyOf(names);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + index, e);
        }
    }
}
