package org.vigil.core.airspace;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
// SnakeYAML comes with jackson-dataformat-yaml; used only to report its exact error position
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads start-up data files (zone YAML, NATO table, country and zone GeoJSON) with Jackson into
 * plain trees: {@link java.util.Map} (insertion ordered), {@link java.util.List}, {@link Number}
 * (Integer, Long or Double), {@link String}, {@link Boolean} and {@code null}. {@link GeoJson} and
 * the loaders walk those trees and name the zone and field at fault; syntax errors are reported
 * here as an {@link AirspaceDataException} naming the file and Jackson's line and column.
 *
 * <p>Settings, and why: duplicate keys are errors (a second {@code kind:} silently winning would
 * hide a typo); YAML words such as {@code NO}, {@code ON}, {@code Y} stay strings (Norway's ISO
 * code must not turn into {@code false}); dates and times stay strings for the loaders to parse;
 * nesting is capped at 256 (no real file comes close; a runaway file fails fast); trailing content
 * after the first value or YAML document is an error; the caller keeps ownership of the stream.
 * Runs once at start-up, never per message, so it allocates freely.
 */
final class AirspaceFiles {
    private static final int MAX_NESTING = 256;

    private static final ObjectMapper JSON = configure(new JsonFactory());
    private static final ObjectMapper YAML = configure(YAMLFactory.builder()
            .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
            .build());

    private AirspaceFiles() { }

    private static ObjectMapper configure(JsonFactory factory) {
        factory.setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build());
        factory.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        factory.disable(StreamReadFeature.AUTO_CLOSE_SOURCE.mappedFeature());
        return new ObjectMapper(factory);
    }

    /** The tree of a YAML document; null for an empty one. {@code what} names the file in errors. */
    static Object readYaml(InputStream in, String what) throws IOException {
        return read(YAML, in, what, "YAML");
    }

    /** The tree of a JSON text; null for an empty one. {@code what} names the file in errors. */
    static Object readJson(InputStream in, String what) throws IOException {
        return read(JSON, in, what, "JSON");
    }

    private static Object read(ObjectMapper mapper, InputStream in, String what, String format) throws IOException {
        try (JsonParser p = mapper.createParser(in)) {
            if (p.nextToken() == null) return null;
            Object tree = mapper.readValue(p, Object.class);
            if (p.nextToken() != null) {
                JsonLocation at = p.currentTokenLocation();
                throw error(what, format, at.getLineNr(), at.getColumnNr(), "unexpected content after the first "
                        + ("YAML".equals(format) ? "document" : "value"), null);
            }
            return tree;
        } catch (JsonProcessingException e) {
            if (e.getCause() instanceof MarkedYAMLException y && y.getProblemMark() != null) {
                // SnakeYAML knows where the problem is; Jackson's location is its last good token
                Mark at = y.getProblemMark();
                String context = y.getContext() == null ? "" : y.getContext() + ": ";
                throw error(what, format, at.getLine() + 1, at.getColumn() + 1, context + y.getProblem(), e);
            }
            JsonLocation at = e.getLocation();
            throw error(what, format, at == null ? -1 : at.getLineNr(), at == null ? -1 : at.getColumnNr(),
                    e.getOriginalMessage(), e);
        }
    }

    /** "what: FORMAT line L column C: message", leaving out a position the parser did not give (-1). */
    private static AirspaceDataException error(String what, String format, int line, int column, String message,
                                               Throwable cause) {
        StringBuilder s = new StringBuilder(what).append(": ").append(format);
        if (line > 0) {
            s.append(" line ").append(line);
            if (column > 0) s.append(" column ").append(column);
        }
        return new AirspaceDataException(s.append(": ").append(message).toString(), cause);
    }
}
