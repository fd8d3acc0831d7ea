package org.vigil.server.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The splitter turns JSON Lines from either writer into events; bad lines are counted, never thrown. */
class RecordEventLinesTest {
    @Test
    void envelopeIsReadFromBytesAndCharsAndBadLinesAreCounted() throws Exception {
        List<String> got = new ArrayList<>();
        EventLineSplitter s = new EventLineSplitter((type, t, track, json) -> got.add(type + "|" + t + "|" + track + "|" + json));
        String a = "{\"time\":\"2022-04-20T09:00:20.500Z\",\"type\":\"track-updated\",\"track\":5,\"lat\":43.0}";
        byte[] bytes = (a + "\n").getBytes(StandardCharsets.UTF_8);
        s.stream().write(bytes, 0, 10); // a line may arrive in pieces
        s.stream().write(bytes, 10, bytes.length - 10);
        s.append("{\"time\":\"2022-04-20T09:00:21Z\",\"type\":\"alert-raised\",\"track\":5,\"alert\":1,\"text\":\"Ünïcode\"}\n");
        s.append("{\"time\":\"2022-04-20T09:00:22Z\",\"type\":\"scenario-note\"}\n"); // no track
        s.append("not json\n");
        s.append("{\"type\":\"x\"}\n"); // no time
        s.append("{\"time\":\"yesterday\",\"type\":\"x\"}\n");
        s.append("{\"time\":\"2022-04-20T09:00:22Z\",\"type\":\"x\",\"track\":1,\"cut\":\n"); // truncated JSON
        s.append("{\"time\":\"2022-04-20T09:00:22Z\",\"type\":\"x\",\"track\":1} trailing\n");
        s.append("\n");
        assertThat(got).containsExactly(
                "track-updated|1650445220500000000|5|" + a,
                "alert-raised|1650445221000000000|5|{\"time\":\"2022-04-20T09:00:21Z\",\"type\":\"alert-raised\",\"track\":5,\"alert\":1,\"text\":\"Ünïcode\"}",
                "scenario-note|1650445222000000000|null|{\"time\":\"2022-04-20T09:00:22Z\",\"type\":\"scenario-note\"}");
        assertThat(s.lines()).isEqualTo(3);
        assertThat(s.malformed()).isEqualTo(5);
    }
}
