package org.vigil.server.theatre;

import org.vigil.core.qra.Posture;
import org.vigil.server.picture.Theatre;

/** Built-in theatres' data for tests that need one part of a theatre. */
public final class TestTheatres {
    private TestTheatres() {}

    /** A fresh copy of a built-in theatre's QRA posture (the posture follows orders, so each test gets its own). */
    public static Posture posture(String builtIn) {
        try {
            return TheatreLoader.load(builtIn).posture();
        } catch (TheatreException e) {
            throw new IllegalStateException("built-in theatre " + builtIn + ": " + e.getMessage(), e);
        }
    }

    /** A built-in theatre's area of interest. */
    public static Theatre.Area area(String builtIn) {
        try {
            return TheatreLoader.load(builtIn).area();
        } catch (TheatreException e) {
            throw new IllegalStateException("built-in theatre " + builtIn + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes a small theatre into {@code dir}/t (lines 1-5: name, title, a box over Bulgaria, BG
     * policed, the Black Sea QRA posture), then {@code extra} from line 6, for tests of one settings
     * block; its problem reports then name known line numbers.
     */
    public static java.nio.file.Path smallTheatre(java.nio.file.Path dir, String name, String title, String... extra)
            throws java.io.IOException {
        java.nio.file.Path t = java.nio.file.Files.createDirectories(dir.resolve("t"));
        StringBuilder b = new StringBuilder(String.join(
                "\n",
                "name: " + name, // 1
                "title: " + title, // 2
                "area: {south: 41, north: 45, west: 22, east: 30}", // 3
                "policed: [BG]", // 4
                "qra: classpath:/qra/black-sea-2022.yaml")); // 5
        for (String l : extra) b.append('\n').append(l);
        java.nio.file.Files.writeString(
                t.resolve("theatre.yaml"), b.append('\n').toString());
        return t;
    }
}
