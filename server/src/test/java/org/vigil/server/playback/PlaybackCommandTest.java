package org.vigil.server.playback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.server.cli.Vigil;
import picocli.CommandLine;

/** {@code vigil replay --recording DIR}: plays a period once and says whether its events are the recorded ones. */
@Timeout(120)
class PlaybackCommandTest {
    @TempDir
    Path data;

    @Test
    void aRecordedPeriodReplaysToTheRecordedEvents() throws Exception {
        Path dir = data.resolve("recording"); // as `vigil run --data DATA` lays it out
        long start;
        try (PlaybackRecording rec = new PlaybackRecording(dir, 150)) {
            start = rec.startNanos;
        }
        String from = Instant.ofEpochSecond(0, start + 40_000_000_000L).toString();
        String to = Instant.ofEpochSecond(0, start + 120_000_000_000L).toString();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            code = new CommandLine(new Vigil())
                    .execute("replay", "--recording", data.toString(), "--from", from, "--to", to);
        } finally {
            System.setOut(saved);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text)
                .contains("Playback of " + from)
                .contains("identical to the replayed ones")
                .contains("track-updated=");
        assertThat(code).as(text).isZero();

        assertThat(new CommandLine(new Vigil()).execute("replay", "--recording", data.toString(), "--speed", "fast"))
                .isEqualTo(2);
        assertThat(new CommandLine(new Vigil())
                        .execute("replay", "--recording", data.toString(), "--from", to, "--to", from))
                .isEqualTo(2);
    }
}
