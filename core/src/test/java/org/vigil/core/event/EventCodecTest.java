package org.vigil.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class EventCodecTest {
    /** Golden files: src/test/resources/events/TYPE.json; -Dvigil.events.rewrite=true writes them anew. */
    private static final Path GOLDEN = Path.of("src/test/resources/events");

    @Test
    void everyEventTypeRoundTripsToAnEqualValue() {
        for (VigilEvent e : EventSamples.all()) {
            String json = EventCodec.encode(e);
            assertThat(EventCodec.decode(json)).as(json).isEqualTo(e);
            assertThat(EventCodec.encode(EventCodec.decode(json))).isEqualTo(json);
        }
    }

    @Test
    void theSamplesCoverEveryRecordOfTheSealedFamilyAndEveryTypeName() {
        Set<Class<?>> sampled = new LinkedHashSet<>();
        for (VigilEvent e : EventSamples.all()) sampled.add(e.getClass());
        assertThat(sampled).containsExactlyInAnyOrderElementsOf(leaves());
        Set<String> names = new TreeSet<>();
        for (VigilEvent e : EventSamples.all()) names.add(e.type());
        assertThat(names).isEqualTo(EventSchemaDoc.typeNames());
    }

    @Test
    void everyTypeMatchesItsGoldenFile() throws IOException {
        boolean rewrite = Boolean.getBoolean("vigil.events.rewrite");
        Set<String> seen = new TreeSet<>();
        for (VigilEvent e : EventSamples.all()) {
            Path f = GOLDEN.resolve(e.type() + ".json");
            String json = EventCodec.encode(e) + "\n";
            if (rewrite) Files.writeString(f, json, StandardCharsets.UTF_8);
            assertThat(Files.readString(f, StandardCharsets.UTF_8))
                    .as(f.toString())
                    .isEqualTo(json);
            assertThat(EventCodec.decode(json.strip())).isEqualTo(e);
            seen.add(f.getFileName().toString());
        }
        try (var files = Files.list(GOLDEN)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted()).containsExactlyElementsOf(seen);
        }
    }

    @Test
    void theEnvelopeComesFirstInItsOrderAndNullsAreLeftOut() {
        String json = EventCodec.encode(new IdentEvent.Started(EventSamples.T + 1_234_567, 5, "pending"));
        assertThat(json)
                .isEqualTo("{\"time\":\"2022-04-20T09:00:20.001Z\",\"type\":\"identification-started\",\"schema\":2,"
                        + "\"track\":5,\"identity\":\"pending\"}");
        String posture = EventCodec.encode(new QraEvent.PostureChanged(EventSamples.T, "remove", "U", null, "sam", 3));
        assertThat(posture)
                .startsWith("{\"time\":\"2022-04-20T09:00:20.000Z\",\"type\":\"qra.posture\",\"schema\":2,\"change\"")
                .doesNotContain("detail")
                .doesNotContain("track");
    }

    @Test
    void valuesKeepTheirFixedDecimals() {
        String json = EventCodec.encode(EventSamples.all().stream()
                .filter(e -> e.type().equals("rule-fired"))
                .findFirst()
                .orElseThrow());
        assertThat(json)
                .contains(
                        "\"values\":{\"secondsToEntry\":410.8,\"entryLatDeg\":43.00000,\"entryLonDeg\":28.00000,\"squawk\":\"7700\"}");
    }

    @Test
    void linesOfSchemaOneAreReadAndUnknownKeysIgnored() {
        VigilEvent e =
                EventCodec.decode("{\"time\":\"2022-04-20T09:00:20.000Z\",\"type\":\"track-sensors\",\"track\":5,"
                        + "\"sensors\":[\"Varna\"],\"futureKey\":{\"a\":1}}");
        assertThat(e).isEqualTo(new TrackEvent.Sensors(EventSamples.T, 5, java.util.List.of("Varna")));
        assertThat(e.trackNumber()).isEqualTo(5L);
    }

    @Test
    void unknownTypesNewerSchemasAndNonEventsAreRefused() {
        assertThatThrownBy(() -> EventCodec.decode(
                        "{\"time\":\"2022-04-20T09:00:20.000Z\",\"type\":\"radar-status\",\"track\":1}"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EventCodec.decode(
                        "{\"time\":\"2022-04-20T09:00:20.000Z\",\"type\":\"track-sensors\",\"schema\":99}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("newer");
        assertThatThrownBy(() -> EventCodec.decode("[1]")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EventCodec.decode("{\"type\":\"track-sensors\",\"track\":5,\"sensors\":[]}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("envelope");
        assertThatThrownBy(() ->
                        EventCodec.decode("{\"time\":\"2022-04-20T09:00:20.000Z\",\"type\":\"track-sensors\",\"cut\":"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EventCodec.decode("{\"time\":\"yesterday\",\"type\":\"track-sensors\"}"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EventCodec.decode(
                        "{\"time\":\"2022-04-20T09:00:20.000Z\",\"type\":\"alert-vanished\",\"track\":1}"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theOneTimeFormatTruncatesToTheMillisecondAlsoBefore1970() {
        assertThat(EventTime.format(EventSamples.T + 999_999)).isEqualTo("2022-04-20T09:00:20.000Z");
        assertThat(EventTime.format(-1)).isEqualTo("1969-12-31T23:59:59.999Z");
        assertThat(EventTime.parse("2022-04-20T09:00:20.5Z")).isEqualTo(EventSamples.T + 500_000_000);
        assertThat(EventTime.toMillis(-1)).isEqualTo(-1_000_000);
    }

    static Set<Class<?>> leaves() {
        Set<Class<?>> out = new LinkedHashSet<>();
        Deque<Class<?>> todo = new ArrayDeque<>();
        todo.add(VigilEvent.class);
        while (!todo.isEmpty()) {
            Class<?> c = todo.poll();
            if (c.isRecord()) out.add(c);
            else for (Class<?> s : c.getPermittedSubclasses()) todo.add(s);
        }
        return out;
    }
}
