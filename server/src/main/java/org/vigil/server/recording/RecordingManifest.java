package org.vigil.server.recording;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.vigil.core.radar.RadarSite;

/**
 * What a replay needs besides the raw bytes: the radar sites the ASTERIX blocks were decoded with
 * (ASTERIX plots are polar, so a block means nothing without its radar's position). Kept next to
 * the journal as {@code DIR/recording.json}; written when recording starts, rewritten if the radar
 * configuration changes (last one wins: a site moved mid-recording is not supported).
 *
 * @param scenario the scenario name when the run was simulated, else null
 * @param theatre  the theatre the run used (a built-in name or a theatre directory's absolute path),
 *                 which replay, playback and export use unless {@code --theatre} says otherwise;
 *                 null in recordings made before it was stored
 */
public record RecordingManifest(
        int version,
        List<RadarSite> radars,
        String scenario,
        @JsonInclude(JsonInclude.Include.NON_NULL) String theatre) {
    public static final String FILE = "recording.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public RecordingManifest {
        radars = radars == null ? List.of() : List.copyOf(radars);
    }

    public static RecordingManifest of(List<RadarSite> radars, String scenario) {
        return of(radars, scenario, null);
    }

    public static RecordingManifest of(List<RadarSite> radars, String scenario, String theatre) {
        return new RecordingManifest(1, radars, scenario, theatre);
    }

    public void write(Path recordingDir) throws IOException {
        Files.createDirectories(recordingDir);
        Path tmp = recordingDir.resolve(FILE + ".tmp");
        JSON.writeValue(tmp.toFile(), this);
        Files.move(
                tmp,
                recordingDir.resolve(FILE),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** The manifest of a recording; an empty one (no radars) if there is none. */
    public static RecordingManifest read(Path recordingDir) throws IOException {
        Path f = recordingDir.resolve(FILE);
        if (!Files.isReadable(f)) return of(List.of(), null, null);
        return JSON.readValue(f.toFile(), RecordingManifest.class);
    }
}
