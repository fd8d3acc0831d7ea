package org.vigil.codec.asterix;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CAT063 sensor status and CAT065 SDPS service messages as Vigil's CAT062 output sends them, read back
 * by Vigil's spec-driven decoder (editions 1.7 and 1.6) and by Wireshark's ASTERIX dissector with 0
 * malformed packets (skipped, saying so, without tshark on the PATH; `./vigil test` installs it).
 */
class Cat063Cat065WriterTest {
    @TempDir
    Path dir;

    /** A datagram: a CAT063 block of two sensors, then a CAT065 block with an SDPS status, an end of batch and a service report. */
    private static int datagram(byte[] buf) {
        Cat063Writer s = new Cat063Writer().startBlock(buf, 0);
        s.report(25, 100, 1, 36000.5, 25, 10, Cat063Writer.OPERATIONAL, 0);
        assertThat(s.endRecord()).isPositive();
        s.report(
                25, 100, 1, 36000.5, 25, 11, Cat063Writer.NOT_CONNECTED, Cat063Writer.SSR_NOGO | Cat063Writer.MDS_NOGO);
        assertThat(s.endRecord()).isPositive();
        int n = s.endBlock();
        Cat065Writer m = new Cat065Writer().startBlock(buf, n);
        m.sdpsStatus(25, 100, 1, 36000.5, Cat065Writer.OPERATIONAL, false, true);
        assertThat(m.endRecord()).isPositive();
        m.endOfBatch(25, 100, 1, 36000.75, 0);
        assertThat(m.endRecord()).isPositive();
        m.serviceStatus(25, 100, 1, 36001, 1);
        assertThat(m.endRecord()).isPositive();
        return n + m.endBlock();
    }

    @Test
    void vigilsDecoderReadsEveryField() {
        byte[] buf = new byte[256];
        int len = datagram(buf);
        CategorySpec c63 = AsterixSpecs.edition(63, "1.7"), c65 = AsterixSpecs.edition(65, "1.6");
        List<String> seen = new ArrayList<>();
        AsterixDecoder d = new AsterixDecoder(Map.of(63, c63, 65, c65));
        int records = d.decode(buf, 0, len, r -> {
            if (r.category() == 63) {
                assertThat(FieldRef.resolve(c63, "010", "SAC").value(r)).isEqualTo(25);
                assertThat(FieldRef.resolve(c63, "010", "SIC").value(r)).isEqualTo(100);
                assertThat(FieldRef.resolve(c63, "015").value(r)).isEqualTo(1);
                assertThat(FieldRef.resolve(c63, "030").value(r)).isEqualTo(36000.5);
                seen.add("63:"
                        + (long) FieldRef.resolve(c63, "050", "SIC").value(r)
                        + " con " + (long) FieldRef.resolve(c63, "060", "CON").value(r)
                        + " psr " + (long) FieldRef.resolve(c63, "060", "PSR").value(r)
                        + " ssr " + (long) FieldRef.resolve(c63, "060", "SSR").value(r)
                        + " mds " + (long) FieldRef.resolve(c63, "060", "MDS").value(r));
            } else {
                assertThat(r.category()).isEqualTo(65);
                assertThat(FieldRef.resolve(c65, "010", "SIC").value(r)).isEqualTo(100);
                assertThat(FieldRef.resolve(c65, "015").value(r)).isEqualTo(1);
                long type = (long) FieldRef.resolve(c65, "000").value(r);
                String what = type == 1
                        ? "nogo " + (long) FieldRef.resolve(c65, "040", "NOGO").value(r) + " sttn "
                                + (long) FieldRef.resolve(c65, "040", "STTN").value(r)
                        : type == 2
                                ? "batch " + (long) FieldRef.resolve(c65, "020").value(r)
                                : "report "
                                        + (long) FieldRef.resolve(c65, "050").value(r);
                seen.add("65:" + type + " " + what + " at "
                        + FieldRef.resolve(c65, "030").value(r));
            }
        });
        assertThat(d.stats().rejectedTotal()).isZero();
        assertThat(records).isEqualTo(5);
        assertThat(seen)
                .containsExactly(
                        "63:10 con 0 psr 0 ssr 0 mds 0",
                        "63:11 con 3 psr 0 ssr 1 mds 1",
                        "65:1 nogo 0 sttn 1 at 36000.5",
                        "65:2 batch 0 at 36000.75",
                        "65:3 report 1 at 36001.0");
    }

    @Test
    void wiresharksDissectorReadsItWithoutMalformedPackets() throws Exception {
        Assumptions.assumeTrue(
                Cat062WriterTest.works("tshark", "--version"), "tshark (Debian package tshark) is not on the PATH");
        byte[] buf = new byte[256];
        int len = datagram(buf);
        Path pcap = dir.resolve("cat063-065.pcap");
        Files.write(pcap, Cat062WriterTest.pcap(buf, len, 2));
        String malformed = Cat062WriterTest.run(
                "tshark", "-r", pcap.toString(), "-Y", "_ws.malformed || _ws.expert.severity >= 6");
        assertThat(malformed.trim()).as("malformed or error packets").isEmpty();
        String fields = Cat062WriterTest.run("tshark", "-r", pcap.toString(), "-V", "-Y", "asterix");
        // Wireshark's own reading equals what was written (and Vigil's decoder read, above)
        assertThat(fields)
                .contains("Category: 63")
                .contains("CON: Operational (0)")
                .contains("CON: Not currently connected (3)")
                .contains("SSR: SSR NOGO (1)")
                .contains("MDS: MDS NOGO (1)")
                .contains("Category: 65")
                .contains("Message Type: SDPS Status (1)")
                .contains("NOGO: Operational (0)")
                .contains("Message Type: End of Batch (2)")
                .contains("Batch Number: 0")
                .contains("Time of Message, [s]: 36000.75")
                .contains("Service Status Report: Service degradation (1)")
                .doesNotContain("Malformed");
        assertThat(fields.split("Asterix message, #", -1)).hasSize(2 * 5 + 1); // 2 copies x 5 records
    }
}
