package org.vigil.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * `vigil decode` as a user runs it: one JSON object per input line, CPR state kept across lines,
 * bad lines reported and skipped. Expected values are the worked examples of "The 1090 MHz Riddle"
 * (J. Sun), which are also in the shared vectors.
 */
class DecodeCommandTest {
    @TempDir
    Path dir;

    @Test
    void decodesLinesKeepsCprStateAndReportsBadLines() throws Exception {
        Path in = dir.resolve("msgs.txt");
        Files.writeString(
                in,
                String.join(
                                "\n",
                                "8D4840D6202CC371C32CE0576098", // identification KLM1023
                                "1457000000.0 8D40621D58C386435CC412692AD6", // odd frame first: no position yet
                                "1457000001.0 8D40621D58C382D690C8AC2863A7", // even frame: global decode of the pair
                                "8D485020994409940838175B284F", // velocity
                                "not hex at all",
                                "8D4840D6202CC371C32CE0576099")
                        + "\n"); // parity damaged
        List<JsonNode> out = run("decode", in.toString());
        assertThat(out).hasSize(6);

        assertThat(out.get(0).get("icao").asText()).isEqualTo("4840D6");
        assertThat(out.get(0).get("callsign").asText()).isEqualTo("KLM1023");
        assertThat(out.get(0).get("crc_ok").asBoolean()).isTrue();

        assertThat(out.get(1).has("lat")).isFalse();
        assertThat(out.get(2).get("lat").asDouble()).isCloseTo(52.2572, within(1e-4));
        assertThat(out.get(2).get("lon").asDouble()).isCloseTo(3.91937, within(1e-4));
        assertThat(out.get(2).get("altitude_ft").asInt()).isEqualTo(38000);

        assertThat(out.get(3).get("groundspeed_kt").asDouble()).isCloseTo(159.2, within(0.1));
        assertThat(out.get(3).get("track_deg").asDouble()).isCloseTo(182.88, within(0.01));
        assertThat(out.get(3).get("vertical_rate_fpm").asInt()).isEqualTo(-832);

        assertThat(out.get(4).get("error").asText()).isNotBlank();
        assertThat(out.get(5).get("crc_ok").asBoolean()).isFalse();
        assertThat(out.get(5).get("error").asText()).isEqualTo("bad_crc");
    }

    @Test
    void referencePositionGivesALocalDecodeOfASingleFrame() throws Exception {
        Path in = dir.resolve("one.txt");
        Files.writeString(in, "8D40621D58C382D690C8AC2863A7\n");
        List<JsonNode> out = run("decode", "--reference", "52.258,3.918", in.toString());
        assertThat(out.get(0).get("lat").asDouble()).isCloseTo(52.2572, within(1e-3));
        assertThat(out.get(0).get("lon").asDouble()).isCloseTo(3.91937, within(1e-3));
    }

    @Test
    void oddTimestampsAndNonAsciiDigitsAreReportedPerLineNotThrown() throws Exception {
        Path in = dir.resolve("odd.txt");
        Files.writeString(
                in,
                String.join(
                                "\n",
                                "1f 8D4840D6202CC371C32CE0576098", // Java float syntax: not a timestamp
                                "1e3 8D4840D6202CC371C32CE0576098", // exponent: printed plain
                                "8D4840D6202CC371C32CE057609\uFF18")
                        + "\n"); // fullwidth eight is not hex
        List<JsonNode> out = run("decode", in.toString());
        assertThat(out).hasSize(3);
        assertThat(out.get(0).has("timestamp")).isFalse();
        assertThat(out.get(0).get("error").asText()).isEqualTo("bad_hex_length");
        assertThat(out.get(1).get("timestamp").decimalValue()).isEqualByComparingTo("1000");
        assertThat(out.get(1).get("callsign").asText()).isEqualTo("KLM1023");
        assertThat(out.get(2).get("error").asText()).isEqualTo("bad_hex");
    }

    private static List<JsonNode> run(String... args) throws Exception {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            code = new CommandLine(new Vigil()).execute(args);
        } finally {
            System.setOut(old);
        }
        assertThat(code).isZero();
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String l : buf.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!l.isBlank()) lines.add(json.readTree(l));
        }
        return lines;
    }
}
