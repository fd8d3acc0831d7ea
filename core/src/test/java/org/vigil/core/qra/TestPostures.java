package org.vigil.core.qra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The QRA posture the tests plan with: the black-sea-2022 theatre's posture file (bundled data,
 * {@code qra/black-sea-2022.yaml}, sources in {@code qra/SOURCES.md}) with the bundled aircraft
 * profiles. The code names no posture; a theatre gives it (docs/THEATRES.md).
 */
public final class TestPostures {
    private static final String BLACK_SEA_2022 = "/qra/black-sea-2022.yaml";

    private TestPostures() {}

    /** The black-sea-2022 posture: NL F-35s at Graf Ignatievo, BG MiG-29s, RO F-16s, DE Typhoons. */
    public static Posture blackSea2022() {
        try (InputStream in = TestPostures.class.getResourceAsStream(BLACK_SEA_2022)) {
            if (in == null) throw new IllegalStateException(BLACK_SEA_2022 + " missing");
            return QraYaml.posture(in, BLACK_SEA_2022, QraYaml.defaultProfiles());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
