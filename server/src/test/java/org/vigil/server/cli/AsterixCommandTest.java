package org.vigil.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.codec.asterix.Cat048Writer;
import picocli.CommandLine;

/** `vigil asterix` as a user runs it: JSON per record, and bad options or input answered, not thrown. */
class AsterixCommandTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = new CommandLine(new Vigil()).execute(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path plotFile() throws Exception {
        byte[] buf = new byte[256];
        Cat048Writer w = new Cat048Writer().startBlock(buf, 0);
        w.clear().dataSource(25, 10).timeOfDay(100).descriptor(1, 0, 0, 0, 0).polar(300 * 1852.0, 90);
        w.endRecord();
        Path f = dir.resolve("plot.ast");
        Files.write(f, Arrays.copyOf(buf, w.endBlock()));
        return f;
    }

    @Test
    void printsOneJsonObjectPerRecordWithTheExtendedRange() throws Exception {
        Run r = run("asterix", "--quiet", plotFile().toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode rec = new ObjectMapper().readTree(r.out().strip());
        assertThat(rec.get("cat").asInt()).isEqualTo(48);
        assertThat(rec.at("/I048~1010/SAC").asInt()).isEqualTo(25);
        assertThat(rec.at("/I048~1040/RHO").asDouble()).isEqualTo(0xFFFF / 256.0);
        assertThat(rec.at("/I048~1RE/REF/ERR").asDouble()).isEqualTo(300.0);
    }

    @Test
    void badEditionAndForcedFormatOnShortInputAreAnsweredNotThrown() throws Exception {
        Path f = plotFile();
        Run bad = run("asterix", "--edition", "x=1.31", f.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("no shipped edition x=1.31").doesNotContain("Exception");

        Path tiny = dir.resolve("tiny.pcap");
        Files.write(tiny, new byte[] {(byte) 0xA1, (byte) 0xB2, (byte) 0xC3});
        Run pcap = run("asterix", "--format", "PCAP", tiny.toString());
        assertThat(pcap.code()).isEqualTo(1);
        assertThat(pcap.err()).contains("framing_errors=1").doesNotContain("Exception");
    }
}
