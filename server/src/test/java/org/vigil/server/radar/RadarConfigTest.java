package org.vigil.server.radar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RadarConfigTest {
    @TempDir
    Path dir;

    private Path write(String json) throws Exception {
        return Files.writeString(dir.resolve("radars.json"), json);
    }

    @Test
    void loadsRadarsAndFeeds() throws Exception {
        Path f = write("""
                {"radars": [{"name": "Glons", "sac": 25, "sic": 10, "lat": 50.75, "lon": 5.55, "heightMetres": 150,
                             "rotationPeriodSeconds": 4.8, "rangeSigmaMetres": 60, "azimuthSigmaDeg": 0.07,
                             "assumedAltitudeFeet": 20000, "instrumentedRangeNm": 200}],
                 "feeds": [{"name": "glons-mc", "type": "udp", "port": 8600, "group": "239.1.2.3"},
                           {"name": "gw", "type": "tcp", "host": "127.0.0.1", "port": 9000},
                           {"name": "rec", "type": "file", "path": "rec.ff", "format": "ff", "date": "2024-03-10"}]}
                """);
        RadarConfig c = RadarConfig.load(f);
        assertThat(c.sites()).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("Glons");
            assertThat(s.sensorId()).isEqualTo("25/10");
            assertThat(s.azimuthSigmaRad()).isEqualTo(Math.toRadians(0.07));
            assertThat(s.assumedHeightMetres()).isEqualTo(20_000 * 0.3048);
            assertThat(s.rangeMetres()).isEqualTo(200 * 1852.0);
        });
        RadarConfig.Setup setup = c.build(new RadarBlocks.Collect(), new Object());
        assertThat(setup.sources())
                .extracting(s -> s.status().kind())
                .containsExactly("udp-multicast", "tcp-client", "file");
        assertThat(setup.sources().get(2).status().endpoint())
                .isEqualTo(dir.resolve("rec.ff").toString());
        assertThat(setup.network().radar(25, 10)).isNotNull();
    }

    @Test
    void mistakesAreNamed() throws Exception {
        assertThatThrownBy(
                        () -> RadarConfig.load(
                                write(
                                        "{\"radars\": [{\"name\": \"x\", \"sac\": 1, \"sic\": 2, \"lat\": 1, \"lon\": 2, \"heigth\": 3}]}")))
                .hasMessageContaining("heigth");
        assertThatThrownBy(() -> RadarConfig.load(
                        write("{\"radars\": [{\"name\": \"x\", \"sac\": 1, \"sic\": 2, \"lon\": 2}]}")))
                .hasMessageContaining("lat");
        assertThatThrownBy(() -> RadarConfig.load(write("{\"radars\": []}"))).hasMessageContaining("no radars");
        assertThatThrownBy(
                        () -> RadarConfig.load(
                                write(
                                        "{\"radars\": [{\"name\": \"x\", \"sac\": 1, \"sic\": 2, \"lat\": 1, \"lon\": 2, \"instrumentedRangeNm\": -5}]}")))
                .hasMessageContaining("instrumented range");
        String radar = "{\"name\": \"x\", \"sac\": 1, \"sic\": 2, \"lat\": 1, \"lon\": 2}";
        assertThatThrownBy(
                        () -> RadarConfig.load(
                                write(
                                        "{\"radars\": [" + radar
                                                + "], \"feeds\": [{\"name\": \"a\", \"type\": \"udp\", \"port\": 1, \"group\": \"10.0.0.1\"}]}")))
                .hasMessageContaining("feed a")
                .hasMessageContaining("not a multicast group");
        assertThatThrownBy(() -> RadarConfig.load(write("{\"radars\": [" + radar + "," + radar + "]}")))
                .hasMessageContaining("share SAC/SIC 1/2");
        assertThatThrownBy(() -> RadarConfig.load(
                        write("{\"radars\": [" + radar + "], \"feeds\": [{\"name\": \"a\", \"type\": \"serial\"}]}")))
                .hasMessageContaining("type must be");
    }
}
