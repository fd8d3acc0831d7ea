package org.vigil.server.replay;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** File helpers shared by the replay inputs. */
final class InputFiles {
    private InputFiles() {}

    /** Opens a file, unwrapping gzip when it starts with 1F 8B. The stream supports mark/reset. */
    static InputStream open(Path path) throws IOException {
        return org.vigil.server.feed.FileSource.open(path);
    }

    /** The first octets of a (possibly gzipped) file, for format detection. */
    static byte[] head(Path path, int n) throws IOException {
        try (InputStream in = open(path)) {
            return in.readNBytes(n);
        }
    }

    /** Only the non-zero counts, in the given order (summaries stay short). */
    static Map<String, Long> nonZero(Map<String, Long> all) {
        Map<String, Long> out = new LinkedHashMap<>();
        all.forEach((k, v) -> {
            if (v != null && v != 0) out.put(k, v);
        });
        return out;
    }
}
