package org.vigil.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.server.recording.Recorder;
import org.vigil.server.recording.RecordingManifest;
import org.vigil.server.replay.ReplayFiles;
import picocli.CommandLine;

/**
 * Recordings and sim outputs store their theatre; replay, playback and export use it unless
 * {@code --theatre} names another.
 */
class RecordedTheatreTest {
    @TempDir
    Path dir;

    @Test
    void aSimDirectoryKeepsItsTheatreAndAReplayUsesItUnlessTheatreOverrides() throws Exception {
        Path out = dir.resolve("baltic-run");
        VigilRun sim = VigilRun.of("sim", "--theatre", "baltic", "--duration", "1m", "--out", out.toString());
        assertThat(sim.code()).as(sim.err()).isZero();
        assertThat(Files.readString(out.resolve("manifest.json"))).contains("\"theatre\" : \"baltic\"");
        assertThat(ReplayFiles.open(out).theatre()).isEqualTo("baltic");

        VigilRun replay = VigilRun.of("replay", out.toString());
        assertThat(replay.code()).as(replay.err()).isZero();
        assertThat(replay.out()).contains("Theatre: baltic (the directory's)");

        VigilRun overridden = VigilRun.of("replay", "--theatre", "iceland", out.toString());
        assertThat(overridden.code()).as(overridden.err()).isZero();
        assertThat(overridden.out()).contains("Theatre: iceland").doesNotContain("Theatre: baltic");
    }

    @Test
    void aRecordingsManifestNamesItsTheatreAndPlaybackUsesIt() throws Exception {
        Path data = dir.resolve("data");
        ServerSecurity secure = new ServerSecurity();
        secure.data = data;
        secure.recordTheatre("baltic");
        try (var security = secure.open();
                Recorder recorder = secure.openRecorder(List.of(), null)) {
            assertThat(security).isNotNull();
            assertThat(recorder).isNotNull();
        }
        Path rec = data.resolve("recording");
        assertThat(RecordingManifest.read(rec).theatre()).isEqualTo("baltic");

        ReplayCommand cmd = new ReplayCommand();
        CommandLine cl = new CommandLine(cmd);
        cl.parseArgs("--recording", data.toString());
        assertThat(cmd.playback.recordedTheatre()).isEqualTo("baltic");
        assertThat(cmd.theatre.loadOr(cl, cmd.playback.recordedTheatre()).name())
                .isEqualTo("baltic");
        cl.parseArgs("--recording", data.toString(), "--theatre", "iceland");
        assertThat(cmd.theatre.loadOr(cl, cmd.playback.recordedTheatre()).name())
                .isEqualTo("iceland");

        // a recording made before the theatre was stored: the default theatre
        RecordingManifest.of(List.of(), null).write(rec);
        assertThat(RecordingManifest.read(rec).theatre()).isNull();
        assertThat(Files.readString(rec.resolve(RecordingManifest.FILE))).doesNotContain("theatre");
        cl.parseArgs("--recording", data.toString());
        assertThat(cmd.theatre.loadOr(cl, cmd.playback.recordedTheatre()).name())
                .isEqualTo("black-sea-2022");
    }

    @Test
    void aMissingRecordedTheatreIsAClearErrorNamingTheOverride() throws Exception {
        Path out = dir.resolve("gone");
        VigilRun sim = VigilRun.of("sim", "--duration", "1m", "--out", out.toString());
        assertThat(sim.code()).as(sim.err()).isZero();
        Path manifest = out.resolve("manifest.json");
        Files.writeString(
                manifest,
                Files.readString(manifest)
                        .replace("\"theatre\" : \"black-sea-2022\"", "\"theatre\" : \"/no/such/dir\""));
        VigilRun replay = VigilRun.of("replay", out.toString());
        assertThat(replay.code()).isNotZero();
        assertThat(replay.err())
                .contains("recorded theatre /no/such/dir (override with --theatre)")
                .doesNotContain("Exception");
    }
}
