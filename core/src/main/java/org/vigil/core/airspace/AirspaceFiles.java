package org.vigil.core.airspace;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.vigil.core.yaml.SafeYaml;
import org.vigil.core.yaml.YamlException;

/**
 * Reads start-up data files (zone YAML, NATO table, country and zone GeoJSON) with Jackson into
 * plain trees: {@link java.util.Map} (insertion ordered), {@link java.util.List}, {@link Number}
 * (Integer, Long or Double), {@link String}, {@link Boolean} and {@code null}. {@link GeoJson} and
 * the loaders walk those trees and name the zone and field at fault; syntax errors are reported
 * here as an {@link AirspaceDataException} naming the file and the line and column.
 *
 * <p>YAML is read by {@link SafeYaml} (its settings and why are there). JSON gets the same spirit:
 * duplicate keys are errors, nesting is capped at 256, trailing content after the first value is
 * an error; the caller keeps ownership of the stream. Runs once at start-up, never per message, so
 * it allocates freely.
 */
final class AirspaceFiles {
    private static final int MAX_NESTING = 256;

    private static final ObjectMapper JSON = configure(new JsonFactory());

    private AirspaceFiles() {}

    private static ObjectMapper configure(JsonFactory factory) {
        factory.setStreamReadConstraints(
                StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build());
        factory.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        factory.disable(StreamReadFeature.AUTO_CLOSE_SOURCE.mappedFeature());
        return new ObjectMapper(factory);
    }

    /** The tree of a YAML document; null for an empty one. {@code what} names the file in errors. */
    static Object readYaml(InputStream in, String what) throws IOException {
        try {
            return SafeYaml.readPlain(in, what);
        } catch (YamlException e) {
            throw new AirspaceDataException(e.getMessage(), e);
        }
    }

    /** The tree of a JSON text; null for an empty one. {@code what} names the file in errors. */
    static Object readJson(InputStream in, String what) throws IOException {
        return read(JSON, in, what);
    }

    private static Object read(ObjectMapper mapper, InputStream in, String what) throws IOException {
        try (JsonParser p = mapper.createParser(in)) {
            if (p.nextToken() == null) return null;
            Object tree = mapper.readValue(p, Object.class);
            if (p.nextToken() != null) {
                JsonLocation at = p.currentTokenLocation();
                throw error(what, at.getLineNr(), at.getColumnNr(), "unexpected content after the first value", null);
            }
            return tree;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw error(
                    what,
                    at == null ? -1 : at.getLineNr(),
                    at == null ? -1 : at.getColumnNr(),
                    e.getOriginalMessage(),
                    e);
        }
    }

    /** "what: JSON line L column C: message", leaving out a position the parser did not give (-1). */
    private static AirspaceDataException error(String what, int line, int column, String message, Throwable cause) {
        StringBuilder s = new StringBuilder(what).append(": JSON");
        if (line > 0) {
            s.append(" line ").append(line);
            if (column > 0) s.append(" column ").append(column);
        }
        return new AirspaceDataException(s.append(": ").append(message).toString(), cause);
    }
}
