package org.vigil.codec.asterix;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * The category editions shipped in {@code /asterix/*.spec} (derived from zoranbosnjak/asterix-specs,
 * BSD-3-Clause). Parsed once, on first use, into immutable {@link CategorySpec}s.
 * The edition is not on the wire: {@link #current()} is the default set; an older edition is
 * selected per source with {@link #edition}.
 */
public final class AsterixSpecs {
    /** Resource names of the current editions, with their REF expansion where one exists. */
    private static final String[][] CURRENT = {
        {"cat048-cat-1.32", "cat048-ref-1.13"},
        {"cat034-cat-1.29", null},
        {"cat021-cat-2.7", "cat021-ref-1.5"},
        {"cat062-cat-1.21", "cat062-ref-1.3"},
    };
    /** Older editions kept for sources that have not upgraded, and the service categories Vigil sends. */
    private static final String[][] OLDER = {
        {"cat048-cat-1.31", "cat048-ref-1.13"},
        {"cat021-cat-2.6", "cat021-ref-1.5"},
        {"cat062-cat-1.20", "cat062-ref-1.3"},
        // written by Vigil's CAT062 output beside its tracks; not decoded from inputs by default
        {"cat063-cat-1.7", null},
        {"cat065-cat-1.6", null},
    };

    private static volatile Map<Integer, CategorySpec> current;

    private AsterixSpecs() {}

    /** Current editions by category number: CAT048 1.32, CAT034 1.29, CAT021 2.7, CAT062 1.21. */
    public static Map<Integer, CategorySpec> current() {
        Map<Integer, CategorySpec> c = current;
        if (c == null) {
            Map<Integer, CategorySpec> m = new TreeMap<>();
            for (String[] e : CURRENT) {
                CategorySpec s = load(e[0], e[1]);
                m.put(s.category, s);
            }
            current = c = java.util.Collections.unmodifiableMap(m);
        }
        return c;
    }

    public static CategorySpec current(int category) {
        return current().get(category);
    }

    /** A shipped edition, e.g. {@code edition(48, "1.31")}; null if not shipped. */
    public static CategorySpec edition(int category, String edition) {
        for (String[][] set : new String[][][] {CURRENT, OLDER}) {
            for (String[] e : set) {
                if (e[0].equals(String.format("cat%03d-cat-%s", category, edition))) return load(e[0], e[1]);
            }
        }
        return null;
    }

    /** Loads {@code /asterix/NAME.spec} and its REF (may be null). */
    public static CategorySpec load(String name, String refName) {
        SpecParser.Parsed p = SpecParser.parse(resource(name));
        CategorySpec s = p.spec();
        if (refName != null) {
            SpecParser.Parsed r = SpecParser.parse(resource(refName));
            s = s.withExpansion(r.expansion(), r.edition());
        }
        return s;
    }

    private static String resource(String name) {
        try (InputStream in = AsterixSpecs.class.getResourceAsStream("/asterix/" + name + ".spec")) {
            if (in == null) throw new IllegalStateException("missing spec resource /asterix/" + name + ".spec");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
