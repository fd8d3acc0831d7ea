package org.vigil.core.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
// SnakeYAML comes with jackson-dataformat-yaml: its loader limits, and its exact error position
import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * The one YAML reader for Vigil's data files (scenarios, identification rules and lists, QRA
 * profiles and postures, zones, the NATO table). Jackson's YAML parser with settings chosen so that
 * what a reader sees is what the author meant, and a hostile or broken file fails fast:
 * <ul>
 * <li>Only {@code true} and {@code false} are booleans (YAML 1.2): {@code NO}, {@code no},
 *     {@code on}, {@code y} stay strings, so Norway's ISO code does not turn into {@code false}.</li>
 * <li>Integers the two YAML versions read differently are errors, not guesses: a leading zero
 *     ({@code 010} is 8 in YAML 1.1 and 10 in 1.2), digit-group underscores ({@code 1_000}) and
 *     binary ({@code 0b11}). Quote them for text, write plain decimals for numbers.</li>
 * <li>No type construction: Jackson builds only maps, lists and scalars, and explicit tags other than
 *     the core {@code !!str}, {@code !!int}, {@code !!float}, {@code !!bool}, {@code !!null},
 *     {@code !!map}, {@code !!seq} are rejected, so {@code !!java.net.URL} is an error rather than a
 *     silently ignored hint.</li>
 * <li>Anchors and aliases are rejected: no data file needs them, Jackson would read an alias as the
 *     anchor's name, and they are what alias bombs ("billion laughs") are made of.</li>
 * <li>Limits: {@value #MAX_CODE_POINTS} code points per document, nesting {@value #MAX_NESTING}
 *     deep.</li>
 * <li>Duplicate keys are errors (a second {@code kind:} silently winning would hide a typo);
 *     content after the first document is an error.</li>
 * <li>Dates and times stay strings for the loaders to parse.</li>
 * </ul>
 * Every error is a {@link YamlException} naming the source, line and column. Runs at start-up,
 * never per message, so it allocates freely. The caller keeps ownership of streams it passes.
 */
public final class SafeYaml {
    /** Largest document, in code points: the biggest bundled file is a few kilobytes. */
    public static final int MAX_CODE_POINTS = 4 * 1024 * 1024;
    /** Deepest nesting of maps and lists: no real file comes close; a runaway file fails fast. */
    public static final int MAX_NESTING = 256;

    private static final Pattern PLAIN_INTEGER = Pattern.compile("[-+]?(?:0|[1-9][0-9]*)|[-+]?0x[0-9a-fA-F]+");
    private static final String CORE_TAG = "tag:yaml.org,2002:";
    private static final java.util.Set<String> CORE_TAGS =
            java.util.Set.of("str", "int", "float", "bool", "null", "map", "seq");

    private static final ObjectMapper MAPPER = new ObjectMapper(factory());

    private SafeYaml() {}

    private static YAMLFactory factory() {
        LoaderOptions limits = new LoaderOptions();
        limits.setCodePointLimit(MAX_CODE_POINTS);
        limits.setMaxAliasesForCollections(0);
        limits.setAllowDuplicateKeys(false);
        limits.setNestingDepthLimit(MAX_NESTING);
        YAMLFactory f = YAMLFactory.builder()
                .loaderOptions(limits)
                .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING)
                        .build())
                .build();
        f.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        f.disable(StreamReadFeature.AUTO_CLOSE_SOURCE.mappedFeature());
        return f;
    }

    /** The tree of a YAML document; a missing node for an empty one. */
    public static JsonNode readTree(InputStream in, String source) throws YamlException {
        try (JsonParser p = parser(in)) {
            return tree(p, source, JsonNode.class);
        } catch (IOException e) {
            throw error(e, source);
        }
    }

    /** The tree of a YAML text; a missing node for an empty one. */
    public static JsonNode readTree(String text, String source) throws YamlException {
        try (JsonParser p = parser(text)) {
            return tree(p, source, JsonNode.class);
        } catch (IOException e) {
            throw error(e, source);
        }
    }

    /**
     * The document as plain Java values: {@link java.util.Map} (insertion ordered), {@link java.util.List},
     * {@link Number} (Integer, Long, BigInteger or Double), {@link String}, {@link Boolean} and {@code null};
     * null for an empty document.
     */
    public static Object readPlain(InputStream in, String source) throws YamlException {
        try (JsonParser p = parser(in)) {
            return tree(p, source, Object.class);
        } catch (IOException e) {
            throw error(e, source);
        }
    }

    /**
     * A streaming parser with the safe settings, for readers that walk tokens themselves (to keep
     * each value's line). Its failures are turned into {@link YamlException} by {@link #error}.
     */
    public static JsonParser parser(String text) throws IOException {
        return new Checked((YAMLParser) MAPPER.getFactory().createParser(text));
    }

    /** As {@link #parser(String)}, over a stream the caller keeps. */
    public static JsonParser parser(InputStream in) throws IOException {
        return new Checked((YAMLParser) MAPPER.getFactory().createParser(in));
    }

    /** Any failure of reading {@code source} as a {@link YamlException} with the best position known. */
    public static YamlException error(IOException e, String source) {
        if (e instanceof YamlException y) return y;
        if (e instanceof Rejected r) {
            return new YamlException(source, r.line, r.column, r.getMessage(), null);
        }
        if (e.getCause() instanceof MarkedYAMLException y && y.getProblemMark() != null) {
            // SnakeYAML knows where the problem is; Jackson's location is its last good token
            Mark at = y.getProblemMark();
            String context = y.getContext() == null ? "" : y.getContext() + ": ";
            return new YamlException(source, at.getLine() + 1, at.getColumn() + 1, context + y.getProblem(), e);
        }
        if (e instanceof JsonProcessingException j) {
            JsonLocation at = j.getLocation();
            String problem = j.getOriginalMessage() == null
                    ? e.toString()
                    : j.getOriginalMessage().lines().findFirst().orElse("");
            return new YamlException(
                    source, at == null ? -1 : at.getLineNr(), at == null ? -1 : at.getColumnNr(), problem, e);
        }
        return new YamlException(source, -1, -1, e.getMessage() == null ? e.toString() : e.getMessage(), e);
    }

    private static <T> T tree(JsonParser p, String source, Class<T> type) throws IOException {
        if (p.nextToken() == null) return type == JsonNode.class ? type.cast(MAPPER.missingNode()) : null;
        T tree = MAPPER.readValue(p, type);
        if (p.nextToken() != null) {
            JsonLocation at = p.currentTokenLocation();
            throw new YamlException(
                    source, at.getLineNr(), at.getColumnNr(), "unexpected content after the first document", null);
        }
        return tree;
    }

    /** A construct the settings forbid, at the token's position (turned into a YamlException by {@link #error}). */
    private static final class Rejected extends JsonProcessingException {
        private static final long serialVersionUID = 1L;
        final int line;
        final int column;

        Rejected(String problem, JsonLocation at) {
            super(problem, at);
            this.line = at.getLineNr();
            this.column = at.getColumnNr();
        }
    }

    /** Checks every token for the constructs the settings forbid. */
    private static final class Checked extends JsonParserDelegate {
        private final YAMLParser yaml;

        Checked(YAMLParser yaml) {
            super(yaml);
            this.yaml = yaml;
        }

        @Override
        public JsonToken nextToken() throws IOException {
            JsonToken t = yaml.nextToken();
            if (t == null) return null;
            if (yaml.isCurrentAlias()) {
                throw new Rejected(
                        "alias *" + yaml.getText() + " is not allowed (anchors and aliases are refused)",
                        yaml.currentTokenLocation());
            }
            String anchor = yaml.getObjectId();
            if (anchor != null) {
                throw new Rejected(
                        "anchor &" + anchor + " is not allowed (anchors and aliases are refused)",
                        yaml.currentTokenLocation());
            }
            String tag = yaml.getTypeId();
            if (tag != null && !(tag.startsWith(CORE_TAG) && CORE_TAGS.contains(tag.substring(CORE_TAG.length())))) {
                throw new Rejected(
                        "tag !" + tag
                                + " is not allowed (only the core tags !!str, !!int, !!float, !!bool, !!null, !!map, !!seq)",
                        yaml.currentTokenLocation());
            }
            if (t == JsonToken.VALUE_NUMBER_INT
                    && !PLAIN_INTEGER.matcher(yaml.getText()).matches()) {
                throw new Rejected(
                        "number '" + yaml.getText()
                                + "' reads differently in YAML 1.1 and 1.2 (leading zero, '_' or 0b):"
                                + " write a plain decimal, or quote it for text",
                        yaml.currentTokenLocation());
            }
            if (t == JsonToken.VALUE_NUMBER_FLOAT && yaml.getText().indexOf('_') >= 0) {
                throw new Rejected(
                        "number '" + yaml.getText()
                                + "' has '_' (YAML 1.1 only): write a plain number, or quote it for text",
                        yaml.currentTokenLocation());
            }
            return t;
        }

        @Override
        public JsonToken nextValue() throws IOException {
            JsonToken t = nextToken();
            return t == JsonToken.FIELD_NAME ? nextToken() : t;
        }
    }
}
