package org.vigil.server.theatre;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Where a theatre's files are: a directory on disk, or a built-in one under {@code /theatres/NAME/}
 * on the classpath. A reference in {@code theatre.yaml} is a path relative to the theatre, or
 * {@code classpath:/...} for data bundled with Vigil (one copy of shared data, never two).
 */
final class TheatreFiles {
    static final String CLASSPATH = "classpath:";

    private final Path dir;
    private final String resourceDir;
    private final String label;

    private TheatreFiles(Path dir, String resourceDir, String label) {
        this.dir = dir;
        this.resourceDir = resourceDir;
        this.label = label;
    }

    static TheatreFiles directory(Path dir) {
        return new TheatreFiles(dir, null, dir.toString());
    }

    static TheatreFiles builtIn(String name) {
        return new TheatreFiles(null, "/theatres/" + name + "/", "theatres/" + name);
    }

    /** How to name this theatre to load it again: the built-in's name, or the directory's absolute path. */
    String source() {
        if (dir != null) return dir.toAbsolutePath().normalize().toString();
        return resourceDir.substring("/theatres/".length(), resourceDir.length() - 1);
    }

    /** The directory on disk, null for a built-in. */
    Path dir() {
        return dir;
    }

    /** How a file is named in messages: {@code DIR/qra.yaml}, {@code theatres/baltic/qra.yaml}, {@code classpath:/...}. */
    String display(String ref) {
        if (ref.startsWith(CLASSPATH)) return ref;
        return label + "/" + ref;
    }

    String readString(String ref) throws IOException {
        return new String(read(ref), StandardCharsets.UTF_8);
    }

    byte[] read(String ref) throws IOException {
        if (ref.startsWith(CLASSPATH)) return resource(ref.substring(CLASSPATH.length()), ref);
        if (dir == null) return resource(resourceDir + ref, display(ref));
        Path p = dir.resolve(ref);
        if (!Files.isRegularFile(p)) throw new NoSuchFileException(display(ref));
        return Files.readAllBytes(p);
    }

    private static byte[] resource(String name, String shown) throws IOException {
        try (InputStream in = TheatreFiles.class.getResourceAsStream(name)) {
            if (in == null) throw new NoSuchFileException(shown);
            return in.readAllBytes();
        }
    }
}
